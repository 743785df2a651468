import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { optionsCollection } from '../../../shared/fields';
import { executeJobs, type Operation } from '../../../shared/action/execute';
import { unknownOutcome } from '../../helpers/campaign';
import { MAX_LABEL, singleSmsBody, assertBody } from '../../transport/contract';
import {
	callbackOptions,
	defaultCountryOption,
	flashOption,
	phoneToField,
	transcodeOption,
	ttlOption,
	callbackOf,
	copyOptions,
	optionsOf,
	textOf,
	toNumberOf,
} from '../../helpers/fields';
import { routeeRequest } from '../../transport';
import { checkSmsParts, maxPartsOption, partsHint, type SmsSize } from '../../helpers/sms-parts';
import { smsBodyField, smsSenderField } from './fields';

const description: INodeProperties[] = [
	smsSenderField,
	phoneToField,
	{
		...smsBodyField,
		description:
			'The text of the SMS; an expression gives each item its own text. Up to 160 characters fit in one part (70 with emoji or other unicode); a longer text is sent and billed as several parts.',
	},
	optionsCollection([
		flashOption,
		{
			displayName: 'Label',
			name: 'label',
			type: 'string',
			default: '',
			description: `Your own tag for the message, at most ${MAX_LABEL} characters, returned in its tracking and callbacks`,
		},
		...callbackOptions(false),
		ttlOption,
		transcodeOption,
		maxPartsOption,
		defaultCountryOption,
	]),
];

/** POST /sms (https://docs.routee.net/reference/send-single-sms): one SMS to one number, per input item. */
export const send: Operation = {
	description,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		const sizes: Array<{ itemIndex: number; size: SmsSize }> = [];
		const output = await executeJobs(this, items, {
			plan: ({ leadItem: itemIndex }) => {
				const options = optionsOf(this, itemIndex);
				const body: IDataObject = {
					from: textOf(this, itemIndex, 'from'),
					to: toNumberOf(this, itemIndex, options),
					body: textOf(this, itemIndex, 'body', false),
				};
				copyOptions(options, body, {
					flash: 'flash',
					label: 'label',
					ttl: 'ttl',
					transcode: 'transcode',
				});
				const callback = callbackOf(options, 'callback');
				if (callback) body.callback = callback;
				const checked = assertBody(this, singleSmsBody, body, itemIndex) as IDataObject;
				sizes.push({ itemIndex, size: checkSmsParts(this, itemIndex, String(body.body), options) });
				return checked;
			},
			run: async (body, { leadItem }) => await routeeRequest(this, 'POST', '/sms', leadItem, body),
			sends: true,
			describe: (result) => `tracking ID ${String(result.trackingId)}`,
			explain: unknownOutcome,
		});
		const hint = partsHint(sizes);
		if (hint !== undefined) this.addExecutionHints({ message: hint, location: 'outputPane' });
		return output;
	},
};
