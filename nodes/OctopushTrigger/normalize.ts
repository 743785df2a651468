import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import { isObject, isoAt, numberOf, text, type CallbackEvent, type NormalizeResult } from '../shared/callback-event';
import { toIsoWithOffset } from '../shared/dates';
import { nestBracketKeys } from '../shared/webhook-request';

/** The callbacks Octopush POSTs (API notes, "Callbacks Octopush sends"). */
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
		description: 'Delivery report of a voice SMS, with the pressed keys and call duration (the deliveries URL)',
	},
];

/** The account setting (campaign parameters) that holds the URL of each event. */
export const CALLBACK_KEY_BY_EVENT: Record<string, string> = {
	smsDelivery: 'callback_url_for_deliveries',
	voiceDelivery: 'callback_url_for_deliveries',
	inbound: 'callback_url_for_inbounds',
	stop: 'callback_url_for_blacklisted_numbers',
};

const DELIVERY_STATUSES = [
	'ACK',
	'BAD_DESTINATION',
	'BLACKLISTED_NUMBER',
	'DELIVERED',
	'NOT_ALLOWED',
	'NOT_DELIVERED',
	'READ',
	'TRANSMITTED',
	'UNDEFINED',
	'UNKNOWN_DELIVERY',
];
/** Reports that announce a later one; every other status ends the message. */
const INTERMEDIATE_STATUSES = ['ACK', 'TRANSMITTED'];

export const OCTOPUSH_STATUSES: INodePropertyOptions[] = DELIVERY_STATUSES.map((status) => ({ name: status, value: status }));

const VOICE_FIELDS = ['pressed_keys_code', 'call_duration', 'charged_duration'];

/** Voice fields come top-level or inside `meta_data`. */
function voiceField(payload: IDataObject, key: string): unknown {
	if (payload[key] !== undefined) return payload[key];
	return isObject(payload.meta_data) ? payload.meta_data[key] : undefined;
}

function kindOf(payload: IDataObject): string | null {
	if (payload.stop_date !== undefined) return 'stop';
	if (payload.reception_date !== undefined || payload.sim_card_number !== undefined) return 'inbound';
	if (payload.status !== undefined) {
		const channel = (text(payload.channel) ?? '').toLowerCase();
		const hasVoiceFields = VOICE_FIELDS.some((key) => voiceField(payload, key) !== undefined);
		return /voice|vocal/.test(channel) || (channel === '' && hasVoiceFields) ? 'voiceDelivery' : 'smsDelivery';
	}
	if (payload.text !== undefined) return /^\s*stop\b/i.test(text(payload.text) ?? '') ? 'stop' : 'inbound';
	return null;
}

const DATE_BY_KIND: Record<string, string> = {
	smsDelivery: 'delivery_date',
	voiceDelivery: 'delivery_date',
	inbound: 'reception_date',
	stop: 'stop_date',
};

/** The configured zone of Octopush's offset-less dates, UTC when empty or unknown. */
function zoneOf(value: unknown): string | undefined {
	const zone = typeof value === 'string' ? value.trim() : '';
	if (zone === '') return undefined;
	return typeof toIsoWithOffset(0, zone) === 'string' ? zone : undefined;
}

/** An Octopush callback (JSON or form) as the normalized event, or why it is not one. */
export function normalizeOctopushCallback(payload: IDataObject, receivedAtMs: number, options: IDataObject = {}): NormalizeResult {
	const fields = nestBracketKeys(payload);
	const kind = kindOf(fields);
	if (kind === null) {
		return {
			ok: false,
			reason: 'not an Octopush callback: expected a delivery report (status), an inbound reply (text, reception_date) or a STOP (stop_date)',
		};
	}
	const number = text(fields.number);
	const messageId = text(fields.message_id);
	if (number === null && messageId === null) return { ok: false, reason: 'the callback has neither number nor message_id' };

	const event: CallbackEvent = {
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
		at: isoAt(fields[DATE_BY_KIND[kind]], receivedAtMs, zoneOf(options.callbackTimeZone)),
		raw: payload,
	};
	if (kind === 'smsDelivery' || kind === 'voiceDelivery') {
		const status = text(fields.status);
		if (status === null) return { ok: false, reason: 'status must be text' };
		event.status = status;
		event.isFinal = !INTERMEDIATE_STATUSES.includes(status);
		event.price = numberOf(fields.unit_price);
	}
	if (kind === 'voiceDelivery') {
		event.digits = text(voiceField(fields, 'pressed_keys_code'));
		event.durationSeconds = numberOf(voiceField(fields, 'call_duration'));
	}
	return { ok: true, event };
}
