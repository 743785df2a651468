import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { modeField, optionsCollection } from '../../../shared/fields';
import type { Operation } from '../../../shared/action/execute';
import { toolMaxRecipientsField } from '../../../shared/action/tool-limit';
import { executeCampaign } from '../../helpers/campaign';
import { MAX_TTS_TEXT, MAX_VOICE_RECIPIENTS, voiceCampaignBody } from '../../transport/contract';
import {
	bundleOption,
	callbackOptions,
	campaignNameOption,
	defaultCountryOption,
	recipientFields,
	respectQuietHoursOption,
	scheduledDateOption,
	WAV_URL_DESCRIPTION,
	bundleOf,
	copyOptions,
	optionsOf,
	scheduleAndCallbacksOf,
	textOf,
	voiceSenderField,
	sayGenderField,
	sayLanguageField,
} from '../../helpers/fields';

const textToSpeech = { show: { messageType: ['textToSpeech'] } };

const description: INodeProperties[] = [
	modeField,
	voiceSenderField,
	...recipientFields(MAX_VOICE_RECIPIENTS),
	toolMaxRecipientsField,
	{
		displayName: 'Message Type',
		name: 'messageType',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Audio File', value: 'audioFile', description: 'Play a WAV file' },
			{ name: 'Text to Speech', value: 'textToSpeech', description: 'A voice reads a text' },
		],
		default: 'textToSpeech',
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: `The message read to each recipient, at most ${MAX_TTS_TEXT} characters`,
		displayOptions: textToSpeech,
	},
	{
		...sayLanguageField,
		description: 'The language the Text is read in',
		displayOptions: textToSpeech,
	},
	{
		// optional: "`message.gender` | body | string | no" (https://docs.routee.net/reference/send-a-voice-campaign),
		// as in a SAY verb
		...sayGenderField,
		description:
			"The voice that reads the Text; Routee's Default sends no gender and lets Routee choose",
		displayOptions: textToSpeech,
	},
	{
		displayName: 'WAV File URL',
		name: 'fileUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://example.com/message.wav',
		description: WAV_URL_DESCRIPTION,
		displayOptions: { show: { messageType: ['audioFile'] } },
	},
	optionsCollection([
		campaignNameOption,
		scheduledDateOption,
		respectQuietHoursOption,
		{
			displayName: 'Hang-Up Delay',
			name: 'hangupDelay',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 30,
			description: 'Seconds to wait for each call to be answered',
		},
		...callbackOptions(true),
		bundleOption(
			'Collect Key Presses',
			'collectKeyPresses',
			[
				{
					displayName: 'Collect',
					name: 'collect',
					type: 'boolean',
					default: true,
					description:
						'Whether Routee collects the keys the recipients press at the end of the message',
				},
				{
					displayName: 'Wait Seconds',
					name: 'waitSeconds',
					type: 'number',
					typeOptions: { minValue: 0 },
					default: 5,
					description:
						'Seconds of silence added at the end of the message for the recipient to press keys',
				},
			],
			// The voice callback carries no keys (https://docs.routee.net/docs/voice-callbacks); voice tracking has
			// them as collectedTones (https://docs.routee.net/reference/voicemessagetracking).
			"The call's callback does not carry the keys: read them with Voice → Get Message Tracking (output field digits), or turn on 'Fetch Key Presses of Voice Campaign Calls' in the Routee Trigger",
		),
		defaultCountryOption,
	]),
];

function readBody(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const options = optionsOf(context, itemIndex);
	const body: IDataObject = { from: textOf(context, itemIndex, 'from') };
	if (context.getNodeParameter('messageType', itemIndex, 'textToSpeech') === 'audioFile') {
		body.fileURL = textOf(context, itemIndex, 'fileUrl');
	} else {
		const text = textOf(context, itemIndex, 'text', false);
		// a blank text is no message: the contract then says the Text is missing
		if (!(typeof text === 'string' && text.trim() === '')) {
			const message: IDataObject = {
				text,
				language: context.getNodeParameter('language', itemIndex) as string,
			};
			// optional (https://docs.routee.net/reference/send-a-voice-campaign): an empty one is not sent
			const gender = context.getNodeParameter('gender', itemIndex, '') as unknown;
			if (!(
				gender === undefined ||
				gender === null ||
				(typeof gender === 'string' && gender.trim() === '')
			))
				message.gender = typeof gender === 'string' ? gender.trim() : gender;
			body.message = message;
		}
	}
	copyOptions(options, body, {
		// the request key is `name`; only the response calls it `campaignName` (https://docs.routee.net/reference/send-a-voice-campaign)
		campaignName: 'name',
		respectQuietHours: 'respectQuietHours',
		hangupDelay: 'hangupDelay',
	});
	const keyPresses = bundleOf(options, 'collectKeyPresses');
	if (keyPresses !== undefined) {
		copyOptions(keyPresses, body, {
			collect: 'collectDtmfDigits',
			waitSeconds: 'collectDtmfAwaitSeconds',
		});
	}
	Object.assign(body, scheduleAndCallbacksOf(context, itemIndex, options));
	return body;
}

/** POST /voice/campaign (https://docs.routee.net/reference/send-a-voice-campaign): a text-to-speech message or a WAV file, called to many recipients. */
export const sendCampaign: Operation = {
	description,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeCampaign(this, items, {
			path: '/voice/campaign',
			schema: voiceCampaignBody,
			sends: true,
			readBody,
		});
	},
};
