import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { sendCampaign } from './sendCampaign.operation';

export const smsOperations = { sendCampaign };

export const smsDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['sms'] } },
		options: [
			{
				name: 'Send Campaign',
				value: 'sendCampaign',
				description:
					'Send an SMS to any number of recipients, billed per SMS and recipient (sent in frames of at most 500 recipients)',
				action: 'Send an SMS to many recipients at a cost per recipient',
			},
		],
		default: 'sendCampaign',
	},
	...updateDisplayOptions(
		{ show: { resource: ['sms'], operation: ['sendCampaign'] } },
		sendCampaign.description,
	),
];
