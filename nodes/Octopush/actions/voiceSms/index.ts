import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { cancel } from './cancel.operation';
import { sendCampaign } from './sendCampaign.operation';

export const voiceSmsOperations = { sendCampaign, cancel };

export const voiceSmsDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['voiceSms'] } },
		options: [
			{
				name: 'Cancel',
				value: 'cancel',
				description:
					'Cancel a scheduled voice SMS campaign (Octopush allows it for fewer than 3 recipients, more than 10 minutes ahead, 1000 times a month)',
				action: 'Cancel a voice SMS campaign',
			},
			{
				name: 'Send Campaign',
				value: 'sendCampaign',
				description:
					'Call any number of recipients and read them a message, billed per call (sent in frames of at most 500 recipients)',
				action: 'Send a voice SMS to many recipients at a cost per call',
			},
		],
		default: 'sendCampaign',
	},
	...updateDisplayOptions(
		{ show: { resource: ['voiceSms'], operation: ['sendCampaign'] } },
		sendCampaign.description,
	),
	...updateDisplayOptions(
		{ show: { resource: ['voiceSms'], operation: ['cancel'] } },
		cancel.description,
	),
];
