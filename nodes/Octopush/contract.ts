import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { nonGsmCharacters } from '../shared/gsm7';
import { isE164 } from '../shared/phone';
import { placeholdersIn } from '../shared/recipients';

// ---------------------------------------------------------------------------------------------
// Facts the sources disagree on or leave unverified. Each lives here and nowhere else.
// ---------------------------------------------------------------------------------------------

/** Seed 003 documents `voice_sms`; Octopush's old PHP SDK sent `vocal_sms`. We send the documented value. */
export const VOICE_SMS_TYPE = 'voice_sms';

/** The ticket of a send: `ticket_number` in v1; older accounts answer `vocal_ticket` (voice) or `sms_ticket` (SMS). */
export function ticketOf(response: IDataObject): string | undefined {
	const ticket = response.ticket_number ?? response.vocal_ticket ?? response.sms_ticket;
	return typeof ticket === 'string' && ticket !== '' ? ticket : undefined;
}

/** A response with the ticket always under `ticket_number`, whichever name Octopush used. */
export function withTicketNumber(response: IDataObject): IDataObject {
	const ticket = ticketOf(response);
	return ticket === undefined ? response : { ...response, ticket_number: ticket };
}

export const LIST_STATUS = {
	computing: 'under_computation',
	ready: 'ready_to_be_sent',
	failed: 'failed',
} as const;

/** Seed 002 lists `ready_to_be_sent`; the same page elsewhere (and some accounts) spell it `ready_to_be_send`. */
export function normalizeListStatus(status: unknown): string | undefined {
	if (typeof status !== 'string') return undefined;
	return status === 'ready_to_be_send' ? LIST_STATUS.ready : status;
}

// ---------------------------------------------------------------------------------------------
// Documented limits and value lists (seeds 002, 003; SMS text length from Octopush's SMS page).
// ---------------------------------------------------------------------------------------------

export const MAX_TEXT = 1224;
export const MAX_CONTACT_FIELD = 50;
export const MAX_REQUEST_ID = 20;
export const MIN_FRAME_SIZE = 200;
export const MAX_FRAME_SIZE = 500;
export const SENDER_RULE = /^[a-zA-Z0-9]{3,11}$/;

export const PURPOSES = ['alert', 'wholesale'] as const;
export const VOICE_GENDERS = ['female', 'male'] as const;
export const VOICE_LANGUAGES = [
	'de-DE',
	'el-GR',
	'en-GB',
	'en-US',
	'es-ES',
	'es-LA',
	'fr-FR',
	'hu-HU',
	'it-IT',
	'pl-PL',
	'pt-BR',
	'ru-RU',
	'sv-SE',
] as const;
export const SMS_TYPES = ['sms_premium', 'sms_low_cost'] as const;

/** Contact fields besides the phone number, in the order Octopush documents them; each is a `{name}` placeholder. */
export const CONTACT_FIELDS = ['first_name', 'last_name', 'param1', 'param2', 'param3', 'param4', 'param5'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

export type Contact = { phone_number: string } & Partial<Record<ContactField, string>>;

/** The UI name of each body field, for our validation errors and Octopush's. */
export const FIELD_LABELS: Record<string, string> = {
	text: 'Text',
	recipients: 'Recipients',
	phone_number: 'Phone Number',
	first_name: 'First Name',
	last_name: 'Last Name',
	param1: 'Param 1',
	param2: 'Param 2',
	param3: 'Param 3',
	param4: 'Param 4',
	param5: 'Param 5',
	sender: 'Sender',
	send_at: 'Send At',
	purpose: 'Purpose',
	type: 'Type',
	voice_gender: 'Voice Gender',
	voice_language: 'Voice Language',
	auto_delete_optout_contacts: 'Auto Delete Opt-Out Contacts',
	get_back_pressed_keys: 'Get Back Pressed Keys',
	with_replies: 'With Replies',
	auto_remove_blacklisted_numbers: 'Auto Remove Blacklisted Numbers',
	simulation_mode: 'Simulation Mode',
	request_id: 'Request ID',
	list_name: 'List Name',
	tag_name: 'Tag Name',
	ticket_number: 'Ticket Number',
};

// ---------------------------------------------------------------------------------------------
// Request bodies. Messages are rules that read after the field's name: "Sender in item 0 <rule>".
// ---------------------------------------------------------------------------------------------

function oneOf<T extends readonly [string, ...string[]]>(values: T) {
	return z.enum(values as unknown as [T[number], ...Array<T[number]>], {
		errorMap: (_issue, ctx) => ({
			message: `must be one of ${values.join(', ')}, got ${JSON.stringify(ctx.data)}`,
		}),
	});
}

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
		if (!CONTACT_KEYS.has(key)) return { field: '', rule: `has unknown field "${key}": use ${[...CONTACT_KEYS].join(', ')}` };
	}
	const phone = contact.phone_number;
	if (typeof phone !== 'string' || !isE164(phone)) {
		return { field: 'phone_number', rule: `must be an E.164 phone number such as +33612345678, got ${JSON.stringify(phone)}` };
	}
	for (const field of CONTACT_FIELDS) {
		const text = contact[field];
		if (text === undefined) continue;
		if (typeof text !== 'string') return { field, rule: `must be text, got ${JSON.stringify(text)}` };
		if (text.length > MAX_CONTACT_FIELD) return { field, rule: `must be at most ${MAX_CONTACT_FIELD} characters` };
	}
	return undefined;
}

/** A list of recipient contacts, optionally of a bounded length; the first bad contact stops the check. */
function recipientsRule(bounds?: { min: number; max: number }) {
	return z
		.custom<Contact[]>((value) => Array.isArray(value), 'must be a list of recipients')
		.superRefine((recipients, ctx) => {
			if (bounds && recipients.length < bounds.min) {
				ctx.addIssue({ code: z.ZodIssueCode.custom, fatal: true, message: 'must not be empty: add at least one recipient' });
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

function textRule(gsm7Only: boolean) {
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
			const outside = gsm7Only ? nonGsmCharacters(text) : [];
			if (outside.length > 0) {
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					message: `contains characters outside the GSM-7 alphabet, which Octopush voice messages do not accept: ${outside
						.map(describeCharacter)
						.join(', ')}`,
				});
			}
		});
}

function describeCharacter(character: string): string {
	const codePoint = character.codePointAt(0) ?? 0;
	return `"${character}" (U+${codePoint.toString(16).toUpperCase().padStart(4, '0')})`;
}

const commonFields = {
	sender: z.string().regex(SENDER_RULE, 'must be 3 to 11 letters or digits (a-zA-Z0-9)').optional(),
	/** Already ISO 8601 with offset and checked to be in the future by the operation. */
	send_at: z.string().optional(),
	purpose: oneOf(PURPOSES).optional(),
	simulation_mode: z.boolean().optional(),
	request_id: z
		.string()
		.min(1, 'must not be empty')
		.max(MAX_REQUEST_ID, `must be at most ${MAX_REQUEST_ID} characters`)
		.optional(),
};

const voiceFields = {
	voice_gender: oneOf(VOICE_GENDERS).optional(),
	voice_language: oneOf(VOICE_LANGUAGES).optional(),
};

/** Every placeholder the text uses must have a value for every recipient. */
function placeholdersFilled(body: { text: string; recipients: Contact[] }, ctx: z.RefinementCtx): void {
	const used = placeholdersIn(body.text, CONTACT_FIELDS) as ContactField[];
	body.recipients.forEach((recipient, index) => {
		for (const field of used) {
			if ((recipient[field] ?? '') === '') {
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					path: ['recipients', index, field],
					message: `is missing, but the text uses the placeholder {${field}}`,
				});
			}
		}
	});
}

const frameRecipients = recipientsRule({ min: 1, max: MAX_FRAME_SIZE });

/** POST /voice-campaign/send (seed 003). */
export const voiceCampaignSendBody = z
	.object({
		text: textRule(true),
		recipients: frameRecipients,
		type: z.literal(VOICE_SMS_TYPE),
		...commonFields,
		...voiceFields,
		auto_delete_optout_contacts: z.boolean().optional(),
		get_back_pressed_keys: z.boolean().optional(),
	})
	.strict()
	.superRefine(placeholdersFilled);

/** POST /sms-campaign/send. */
export const smsCampaignSendBody = z
	.object({
		text: textRule(false),
		recipients: frameRecipients,
		type: oneOf(SMS_TYPES),
		...commonFields,
		with_replies: z.boolean().optional(),
		auto_remove_blacklisted_numbers: z.boolean().optional(),
	})
	.strict()
	.superRefine(placeholdersFilled);

const listCreateFields = {
	text: textRule(true),
	// no limit is documented for a list campaign; the contacts are added to the list
	recipients: recipientsRule(),
	...commonFields,
	...voiceFields,
};

/** POST /voice-campaign-on-list/create (seed 002). */
export const voiceListCreateBody = z
	.object({ list_name: z.string().min(1, 'must not be empty'), ...listCreateFields })
	.strict()
	.superRefine(placeholdersFilled);

/** POST /voice-campaign-on-tag/create: the same campaign, on the contacts carrying a tag. */
export const voiceTagCreateBody = z
	.object({ tag_name: z.string().min(1, 'must not be empty'), ...listCreateFields })
	.strict()
	.superRefine(placeholdersFilled);

/** POST /voice-campaign-on-list/send, DELETE /voice-campaign-on-list/cancel, and the status query. */
export const ticketBody = z
	.object({ ticket_number: z.string().trim().min(1, 'must not be empty') })
	.strict();

export type OctopushBodySchema =
	| typeof voiceCampaignSendBody
	| typeof smsCampaignSendBody
	| typeof voiceListCreateBody
	| typeof voiceTagCreateBody
	| typeof ticketBody;
