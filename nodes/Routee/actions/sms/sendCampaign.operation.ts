import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { modeField } from '../../../shared/fields';
import type { Operation } from '../../../shared/action/router';
import { executeCampaign, smsCampaignOptions } from '../../helpers/campaign';
import { smsCampaignBody } from '../../transport/contract';
import { recipientFields } from '../../helpers/fields';
import { optionsOf, textOf } from '../../helpers/read';
import { smsBodyField, smsCampaignOptionsField, smsSenderField } from './fields';

const description: INodeProperties[] = [
	modeField,
	smsSenderField,
	...recipientFields(),
	{
		...smsBodyField,
		hint: "[~label] values come from the labels of the Routee contacts you send to; phone numbers get the 'Fallback Values' option",
	},
	smsCampaignOptionsField,
];

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
