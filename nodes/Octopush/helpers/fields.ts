import {
	jsonParse,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { type Mode } from '../../shared/action/execute';
import { itemValueReader } from '../../shared/action/item-values';
import { scheduledDateOf } from '../../shared/action/scheduled-date';
import {
	defaultCountryOf,
	defaultCountryOption,
	notForTools,
	optionsCollection,
} from '../../shared/fields';
import { invalid, type Source } from '../../shared/http';
import { normalizePhoneNumber } from '../../shared/phone';
import {
	CONTACT_FIELDS,
	type Contact,
	FRAMES_IN_PARALLEL_FROM_V3,
	labelOf,
	MAX_FRAME_SIZE,
	MIN_FRAME_SIZE,
	VOICE_LANGUAGES,
	VOICE_LANGUAGES_URL,
} from '../transport/contract';

/*
 * The fields the send operations share, as the panel shows them, and how they are read: the descriptions first,
 * then the readers (recipients and the common fields of a request body).
 */

// ——— the fields the send operations (Voice SMS, SMS, Voice List Campaign → Create) share ———

export const textField: INodeProperties = {
	displayName: 'Text',
	name: 'text',
	type: 'string',
	typeOptions: { rows: 4 },
	required: true,
	default: '',
	description:
		'The message, 1 to 1224 characters. Personalize it with {first_name}, {last_name} and {param1} to {param5}; Options → Recipients Missing a Placeholder Value says what happens to a recipient without that field.',
};

export const voiceTextField: INodeProperties = {
	...textField,
	description:
		'The message the voice reads, 1 to 1224 characters, written in the voice language (accents, Greek and Cyrillic letters are sent as they are). Personalize it with {first_name}, {last_name} and {param1} to {param5}; Options → Recipients Missing a Placeholder Value says what happens to a recipient without that field.',
};

const contactFields: INodeProperties[] = [
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		default: '',
		description: 'Replaces {first_name} in the text (at most 50 characters)',
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		default: '',
		description: 'Replaces {last_name} in the text (at most 50 characters)',
	},
	...[1, 2, 3, 4, 5].map((n): INodeProperties => ({
		displayName: `Param ${n}`,
		name: `param${n}`,
		type: 'string',
		default: '',
		description: `Replaces {param${n}} in the text (at most 50 characters)`,
	})),
];

/** Parameter name of each contact field → the body field it fills. */
export const CONTACT_PARAMETERS = {
	firstName: 'first_name',
	lastName: 'last_name',
	param1: 'param1',
	param2: 'param2',
	param3: 'param3',
	param4: 'param4',
	param5: 'param5',
} as const;

const phoneNumberDescription =
	"In E.164 format, + then the country code and number, such as +33612345678; national formats such as 06 12 34 56 78 are accepted with the 'Default Country' option";

export function recipientFields(optional = false): INodeProperties[] {
	return [
		{
			displayName: 'Recipients Input',
			name: 'recipientsInput',
			type: 'options',
			options: [
				{ name: 'Define Below', value: 'fields', description: 'List the recipients one by one' },
				{
					name: 'JSON',
					value: 'json',
					description: 'An array of recipients, e.g. from an expression',
				},
			],
			default: 'fields',
			// hidden for 'allItems' rather than shown for 'perItem': a tool has no Mode (see modeField) and must still show it
			displayOptions: { hide: { mode: ['allItems'] } },
		},
		{
			displayName: 'Recipients',
			name: 'recipients',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add recipient',
			default: {},
			description: optional
				? 'Contacts to add to the list for this campaign (optional)'
				: 'Who receives the campaign. Any number: they are sent in frames of at most 500.',
			displayOptions: { show: { recipientsInput: ['fields'] }, hide: { mode: ['allItems'] } },
			options: [
				{
					name: 'recipient',
					displayName: 'Recipient',
					values: [
						{
							displayName: 'Phone Number',
							name: 'phoneNumber',
							type: 'string',
							required: true,
							default: '',
							placeholder: 'e.g. +33612345678',
							description: phoneNumberDescription,
						},
						{
							displayName: 'Personalization',
							name: 'personalization',
							type: 'collection',
							placeholder: 'Add field',
							default: {},
							description:
								'Values for the {first_name}, {last_name} and {param1} to {param5} placeholders of the text',
							options: contactFields,
						},
					],
				},
			],
		},
		{
			displayName: 'Recipients (JSON)',
			name: 'recipientsJson',
			type: 'json',
			default: '[]',
			description:
				'An array of phone numbers, or of contacts with phone_number, first_name, last_name and param1 to param5, e.g. [{"phone_number": "+33612345678", "first_name": "Ada"}]',
			displayOptions: { show: { recipientsInput: ['json'] }, hide: { mode: ['allItems'] } },
		},
		{
			displayName: 'Phone Number',
			name: 'phoneNumber',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. +33612345678',
			description: `The phone number of the recipient each input item is, usually its phone field dragged here from the input. ${phoneNumberDescription}.`,
			displayOptions: { show: { mode: ['allItems'] } },
		},
		{
			displayName: 'Personalization',
			name: 'personalization',
			type: 'collection',
			placeholder: 'Add field',
			default: {},
			description:
				"Values for the placeholders of the text, usually expressions on each input item's fields",
			displayOptions: { show: { mode: ['allItems'] } },
			options: contactFields,
		},
	];
}

export const senderField: INodeProperties = {
	displayName: 'Sender',
	name: 'sender',
	type: 'string',
	default: '',
	placeholder: 'e.g. MyShop',
	description:
		'3 to 11 letters, digits or spaces (a-zA-Z0-9 and space), if your Octopush account allows custom senders. Leave empty for the default sender.',
};

export const voiceFields: INodeProperties[] = [
	{
		displayName: 'Voice Language',
		name: 'voiceLanguage',
		type: 'options',
		options: Object.entries(VOICE_LANGUAGES)
			.map(([value, { name, genders }]) => ({
				name,
				value,
				description: genders.length === 1 ? `${value}: ${genders[0]} voice only` : value,
			}))
			.sort((a, b) => a.name.localeCompare(b.name)),
		default: 'en-GB',
		description: `The language the text is read in, as Octopush lists them (${VOICE_LANGUAGES_URL}). A code not in the list can be given by expression: Octopush then accepts or refuses it.`,
	},
	{
		displayName: 'Voice Gender',
		name: 'voiceGender',
		type: 'options',
		options: [
			{ name: 'Female', value: 'female' },
			{ name: 'Male', value: 'male' },
		],
		default: 'female',
		description:
			'Some languages have a female voice only (marked in the Voice Language list); a male voice for them is refused before anything is sent',
	},
];

/** What to do with a recipient without a value for a placeholder the text uses: see placeholders.ts. */
const missingValuesOption: INodeProperties = {
	displayName: 'Recipients Missing a Placeholder Value',
	name: 'missingPlaceholderValues',
	type: 'options',
	options: [
		{
			name: 'Send',
			value: 'send',
			description:
				'Send to them as Octopush documents these fields: optional. The placeholder is left empty.',
		},
		{
			name: 'Skip Them',
			value: 'skip',
			description: 'Leave them out of the campaign; the output counts them',
		},
		{
			name: 'Stop the Campaign',
			value: 'stop',
			description: 'Send nothing and name the first recipient without a value',
		},
	],
	default: 'send',
	description:
		'What to do with a recipient that has no value for a placeholder the text uses (e.g. {first_name} with no first name). Without this option: Send (Stop the Campaign for nodes added before version 2). With Send or Skip Them the output counts them.',
};

const commonOptions: INodeProperties[] = [
	defaultCountryOption('06 12 34 56 78 in France'),
	missingValuesOption,

	{
		displayName: 'Purpose',
		name: 'purpose',
		type: 'options',
		options: [
			{ name: 'Alert (Transactional)', value: 'alert' },
			{ name: 'Wholesale (Marketing)', value: 'wholesale' },
		],
		default: 'alert',
		description: 'Whether the campaign is transactional or marketing',
	},
	{
		displayName: 'Request ID',
		name: 'requestId',
		type: 'string',
		default: '',
		displayOptions: notForTools,
		description:
			'Octopush refuses a second request with the same ID for 24 hours. Empty: one is derived from this execution, so a retry within it never sends twice. With several frames, "-1", "-2", … is appended.',
		hint: "Set your own (e.g. your campaign's ID) so that a retry from the executions list sends only what Octopush has not accepted yet",
	},
	{
		displayName: 'Send At',
		name: 'sendAt',
		type: 'dateTime',
		default: '',
		description:
			"When to send: an ISO 8601 date-time such as 2030-06-01T10:00:00, in the workflow's time zone unless the value has an offset (e.g. +02:00). Leave empty to send now.",
	},
	{
		displayName: 'Simulation Mode',
		name: 'simulationMode',
		type: 'boolean',
		default: false,
		description:
			'Whether Octopush only simulates the request and answers a fake result (nothing is sent or charged)',
	},
];

const framingOptions: INodeProperties[] = [
	{
		displayName: 'Frame Size',
		name: 'frameSize',
		type: 'number',
		typeOptions: { minValue: MIN_FRAME_SIZE, maxValue: MAX_FRAME_SIZE },
		default: MAX_FRAME_SIZE,
		displayOptions: notForTools,
		description: `Recipients per request (${MIN_FRAME_SIZE} to ${MAX_FRAME_SIZE}; Octopush advises 200 to 500). Larger campaigns are sent as several requests ("frames"), each with its own ticket.`,
	},
	...[
		{ versions: [1, 2], fallback: 1 },
		{ versions: [{ _cnd: { gte: 3 } }], fallback: FRAMES_IN_PARALLEL_FROM_V3 },
	].map(({ versions, fallback }): INodeProperties => ({
		displayName: 'Frames in Parallel',
		name: 'framesInParallel',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 10 },
		default: fallback,
		displayOptions: { ...notForTools, show: { '@version': versions } },
		description: 'How many frames to send at the same time (1 sends them one after another)',
	})),
];

/** "blacklisted numbers will be automatically removed … 0.01€ per request": https://dev.octopush.com/en/sms-gateway-api-documentation/voice-sms-api/send-voice-sms/ */
export const autoRemoveBlacklistedOption: INodeProperties = {
	displayName: 'Auto Remove Blacklisted Numbers',
	name: 'autoRemoveBlacklistedNumbers',
	type: 'boolean',
	default: false,
	description:
		'Whether Octopush leaves out the numbers on your blacklist instead of refusing the campaign (Octopush charges 0.01 € per request for it)',
};

/** "This value is "true" when you want to get back pressed key": https://octopush-api.readme.io/reference/post_public_apivoice_campaignon_listcreate */
export const getBackPressedKeysOption: INodeProperties = {
	displayName: 'Collect Key Presses',
	name: 'getBackPressedKeys',
	type: 'boolean',
	default: false,
	description:
		'Whether Octopush reports the keys each recipient pressed (in the delivery callbacks, see the Octopush Trigger)',
};

/** The body fields of the options above that the user set. */
export function voiceOptionFields(options: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (options.getBackPressedKeys !== undefined)
		body.get_back_pressed_keys = options.getBackPressedKeys;
	if (options.autoRemoveBlacklistedNumbers !== undefined) {
		body.auto_remove_blacklisted_numbers = options.autoRemoveBlacklistedNumbers;
	}
	return body;
}

/** The Options collection of a send operation: the shared options plus the operation's own, sorted for the UI. */
export function optionsField(own: INodeProperties[], framing: boolean): INodeProperties {
	return optionsCollection([...commonOptions, ...(framing ? framingOptions : []), ...own]);
}

// ——— reading them ———

export type { Mode } from '../../shared/action/execute';

/**
 * The contacts of a campaign, in order, and where each came from (for errors and output pairing).
 * Sources are derived, not stored: a 100,000-item campaign would otherwise keep two more objects per
 * contact alive until it is sent, which the garbage collector copies again and again.
 */
export interface Recipients {
	contacts: Contact[];
	sourceOf(position: number): Source;
}

/**
 * The recipients of a campaign: those listed in item `itemIndex`, or (all items mode) one per input item;
 * national numbers are read in the Default Country of item `itemIndex`'s options.
 */
export function readRecipients(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	mode: Mode,
	itemIndex: number,
): Recipients {
	const defaultCountry = defaultCountryOf(
		context.getNodeParameter('options', itemIndex, {}) as IDataObject,
	);
	if (mode === 'allItems') {
		const phoneNumber = itemValueReader(context, items, 'phoneNumber', '');
		const parameterOf: Record<string, string> = Object.fromEntries(
			Object.entries(CONTACT_PARAMETERS).map(([parameter, field]) => [field, parameter]),
		);
		// in CONTACT_FIELDS order, the order contactOf takes the values in
		const fieldReaders = CONTACT_FIELDS.map((field) =>
			itemValueReader(context, items, `personalization.${parameterOf[field]}`, ''),
		);
		// one array reused for every item: the values only live until the item's contact is built
		const values: unknown[] = [];
		const sourceOf = (position: number): Source => ({ itemIndex: position });
		const contacts = items.map((_, index) => {
			const phone = phoneNumber(index);
			for (let field = 0; field < fieldReaders.length; field++)
				values[field] = fieldReaders[field](index);
			return contactOf(context, phone, values, sourceOf(index), defaultCountry);
		});
		return { contacts, sourceOf };
	}
	const input = context.getNodeParameter('recipientsInput', itemIndex, 'fields') as string;
	const list =
		input === 'json' ? jsonRecipients(context, itemIndex) : listedRecipients(context, itemIndex);
	const sourceOf = (position: number): Source => ({ itemIndex, recipient: position + 1 });
	const contacts = list.map((raw, position) =>
		contactOf(
			context,
			raw.phone_number,
			CONTACT_FIELDS.map((field) => raw[field]),
			sourceOf(position),
			defaultCountry,
		),
	);
	return { contacts, sourceOf };
}

function listedRecipients(context: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const listed = context.getNodeParameter('recipients.recipient', itemIndex, []) as IDataObject[];
	return listed.map((entry) => {
		const raw: IDataObject = { phone_number: entry.phoneNumber };
		const personalization = (entry.personalization ?? {}) as IDataObject;
		for (const [parameter, field] of Object.entries(CONTACT_PARAMETERS))
			raw[field] = personalization[parameter];
		return raw;
	});
}

function jsonRecipients(context: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const value = context.getNodeParameter('recipientsJson', itemIndex, '[]') as unknown;
	let parsed: unknown = value;
	if (typeof value === 'string') {
		try {
			parsed = jsonParse(value === '' ? '[]' : value);
		} catch {
			throw invalid(context, { itemIndex }, 'Recipients (JSON)', 'is not valid JSON');
		}
	}
	if (!Array.isArray(parsed)) {
		throw invalid(
			context,
			{ itemIndex },
			'Recipients (JSON)',
			'must be an array of phone numbers or contacts',
		);
	}
	const allowed = ['phone_number', ...CONTACT_FIELDS] as string[];
	return parsed.map((entry: unknown, position) => {
		if (typeof entry === 'string' || typeof entry === 'number') return { phone_number: entry };
		const source = { itemIndex, recipient: position + 1 };
		if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
			throw invalid(
				context,
				source,
				'Recipient',
				'must be a phone number or an object with phone_number',
			);
		}
		const unknown = Object.keys(entry).filter((key) => !allowed.includes(key));
		if (unknown.length > 0) {
			throw invalid(
				context,
				source,
				'Recipient',
				`has unknown field ${unknown.map((key) => `"${key}"`).join(', ')}: use ${allowed.join(', ')}`,
			);
		}
		return entry as IDataObject;
	});
}

/** The contact of a phone number and the values of CONTACT_FIELDS (in that order), checked. */
function contactOf(
	context: IExecuteFunctions,
	phone: unknown,
	values: readonly unknown[],
	source: Source,
	defaultCountry: string,
): Contact {
	const number = typeof phone === 'string' || typeof phone === 'number' ? phone : '';
	const normalized = normalizePhoneNumber(number, defaultCountry || undefined);
	if (!normalized.ok) throw invalid(context, source, 'Phone Number', normalized.reason);
	const contact: Contact = { phone_number: normalized.e164 };
	for (let index = 0; index < CONTACT_FIELDS.length; index++) {
		const field = CONTACT_FIELDS[index];
		const value = values[index];
		if (value === undefined || value === null || value === '') continue;
		if (typeof value !== 'string' && typeof value !== 'number') {
			throw invalid(
				context,
				source,
				labelOf(field) ?? field,
				`must be text, got ${JSON.stringify(value)}`,
			);
		}
		contact[field] = String(value);
	}
	return contact;
}

/** Sender, Send At, Purpose and Simulation Mode of the campaign read from item `itemIndex`, as body fields. */
export function readCommonFields(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	const sender = String(context.getNodeParameter('sender', itemIndex, '') ?? '').trim();
	if (sender !== '') body.sender = sender;
	// a passed date is sent: Octopush sends at once (see scheduledDateOf)
	const sendAt = scheduledDateOf(context, itemIndex, 'Send At', options.sendAt);
	if (sendAt !== undefined) body.send_at = sendAt;
	if (options.purpose !== undefined && options.purpose !== '') body.purpose = options.purpose;
	if (options.simulationMode !== undefined) body.simulation_mode = options.simulationMode;
	return body;
}
