import {
	NodeConnectionTypes,
	type IHookFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { voiceTracking, ROUTEE_CREDENTIAL } from '../Routee/transport';
import { eventsSubtitle, filterOptionsProperty } from '../shared/trigger/callback-event';
import { CALLBACK_WEBHOOKS, receiveCallback } from '../shared/trigger/callback-webhook';
import {
	callbackSecretTest,
	callerAuthenticationProperties,
	readCallerAuthSettings,
} from '../shared/trigger/webhook-auth';
import {
	normalizeRouteeCallback,
	ROUTEE_EVENTS,
	ROUTEE_EVENTS_V2,
	ROUTEE_STATUSES,
} from './normalize';

export class RouteeTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Routee Trigger',
		name: 'routeeTrigger',
		icon: { light: 'file:../../icons/routee.svg', dark: 'file:../../icons/routee.dark.svg' },
		group: ['trigger'],
		// Version 2 because n8n reads the request of a version-1 webhook node with an extra expression on every
		// call (measured: 0.87× the throughput of n8n's Webhook node v2). Version 1 was never published.
		// Version 3: an inbound SMS that starts with STOP is the STOP Opt-Out event (version 2: an Inbound SMS)
		version: [2, 3],
		defaultVersion: 3,
		subtitle: eventsSubtitle(ROUTEE_EVENTS),
		description:
			'Starts the workflow when Routee reports an SMS or call status, campaign progress, key presses or an inbound SMS',
		defaults: { name: 'Routee Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// only to read voice tracking (Fetch Key Presses); the callbacks themselves need no Routee account
		credentials: [
			{
				name: ROUTEE_CREDENTIAL,
				required: true,
				displayOptions: { show: { fetchVoiceDigits: [true] } },
			},
			{
				name: 'routeeOctopushCallbackSecretApi',
				required: true,
				displayOptions: { show: { callerAuthentication: ['queryToken'] } },
				testedBy: 'callbackSecretTest',
			},
		],
		webhooks: CALLBACK_WEBHOOKS,
		properties: [
			{
				displayName:
					"Paste this node's Production URL into a Routee node's 'Callback' or 'Campaign Callback' option, a COLLECT verb's 'Event URL', or a rented number's inbound SMS URL.",
				name: 'notice',
				type: 'notice',
				default: '',
			},
			...[
				{ options: ROUTEE_EVENTS_V2, versions: [2], stop: [] },
				{ options: ROUTEE_EVENTS, versions: [{ _cnd: { gte: 3 } }], stop: ['stop'] },
			].map(({ options, versions, stop }): INodeProperties => ({
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options,
				default: [
					'campaignProgress',
					'conversationStatus',
					'dtmf',
					'inboundSms',
					'smsStatus',
					...stop,
					'voiceStatus',
				],
				description: 'Which callbacks start the workflow',
				displayOptions: { show: { '@version': versions } },
			})),
			{
				displayName: 'Fetch Key Presses of Voice Campaign Calls',
				name: 'fetchVoiceDigits',
				type: 'boolean',
				default: false,
				description:
					"Whether to read the keys pressed during a voice campaign call (the Send Campaign option 'Collect Key Presses') from Routee's voice tracking when the call's final status arrives, and output them as digits. Routee's voice callback does not carry them. One request to Routee per final call status, with a Routee credential; Routee's callback is answered after it.",
			},
			...callerAuthenticationProperties,
			filterOptionsProperty(ROUTEE_STATUSES),
		],
	};

	methods = { credentialTest: { callbackSecretTest } };

	// Routee has no account-level callback registry: each request carries its own callback URLs (set on the
	// Routee node), so there is nothing to look up, register or remove here.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				// a workflow saved with the old caller-authentication parameters or without its secret
				// credential fails to activate with what to change
				await readCallerAuthSettings(this);
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
		const fetchDigits = this.getNodeParameter('fetchVoiceDigits', false) === true;
		return await receiveCallback(this, {
			acceptForm: false,
			normalize: (payload, receivedAtMs) =>
				normalizeRouteeCallback(payload, receivedAtMs, this.getNode().typeVersion),
			events: ROUTEE_EVENTS,
			callerAuthSettings: readCallerAuthSettings,
			// the tracking request comes before n8n records the execution and answers Routee
			complete: async (context, item) =>
				fetchDigits ? [await withTrackedDigits(context, item)] : [item],
		});
	}
}

/**
 * The keys pressed during a voice campaign call are only in its voice tracking (`collectedTones`,
 * https://docs.routee.net/reference/voicemessagetracking), not in the callback
 * (https://docs.routee.net/docs/voice-callbacks): read them once the call's status is final. When Routee
 * cannot be asked, the event still starts the workflow, with `digitsError` saying why `digits` is null.
 */
async function withTrackedDigits(
	context: IWebhookFunctions,
	item: INodeExecutionData,
): Promise<INodeExecutionData> {
	const event = item.json;
	if (
		event.kind !== 'voiceStatus' ||
		event.isFinal !== true ||
		event.digits !== null ||
		typeof event.messageId !== 'string'
	) {
		return item;
	}
	try {
		const tracking = await voiceTracking(context, encodeURIComponent(event.messageId), 0);
		return { ...item, json: { ...event, digits: tracking.digits } };
	} catch (error) {
		const { raw, ...fields } = event;
		const reason = [
			(error as Error).message,
			(error as { description?: unknown }).description,
		].filter((part) => typeof part === 'string' && part !== '');
		return { ...item, json: { ...fields, digitsError: reason.join(' — '), raw } };
	}
}
