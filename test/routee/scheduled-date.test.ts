// Issue 22, N6: a Scheduled Date at or before now is sent, never refused locally. Routee's pages say nothing of a
// past scheduledDate ("the scheduled date and time in UTC", https://docs.routee.net/reference/send-bulk-messages),
// so the node sends it and shows Routee's answer. The sandbox refuses one (its own choice, the docs being silent),
// which is the answer these tests see.

import { useTestbed } from '../support/testbed';
import { smsCampaign, startTestbed, voiceCampaign } from './setup';

const t = useTestbed(startTestbed);

describe('Scheduled Date at or before now (Routee)', () => {
	test('a date in the past reaches Routee as given, and Routee’s answer is the error', async () => {
		const r = await t.run(smsCampaign({ options: { scheduledDate: '2020-01-01T10:00:00+00:00' } }));
		expect(t.received('POST', '/sms/campaign').map((q) => q.body)).toEqual([
			expect.objectContaining({ scheduledDate: '2020-01-01T10:00:00+00:00' }),
		]);
		expect(r.status).toBe('error');
		expect(r.error?.name).toBe('NodeApiError');
		// Routee's documented Validation Error: the title, and its per-field reasons (`properties`) in the description
		expect(r.error?.message).toBe('Routee refused the request (code 400000000): Validation Error!');
		expect(r.error?.description).toMatch(/^Routee's reasons: scheduledDate: must be in the future/);
	});

	test('{{ $now }} is never "in the past" here: it is sent', async () => {
		await t.run(voiceCampaign({ options: { scheduledDate: '={{ $now }}' } }));
		const [request] = t.received('POST', '/voice/campaign');
		expect(request).toBeDefined();
		expect(request.body).toEqual(
			expect.objectContaining({
				scheduledDate: expect.stringMatching(
					/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/,
				),
			}),
		);
	});
});
