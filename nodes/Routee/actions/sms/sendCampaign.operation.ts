import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { executeCampaign } from '../../campaign';
import { smsCampaignBody } from '../../contract';
import {
	callbackOptions,
	campaignNameOption,
	defaultCountryOption,
	flashOption,
	modeField,
	optionsCollection,
	recipientFields,
	respectQuietHoursOption,
	scheduledDateOption,
	transcodeOption,
	ttlOption,
} from '../../fields';
import { copyOptions, optionsOf, phoneListOf, scheduleAndCallbacksOf, textOf } from '../../read';
import { smsBodyField, smsSenderField } from './fields';

const description: INodeProperties[] = [
	modeField,
	{
		displayName:
			'Routee fills [~label] placeholders from the labels of Routee contacts. For each item to get its own values, each item must give a Routee Contact ID of a contact that already has those labels; phone numbers get the Fallback Values. This node never creates Routee contacts. To personalise for plain phone numbers, use Send with an expression in Body (one SMS per item).',
		name: 'labelsNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { mode: ['allItems'] } },
	},
	smsSenderField,
	smsBodyField,
	...recipientFields(),
	optionsCollection([
		campaignNameOption,
		scheduledDateOption,
		flashOption,
		respectQuietHoursOption,
		...callbackOptions(true),
		{
			displayName: 'Reminder Minutes Before',
			name: 'reminderMinutesBefore',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 15,
			description: 'Send a test SMS to the Reminder Numbers this many minutes before the Scheduled Date',
		},
		{
			displayName: 'Reminder Minutes After',
			name: 'reminderMinutesAfter',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'Send a test SMS to the Reminder Numbers this many minutes after the campaign starts',
		},
		{
			displayName: 'Reminder Numbers',
			name: 'reminderTo',
			type: 'string',
			default: '',
			placeholder: '+306948530920',
			description:
				'Phone numbers that get the test SMS (the reminder), separated by commas; needed for a reminder',
		},
		{
			displayName: 'Fallback Values',
			name: 'fallbackValues',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Fallback Value',
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
							placeholder: 'firstName',
							description: 'The label name, as in [~firstName]',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							placeholder: 'customer',
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

/** The reminder (a test SMS before/after the campaign) from its three options. */
function reminderOf(context: IExecuteFunctions, itemIndex: number, options: IDataObject): IDataObject | undefined {
	const keys = ['reminderMinutesBefore', 'reminderMinutesAfter', 'reminderTo'];
	if (!keys.some((key) => options[key] !== undefined)) return undefined;
	const reminder: IDataObject = {
		to: phoneListOf(context, itemIndex, 'Reminder Numbers', options.reminderTo, String(options.defaultCountry ?? '')),
	};
	copyOptions(options, reminder, { reminderMinutesBefore: 'minutesBefore', reminderMinutesAfter: 'minutesAfter' });
	return reminder;
}

function fallbackValuesOf(options: IDataObject): IDataObject | undefined {
	const entries = ((options.fallbackValues as IDataObject | undefined)?.values ?? []) as IDataObject[];
	if (entries.length === 0) return undefined;
	return Object.fromEntries(entries.map((entry) => [String(entry.label ?? '').trim(), entry.value ?? '']));
}

/** The campaign fields of an SMS campaign body read from the Options, shared with Update Scheduled Campaign. */
export function smsCampaignOptions(context: IExecuteFunctions, itemIndex: number, options: IDataObject): IDataObject {
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
