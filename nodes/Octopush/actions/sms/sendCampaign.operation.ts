import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { modeField } from '../../../shared/fields';
import type { Operation } from '../../../shared/action/execute';
import { toolMaxRecipientsField } from '../../../shared/action/tool-limit';
import { executeFramedSend, type FramedSend } from '../../helpers/frames';
import {
	autoRemoveBlacklistedOption,
	optionsField,
	recipientFields,
	senderField,
	textField,
	readCommonFields,
} from '../../helpers/fields';
import { smsCampaignSendBody } from '../../transport/contract';

const description: INodeProperties[] = [
	modeField,
	senderField,
	...recipientFields(),
	toolMaxRecipientsField,
	textField,
	{
		displayName: 'SMS Type',
		name: 'smsType',
		type: 'options',
		options: [
			{ name: 'Low Cost', value: 'sms_low_cost', description: 'Cheaper, slower, no replies' },
			{
				name: 'Premium',
				value: 'sms_premium',
				description: 'Fast delivery, custom sender and replies possible',
			},
		],
		default: 'sms_premium',
	},
	optionsField(
		[
			autoRemoveBlacklistedOption,
			{
				// https://dev.octopush.com/en/sms-gateway-api-documentation/scheduled-sms-sending
				displayName: 'Auto Optimize Text',
				name: 'autoOptimizeText',
				type: 'boolean',
				default: true,
				description:
					'Whether Octopush optimizes the text (e.g. replaces unicode characters and removes useless spaces, so fewer SMS are needed). Turn off to send the text exactly as written.',
			},
			{
				displayName: 'With Replies',
				name: 'withReplies',
				type: 'boolean',
				default: false,
				description:
					'Whether recipients can reply (premium SMS; replies arrive as inbound callbacks, see the Octopush Trigger)',
			},
		],
		true,
	),
];

/** POST /sms-campaign/send (https://dev.octopush.com/en/sms-gateway-api-documentation/scheduled-sms-sending): an SMS to each recipient, in frames of at most 500. */
const send: FramedSend = {
	path: '/sms-campaign/send',
	schema: smsCampaignSendBody,
	totals: ['number_of_contacts', 'total_cost', 'number_of_sms_needed'],
	readBody(context, itemIndex) {
		const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const body: IDataObject = {
			text: context.getNodeParameter('text', itemIndex, '') as string,
			type: context.getNodeParameter('smsType', itemIndex) as string,
			...readCommonFields(context, itemIndex),
		};
		if (options.withReplies !== undefined) body.with_replies = options.withReplies;
		if (options.autoRemoveBlacklistedNumbers !== undefined) {
			body.auto_remove_blacklisted_numbers = options.autoRemoveBlacklistedNumbers;
		}
		if (options.autoOptimizeText !== undefined) body.auto_optimize_text = options.autoOptimizeText;
		return body;
	},
};

export const sendCampaign: Operation = {
	description,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeFramedSend(this, items, send);
	},
};
