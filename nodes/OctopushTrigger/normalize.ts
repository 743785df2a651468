import { IANAZone } from 'luxon';
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
import { nestBracketKeys } from '../shared/trigger/webhook-request';

/**
 * The callbacks Octopush POSTs, one URL each in the account settings:
 * https://dev.octopush.com/en/sms-gateway-api-documentation/callbacks/acknowledge-receipt/ (delivery reports)
 * https://dev.octopush.com/en/sms-gateway-api-documentation/api-default-parameters/modify-configuration/ (the URL keys)
 *
 * A delivery report names its channel: "channel | Channel of the delivery ('sms', 'voice_sms', 'facebook',
 * 'instagram', 'rcs', 'email', 'whatsapp', etc…)" (acknowledge-receipt), all of them on the one deliveries URL.
 * Version 4 gives each documented channel its own event and the "etc…" an Other Channel event carrying `channel`.
 * Versions 2 and 3 keep what their events meant: SMS Delivery Report is every report that is not voice.
 */
const INBOUND: INodePropertyOptions = {
	name: 'Inbound Reply',
	value: 'inbound',
	description: 'An SMS a contact sent back (the inbound URL)',
};
const STOP: INodePropertyOptions = {
	name: 'STOP Opt-Out',
	value: 'stop',
	description: 'A contact opted out and is now blacklisted (the blacklisted numbers URL)',
};
const VOICE_DELIVERY: INodePropertyOptions = {
	name: 'Voice Delivery Report',
	value: 'voiceDelivery',
	description:
		'Delivery report of a voice SMS, with the pressed keys and call duration (the deliveries URL)',
};
/** The e-mail report (channel email): its deliveries, as https://octopush-api.readme.io/reference/get_callbacks-statuses shows it. */
const EMAIL_DELIVERY: INodePropertyOptions = {
	name: 'E-Mail Delivery Report',
	value: 'emailDelivery',
	description:
		'Delivery report of an e-mail (channel email): each delivery in deliveries, with the address in to when there is one (the deliveries URL)',
};

/** The Events of versions 2 and 3: SMS Delivery Report is every delivery report that is not voice or e-mail. */
export const OCTOPUSH_EVENTS_V3: INodePropertyOptions[] = [
	EMAIL_DELIVERY,
	INBOUND,
	{
		name: 'SMS Delivery Report',
		value: 'smsDelivery',
		description:
			'Delivery report of an SMS, or of any other channel that is not voice or e-mail (the deliveries URL)',
	},
	STOP,
	VOICE_DELIVERY,
];

/** The documented channels with an event of their own from version 4 (the kind of their report). */
const CHANNEL_KINDS: Record<string, string> = {
	sms: 'smsDelivery',
	voice_sms: 'voiceDelivery',
	rcs: 'rcsDelivery',
	whatsapp: 'whatsappDelivery',
	facebook: 'facebookDelivery',
	instagram: 'instagramDelivery',
	email: 'emailDelivery',
};

/** The Events from version 4: one per documented channel, and Other Channel for the rest. */
export const OCTOPUSH_EVENTS: INodePropertyOptions[] = [
	EMAIL_DELIVERY,
	{
		name: 'Facebook Delivery Report',
		value: 'facebookDelivery',
		description: 'Delivery report of a Facebook message (channel facebook; the deliveries URL)',
	},
	INBOUND,
	{
		name: 'Instagram Delivery Report',
		value: 'instagramDelivery',
		description: 'Delivery report of an Instagram message (channel instagram; the deliveries URL)',
	},
	{
		name: 'Other Channel Delivery Report',
		value: 'otherDelivery',
		description:
			'Delivery report of a channel not listed here (Octopush adds channels); the event carries it in channel (the deliveries URL)',
	},
	{
		name: 'RCS Delivery Report',
		value: 'rcsDelivery',
		description: 'Delivery report of an RCS message (channel rcs; the deliveries URL)',
	},
	{
		name: 'SMS Delivery Report',
		value: 'smsDelivery',
		description: 'Delivery report of an SMS (channel sms; the deliveries URL)',
	},
	STOP,
	VOICE_DELIVERY,
	{
		name: 'WhatsApp Delivery Report',
		value: 'whatsappDelivery',
		description: 'Delivery report of a WhatsApp message (channel whatsapp; the deliveries URL)',
	},
];

const DELIVERY_KINDS = new Set([...Object.values(CHANNEL_KINDS), 'otherDelivery']);

/** The account setting (campaign parameters) that holds the URL of each event. */
export const CALLBACK_KEY_BY_EVENT: Record<string, string> = {
	...Object.fromEntries([...DELIVERY_KINDS].map((kind) => [kind, 'callback_url_for_deliveries'])),
	inbound: 'callback_url_for_inbounds',
	stop: 'callback_url_for_blacklisted_numbers',
};

/**
 * Every delivery status Octopush documents, and whether it ends the message's delivery (`isFinal`: the outcome is
 * known; READ, OPENED and CLICKED report what the recipient did after a delivery and may follow DELIVERED).
 * - https://dev.octopush.com/en/sms-gateway-api-documentation/callbacks/acknowledge-receipt/ lists ACK, DELIVERED,
 *   NOT_DELIVERED, NOT_ALLOWED, UNKNOWN_DELIVERY, BAD_DESTINATION, BLACKLISTED_NUMBER, UNDEFINED.
 * - https://octopush-api.readme.io/reference/get_callbacks-statuses adds READ, OPENED, CLICKED, TRANSMITTED ("received
 *   by Email Gateway"), ISP_SEND ("sent to the ISP") and PROCESSED ("Your message is queued"), and its email example
 *   reports SPAM_PRESUMPTION.
 * A status missing here (Octopush adds channels) is passed through as received, with `isFinal: false`: the trigger
 * cannot promise that no later report follows, and the Statuses option can still select it by expression.
 */
const DELIVERY_STATUSES: Array<{ status: string; final: boolean; description: string }> = [
	{
		status: 'ACK',
		final: false,
		description: 'Acknowledged by the first carrier; a later report follows',
	},
	{ status: 'BAD_DESTINATION', final: true, description: 'Bad destination (the number)' },
	{
		status: 'BLACKLISTED_NUMBER',
		final: true,
		description: 'The number opted out (STOP) and is blacklisted',
	},
	{ status: 'CLICKED', final: true, description: 'The recipient clicked the message (email)' },
	{
		status: 'DELIVERED',
		final: true,
		description:
			'Delivered; from version 4 final only for SMS and voice (READ, OPENED or CLICKED may follow on the other channels)',
	},
	{ status: 'ISP_SEND', final: false, description: 'Sent to the ISP; a later report follows' },
	{ status: 'NOT_ALLOWED', final: true, description: 'Not allowed' },
	{ status: 'NOT_DELIVERED', final: true, description: 'Not delivered' },
	{
		status: 'OPENED',
		final: true,
		description:
			'The recipient opened the message (email); from version 4 not final (CLICKED may follow)',
	},
	{ status: 'PROCESSED', final: false, description: 'Queued by Octopush; a later report follows' },
	{ status: 'READ', final: true, description: 'Read by the recipient' },
	{ status: 'SPAM_PRESUMPTION', final: true, description: 'Presumed spam (email)' },
	{
		status: 'TRANSMITTED',
		final: false,
		description: 'Received by the gateway; a later report follows',
	},
	{ status: 'UNDEFINED', final: true, description: 'Undefined status' },
	{ status: 'UNKNOWN_DELIVERY', final: true, description: 'Unknown delivery status' },
];
const FINAL_STATUSES = new Set(DELIVERY_STATUSES.filter((s) => s.final).map((s) => s.status));

export const OCTOPUSH_STATUSES: INodePropertyOptions[] = DELIVERY_STATUSES.map(
	({ status, final, description }) => ({
		name: status,
		value: status,
		description: `${description} (${final ? 'final' : 'not final'})`,
	}),
);

const VOICE_FIELDS = ['pressed_keys_code', 'call_duration', 'charged_duration'];

/** Voice fields come top-level or inside `meta_data`. */
function voiceField(payload: IDataObject, key: string): unknown {
	if (payload[key] !== undefined) return payload[key];
	return isObject(payload.meta_data) ? payload.meta_data[key] : undefined;
}

/**
 * Whether a status ends the message's delivery on its channel (version 4). The statuses that report what the
 * recipient did come after DELIVERED: READ ("Message read") on the messaging channels, OPENED then CLICKED ("The
 * recipient has opened / has clicked on your email") for e-mail, whose example report carries DELIVERED in the
 * status_history of an OPENED delivery (https://octopush-api.readme.io/reference/get_callbacks-statuses). So
 * DELIVERED is final only where nothing is documented to follow it: SMS and voice. On a channel not listed, the
 * trigger cannot promise that no READ follows, so DELIVERED is not final there either.
 */
function isFinalOn(kind: string, status: string): boolean {
	if (!FINAL_STATUSES.has(status)) return false;
	if (status === 'DELIVERED') return kind === 'smsDelivery' || kind === 'voiceDelivery';
	if (status === 'OPENED') return false;
	return true;
}

/** The kind of a callback: versions 2 and 3 as they always read it, version 4 by the report's channel. */
function kindOf(payload: IDataObject, version: number): string | null {
	if (payload.stop_date !== undefined) return 'stop';
	if (payload.reception_date !== undefined || payload.sim_card_number !== undefined)
		return 'inbound';
	const channel = (textOf(payload.channel) ?? '').toLowerCase();
	if (payload.status !== undefined) {
		const hasVoiceFields = VOICE_FIELDS.some((key) => voiceField(payload, key) !== undefined);
		if (/voice|vocal/.test(channel) || (channel === '' && hasVoiceFields)) return 'voiceDelivery';
		if (version < 4 || channel === '') return 'smsDelivery';
		return CHANNEL_KINDS[channel] ?? 'otherDelivery';
	}
	// the e-mail report has no top-level status: its deliveries carry it
	if (channel === 'email' && payload.deliveries !== undefined) return 'emailDelivery';
	if (payload.text !== undefined)
		return /^\s*stop\b/i.test(textOf(payload.text) ?? '') ? 'stop' : 'inbound';
	return null;
}

const DATE_BY_KIND: Record<string, string> = {
	...Object.fromEntries([...DELIVERY_KINDS].map((kind) => [kind, 'delivery_date'])),
	inbound: 'reception_date',
	stop: 'stop_date',
};

/** The configured zone of Octopush's offset-less dates (UTC when empty), or null when it is no IANA time zone. */
function zoneOf(value: unknown): string | undefined | null {
	const zone = typeof value === 'string' ? value.trim() : '';
	if (zone === '') return undefined;
	return IANAZone.create(zone).isValid ? zone : null;
}

/** Why Time Zone of Callback Dates cannot be used (activation refuses it), or null when it can. */
export function invalidTimeZoneMessage(value: unknown): string | null {
	if (zoneOf(value) !== null) return null;
	return `Time Zone of Callback Dates '${String(value)}' is not a time zone. Enter an IANA time zone name such as Europe/Paris, or UTC, in the trigger's options.`;
}

/** One delivery of an e-mail report, normalized: the address, its status and whether it is final, price and time. */
function emailDeliveryOf(
	value: unknown,
	receivedAtMs: number,
	zone: string | undefined,
	version: number,
): IDataObject | string {
	if (!isObject(value)) return 'each of deliveries must be an object';
	const status = textOf(value.status);
	if (status === null) return 'each of deliveries must have a status';
	return {
		to: textOf(value.email),
		status,
		isFinal: version >= 4 ? isFinalOn('emailDelivery', status) : FINAL_STATUSES.has(status),
		price: numberOf(value.unit_price),
		at: isoAt(value.delivery_date, receivedAtMs, zone),
	};
}

/**
 * An Octopush callback (JSON or form) as the normalized event, or why it is not one. `version` is the trigger's
 * (see OCTOPUSH_EVENTS): from 4 a delivery report's kind and finality follow its channel, and the event carries it.
 */
export function normalizeOctopushCallback(
	payload: IDataObject,
	receivedAtMs: number,
	options: IDataObject = {},
	version = 3,
): NormalizeResult {
	const fields = nestBracketKeys(payload);
	const kind = kindOf(fields, version);
	if (kind === null) {
		return {
			ok: false,
			reason:
				'not an Octopush callback: expected a delivery report (status, or an e-mail report with deliveries), an inbound reply (text, reception_date) or a STOP (stop_date)',
		};
	}
	const number = textOf(fields.number);
	const messageId = textOf(fields.message_id);
	if (number === null && messageId === null)
		return { ok: false, reason: 'the callback has neither number nor message_id' };

	const zone = zoneOf(options.callbackTimeZone);
	if (zone === null)
		return { ok: false, reason: invalidTimeZoneMessage(options.callbackTimeZone) as string };

	const delivery = DELIVERY_KINDS.has(kind);
	const email = fields.status === undefined && kind === 'emailDelivery';
	let deliveries: IDataObject[] | undefined;
	if (email) {
		if (!Array.isArray(fields.deliveries))
			return { ok: false, reason: 'deliveries must be a list' };
		deliveries = [];
		for (const value of fields.deliveries) {
			const read = emailDeliveryOf(value, receivedAtMs, zone, version);
			if (typeof read === 'string') return { ok: false, reason: read };
			deliveries.push(read);
		}
	}

	// the eventId (see event-id.ts): Octopush's ticket (message_id), the recipient, what happened (status, or the
	// reply's text) and Octopush's time of it (delivery, reception or STOP date); for an e-mail report, its deliveries
	const what = delivery ? fields.status : fields.text;
	const event: CallbackEvent & { ticket_number: string | null } & IDataObject = {
		eventId: eventIdOf(
			'octopush',
			kind,
			deliveries !== undefined
				? [messageId, JSON.stringify(deliveries.map((d) => [d.to, d.status, d.at]))]
				: [messageId, number, what ?? null, fields[DATE_BY_KIND[kind]] ?? null],
		),
		provider: 'octopush',
		kind,
		// Octopush's message_id is the ticket of the campaign, so it is both; `to` tells the recipients apart.
		messageId,
		campaignId: messageId,
		to: number,
		status: null,
		isFinal: true,
		detailedStatus: null,
		digits: null,
		durationSeconds: null,
		price: null,
		at: isoAt(fields[DATE_BY_KIND[kind]], receivedAtMs, zone),
		raw: payload,
		// the name the Octopush node outputs the same ticket under (Send Campaign's ticket_number)
		ticket_number: messageId,
	};
	// from version 4 every delivery report says its channel (versions 2 and 3 output what they always did)
	if (delivery && version >= 4) event.channel = textOf(fields.channel);
	if (deliveries !== undefined) {
		// one delivery: its fields are the event's; several: each is in deliveries, and the event has no one status
		const [only] = deliveries.length === 1 ? deliveries : [];
		event.to = (only?.to as string | null | undefined) ?? null;
		event.status = (only?.status as string | undefined) ?? null;
		event.isFinal = deliveries.every((d) => d.isFinal === true);
		event.price = (only?.price as number | null | undefined) ?? null;
		if (only !== undefined) event.at = only.at as string;
		event.deliveries = deliveries;
		event.channel = textOf(fields.channel);
		return { ok: true, event };
	}
	if (delivery) {
		const status = textOf(fields.status);
		if (status === null) return { ok: false, reason: 'status must be text' };
		event.status = status;
		event.isFinal = version >= 4 ? isFinalOn(kind, status) : FINAL_STATUSES.has(status);
		event.price = numberOf(fields.unit_price);
	}
	// the number that opted out, under the name the Routee Trigger's STOP event gives it too
	if (kind === 'stop') event.phoneNumber = number;
	if (kind === 'voiceDelivery') {
		event.digits = textOf(voiceField(fields, 'pressed_keys_code'));
		event.durationSeconds = numberOf(voiceField(fields, 'call_duration'));
	}
	return { ok: true, event };
}
