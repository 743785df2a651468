// Routee request contract, written from Routee's documentation (never from nodes/):
//   https://docs.routee.net/reference/send-bulk-messages, /send-single-sms, /send-a-voice-campaign,
//   /perform-a-voice-conversation, /say-verb, /dial-verb, /collect-verb,
//   https://docs.routee.net/docs/other-voice-messaging-concept
// Each check returns the normalised request or the error Routee documents for it.

import {
	isHttpUrl,
	isInt,
	isObject,
	isStringArray,
	parseIsoDateTime,
	unknownKeys,
	type Json,
} from '../check';
import { isE164 } from '../numbers';

export const ROUTEE_CODES = {
	/** Sandbox choice: any other validation failure (type, range, enum, unknown field). */
	validation: '400000000',
	/** Documented: invalid sender (002), no recipients (004), invalid numbers (008) — SMS. */
	smsInput: '400005000',
	/** Sandbox choice (voice module 013): the same three sub-codes for voice campaigns/conversations. */
	voiceInput: '400013000',
	balance: '400001009',
	notScheduled: '400009002',
	noRecipients: '400009004',
	nameTaken: '409009003',
	contactMissing: '404002001',
	/** Contacts API (module 002), https://docs.routee.net/docs/error-codes and the Contacts reference pages. */
	contactMobileTaken: '409002005',
	/** The same code as contactMobileTaken: "The contact group already exists" (create-a-new-group). */
	groupExists: '409002005',
	groupMissing: '404002003',
	labelsInvalid: '400002006',
	filtersInvalid: '400002007',
	labelExists: '409002011',
	labelsShareName: '409002013',
	labelMissing: '404002012',
	labelTwiceInRequest: '400002014',
	campaignMissing: '404009001',
	trackingMissing: '404005000',
	/** Sandbox choices for voice conversations. */
	conversationMissing: '404013001',
	callEnded: '400013001',
	rateLimited: '429013000',
	unauthorized: '401000000',
	notFound: '404000000',
	methodNotAllowed: '405000000',
	unsupportedMedia: '415000000',
	malformed: '400000001',
} as const;

export const VOICE_LANGUAGES = [
	'en-US',
	'de-DE',
	'fr-FR',
	'it-IT',
	'pt-BR',
	'es-ES',
	'es-LA',
	'en-GB',
	'el-GR',
	'bg-BG',
	'pl-PL',
	'hu-HU',
	'sv-SE',
	'ru-RU',
] as const;
export const GENDERS = ['male', 'female'] as const;
export const STRATEGIES = ['OnChange', 'OnCompletion'] as const;
export type Strategy = (typeof STRATEGIES)[number];

export const MAX_TTL_MINUTES = 4320;
/** Single SMS label: "The maximum length is 350 characters" (https://docs.routee.net/reference/send-single-sms). */
export const MAX_LABEL = 350;
export const MAX_VOICE_TEXT = 1000;
export const MAX_VOICE_RECIPIENTS = 1000;
export const MAX_PAGE_SIZE = 2000;
export const CAMPAIGN_NAME = /^[A-Za-z0-9 -]{2,30}$/;

export interface RouteeFieldError {
	code: string;
	developerMessage: string;
	property: string;
}
export interface RouteeErrorBody {
	code: string;
	developerMessage: string;
	errors?: RouteeFieldError[];
	/** Validation Error (400000000): "the name of the property as the key … and the error message as the value" (generic-errors). */
	properties?: Record<string, string>;
}
export interface RouteeFailure {
	status: number;
	body: RouteeErrorBody;
}
export type Checked<T> = { ok: true; value: T } | { ok: false; failure: RouteeFailure };

export function routeeFailure(
	status: number,
	code: string,
	developerMessage: string,
	errors?: RouteeFieldError[],
): RouteeFailure {
	return { status, body: errors ? { code, developerMessage, errors } : { code, developerMessage } };
}

const fail = <T>(failure: RouteeFailure): Checked<T> => ({ ok: false, failure });

/**
 * Collects generic validation problems, reported together as Routee's Validation Error (400): code 400000000,
 * developerMessage "Validation Error!", and `properties`, "An object having the name of the property as the key
 * (which contains an invalid value) and the error message as the value" (https://docs.routee.net/docs/generic-errors).
 */
export class Problems {
	readonly list: Array<{ property: string; message: string }> = [];
	add(property: string, message: string): void {
		this.list.push({ property, message });
	}
	unknown(value: Json, allowed: readonly string[], prefix = ''): void {
		for (const key of unknownKeys(value, allowed)) {
			this.add(
				`${prefix}${key}`,
				'unknown field (Routee would ignore it; the sandbox rejects it so a misspelled field fails tests)',
			);
		}
	}
	failure(): RouteeFailure | null {
		if (!this.list.length) return null;
		const properties: Record<string, string> = {};
		for (const { property, message } of this.list)
			properties[property] =
				properties[property] === undefined ? message : `${properties[property]}; ${message}`;
		return {
			status: 400,
			body: { code: ROUTEE_CODES.validation, developerMessage: 'Validation Error!', properties },
		};
	}
}

export interface CallbackSpec {
	url: string;
	strategy: Strategy;
}

function checkCallback(value: unknown, property: string, problems: Problems): CallbackSpec | null {
	if (value === undefined || value === null) return null;
	if (!isObject(value)) {
		problems.add(property, 'must be an object {url, strategy}');
		return null;
	}
	problems.unknown(value, ['url', 'strategy'], `${property}.`);
	if (!isHttpUrl(value.url)) problems.add(`${property}.url`, 'must be an http(s) URL');
	if (!STRATEGIES.includes(value.strategy as Strategy))
		problems.add(`${property}.strategy`, `must be one of ${STRATEGIES.join(', ')}`);
	return { url: String(value.url), strategy: value.strategy as Strategy };
}

function optionalBoolean(body: Json, key: string, problems: Problems): boolean {
	const value = body[key];
	if (value === undefined || value === null) return false;
	if (typeof value !== 'boolean') problems.add(key, 'must be a boolean');
	return value === true;
}

function optionalStringArray(body: Json, key: string, problems: Problems): string[] {
	const value = body[key];
	if (value === undefined || value === null) return [];
	if (!isStringArray(value)) {
		problems.add(key, 'must be an array of strings');
		return [];
	}
	return value;
}

function checkScheduledDate(body: Json, now: number, problems: Problems): number | null {
	const value = body.scheduledDate;
	if (value === undefined || value === null) return null;
	const at = parseIsoDateTime(value);
	if (at === null)
		problems.add('scheduledDate', 'must be an ISO 8601 date-time, e.g. 2030-01-31T10:00:00.000Z');
	// Routee's pages say nothing of a past scheduledDate: the sandbox refuses one (its choice), so tests see the
	// node send it and show Routee's answer
	else if (at <= now) problems.add('scheduledDate', 'must be in the future');
	return at;
}

function checkTtl(body: Json, problems: Problems): number | null {
	const value = body.ttl;
	if (value === undefined || value === null) return null;
	if (!isInt(value) || value < 1 || value > MAX_TTL_MINUTES)
		problems.add('ttl', `must be an integer number of minutes, 1–${MAX_TTL_MINUTES}`);
	return value as number;
}

function checkCampaignName(value: unknown, property: string, problems: Problems): string | null {
	if (value === undefined || value === null) return null;
	if (typeof value !== 'string' || !CAMPAIGN_NAME.test(value)) {
		problems.add(property, 'must be 2–30 characters: latin letters, digits, spaces and -');
	}
	return typeof value === 'string' ? value : null;
}

const SMS_NUMERIC_SENDER = /^\d{1,16}$/;
const ALPHANUMERIC_SENDER = /^(?=.*[A-Za-z])[A-Za-z0-9 .&-]{1,11}$/;
const VOICE_E164_SENDER = /^\+\d{1,16}$/;
const SMS_SENDER_RULE =
	'numeric (at most 16 digits, without a leading +) or alphanumeric (at most 11 characters)';
const VOICE_SENDER_RULE =
	'a number (at most 16 digits, leading + allowed) or alphanumeric (at most 11 characters)';

function invalidSender(code: string, from: string, rule: string): RouteeFailure {
	const message = `The sender id is invalid (errorCode: 002): '${from}' must be ${rule}`;
	return routeeFailure(400, code, message, [
		{ code: '002', developerMessage: message, property: 'from' },
	]);
}

function noRecipients(code: string): RouteeFailure {
	const message =
		'You have not specified any recipients (errorCode: 004): give at least one of to, contacts, groups';
	return routeeFailure(400, code, message, [
		{ code: '004', developerMessage: message, property: 'to' },
	]);
}

export function invalidNumbers(code: string, numbers: string[]): RouteeFailure {
	return routeeFailure(
		400,
		code,
		`The recipient numbers are not valid mobile numbers (errorCode: 008): ${numbers.join(', ')}`,
		numbers.map((n) => ({
			code: '008',
			developerMessage: `Invalid mobile number (E.164 expected, e.g. +306948530920)`,
			property: n,
		})),
	);
}

function requireObject(body: unknown): Checked<Json> {
	if (!isObject(body))
		return fail(
			routeeFailure(400, ROUTEE_CODES.validation, 'The request body must be a JSON object'),
		);
	return { ok: true, value: body };
}

// ---------------------------------------------------------------- SMS campaign

export const SMS_CAMPAIGN_FIELDS = [
	'from',
	'body',
	'to',
	'contacts',
	'groups',
	'scheduledDate',
	'campaignName',
	'flash',
	'respectQuietHours',
	'callback',
	'campaignCallback',
	'reminder',
	'fallbackValues',
	'ttl',
	'allowInvalid',
	'transcode',
] as const;

export interface SmsCampaignRequest {
	from: string;
	body: string;
	/** Valid numbers (invalid ones removed when allowInvalid). */
	to: string[];
	invalidTo: string[];
	contacts: string[];
	groups: string[];
	scheduledAt: number | null;
	campaignName: string | null;
	flash: boolean;
	respectQuietHours: boolean;
	callback: CallbackSpec | null;
	campaignCallback: CallbackSpec | null;
	reminder: Json | null;
	fallbackValues: Record<string, string> | null;
	ttl: number | null;
	allowInvalid: boolean;
	transcode: boolean;
}

function checkReminder(value: unknown, problems: Problems): Json | null {
	if (value === undefined || value === null) return null;
	if (!isObject(value)) {
		problems.add('reminder', 'must be an object {minutesBefore, minutesAfter, to}');
		return null;
	}
	// https://docs.routee.net/reference/send-bulk-messages documents reminder.minutesBefore and reminder.to;
	// minutesAfter is in no Routee page (a third-party SDK has it): accepted, since a user may set it
	problems.unknown(value, ['minutesBefore', 'minutesAfter', 'to'], 'reminder.');
	for (const key of ['minutesBefore', 'minutesAfter']) {
		if (value[key] !== undefined && (!isInt(value[key]) || (value[key] as number) < 0))
			problems.add(`reminder.${key}`, 'must be a non-negative integer');
	}
	if (!isStringArray(value.to) || value.to.length === 0)
		problems.add('reminder.to', 'must be a non-empty array of E.164 numbers');
	else
		for (const n of value.to)
			if (!isE164(n)) problems.add('reminder.to', `'${n}' is not an E.164 number`);
	return value;
}

function checkFallbackValues(value: unknown, problems: Problems): Record<string, string> | null {
	if (value === undefined || value === null) return null;
	if (!isObject(value) || !Object.values(value).every((v) => typeof v === 'string')) {
		problems.add('fallbackValues', 'must be an object of label → string');
		return null;
	}
	return value as Record<string, string>;
}

/** POST /sms/campaign, POST /sms/analyze/campaign, and the merged body of PUT /sms/{trackingId}. */
export function checkSmsCampaign(raw: unknown, now: number): Checked<SmsCampaignRequest> {
	const object = requireObject(raw);
	if (!object.ok) return object;
	const body = object.value;
	const problems = new Problems();
	problems.unknown(body, SMS_CAMPAIGN_FIELDS);
	if (typeof body.from !== 'string' || body.from.length === 0)
		problems.add('from', 'is required (string)');
	if (typeof body.body !== 'string' || body.body.length === 0)
		problems.add('body', 'is required (non-empty string)');
	const to = optionalStringArray(body, 'to', problems);
	const contacts = optionalStringArray(body, 'contacts', problems);
	const groups = optionalStringArray(body, 'groups', problems);
	const request: SmsCampaignRequest = {
		from: String(body.from ?? ''),
		body: String(body.body ?? ''),
		to,
		invalidTo: [],
		contacts,
		groups,
		scheduledAt: checkScheduledDate(body, now, problems),
		campaignName: checkCampaignName(body.campaignName, 'campaignName', problems),
		flash: optionalBoolean(body, 'flash', problems),
		respectQuietHours: optionalBoolean(body, 'respectQuietHours', problems),
		callback: checkCallback(body.callback, 'callback', problems),
		campaignCallback: checkCallback(body.campaignCallback, 'campaignCallback', problems),
		reminder: checkReminder(body.reminder, problems),
		fallbackValues: checkFallbackValues(body.fallbackValues, problems),
		ttl: checkTtl(body, problems),
		allowInvalid: optionalBoolean(body, 'allowInvalid', problems),
		transcode: optionalBoolean(body, 'transcode', problems),
	};
	const generic = problems.failure();
	if (generic) return fail(generic);
	if (!SMS_NUMERIC_SENDER.test(request.from) && !ALPHANUMERIC_SENDER.test(request.from)) {
		return fail(invalidSender(ROUTEE_CODES.smsInput, request.from, SMS_SENDER_RULE));
	}
	if (to.length + contacts.length + groups.length === 0)
		return fail(noRecipients(ROUTEE_CODES.smsInput));
	const invalid = to.filter((n) => !isE164(n));
	if (invalid.length && !request.allowInvalid)
		return fail(invalidNumbers(ROUTEE_CODES.smsInput, invalid));
	request.invalidTo = invalid;
	request.to = [...new Set(to.filter((n) => isE164(n)))];
	return { ok: true, value: request };
}

// ---------------------------------------------------------------- single SMS

export const SINGLE_SMS_FIELDS = [
	'from',
	'to',
	'body',
	'flash',
	'label',
	'callback',
	'ttl',
	'transcode',
] as const;

export interface SingleSmsRequest {
	from: string;
	to: string;
	body: string;
	flash: boolean;
	label: string | null;
	callback: CallbackSpec | null;
	ttl: number | null;
	transcode: boolean;
}

export function checkSingleSms(raw: unknown): Checked<SingleSmsRequest> {
	const object = requireObject(raw);
	if (!object.ok) return object;
	const body = object.value;
	const problems = new Problems();
	problems.unknown(body, SINGLE_SMS_FIELDS);
	if (typeof body.from !== 'string' || body.from.length === 0)
		problems.add('from', 'is required (string)');
	if (typeof body.body !== 'string' || body.body.length === 0)
		problems.add('body', 'is required (non-empty string)');
	if (body.to !== undefined && body.to !== null && typeof body.to !== 'string')
		problems.add('to', 'must be one E.164 number (string)');
	if (body.label !== undefined && body.label !== null && typeof body.label !== 'string')
		problems.add('label', 'must be a string');
	else if (typeof body.label === 'string' && body.label.length > MAX_LABEL)
		problems.add('label', `must be at most ${MAX_LABEL} characters`);
	const request: SingleSmsRequest = {
		from: String(body.from ?? ''),
		to: typeof body.to === 'string' ? body.to : '',
		body: String(body.body ?? ''),
		flash: optionalBoolean(body, 'flash', problems),
		label: typeof body.label === 'string' ? body.label : null,
		callback: checkCallback(body.callback, 'callback', problems),
		ttl: checkTtl(body, problems),
		transcode: optionalBoolean(body, 'transcode', problems),
	};
	const generic = problems.failure();
	if (generic) return fail(generic);
	if (!SMS_NUMERIC_SENDER.test(request.from) && !ALPHANUMERIC_SENDER.test(request.from)) {
		return fail(invalidSender(ROUTEE_CODES.smsInput, request.from, SMS_SENDER_RULE));
	}
	if (!request.to) return fail(noRecipients(ROUTEE_CODES.smsInput));
	if (!isE164(request.to)) return fail(invalidNumbers(ROUTEE_CODES.smsInput, [request.to]));
	return { ok: true, value: request };
}

// ---------------------------------------------------------------- voice campaign

/** The campaign's name is `name` in the request; only the response calls it `campaignName` (send-a-voice-campaign). */
export const VOICE_CAMPAIGN_FIELDS = [
	'from',
	'to',
	'contacts',
	'groups',
	'name',
	'message',
	'fileURL',
	'respectQuietHours',
	'scheduledDate',
	'hangupDelay',
	'callback',
	'campaignCallback',
	'collectDtmfDigits',
	'collectDtmfAwaitSeconds',
] as const;

export interface TtsMessage {
	text: string;
	language: string;
	gender: string | null;
}

export interface VoiceCampaignRequest {
	from: string;
	to: string[];
	contacts: string[];
	groups: string[];
	campaignName: string | null;
	message: TtsMessage | null;
	fileURL: string | null;
	respectQuietHours: boolean;
	scheduledAt: number | null;
	hangupDelay: number | null;
	callback: CallbackSpec | null;
	campaignCallback: CallbackSpec | null;
	collectDtmfDigits: boolean;
	collectDtmfAwaitSeconds: number | null;
}

function checkTts(
	value: unknown,
	property: string,
	problems: Problems,
	maxText?: number,
): TtsMessage | null {
	if (!isObject(value)) {
		problems.add(property, 'must be an object {text, language, gender}');
		return null;
	}
	problems.unknown(value, ['text', 'language', 'gender'], `${property}.`);
	if (typeof value.text !== 'string' || value.text.length === 0)
		problems.add(`${property}.text`, 'is required (non-empty string)');
	else if (maxText !== undefined && value.text.length > maxText)
		problems.add(`${property}.text`, `must be at most ${maxText} characters`);
	if (!VOICE_LANGUAGES.includes(value.language as (typeof VOICE_LANGUAGES)[number])) {
		problems.add(`${property}.language`, `must be one of ${VOICE_LANGUAGES.join(', ')}`);
	}
	if (
		value.gender !== undefined &&
		value.gender !== null &&
		!GENDERS.includes(value.gender as (typeof GENDERS)[number])
	) {
		problems.add(`${property}.gender`, 'must be male or female');
	}
	return {
		text: String(value.text ?? ''),
		language: String(value.language ?? ''),
		gender: typeof value.gender === 'string' ? value.gender : null,
	};
}

/** Routee documents a numeric voice sender (≤ 16 digits); an alphanumeric one is accepted, recipients then see "Unknown" (other-voice-messaging-concept). */
function validVoiceSender(from: string): boolean {
	return (
		SMS_NUMERIC_SENDER.test(from) || ALPHANUMERIC_SENDER.test(from) || VOICE_E164_SENDER.test(from)
	);
}

export function checkVoiceCampaign(raw: unknown, now: number): Checked<VoiceCampaignRequest> {
	const object = requireObject(raw);
	if (!object.ok) return object;
	const body = object.value;
	const problems = new Problems();
	problems.unknown(body, VOICE_CAMPAIGN_FIELDS);
	if (typeof body.from !== 'string' || body.from.length === 0)
		problems.add('from', 'is required (string)');
	const to = optionalStringArray(body, 'to', problems);
	const contacts = optionalStringArray(body, 'contacts', problems);
	const groups = optionalStringArray(body, 'groups', problems);
	for (const [key, list] of [
		['to', to],
		['contacts', contacts],
		['groups', groups],
	] as const) {
		if (list.length > MAX_VOICE_RECIPIENTS)
			problems.add(key, `must hold at most ${MAX_VOICE_RECIPIENTS} entries`);
	}
	const campaignName = checkCampaignName(body.name, 'name', problems);
	const hasMessage = body.message !== undefined && body.message !== null;
	const hasFile = body.fileURL !== undefined && body.fileURL !== null;
	if (hasMessage === hasFile)
		problems.add('message', 'give exactly one of message (text to speech) or fileURL (a WAV file)');
	const message = hasMessage ? checkTts(body.message, 'message', problems, MAX_VOICE_TEXT) : null;
	// "the url of the wav file": WAV content, any path (https://docs.routee.net/docs/other-voice-messaging-concept)
	if (hasFile && !isHttpUrl(body.fileURL))
		problems.add('fileURL', 'must be an http(s) URL of a WAV file');
	let hangupDelay: number | null = null;
	if (body.hangupDelay !== undefined && body.hangupDelay !== null) {
		if (!isInt(body.hangupDelay) || body.hangupDelay < 1)
			problems.add('hangupDelay', 'must be a positive integer (seconds)');
		hangupDelay = body.hangupDelay as number;
	}
	let collectDtmfAwaitSeconds: number | null = null;
	if (body.collectDtmfAwaitSeconds !== undefined && body.collectDtmfAwaitSeconds !== null) {
		if (!isInt(body.collectDtmfAwaitSeconds) || body.collectDtmfAwaitSeconds < 0)
			problems.add('collectDtmfAwaitSeconds', 'must be a non-negative integer');
		collectDtmfAwaitSeconds = body.collectDtmfAwaitSeconds as number;
	}
	const request: VoiceCampaignRequest = {
		from: String(body.from ?? ''),
		to,
		contacts,
		groups,
		campaignName,
		message,
		fileURL: hasFile ? String(body.fileURL) : null,
		respectQuietHours: optionalBoolean(body, 'respectQuietHours', problems),
		scheduledAt: checkScheduledDate(body, now, problems),
		hangupDelay,
		callback: checkCallback(body.callback, 'callback', problems),
		campaignCallback: checkCallback(body.campaignCallback, 'campaignCallback', problems),
		collectDtmfDigits: optionalBoolean(body, 'collectDtmfDigits', problems),
		collectDtmfAwaitSeconds,
	};
	const generic = problems.failure();
	if (generic) return fail(generic);
	if (!validVoiceSender(request.from))
		return fail(invalidSender(ROUTEE_CODES.voiceInput, request.from, VOICE_SENDER_RULE));
	if (to.length + contacts.length + groups.length === 0)
		return fail(noRecipients(ROUTEE_CODES.voiceInput));
	const invalid = to.filter((n) => !isE164(n));
	if (invalid.length) return fail(invalidNumbers(ROUTEE_CODES.voiceInput, invalid));
	request.to = [...new Set(to)];
	return { ok: true, value: request };
}

// ---------------------------------------------------------------- voice conversation

export const CONVERSATION_FIELDS = [
	'to',
	'from',
	'dialPlan',
	'dialPlanUrl',
	'callback',
	'hangupDelay',
	'maxDuration',
	'machineDetection',
] as const;
export const VERB_TYPES = ['SAY', 'PLAY', 'DIAL', 'COLLECT'] as const;

export interface Endpoint {
	phone?: string;
	sip?: string;
	viber?: string;
}

export interface Verb {
	type: (typeof VERB_TYPES)[number];
	[key: string]: unknown;
}

export interface ConversationRequest {
	to: Endpoint;
	/** The phone / sip / viber value. */
	toAddress: string;
	from: string;
	dialPlan: { verbs: Verb[] } | null;
	dialPlanUrl: string | null;
	callback: CallbackSpec | null;
	hangupDelay: number;
	maxDuration: number | null;
	machineDetection: Json | null;
}

const SIP_URI = /^(sips?:)?[^@\s]+@[^@\s]+$/;
const VIBER_NUMBER = /^\+?[1-9]\d{6,14}$/;

function checkEndpoint(value: unknown, property: string, problems: Problems): Endpoint | null {
	if (!isObject(value)) {
		problems.add(property, 'is required: an object with exactly one of phone, sip, viber');
		return null;
	}
	problems.unknown(value, ['phone', 'sip', 'viber'], `${property}.`);
	const given = (['phone', 'sip', 'viber'] as const).filter(
		(k) => value[k] !== undefined && value[k] !== null,
	);
	if (given.length !== 1) {
		problems.add(
			property,
			`must have exactly one of phone, sip, viber (got ${given.length ? given.join(', ') : 'none'})`,
		);
		return null;
	}
	const key = given[0];
	const address = value[key];
	if (key === 'phone' && !isE164(address))
		problems.add(`${property}.phone`, 'must be an E.164 number, e.g. +306948530920');
	if (key === 'sip' && (typeof address !== 'string' || !SIP_URI.test(address)))
		problems.add(`${property}.sip`, 'must be a SIP URI, e.g. sip:user@host:5060');
	if (key === 'viber' && (typeof address !== 'string' || !VIBER_NUMBER.test(address)))
		problems.add(`${property}.viber`, 'must be a phone number, e.g. 306971234567');
	return { [key]: String(address) };
}

function checkMachineDetection(value: unknown, property: string, problems: Problems): Json | null {
	if (value === undefined || value === null) return null;
	if (!isObject(value)) {
		problems.add(property, 'must be an object {strategy, eventUrl}');
		return null;
	}
	problems.unknown(value, ['strategy', 'eventUrl'], `${property}.`);
	if (value.strategy !== 'Hangup' && value.strategy !== 'Continue')
		problems.add(`${property}.strategy`, 'must be Hangup or Continue');
	const hasUrl = value.eventUrl !== undefined && value.eventUrl !== null;
	if (value.strategy === 'Continue' && !isHttpUrl(value.eventUrl))
		problems.add(
			`${property}.eventUrl`,
			'is required with strategy Continue (http(s) URL answering a dialplan)',
		);
	if (value.strategy === 'Hangup' && hasUrl)
		problems.add(`${property}.eventUrl`, 'is only allowed with strategy Continue');
	return value;
}

function checkRepeatBargeIn(verb: Json, property: string, problems: Problems): void {
	if (verb.repeat !== undefined && (!isInt(verb.repeat) || verb.repeat < -1))
		problems.add(`${property}.repeat`, 'must be an integer ≥ -1 (-1 = forever)');
	if (verb.bargeIn !== undefined && typeof verb.bargeIn !== 'boolean')
		problems.add(`${property}.bargeIn`, 'must be a boolean');
}

function checkRange(
	value: unknown,
	property: string,
	min: number,
	max: number | null,
	problems: Problems,
): void {
	if (value === undefined || value === null) return;
	if (!isInt(value) || value < min || (max !== null && value > max))
		problems.add(
			property,
			max === null ? `must be an integer ≥ ${min}` : `must be an integer ${min}–${max}`,
		);
}

function checkVerb(verb: unknown, property: string, problems: Problems): void {
	if (!isObject(verb) || !VERB_TYPES.includes(verb.type as Verb['type'])) {
		problems.add(`${property}.type`, `must be one of ${VERB_TYPES.join(', ')}`);
		return;
	}
	switch (verb.type) {
		case 'SAY':
			problems.unknown(verb, ['type', 'message', 'repeat', 'bargeIn'], `${property}.`);
			checkTts(verb.message, `${property}.message`, problems);
			checkRepeatBargeIn(verb, property, problems);
			break;
		case 'PLAY':
			problems.unknown(verb, ['type', 'fileURL', 'repeat', 'bargeIn'], `${property}.`);
			if (!isHttpUrl(verb.fileURL))
				problems.add(`${property}.fileURL`, 'must be an http(s) URL of a WAV file');
			checkRepeatBargeIn(verb, property, problems);
			break;
		case 'DIAL':
			problems.unknown(
				verb,
				[
					'type',
					'from',
					'to',
					'hangupDelay',
					'maxDuration',
					'callback',
					'record',
					'recordingFormat',
					'recordingCallbackUrl',
					'machineDetection',
				],
				`${property}.`,
			);
			if (typeof verb.from !== 'string' || verb.from.length === 0)
				problems.add(`${property}.from`, 'is required (string)');
			checkEndpoint(verb.to, `${property}.to`, problems);
			// "Min value: 1", no maximum (https://docs.routee.net/reference/dial-verb)
			checkRange(verb.hangupDelay, `${property}.hangupDelay`, 1, null, problems);
			checkRange(verb.maxDuration, `${property}.maxDuration`, 1, null, problems);
			checkCallback(verb.callback, `${property}.callback`, problems);
			if (verb.record !== undefined && typeof verb.record !== 'boolean')
				problems.add(`${property}.record`, 'must be a boolean');
			if (
				verb.recordingFormat !== undefined &&
				verb.recordingFormat !== 'WAV' &&
				verb.recordingFormat !== 'MP3'
			) {
				problems.add(`${property}.recordingFormat`, 'must be WAV or MP3');
			}
			if (verb.recordingCallbackUrl !== undefined && !isHttpUrl(verb.recordingCallbackUrl))
				problems.add(`${property}.recordingCallbackUrl`, 'must be an http(s) URL');
			checkMachineDetection(verb.machineDetection, `${property}.machineDetection`, problems);
			break;
		case 'COLLECT':
			problems.unknown(verb, ['type', 'eventUrl', 'maxDigits', 'submitOnHash'], `${property}.`);
			// optional (https://docs.routee.net/reference/collect-verb)
			if (verb.eventUrl !== undefined && verb.eventUrl !== null && !isHttpUrl(verb.eventUrl)) {
				problems.add(
					`${property}.eventUrl`,
					'must be an http(s) URL (it receives the collected tones)',
				);
			}
			checkRange(verb.maxDigits, `${property}.maxDigits`, 1, null, problems);
			if (verb.submitOnHash !== undefined && typeof verb.submitOnHash !== 'boolean')
				problems.add(`${property}.submitOnHash`, 'must be a boolean');
			break;
	}
}

/**
 * Whether `text` (what a machineDetection eventUrl answered) is "a valid dialplan"
 * (https://docs.routee.net/reference/perform-a-voice-conversation): JSON {verbs: [...]} whose verbs pass checkVerb.
 */
export function isDialPlan(text: string | undefined): boolean {
	let plan: unknown;
	try {
		plan = JSON.parse(text ?? '');
	} catch {
		return false;
	}
	if (!isObject(plan) || !Array.isArray(plan.verbs) || plan.verbs.length === 0) return false;
	const problems = new Problems();
	plan.verbs.forEach((verb, i) => checkVerb(verb, `verbs[${i}]`, problems));
	return problems.failure() === null;
}

export function checkConversation(raw: unknown): Checked<ConversationRequest> {
	const object = requireObject(raw);
	if (!object.ok) return object;
	const body = object.value;
	const problems = new Problems();
	problems.unknown(body, CONVERSATION_FIELDS);
	const to = checkEndpoint(body.to, 'to', problems);
	if (typeof body.from !== 'string' || body.from.length === 0)
		problems.add('from', 'is required (string)');
	const hasPlan = body.dialPlan !== undefined && body.dialPlan !== null;
	const hasUrl = body.dialPlanUrl !== undefined && body.dialPlanUrl !== null;
	if (hasPlan === hasUrl) problems.add('dialPlan', 'give exactly one of dialPlan or dialPlanUrl');
	let verbs: Verb[] = [];
	if (hasPlan) {
		if (
			!isObject(body.dialPlan) ||
			!Array.isArray(body.dialPlan.verbs) ||
			body.dialPlan.verbs.length === 0
		) {
			problems.add('dialPlan.verbs', 'must be a non-empty array of SAY, PLAY, DIAL, COLLECT verbs');
		} else {
			problems.unknown(body.dialPlan, ['verbs'], 'dialPlan.');
			verbs = body.dialPlan.verbs as Verb[];
			verbs.forEach((verb, i) => checkVerb(verb, `dialPlan.verbs[${i}]`, problems));
			if (verbs.filter((v) => isObject(v) && v.type === 'DIAL').length > 1)
				problems.add('dialPlan.verbs', 'at most one DIAL verb per dialplan');
		}
	}
	if (hasUrl && !isHttpUrl(body.dialPlanUrl)) problems.add('dialPlanUrl', 'must be an http(s) URL');
	// "Min value: 1. Max value: 60." (https://docs.routee.net/reference/perform-a-voice-conversation)
	checkRange(body.hangupDelay, 'hangupDelay', 1, 60, problems);
	checkRange(body.maxDuration, 'maxDuration', 1, null, problems);
	const request: ConversationRequest = {
		to: to ?? {},
		toAddress: to ? String(Object.values(to)[0]) : '',
		from: String(body.from ?? ''),
		dialPlan: hasPlan ? { verbs } : null,
		dialPlanUrl: hasUrl ? String(body.dialPlanUrl) : null,
		callback: checkCallback(body.callback, 'callback', problems),
		hangupDelay: isInt(body.hangupDelay) ? body.hangupDelay : 20,
		maxDuration: isInt(body.maxDuration) ? body.maxDuration : null,
		machineDetection: checkMachineDetection(body.machineDetection, 'machineDetection', problems),
	};
	const generic = problems.failure();
	if (generic) return fail(generic);
	if (!validVoiceSender(request.from))
		return fail(invalidSender(ROUTEE_CODES.voiceInput, request.from, VOICE_SENDER_RULE));
	return { ok: true, value: request };
}

export const CONVERSATION_ACTIONS = ['hangup', 'reject'] as const;

export function checkConversationAction(
	raw: unknown,
): Checked<{ action: (typeof CONVERSATION_ACTIONS)[number] }> {
	const object = requireObject(raw);
	if (!object.ok) return object;
	const problems = new Problems();
	problems.unknown(object.value, ['action']);
	if (!CONVERSATION_ACTIONS.includes(object.value.action as 'hangup'))
		problems.add('action', 'must be hangup or reject');
	const generic = problems.failure();
	if (generic) return fail(generic);
	return { ok: true, value: { action: object.value.action as 'hangup' | 'reject' } };
}

// ---------------------------------------------------------------- paging

export function checkPage(
	query: Record<string, string>,
	defaultSize = 20,
): Checked<{ page: number; size: number }> {
	const problems = new Problems();
	const page = query.page === undefined ? 0 : Number(query.page);
	const size = query.size === undefined ? defaultSize : Number(query.size);
	if (!Number.isInteger(page) || page < 0) problems.add('page', 'must be an integer ≥ 0');
	if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE)
		problems.add('size', `must be an integer 1–${MAX_PAGE_SIZE}`);
	const generic = problems.failure();
	if (generic) return fail(generic);
	return { ok: true, value: { page, size } };
}
