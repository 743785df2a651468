import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { asNodeError, executeJobs } from '../../../shared/execute';
import type { Operation } from '../../../shared/operation';
import { inTurn } from '../../../shared/pacing';
import { unknownOutcome } from '../../campaign';
import { conversationBody } from '../../contract';
import { callbackOptions, defaultCountryOption, optionsCollection } from '../../fields';
import { callbackOf, copyOptions, defaultCountryOf, optionsOf, phoneNumberOf, textOf } from '../../read';
import { accountKey, routeeRequest } from '../../transport';
import { assertBody } from '../../validation';
import { dialPlanFields, dialPlanOf, ENDPOINT_TYPE_OPTIONS, endpointOf } from './dialPlan';
import { callHangupDelayOption, maxDurationOption, machineDetectionOptions, voiceSenderField } from './fields';

/**
 * Routee: "NOTE: limit 1 request per second" (https://docs.routee.net/reference/perform-a-voice-conversation).
 * Counted from the previous request's answer (see `inTurn`), so arrivals are never closer than this.
 */
export const CONVERSATION_INTERVAL_MS = 1000;

const description: INodeProperties[] = [
	voiceSenderField,
	{
		displayName: 'To Type',
		name: 'toType',
		type: 'options',
		options: ENDPOINT_TYPE_OPTIONS,
		default: 'phone',
	},
	{
		displayName: 'To',
		name: 'to',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+306948530920',
		description:
			'Who to call: a phone number in E.164 format (national formats work with Options → Default Country), a SIP URI such as sip:alice@example.com:5060, or a Viber number such as 306971234567',
	},
	...dialPlanFields,
	optionsCollection([
		...callbackOptions(false),
		callHangupDelayOption,
		maxDurationOption,
		...machineDetectionOptions,
		defaultCountryOption,
	]),
];

function readBody(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const options = optionsOf(context, itemIndex);
	const country = defaultCountryOf(options);
	const phone = (value: string, label: string) => phoneNumberOf(context, itemIndex, label, value, country);
	const to = textOf(context, itemIndex, 'to');
	const body: IDataObject = {
		to: endpointOf(context.getNodeParameter('toType', itemIndex), typeof to === 'string' ? to : '', (value) =>
			phone(value, 'To'),
		),
		from: textOf(context, itemIndex, 'from'),
		...dialPlanOf(context, itemIndex, phone),
	};
	const callback = callbackOf(context, itemIndex, options, 'callbackUrl', 'callbackStrategy', 'Callback');
	if (callback) body.callback = callback;
	copyOptions(options, body, { hangupDelay: 'hangupDelay', maxDuration: 'maxDuration' });
	if (options.machineDetection !== undefined || options.machineDetectionEventUrl !== undefined) {
		const detection: IDataObject = { strategy: options.machineDetection ?? 'Hangup' };
		copyOptions(options, detection, { machineDetectionEventUrl: 'eventUrl' });
		body.machineDetection = detection;
	}
	return body;
}

/** A 429 means Routee refused the call for the rate: nothing was started, so it is safe to send once more. */
function isRateLimited(error: unknown): boolean {
	return error instanceof NodeApiError && error.httpCode === '429';
}

/** POST /voice/conversation (https://docs.routee.net/reference/perform-a-voice-conversation): one call per input item, running a dial plan; at most 1 per second. */
export const startConversation: Operation = {
	description,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		const lane = `routee-conversation|${await accountKey(this)}`;
		return await executeJobs(this, items, {
			plan: ({ leadItem }) =>
				assertBody(this, conversationBody, readBody(this, leadItem), leadItem) as IDataObject,
			run: async (body, { leadItem }) => {
				for (let attempt = 1; ; attempt++) {
					try {
						return await inTurn(lane, CONVERSATION_INTERVAL_MS, async () =>
							await routeeRequest(this, 'POST', '/voice/conversation', leadItem, body),
						);
					} catch (error) {
						if (attempt === 1 && isRateLimited(error)) continue;
						throw asNodeError(this, error as Error, leadItem);
					}
				}
			},
			sends: true,
			describe: (result) => `tracking ID ${String(result.trackingId)}`,
			explain: unknownOutcome,
		});
	},
};
