import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { modeField, optionsCollection } from '../../../shared/fields';
import type { Operation } from '../../../shared/action/execute';
import { toolMaxRecipientsField } from '../../../shared/action/tool-limit';
import { executeCampaign, smsCampaignOptions } from '../../helpers/campaign';
import { smsCampaignBody } from '../../transport/contract';
import { recipientFields, optionsOf, textOf } from '../../helpers/fields';
import { checkSmsParts, maxPartsOption, partsHint, type SmsSize } from '../../helpers/sms-parts';
import { smsBodyField, smsCampaignOptionsField, smsSenderField } from './fields';

const description: INodeProperties[] = [
	modeField,
	smsSenderField,
	...recipientFields(),
	toolMaxRecipientsField,
	{
		...smsBodyField,
		hint: "[~label] values come from the labels of the Routee contacts you send to; phone numbers get the 'Fallback Values' option",
	},
	// Max Parts per Message only here: Update Scheduled Campaign shares the other options
	optionsCollection([
		...((smsCampaignOptionsField.options ?? []) as INodeProperties[]),
		maxPartsOption,
	]),
];

/** POST /sms/campaign (https://docs.routee.net/reference/send-bulk-messages): one SMS to many recipients, contacts and groups. */
export const sendCampaign: Operation = {
	description,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		const sizes: Array<{ itemIndex: number; size: SmsSize }> = [];
		const output = await executeCampaign(this, items, {
			path: '/sms/campaign',
			schema: smsCampaignBody,
			sends: true,
			readBody: (context, itemIndex) => {
				const options = optionsOf(context, itemIndex);
				const body = textOf(context, itemIndex, 'body', false);
				sizes.push({
					itemIndex,
					size: checkSmsParts(context, itemIndex, String(body ?? ''), options),
				});
				return {
					from: textOf(context, itemIndex, 'from'),
					body,
					...smsCampaignOptions(context, itemIndex, options),
				};
			},
		});
		const hint = partsHint(sizes);
		if (hint !== undefined) this.addExecutionHints({ message: hint, location: 'outputPane' });
		return output;
	},
};
