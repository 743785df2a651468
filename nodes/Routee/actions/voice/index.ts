import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { callAndWait } from './callAndWait.operation';
import { callForApproval } from './callForApproval.operation';
import { deleteCampaign } from './deleteCampaign.operation';
import { getCampaignTracking } from './getCampaignTracking.operation';
import { getCampaign } from './getCampaign.operation';
import { getConversation } from './getConversation.operation';
import { getMessageTracking } from './getMessageTracking.operation';
import { hangUp } from './hangUp.operation';
import { sendCampaign } from './sendCampaign.operation';
import { startConversation } from './startConversation.operation';

export const voiceOperations = {
	sendCampaign,
	callAndWait,
	// n8n's SEND_AND_WAIT_OPERATION: n8n also offers the node as a Human review gate for AI agent tools
	sendAndWait: callForApproval,
	startConversation,
	getCampaign,
	getMessageTracking,
	getCampaignTracking,
	getConversation,
	hangUp,
	deleteCampaign,
};

export const voiceDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['voice'] } },
		options: [
			{
				name: 'Call and Wait for Key Press',
				value: 'callAndWait',
				description:
					'Call one number (billed per call), say a prompt, and wait in this execution for the keys pressed or the call outcome',
				action: 'Call and wait for a key press at a cost per call',
			},
			{
				name: 'Call for Approval',
				value: 'sendAndWait',
				description:
					'Call one number (billed per call), say a message, and wait in this execution until the person presses 1 to approve or 2 to decline',
				action: 'Call and ask for approval',
			},
			{
				name: 'Cancel Scheduled Campaign',
				value: 'deleteCampaign',
				description:
					'Cancel a voice campaign that is still scheduled, so that none of it is called',
				action: 'Cancel a scheduled voice campaign',
			},
			{
				name: 'Get Campaign',
				value: 'getCampaign',
				description: 'Get the details and state of a campaign (read only, calls nobody)',
				action: 'Get the details and state of a voice campaign',
			},
			{
				name: 'Get Campaign Tracking',
				value: 'getCampaignTracking',
				description: 'Get the status of every call of a voice campaign (read only)',
				action: 'Get the tracking of a voice campaign',
			},
			{
				name: 'Get Conversation',
				value: 'getConversation',
				description: 'Get a voice conversation as it was started (read only)',
				action: 'Get a voice conversation',
			},
			{
				name: 'Get Message Tracking',
				value: 'getMessageTracking',
				description: 'Get the status of one call and the keys pressed during it (read only)',
				action: 'Get the status of a call and the keys pressed',
			},
			{
				name: 'Hang Up / Reject Call',
				value: 'hangUp',
				description: 'End a conversation call in progress, or refuse it while it rings',
				action: 'Hang up or reject a call',
			},
			{
				name: 'Send Campaign',
				value: 'sendCampaign',
				description:
					'Call many recipients at once and read them a text or play a WAV file, billed per call',
				action: 'Send a voice campaign to many recipients at a cost per call',
			},
			{
				name: 'Start Conversation',
				value: 'startConversation',
				description:
					'Call one number per input item (billed per call) and run a dial plan (say, play, dial, collect keys)',
				action: 'Start a voice call with a dial plan at a cost per call',
			},
		],
		default: 'sendCampaign',
	},
	...updateDisplayOptions(
		{ show: { resource: ['voice'], operation: ['sendCampaign'] } },
		sendCampaign.description,
	),
	...updateDisplayOptions(
		{ show: { resource: ['voice'], operation: ['startConversation'] } },
		startConversation.description,
	),
	...updateDisplayOptions(
		{ show: { resource: ['voice'], operation: ['callAndWait'] } },
		callAndWait.description,
	),
	...updateDisplayOptions(
		{ show: { resource: ['voice'], operation: ['sendAndWait'] } },
		callForApproval.description,
	),
	...updateDisplayOptions(
		{ show: { resource: ['voice'], operation: ['getCampaign'] } },
		getCampaign.description,
	),
	...updateDisplayOptions(
		{ show: { resource: ['voice'], operation: ['getMessageTracking'] } },
		getMessageTracking.description,
	),
	...updateDisplayOptions(
		{ show: { resource: ['voice'], operation: ['getCampaignTracking'] } },
		getCampaignTracking.description,
	),
	...updateDisplayOptions(
		{ show: { resource: ['voice'], operation: ['getConversation'] } },
		getConversation.description,
	),
	...updateDisplayOptions(
		{ show: { resource: ['voice'], operation: ['hangUp'] } },
		hangUp.description,
	),
	...updateDisplayOptions(
		{ show: { resource: ['voice'], operation: ['deleteCampaign'] } },
		deleteCampaign.description,
	),
];
