import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import {
	isObject,
	isoAt,
	numberOf,
	textOf,
	type CallbackEvent,
	type NormalizeResult,
} from '../shared/trigger/callback-event';
import { eventIdOf } from '../shared/trigger/event-id';

/**
 * The callbacks Routee POSTs: https://docs.routee.net/docs/callbacks (SMS and campaign progress),
 * https://docs.routee.net/docs/voice-callbacks (voice campaign calls),
 * https://docs.routee.net/docs/voice-conversation-callbacks (conversations),
 * https://docs.routee.net/reference/collect-verb (COLLECT eventUrl) and
 * https://docs.routee.net/docs/inbound-messages-mo (inbound SMS).
 */
export const ROUTEE_EVENTS_V2: INodePropertyOptions[] = [
	{
		name: 'Campaign Progress',
		value: 'campaignProgress',
		description: 'Progress of an SMS or voice campaign (its Campaign Callback URL)',
	},
	{
		name: 'Inbound SMS',
		value: 'inboundSms',
		description: 'An SMS sent to a number you rent from Routee (its inboundSmsCallbackUrl)',
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

/**
 * Version 3: an inbound SMS that starts with STOP is its own event, the one the Octopush Trigger has, so a workflow
 * branches on `kind` "stop" and reads the number that opted out from `phoneNumber` with either provider.
 */
export const ROUTEE_EVENTS: INodePropertyOptions[] = [
	...ROUTEE_EVENTS_V2,
	{
		name: 'STOP Opt-Out',
		value: 'stop',
		description:
			"An inbound SMS that starts with STOP: its sender (phoneNumber) opted out. Routee's blacklist is not changed by it: add the contact with Opt-Out (Blacklist) → Add.",
	},
].sort((a, b) => a.name.localeCompare(b.name));

/** An inbound SMS that starts with the word STOP (any case), as the Octopush Trigger reads a reply. */
const STOP_REPLY = /^\s*stop\b/i;

// https://docs.routee.net/docs/statuses-callbacks (SMS: "(final)" marks the final ones; campaigns)
const SMS_STATUSES = ['Queued', 'Sent', 'Delivered', 'Undelivered', 'Failed', 'Unsent'];
const SMS_FINAL = ['Delivered', 'Undelivered', 'Failed', 'Unsent'];
// https://docs.routee.net/docs/voice-messaging-statuses (its two copies disagree on whether Unknown is final: kept not final)
const VOICE_STATUSES = [
	'Queued',
	'Initiated',
	'Ringing',
	'InProgress',
	'Completed',
	'Busy',
	'NoAnswer',
	'Failed',
	'Unsent',
	'Terminated',
	'Unknown',
];
const VOICE_FINAL = ['Completed', 'Busy', 'NoAnswer', 'Failed', 'Unsent', 'Terminated'];
const CAMPAIGN_STATUSES = ['Scheduled', 'Queued', 'Sent', 'Running', 'Finished', 'Failed'];
const CAMPAIGN_FINAL = ['Finished', 'Failed'];

export const ROUTEE_STATUSES: INodePropertyOptions[] = [
	...new Set([...SMS_STATUSES, ...VOICE_STATUSES, ...CAMPAIGN_STATUSES]),
]
	.sort()
	.map((status) => ({ name: status, value: status }));

/** Routee's `status` is an object `{name, reason, updatedDate}`; accept a bare name too. */
function statusOf(payload: IDataObject): {
	name: string | null;
	detailed: string | null;
	updated: unknown;
} {
	const status = payload.status;
	if (!isObject(status)) return { name: textOf(status), detailed: null, updated: undefined };
	const reason = isObject(status.reason) ? status.reason : {};
	return {
		name: textOf(status.name),
		detailed: textOf(reason.detailedStatus),
		updated: status.updatedDate,
	};
}

/** `to` is a number, or for conversations possibly an address object `{phone | sip | viber}`. */
function address(value: unknown): string | null {
	if (isObject(value)) return textOf(value.phone) ?? textOf(value.sip) ?? textOf(value.viber);
	return textOf(value);
}

/** Which status callback a payload with a messageId is: SMS part, voice campaign call or conversation call. */
function statusKindOf(payload: IDataObject): string | null {
	if (textOf(payload.conversationTrackingId) !== null) return 'conversationStatus';
	const service = (textOf(payload.originatingService) ?? '').toLowerCase();
	if (service === 'sms' || payload.smsId !== undefined || payload.part !== undefined)
		return 'smsStatus';
	if (
		service === 'voice' ||
		payload.audioMessage !== undefined ||
		payload.fileURL !== undefined ||
		payload.duration !== undefined
	) {
		return 'voiceStatus';
	}
	const status = statusOf(payload).name ?? '';
	if (SMS_STATUSES.includes(status) && !VOICE_STATUSES.includes(status)) return 'smsStatus';
	if (VOICE_STATUSES.includes(status) && !SMS_STATUSES.includes(status)) return 'voiceStatus';
	return null;
}

/**
 * The kind of a callback, or null when it is none the trigger knows. A status comes first: a status callback
 * that also carries `collectedTones` stays a status event (with the tones as its digits); only a payload
 * without a status is a COLLECT event (https://docs.routee.net/reference/collect-verb) or an inbound SMS
 * (https://docs.routee.net/docs/inbound-messages-mo: `direction` "Inbound", no status).
 */
function kindOf(payload: IDataObject, version: number): string | null {
	if (
		textOf(payload.trackingId) !== null &&
		(payload.campaignStatus !== undefined || isObject(payload.messageStatuses))
	) {
		return 'campaignProgress';
	}
	if (payload.status === undefined) {
		if (payload.collectedTones !== undefined) return 'dtmf';
		const inbound = (textOf(payload.direction) ?? '').toLowerCase() === 'inbound';
		const sms = (textOf(payload.originatingService) ?? 'sms').toLowerCase() === 'sms';
		if (!inbound || !sms || textOf(payload.message) === null) return null;
		return version >= 3 && STOP_REPLY.test(textOf(payload.message) ?? '') ? 'stop' : 'inboundSms';
	}
	return textOf(payload.messageId) === null ? null : statusKindOf(payload);
}

const FINAL_BY_KIND: Record<string, string[]> = {
	smsStatus: SMS_FINAL,
	voiceStatus: VOICE_FINAL,
	conversationStatus: VOICE_FINAL,
	campaignProgress: CAMPAIGN_FINAL,
};

/** An inbound SMS also says who sent it and what it says. */
type RouteeEvent = CallbackEvent & {
	from?: string | null;
	text?: string | null;
	phoneNumber?: string | null;
};

/** A JSON body that is no Routee callback the trigger knows (answered 400, see NormalizeResult). */
const notACallback = (reason: string): NormalizeResult => ({ ok: false, reason });

/**
 * What tells one Routee event from another, for its `eventId`: Routee's ids of the message (an SMS part has its
 * own `smsId`), conversation or campaign, the status and Routee's time of that status. Campaign progress has no
 * time of its own: its counts per status tell one progress report from the next. Key presses and inbound SMS
 * carry no status: the digits, or the sender and Routee's reception time.
 */
function identifiersOf(kind: string, payload: IDataObject): unknown[] {
	if (kind === 'campaignProgress')
		return [payload.trackingId, payload.campaignStatus, payload.messageStatuses ?? null];
	if (kind === 'dtmf')
		return [payload.conversationTrackingId, payload.messageId, payload.collectedTones];
	if (kind === 'inboundSms' || kind === 'stop')
		return [payload.messageId, payload.from, payload.receivedDate];
	const status = statusOf(payload);
	return [
		payload.messageId,
		payload.smsId ?? null,
		payload.part ?? null,
		status.name,
		status.detailed,
		status.updated ?? null,
	];
}

/** A Routee callback as the normalized event of the trigger's `version`, or why it is not one. */
export function normalizeRouteeCallback(
	payload: IDataObject,
	receivedAtMs: number,
	version = 2,
): NormalizeResult {
	const kind = kindOf(payload, version);
	if (kind === null) {
		return notACallback(
			'not a Routee callback the trigger knows: expected an SMS or voice status (messageId and status), campaign progress (trackingId and campaignStatus), COLLECT tones (collectedTones) or an inbound SMS (direction Inbound)',
		);
	}
	const base: CallbackEvent = {
		eventId: eventIdOf('routee', kind, identifiersOf(kind, payload)),
		provider: 'routee',
		kind,
		messageId: textOf(payload.messageId),
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
		const digits = textOf(payload.collectedTones);
		if (digits === null) return notACallback('collectedTones must be text');
		return {
			ok: true,
			event: { ...base, campaignId: textOf(payload.conversationTrackingId), digits },
		};
	}
	if (kind === 'inboundSms' || kind === 'stop') {
		const { raw, ...fields } = base;
		const from = textOf(payload.from);
		const event: RouteeEvent = {
			...fields,
			at: isoAt(payload.receivedDate, receivedAtMs),
			from,
			text: textOf(payload.message),
			// the number that opted out, under the name the Octopush Trigger's STOP event gives it
			...(kind === 'stop' ? { phoneNumber: from } : {}),
			raw,
		};
		return { ok: true, event };
	}
	if (kind === 'campaignProgress') {
		const status = textOf(payload.campaignStatus);
		if (status === null) return notACallback('campaign progress without campaignStatus');
		return {
			ok: true,
			event: {
				...base,
				messageId: null,
				campaignId: textOf(payload.trackingId),
				status,
				isFinal: CAMPAIGN_FINAL.includes(status),
			},
		};
	}

	const status = statusOf(payload);
	if (status.name === null) return notACallback('status.name is missing');
	const campaignId =
		kind === 'conversationStatus' ? payload.conversationTrackingId : payload.campaignTrackingId;
	return {
		ok: true,
		event: {
			...base,
			campaignId: textOf(campaignId),
			status: status.name,
			isFinal: FINAL_BY_KIND[kind].includes(status.name),
			detailedStatus: status.detailed,
			digits: kind === 'smsStatus' ? null : textOf(payload.collectedTones),
			durationSeconds: kind === 'smsStatus' ? null : numberOf(payload.duration),
			price: numberOf(payload.price),
			at: isoAt(status.updated, receivedAtMs),
		},
	};
}
