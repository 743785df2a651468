import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { defaultCountryOf, modeField, optionsCollection } from '../../../shared/fields';
import type { Operation } from '../../../shared/action/operation';
import { executeCampaign } from '../../helpers/campaign';
import { smsCampaignBody } from '../../transport/contract';
import {
	bundleOption,
	callbackOptions,
	campaignNameOption,
	defaultCountryOption,
	flashOption,
	recipientFields,
	respectQuietHoursOption,
	scheduledDateOption,
	transcodeOption,
	ttlOption,
} from '../../helpers/fields';
import {
	bundleOf,
	copyOptions,
	optionsOf,
	phoneListOf,
	scheduleAndCallbacksOf,
	textOf,
} from '../../helpers/read';
import { smsBodyField, smsSenderField } from './fields';

const description: INodeProperties[] = [
	modeField,
	smsSenderField,
	...recipientFields(),
	{
		...smsBodyField,
		hint: "[~label] values come from the labels of the Routee contacts you send to; phone numbers get the 'Fallback Values' option",
	},
	optionsCollection([
		campaignNameOption,
		scheduledDateOption,
		flashOption,
		respectQuietHoursOption,
		...callbackOptions(true),
		bundleOption(
			'Reminder',
			'reminder',
			[
				{
					displayName: 'Phone Numbers',
					name: 'to',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'e.g. +306948530920',
					description: 'Who gets the test SMS, separated by commas',
				},
				{
					displayName: 'Minutes Before',
					name: 'minutesBefore',
					type: 'number',
					typeOptions: { minValue: 0 },
					default: 15,
					description: 'Send the test SMS this many minutes before the Scheduled Date',
				},
				{
					displayName: 'Minutes After',
					name: 'minutesAfter',
					type: 'number',
					typeOptions: { minValue: 0 },
					default: 0,
					description: 'Send the test SMS this many minutes after the campaign starts',
				},
			],
			'A test SMS sent to your own numbers before or after the campaign',
		),
		{
			displayName: 'Fallback Values',
			name: 'fallbackValues',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add fallback value',
			default: {},
			description: 'The value of a [~label] placeholder for recipients that have no such label',
			options: [
				{
					name: 'values',
					displayName: 'Fallback Value',
					values: [
						{
							displayName: 'Label',
							name: 'label',
							type: 'string',
							default: '',
							placeholder: 'e.g. firstName',
							description: 'The label name, as in [~firstName]',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							placeholder: 'e.g. customer',
						},
					],
				},
			],
		},
		ttlOption,
		{
			displayName: 'Allow Invalid',
			name: 'allowInvalid',
			type: 'boolean',
			default: false,
			description:
				'Whether Routee sends to the valid recipients when some numbers are not valid mobile numbers, instead of refusing the whole campaign. Numbers that are not phone numbers at all are still refused by this node.',
		},
		transcodeOption,
		defaultCountryOption,
	]),
];

/** The reminder (a test SMS before/after the campaign) from its bundle. */
function reminderOf(
	context: IExecuteFunctions,
	itemIndex: number,
	options: IDataObject,
): IDataObject | undefined {
	const bundle = bundleOf(options, 'reminder');
	if (bundle === undefined) return undefined;
	const reminder: IDataObject = {
		to: phoneListOf(
			context,
			itemIndex,
			'Reminder: Phone Numbers',
			bundle.to,
			defaultCountryOf(options),
		),
	};
	copyOptions(bundle, reminder, { minutesBefore: 'minutesBefore', minutesAfter: 'minutesAfter' });
	return reminder;
}

function fallbackValuesOf(options: IDataObject): IDataObject | undefined {
	const entries = ((options.fallbackValues as IDataObject | undefined)?.values ??
		[]) as IDataObject[];
	if (entries.length === 0) return undefined;
	return Object.fromEntries(
		entries.map((entry) => [String(entry.label ?? '').trim(), entry.value ?? '']),
	);
}

/** The campaign fields of an SMS campaign body read from the Options, shared with Update Scheduled Campaign. */
export function smsCampaignOptions(
	context: IExecuteFunctions,
	itemIndex: number,
	options: IDataObject,
): IDataObject {
	const body: IDataObject = {};
	copyOptions(options, body, {
		campaignName: 'campaignName',
		flash: 'flash',
		respectQuietHours: 'respectQuietHours',
		ttl: 'ttl',
		allowInvalid: 'allowInvalid',
		transcode: 'transcode',
	});
	Object.assign(body, scheduleAndCallbacksOf(context, itemIndex, options));
	const reminder = reminderOf(context, itemIndex, options);
	if (reminder) body.reminder = reminder;
	const fallbackValues = fallbackValuesOf(options);
	if (fallbackValues) body.fallbackValues = fallbackValues;
	return body;
}

/** POST /sms/campaign (https://docs.routee.net/reference/send-bulk-messages): one SMS to many recipients, contacts and groups. */
export const sendCampaign: Operation = {
	description,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeCampaign(this, items, {
			path: '/sms/campaign',
			schema: smsCampaignBody,
			sends: true,
			readBody: (context, itemIndex) => ({
				from: textOf(context, itemIndex, 'from'),
				body: textOf(context, itemIndex, 'body', false),
				...smsCampaignOptions(context, itemIndex, optionsOf(context, itemIndex)),
			}),
		});
	},
};
