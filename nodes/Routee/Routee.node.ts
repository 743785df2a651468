import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { accountDescription } from './actions/account';
import { router } from './actions/router';
import { smsDescription } from './actions/sms';
import { voiceDescription } from './actions/voice';
import { smsWaitWebhook, voiceWaitWebhook, waitWebhooks } from './helpers/wait';

export class Routee implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Routee',
		name: 'routee',
		icon: { light: 'file:../../icons/routee.svg', dark: 'file:../../icons/routee.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Send SMS and voice campaigns and start voice calls with Routee',
		defaults: { name: 'Routee' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'routeeOAuth2Api', required: true }],
		// the resume webhook of the "and Wait" operations (see ./helpers/wait.ts); it registers nothing anywhere
		webhooks: waitWebhooks,
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Account', value: 'account' },
					{ name: 'SMS', value: 'sms' },
					{ name: 'Voice', value: 'voice' },
				],
				default: 'sms',
			},
			...smsDescription,
			...voiceDescription,
			...accountDescription,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const resource = this.getNodeParameter('resource', 'sms') as string;
		if (resource === 'voice') return await voiceWaitWebhook(this);
		return smsWaitWebhook(this);
	}
}
