import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { phoneNumberOf } from '../../shared/action/phone-number';
import { scheduledDateOf } from '../../shared/action/scheduled-date';
import { defaultCountryOf, defaultCountryOption as defaultCountryField } from '../../shared/fields';
import { invalid } from '../../shared/http';
import { LANGUAGES, MAX_HANGUP_DELAY, MAX_TTL_MINUTES } from '../transport/contract';

/*
 * The fields several Routee operations share, as the panel shows them (each operation file lists which it uses),
 * then how they are read into request values, then the fields of the voice operations.
 */

// ——— the fields several operations share ———

const PHONE_FORMAT =
	"in E.164 format, + then the country code and number, such as +306948530920 (national formats such as 069 4853 0920 work with the 'Default Country' option)";

export function recipientFields(maxEach?: number): INodeProperties[] {
	const limit = maxEach === undefined ? '' : ` At most ${maxEach}.`;
	// hidden for 'allItems' rather than shown for 'perItem': a tool has no Mode (see modeField) and must still show them
	const perItem = { hide: { mode: ['allItems'] } };
	const allItems = { show: { mode: ['allItems'] } };
	return [
		{
			displayName: 'To',
			name: 'to',
			type: 'string',
			default: '',
			placeholder: 'e.g. +306948530920, +306948530921',
			description: `Phone numbers ${PHONE_FORMAT}, separated by commas or new lines, or an expression giving an array.${limit} Give at least one of To, Contact IDs and Groups`,
			displayOptions: perItem,
		},
		{
			displayName: 'Contact IDs',
			name: 'contacts',
			type: 'string',
			default: '',
			description: `IDs of contacts in your Routee account, separated by commas or an array.${limit}`,
			displayOptions: perItem,
		},
		{
			displayName: 'Groups',
			name: 'groups',
			type: 'string',
			default: '',
			placeholder: 'e.g. Customers, VIP',
			description: `Names of contact groups in your Routee account, separated by commas or an array.${limit}`,
			displayOptions: { ...perItem, show: { '@version': [1, 2] } },
		},
		// version 3: the groups picked from the account's (an expression giving names still works)
		{
			// the wording n8n's linter requires of a list loaded from the account (Routee names a group by its name)
			displayName: 'Group Names or IDs',
			name: 'groups',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getGroups' },
			default: [],
			description: `Contact groups of your Routee account to send to (an expression gives their names).${limit} Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>`,
			displayOptions: { ...perItem, show: { '@version': [{ _cnd: { gte: 3 } }] } },
		},
		{
			displayName: 'Recipient Type',
			name: 'recipientType',
			type: 'options',
			options: [
				{ name: 'Phone Number', value: 'phone' },
				{
					name: 'Routee Contact ID',
					value: 'contact',
					description:
						'The ID of a contact that exists in your Routee account (its labels personalize the message)',
				},
			],
			default: 'phone',
			displayOptions: allItems,
		},
		{
			displayName: 'Recipient',
			name: 'recipient',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. +33612345678',
			description: `The recipient each input item is, usually its phone field dragged here from the input: a phone number ${PHONE_FORMAT}, or a contact ID.${limit}`,
			displayOptions: allItems,
		},
	];
}

export const senderField = (description: string, example = 'MyShop'): INodeProperties => ({
	displayName: 'From',
	name: 'from',
	type: 'string',
	required: true,
	default: '',
	placeholder: `e.g. ${example}`,
	description,
});

/** Language names as the Octopush node writes them for the same codes ("Language (Country)"). */
export const LANGUAGE_OPTIONS: INodePropertyOptions[] = (
	[
		['bg-BG', 'Bulgarian (Bulgaria)'],
		['de-DE', 'German (Germany)'],
		['el-GR', 'Greek (Greece)'],
		['en-GB', 'English (United Kingdom)'],
		['en-US', 'English (United States)'],
		['es-ES', 'Spanish (Spain)'],
		['es-LA', 'Spanish (Latin America)'],
		['fr-FR', 'French (France)'],
		['hu-HU', 'Hungarian (Hungary)'],
		['it-IT', 'Italian (Italy)'],
		['pl-PL', 'Polish (Poland)'],
		['pt-BR', 'Portuguese (Brazil)'],
		['ru-RU', 'Russian (Russia)'],
		['sv-SE', 'Swedish (Sweden)'],
	] as Array<[(typeof LANGUAGES)[number], string]>
)
	.map(([value, name]) => ({ name, value }))
	.sort((a, b) => a.name.localeCompare(b.name));

const STRATEGY_OPTIONS: INodePropertyOptions[] = [
	{ name: 'On Change (Every Status)', value: 'OnChange' },
	{ name: 'On Completion (Final Status Only)', value: 'OnCompletion' },
];

/** The one phone number a single SMS or call goes to (operations that say more override the description). */
export const phoneToField: INodeProperties = {
	displayName: 'To',
	name: 'to',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. +306948530920',
	description:
		"The phone number, in E.164 format, + then the country code and number, such as +306948530920 (national formats work with the 'Default Country' option)",
};

export const defaultCountryOption = defaultCountryField('069 4853 0920 in Greece');

export const scheduledDateOption: INodeProperties = {
	displayName: 'Scheduled Date',
	name: 'scheduledDate',
	type: 'dateTime',
	default: '',
	description:
		"When to send: an ISO 8601 date-time such as 2030-06-01T10:00:00, in the workflow's time zone unless the value has an offset (e.g. +02:00). Leave empty to send now.",
};

export const campaignNameOption: INodeProperties = {
	displayName: 'Campaign Name',
	name: 'campaignName',
	type: 'string',
	default: '',
	description: '2 to 30 latin letters, digits, spaces or -, unique in your Routee account',
};

export const respectQuietHoursOption: INodeProperties = {
	displayName: 'Respect Quiet Hours',
	name: 'respectQuietHours',
	type: 'boolean',
	default: false,
	description: "Whether Routee waits for the end of the recipients' quiet hours before sending",
};

/** The hint of every field where Routee POSTs to n8n: the loop back into a workflow goes through a Routee Trigger. */
export const TRIGGER_URL_HINT =
	'Paste the Production URL of a Routee Trigger, with ?token=… if it has one';

/**
 * Optional fields that only make sense together, as one entry of an Options collection: the user adds the
 * bundle and sees all its fields at once. The node reads them with `bundleOf` (`<name>.values`).
 */
export function bundleOption(
	displayName: string,
	name: string,
	values: INodeProperties[],
	description?: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		default: {},
		placeholder: `Add ${displayName.toLowerCase()}`,
		...(description === undefined ? {} : { description }),
		options: [{ name: 'values', displayName, values }],
	};
}

/** A callback bundle: Routee POSTs each status to the URL, on every change or on the final status only. */
export function callbackBundle(displayName: string, name: string, what: string): INodeProperties {
	return bundleOption(displayName, name, [
		{
			displayName: 'URL',
			name: 'url',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. https://n8n.example.com/webhook/3f9c…/webhook',
			description: `Routee POSTs ${what} to this URL`,
			hint: TRIGGER_URL_HINT,
		},
		{
			displayName: 'Strategy',
			name: 'strategy',
			type: 'options',
			options: STRATEGY_OPTIONS,
			default: 'OnChange',
			description: 'When Routee calls the URL',
		},
	]);
}

export function callbackOptions(campaign: boolean): INodeProperties[] {
	const message = callbackBundle('Callback', 'callback', 'the status of each message');
	if (!campaign) return [message];
	return [
		message,
		callbackBundle('Campaign Callback', 'campaignCallback', "the campaign's progress"),
	];
}

export const ttlOption: INodeProperties = {
	displayName: 'TTL (Minutes)',
	name: 'ttl',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_TTL_MINUTES },
	// Routee's own default, 72 h: "By default Routee will attempt delivery for 72 hours" (https://docs.routee.net/reference/send-single-sms).
	// Sent only when the option is added; without it Routee applies its default.
	default: MAX_TTL_MINUTES,
	description: `How long Routee tries to deliver each message, 1 to ${MAX_TTL_MINUTES} minutes; after that it is Undelivered (Expired). Without this option Routee tries for 72 hours (${MAX_TTL_MINUTES} minutes).`,
	hint: 'Time to live: how long delivery is attempted',
};

export const transcodeOption: INodeProperties = {
	displayName: 'Transcode',
	name: 'transcode',
	type: 'boolean',
	default: false,
	description:
		'Whether Routee replaces unicode characters with similar GSM-7 ones where it can, so the message needs fewer parts',
	hint: 'e.g. curly quotes become straight ones, so a long message costs fewer SMS',
};

export const flashOption: INodeProperties = {
	displayName: 'Flash',
	name: 'flash',
	type: 'boolean',
	default: false,
	description: 'Whether the message is a flash SMS (shown at once, not stored)',
};

export const hangupDelayDescription = `Seconds to wait for the call to be answered, 1 to ${MAX_HANGUP_DELAY}`;

/** What every WAV File URL field says: Routee needs WAV content, whatever the URL's path ends with. */
export const WAV_URL_DESCRIPTION =
	'An http(s) URL that must point to a WAV file (the URL need not end in .wav)';

// ——— reading the fields: into request values, with the checks that need the item and the field's name ———

function isEmpty(value: unknown): boolean {
	return (
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
	);
}

/** Text entries of a list field: an array (from an expression) or text separated by commas or new lines. */
export function listOf(
	context: IExecuteFunctions,
	itemIndex: number,
	label: string,
	value: unknown,
): string[] {
	if (isEmpty(value)) return [];
	const entries = Array.isArray(value)
		? value
		: typeof value === 'string'
			? value.split(/[,;\n]/)
			: [value];
	return entries
		.map((entry, position) => {
			if (typeof entry !== 'string' && typeof entry !== 'number') {
				throw invalid(
					context,
					itemIndex,
					`${label} (entry ${position + 1})`,
					`must be text, got ${JSON.stringify(entry)}`,
				);
			}
			return String(entry).trim();
		})
		.filter((entry) => entry !== '');
}

/** The operation's To field: one phone number, in E.164 (a national number with Options → Default Country). */
export function toNumberOf(
	context: IExecuteFunctions,
	itemIndex: number,
	options: IDataObject,
): string {
	return phoneNumberOf(
		context,
		itemIndex,
		'To',
		textOf(context, itemIndex, 'to'),
		defaultCountryOf(options),
	);
}

/** The numbers of a list field as E.164; an invalid one is named with its position. */
export function phoneListOf(
	context: IExecuteFunctions,
	itemIndex: number,
	label: string,
	value: unknown,
	defaultCountry: string,
): string[] {
	const numbers = listOf(context, itemIndex, label, value);
	return numbers.map((number, position) =>
		phoneNumberOf(
			context,
			itemIndex,
			numbers.length > 1 ? `${label} (entry ${position + 1})` : label,
			number,
			defaultCountry,
		),
	);
}

/** The fields of a bundle option (see `bundleOption` above), or undefined when the user did not add it. */
export function bundleOf(options: IDataObject, name: string): IDataObject | undefined {
	const bundle = options[name] as IDataObject | undefined;
	const values = bundle?.values;
	return typeof values === 'object' && values !== null && !Array.isArray(values)
		? (values as IDataObject)
		: undefined;
}

/** `{url, strategy}` of a Callback bundle, as Routee's body has it; the contract checks the URL. */
export function callbackOf(options: IDataObject, name: string): IDataObject | undefined {
	const bundle = bundleOf(options, name);
	if (bundle === undefined) return undefined;
	const url = typeof bundle.url === 'string' ? bundle.url.trim() : bundle.url;
	return { url: url ?? '', strategy: isEmpty(bundle.strategy) ? 'OnChange' : bundle.strategy };
}

/** The Scheduled Date, Callback and Campaign Callback options that SMS and voice campaigns share, as body fields. */
export function scheduleAndCallbacksOf(
	context: IExecuteFunctions,
	itemIndex: number,
	options: IDataObject,
): IDataObject {
	const body: IDataObject = {};
	// a passed date is sent, and Routee's answer shown (see scheduledDateOf)
	const scheduledDate = scheduledDateOf(
		context,
		itemIndex,
		'Scheduled Date',
		options.scheduledDate,
	);
	if (scheduledDate !== undefined) body.scheduledDate = scheduledDate;
	const callback = callbackOf(options, 'callback');
	if (callback) body.callback = callback;
	const campaignCallback = callbackOf(options, 'campaignCallback');
	if (campaignCallback) body.campaignCallback = campaignCallback;
	return body;
}

/** Copies the options that are set (not empty) into the body, under their body name. */
export function copyOptions(
	options: IDataObject,
	body: IDataObject,
	names: Record<string, string>,
): void {
	for (const [option, field] of Object.entries(names)) {
		const value = options[option];
		if (!isEmpty(value)) body[field] = typeof value === 'string' ? value.trim() : value;
	}
}

export function optionsOf(context: IExecuteFunctions, itemIndex: number): IDataObject {
	return context.getNodeParameter('options', itemIndex, {}) as IDataObject;
}

/** A required text field: trimmed, never empty. */
function requiredText(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
): string {
	const value = context.getNodeParameter(name, itemIndex, '') as unknown;
	if (isEmpty(value)) throw invalid(context, itemIndex, label, 'must not be empty');
	if (typeof value !== 'string' && typeof value !== 'number') {
		throw invalid(context, itemIndex, label, `must be text, got ${JSON.stringify(value)}`);
	}
	return String(value).trim();
}

/** A text field as text (a number from an expression becomes text); anything else is left for the contract to refuse. */
export function textOf(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	trim = true,
): IDataObject[string] {
	const value = context.getNodeParameter(name, itemIndex, '') as IDataObject[string];
	if (typeof value === 'number') return String(value);
	return trim && typeof value === 'string' ? value.trim() : value;
}

/** An ID for a URL path. */
export function pathId(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
): string {
	return encodeURIComponent(requiredText(context, itemIndex, name, label));
}

// ——— the fields the voice operations share ———

// https://docs.routee.net/docs/other-voice-messaging-concept: numeric, at most 16 digits; an alphanumeric one shows as "Unknown"
export const voiceSenderField = senderField(
	'The caller ID the recipients see: a number of at most 16 digits, + allowed (e.g. +306948530920), as Routee documents. A name of at most 11 characters with a letter (latin letters, digits, spaces, . & -) is still sent, but recipients then see "Unknown" as the caller.',
	'+306948530920',
);

/** What a call does when an answering machine picks up: a conversation's option and a DIAL verb's option. */
export const machineDetectionOption: INodeProperties = bundleOption(
	'Machine Detection',
	'machineDetection',
	[
		{
			displayName: 'Strategy',
			name: 'strategy',
			type: 'options',
			options: [
				{
					name: 'Continue',
					value: 'Continue',
					description: 'Run the dial plan that the Event URL answers',
				},
				{ name: 'Hang Up', value: 'Hangup' },
			],
			default: 'Hangup',
			description: 'What to do when an answering machine picks up',
		},
		{
			displayName: 'Event URL',
			name: 'eventUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/dial-plan',
			description:
				'With Continue: Routee POSTs to this URL when a machine answers, and runs the dial plan it answers',
			displayOptions: { show: { strategy: ['Continue'] } },
		},
	],
);

/** `{strategy, eventUrl}` of the Machine Detection bundle, as Routee's body has it; the contract checks them. */
export function machineDetectionOf(options: IDataObject): IDataObject | undefined {
	const bundle = bundleOf(options, 'machineDetection');
	if (bundle === undefined) return undefined;
	const detection: IDataObject = { strategy: bundle.strategy ?? 'Hangup' };
	if (detection.strategy === 'Continue') copyOptions(bundle, detection, { eventUrl: 'eventUrl' });
	return detection;
}

/** Seconds to wait for a conversation's call to be answered: 1–60 (https://docs.routee.net/reference/perform-a-voice-conversation). */
export const callHangupDelayOption: INodeProperties = {
	displayName: 'Hang-Up Delay',
	name: 'hangupDelay',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_HANGUP_DELAY },
	default: 20,
	description: hangupDelayDescription,
};

/** A conversation's longest duration: at least 1 second (https://docs.routee.net/reference/perform-a-voice-conversation). */
export const maxDurationOption: INodeProperties = {
	displayName: 'Max Duration',
	name: 'maxDuration',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 300,
	description: 'Longest the call may last, in seconds',
};

/** A DIAL verb's: "Min value: 1", no maximum (https://docs.routee.net/reference/dial-verb). */
export const dialHangupDelayOption: INodeProperties = {
	...callHangupDelayOption,
	typeOptions: { minValue: 1 },
	description: 'Seconds to wait for the dialed party to answer, at least 1',
};

/** The voice of a SAY verb (also the prompt of Call and Wait for Key Press). */
export const sayLanguageField: INodeProperties = {
	displayName: 'Language',
	name: 'language',
	type: 'options',
	options: LANGUAGE_OPTIONS,
	default: 'en-GB',
};

export const sayGenderField: INodeProperties = {
	displayName: 'Gender',
	name: 'gender',
	type: 'options',
	// optional in a SAY verb (https://docs.routee.net/reference/say-verb): the empty choice sends none
	options: [
		{ name: 'Female', value: 'female' },
		{ name: 'Male', value: 'male' },
		{ name: "Routee's Default", value: '' },
	],
	default: 'female',
	description: "The voice; Routee's Default sends no gender and lets Routee choose",
};
