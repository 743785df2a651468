// Keys pressed in a voice campaign (Collect Key Presses). Routee's voice callback carries none
// (https://docs.routee.net/docs/voice-callbacks); voice tracking has them as `collectedTones`
// (https://docs.routee.net/reference/voicemessagetracking). Voice → Get Message Tracking outputs them as `digits`.

import { useTestbed } from '../support/testbed';
import { startTestbed } from './setup';

const t = useTestbed(async () => await startTestbed({ deliveryDelayMs: 5 }));

const FINAL = ['Completed', 'Busy', 'NoAnswer', 'Failed', 'Unsent', 'Terminated'];

async function callsOf(trackingId: string): Promise<Record<string, string>> {
	const deadline = Date.now() + 10_000;
	for (;;) {
		const calls = [...t.sandbox.routee.voiceMessages.values()].filter(
			(m) => m.campaignTrackingId === trackingId,
		);
		if (calls.length > 0 && calls.every((m) => FINAL.includes(m.status)))
			return Object.fromEntries(calls.map((m) => [m.to, m.messageId]));
		if (Date.now() > deadline) throw new Error(`the calls of campaign ${trackingId} did not end`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

test('Collect Key Presses says where the keys are: not in the callbacks, in Get Message Tracking or the trigger', () => {
	const routee = t.harness.types.getByNameAndVersion(t.harness.nodeType('routee'));
	const options = routee.description.properties.filter(
		(p) => p.name === 'options' && p.displayOptions?.show?.operation?.includes('sendCampaign'),
	);
	const collect = options
		.flatMap((p) => (p.options ?? []) as Array<{ name: string; description?: string }>)
		.find((o) => o.name === 'collectKeyPresses');
	expect(collect?.description).not.toMatch(/reported in the callbacks/);
	expect(collect?.description).toMatch(
		/does not carry the keys.*Get Message Tracking.*Fetch Key Presses/,
	);
});

describe('Voice → Get Message Tracking: digits', () => {
	test('the keys pressed during each call of a campaign with Collect Key Presses, beside the provider fields', async () => {
		const sent = await t.run({
			resource: 'voice',
			operation: 'sendCampaign',
			from: '+306948530900',
			text: 'Your appointment is tomorrow at 10. Press 1 to confirm, 2 to cancel.',
			language: 'en-GB',
			gender: 'female',
			// presses 1, presses 2, presses nothing, does not answer
			to: '+306948531001, +306948531002, +306948531003, +306948530000',
			options: { collectKeyPresses: { values: { collect: true } } },
		});
		expect(sent.error).toBeUndefined();
		const calls = await callsOf(sent.items[0].json.trackingId as string);
		const numbers = Object.keys(calls);
		t.sandbox.clearRequests();

		const tracked = await t.run(
			{ resource: 'voice', operation: 'getMessageTracking', messageId: '={{ $json.messageId }}' },
			{ input: numbers.map((to) => ({ json: { messageId: calls[to] } })) },
		);
		expect(tracked.error).toBeUndefined();
		expect(t.received().map((q) => [q.method, q.path])).toEqual(
			numbers.map((to) => ['GET', `/voice/tracking/${calls[to]}`]),
		);
		const byNumber = Object.fromEntries(
			tracked.items.map((i) => [i.json.to, [i.json.status, i.json.collectedTones, i.json.digits]]),
		);
		expect(byNumber).toEqual({
			'+306948531001': [expect.objectContaining({ name: 'Completed' }), '1', '1'],
			'+306948531002': [expect.objectContaining({ name: 'Completed' }), '2', '2'],
			'+306948531003': [expect.objectContaining({ name: 'Completed' }), '', ''],
			'+306948530000': [expect.objectContaining({ name: 'NoAnswer' }), undefined, null],
		});
		expect(tracked.items.map((i) => i.pairedItem)).toEqual(numbers.map((_, item) => ({ item })));
	});

	test('a campaign without Collect Key Presses: digits is null', async () => {
		const sent = await t.run({
			resource: 'voice',
			operation: 'sendCampaign',
			from: '+306948530900',
			text: 'Hello',
			to: '+306948531001',
		});
		const calls = await callsOf(sent.items[0].json.trackingId as string);
		const tracked = await t.run({
			resource: 'voice',
			operation: 'getMessageTracking',
			messageId: calls['+306948531001'],
		});
		expect(tracked.items).toEqual([
			{
				json: expect.objectContaining({
					messageId: calls['+306948531001'],
					status: expect.objectContaining({ name: 'Completed' }),
					digits: null,
				}),
				pairedItem: { item: 0 },
			},
		]);
		expect(tracked.items[0].json).not.toHaveProperty('collectedTones');
	});

	test("an unknown message ID is still Routee's 404005000, with Continue On Fail an error item", async () => {
		const tracked = await t.run(
			{ resource: 'voice', operation: 'getMessageTracking', messageId: 'no-such-call' },
			{ continueOnFail: true },
		);
		expect(tracked.items).toEqual([
			{
				json: {
					error: expect.stringMatching(/404005000/),
					description: 'No tracking information exists for this ID.',
				},
				pairedItem: { item: 0 },
			},
		]);
	});
});
