// What the sandbox must receive when each Routee example workflow runs, and what the node must output.
// The same shape as test/e2e/example-expectations.ts, so the real-n8n suite can use these entries too.

import type { ExampleExpectation } from '../e2e/example-expectations';

export const ROUTEE_EXAMPLE_EXPECTATIONS: Record<string, ExampleExpectation> = {
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
					campaignName: expect.stringMatching(/^Spring sale \d{8} \d{6}$/),
					fallbackValues: { firstName: 'there' },
					ttl: 1440,
					respectQuietHours: true,
				},
			},
		],
		output: (items) => {
			expect(items).toHaveLength(1);
			expect(items[0].json).toMatchObject({
				trackingId: expect.any(String),
				type: 'Sms',
				to: ['+306948530920', '+306948530921'],
			});
		},
	},
	'routee-sms-send.json': {
		node: 'Routee',
		requests: [
			{
				provider: 'routee',
				method: 'POST',
				path: '/sms',
				body: {
					from: 'MyShop',
					to: '+306948530922',
					body: 'Your verification code is 482913. It expires in 10 minutes.',
					label: 'otp',
					ttl: 10,
				},
			},
		],
		output: (items) => {
			expect(items).toHaveLength(1);
			expect(items[0].json).toMatchObject({
				trackingId: expect.any(String),
				to: '+306948530922',
				label: 'otp',
			});
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
					message: {
						text: 'Hello, this is a reminder of your appointment tomorrow at 10 am. Press 1 to confirm.',
						language: 'en-GB',
						gender: 'female',
					},
					to: ['+306948530923', '+306948530924'],
					respectQuietHours: true,
					collectDtmfDigits: true,
					collectDtmfAwaitSeconds: 5,
					hangupDelay: 30,
				},
			},
		],
		output: (items) => {
			expect(items).toHaveLength(1);
			expect(items[0].json).toMatchObject({
				trackingId: expect.any(String),
				type: 'Voice',
				voiceAnalysis: { numberOfRecipients: 2 },
			});
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
					to: { phone: '+306948530925' },
					from: '+306948530900',
					dialPlan: {
						verbs: [
							{
								type: 'SAY',
								message: {
									text: 'Hello, your order is ready. Press 1 to confirm the delivery tomorrow, or 2 to choose another day.',
									language: 'en-GB',
									gender: 'female',
								},
								repeat: 0,
								bargeIn: true,
							},
							{
								type: 'COLLECT',
								// the Production URL of the "Routee: key pressed 1 → update the CRM" example (trigger-routee-key-pressed-update-crm.json)
								// with its token; on the port of the n8n the example was imported into (scripts/examples.mjs)
								eventUrl: expect.stringMatching(
									/^http:\/\/127\.0\.0\.1:\d+\/webhook\/9d1c2b3a-4e5f-4a6b-8c7d-0e1f2a3b4c03\/webhook\?token=sandbox-callback-secret-2f9c$/,
								),
								maxDigits: 1,
								submitOnHash: false,
							},
							{
								type: 'SAY',
								message: { text: 'Thank you, goodbye.', language: 'en-GB', gender: 'female' },
								repeat: 0,
								bargeIn: false,
							},
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
			expect(items[0].json).toMatchObject({
				trackingId: expect.any(String),
				direction: 'Outbound',
				to: { phone: '+306948530925' },
			});
		},
	},
};
