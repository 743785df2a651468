// Shared pieces of the Routee endpoints: dependencies, replies, lookups, views.

import type { Json } from '../check';
import type { Reply } from '../http';
import { campaignStatuses, smsPartPayload, type RouteeDelivery } from './callbacks';
import { ROUTEE_CODES, routeeFailure, type RouteeFailure } from './contract';
import { uuid, type Campaign, type Conversation, type RouteeState, type SmsMessage } from './state';

export interface RouteeDeps {
	state: RouteeState;
	delivery: RouteeDelivery;
	conversationMinIntervalMs: () => number;
}

export const ok = (body: unknown): Reply => ({ status: 200, body });
export const failed = (failure: RouteeFailure): Reply => ({
	status: failure.status,
	body: failure.body,
});
export const iso = (ms: number) => new Date(ms).toISOString();

export function personalise(text: string, fallbackValues: Record<string, string> | null): string {
	return text.replace(/\[~([^\]]+)\]/g, (_, label: string) => fallbackValues?.[label] ?? '');
}

export function page<T>(items: T[], page: number, size: number): Json {
	const content = items.slice(page * size, page * size + size);
	const totalPages = Math.ceil(items.length / size);
	return {
		content,
		totalElements: items.length,
		totalPages,
		last: page >= totalPages - 1,
		first: page === 0,
		number: page,
		size,
		numberOfElements: content.length,
	};
}

export function campaignView(state: RouteeState, campaign: Campaign): Json {
	return {
		...campaign.response,
		state: campaign.state,
		statuses: campaignStatuses(state, campaign),
		cost: campaign.cost,
	};
}

export function conversationView(conversation: Conversation): Json {
	return conversation.response;
}

export function newCampaign(
	type: Campaign['type'],
	now: number,
	applicationName: string,
): Campaign {
	return {
		type,
		trackingId: uuid(),
		createdAt: iso(now),
		state: 'Queued',
		version: 0,
		scheduledAt: null,
		campaignName: null,
		campaignCallback: null,
		response: {},
		requestBody: {},
		messageIds: [],
		cost: 0,
		applicationName,
		callbackChain: Promise.resolve(),
	};
}

export function findCampaign(
	deps: RouteeDeps,
	trackingId: string,
	type?: Campaign['type'],
): Campaign | null {
	const campaign = deps.state.campaigns.get(trackingId);
	return campaign && (!type || campaign.type === type) ? campaign : null;
}

export const campaignNotFound = (trackingId: string) =>
	failed(routeeFailure(404, ROUTEE_CODES.campaignMissing, `Campaign ${trackingId} not found`));
export const trackingNotFound = (id: string) =>
	failed(routeeFailure(404, ROUTEE_CODES.trackingMissing, `No tracking found for ${id}`));
export const notScheduled = (campaign: Campaign) =>
	failed(
		routeeFailure(
			400,
			ROUTEE_CODES.notScheduled,
			`Campaign ${campaign.trackingId} is not in state Scheduled (state ${campaign.state})`,
		),
	);

export function smsEntries(message: SmsMessage): Json[] {
	return Array.from({ length: message.parts }, (_, i) => smsPartPayload(message, i + 1, 'body'));
}
