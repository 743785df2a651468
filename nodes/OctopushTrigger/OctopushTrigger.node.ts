import type {
	IHookFunctions,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { eventsSubtitle, filterOptionsProperty } from '../shared/trigger/callback-event';
import { CALLBACK_WEBHOOKS, receiveCallback } from '../shared/trigger/callback-webhook';
import {
	callbackSecretTest,
	callerAuthenticationProperties,
	callerAuthenticationWithGenerated,
} from '../shared/trigger/webhook-auth';
import {
	normalizeOctopushCallback,
	OCTOPUSH_EVENTS,
	OCTOPUSH_EVENTS_V3,
	OCTOPUSH_STATUSES,
} from './normalize';
import { checkRegistration, octopushCallerAuth, register, unregister } from './registration';

export class OctopushTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Octopush Trigger',
		name: 'octopushTrigger',
		icon: { light: 'file:../../icons/octopush.svg', dark: 'file:../../icons/octopush.dark.svg' },
		group: ['trigger'],
		// Version 2 because n8n reads the request of a version-1 webhook node with an extra expression on every
		// call (measured: 0.87× the throughput of n8n's Webhook node v2). Version 1 was never published.
		// Version 3: with Automatic registration the registered URL carries a generated secret by default
		// (Caller Authentication 'Generated Secret in URL'); a version-2 node keeps 'None' as its default.
		// Version 4: a delivery report's event follows its channel (SMS, Voice, RCS, WhatsApp, Facebook, Instagram,
		// E-Mail, Other Channel) and DELIVERED is final only where nothing is documented to follow it (SMS, voice);
		// versions 2 and 3 keep SMS Delivery Report for every report that is not voice (issue 22, N10 and N12).
		version: [2, 3, 4],
		defaultVersion: 4,
		subtitle: eventsSubtitle(OCTOPUSH_EVENTS),
		description:
			'Starts the workflow when Octopush reports a delivery (with pressed keys for voice), a reply or a STOP',
		defaults: { name: 'Octopush Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'octopushApi',
				required: true,
				displayOptions: { show: { registration: ['automatic'] } },
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
					"Octopush has one callback URL per kind (delivery reports, inbound SMS, STOP) for the whole account. With Automatic registration, activating this workflow points the chosen events here and deactivating puts the previous URLs back; 'Test this trigger' only uses events that have no URL yet.",
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Registration',
				name: 'registration',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Automatic (API)',
						value: 'automatic',
						description:
							'On activation, set this URL in the Octopush account for the chosen events (previous URLs are restored on deactivation)',
					},
					{
						name: 'Manual',
						value: 'manual',
						description:
							"Paste this node's URL into the Callbacks page of your Octopush account yourself",
					},
				],
				default: 'automatic',
			},
			{
				displayName:
					"In your Octopush account, open the Callbacks page and paste this node's Production URL as the URL of each chosen event (with Secret Token in URL, add ?token=YOUR_SECRET to it).",
				name: 'manualNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { registration: ['manual'] } },
			},
			...[
				{ options: OCTOPUSH_EVENTS_V3, versions: [2, 3] },
				{ options: OCTOPUSH_EVENTS, versions: [{ _cnd: { gte: 4 } }] },
			].map(({ options, versions }): INodeProperties => ({
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options,
				default: ['smsDelivery', 'voiceDelivery'],
				description:
					'Which callbacks start the workflow (and, with Automatic registration, which account URLs are set). Each event carries the campaign ticket as ticket_number, the name the Octopush node outputs it under (also in messageId and campaignId).',
				displayOptions: { show: { '@version': versions } },
			})),
			// version 2: the hint to add ?token= only where the user pastes the URL (Manual registration)
			...callerAuthenticationProperties.map((property) => ({
				...property,
				displayOptions: { show: { '@version': [2], registration: ['manual'] } },
			})),
			...callerAuthenticationProperties.map((property) => ({
				...property,
				// nothing to paste: the trigger registers the URL itself
				hint: undefined,
				displayOptions: { show: { '@version': [2], registration: ['automatic'] } },
			})),
			...callerAuthenticationWithGenerated(
				{ '@version': [{ _cnd: { gte: 3 } }], registration: ['automatic'] },
				{ '@version': [{ _cnd: { gte: 3 } }], registration: ['manual'] },
			),
			filterOptionsProperty(OCTOPUSH_STATUSES, [
				{
					displayName: 'Time Zone of Callback Dates',
					name: 'callbackTimeZone',
					type: 'string',
					default: 'UTC',
					placeholder: 'e.g. Europe/Paris',
					description:
						'Octopush dates (e.g. 2024-05-01 14:03:00) carry no offset: the IANA time zone they are in, used to write the event time with its offset',
				},
			]),
		],
	};

	methods = { credentialTest: { callbackSecretTest } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				// also with Manual registration: a workflow saved with the old caller-authentication parameters
				// or without its secret credential fails to activate with what to change
				await octopushCallerAuth(this);
				return await checkRegistration(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await register(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await unregister(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveCallback(this, {
			acceptForm: true,
			normalize: (payload, receivedAtMs, options) =>
				normalizeOctopushCallback(payload, receivedAtMs, options, this.getNode().typeVersion),
			events: OCTOPUSH_EVENTS,
			callerAuthSettings: octopushCallerAuth,
			complete: async (_context, item) => [item],
		});
	}
}
