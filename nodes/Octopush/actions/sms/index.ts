import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { sendCampaign } from './sendCampaign.operation';
import { sendForApproval } from './sendForApproval.operation';

// Send for Approval has n8n's operation value `sendAndWait`: n8n then also offers the node as a Human review gate
export const smsOperations = { sendCampaign, sendAndWait: sendForApproval };

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
			{
				name: 'Send for Approval',
				value: 'sendAndWait',
				description:
					'Send one SMS with a link to a page where the person approves or declines, and wait for the answer (also the Human review gate of AI agent tools)',
				action: 'Send an SMS and wait for approval',
			},
		],
		default: 'sendCampaign',
	},
	...updateDisplayOptions(
		{ show: { resource: ['sms'], operation: ['sendCampaign'] } },
		sendCampaign.description,
	),
	...updateDisplayOptions(
		{ show: { resource: ['sms'], operation: ['sendAndWait'] } },
		sendForApproval.description,
	),
];
