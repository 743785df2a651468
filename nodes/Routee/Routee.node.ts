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
import { blacklistDescription } from './actions/blacklist';
import { contactDescription } from './actions/contact';
import { contactLabelDescription } from './actions/contactLabel';
import { groupDescription } from './actions/group';
import { router } from './actions/router';
import { operationSubtitle } from '../shared/action/execute';
import { routeeLabels } from './transport/contract';
import { smsDescription } from './actions/sms';
import { voiceDescription } from './actions/voice';
import { searchContacts, searchGroups } from './methods/listSearch';
import { getGroups } from './methods/loadOptions';
import {
	approvalWaitWebhook,
	smsWaitWebhook,
	voiceWaitWebhook,
	waitWebhooks,
} from './helpers/wait';

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Account', value: 'account' },
			{ name: 'Contact', value: 'contact' },
			{ name: 'Contact Label', value: 'contactLabel' },
			{ name: 'Group', value: 'group' },
			{ name: 'Opt-Out (Blacklist)', value: 'blacklist' },
			{ name: 'SMS', value: 'sms' },
			{ name: 'Voice', value: 'voice' },
		],
		default: 'sms',
	},
	...smsDescription,
	...voiceDescription,
	...accountDescription,
	...contactDescription,
	...groupDescription,
	...blacklistDescription,
	...contactLabelDescription,
];

// the errors below the node name a field as its panel does
routeeLabels.register(properties);

export class Routee implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Routee',
		name: 'routee',
		icon: { light: 'file:../../icons/routee.svg', dark: 'file:../../icons/routee.dark.svg' },
		group: ['output'],
		// Version 2: Options → Max Parts per Message is at most 3 when not set (version 1: no limit), so that a long
		// SMS is never sent, and billed, in many parts without a word (see helpers/sms-parts.ts)
		// Version 3: Groups of the campaign operations is a pick list of the account's groups (versions 1 and 2: text)
		version: [1, 2, 3],
		defaultVersion: 3,
		// the chosen operation in words ("Call and wait for a key press"), as the Actions list names it
		subtitle: operationSubtitle(properties),
		description: 'Send SMS and voice campaigns and start voice calls with Routee',
		defaults: { name: 'Routee' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'routeeOAuth2Api', required: true }],
		// the resume webhook of the "and Wait" operations and Call for Approval (see ./helpers/wait.ts); it registers nothing anywhere
		webhooks: waitWebhooks,
		// a copy per instance, as each instance had its own array before
		properties: [...properties],
	};

	methods = { listSearch: { searchContacts, searchGroups }, loadOptions: { getGroups } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const resource = this.getNodeParameter('resource', 'sms') as string;
		if (resource !== 'voice') return smsWaitWebhook(this);
		// Call for Approval: operation value n8n's `sendAndWait` (the Human review gate keeps it, hidden)
		if (this.getNodeParameter('operation', '') === 'sendAndWait')
			return await approvalWaitWebhook(this);
		return await voiceWaitWebhook(this);
	}
}
