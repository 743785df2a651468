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
 */
export const OCTOPUSH_EVENTS: INodePropertyOptions[] = [
	{
		name: 'Inbound Reply',
		value: 'inbound',
		description: 'An SMS a contact sent back (the inbound URL)',
	},
	{
		name: 'SMS Delivery Report',
		value: 'smsDelivery',
		description: 'Delivery report of an SMS (the deliveries URL)',
	},
	{
		name: 'STOP Opt-Out',
		value: 'stop',
		description: 'A contact opted out and is now blacklisted (the blacklisted numbers URL)',
	},
	{
		name: 'Voice Delivery Report',
		value: 'voiceDelivery',
		description:
			'Delivery report of a voice SMS, with the pressed keys and call duration (the deliveries URL)',
	},
];

/** The account setting (campaign parameters) that holds the URL of each event. */
export const CALLBACK_KEY_BY_EVENT: Record<string, string> = {
	smsDelivery: 'callback_url_for_deliveries',
	voiceDelivery: 'callback_url_for_deliveries',
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
	{ status: 'DELIVERED', final: true, description: 'Delivered' },
	{ status: 'ISP_SEND', final: false, description: 'Sent to the ISP; a later report follows' },
	{ status: 'NOT_ALLOWED', final: true, description: 'Not allowed' },
	{ status: 'NOT_DELIVERED', final: true, description: 'Not delivered' },
	{ status: 'OPENED', final: true, description: 'The recipient opened the message (email)' },
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

function kindOf(payload: IDataObject): string | null {
	if (payload.stop_date !== undefined) return 'stop';
	if (payload.reception_date !== undefined || payload.sim_card_number !== undefined)
		return 'inbound';
	if (payload.status !== undefined) {
		const channel = (textOf(payload.channel) ?? '').toLowerCase();
		const hasVoiceFields = VOICE_FIELDS.some((key) => voiceField(payload, key) !== undefined);
		return /voice|vocal/.test(channel) || (channel === '' && hasVoiceFields)
			? 'voiceDelivery'
			: 'smsDelivery';
	}
	if (payload.text !== undefined)
		return /^\s*stop\b/i.test(textOf(payload.text) ?? '') ? 'stop' : 'inbound';
	return null;
}

const DATE_BY_KIND: Record<string, string> = {
	smsDelivery: 'delivery_date',
	voiceDelivery: 'delivery_date',
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

/** An Octopush callback (JSON or form) as the normalized event, or why it is not one. */
export function normalizeOctopushCallback(
	payload: IDataObject,
	receivedAtMs: number,
	options: IDataObject = {},
): NormalizeResult {
	const fields = nestBracketKeys(payload);
	const kind = kindOf(fields);
	if (kind === null) {
		return {
			ok: false,
			reason:
				'not an Octopush callback: expected a delivery report (status), an inbound reply (text, reception_date) or a STOP (stop_date)',
		};
	}
	const number = textOf(fields.number);
	const messageId = textOf(fields.message_id);
	if (number === null && messageId === null)
		return { ok: false, reason: 'the callback has neither number nor message_id' };

	const zone = zoneOf(options.callbackTimeZone);
	if (zone === null)
		return { ok: false, reason: invalidTimeZoneMessage(options.callbackTimeZone) as string };

	// the eventId (see event-id.ts): Octopush's ticket (message_id), the recipient, what happened (status, or the
	// reply's text) and Octopush's time of it (delivery, reception or STOP date)
	const what = kind === 'smsDelivery' || kind === 'voiceDelivery' ? fields.status : fields.text;
	const event: CallbackEvent & { ticket_number: string | null } = {
		eventId: eventIdOf('octopush', kind, [
			messageId,
			number,
			what ?? null,
			fields[DATE_BY_KIND[kind]] ?? null,
		]),
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
	if (kind === 'smsDelivery' || kind === 'voiceDelivery') {
		const status = textOf(fields.status);
		if (status === null) return { ok: false, reason: 'status must be text' };
		event.status = status;
		event.isFinal = FINAL_STATUSES.has(status);
		event.price = numberOf(fields.unit_price);
	}
	if (kind === 'voiceDelivery') {
		event.digits = textOf(voiceField(fields, 'pressed_keys_code'));
		event.durationSeconds = numberOf(voiceField(fields, 'call_duration'));
	}
	return { ok: true, event };
}
