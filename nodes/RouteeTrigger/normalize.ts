import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import { isObject, isoAt, numberOf, text, type CallbackEvent, type NormalizeResult } from '../shared/callback-event';

/** The callbacks Routee POSTs (API notes, "Callbacks Routee sends"). */
export const ROUTEE_EVENTS: INodePropertyOptions[] = [
	{
		name: 'Campaign Progress',
		value: 'campaignProgress',
		description: 'Progress of an SMS or voice campaign (its Campaign Callback URL)',
	},
	{
		name: 'Key Presses (COLLECT)',
		value: 'dtmf',
		description: 'Digits the callee typed during a voice conversation (the COLLECT event URL)',
	},
	{
		name: 'SMS Status',
		value: 'smsStatus',
		description: 'Status of one SMS part: a long SMS reports each part (its Callback URL)',
	},
	{
		name: 'Voice Call Status',
		value: 'voiceStatus',
		description: 'Status of one call of a voice campaign (its Callback URL)',
	},
	{
		name: 'Voice Conversation Status',
		value: 'conversationStatus',
		description: 'Status of a voice conversation call (its Callback URL)',
	},
];

const SMS_STATUSES = ['Queued', 'Sent', 'Delivered', 'Undelivered', 'Failed', 'Unsent'];
const SMS_FINAL = ['Delivered', 'Undelivered', 'Failed', 'Unsent'];
const VOICE_STATUSES = ['Queued', 'Initiated', 'Ringing', 'InProgress', 'Completed', 'Busy', 'NoAnswer', 'Failed', 'Unsent', 'Terminated', 'Unknown'];
const VOICE_FINAL = ['Completed', 'Busy', 'NoAnswer', 'Failed', 'Unsent', 'Terminated'];
const CAMPAIGN_STATUSES = ['Scheduled', 'Queued', 'Sent', 'Running', 'Finished', 'Failed'];
const CAMPAIGN_FINAL = ['Finished', 'Failed'];

export const ROUTEE_STATUSES: INodePropertyOptions[] = [...new Set([...SMS_STATUSES, ...VOICE_STATUSES, ...CAMPAIGN_STATUSES])]
	.sort()
	.map((status) => ({ name: status, value: status }));

/** Routee's `status` is an object `{name, reason, updatedDate}`; accept a bare name too. */
function statusOf(payload: IDataObject): { name: string | null; detailed: string | null; updated: unknown } {
	const status = payload.status;
	if (!isObject(status)) return { name: text(status), detailed: null, updated: undefined };
	const reason = isObject(status.reason) ? status.reason : {};
	return { name: text(status.name), detailed: text(reason.detailedStatus), updated: status.updatedDate };
}

/** `to` is a number, or for conversations possibly an address object `{phone | sip | viber}`. */
function address(value: unknown): string | null {
	if (isObject(value)) return text(value.phone) ?? text(value.sip) ?? text(value.viber);
	return text(value);
}

function kindOf(payload: IDataObject): string | null {
	if (payload.collectedTones !== undefined) return 'dtmf';
	if (text(payload.trackingId) !== null && (payload.campaignStatus !== undefined || isObject(payload.messageStatuses))) {
		return 'campaignProgress';
	}
	if (text(payload.messageId) === null) return null;
	if (text(payload.conversationTrackingId) !== null) return 'conversationStatus';
	const service = (text(payload.originatingService) ?? '').toLowerCase();
	if (service === 'sms' || payload.smsId !== undefined || payload.part !== undefined) return 'smsStatus';
	if (service === 'voice' || payload.audioMessage !== undefined || payload.fileURL !== undefined || payload.duration !== undefined) {
		return 'voiceStatus';
	}
	const status = statusOf(payload).name ?? '';
	if (SMS_STATUSES.includes(status) && !VOICE_STATUSES.includes(status)) return 'smsStatus';
	if (VOICE_STATUSES.includes(status) && !SMS_STATUSES.includes(status)) return 'voiceStatus';
	return null;
}

const FINAL_BY_KIND: Record<string, string[]> = {
	smsStatus: SMS_FINAL,
	voiceStatus: VOICE_FINAL,
	conversationStatus: VOICE_FINAL,
	campaignProgress: CAMPAIGN_FINAL,
};

/** A Routee callback as the normalized event, or why it is not one. */
export function normalizeRouteeCallback(payload: IDataObject, receivedAtMs: number): NormalizeResult {
	const kind = kindOf(payload);
	if (kind === null) {
		return {
			ok: false,
			reason:
				'not a Routee callback: expected an SMS or voice status (messageId and status), campaign progress (trackingId and campaignStatus) or COLLECT tones (collectedTones)',
		};
	}
	const base: CallbackEvent = {
		provider: 'routee',
		kind,
		messageId: text(payload.messageId),
		campaignId: null,
		to: address(payload.to),
		status: null,
		isFinal: true,
		detailedStatus: null,
		digits: null,
		durationSeconds: null,
		price: null,
		at: isoAt(undefined, receivedAtMs),
		raw: payload,
	};

	if (kind === 'dtmf') {
		const digits = text(payload.collectedTones);
		if (digits === null) return { ok: false, reason: 'collectedTones must be text' };
		return { ok: true, event: { ...base, campaignId: text(payload.conversationTrackingId), digits } };
	}
	if (kind === 'campaignProgress') {
		const status = text(payload.campaignStatus);
		if (status === null) return { ok: false, reason: 'campaign progress without campaignStatus' };
		return {
			ok: true,
			event: { ...base, messageId: null, campaignId: text(payload.trackingId), status, isFinal: CAMPAIGN_FINAL.includes(status) },
		};
	}

	const status = statusOf(payload);
	if (status.name === null) return { ok: false, reason: 'status.name is missing' };
	const campaignId = kind === 'conversationStatus' ? payload.conversationTrackingId : payload.campaignTrackingId;
	return {
		ok: true,
		event: {
			...base,
			campaignId: text(campaignId),
			status: status.name,
			isFinal: FINAL_BY_KIND[kind].includes(status.name),
			detailedStatus: status.detailed,
			durationSeconds: kind === 'smsStatus' ? null : numberOf(payload.duration),
			price: numberOf(payload.price),
			at: isoAt(status.updated, receivedAtMs),
		},
	};
}
