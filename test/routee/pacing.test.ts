import { useTestbed } from '../support/testbed';
import { item, startTestbed } from './setup';

const t = useTestbed(startTestbed);

const call = {
	resource: 'voice',
	operation: 'startConversation',
	from: '+306948530900',
	toType: 'phone',
	to: '={{ $json.phone }}',
	dialPlanSource: 'url',
	dialPlanUrl: 'https://example.com/plan.json',
};

test('conversations are paced: at least 1 s between requests, so Routee never refuses one for the rate', async () => {
	const r = await t.run(call, {
		input: [item({ phone: '+306948532001' }), item({ phone: '+306948532002' }), item({ phone: '+306948532003' })],
	});
	expect(r.error).toBeUndefined();
	const posts = t.received('POST', '/voice/conversation');
	expect(posts.map((q) => q.status)).toEqual([200, 200, 200]);
	for (let i = 1; i < posts.length; i++) expect(posts[i].at - posts[i - 1].at).toBeGreaterThanOrEqual(1000);
	expect(r.items.map((i) => [(i.json.to as { phone: string }).phone, i.pairedItem])).toEqual([
		['+306948532001', { item: 0 }],
		['+306948532002', { item: 1 }],
		['+306948532003', { item: 2 }],
	]);
});

test('the pace holds across runs of the node with the same Routee account', async () => {
	await t.run(call, { input: [item({ phone: '+306948532011' })] });
	await t.run(call, { input: [item({ phone: '+306948532012' })] });
	const posts = t.received('POST', '/voice/conversation');
	expect(posts.map((q) => q.status)).toEqual([200, 200]);
	expect(posts[1].at - posts[0].at).toBeGreaterThanOrEqual(1000);
});

test('a call Routee refuses for the rate (429) was not started, so it is sent once more, a second later', async () => {
	t.sandbox.injectFault({ provider: 'routee', method: 'POST', path: '/voice/conversation', status: 429 });
	const r = await t.run(call, { input: [item({ phone: '+306948532021' })] });
	expect(r.error).toBeUndefined();
	const posts = t.received('POST', '/voice/conversation');
	expect(posts.map((q) => q.status)).toEqual([429, 200]);
	expect(posts[1].at - posts[0].at).toBeGreaterThanOrEqual(1000);
	expect(r.items).toEqual([{ json: expect.objectContaining({ trackingId: expect.any(String) }), pairedItem: { item: 0 } }]);
});
