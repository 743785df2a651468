import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { analyze } from './analyze.operation';
import { deleteCampaign } from './deleteCampaign.operation';
import { getCampaign } from './getCampaign.operation';
import { getCampaignTracking } from './getCampaignTracking.operation';
import { getMessageTracking } from './getMessageTracking.operation';
import { send } from './send.operation';
import { waitForDelivery } from './waitForDelivery.operation';
import { sendCampaign } from './sendCampaign.operation';
import { updateCampaign } from './updateCampaign.operation';

export const smsOperations = {
	sendCampaign,
	send,
	waitForDelivery,
	analyze,
	getCampaign,
	updateCampaign,
	deleteCampaign,
	getMessageTracking,
	getCampaignTracking,
};

export const smsDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['sms'] } },
		options: [
			{
				name: 'Analyze',
				value: 'analyze',
				description:
					'Dry run of a campaign: parts, unicode, unsupported characters, recipients and cost. Sends nothing.',
				action: 'Analyze an SMS campaign',
			},
			{
				name: 'Cancel Scheduled Campaign',
				value: 'deleteCampaign',
				description: 'Cancel an SMS campaign that is still scheduled',
				action: 'Cancel a scheduled SMS campaign',
			},
			{
				name: 'Get Campaign',
				value: 'getCampaign',
				description: 'Get the details and state of a campaign',
				action: 'Get a campaign',
			},
			{
				name: 'Get Campaign Tracking',
				value: 'getCampaignTracking',
				description: 'Get the status of every message of an SMS campaign',
				action: 'Get the tracking of an SMS campaign',
			},
			{
				name: 'Get Message Tracking',
				value: 'getMessageTracking',
				description: 'Get the status of one SMS',
				action: 'Get the tracking of an SMS',
			},
			{
				name: 'Send',
				value: 'send',
				description: 'Send one SMS to one number per input item',
				action: 'Send an SMS',
			},
			{
				name: 'Send and Wait for Delivery',
				value: 'waitForDelivery',
				description: 'Send one SMS and wait in this execution for its final delivery status',
				action: 'Send an SMS and wait for delivery',
			},
			{
				name: 'Send Campaign',
				value: 'sendCampaign',
				description: 'Send an SMS to many numbers, contacts and groups at once',
				action: 'Send an SMS campaign',
			},
			{
				name: 'Update Scheduled Campaign',
				value: 'updateCampaign',
				description: 'Change an SMS campaign that is still scheduled, or send it now',
				action: 'Update a scheduled SMS campaign',
			},
		],
		default: 'send',
	},
	...updateDisplayOptions(
		{ show: { resource: ['sms'], operation: ['sendCampaign'] } },
		sendCampaign.description,
	),
	...updateDisplayOptions({ show: { resource: ['sms'], operation: ['send'] } }, send.description),
	...updateDisplayOptions(
		{ show: { resource: ['sms'], operation: ['waitForDelivery'] } },
		waitForDelivery.description,
	),
	...updateDisplayOptions(
		{ show: { resource: ['sms'], operation: ['analyze'] } },
		analyze.description,
	),
	...updateDisplayOptions(
		{ show: { resource: ['sms'], operation: ['getCampaign'] } },
		getCampaign.description,
	),
	...updateDisplayOptions(
		{ show: { resource: ['sms'], operation: ['updateCampaign'] } },
		updateCampaign.description,
	),
	...updateDisplayOptions(
		{ show: { resource: ['sms'], operation: ['deleteCampaign'] } },
		deleteCampaign.description,
	),
	...updateDisplayOptions(
		{ show: { resource: ['sms'], operation: ['getMessageTracking'] } },
		getMessageTracking.description,
	),
	...updateDisplayOptions(
		{ show: { resource: ['sms'], operation: ['getCampaignTracking'] } },
		getCampaignTracking.description,
	),
];
