import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { modeField, optionsCollection } from '../../../shared/fields';
import type { Operation } from '../../../shared/action/execute';
import { executeCampaign } from '../../helpers/campaign';
import { smsAnalyzeBody } from '../../transport/contract';
import { defaultCountryOption, recipientFields, textOf } from '../../helpers/fields';
import { smsBodyField, smsSenderField } from './fields';

const description: INodeProperties[] = [
	{
		...modeField,
		options: [
			{
				name: 'One Campaign for All Input Items',
				value: 'allItems',
				description: 'Each input item is one recipient of a single campaign to analyze',
			},
			{
				name: 'One Request per Input Item',
				value: 'perItem',
				description: 'Each input item is a campaign with its own recipients',
			},
		],
	},
	smsSenderField,
	smsBodyField,
	...recipientFields(),
	optionsCollection([defaultCountryOption]),
];

/**
 * POST /sms/analyze/campaign: a dry run. Routee answers the parts, encoding (unicode), unsupported GSM
 * characters, recipients per country and the cost of the campaign, and sends nothing.
 */
export const analyze: Operation = {
	description,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeCampaign(this, items, {
			path: '/sms/analyze/campaign',
			schema: smsAnalyzeBody,
			sends: false,
			readBody: (context, itemIndex) => ({
				from: textOf(context, itemIndex, 'from'),
				body: textOf(context, itemIndex, 'body', false),
			}),
		});
	},
};
