// The trigger flood: 1,000 callbacks of every kind of one provider, fired at once at its trigger's webhook URL —
// valid ones, exact repeats of valid ones (10 %), ones with a wrong or missing secret (5 %) and
// malformed ones (2 %) — and what must come of them. Used in-process (trigger-flood.test.ts) and
// against a real n8n (trigger-flood-n8n.test.ts).

export const FLOOD_SECRET = 'flood-Secret-91d3c0a7';

export type CallKind = 'valid' | 'duplicate' | 'badSecret' | 'noSecret' | 'malformed';

export interface FloodCall {
	index: number;
	kind: CallKind;
	/** Query string to append to the webhook URL (with the secret or not). */
	query: string;
	body: string;
	contentType: string;
	/** HTTP status the trigger must answer. */
	expectedStatus: number;
	/** For valid and duplicate calls: the key of the one event they must produce between them. */
	eventKey?: string;
}

export type FloodProvider = 'routee' | 'octopush';

/** Key of a normalized event: its kind, message id (or campaign id) and recipient. */
export function eventKey(event: {
	kind?: unknown;
	messageId?: unknown;
	campaignId?: unknown;
	to?: unknown;
}): string {
	return `${String(event.kind)}:${String(event.messageId ?? event.campaignId)}:${String(event.to ?? '')}`;
}

const at = '2026-11-23T10:00:00.000Z';

interface Callback {
	payload: Record<string, unknown>;
	key: string;
	/** Octopush may post a form instead of JSON. */
	form?: boolean;
}

/** A valid Routee callback of the n-th kind (rotating over all five), unique by `n`. */
function routeeCallback(n: number): Callback {
	const to = `+3069${String(n).padStart(8, '0')}`;
	const id = `flood-${String(n).padStart(5, '0')}`;
	switch (n % 5) {
		case 0:
			return {
				key: `smsStatus:${id}:${to}`,
				payload: {
					messageId: id,
					smsId: `${id}-1`,
					campaignTrackingId: 'flood-campaign',
					part: 1,
					parts: 1,
					to,
					from: 'Flood',
					country: 'GR',
					operator: 'Sandbox',
					status: {
						name: 'Delivered',
						reason: { detailedStatus: 'Delivered', description: 'Delivered' },
						updatedDate: at,
					},
					message: 'Hello',
					applicationName: 'flood',
					latency: 1,
					price: 0.05,
					direction: 'Outbound',
					originatingService: 'Sms',
				},
			};
		case 1:
			return {
				key: `campaignProgress:${id}:`,
				payload: {
					trackingId: id,
					name: `Campaign ${n}`,
					totalRecipients: 10,
					campaignStatus: 'Finished',
					messageStatuses: { Delivered: 10 },
					callbackInfo: { url: 'http://example.invalid/cb', strategy: 'OnChange' },
				},
			};
		case 2:
			return {
				key: `voiceStatus:${id}:${to}`,
				payload: {
					messageId: id,
					campaignTrackingId: 'flood-voice-campaign',
					to,
					from: 'Flood',
					country: 'GR',
					applicationName: 'flood',
					price: 0.1,
					originatingService: 'Voice',
					status: { name: 'Completed', updatedDate: at },
					direction: 'Outbound',
					audioMessage: { text: 'Hello', language: 'en-US', gender: 'female' },
					hangupDelay: 20,
					respectQuietHours: false,
					duration: 12,
					createdAt: at,
					chargeInterval: 60,
				},
			};
		case 3:
			return {
				key: `conversationStatus:${id}:${to}`,
				payload: {
					messageId: id,
					conversationTrackingId: `conv-${id}`,
					to,
					from: 'Flood',
					status: { name: 'Completed', updatedDate: at },
					direction: 'Outbound',
					originatingService: 'Voice',
					respectQuietHours: false,
					duration: 12,
					price: 0.1,
				},
			};
		default:
			return {
				key: `dtmf:${id}:${to}`,
				payload: {
					from: 'Flood',
					to,
					messageId: id,
					conversationTrackingId: `conv-${id}`,
					collectedTones: String(n % 10),
				},
			};
	}
}

/**
 * A valid Octopush callback of the n-th kind (SMS and voice delivery reports, as JSON and as a form;
 * inbound replies; STOPs), unique by `n`. A campaign's reports share its ticket as message_id.
 */
function octopushCallback(n: number): Callback {
	const number = `+336${String(n).padStart(8, '0')}`;
	const ticket = `sms_flood${String(Math.floor(n / 10)).padStart(4, '0')}`;
	const date = '2026-11-23 10:00:00';
	switch (n % 5) {
		case 0:
			return {
				key: `smsDelivery:${ticket}:${number}`,
				payload: {
					message_id: ticket,
					number,
					status: 'DELIVERED',
					delivery_date: date,
					channel: 'sms',
					unit_price: '0.05',
					list_name: '',
				},
			};
		case 1:
			return {
				key: `smsDelivery:${ticket}:${number}`,
				form: true,
				payload: {
					message_id: ticket,
					number,
					status: 'NOT_DELIVERED',
					delivery_date: date,
					channel: 'sms',
					unit_price: '0.05',
				},
			};
		case 2: {
			const voiceTicket = ticket.replace('sms_', 'voice_');
			return {
				key: `voiceDelivery:${voiceTicket}:${number}`,
				payload: {
					message_id: voiceTicket,
					number,
					status: 'DELIVERED',
					delivery_date: date,
					channel: 'voice_sms',
					unit_price: 0.05,
					list_name: '',
					meta_data: { pressed_keys_code: String(n % 10), call_duration: 12, charged_duration: 30 },
				},
			};
		}
		case 3:
			return {
				key: `inbound:inbound_${n}:${number}`,
				payload: {
					message_id: `inbound_${n}`,
					number,
					text: `Yes ${n}`,
					sim_card_number: '+33700000000',
					reception_date: date,
				},
			};
		default:
			return {
				key: `stop:${ticket}:${number}`,
				payload: { message_id: ticket, number, text: 'STOP', stop_date: date },
			};
	}
}

// Bodies that are no callback, JSON objects neither trigger recognises among them: both answer 400 and start nothing.
const MALFORMED: Array<{ body: string; contentType: string }> = [
	{ body: '{"messageId": "broken",', contentType: 'application/json' },
	{ body: '[1, 2, 3]', contentType: 'application/json' },
	{ body: '{"hello": "world"}', contentType: 'application/json' },
	{ body: '', contentType: 'application/json' },
	{
		body: '{"messageId": "no-status", "status": {"reason": {}}}',
		contentType: 'application/json',
	},
];

/** Deterministic shuffle (so a failure can be replayed). */
function shuffle<T>(values: T[], seed = 42): T[] {
	const result = [...values];
	let state = seed;
	for (let i = result.length - 1; i > 0; i--) {
		state = (state * 1103515245 + 12345) % 2 ** 31;
		const j = state % (i + 1);
		[result[i], result[j]] = [result[j], result[i]];
	}
	return result;
}

const asBody = (callback: Callback) =>
	callback.form
		? {
				body: new URLSearchParams(
					Object.entries(callback.payload).map(([k, v]): [string, string] => [k, String(v)]),
				).toString(),
				contentType: 'application/x-www-form-urlencoded',
			}
		: { body: JSON.stringify(callback.payload), contentType: 'application/json' };

/**
 * The n-th valid callback of `provider` as it goes on the wire, distinct for every `n` (its event key tells which),
 * e.g. for a load test that must not hit the triggers' duplicate window.
 */
export function validCallback(
	provider: FloodProvider,
	n: number,
): { body: string; contentType: string; eventKey: string; payload: Record<string, unknown> } {
	const made = (provider === 'routee' ? routeeCallback : octopushCallback)(n);
	return { ...asBody(made), eventKey: made.key, payload: made.payload };
}

/** 1,000 calls: 830 valid unique, 100 repeats of valid ones, 25 wrong secret, 25 no secret, 20 malformed. */
export function buildFlood(provider: FloodProvider, total = 1000): FloodCall[] {
	const callback = provider === 'routee' ? routeeCallback : octopushCallback;
	const duplicates = Math.round(total * 0.1);
	const badSecret = Math.round(total * 0.025);
	const noSecret = Math.round(total * 0.025);
	const malformed = Math.round(total * 0.02);
	const valid = total - duplicates - badSecret - noSecret - malformed;
	const withSecret = `?token=${FLOOD_SECRET}`;
	const calls: Array<Omit<FloodCall, 'index'>> = [];
	for (let n = 0; n < valid; n++) {
		const made = callback(n);
		calls.push({
			kind: 'valid',
			query: withSecret,
			...asBody(made),
			expectedStatus: 200,
			eventKey: made.key,
		});
	}
	for (let d = 0; d < duplicates; d++) {
		const original = calls[(d * 7) % valid];
		calls.push({ ...original, kind: 'duplicate' });
	}
	for (let b = 0; b < badSecret + noSecret; b++) {
		const wrong = b < badSecret;
		calls.push({
			kind: wrong ? 'badSecret' : 'noSecret',
			query: wrong ? '?token=not-the-secret' : '',
			...asBody(callback(valid + b)),
			expectedStatus: wrong ? 403 : 401,
		});
	}
	for (let m = 0; m < malformed; m++) {
		const body = MALFORMED[m % MALFORMED.length];
		calls.push({
			kind: 'malformed',
			query: withSecret,
			...body,
			expectedStatus: 400,
		});
	}
	return shuffle(calls).map((call, index) => ({ ...call, index }));
}

export interface FloodAnswer {
	index: number;
	status: number | 'error';
	error?: string;
}

/** Fires the calls over loopback, all at once or at most `inFlight` at a time, and collects each answer. */
export async function fire(
	url: string,
	calls: FloodCall[],
	inFlight = calls.length,
): Promise<FloodAnswer[]> {
	const send = async (call: FloodCall): Promise<FloodAnswer> => {
		try {
			const response = await fetch(`${url}${call.query}`, {
				method: 'POST',
				headers: { 'content-type': call.contentType },
				body: call.body,
			});
			await response.arrayBuffer();
			return { index: call.index, status: response.status };
		} catch (error) {
			return { index: call.index, status: 'error', error: String((error as Error).cause ?? error) };
		}
	};
	const answers: FloodAnswer[] = [];
	let next = 0;
	const worker = async () => {
		while (next < calls.length) answers.push(await send(calls[next++]));
	};
	await Promise.all(Array.from({ length: Math.min(inFlight, calls.length) }, worker));
	return answers.sort((a, b) => a.index - b.index);
}

/** The callback secret credential holding FLOOD_SECRET, as a node refers to it (store it under this id). */
export const FLOOD_SECRET_CREDENTIAL = {
	id: 'flood-callback-secret',
	name: 'Flood callback secret',
	type: 'routeeOctopushCallbackSecretApi',
	data: { secret: FLOOD_SECRET },
};
export const FLOOD_TRIGGER_CREDENTIALS = {
	routeeOctopushCallbackSecretApi: {
		id: FLOOD_SECRET_CREDENTIAL.id,
		name: FLOOD_SECRET_CREDENTIAL.name,
	},
};

/** The triggers' parameters for the flood: every kind, secret token in the URL (FLOOD_TRIGGER_CREDENTIALS), duplicates dropped. */
export const FLOOD_TRIGGER_PARAMETERS = {
	routee: {
		events: ['smsStatus', 'campaignProgress', 'voiceStatus', 'conversationStatus', 'dtmf'],
		callerAuthentication: 'queryToken',
		options: {},
	},
	octopush: {
		registration: 'manual',
		events: ['smsDelivery', 'voiceDelivery', 'inbound', 'stop'],
		callerAuthentication: 'queryToken',
		options: {},
	},
};
