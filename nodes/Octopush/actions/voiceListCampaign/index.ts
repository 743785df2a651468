import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/action/router';
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
				description: 'Cancel a campaign that was not sent',
				action: 'Cancel a voice list campaign',
			},
			{
				name: 'Create',
				value: 'create',
				description:
					'Create a voice SMS campaign on a contact list or tag; Octopush prepares it, then it waits for Send',
				action: 'Create a voice list campaign',
			},
			{
				name: 'Get Status',
				value: 'getStatus',
				description:
					'Whether Octopush has prepared the campaign (under computation, ready to be sent, failed)',
				action: 'Get the status of a voice list campaign',
			},
			{
				name: 'Send',
				value: 'send',
				description: 'Send a campaign that is ready to be sent',
				action: 'Send a voice list campaign',
			},
		],
		default: 'create',
	},
	...showFor('voiceListCampaign', 'create', create.description),
	...showFor('voiceListCampaign', 'getStatus', getStatus.description),
	...showFor('voiceListCampaign', 'send', send.description),
	...showFor('voiceListCampaign', 'delete', deleteCampaign.description),
];
