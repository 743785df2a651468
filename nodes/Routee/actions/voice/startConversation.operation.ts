import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { defaultCountryOf, optionsCollection } from '../../../shared/fields';
import { asNodeError, executeJobs, type Operation } from '../../../shared/action/execute';
import { unknownOutcome } from '../../helpers/campaign';
import { conversationBody, assertBody } from '../../transport/contract';
import {
	callbackOptions,
	defaultCountryOption,
	phoneToField,
	callbackOf,
	copyOptions,
	optionsOf,
	textOf,
	callHangupDelayOption,
	machineDetectionOf,
	machineDetectionOption,
	maxDurationOption,
	voiceSenderField,
} from '../../helpers/fields';
import { phoneNumberOf } from '../../../shared/action/phone-number';
import { startConversationRequest } from '../../transport';
import { dialPlanFields, dialPlanOf, ENDPOINT_TYPE_OPTIONS, endpointOf } from './dialPlan';

const description: INodeProperties[] = [
	{
		displayName:
			'Routee accepts 1 conversation request per second: the node starts at most one call per second for each Routee application (credential), and a call Routee refuses as too many requests (HTTP 429) is sent again after a short wait, so none is lost or started twice.',
		name: 'paceNotice',
		type: 'notice',
		default: '',
	},
	voiceSenderField,
	{
		displayName: 'To Type',
		name: 'toType',
		type: 'options',
		options: ENDPOINT_TYPE_OPTIONS,
		default: 'phone',
	},
	{
		...phoneToField,
		description:
			"Who to call: a phone number in E.164 format, + then the country code and number, such as +306948530920 (national formats work with the 'Default Country' option), a SIP URI such as sip:alice@example.com:5060, or a Viber number such as 306971234567",
	},
	...dialPlanFields,
	optionsCollection([
		...callbackOptions(false),
		callHangupDelayOption,
		maxDurationOption,
		machineDetectionOption,
		defaultCountryOption,
	]),
];

function readBody(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const options = optionsOf(context, itemIndex);
	const country = defaultCountryOf(options);
	const phone = (value: string, label: string) =>
		phoneNumberOf(context, itemIndex, label, value, country);
	const to = textOf(context, itemIndex, 'to');
	const body: IDataObject = {
		to: endpointOf(
			context.getNodeParameter('toType', itemIndex),
			typeof to === 'string' ? to : '',
			(value) => phone(value, 'To'),
		),
		from: textOf(context, itemIndex, 'from'),
		...dialPlanOf(context, itemIndex, phone),
	};
	const callback = callbackOf(options, 'callback');
	if (callback) body.callback = callback;
	copyOptions(options, body, { hangupDelay: 'hangupDelay', maxDuration: 'maxDuration' });
	const machineDetection = machineDetectionOf(options);
	if (machineDetection) body.machineDetection = machineDetection;
	return body;
}

/** POST /voice/conversation (https://docs.routee.net/reference/perform-a-voice-conversation): one call per input item, running a dial plan; at most 1 per second (see `startConversationRequest`). */
export const startConversation: Operation = {
	description,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeJobs(this, items, {
			plan: ({ leadItem }) =>
				assertBody(this, conversationBody, readBody(this, leadItem), leadItem) as IDataObject,
			run: async (body, { leadItem }) => {
				try {
					return await startConversationRequest(this, leadItem, body);
				} catch (error) {
					throw asNodeError(this, error as Error, leadItem);
				}
			},
			sends: true,
			describe: (result) => `tracking ID ${String(result.trackingId)}`,
			explain: unknownOutcome,
		});
	},
};
