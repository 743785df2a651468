import type { IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { FieldLabels } from '../../shared/action/field-labels';
import { assertBody as assertBodyWith, oneOf } from '../../shared/http';
import { isE164 } from '../../shared/phone';

// ---------------------------------------------------------------------------------------------
// Documented limits and value lists. Sources (docs.routee.net, the reference pages of each endpoint):
//   SMS campaign   https://docs.routee.net/reference/send-bulk-messages
//   single SMS     https://docs.routee.net/reference/send-single-sms
//   voice campaign https://docs.routee.net/reference/send-a-voice-campaign
//   conversation   https://docs.routee.net/reference/perform-a-voice-conversation
//   verbs          https://docs.routee.net/docs/dialplan-verbs, /reference/say-verb, /reference/dial-verb, /reference/collect-verb
//   voice concepts https://docs.routee.net/docs/other-voice-messaging-concept
// ---------------------------------------------------------------------------------------------

/** "Must be between 1-4320. By default Routee will attempt delivery for 72 hours" (https://docs.routee.net/reference/send-single-sms, /send-bulk-messages). */
export const MAX_TTL_MINUTES = 4320;
/** Single SMS `label`: "The maximum length is 350 characters" (https://docs.routee.net/reference/send-single-sms). */
export const MAX_LABEL = 350;
export const MAX_TTS_TEXT = 1000;
export const MAX_VOICE_RECIPIENTS = 1000;
const MAX_SMS_RECIPIENTS = 30000;
export const MAX_PAGE_SIZE = 2000;
/** The conversation's top-level hangupDelay only (https://docs.routee.net/reference/perform-a-voice-conversation); a DIAL verb's has no maximum (https://docs.routee.net/reference/dial-verb). */
export const MAX_HANGUP_DELAY = 60;
export const CAMPAIGN_NAME = /^[A-Za-z0-9 -]{2,30}$/;

export const LANGUAGES = [
	'bg-BG',
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
export const GENDERS = ['female', 'male'] as const;
export const STRATEGIES = ['OnChange', 'OnCompletion'] as const;
const MACHINE_DETECTION_STRATEGIES = ['Hangup', 'Continue'] as const;
const RECORDING_FORMATS = ['MP3', 'WAV'] as const;
export const VERB_TYPES = ['SAY', 'PLAY', 'DIAL', 'COLLECT'] as const;
export const CONVERSATION_ACTIONS = ['hangup', 'reject'] as const;

// ---------------------------------------------------------------------------------------------
// Value rules. Each reads after the field's name in the error's description: "TTL (Minutes) <rule>."
// ---------------------------------------------------------------------------------------------

const NUMERIC_SENDER = /^\d{1,16}$/;
// Voice: "The sender id must be numeric with the maximum number of characters limited to 16. In case the
// sender id used is alphanumeric the recipient will see 'Unknown'" (https://docs.routee.net/docs/other-voice-messaging-concept):
// an alphanumeric one is still accepted (and sent); the From field's description warns about "Unknown".
const VOICE_NUMBER_SENDER = /^\+?\d{1,16}$/;
const ALPHANUMERIC_SENDER = /^(?=.*[A-Za-z])[A-Za-z0-9 .&-]{1,11}$/;
const SIP_URI = /^(sips?:)?[^@\s]+@[^@\s]+$/;
const VIBER_NUMBER = /^\+?[1-9]\d{6,14}$/;

export function isHttpUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}

const shown = (value: unknown) => JSON.stringify(value);

function wholeNumber(min: number, max?: number) {
	const range = max === undefined ? `at least ${min}` : `from ${min} to ${max}`;
	const rule = `must be a whole number ${range}`;
	return z.number({ invalid_type_error: rule }).refine(
		(n) => Number.isInteger(n) && n >= min && (max === undefined || n <= max),
		(n) => ({ message: `${rule}, got ${shown(n)}` }),
	);
}

const flag = z.boolean({ invalid_type_error: 'must be true or false' });
const text = z.string({ invalid_type_error: 'must be text' }).min(1, 'must not be empty');
const httpUrl = text.refine(isHttpUrl, (v) => ({
	message: `must be an http(s) URL, got ${shown(v)}`,
}));
// "Routee currently supports only .wav files": the content must be WAV, the URL need not end in .wav
// (https://docs.routee.net/docs/other-voice-messaging-concept); Routee checks the content.
const wavUrl = text.refine(isHttpUrl, (v) => ({
	message: `must be an http(s) URL (of a WAV file), got ${shown(v)}`,
}));
const e164 = z.string().refine(isE164, (v) => ({
	message: `must be an E.164 phone number such as +306948530920, got ${shown(v)}`,
}));
const campaignName = z
	.string()
	.regex(CAMPAIGN_NAME, 'must be 2 to 30 characters: latin letters, digits, spaces and -');
/** An ISO 8601 date-time with offset, built by the operation; a passed date is sent and Routee answers (its docs say nothing of one). */
const scheduledDate = z
	.string()
	.regex(
		/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/,
		'must be ISO 8601 with an offset',
	);

export const SMS_SENDER_RULE =
	'must be a number of at most 16 digits (without +) or at most 11 characters with a letter (latin letters, digits, spaces, . & -)';
export const VOICE_SENDER_RULE =
	'must be a number of at most 16 digits (+ allowed) or at most 11 characters with a letter (latin letters, digits, spaces, . & -)';

const smsSender = z.string().refine(
	(v) => NUMERIC_SENDER.test(v) || ALPHANUMERIC_SENDER.test(v),
	(v) => ({
		message: `${SMS_SENDER_RULE}, got ${shown(v)}`,
	}),
);
const voiceSender = z.string().refine(
	(v) => VOICE_NUMBER_SENDER.test(v) || ALPHANUMERIC_SENDER.test(v),
	(v) => ({
		message: `${VOICE_SENDER_RULE}, got ${shown(v)}`,
	}),
);

const callback = z.object({ url: httpUrl, strategy: oneOf(STRATEGIES) }).strict();
const ids = (max?: number) => {
	const list = z.array(text);
	return (max === undefined ? list : list.max(max, `must hold at most ${max} entries`)).optional();
};

/** At least one of to / contacts / groups. */
function hasRecipients(
	body: { to?: unknown[]; contacts?: unknown[]; groups?: unknown[] },
	ctx: z.RefinementCtx,
) {
	if ((body.to?.length ?? 0) + (body.contacts?.length ?? 0) + (body.groups?.length ?? 0) === 0) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			path: ['recipients'],
			message: 'must not be empty: give at least one phone number, contact ID or group',
		});
	}
}

// ---------------------------------------------------------------------------------------------
// SMS (https://docs.routee.net/reference/send-bulk-messages)
// ---------------------------------------------------------------------------------------------

const smsCampaignFields = {
	from: smsSender,
	body: text,
	to: z
		.array(e164)
		.max(MAX_SMS_RECIPIENTS, `must hold at most ${MAX_SMS_RECIPIENTS} numbers`)
		.optional(),
	contacts: ids(),
	groups: ids(),
	scheduledDate: scheduledDate.optional(),
	campaignName: campaignName.optional(),
	flash: flag.optional(),
	respectQuietHours: flag.optional(),
	callback: callback.optional(),
	campaignCallback: callback.optional(),
	reminder: z
		.object({
			minutesBefore: wholeNumber(0).optional(),
			minutesAfter: wholeNumber(0).optional(),
			to: z.array(e164).min(1, 'must hold at least one phone number'),
		})
		.strict()
		.optional(),
	fallbackValues: z.record(z.string()).optional(),
	ttl: wholeNumber(1, MAX_TTL_MINUTES).optional(),
	allowInvalid: flag.optional(),
	transcode: flag.optional(),
};

/** POST /sms/campaign. */
export const smsCampaignBody = z.object(smsCampaignFields).strict().superRefine(hasRecipients);

/** PUT /sms/{trackingId}: the fields to change; without scheduledDate Routee sends the campaign now. */
export const smsCampaignUpdateBody = z.object(smsCampaignFields).partial().strict();

/** POST /sms/analyze/campaign: what would be sent, analysed; nothing is sent. */
export const smsAnalyzeBody = z
	.object({ from: smsSender, body: text, to: smsCampaignFields.to, contacts: ids(), groups: ids() })
	.strict()
	.superRefine(hasRecipients);

/** POST /sms (https://docs.routee.net/reference/send-single-sms). */
export const singleSmsBody = z
	.object({
		from: smsSender,
		to: e164,
		body: text,
		flash: flag.optional(),
		label: z
			.string()
			.refine(
				(l) => l.length <= MAX_LABEL,
				(l) => ({
					message: `must be at most ${MAX_LABEL} characters (https://docs.routee.net/reference/send-single-sms), it has ${l.length}`,
				}),
			)
			.optional(),
		callback: callback.optional(),
		ttl: wholeNumber(1, MAX_TTL_MINUTES).optional(),
		transcode: flag.optional(),
	})
	.strict();

// ---------------------------------------------------------------------------------------------
// Voice campaign (https://docs.routee.net/reference/send-a-voice-campaign)
// ---------------------------------------------------------------------------------------------

/**
 * `gender` is optional in a SAY verb ("message.gender The gender of the voice", not starred:
 * https://docs.routee.net/reference/say-verb) and in a voice campaign's message ("`message.gender` | body | string | no":
 * https://docs.routee.net/reference/send-a-voice-campaign).
 */
const ttsMessage = (maxText: number | undefined) =>
	z
		.object({
			text:
				maxText === undefined
					? text
					: text.refine(
							(t) => t.length <= maxText,
							(t) => ({
								message: `must be at most ${maxText} characters, it has ${t.length}`,
							}),
						),
			language: oneOf(LANGUAGES),
			gender: oneOf(GENDERS).optional(),
		})
		.strict();

/** POST /voice/campaign. The name's request key is `name`; only the response calls it `campaignName`. */
export const voiceCampaignBody = z
	.object({
		from: voiceSender,
		to: z
			.array(e164)
			.max(MAX_VOICE_RECIPIENTS, `must hold at most ${MAX_VOICE_RECIPIENTS} numbers`)
			.optional(),
		contacts: ids(MAX_VOICE_RECIPIENTS),
		groups: ids(MAX_VOICE_RECIPIENTS),
		name: campaignName.optional(),
		message: ttsMessage(MAX_TTS_TEXT).optional(),
		fileURL: wavUrl.optional(),
		respectQuietHours: flag.optional(),
		scheduledDate: scheduledDate.optional(),
		hangupDelay: wholeNumber(1).optional(),
		callback: callback.optional(),
		campaignCallback: callback.optional(),
		collectDtmfDigits: flag.optional(),
		collectDtmfAwaitSeconds: wholeNumber(0).optional(),
	})
	.strict()
	.superRefine((body, ctx) => {
		if ((body.message === undefined) === (body.fileURL === undefined)) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['message'],
				message:
					body.message === undefined
						? 'is missing: give the Text to read (text to speech) or a WAV File URL'
						: 'and WAV File URL are both set: give only one of them',
			});
		}
		hasRecipients(body, ctx);
	});

// ---------------------------------------------------------------------------------------------
// Voice conversation (https://docs.routee.net/reference/perform-a-voice-conversation)
// ---------------------------------------------------------------------------------------------

const endpoint = z
	.object({
		phone: e164.optional(),
		sip: z
			.string()
			.regex(SIP_URI, 'must be a SIP URI such as sip:user@example.com:5060')
			.optional(),
		viber: z
			.string()
			.regex(VIBER_NUMBER, 'must be a phone number with Viber, such as 306971234567')
			.optional(),
	})
	.strict()
	.refine(
		(to) => [to.phone, to.sip, to.viber].filter((value) => value !== undefined).length === 1,
		{
			message: 'must be exactly one of a phone number, a SIP URI or a Viber number',
		},
	);

const machineDetection = z
	.object({ strategy: oneOf(MACHINE_DETECTION_STRATEGIES), eventUrl: httpUrl.optional() })
	.strict()
	.superRefine((value, ctx) => {
		if (value.strategy === 'Continue' && value.eventUrl === undefined) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['eventUrl'],
				message: 'is required with strategy Continue (the URL answers with the dial plan to run)',
			});
		}
		if (value.strategy === 'Hangup' && value.eventUrl !== undefined) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['eventUrl'],
				message: 'is only used with strategy Continue',
			});
		}
	});

const repeat = z.number({ invalid_type_error: 'must be a whole number' }).refine(
	(n) => Number.isInteger(n) && n >= -1,
	(n) => ({
		message: `must be a whole number of at least -1 (-1 repeats forever), got ${shown(n)}`,
	}),
);

export const verb = z.discriminatedUnion(
	'type',
	[
		z
			.object({
				type: z.literal('SAY'),
				message: ttsMessage(undefined),
				repeat: repeat.optional(),
				bargeIn: flag.optional(),
			})
			.strict(),
		z
			.object({
				type: z.literal('PLAY'),
				fileURL: wavUrl,
				repeat: repeat.optional(),
				bargeIn: flag.optional(),
			})
			.strict(),
		z
			.object({
				type: z.literal('DIAL'),
				from: voiceSender,
				to: endpoint,
				// "Min value: 1", no maximum (https://docs.routee.net/reference/dial-verb)
				hangupDelay: wholeNumber(1).optional(),
				maxDuration: wholeNumber(1).optional(),
				callback: callback.optional(),
				record: flag.optional(),
				recordingFormat: oneOf(RECORDING_FORMATS).optional(),
				recordingCallbackUrl: httpUrl.optional(),
				machineDetection: machineDetection.optional(),
			})
			.strict(),
		z
			.object({
				type: z.literal('COLLECT'),
				// not marked required (https://docs.routee.net/reference/collect-verb)
				eventUrl: httpUrl.optional(),
				maxDigits: wholeNumber(1).optional(),
				submitOnHash: flag.optional(),
			})
			.strict(),
	],
	{
		errorMap: (issue, ctx) => ({
			message:
				issue.code === 'invalid_union_discriminator'
					? `must be one of ${VERB_TYPES.join(', ')}`
					: ctx.defaultError,
		}),
	},
);

export const verbs = z
	.array(verb)
	.min(1, 'must not be empty: add at least one verb (SAY, PLAY, DIAL or COLLECT)')
	.superRefine((list, ctx) => {
		const dials = list.flatMap((v, index) => (v.type === 'DIAL' ? [index + 1] : []));
		if (dials.length > 1) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				message: `may hold at most one DIAL verb, it has ${dials.length} (verbs ${dials.join(', ')})`,
			});
		}
	});

/** POST /voice/conversation (limited by Routee to 1 request per second). */
export const conversationBody = z
	.object({
		to: endpoint,
		from: voiceSender,
		dialPlan: z.object({ verbs }).strict().optional(),
		dialPlanUrl: httpUrl.optional(),
		callback: callback.optional(),
		// "Min value: 1. Max value: 60." (https://docs.routee.net/reference/perform-a-voice-conversation)
		hangupDelay: wholeNumber(1, MAX_HANGUP_DELAY).optional(),
		maxDuration: wholeNumber(1).optional(),
		machineDetection: machineDetection.optional(),
	})
	.strict()
	.superRefine((body, ctx) => {
		if ((body.dialPlan === undefined) === (body.dialPlanUrl === undefined)) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['dialPlan'],
				message:
					body.dialPlan === undefined
						? 'is missing: give the verbs of a dial plan or a Dial Plan URL'
						: 'and Dial Plan URL are both set: give only one of them',
			});
		}
	});

/** PUT /voice/conversation/{messageId}. */
export const conversationActionBody = z.object({ action: oneOf(CONVERSATION_ACTIONS) }).strict();

/**
 * The node's fields as the user sees them, for the errors that name a field: the labels (registered by
 * Routee.node.ts with its properties), the label of a request body path, and the body check that uses them.
 */

/** The labels of the node's fields, registered by Routee.node.ts with its properties. */
export const routeeLabels = new FieldLabels();

/**
 * Where a request body names a field differently from the panel: body path → the field's name in the
 * properties (a bundle's field as "bundle.field").
 */
const FIELD_OF_BODY_PATH: Record<string, string> = {
	name: 'campaignName',
	message: 'text',
	'message.text': 'text',
	'message.language': 'language',
	'message.gender': 'gender',
	fileURL: 'fileUrl',
	collectDtmfDigits: 'collectKeyPresses.collect',
	collectDtmfAwaitSeconds: 'collectKeyPresses.waitSeconds',
	dialPlan: 'dialPlanSource',
	'dialPlan.verbs': 'verbs',
	action: 'callAction',
};

/** Body paths that no single field shows. */
const LABEL_OF_BODY_PATH: Record<string, string> = {
	// To, Contact IDs and Groups together
	recipients: 'Recipients',
	// the verb's own selector is labelled "Verb", which after "Verb 2: " would read twice
	type: 'Verb Type',
};

function labelOfField(key: string): string | undefined {
	return LABEL_OF_BODY_PATH[key] ?? routeeLabels.get(FIELD_OF_BODY_PATH[key] ?? key);
}

/**
 * The UI name of the field at a Routee body path: `ttl` → "TTL (Minutes)", `to.2` → "To (entry 3)",
 * `dialPlan.verbs.1.message.text` → "Verb 2: Text".
 */
export function labelOf(path: ReadonlyArray<string | number>): string {
	const verbIndex =
		path[0] === 'dialPlan' && path[1] === 'verbs' && typeof path[2] === 'number'
			? path[2]
			: undefined;
	if (verbIndex !== undefined) {
		const rest = path.slice(3);
		return rest.length === 0 ? `Verb ${verbIndex + 1}` : `Verb ${verbIndex + 1}: ${labelOf(rest)}`;
	}
	const position = path.findIndex((part) => typeof part === 'number');
	const named = (position === -1 ? path : path.slice(0, position)).map(String);
	const key = named.join('.');
	const label =
		labelOfField(key) ??
		// a verb's `to: { phone }` or `to: { sip }` is its To field
		(named[0] === 'to' && named.length === 2 ? labelOfField('to') : undefined) ??
		(named.length > 1 ? labelOfField(named[named.length - 1]) : undefined) ??
		(key === '' ? 'Request' : key);
	if (position === -1) return label;
	const entry = `${label} (entry ${(path[position] as number) + 1})`;
	const after = path.slice(position + 1);
	return after.length === 0 ? entry : `${entry}: ${labelOf(after)}`;
}

/**
 * Checks a Routee request body against its schema; the first problem names the field, the item and the rule.
 * `fieldOfPath` names the field of an operation whose panel does not follow the body, e.g. Call and Wait's
 * Language, which is `dialPlan.verbs.0.message.language` in the body ("Verb 1: Language" elsewhere).
 */
export function assertBody<T extends z.ZodTypeAny>(
	context: IExecuteFunctions,
	schema: T,
	body: unknown,
	itemIndex: number,
	fieldOfPath: Readonly<Record<string, string>> = {},
): z.infer<T> {
	return assertBodyWith(context, schema, body, itemIndex, (path) => {
		const field = fieldOfPath[path.join('.')];
		const label = field === undefined ? undefined : routeeLabels.get(field);
		return { label: label ?? labelOf(path) };
	});
}
