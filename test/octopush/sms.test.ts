import { useTestbed } from '../support/testbed';
import { contactItems, startTestbed } from './setup';

const t = useTestbed(startTestbed, (testbed) => {
	testbed.sandbox.octopush.balance = 10_000;
});

describe('SMS → Send Campaign', () => {
	test('every field reaches the body; unicode text is fine for SMS; output has the SMS response fields', async () => {
		const r = await t.run({
			resource: 'sms',
			operation: 'sendCampaign',
			text: 'Merci {first_name} ✓',
			recipients: {
				recipient: [{ phoneNumber: '+33612345678', personalization: { firstName: 'Léa' } }],
			},
			smsType: 'sms_low_cost',
			sender: 'MyShop',
			options: {
				purpose: 'wholesale',
				withReplies: true,
				autoRemoveBlacklistedNumbers: true,
				simulationMode: false,
				sendAt: '2030-12-24T18:00:00Z',
				requestId: 'xmas-2030',
			},
		});
		expect(r.error).toBeUndefined();
		expect(t.bodies('POST', '/sms-campaign/send')).toEqual([
			{
				text: 'Merci {first_name} ✓',
				type: 'sms_low_cost',
				sender: 'MyShop',
				send_at: '2030-12-24T18:00:00+00:00',
				purpose: 'wholesale',
				simulation_mode: false,
				with_replies: true,
				auto_remove_blacklisted_numbers: true,
				recipients: [{ phone_number: '+33612345678', first_name: 'Léa' }],
				request_id: 'xmas-2030',
			},
		]);
		expect(r.items).toEqual([
			{
				json: {
					ticket_number: expect.stringMatching(/^sms_/),
					number_of_contacts: 1,
					total_cost: 0.03,
					number_of_sms_needed: 1,
					residual_credit: 9999.97,
					frame: 1,
					frames: 1,
					request_id: 'xmas-2030',
					frame_status: 'sent',
					campaign_totals: {
						frames: 1,
						frames_sent: 1,
						frames_already_accepted: 0,
						frames_not_accepted: 0,
						number_of_contacts: 1,
						total_cost: 0.03,
						number_of_sms_needed: 1,
					},
				},
				pairedItem: [{ item: 0 }],
			},
		]);
	});

	test('premium by default; one campaign for 600 input items goes out as 2 frames', async () => {
		const r = await t.run(
			{
				resource: 'sms',
				operation: 'sendCampaign',
				mode: 'allItems',
				text: 'Sale starts now, {first_name}!',
				phoneNumber: '={{ $json.phone }}',
				personalization: { firstName: '={{ $json.name }}' },
			},
			{ input: contactItems(600) },
		);
		expect(r.error).toBeUndefined();
		const bodies = t.bodies('POST', '/sms-campaign/send') as Array<{
			type: string;
			recipients: unknown[];
			request_id: string;
		}>;
		expect(bodies.map((b) => [b.type, b.recipients.length])).toEqual([
			['sms_premium', 500],
			['sms_premium', 100],
		]);
		expect(bodies[0].request_id).not.toBe(bodies[1].request_id);
		expect(r.items.map((item) => (item.pairedItem as unknown[]).length)).toEqual([500, 100]);
		expect(r.items[1].json.campaign_totals).toMatchObject({
			frames: 2,
			frames_sent: 2,
			number_of_contacts: 600,
			number_of_sms_needed: 600,
		});
		// the campaign's totals once, on its last frame item: a sum downstream over the items adds each frame once
		expect(r.items.map((item) => item.json.campaign_totals === undefined)).toEqual([true, false]);
		expect(r.items.map((item) => item.json.number_of_contacts)).toEqual([500, 100]);
		expect(r.items.reduce((sum, item) => sum + Number(item.json.number_of_contacts), 0)).toBe(600);
	});

	test('Auto Optimize Text and Auto Remove Blacklisted Numbers reach the body as documented', async () => {
		const r = await t.run({
			resource: 'sms',
			operation: 'sendCampaign',
			text: 'Merci, à demain !',
			recipients: { recipient: [{ phoneNumber: '+33612345678' }] },
			sender: 'Mon Shop',
			options: { autoOptimizeText: false, autoRemoveBlacklistedNumbers: true },
		});
		expect(r.error).toBeUndefined();
		expect(t.bodies('POST', '/sms-campaign/send')).toEqual([
			expect.objectContaining({
				text: 'Merci, à demain !',
				sender: 'Mon Shop',
				auto_optimize_text: false,
				auto_remove_blacklisted_numbers: true,
			}),
		]);
	});

	test('an older account answering sms_ticket: output as ticket_number too', async () => {
		t.sandbox.injectFault({
			provider: 'octopush',
			path: '/sms-campaign/send',
			status: 200,
			body: {
				sms_ticket: 'sms_old42',
				number_of_contacts: 1,
				total_cost: 0.05,
				number_of_sms_needed: 1,
				residual_credit: 5,
			},
		});
		const r = await t.run({
			resource: 'sms',
			operation: 'sendCampaign',
			text: 'Hi',
			recipients: { recipient: [{ phoneNumber: '+33612345678' }] },
		});
		expect(r.items[0].json).toMatchObject({ sms_ticket: 'sms_old42', ticket_number: 'sms_old42' });
	});
});

describe('Account → Get Balance', () => {
	test('GET /wallet/check-balance, one item per input item', async () => {
		t.sandbox.octopush.balance = 12.54;
		const r = await t.run(
			{ resource: 'account', operation: 'getBalance' },
			{ input: [{ json: {} }, { json: {} }] },
		);
		expect(t.sandbox.requestsTo('octopush', 'GET', '/wallet/check-balance')).toHaveLength(2);
		expect(r.items).toEqual([
			{ json: { amount: 12.54, unit: 'euros' }, pairedItem: { item: 0 } },
			{ json: { amount: 12.54, unit: 'euros' }, pairedItem: { item: 1 } },
		]);
	});
});
