import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { executeCampaign } from '../../campaign';
import { MAX_TTS_TEXT, MAX_VOICE_RECIPIENTS, voiceCampaignBody } from '../../contract';
import {
	callbackOptions,
	campaignNameOption,
	defaultCountryOption,
	GENDER_OPTIONS,
	LANGUAGE_OPTIONS,
	modeField,
	optionsCollection,
	recipientFields,
	respectQuietHoursOption,
	scheduledDateOption,
	WAV_URL_DESCRIPTION,
} from '../../fields';
import { copyOptions, optionsOf, scheduleAndCallbacksOf, textOf } from '../../read';
import { voiceSenderField } from './fields';

const description: INodeProperties[] = [
	modeField,
	voiceSenderField,
	{
		displayName: 'Give either a Text, read by text to speech, or the URL of a WAV file to play',
		name: 'messageNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: `The message read to each recipient by text to speech, at most ${MAX_TTS_TEXT} characters. Leave empty to play a WAV file instead.`,
	},
	{
		displayName: 'Language',
		name: 'language',
		type: 'options',
		options: LANGUAGE_OPTIONS,
		default: 'en-GB',
		description: 'The language the Text is read in',
	},
	{
		displayName: 'Gender',
		name: 'gender',
		type: 'options',
		options: GENDER_OPTIONS,
		default: 'female',
		description: 'The voice that reads the Text',
	},
	{
		displayName: 'WAV File URL',
		name: 'fileUrl',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/message.wav',
		description: `${WAV_URL_DESCRIPTION}, played instead of a Text`,
	},
	...recipientFields(MAX_VOICE_RECIPIENTS),
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
		{
			displayName: 'Collect DTMF Digits',
			name: 'collectDtmfDigits',
			type: 'boolean',
			default: false,
			// The voice callback carries no keys (https://docs.routee.net/docs/voice-callbacks); voice tracking has
			// them as collectedTones (https://docs.routee.net/reference/voicemessagetracking).
			description:
				"Whether Routee collects the keys the recipients press at the end of the message. The call's callback does not carry them: read them with Voice → Get Message Tracking (output field digits), or turn on Fetch Key Presses of Voice Campaign Calls in the Routee Trigger.",
		},
		{
			displayName: 'Collect DTMF Await Seconds',
			name: 'collectDtmfAwaitSeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 5,
			description: 'Seconds of silence added at the end of the message for the recipient to press keys',
		},
		defaultCountryOption,
	]),
];

function readBody(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const options = optionsOf(context, itemIndex);
	const body: IDataObject = { from: textOf(context, itemIndex, 'from') };
	const text = textOf(context, itemIndex, 'text', false);
	if (!(typeof text === 'string' && text.trim() === '')) {
		body.message = {
			text,
			language: context.getNodeParameter('language', itemIndex) as string,
			gender: context.getNodeParameter('gender', itemIndex) as string,
		};
	}
	const fileUrl = textOf(context, itemIndex, 'fileUrl');
	if (fileUrl !== '') body.fileURL = fileUrl;
	copyOptions(options, body, {
		// the request key is `name`; only the response calls it `campaignName` (https://docs.routee.net/reference/send-a-voice-campaign)
		campaignName: 'name',
		respectQuietHours: 'respectQuietHours',
		hangupDelay: 'hangupDelay',
		collectDtmfDigits: 'collectDtmfDigits',
		collectDtmfAwaitSeconds: 'collectDtmfAwaitSeconds',
	});
	Object.assign(body, scheduleAndCallbacksOf(context, itemIndex, options));
	return body;
}

/** POST /voice/campaign (https://docs.routee.net/reference/send-a-voice-campaign): a text-to-speech message or a WAV file, called to many recipients. */
export const sendCampaign: Operation = {
	description,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeCampaign(this, items, { path: '/voice/campaign', schema: voiceCampaignBody, sends: true, readBody });
	},
};
