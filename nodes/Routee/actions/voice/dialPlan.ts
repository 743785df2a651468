import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	callbackBundle,
	TRIGGER_URL_HINT,
	WAV_URL_DESCRIPTION,
	callbackOf,
	dialHangupDelayOption,
	machineDetectionOf,
	machineDetectionOption,
	sayGenderField,
	sayLanguageField,
} from '../../helpers/fields';
import { invalid } from '../../../shared/http';

/** A conversation's dial plan: verbs built in the UI, raw JSON, or a URL that answers one. */

const onlyFor = (...types: string[]) => ({ show: { type: types } });

export const ENDPOINT_TYPE_OPTIONS = [
	{ name: 'Phone Number', value: 'phone' },
	{ name: 'SIP URI', value: 'sip' },
	{ name: 'Viber Number', value: 'viber' },
];

const verbFields: INodeProperties[] = [
	{
		displayName: 'Verb',
		name: 'type',
		type: 'options',
		options: [
			{ name: 'Collect (Key Presses)', value: 'COLLECT' },
			{ name: 'Dial (Connect to Another Number)', value: 'DIAL' },
			{ name: 'Play (WAV File)', value: 'PLAY' },
			{ name: 'Say (Text to Speech)', value: 'SAY' },
		],
		default: 'SAY',
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 2 },
		required: true,
		default: '',
		description: 'What the voice says',
		displayOptions: onlyFor('SAY'),
	},
	{ ...sayLanguageField, displayOptions: onlyFor('SAY') },
	{ ...sayGenderField, displayOptions: onlyFor('SAY') },
	{
		displayName: 'WAV File URL',
		name: 'fileUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://example.com/welcome.wav',
		description: WAV_URL_DESCRIPTION,
		displayOptions: onlyFor('PLAY'),
	},
	{
		displayName: 'Repeat',
		name: 'repeat',
		type: 'number',
		typeOptions: { minValue: -1 },
		default: 0,
		description:
			'How many more times to repeat it (-1 repeats until the caller presses a key or hangs up)',
		hint: '0 plays it once',
		displayOptions: onlyFor('SAY', 'PLAY'),
	},
	{
		displayName: 'Barge In',
		name: 'bargeIn',
		type: 'boolean',
		default: false,
		description: 'Whether a key press interrupts it',
		hint: 'The caller can skip it by pressing a key',
		displayOptions: onlyFor('SAY', 'PLAY'),
	},
	{
		displayName: 'From',
		name: 'dialFrom',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +306948530920',
		description: 'The caller ID the dialed party sees',
		displayOptions: onlyFor('DIAL'),
	},
	{
		displayName: 'To Type',
		name: 'dialToType',
		type: 'options',
		options: ENDPOINT_TYPE_OPTIONS,
		default: 'phone',
		displayOptions: onlyFor('DIAL'),
	},
	{
		displayName: 'To',
		name: 'dialTo',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +306948530920',
		description: 'Who to connect the call to: an E.164 phone number, a SIP URI or a Viber number',
		displayOptions: onlyFor('DIAL'),
	},
	{
		displayName: 'Dial Options',
		name: 'dialOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: onlyFor('DIAL'),
		options: [
			callbackBundle('Callback', 'callback', 'the status of the dialed call'),
			dialHangupDelayOption,
			machineDetectionOption,
			{
				displayName: 'Max Duration',
				name: 'maxDuration',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 60,
				description: 'Longest the dialed call may last, in seconds',
			},
			{
				displayName: 'Record',
				name: 'record',
				type: 'boolean',
				default: false,
				description: 'Whether to record the dialed call',
			},
			{
				displayName: 'Recording Callback URL',
				name: 'recordingCallbackUrl',
				type: 'string',
				default: '',
				description: 'Routee POSTs the recording to this URL',
			},
			{
				displayName: 'Recording Format',
				name: 'recordingFormat',
				type: 'options',
				options: [
					{ name: 'MP3', value: 'MP3' },
					{ name: 'WAV', value: 'WAV' },
				],
				default: 'MP3',
			},
		],
	},
	{
		displayName: 'Event URL',
		name: 'eventUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://n8n.example.com/webhook/3f9c…/webhook',
		// optional (https://docs.routee.net/reference/collect-verb)
		description:
			'Optional: Routee POSTs the key presses to this URL and waits 3 s for an optional new dial plan',
		hint: TRIGGER_URL_HINT,
		displayOptions: onlyFor('COLLECT'),
	},
	{
		displayName: 'Max Digits',
		name: 'maxDigits',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 30,
		description: 'Most keys to collect',
		displayOptions: onlyFor('COLLECT'),
	},
	{
		displayName: 'Submit on Hash',
		name: 'submitOnHash',
		type: 'boolean',
		default: false,
		description: 'Whether # ends the input at once',
		displayOptions: onlyFor('COLLECT'),
	},
];

const EXAMPLE_JSON = `{
  "verbs": [
    {
      "type": "SAY",
      "message": { "text": "Hello, press 1 to confirm", "language": "en-GB", "gender": "female" }
    },
    { "type": "COLLECT", "eventUrl": "https://example.com/webhook/routee", "maxDigits": 1 }
  ]
}`;

export const dialPlanFields: INodeProperties[] = [
	{
		displayName: 'Dial Plan',
		name: 'dialPlanSource',
		type: 'options',
		options: [
			{
				name: 'Define Verbs Below',
				value: 'verbs',
				description: 'Build the dial plan in order, verb by verb',
			},
			{ name: 'JSON', value: 'json', description: "A dial plan in Routee's JSON format" },
			{
				name: 'From URL',
				value: 'url',
				description: 'Routee gets the dial plan from a URL when the call starts',
			},
		],
		default: 'verbs',
	},
	{
		displayName: 'Verbs',
		name: 'verbs',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add verb',
		default: {},
		description: 'What happens in the call, in order. At most one Dial.',
		displayOptions: { show: { dialPlanSource: ['verbs'] } },
		options: [{ name: 'verb', displayName: 'Verb', values: verbFields }],
	},
	{
		displayName: 'Dial Plan (JSON)',
		name: 'dialPlanJson',
		type: 'json',
		default: EXAMPLE_JSON,
		description: 'An object with the array "verbs", or the array of verbs itself',
		displayOptions: { show: { dialPlanSource: ['json'] } },
	},
	{
		displayName: 'Dial Plan URL',
		name: 'dialPlanUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://example.com/dialplan.json',
		description: 'An http(s) URL that answers a dial plan',
		displayOptions: { show: { dialPlanSource: ['url'] } },
	},
];

/** `{phone|sip|viber: value}`; a phone number goes through `phone` to become E.164. */
export function endpointOf(
	type: unknown,
	value: string,
	phone: (value: string) => string,
): IDataObject {
	if (type === 'sip' || type === 'viber') return { [type]: value.trim() };
	return { phone: phone(value) };
}

function setIfGiven(target: IDataObject, key: string, value: unknown): void {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))
		return;
	target[key] = typeof value === 'string' ? value.trim() : (value as IDataObject[string]);
}

function verbOf(
	entry: IDataObject,
	phone: (value: string, label: string) => string,
	position: number,
): IDataObject {
	const type = entry.type;
	const repeatAndBargeIn = { repeat: entry.repeat ?? 0, bargeIn: entry.bargeIn ?? false };
	switch (type) {
		case 'SAY': {
			const message: IDataObject = { text: entry.text ?? '', language: entry.language };
			setIfGiven(message, 'gender', entry.gender);
			return { type, message, ...repeatAndBargeIn };
		}
		case 'PLAY':
			return { type, fileURL: String(entry.fileUrl ?? '').trim(), ...repeatAndBargeIn };
		case 'DIAL': {
			const options = (entry.dialOptions ?? {}) as IDataObject;
			const verb: IDataObject = {
				type,
				from: String(entry.dialFrom ?? '').trim(),
				to: endpointOf(entry.dialToType, String(entry.dialTo ?? ''), (value) =>
					phone(value, `Verb ${position}: To`),
				),
			};
			for (const key of [
				'hangupDelay',
				'maxDuration',
				'record',
				'recordingFormat',
				'recordingCallbackUrl',
			]) {
				setIfGiven(verb, key, options[key]);
			}
			const callback = callbackOf(options, 'callback');
			if (callback) verb.callback = callback;
			const machineDetection = machineDetectionOf(options);
			if (machineDetection) verb.machineDetection = machineDetection;
			return verb;
		}
		case 'COLLECT': {
			const verb: IDataObject = { type };
			setIfGiven(verb, 'eventUrl', entry.eventUrl);
			return {
				...verb,
				maxDigits: entry.maxDigits ?? 30,
				submitOnHash: entry.submitOnHash ?? false,
			};
		}
		default:
			return { ...entry };
	}
}

/** Line and column of a character position in a text, both from 1. */
function lineAndColumn(text: string, position: number): string {
	const before = text.slice(0, position).split('\n');
	return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

function parseJson(context: IExecuteFunctions, itemIndex: number, text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch (error) {
		const reason = (error as Error).message;
		const match = /position (\d+)/.exec(reason);
		const position = match ? Number(match[1]) : text.length;
		throw invalid(
			context,
			itemIndex,
			'Dial Plan (JSON)',
			`is not valid JSON at position ${position} (${lineAndColumn(text, position)}): ${reason}`,
		);
	}
}

/** The body fields of the dial plan: `dialPlan` or `dialPlanUrl`. */
export function dialPlanOf(
	context: IExecuteFunctions,
	itemIndex: number,
	phone: (value: string, label: string) => string,
): IDataObject {
	const source = context.getNodeParameter('dialPlanSource', itemIndex) as string;
	if (source === 'url') {
		const url = context.getNodeParameter('dialPlanUrl', itemIndex, '') as unknown;
		const trimmed = typeof url === 'string' ? url.trim() : url;
		return trimmed === '' ? {} : { dialPlanUrl: trimmed as IDataObject[string] };
	}
	if (source === 'json') {
		const value = context.getNodeParameter('dialPlanJson', itemIndex, '') as unknown;
		if (typeof value === 'string' && value.trim() === '') return {};
		const parsed = typeof value === 'string' ? parseJson(context, itemIndex, value) : value;
		if (Array.isArray(parsed)) return { dialPlan: { verbs: parsed } };
		if (typeof parsed !== 'object' || parsed === null) {
			throw invalid(
				context,
				itemIndex,
				'Dial Plan (JSON)',
				'must be an object with "verbs", or an array of verbs',
			);
		}
		return { dialPlan: parsed as IDataObject };
	}
	const entries = ((context.getNodeParameter('verbs', itemIndex, {}) as IDataObject).verb ??
		[]) as IDataObject[];
	return { dialPlan: { verbs: entries.map((entry, index) => verbOf(entry, phone, index + 1)) } };
}
