import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { accountDescription } from './actions/account';
import { approvalWebhook, approvalWebhooks } from './helpers/approval';
import { contactDescription } from './actions/contact';
import { contactListDescription } from './actions/contactList';
import { router } from './actions/router';
import { operationSubtitle } from '../shared/action/execute';
import { octopushLabels } from './transport/contract';
import { smsDescription } from './actions/sms';
import { voiceListCampaignDescription } from './actions/voiceListCampaign';
import { voiceSmsDescription } from './actions/voiceSms';

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Account', value: 'account' },
			{ name: 'Contact', value: 'contact' },
			{ name: 'Contact List', value: 'contactList' },
			{ name: 'SMS', value: 'sms' },
			{ name: 'Voice List Campaign', value: 'voiceListCampaign' },
			{ name: 'Voice SMS (VMS)', value: 'voiceSms' },
		],
		default: 'voiceSms',
	},
	...voiceSmsDescription,
	...voiceListCampaignDescription,
	...smsDescription,
	...accountDescription,
	...contactDescription,
	...contactListDescription,
];

// the errors below the node name a field as its panel does
octopushLabels.register(properties);

export class Octopush implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Octopush',
		name: 'octopush',
		icon: { light: 'file:../../icons/octopush.svg', dark: 'file:../../icons/octopush.dark.svg' },
		group: ['output'],
		// Version 2: a recipient without a value for a placeholder the text uses is sent by default, as Octopush
		// documents these fields (optional); a version-1 node keeps stopping the campaign on one
		// (Options → Recipients Missing a Placeholder Value, helpers/placeholders.ts).
		// Version 3: Options → Frames in Parallel is 4 when not set (versions 1 and 2: 1), the figure the network bench
		// chose (transport/contract.ts FRAMES_IN_PARALLEL_FROM_V3)
		version: [1, 2, 3],
		defaultVersion: 3,
		// the chosen operation in words ("Call and wait for a key press"), as the Actions list names it
		subtitle: operationSubtitle(properties),
		description: 'Send voice SMS and SMS campaigns with Octopush',
		defaults: { name: 'Octopush' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'octopushApi', required: true }],
		// the approval page of SMS → Send for Approval (see ./helpers/approval.ts); it registers nothing anywhere
		webhooks: approvalWebhooks,
		// a copy per instance, as each instance had its own array before
		properties: [...properties],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return approvalWebhook(this);
	}
}
