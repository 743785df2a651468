import type { IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { FieldLabels } from '../../shared/action/field-labels';
import { assertBody as assertBodyWith, oneOf, type Source } from '../../shared/http';
import { isE164 } from '../../shared/phone';

// ---------------------------------------------------------------------------------------------
// Facts the sources disagree on or leave unverified. Each lives here and nowhere else.
// ---------------------------------------------------------------------------------------------

/**
 * `type: voice_sms` is documented at https://octopush-api.readme.io/reference/post_public_apivoice_campaignsend
 * ("Type ['voice_sms']"); Octopush's old PHP SDK sent `vocal_sms` (github.com/octopush/sms-api-php). We send the documented value.
 */
export const VOICE_SMS_TYPE = 'voice_sms';

// ---------------------------------------------------------------------------------------------
// Documented limits and value lists, each with its source.
// ---------------------------------------------------------------------------------------------

/** "Message text (from 1 to 1224 characters …)": https://dev.octopush.com/en/sms-gateway-api-documentation/voice-sms-api/send-voice-sms/ */
const MAX_TEXT = 1224;
/** Each contact field replaces a placeholder: "String, [50 chars max]" (https://dev.octopush.com/en/sms-gateway-api-documentation/personalized-sendings-publipostage/). */
export const MAX_CONTACT_FIELD = 50;
/**
 * "campaign (up to 500 contacts)" per request: https://dev.octopush.com/en/sms-gateway-api-documentation/voice-sms-api/send-voice-sms/.
 * The same docs advise frames "of 200 to 500 numbers" (https://octopush-api.readme.io/reference/post_public_apivoice_campaignsend):
 * advice, not a rule, so any frame size from 1 is allowed.
 */
export const MIN_FRAME_SIZE = 1;
export const MAX_FRAME_SIZE = 500;

/**
 * Frames in Parallel when the option is not set, from node version 3 (versions 1 and 2: 1): a choice of the node,
 * not a limit of Octopush's. Measured over TLS with a 40 ms round trip (`BENCH_ONLY=network npm run bench`, bench/results.md): 4 sends 100,000 recipients in about 13 s
 * instead of 49 s, and 8 saves little more; neither Octopush page documents a limit on concurrent requests, and a
 * 429 stops the job before any further frame.
 */
export const FRAMES_IN_PARALLEL_FROM_V3 = 4;
/**
 * "3-11 caractères alphanumeriques et espace (a-zA-Z0-9 )":
 * https://dev.octopush.com/api-sms-documentation/vocal-sms-api/envoi-de-sms-vocal-differe/ ; "3-11 alphanumeric characters
 * with spaces": https://octopush.com/en/sms-gateway-api-documentation/two-ways-sms/ and
 * https://dev.octopush.com/en/sms-gateway-api-documentation/transactional-sms (the English VMS page omits the space).
 */
const SENDER_RULE = /^[a-zA-Z0-9 ]{3,11}$/;

const PURPOSES = ['alert', 'wholesale'] as const;
const VOICE_GENDERS = ['female', 'male'] as const;
type VoiceGender = (typeof VOICE_GENDERS)[number];

/** The page that lists each voice language with the genders it has. */
export const VOICE_LANGUAGES_URL =
	'https://dev.octopush.com/en/sms-gateway-api-documentation/voice-sms-api/send-voice-sms/';
const F = ['female'] as const;
const FM = ['female', 'male'] as const;
/**
 * Voice languages and their genders, as VOICE_LANGUAGES_URL lists them ("'pl-PL' => [F, M], 'sv-SE' => [F], …").
 * el-GR, hu-HU and es-LA come from the older list on the same site (no genders given there, so both are
 * allowed). A code not listed here is sent as is: Octopush answers 442 "Voice language not supported" if it
 * does not know it.
 */
export const VOICE_LANGUAGES: Readonly<
	Record<string, { name: string; genders: readonly VoiceGender[] }>
> = {
	'pl-PL': { name: 'Polish (Poland)', genders: FM },
	'sv-SE': { name: 'Swedish (Sweden)', genders: F },
	'de-DE': { name: 'German (Germany)', genders: FM },
	'en-GB': { name: 'English (United Kingdom)', genders: FM },
	'en-US': { name: 'English (United States)', genders: FM },
	'es-ES': { name: 'Spanish (Spain)', genders: FM },
	'fr-FR': { name: 'French (France)', genders: FM },
	'it-IT': { name: 'Italian (Italy)', genders: FM },
	'pt-BR': { name: 'Portuguese (Brazil)', genders: FM },
	'ru-RU': { name: 'Russian (Russia)', genders: FM },
	arb: { name: 'Arabic', genders: F },
	'ca-ES': { name: 'Catalan (Spain)', genders: F },
	'zh-HK': { name: 'Chinese (Hong Kong)', genders: FM },
	'mn-CN': { name: 'Chinese Mandarin (China)', genders: F },
	'da-DK': { name: 'Danish (Denmark)', genders: FM },
	'nl-NL': { name: 'Dutch (Netherlands)', genders: FM },
	'en-AU': { name: 'English (Australia)', genders: FM },
	'en-IN': { name: 'English (India)', genders: F },
	'en-NZ': { name: 'English (New Zealand)', genders: F },
	'en-ZA': { name: 'English (South Africa)', genders: F },
	'il-PH': { name: 'Filipino (Philippines)', genders: FM },
	'fr-CA': { name: 'French (Canada)', genders: FM },
	'de-AT': { name: 'German (Austria)', genders: F },
	'hi-IN': { name: 'Hindi (India)', genders: F },
	'is-IS': { name: 'Icelandic (Iceland)', genders: FM },
	'id-ID': { name: 'Indonesian (Indonesia)', genders: FM },
	'ja-JP': { name: 'Japanese (Japan)', genders: FM },
	'ko-KR': { name: 'Korean (South Korea)', genders: F },
	'ms-MY': { name: 'Malay (Malaysia)', genders: FM },
	'nb-NO': { name: 'Norwegian Bokmål (Norway)', genders: F },
	'pt-PT': { name: 'Portuguese (Portugal)', genders: FM },
	'ro-RO': { name: 'Romanian (Romania)', genders: F },
	'es-MX': { name: 'Spanish (Mexico)', genders: F },
	'es-US': { name: 'Spanish (United States)', genders: FM },
	'el-GR': { name: 'Greek (Greece)', genders: FM },
	'hu-HU': { name: 'Hungarian (Hungary)', genders: FM },
	'es-LA': { name: 'Spanish (Latin America)', genders: FM },
};

/** Why Octopush has no voice of this gender for this language, or undefined when it has one (or the language is not listed). */
function unavailableVoice(language: string, gender: string): string | undefined {
	const known = VOICE_LANGUAGES[language];
	if (known === undefined || (known.genders as readonly string[]).includes(gender))
		return undefined;
	return `must be ${known.genders.join(' or ')} for ${known.name} (${language}): Octopush lists no ${gender} voice for it (${VOICE_LANGUAGES_URL})`;
}

const SMS_TYPES = ['sms_premium', 'sms_low_cost'] as const;

/** Contact fields besides the phone number, in the order Octopush documents them; each is a `{name}` placeholder. */
export const CONTACT_FIELDS = [
	'first_name',
	'last_name',
	'param1',
	'param2',
	'param3',
	'param4',
	'param5',
] as const;
type ContactField = (typeof CONTACT_FIELDS)[number];

export type Contact = { phone_number: string } & Partial<Record<ContactField, string>>;

// ---------------------------------------------------------------------------------------------
// Request bodies. Messages are rules that read after the field's name in the error's description: "Sender <rule>."
// ---------------------------------------------------------------------------------------------

const CONTACT_KEYS: ReadonlySet<string> = new Set(['phone_number', ...CONTACT_FIELDS]);

/**
 * The first problem with one recipient contact (the field, or '' for the contact itself, and the rule),
 * or undefined when Octopush accepts it. Written by hand rather than as a `z.object` per contact:
 * zod took 0.8 s (and 100 MB of garbage) on a 100,000-contact campaign, longer than sending it.
 */
export function contactProblem(value: unknown): { field: string; rule: string } | undefined {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return { field: '', rule: `must be an object with phone_number, got ${JSON.stringify(value)}` };
	}
	const contact = value as Record<string, unknown>;
	for (const key in contact) {
		if (!CONTACT_KEYS.has(key))
			return { field: '', rule: `has unknown field "${key}": use ${[...CONTACT_KEYS].join(', ')}` };
	}
	const phone = contact.phone_number;
	if (typeof phone !== 'string' || !isE164(phone)) {
		return {
			field: 'phone_number',
			rule: `must be an E.164 phone number such as +33612345678, got ${JSON.stringify(phone)}`,
		};
	}
	for (const field of CONTACT_FIELDS) {
		const text = contact[field];
		if (text === undefined) continue;
		if (typeof text !== 'string')
			return { field, rule: `must be text, got ${JSON.stringify(text)}` };
		if (text.length > MAX_CONTACT_FIELD)
			return { field, rule: `must be at most ${MAX_CONTACT_FIELD} characters` };
	}
	return undefined;
}

/** A list of recipient contacts, optionally of a bounded length; the first bad contact stops the check. */
function recipientsRule(bounds?: { min: number; max: number }) {
	return z
		.custom<Contact[]>((value) => Array.isArray(value), 'must be a list of recipients')
		.superRefine((recipients, ctx) => {
			if (bounds && recipients.length < bounds.min) {
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					fatal: true,
					message: 'must not be empty: add at least one recipient',
				});
				return;
			}
			if (bounds && recipients.length > bounds.max) {
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					fatal: true,
					message: `must hold at most ${bounds.max} recipients per request`,
				});
				return;
			}
			for (let index = 0; index < recipients.length; index++) {
				const problem = contactProblem(recipients[index]);
				if (problem === undefined) continue;
				const path = problem.field === '' ? [index] : [index, problem.field];
				ctx.addIssue({ code: z.ZodIssueCode.custom, fatal: true, path, message: problem.rule });
				return;
			}
		});
}

/**
 * 1 to 1224 characters. The voice pages say "non unicode" without defining it, and offer Greek and
 * Russian voices, so no character is refused here: Octopush's own answer is shown if it refuses one.
 */
function textRule() {
	return z
		.string()
		.min(1, 'must not be empty')
		.superRefine((text, ctx) => {
			const length = Array.from(text).length;
			if (length > MAX_TEXT) {
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					message: `must be at most ${MAX_TEXT} characters, it has ${length}`,
				});
			}
		});
}

const commonFields = {
	sender: z
		.string()
		.regex(SENDER_RULE, 'must be 3 to 11 letters, digits or spaces (a-zA-Z0-9 and space)')
		.optional(),
	/** Already ISO 8601 with offset; a passed date is sent: Octopush sends it at once (scheduled-sms-sending). */
	send_at: z.string().optional(),
	purpose: oneOf(PURPOSES).optional(),
	simulation_mode: z.boolean().optional(),
	// no length is documented for request_id: https://dev.octopush.com/en/sms-gateway-api-documentation/voice-sms-api/send-voice-sms/
	request_id: z.string().min(1, 'must not be empty').optional(),
};

const voiceFields = {
	voice_gender: oneOf(VOICE_GENDERS).optional(),
	// checked against VOICE_LANGUAGES only for a language it has voices of (see unlistedVoiceOf); any other code
	// is sent, since it may be newer than the list, and Octopush decides
	voice_language: z
		.string()
		.min(1, 'must not be empty')
		.superRefine((code, ctx) => {
			const problem = unlistedVoiceOf(code);
			if (problem !== undefined) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
		})
		.optional(),
};

/** The language of a voice code: `fr` of `fr-FR`, `arb` of `arb`. */
const languageOf = (code: string): string => code.split('-')[0].toLowerCase();

/**
 * Why a code is not one of Octopush's voices when VOICE_LANGUAGES_URL lists voices of its language (`fr`, `fr-BE`
 * or `fr-fr` while the page lists fr-FR and fr-CA): the page's list is the whole of what Octopush offers in that
 * language. Undefined for a listed code, and for a language the page has no voice of (sent as is).
 */
function unlistedVoiceOf(code: string): string | undefined {
	if (VOICE_LANGUAGES[code] !== undefined) return undefined;
	const sameLanguage = Object.keys(VOICE_LANGUAGES).filter(
		(listed) => languageOf(listed) === languageOf(code),
	);
	if (sameLanguage.length === 0) return undefined;
	return `must be one of ${sameLanguage.join(', ')} for this language, as Octopush lists its voices (${VOICE_LANGUAGES_URL}), got ${JSON.stringify(code)}`;
}

/** A gender the docs list as unavailable for the language (e.g. a male Swedish voice) is refused. */
function voiceAvailable(
	body: { voice_language?: string; voice_gender?: string },
	ctx: z.RefinementCtx,
): void {
	if (body.voice_language === undefined || body.voice_gender === undefined) return;
	const problem = unavailableVoice(body.voice_language, body.voice_gender);
	if (problem !== undefined)
		ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['voice_gender'], message: problem });
}

/**
 * A recipient without a value for a placeholder the text uses is not refused here: Octopush calls the contact
 * fields optional ("These parameters are optional.",
 * https://dev.octopush.com/en/sms-gateway-api-documentation/personalized-sendings-publipostage/). The operation
 * sends, skips or stops on such recipients as the user chose (helpers/placeholders.ts).
 */

const frameRecipients = recipientsRule({ min: 1, max: MAX_FRAME_SIZE });

/**
 * POST /voice-campaign/send: https://dev.octopush.com/en/sms-gateway-api-documentation/voice-sms-api/send-voice-sms/
 * (auto_remove_blacklisted_numbers) and https://octopush-api.readme.io/reference/post_public_apivoice_campaignsend
 * (type, auto_delete_optout_contacts, get_back_pressed_keys).
 */
export const voiceCampaignSendBody = z
	.object({
		text: textRule(),
		recipients: frameRecipients,
		type: z.literal(VOICE_SMS_TYPE),
		...commonFields,
		...voiceFields,
		auto_delete_optout_contacts: z.boolean().optional(),
		get_back_pressed_keys: z.boolean().optional(),
		auto_remove_blacklisted_numbers: z.boolean().optional(),
	})
	.strict()
	.superRefine(voiceAvailable);

/** POST /sms-campaign/send: https://dev.octopush.com/en/sms-gateway-api-documentation/scheduled-sms-sending */
export const smsCampaignSendBody = z
	.object({
		text: textRule(),
		recipients: frameRecipients,
		type: oneOf(SMS_TYPES),
		...commonFields,
		with_replies: z.boolean().optional(),
		auto_remove_blacklisted_numbers: z.boolean().optional(),
		auto_optimize_text: z.boolean().optional(),
	})
	.strict();

/**
 * https://dev.octopush.com/en/sms-gateway-api-documentation/voice-sms-api/send-voice-sms-list/ ;
 * get_back_pressed_keys and auto_remove_blacklisted_numbers:
 * https://octopush-api.readme.io/reference/post_public_apivoice_campaignon_listcreate
 */
const listCreateFields = {
	text: textRule(),
	// no limit is documented for a list campaign; the contacts are added to the list
	recipients: recipientsRule(),
	...commonFields,
	...voiceFields,
	get_back_pressed_keys: z.boolean().optional(),
	auto_remove_blacklisted_numbers: z.boolean().optional(),
};

/** POST /voice-campaign-on-list/create. */
export const voiceListCreateBody = z
	.object({ list_name: z.string().min(1, 'must not be empty'), ...listCreateFields })
	.strict()
	.superRefine(voiceAvailable);

/** POST /voice-campaign-on-tag/create: the same campaign, on the contacts carrying a tag. */
export const voiceTagCreateBody = z
	.object({ tag_name: z.string().min(1, 'must not be empty'), ...listCreateFields })
	.strict()
	.superRefine(voiceAvailable);

/** POST /voice-campaign-on-list/send (or on-tag), DELETE /voice-campaign-on-list/cancel, and the status query. */
export const ticketBody = z
	.object({ ticket_number: z.string().trim().min(1, 'must not be empty') })
	.strict();

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

/**
 * Placeholder names used in `text` (`{first_name}`), each once, in order of first use; with `names`, only those.
 * Octopush replaces them per recipient: https://dev.octopush.com/en/sms-gateway-api-documentation/voice-sms-api/send-voice-sms/
 */
export function placeholdersIn(text: string, names?: readonly string[]): string[] {
	const used = new Set<string>();
	for (const match of text.matchAll(PLACEHOLDER)) {
		if (names === undefined || names.includes(match[1])) used.add(match[1]);
	}
	return [...used];
}

// ---------------------------------------------------------------------------------------------
// Contacts and contact lists
// ---------------------------------------------------------------------------------------------

/** "list_name … (optional) [max-length : 30 chars]": https://dev.octopush.com/en/sms-gateway-api-documentation/add-a-contact/ */
export const MAX_LIST_NAME = 30;
/**
 * Contacts per POST /contact/create: no limit is documented
 * (https://dev.octopush.com/en/sms-gateway-api-documentation/add-a-contact/ shows none). The package sends frames of
 * at most 200, the documented limit of the sibling DELETE /contact/delete ("From 1 to 200 contacts",
 * https://dev.octopush.com/en/sms-gateway-api-documentation/delete-a-contact/): unverified for create, see docs/providers.md.
 */
export const MAX_CONTACTS_PER_CREATE = 200;
/** "From 1 to 200 contacts": https://dev.octopush.com/en/sms-gateway-api-documentation/delete-a-contact/ */
export const MAX_CONTACTS_PER_DELETE = 200;

/** A list name: not empty, at most 30 characters (https://dev.octopush.com/en/sms-gateway-api-documentation/add-a-contact/). */
const listNameRule = () =>
	z
		.string()
		.min(1, 'must not be empty')
		.max(MAX_LIST_NAME, `must be at most ${MAX_LIST_NAME} characters`);

/**
 * POST /contact/create: https://dev.octopush.com/en/sms-gateway-api-documentation/add-a-contact/ (contacts with
 * phone_number, first_name, last_name, param1..5; list_name ≤ 30; auto_remove_blacklisted_numbers; do_not_overwrite).
 * The node always names a list (tag_name is not offered: a contact's tag is its own resource in issue 29).
 */
export const contactCreateBody = z
	.object({
		list_name: listNameRule(),
		contacts: recipientsRule({ min: 1, max: MAX_CONTACTS_PER_CREATE }),
		auto_remove_blacklisted_numbers: z.boolean().optional(),
		do_not_overwrite: z.boolean().optional(),
	})
	.strict();

/**
 * DELETE /contact/delete: https://dev.octopush.com/en/sms-gateway-api-documentation/delete-a-contact/
 * (phone_numbers string[], "From 1 to 200 contacts"; list_name optional: without it the contacts leave the account).
 */
export const contactDeleteBody = z
	.object({
		phone_numbers: z
			.array(z.string().refine(isE164, 'must be E.164 phone numbers such as +33612345678'))
			.min(1, 'must not be empty: add at least one phone number')
			.max(
				MAX_CONTACTS_PER_DELETE,
				`must hold at most ${MAX_CONTACTS_PER_DELETE} numbers per request`,
			),
		list_name: listNameRule().optional(),
	})
	.strict();

/**
 * POST /contact-list/create (https://dev.octopush.com/en/sms-gateway-api-documentation/create-a-contact-list/) and
 * DELETE /contact-list/delete (https://dev.octopush.com/api-sms-documentation/supprimer-une-liste/): `list_name` only.
 */
export const contactListBody = z.object({ list_name: listNameRule() }).strict();

/**
 * POST /contact-list/empty: https://octopush-api.readme.io/reference/post_public_apicontact_listsempty (list_name;
 * delete_contacts "true when you want to completely delete all of contacts in this contact list from your account").
 */
export const contactListEmptyBody = z
	.object({ list_name: listNameRule(), delete_contacts: z.boolean().optional() })
	.strict();

// ---------------------------------------------------------------------------------------------
// The node's fields as the user sees them
// ---------------------------------------------------------------------------------------------

/**
 * The node's fields as the user sees them, for the errors that name a field: the labels (registered by
 * Octopush.node.ts with its properties), the label of a request body key, and the body check that uses them.
 */

/** The labels of the node's fields, registered by Octopush.node.ts with its properties. */
export const octopushLabels = new FieldLabels();

/** Body fields whose panel field is not simply the body name in camelCase. */
const FIELD_OF_BODY_KEY: Record<string, string> = {
	type: 'smsType',
};

/**
 * The UI name of an Octopush body field (`send_at` → "Send At", `first_name` → "First Name"), for our
 * validation errors and Octopush's; undefined when no field of the panel sets it.
 */
export function labelOf(bodyKey: string): string | undefined {
	return octopushLabels.get(
		FIELD_OF_BODY_KEY[bodyKey] ??
			bodyKey.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()),
	);
}

/**
 * Checks an Octopush request body against its schema. The first problem names the field, the item (for a
 * recipient: the item it came from, and its position) and the rule.
 */
export function assertBody<T extends z.ZodTypeAny>(
	context: IExecuteFunctions,
	schema: T,
	body: unknown,
	itemIndex: number,
	/** Where the recipient at a position of `body.recipients` came from. */
	recipientSource?: (position: number) => Source,
): z.infer<T> {
	return assertBodyWith(context, schema, body, itemIndex, ([key, index, field]) => {
		// the contacts of POST /contact/create are read as recipients are (helpers/fields.ts)
		if ((key === 'recipients' || key === 'contacts') && typeof index === 'number') {
			const source = recipientSource?.(index) ?? { itemIndex, recipient: index + 1 };
			return { label: labelOf(String(field)) ?? 'Recipient', source };
		}
		return { label: key === undefined ? 'Request' : (labelOf(String(key)) ?? String(key)) };
	});
}
