// Issue 22, N6: a Send At at or before now is sent as Octopush documents it: "As soon as the date you have
// specified has passed, we will send your SMS" (https://octopush.com/en/sms-gateway-api-documentation/scheduled-sms-sending/).
// `{{ $now }}` is never refused as "in the past".

import { useTestbed } from '../support/testbed';
import { startTestbed } from './setup';

const t = useTestbed(startTestbed, (testbed) => {
	testbed.sandbox.octopush.balance = 10_000;
});

const recipients = { recipient: [{ phoneNumber: '+33612345678' }] };

describe('Send At at or before now (Octopush)', () => {
	test('a date in the past is sent as given and Octopush sends at once', async () => {
		const r = await t.run({
			resource: 'voiceSms',
			operation: 'sendCampaign',
			text: 'Your parcel is here',
			recipients,
			options: { sendAt: '2020-01-01T08:00:00+01:00' },
		});
		expect(r.error).toBeUndefined();
		expect(t.bodies('POST', '/voice-campaign/send')).toEqual([
			expect.objectContaining({ send_at: '2020-01-01T08:00:00+01:00' }),
		]);
		expect(r.items).toEqual([
			expect.objectContaining({
				json: expect.objectContaining({
					ticket_number: expect.stringMatching(/^voice_/),
					frame_status: 'sent',
				}),
			}),
		]);
	});

	test('{{ $now }} is sent, in the workflow time zone with its offset', async () => {
		const r = await t.run({
			resource: 'sms',
			operation: 'sendCampaign',
			text: 'Sale starts now',
			recipients,
			options: { sendAt: '={{ $now }}' },
		});
		expect(r.error).toBeUndefined();
		expect(t.bodies('POST', '/sms-campaign/send')).toEqual([
			expect.objectContaining({
				send_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/),
			}),
		]);
	});

	test('in one campaign per item, a past Send At in item 1 is sent like the future one of item 0', async () => {
		const r = await t.run(
			{
				resource: 'sms',
				operation: 'sendCampaign',
				text: 'Hello',
				recipients,
				options: { sendAt: '={{ $json.v }}' },
			},
			{ input: [{ json: { v: '2031-01-01T10:00:00Z' } }, { json: { v: '2021-01-01T10:00:00Z' } }] },
		);
		expect(r.error).toBeUndefined();
		expect(
			(t.bodies('POST', '/sms-campaign/send') as Array<{ send_at: string }>).map((b) => b.send_at),
		).toEqual(['2031-01-01T10:00:00+00:00', '2021-01-01T10:00:00+00:00']);
	});
});
