import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, showFor } from '../../../shared/action/router';
import { sendCampaign } from './sendCampaign.operation';

export const smsOperations = { sendCampaign };

export const smsDescription: INodeProperties[] = [
	operationSelector(
		'sms',
		[
			{
				name: 'Send Campaign',
				value: 'sendCampaign',
				description:
					'Send an SMS to any number of recipients (sent in frames of at most 500 recipients)',
				action: 'Send an SMS campaign',
			},
		],
		'sendCampaign',
	),
	...showFor('sms', 'sendCampaign', sendCampaign.description),
];
