// Routee voice endpoints: voice campaigns, voice message tracking, voice conversations.

import { round, type Json } from '../check';
import type { Ctx, Reply } from '../http';
import { countryOf } from '../numbers';
import { voiceTrackingPayload } from './callbacks';
import {
	ROUTEE_CODES,
	checkConversation,
	checkConversationAction,
	checkVoiceCampaign,
	routeeFailure,
} from './contract';
import {
	campaignView,
	conversationView,
	failed,
	iso,
	newCampaign,
	ok,
	trackingNotFound,
	type RouteeDeps,
} from './common';
import { balanceFailure, noRecipientsFailure, resolveRecipients } from './recipients';
import { VOICE_CALL_PRICE, VOICE_FINAL, uuid, type Conversation, type VoiceMessage } from './state';

export function sendVoiceCampaign(deps: RouteeDeps, ctx: Ctx, app: string): Reply {
	const { state } = deps;
	const checked = checkVoiceCampaign(ctx.body, ctx.now);
	if (!checked.ok) return failed(checked.failure);
	const request = checked.value;
	const resolved = resolveRecipients(state, request, 'Voice');
	if (!resolved.ok) return failed(resolved.failure);
	const { recipients, analysis } = resolved.value;
	if (!recipients.length) return failed(noRecipientsFailure().failure);
	if (request.campaignName && state.campaignNameTaken(request.campaignName)) {
		return failed(
			routeeFailure(
				409,
				ROUTEE_CODES.nameTaken,
				`Your account already has a campaign with the given name: ${request.campaignName}`,
			),
		);
	}
	const cost = round(recipients.length * VOICE_CALL_PRICE);
	if (cost > state.balance) return failed(balanceFailure(cost, state.balance).failure);
	state.balance = round(state.balance - cost);
	const campaign = newCampaign('Voice', ctx.now, app);
	campaign.state = request.scheduledAt !== null ? 'Scheduled' : 'Queued';
	campaign.scheduledAt = request.scheduledAt;
	campaign.campaignName = request.campaignName;
	campaign.campaignCallback = request.campaignCallback;
	campaign.requestBody = ctx.body as Json;
	campaign.cost = cost;
	campaign.messageIds = recipients.map((recipient) => {
		const message: VoiceMessage = {
			messageId: uuid(),
			campaignTrackingId: campaign.trackingId,
			conversationTrackingId: null,
			campaignName: request.campaignName,
			groups: recipient.groups,
			to: recipient.number,
			from: request.from,
			status: 'Queued',
			createdAt: campaign.createdAt,
			updatedDate: campaign.createdAt,
			duration: 0,
			price: VOICE_CALL_PRICE,
			callback: request.callback,
			country: countryOf(recipient.number),
			applicationName: app,
			audioMessage: request.message,
			fileURL: request.fileURL,
			hangupDelay: request.hangupDelay,
			respectQuietHours: request.respectQuietHours,
			hangupRequested: false,
			collectDtmfDigits: request.collectDtmfDigits,
			collectedTones: null,
		};
		state.voiceMessages.set(message.messageId, message);
		return message.messageId;
	});
	campaign.response = {
		trackingId: campaign.trackingId,
		type: 'Voice',
		state: campaign.state,
		createdAt: campaign.createdAt,
		campaignName: request.campaignName,
		from: request.from,
		to: request.to,
		contacts: request.contacts,
		groups: request.groups,
		message: request.message,
		fileURL: request.fileURL,
		respectQuietHours: request.respectQuietHours,
		scheduledDate: request.scheduledAt !== null ? iso(request.scheduledAt) : null,
		hangupDelay: request.hangupDelay,
		callback: request.callback,
		campaignCallback: request.campaignCallback,
		collectDtmfDigits: request.collectDtmfDigits,
		collectDtmfAwaitSeconds: request.collectDtmfAwaitSeconds,
		cost,
		statuses: {},
		voiceAnalysis: { ...analysis, dialPlanAnalysis: {} },
	};
	state.campaigns.set(campaign.trackingId, campaign);
	deps.delivery.startCampaign(campaign);
	return ok(campaignView(state, campaign));
}

export function trackVoiceMessage(deps: RouteeDeps, ctx: Ctx): Reply {
	const message = deps.state.voiceMessages.get(ctx.params.messageId);
	if (!message) return trackingNotFound(ctx.params.messageId);
	return ok(voiceTrackingPayload(message));
}

// ---------------------------------------------------------------- voice conversation

export function startConversation(deps: RouteeDeps, ctx: Ctx, app: string): Reply {
	const { state } = deps;
	const interval = deps.conversationMinIntervalMs();
	const since = ctx.now - state.lastConversationAt;
	if (since < interval) {
		const body = {
			code: ROUTEE_CODES.rateLimited,
			developerMessage: `Too many requests: POST /voice/conversation is limited to 1 request per ${interval} ms (retry in ${interval - since} ms)`,
		};
		return {
			status: 429,
			body,
			headers: { 'retry-after': String(Math.ceil((interval - since) / 1000)) },
		};
	}
	state.lastConversationAt = ctx.now;
	const checked = checkConversation(ctx.body);
	if (!checked.ok) return failed(checked.failure);
	const request = checked.value;
	if (VOICE_CALL_PRICE > state.balance)
		return failed(balanceFailure(VOICE_CALL_PRICE, state.balance).failure);
	state.balance = round(state.balance - VOICE_CALL_PRICE);
	const createdAt = iso(ctx.now);
	const conversation: Conversation = {
		trackingId: uuid(),
		messageId: uuid(),
		request,
		response: {},
	};
	conversation.response = {
		trackingId: conversation.trackingId,
		direction: 'Outbound',
		from: request.from,
		to: request.to,
		dialPlanUrl: request.dialPlanUrl,
		dialPlan: request.dialPlan,
		callback: request.callback,
		hangupDelay: request.hangupDelay,
		createdAt,
		maxDuration: request.maxDuration,
		machineDetection: request.machineDetection,
	};
	const message: VoiceMessage = {
		messageId: conversation.messageId,
		campaignTrackingId: null,
		conversationTrackingId: conversation.trackingId,
		campaignName: null,
		groups: [],
		to: request.toAddress,
		from: request.from,
		status: 'Queued',
		createdAt,
		updatedDate: createdAt,
		duration: 0,
		price: VOICE_CALL_PRICE,
		callback: request.callback,
		country: countryOf(request.toAddress),
		applicationName: app,
		audioMessage: null,
		fileURL: null,
		hangupDelay: request.hangupDelay,
		respectQuietHours: false,
		hangupRequested: false,
		collectDtmfDigits: false,
		collectedTones: null,
	};
	state.conversations.set(conversation.trackingId, conversation);
	state.voiceMessages.set(message.messageId, message);
	deps.delivery.startConversation(conversation, message);
	return ok(conversationView(conversation));
}

function findConversation(deps: RouteeDeps, id: string): Conversation | undefined {
	return (
		deps.state.conversations.get(id) ??
		[...deps.state.conversations.values()].find((c) => c.messageId === id)
	);
}

export function getConversation(deps: RouteeDeps, ctx: Ctx): Reply {
	const conversation = deps.state.conversations.get(ctx.params.trackingId);
	if (!conversation)
		return failed(
			routeeFailure(
				404,
				ROUTEE_CODES.conversationMissing,
				`Conversation ${ctx.params.trackingId} not found`,
			),
		);
	return ok(conversationView(conversation));
}

export function actOnConversation(deps: RouteeDeps, ctx: Ctx): Reply {
	const conversation = findConversation(deps, ctx.params.messageId);
	if (!conversation)
		return failed(
			routeeFailure(
				404,
				ROUTEE_CODES.conversationMissing,
				`Conversation message ${ctx.params.messageId} not found`,
			),
		);
	const checked = checkConversationAction(ctx.body);
	if (!checked.ok) return failed(checked.failure);
	const message = deps.state.voiceMessages.get(conversation.messageId) as VoiceMessage;
	if (VOICE_FINAL.includes(message.status)) {
		return failed(
			routeeFailure(
				400,
				ROUTEE_CODES.callEnded,
				`The call already ended (status ${message.status})`,
			),
		);
	}
	deps.delivery.hangup(message);
	return ok(conversationView(conversation));
}
