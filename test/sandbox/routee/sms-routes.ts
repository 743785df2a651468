// Routee SMS endpoints: campaigns (send, analyze, update), single SMS, single-message tracking.

import { isObject, round, type Json } from '../check';
import { analyzeBody, smsParts } from '../gsm';
import type { Ctx, Reply } from '../http';
import { countryOf } from '../numbers';
import {
	ROUTEE_CODES,
	checkSingleSms,
	checkSmsCampaign,
	routeeFailure,
	type Checked,
	type SmsCampaignRequest,
} from './contract';
import {
	campaignNotFound,
	campaignView,
	failed,
	findCampaign,
	iso,
	newCampaign,
	notScheduled,
	ok,
	personalise,
	smsEntries,
	trackingNotFound,
	type RouteeDeps,
} from './common';
import {
	balanceFailure,
	noRecipientsFailure,
	resolveRecipients,
	type ResolvedRecipients,
} from './recipients';
import { SMS_PART_PRICE, uuid, type Campaign, type SmsMessage } from './state';

interface PreparedSms {
	request: SmsCampaignRequest;
	resolved: ResolvedRecipients;
	text: string;
	cost: number;
	bodyAnalysis: ReturnType<typeof analyzeBody>;
}

function prepareSmsCampaign(
	deps: RouteeDeps,
	body: unknown,
	now: number,
	mode: 'send' | 'analyze',
	except?: Campaign,
): Checked<PreparedSms> {
	const checked = checkSmsCampaign(body, now);
	if (!checked.ok) return checked;
	const request = checked.value;
	const resolved = resolveRecipients(deps.state, request, 'Sms');
	if (!resolved.ok) return resolved;
	const bodyAnalysis = analyzeBody(request.body);
	const text =
		request.transcode && bodyAnalysis.transcode ? bodyAnalysis.transcode.message : request.body;
	const cost = round(resolved.value.recipients.length * smsParts(text) * SMS_PART_PRICE);
	if (mode === 'send') {
		if (!resolved.value.recipients.length) return noRecipientsFailure();
		if (
			request.campaignName &&
			deps.state.campaignNameTaken(request.campaignName, except?.trackingId)
		) {
			return {
				ok: false,
				failure: routeeFailure(
					409,
					ROUTEE_CODES.nameTaken,
					`Your account already has a campaign with the given name: ${request.campaignName}`,
				),
			};
		}
		const available = deps.state.balance + (except?.cost ?? 0);
		if (cost > available) return balanceFailure(cost, round(deps.state.balance));
	}
	return { ok: true, value: { request, resolved: resolved.value, text, cost, bodyAnalysis } };
}

/** Fills `campaign` (new or updated) from a prepared SMS campaign, charges it and starts delivery. */
function materialiseSmsCampaign(
	deps: RouteeDeps,
	campaign: Campaign,
	prepared: PreparedSms,
	requestBody: Json,
	applicationName: string,
): void {
	const { state } = deps;
	const { request, resolved } = prepared;
	for (const id of campaign.messageIds) state.smsMessages.delete(id);
	state.balance = round(state.balance + campaign.cost - prepared.cost);
	campaign.cost = prepared.cost;
	campaign.version++;
	campaign.state = request.scheduledAt !== null ? 'Scheduled' : 'Queued';
	campaign.scheduledAt = request.scheduledAt;
	campaign.campaignName = request.campaignName;
	campaign.campaignCallback = request.campaignCallback;
	campaign.requestBody = requestBody;
	campaign.messageIds = resolved.recipients.map((recipient) => {
		const text = personalise(prepared.text, request.fallbackValues);
		const parts = smsParts(text);
		const message: SmsMessage = {
			messageId: uuid(),
			smsIds: Array.from({ length: parts }, () => uuid()),
			campaignTrackingId: campaign.trackingId,
			campaignName: request.campaignName,
			groups: recipient.groups,
			to: recipient.number,
			from: request.from,
			text,
			parts,
			label: null,
			status: 'Queued',
			reason: null,
			createdAt: campaign.createdAt,
			updatedDate: iso(Date.now()),
			callback: request.callback,
			country: countryOf(recipient.number),
			applicationName,
		};
		state.smsMessages.set(message.messageId, message);
		return message.messageId;
	});
	campaign.response = {
		trackingId: campaign.trackingId,
		createdAt: campaign.createdAt,
		type: 'Sms',
		scheduledDate: request.scheduledAt !== null ? iso(request.scheduledAt) : null,
		campaignName: request.campaignName,
		from: request.from,
		to: request.to,
		body: request.body,
		state: campaign.state,
		statuses: {},
		smsAnalysis: { ...resolved.analysis, bodyAnalysis: prepared.bodyAnalysis },
		flash: request.flash,
		respectQuietHours: request.respectQuietHours,
		callback: request.callback,
		campaignCallback: request.campaignCallback,
		reminder: request.reminder,
		contacts: request.contacts,
		groups: request.groups,
		fallbackValues: request.fallbackValues,
		ttl: request.ttl,
		cost: campaign.cost,
	};
	if (request.invalidTo.length) {
		campaign.response.errors = request.invalidTo.map((n) => ({
			code: '008',
			developerMessage: 'Invalid mobile number, excluded (allowInvalid)',
			property: n,
		}));
	}
	deps.delivery.startCampaign(campaign);
}

export function sendSmsCampaign(deps: RouteeDeps, ctx: Ctx, app: string): Reply {
	const prepared = prepareSmsCampaign(deps, ctx.body, ctx.now, 'send');
	if (!prepared.ok) return failed(prepared.failure);
	const campaign = newCampaign('Sms', ctx.now, app);
	deps.state.campaigns.set(campaign.trackingId, campaign);
	materialiseSmsCampaign(deps, campaign, prepared.value, ctx.body as Json, app);
	return ok(campaignView(deps.state, campaign));
}

export function analyzeSmsCampaign(deps: RouteeDeps, ctx: Ctx): Reply {
	const prepared = prepareSmsCampaign(deps, ctx.body, ctx.now, 'analyze');
	if (!prepared.ok) return failed(prepared.failure);
	return ok({
		...prepared.value.resolved.analysis,
		bodyAnalysis: prepared.value.bodyAnalysis,
		cost: prepared.value.cost,
	});
}

export function updateSmsCampaign(deps: RouteeDeps, ctx: Ctx, app: string): Reply {
	const campaign = findCampaign(deps, ctx.params.trackingId, 'Sms');
	if (!campaign) return campaignNotFound(ctx.params.trackingId);
	if (campaign.state !== 'Scheduled') return notScheduled(campaign);
	if (!isObject(ctx.body))
		return failed(
			routeeFailure(400, ROUTEE_CODES.validation, 'The request body must be a JSON object'),
		);
	const merged: Json = { ...campaign.requestBody, ...ctx.body };
	if (!('scheduledDate' in ctx.body)) delete merged.scheduledDate;
	const prepared = prepareSmsCampaign(deps, merged, ctx.now, 'send', campaign);
	if (!prepared.ok) return failed(prepared.failure);
	materialiseSmsCampaign(deps, campaign, prepared.value, merged, app);
	return ok(campaignView(deps.state, campaign));
}

// ---------------------------------------------------------------- single SMS and SMS tracking

export function sendSingleSms(deps: RouteeDeps, ctx: Ctx, app: string): Reply {
	const checked = checkSingleSms(ctx.body);
	if (!checked.ok) return failed(checked.failure);
	const request = checked.value;
	const bodyAnalysis = analyzeBody(request.body);
	const text =
		request.transcode && bodyAnalysis.transcode ? bodyAnalysis.transcode.message : request.body;
	const parts = smsParts(text);
	const cost = round(parts * SMS_PART_PRICE);
	if (cost > deps.state.balance) return failed(balanceFailure(cost, deps.state.balance).failure);
	deps.state.balance = round(deps.state.balance - cost);
	const createdAt = iso(ctx.now);
	const message: SmsMessage = {
		messageId: uuid(),
		smsIds: Array.from({ length: parts }, () => uuid()),
		campaignTrackingId: null,
		campaignName: null,
		groups: [],
		to: request.to,
		from: request.from,
		text,
		parts,
		label: request.label,
		status: 'Queued',
		reason: null,
		createdAt,
		updatedDate: createdAt,
		callback: request.callback,
		country: countryOf(request.to),
		applicationName: app,
	};
	deps.state.smsMessages.set(message.messageId, message);
	deps.delivery.startSingleSms(message);
	return ok({
		trackingId: message.messageId,
		createdAt,
		from: request.from,
		to: request.to,
		body: request.body,
		status: 'Queued',
		bodyAnalysis,
		flash: request.flash,
		label: request.label,
		callback: request.callback,
		ttl: request.ttl,
	});
}

export function trackSingleSms(deps: RouteeDeps, ctx: Ctx): Reply {
	const message = deps.state.smsMessages.get(ctx.params.messageId);
	if (!message) return trackingNotFound(ctx.params.messageId);
	return ok(smsEntries(message));
}
