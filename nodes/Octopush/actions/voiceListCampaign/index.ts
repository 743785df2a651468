import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { create } from './create.operation';
import { deleteCampaign } from './delete.operation';
import { getStatus } from './getStatus.operation';
import { send } from './send.operation';

export const voiceListCampaignOperations = { create, getStatus, send, delete: deleteCampaign };

export const voiceListCampaignDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['voiceListCampaign'] } },
		options: [
			{
				name: 'Cancel',
				value: 'delete',
				description: 'Cancel a campaign that was not sent, so that nobody is called',
				action: 'Cancel a voice list campaign',
			},
			{
				name: 'Create',
				value: 'create',
				description:
					'Create a voice SMS campaign on a contact list or tag; Octopush prepares it, then it waits for Send, or is sent at once with Wait Until Ready, Then Send (each call is billed)',
				action: 'Create a voice campaign on a contact list or tag',
			},
			{
				name: 'Get Status',
				value: 'getStatus',
				description:
					'Whether Octopush has prepared the campaign (under computation, ready to be sent, failed), with its number of contacts and cost (read only)',
				action: 'Get the status of a voice list campaign',
			},
			{
				name: 'Send',
				value: 'send',
				description:
					'Send a campaign that is ready to be sent: calls every contact of its list or tag, billed per call',
				action: 'Send a voice list campaign to its whole list at a cost per call',
			},
		],
		default: 'create',
	},
	...updateDisplayOptions(
		{ show: { resource: ['voiceListCampaign'], operation: ['create'] } },
		create.description,
	),
	...updateDisplayOptions(
		{ show: { resource: ['voiceListCampaign'], operation: ['getStatus'] } },
		getStatus.description,
	),
	...updateDisplayOptions(
		{ show: { resource: ['voiceListCampaign'], operation: ['send'] } },
		send.description,
	),
	...updateDisplayOptions(
		{ show: { resource: ['voiceListCampaign'], operation: ['delete'] } },
		deleteCampaign.description,
	),
];
