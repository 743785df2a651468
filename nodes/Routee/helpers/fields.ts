import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { defaultCountryOption as defaultCountryField } from '../../shared/fields';
import { LANGUAGES, MAX_HANGUP_DELAY, MAX_TTL_MINUTES } from '../transport/contract';

/** Fields several Routee operations share. Each operation file lists which it uses. */

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
