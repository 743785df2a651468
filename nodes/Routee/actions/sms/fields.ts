import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/fields';
import {
	bundleOption,
	callbackOptions,
	campaignNameOption,
	defaultCountryOption,
	flashOption,
	respectQuietHoursOption,
	scheduledDateOption,
	senderField,
	transcodeOption,
	ttlOption,
} from '../../helpers/fields';

/** Fields the SMS operations share. */

export const smsSenderField = senderField(
	'The sender: at most 11 characters with a letter (e.g. your brand), or a number of at most 16 digits written without + (e.g. a number rented from Routee)',
);

export const smsBodyField: INodeProperties = {
	displayName: 'Body',
	name: 'body',
	type: 'string',
	typeOptions: { rows: 4 },
	required: true,
	default: '',
	description:
		"The text of the SMS. Up to 160 characters fit in one part (70 with emoji or other unicode); a longer text is sent and billed as several parts. Personalize it with [~label] placeholders, e.g. [~firstName], filled from the labels of Routee contacts (or the 'Fallback Values' option).",
};

/** The Options of Send Campaign; Update Scheduled Campaign offers the same ones. */
export const smsCampaignOptionsField: INodeProperties = optionsCollection([
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
				description:
					'Not documented by Routee (only a third-party SDK has it): sent only when it is more than 0, and Routee may ignore or refuse it',
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
]);
