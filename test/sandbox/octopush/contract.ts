// Octopush request contract, written from Octopush's documentation (never from nodes/):
// https://dev.octopush.com/en/sms-gateway-api-documentation/voice-sms-api/send-voice-sms/ ,
// https://dev.octopush.com/en/sms-gateway-api-documentation/voice-sms-api/send-voice-sms-list/ ,
// https://octopush-api.readme.io/reference/post_public_apivoice_campaignon_listcreate ,
// https://dev.octopush.com/en/sms-gateway-api-documentation/scheduled-sms-sending .
// Contacts and lists: https://dev.octopush.com/en/sms-gateway-api-documentation/add-a-contact/ ,
// https://dev.octopush.com/en/sms-gateway-api-documentation/delete-a-contact/ ,
// https://dev.octopush.com/en/sms-gateway-api-documentation/create-a-contact-list/ ,
// https://octopush-api.readme.io/reference/post_public_apicontact_listsempty ,
// https://dev.octopush.com/api-sms-documentation/supprimer-une-liste/ .
// Failures use the documented shape {code, message, errors: {<field>: {code, message}}}.

import { isHttpUrl, isObject, parseIsoDateTime, unknownKeys, type Json } from '../check';
import { isE164 } from '../numbers';

/** Field error codes. 442 is documented; 101/104/106/107/117/120 are Octopush legacy codes; the rest are sandbox choices. */
export const OCTOPUSH_CODES = {
	badLogin: 101,
	notEnoughCredit: 104,
	badSender: 106,
	textMissing: 107,
	noRecipients: 117,
	duplicateRequestId: 120,
	unknownField: 430,
	textTooLong: 431,
	tooManyRecipients: 433,
	badPhoneNumber: 434,
	badContactField: 435,
	badSendAt: 436,
	badPurpose: 437,
	badGender: 438,
	badType: 439,
	badRequestId: 440,
	badValueType: 441,
	badLanguage: 442,
	listMissing: 443,
	unknownTicket: 444,
	notReady: 445,
	notCancellable: 446,
	badCallbackUrl: 447,
	alreadySent: 448,
	malformed: 449,
	badListName: 450,
	unknownList: 451,
	listExists: 452,
	tooManyNumbers: 453,
} as const;

/**
 * Voice genders per language ("'pl-PL' => [F, M], 'sv-SE' => [F], …", F female, M male) from the Send Voice SMS page
 * above (the stored copy ends at es-US), plus el-GR, hu-HU and es-LA from the older list of the same site
 * (no genders given: both).
 */
const F = ['female'];
const FM = ['female', 'male'];
export const VOICE_GENDERS_BY_LANGUAGE: Record<string, string[]> = {
	'pl-PL': FM,
	'sv-SE': F,
	'de-DE': FM,
	'en-GB': FM,
	'en-US': FM,
	'es-ES': FM,
	'fr-FR': FM,
	'it-IT': FM,
	'pt-BR': FM,
	'ru-RU': FM,
	arb: F,
	'ca-ES': F,
	'zh-HK': FM,
	'mn-CN': F,
	'da-DK': FM,
	'nl-NL': FM,
	'en-AU': FM,
	'en-IN': F,
	'en-NZ': F,
	'en-ZA': F,
	'il-PH': FM,
	'fr-CA': FM,
	'de-AT': F,
	'hi-IN': F,
	'is-IS': FM,
	'id-ID': FM,
	'ja-JP': FM,
	'ko-KR': F,
	'ms-MY': FM,
	'nb-NO': F,
	'pt-PT': FM,
	'ro-RO': F,
	'es-MX': F,
	'es-US': FM,
	'el-GR': FM,
	'hu-HU': FM,
	'es-LA': FM,
};
export const VOICE_LANGUAGES = Object.keys(VOICE_GENDERS_BY_LANGUAGE);
export const MAX_RECIPIENTS = 500;
export const MAX_VOICE_TEXT = 1224;
export const MAX_CONTACT_FIELD = 50;
export const CONTACT_FIELDS = [
	'phone_number',
	'first_name',
	'last_name',
	'param1',
	'param2',
	'param3',
	'param4',
	'param5',
] as const;

export interface FieldError {
	code: number;
	message: string;
}
export interface OctopushErrorBody {
	code: number;
	message: string;
	errors: Record<string, FieldError>;
}
export interface OctopushFailure {
	status: number;
	body: OctopushErrorBody;
}
export type Checked<T> = { ok: true; value: T } | { ok: false; failure: OctopushFailure };

export const VALIDATION_MESSAGE = 'Payload validation error.';

export function octopushFailure(
	status: number,
	message: string,
	errors: Record<string, FieldError>,
): OctopushFailure {
	return { status, body: { code: status, message, errors } };
}

export function fieldFailure(
	field: string,
	code: number,
	message: string,
	status = 400,
): OctopushFailure {
	return octopushFailure(status, VALIDATION_MESSAGE, { [field]: { code, message } });
}

class FieldErrors {
	readonly errors: Record<string, FieldError> = {};
	add(field: string, code: number, message: string): void {
		if (!this.errors[field]) this.errors[field] = { code, message };
	}
	unknown(value: Json, allowed: readonly string[], prefix = ''): void {
		for (const key of unknownKeys(value, allowed)) {
			this.add(
				`${prefix}${key}`,
				OCTOPUSH_CODES.unknownField,
				'Unknown field (Octopush would ignore it; the sandbox rejects it so a misspelled field fails tests).',
			);
		}
	}
	failure(): OctopushFailure | null {
		return Object.keys(this.errors).length
			? octopushFailure(400, VALIDATION_MESSAGE, this.errors)
			: null;
	}
}

const present = (value: unknown) => value !== undefined && value !== null;

export interface Contact {
	phone_number: string;
	[field: string]: string | null;
}

export interface SendRequest {
	text: string;
	recipients: Contact[];
	sender: string | null;
	sendAt: number | null;
	purpose: string | null;
	type: string | null;
	voiceGender: string | null;
	voiceLanguage: string | null;
	getBackPressedKeys: boolean;
	simulation: boolean;
	requestId: string | null;
	listName: string | null;
	tagName: string | null;
}

function checkText(body: Json, errors: FieldErrors, voice: boolean): void {
	if (typeof body.text !== 'string' || body.text.length === 0) {
		errors.add('text', OCTOPUSH_CODES.textMissing, 'Text is missing.');
		return;
	}
	if (!voice) return;
	// "non unicode" is not defined by the docs, which offer Greek and Russian voices: no character is refused
	if (body.text.length > MAX_VOICE_TEXT)
		errors.add(
			'text',
			OCTOPUSH_CODES.textTooLong,
			`Text must be 1 to ${MAX_VOICE_TEXT} characters.`,
		);
}

function checkRecipients(body: Json, errors: FieldErrors, required: boolean): Contact[] {
	const value = body.recipients;
	if (!present(value)) {
		if (required) errors.add('recipients', OCTOPUSH_CODES.noRecipients, 'No recipients.');
		return [];
	}
	if (!Array.isArray(value)) {
		errors.add(
			'recipients',
			OCTOPUSH_CODES.badValueType,
			'Recipients must be an array of contact objects.',
		);
		return [];
	}
	if (value.length === 0 && required)
		errors.add('recipients', OCTOPUSH_CODES.noRecipients, 'No recipients.');
	if (value.length > MAX_RECIPIENTS)
		errors.add(
			'recipients',
			OCTOPUSH_CODES.tooManyRecipients,
			`At most ${MAX_RECIPIENTS} recipients per request.`,
		);
	value.forEach((contact: unknown, i) => {
		const at = `recipients.${i}`;
		if (!isObject(contact)) {
			errors.add(
				at,
				OCTOPUSH_CODES.badValueType,
				'A recipient must be an object {phone_number, …}.',
			);
			return;
		}
		errors.unknown(contact, CONTACT_FIELDS, `${at}.`);
		if (!isE164(contact.phone_number))
			errors.add(
				`${at}.phone_number`,
				OCTOPUSH_CODES.badPhoneNumber,
				'Phone number must be in E.164 format (e.g. +33612345678).',
			);
		for (const field of CONTACT_FIELDS.slice(1)) {
			const v = contact[field];
			if (!present(v)) continue;
			if (typeof v !== 'string')
				errors.add(`${at}.${field}`, OCTOPUSH_CODES.badValueType, `${field} must be a string.`);
			else if (v.length > MAX_CONTACT_FIELD)
				errors.add(
					`${at}.${field}`,
					OCTOPUSH_CODES.badContactField,
					`${field} must be at most ${MAX_CONTACT_FIELD} characters.`,
				);
		}
	});
	return value.filter(isObject) as Contact[];
}

function checkEnum(
	body: Json,
	key: string,
	allowed: readonly string[],
	code: number,
	message: string,
	errors: FieldErrors,
): string | null {
	if (!present(body[key])) return null;
	if (!allowed.includes(body[key] as string)) errors.add(key, code, message);
	return String(body[key]);
}

function checkBoolean(body: Json, key: string, errors: FieldErrors): boolean {
	if (!present(body[key])) return false;
	if (typeof body[key] !== 'boolean')
		errors.add(key, OCTOPUSH_CODES.badValueType, `${key} must be a boolean.`);
	return body[key] === true;
}

function checkCommon(
	body: Json,
	now: number,
	errors: FieldErrors,
): Pick<SendRequest, 'sender' | 'sendAt' | 'purpose' | 'requestId' | 'simulation'> {
	let sender: string | null = null;
	if (present(body.sender)) {
		// "3-11 caractères alphanumeriques et espace (a-zA-Z0-9 )": https://dev.octopush.com/api-sms-documentation/vocal-sms-api/envoi-de-sms-vocal-differe/
		if (typeof body.sender !== 'string' || !/^[a-zA-Z0-9 ]{3,11}$/.test(body.sender)) {
			errors.add(
				'sender',
				OCTOPUSH_CODES.badSender,
				'Sender must be 3 to 11 alphanumeric characters or spaces (a-zA-Z0-9 ).',
			);
		}
		sender = String(body.sender);
	}
	let sendAt: number | null = null;
	if (present(body.send_at)) {
		sendAt = parseIsoDateTime(body.send_at, true);
		if (sendAt === null)
			errors.add(
				'send_at',
				OCTOPUSH_CODES.badSendAt,
				'send_at must be an ISO 8601 date-time with offset (e.g. 2018-10-03T07:42:39-07:00).',
			);
		// a date that has passed is accepted and sent at once: "As soon as the date you have specified has passed,
		// we will send your SMS" (https://octopush.com/en/sms-gateway-api-documentation/scheduled-sms-sending/)
		else if (sendAt <= now) sendAt = null;
	}
	const purpose = checkEnum(
		body,
		'purpose',
		['alert', 'wholesale'],
		OCTOPUSH_CODES.badPurpose,
		'Purpose must be alert or wholesale.',
		errors,
	);
	let requestId: string | null = null;
	if (present(body.request_id)) {
		// a string; no length is documented
		if (typeof body.request_id !== 'string' || body.request_id.length === 0) {
			errors.add(
				'request_id',
				OCTOPUSH_CODES.badRequestId,
				'request_id must be a non-empty string.',
			);
		}
		requestId = String(body.request_id);
	}
	return {
		sender,
		sendAt,
		purpose,
		requestId,
		simulation: checkBoolean(body, 'simulation_mode', errors),
	};
}

function requireObject(body: unknown): Checked<Json> {
	if (!isObject(body))
		return {
			ok: false,
			failure: fieldFailure(
				'body',
				OCTOPUSH_CODES.badValueType,
				'The payload must be a JSON object.',
			),
		};
	return { ok: true, value: body };
}

function voiceFields(
	body: Json,
	errors: FieldErrors,
): Pick<SendRequest, 'voiceGender' | 'voiceLanguage'> {
	const voiceGender = checkEnum(
		body,
		'voice_gender',
		['male', 'female'],
		OCTOPUSH_CODES.badGender,
		'Voice gender must be male or female.',
		errors,
	);
	const voiceLanguage = checkEnum(
		body,
		'voice_language',
		VOICE_LANGUAGES,
		OCTOPUSH_CODES.badLanguage,
		'Voice language not supported.',
		errors,
	);
	const genders = voiceLanguage === null ? undefined : VOICE_GENDERS_BY_LANGUAGE[voiceLanguage];
	if (
		genders &&
		voiceGender !== null &&
		FM.includes(voiceGender) &&
		!genders.includes(voiceGender)
	) {
		// the docs list the combination as unavailable; the code Octopush answers is not documented (sandbox choice: 438)
		errors.add(
			'voice_gender',
			OCTOPUSH_CODES.badGender,
			`Voice gender ${voiceGender} is not available for ${voiceLanguage}.`,
		);
	}
	return { voiceGender, voiceLanguage };
}

export const VOICE_SEND_FIELDS = [
	'text',
	'recipients',
	'sender',
	'send_at',
	'purpose',
	'type',
	'voice_gender',
	'voice_language',
	'auto_delete_optout_contacts',
	'get_back_pressed_keys',
	'simulation_mode',
	'request_id',
	'auto_remove_blacklisted_numbers',
] as const;

/** POST /voice-campaign/send */
export function checkVoiceSend(raw: unknown, now: number): Checked<SendRequest> {
	const object = requireObject(raw);
	if (!object.ok) return object;
	const body = object.value;
	const errors = new FieldErrors();
	errors.unknown(body, VOICE_SEND_FIELDS);
	checkText(body, errors, true);
	const recipients = checkRecipients(body, errors, true);
	const common = checkCommon(body, now, errors);
	const type = checkEnum(
		body,
		'type',
		['voice_sms'],
		OCTOPUSH_CODES.badType,
		'Type must be voice_sms.',
		errors,
	);
	checkBoolean(body, 'auto_delete_optout_contacts', errors);
	checkBoolean(body, 'auto_remove_blacklisted_numbers', errors);
	const getBackPressedKeys = checkBoolean(body, 'get_back_pressed_keys', errors);
	const voice = voiceFields(body, errors);
	const failure = errors.failure();
	if (failure) return { ok: false, failure };
	return {
		ok: true,
		value: {
			text: String(body.text),
			recipients,
			type,
			getBackPressedKeys,
			listName: null,
			tagName: null,
			...common,
			...voice,
		},
	};
}

export const LIST_CREATE_FIELDS = [
	'text',
	'recipients',
	'sender',
	'send_at',
	'purpose',
	'voice_gender',
	'voice_language',
	'simulation_mode',
	'request_id',
	'get_back_pressed_keys',
	'auto_remove_blacklisted_numbers',
] as const;

/** POST /voice-campaign-on-list/create (`list_name`) and /voice-campaign-on-tag/create (`tag_name`). */
export function checkListCreate(
	raw: unknown,
	now: number,
	target: 'list_name' | 'tag_name',
): Checked<SendRequest> {
	const object = requireObject(raw);
	if (!object.ok) return object;
	const body = object.value;
	const errors = new FieldErrors();
	errors.unknown(body, [target, ...LIST_CREATE_FIELDS]);
	if (typeof body[target] !== 'string' || (body[target] as string).length === 0) {
		errors.add(target, OCTOPUSH_CODES.listMissing, `${target} is required.`);
	}
	checkText(body, errors, true);
	const recipients = checkRecipients(body, errors, false);
	const common = checkCommon(body, now, errors);
	const voice = voiceFields(body, errors);
	const getBackPressedKeys = checkBoolean(body, 'get_back_pressed_keys', errors);
	checkBoolean(body, 'auto_remove_blacklisted_numbers', errors);
	const failure = errors.failure();
	if (failure) return { ok: false, failure };
	const name = String(body[target]);
	return {
		ok: true,
		value: {
			text: String(body.text),
			recipients,
			type: 'voice_sms',
			getBackPressedKeys,
			listName: target === 'list_name' ? name : null,
			tagName: target === 'tag_name' ? name : null,
			...common,
			...voice,
		},
	};
}

export const SMS_SEND_FIELDS = [
	'text',
	'recipients',
	'type',
	'sender',
	'send_at',
	'purpose',
	'with_replies',
	'simulation_mode',
	'request_id',
	'auto_remove_blacklisted_numbers',
	'auto_optimize_text',
] as const;

/** POST /sms-campaign/send */
export function checkSmsSend(raw: unknown, now: number): Checked<SendRequest> {
	const object = requireObject(raw);
	if (!object.ok) return object;
	const body = object.value;
	const errors = new FieldErrors();
	errors.unknown(body, SMS_SEND_FIELDS);
	checkText(body, errors, false);
	const recipients = checkRecipients(body, errors, true);
	const common = checkCommon(body, now, errors);
	const type = checkEnum(
		body,
		'type',
		['sms_premium', 'sms_low_cost'],
		OCTOPUSH_CODES.badType,
		'Type must be sms_premium or sms_low_cost.',
		errors,
	);
	checkBoolean(body, 'with_replies', errors);
	checkBoolean(body, 'auto_remove_blacklisted_numbers', errors);
	checkBoolean(body, 'auto_optimize_text', errors);
	const failure = errors.failure();
	if (failure) return { ok: false, failure };
	return {
		ok: true,
		value: {
			text: String(body.text),
			recipients,
			type: type ?? 'sms_premium',
			getBackPressedKeys: false,
			listName: null,
			tagName: null,
			voiceGender: null,
			voiceLanguage: null,
			...common,
		},
	};
}

/** {ticket_number} bodies (send / cancel) and the ticket_number query (status). */
export function checkTicketBody(raw: unknown): Checked<string> {
	const object = requireObject(raw);
	if (!object.ok) return object;
	const errors = new FieldErrors();
	errors.unknown(object.value, ['ticket_number']);
	if (typeof object.value.ticket_number !== 'string' || !object.value.ticket_number) {
		errors.add('ticket_number', OCTOPUSH_CODES.unknownTicket, 'ticket_number is required.');
	}
	const failure = errors.failure();
	if (failure) return { ok: false, failure };
	return { ok: true, value: String(object.value.ticket_number) };
}

/**
 * The documented keys of each account-settings section (modify-configuration lists the three sections and their keys;
 * readme.io adds `api_version` and `use_metadata_node_for_inbound` to callbacks and spells the alert e-mail
 * `alert_emails_to`, an array):
 * https://dev.octopush.com/en/sms-gateway-api-documentation/api-default-parameters/modify-configuration/
 * https://octopush-api.readme.io/reference/get_public_apiuserget_campaign_parameters
 */
export const SETTINGS_KEYS: Record<string, readonly string[]> = {
	sms_campaign_alert_parameters: [
		'alert_type',
		'alert_bound',
		'alert_email_to',
		'alert_emails_to',
		'alert_phone_number_to',
	],
	campaign_parameters: [
		'sender_for_sms_premium',
		'sender_for_voice_sms',
		'phone_number_for_test_sms',
	],
	callbacks: [
		'callback_url_for_inbounds',
		'callback_url_for_deliveries',
		'callback_url_for_blacklisted_numbers',
		'callback_url_for_visits',
		'email_for_inbounds',
		'api_version',
		'use_metadata_node_for_inbound',
	],
};
const CALLBACK_URL_KEY = /^callback_url_for_/;

/**
 * PATCH /user/campaign-parameters/edit: the sections it carries, each an object of documented keys or keys the account
 * already holds (what a GET showed is accepted back). Callback URLs must be http(s), or `''` / `null` for none (stored
 * as null). The result is the sections as they will be stored.
 */
export function checkSettingsEdit(
	raw: unknown,
	current: Record<string, Json>,
): Checked<Record<string, Json>> {
	const object = requireObject(raw);
	if (!object.ok) return object;
	const errors = new FieldErrors();
	const known = (documented: readonly string[] | undefined, held: unknown) => [
		...new Set([...(documented ?? []), ...Object.keys(isObject(held) ? held : {})]),
	];
	errors.unknown(object.value, known(Object.keys(SETTINGS_KEYS), current));
	const sections: Record<string, Json> = {};
	for (const [section, value] of Object.entries(object.value)) {
		if (!isObject(value)) {
			errors.add(section, OCTOPUSH_CODES.badValueType, `${section} must be an object.`);
			continue;
		}
		errors.unknown(value, known(SETTINGS_KEYS[section], current[section]), `${section}.`);
		const stored: Json = {};
		for (const [key, v] of Object.entries(value)) {
			if (section !== 'callbacks' || !CALLBACK_URL_KEY.test(key)) stored[key] = v;
			else if (v === null || v === '') stored[key] = null;
			else if (isHttpUrl(v)) stored[key] = v;
			else
				errors.add(
					`callbacks.${key}`,
					OCTOPUSH_CODES.badCallbackUrl,
					'Callback URL must be an http(s) URL (or empty for none).',
				);
		}
		sections[section] = stored;
	}
	const failure = errors.failure();
	if (failure) return { ok: false, failure };
	return { ok: true, value: sections };
}

// ---------------------------------------------------------------- contacts and lists

/** "list_name … [max-length : 30 chars]": https://dev.octopush.com/en/sms-gateway-api-documentation/add-a-contact/ */
export const MAX_LIST_NAME = 30;
/** "From 1 to 200 contacts": https://dev.octopush.com/en/sms-gateway-api-documentation/delete-a-contact/ */
export const MAX_DELETE_NUMBERS = 200;

function checkListName(body: Json, errors: FieldErrors, required: boolean): string | null {
	const name = body.list_name;
	if (!present(name)) {
		if (required) errors.add('list_name', OCTOPUSH_CODES.listMissing, 'list_name is required.');
		return null;
	}
	if (typeof name !== 'string' || name.length === 0 || name.length > MAX_LIST_NAME) {
		errors.add(
			'list_name',
			OCTOPUSH_CODES.badListName,
			`list_name must be a string of 1 to ${MAX_LIST_NAME} characters.`,
		);
		return null;
	}
	return name;
}

export interface ContactCreateRequest {
	listName: string | null;
	tagName: string | null;
	contacts: Contact[];
	autoRemoveBlacklisted: boolean;
	doNotOverwrite: boolean;
}

/**
 * POST /contact/create: contacts (phone_number, first_name, last_name, param1..5), list_name (optional, ≤ 30),
 * tag_name (optional, ≤ 20), auto_remove_blacklisted_numbers, do_not_overwrite. No limit on the number of contacts
 * is documented, so none is applied.
 */
export function checkContactCreate(raw: unknown): Checked<ContactCreateRequest> {
	const object = requireObject(raw);
	if (!object.ok) return object;
	const body = object.value;
	const errors = new FieldErrors();
	errors.unknown(body, [
		'contacts',
		'list_name',
		'tag_name',
		'auto_remove_blacklisted_numbers',
		'do_not_overwrite',
	]);
	const listName = checkListName(body, errors, false);
	let tagName: string | null = null;
	if (present(body.tag_name)) {
		if (
			typeof body.tag_name !== 'string' ||
			body.tag_name.length === 0 ||
			body.tag_name.length > 20
		)
			errors.add('tag_name', OCTOPUSH_CODES.badValueType, 'tag_name must be 1 to 20 characters.');
		else tagName = body.tag_name;
	}
	const contacts: Contact[] = [];
	if (!Array.isArray(body.contacts) || body.contacts.length === 0) {
		errors.add('contacts', OCTOPUSH_CODES.noRecipients, 'contacts must be a non-empty array.');
	} else {
		body.contacts.forEach((contact: unknown, i) => {
			const at = `contacts.${i}`;
			if (!isObject(contact)) {
				errors.add(
					at,
					OCTOPUSH_CODES.badValueType,
					'A contact must be an object {phone_number, …}.',
				);
				return;
			}
			errors.unknown(contact, CONTACT_FIELDS, `${at}.`);
			if (!isE164(contact.phone_number)) {
				errors.add(
					`${at}.phone_number`,
					OCTOPUSH_CODES.badPhoneNumber,
					'Phone number must be in E.164 format (e.g. +33612345678).',
				);
				return;
			}
			for (const field of CONTACT_FIELDS.slice(1)) {
				const v = contact[field];
				if (!present(v)) continue;
				if (typeof v !== 'string' || v.length > MAX_CONTACT_FIELD)
					errors.add(
						`${at}.${field}`,
						OCTOPUSH_CODES.badContactField,
						`${field} must be a string of at most ${MAX_CONTACT_FIELD} characters.`,
					);
			}
			contacts.push(contact as Contact);
		});
	}
	const autoRemoveBlacklisted = checkBoolean(body, 'auto_remove_blacklisted_numbers', errors);
	const doNotOverwrite = checkBoolean(body, 'do_not_overwrite', errors);
	const failure = errors.failure();
	if (failure) return { ok: false, failure };
	return {
		ok: true,
		value: { listName, tagName, contacts, autoRemoveBlacklisted, doNotOverwrite },
	};
}

/** DELETE /contact/delete: phone_numbers (string[], 1 to 200), list_name (optional). */
export function checkContactDelete(
	raw: unknown,
): Checked<{ phoneNumbers: string[]; listName: string | null }> {
	const object = requireObject(raw);
	if (!object.ok) return object;
	const body = object.value;
	const errors = new FieldErrors();
	errors.unknown(body, ['phone_numbers', 'list_name']);
	const listName = checkListName(body, errors, false);
	const numbers = body.phone_numbers;
	if (!Array.isArray(numbers) || numbers.length === 0) {
		errors.add(
			'phone_numbers',
			OCTOPUSH_CODES.noRecipients,
			'phone_numbers must be a non-empty array.',
		);
	} else if (numbers.length > MAX_DELETE_NUMBERS) {
		errors.add(
			'phone_numbers',
			OCTOPUSH_CODES.tooManyNumbers,
			`From 1 to ${MAX_DELETE_NUMBERS} numbers per request.`,
		);
	} else {
		numbers.forEach((number: unknown, i) => {
			if (!isE164(number))
				errors.add(
					`phone_numbers.${i}`,
					OCTOPUSH_CODES.badPhoneNumber,
					'Phone number must be in E.164 format (e.g. +33612345678).',
				);
		});
	}
	const failure = errors.failure();
	if (failure) return { ok: false, failure };
	return { ok: true, value: { phoneNumbers: numbers as string[], listName } };
}

/** POST /contact-list/create, DELETE /contact-list/delete (list_name) and POST /contact-list/empty (+ delete_contacts). */
export function checkListBody(
	raw: unknown,
	empty: boolean,
): Checked<{ listName: string; deleteContacts: boolean }> {
	const object = requireObject(raw);
	if (!object.ok) return object;
	const body = object.value;
	const errors = new FieldErrors();
	errors.unknown(body, empty ? ['list_name', 'delete_contacts'] : ['list_name']);
	const listName = checkListName(body, errors, true);
	const deleteContacts = empty ? checkBoolean(body, 'delete_contacts', errors) : false;
	const failure = errors.failure();
	if (failure) return { ok: false, failure };
	return { ok: true, value: { listName: listName as string, deleteContacts } };
}
