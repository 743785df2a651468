// What the sandbox must receive when each example workflow in examples/ runs in real n8n, and what
// the provider node must output. Every example that starts with a Manual Trigger needs an entry
// here (the suite fails for an example without one); the values come from the example's own
// parameters, so a node that sends a wrong field name, path or value fails the suite.

import { ROUTEE_EXAMPLE_EXPECTATIONS } from '../routee/example-expectations';
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
	output: (
		items: Array<{ json: Record<string, any>; pairedItem?: unknown }>,
		received: RecordedRequest[],
	) => void;
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
			{
				provider: 'octopush',
				method: 'GET',
				path: '/voice-campaign-on-list/status',
				repeats: true,
			},
			{ provider: 'octopush', method: 'POST', path: '/voice-campaign-on-list/send' },
		],
		output: (items, received) => {
			octopushTicket(items);
			const send = received[received.length - 1];
			expect(send.body).toEqual({ ticket_number: items[0].json.ticket_number });
		},
	},
	// The Routee examples' expectations are shared with the harness suite (test/routee/examples.test.ts).
	...ROUTEE_EXAMPLE_EXPECTATIONS,
};
