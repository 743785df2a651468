// What the sandbox must receive when each example workflow in examples/ runs in real n8n, and what
// the provider node must output. Every example that starts with a Manual Trigger needs an entry
// here (the suite fails for an example without one); the values come from the example's own
// parameters, so a node that sends a wrong field name, path or value fails the suite.

import type { RecordedRequest } from '../sandbox';

export interface ExpectedRequest {
	provider: 'routee' | 'octopush';
	method: string;
	path: string;
	/** Key body fields, compared with toMatchObject (arrays compare element by element). */
	body?: Record<string, unknown>;
	/** Polling requests (status checks) may repeat: one or more in a row. */
	repeats?: boolean;
}

export interface ExampleExpectation {
	/** Name of the node whose output is checked. */
	node: string;
	requests: ExpectedRequest[];
	/** Checks the node's output items (provider response fields, unchanged in name). */
	output: (items: Array<{ json: Record<string, any>; pairedItem?: unknown }>, received: RecordedRequest[]) => void;
}

const octopushTicket = (items: Array<{ json: Record<string, any> }>, count = 1) => {
	expect(items).toHaveLength(count);
	for (const item of items) expect(item.json.ticket_number).toEqual(expect.any(String));
};

export const EXAMPLE_EXPECTATIONS: Record<string, ExampleExpectation> = {
	'octopush-sms-campaign.json': {
		node: 'Octopush',
		requests: [
			{
				provider: 'octopush',
				method: 'POST',
				path: '/sms-campaign/send',
				body: {
					text: 'Hi {first_name}, our spring sale starts today: -20% with code {param1}. STOP au 30101',
					type: 'sms_premium',
					sender: 'MyShop',
					purpose: 'wholesale',
					with_replies: false,
					recipients: [
						{ phone_number: '+33612345678', first_name: 'Alice', param1: 'SPRING20' },
						{ phone_number: '+447700900123', first_name: 'Ben', param1: 'SPRING20' },
					],
				},
			},
		],
		output: (items) => {
			octopushTicket(items);
			expect(items[0].json.number_of_contacts).toBe(2);
		},
	},
	'octopush-voice-sms-campaign.json': {
		node: 'Octopush',
		requests: [
			{
				provider: 'octopush',
				method: 'POST',
				path: '/voice-campaign/send',
				body: {
					text: 'Hello {first_name}, this is a reminder of your appointment tomorrow at {param1}. Press 1 to confirm, 2 to cancel.',
					sender: 'MyClinic',
					voice_language: 'fr-FR',
					voice_gender: 'female',
					purpose: 'alert',
					get_back_pressed_keys: true,
					// "06 98 76 54 32" with Default Country FR becomes E.164.
					recipients: [
						{ phone_number: '+33612345678', first_name: 'Alice', param1: '9:30' },
						{ phone_number: '+33698765432', first_name: 'Bruno', param1: '11:00' },
					],
				},
			},
		],
		output: (items, received) => {
			octopushTicket(items);
			expect(items[0].json.number_of_contacts).toBe(2);
			expect((received[0].body as Record<string, unknown>).request_id).toEqual(expect.any(String));
		},
	},
	'octopush-voice-list-campaign.json': {
		node: 'Octopush',
		requests: [
			{
				provider: 'octopush',
				method: 'POST',
				path: '/voice-campaign-on-list/create',
				body: {
					list_name: 'sandbox-list',
					text: 'Hello, the shop closes early today, at 4 pm. Thank you.',
					voice_language: 'en-GB',
					voice_gender: 'male',
					purpose: 'alert',
					recipients: [{ phone_number: '+442038828112', first_name: 'Alex' }],
				},
			},
			{ provider: 'octopush', method: 'GET', path: '/voice-campaign-on-list/status', repeats: true },
			{ provider: 'octopush', method: 'POST', path: '/voice-campaign-on-list/send' },
		],
		output: (items, received) => {
			octopushTicket(items);
			const send = received[received.length - 1];
			expect(send.body).toEqual({ ticket_number: items[0].json.ticket_number });
		},
	},
	'routee-sms-campaign.json': {
		node: 'Routee',
		requests: [
			{
				provider: 'routee',
				method: 'POST',
				path: '/sms/campaign',
				body: {
					from: 'MyShop',
					body: 'Hi [~firstName], our spring sale starts today: -20% with code SPRING20.',
					to: ['+306948530920', '+306948530921'],
					respectQuietHours: true,
					fallbackValues: { firstName: 'there' },
					ttl: 1440,
				},
			},
		],
		output: (items, received) => {
			// The campaign name is an expression ({{ $now.toFormat(...) }}) evaluated by n8n.
			expect((received[0].body as Record<string, unknown>).campaignName).toMatch(/^Spring sale \d{8} \d{6}$/);
			expect(items).toHaveLength(1);
			expect(items[0].json).toMatchObject({ trackingId: expect.any(String), state: 'Queued', to: ['+306948530920', '+306948530921'] });
		},
	},
	'routee-sms-send.json': {
		node: 'Routee',
		requests: [
			{
				provider: 'routee',
				method: 'POST',
				path: '/sms',
				body: { from: 'MyShop', to: '+306948530922', body: 'Your verification code is 482913. It expires in 10 minutes.', label: 'otp', ttl: 10 },
			},
		],
		output: (items) => {
			expect(items).toHaveLength(1);
			expect(items[0].json).toMatchObject({ trackingId: expect.any(String), status: 'Queued', to: '+306948530922', label: 'otp' });
		},
	},
	'routee-voice-campaign.json': {
		node: 'Routee',
		requests: [
			{
				provider: 'routee',
				method: 'POST',
				path: '/voice/campaign',
				body: {
					from: '+306948530900',
					to: ['+306948530923', '+306948530924'],
					message: { text: 'Hello, this is a reminder of your appointment tomorrow at 10 am. Press 1 to confirm.', language: 'en-GB', gender: 'female' },
					respectQuietHours: true,
					hangupDelay: 30,
					collectDtmfDigits: true,
					collectDtmfAwaitSeconds: 5,
				},
			},
		],
		output: (items) => {
			expect(items).toHaveLength(1);
			expect(items[0].json).toMatchObject({ trackingId: expect.any(String), type: 'Voice', state: 'Queued' });
		},
	},
	'routee-voice-conversation.json': {
		node: 'Routee',
		requests: [
			{
				provider: 'routee',
				method: 'POST',
				path: '/voice/conversation',
				body: {
					from: '+306948530900',
					to: { phone: '+306948530925' },
					dialPlan: {
						verbs: [
							{
								type: 'SAY',
								message: { text: 'Hello, your order is ready. Press 1 to confirm the delivery tomorrow, or 2 to choose another day.', language: 'en-GB', gender: 'female' },
								repeat: 0,
								bargeIn: true,
							},
							{ type: 'COLLECT', eventUrl: 'http://localhost:5678/webhook/routee-keys', maxDigits: 1, submitOnHash: false },
							{ type: 'SAY', message: { text: 'Thank you, goodbye.', language: 'en-GB', gender: 'female' }, repeat: 0, bargeIn: false },
						],
					},
					hangupDelay: 30,
					maxDuration: 120,
					machineDetection: { strategy: 'Hangup' },
				},
			},
		],
		output: (items) => {
			expect(items).toHaveLength(1);
			expect(items[0].json).toMatchObject({ trackingId: expect.any(String), to: { phone: '+306948530925' } });
		},
	},
};
