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
				action: 'Analyze the cost of an SMS campaign without sending it',
			},
			{
				name: 'Cancel Scheduled Campaign',
				value: 'deleteCampaign',
				description: 'Cancel an SMS campaign that is still scheduled, so that none of it is sent',
				action: 'Cancel a scheduled SMS campaign',
			},
			{
				name: 'Get Campaign',
				value: 'getCampaign',
				description: 'Get the details and state of a campaign (read only, sends nothing)',
				action: 'Get the details and state of an SMS campaign',
			},
			{
				name: 'Get Campaign Tracking',
				value: 'getCampaignTracking',
				description: 'Get the delivery status of every message of an SMS campaign (read only)',
				action: 'Get the tracking of an SMS campaign',
			},
			{
				name: 'Get Message Tracking',
				value: 'getMessageTracking',
				description: 'Get the delivery status of one SMS (read only)',
				action: 'Get the delivery status of an SMS',
			},
			{
				name: 'Send',
				value: 'send',
				description: 'Send one SMS to one phone number per input item, billed per SMS part',
				action: 'Send an SMS to one phone number at a cost per part',
			},
			{
				name: 'Send and Wait for Delivery',
				value: 'waitForDelivery',
				description:
					'Send one SMS (billed per part) and wait in this execution for its final delivery status',
				action: 'Send an SMS at a cost per part and wait for delivery',
			},
			{
				name: 'Send Campaign',
				value: 'sendCampaign',
				description:
					'Send one SMS to many numbers, contacts and groups at once, billed per part and recipient',
				action: 'Send an SMS to many recipients at a cost per recipient',
			},
			{
				name: 'Update Scheduled Campaign',
				value: 'updateCampaign',
				description:
					'Change an SMS campaign that is still scheduled, or send it now to all its recipients',
				action: 'Update a scheduled SMS campaign or send it now',
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
