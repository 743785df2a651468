import { useTestbed } from '../support/testbed';
import { item, startTestbed } from './setup';

const t = useTestbed(startTestbed);

const send = {
	resource: 'sms',
	operation: 'send',
	from: 'MyShop',
	body: 'Hi',
	to: '={{ $json.phone }}',
};
const people = (n: number, from = 0) =>
	Array.from({ length: n }, (_, i) =>
		item({ phone: `+3069485310${String(from + i).padStart(2, '0')}` }),
	);

test('the token is fetched once for many items (and kept for the next run)', async () => {
	const first = await t.run(send, { input: people(5) });
	expect(first.error).toBeUndefined();
	expect(t.tokenRequests()).toHaveLength(1);
	const authorizations = new Set(t.received('POST', '/sms').map((q) => q.headers.authorization));
	expect(t.received('POST', '/sms')).toHaveLength(5);
	expect(authorizations.size).toBe(1);

	const second = await t.run(send, { input: people(2, 5) });
	expect(second.error).toBeUndefined();
	expect(t.tokenRequests()).toHaveLength(1);
});

test('an expired token (401) is renewed once and the request sent again; the new token serves the other items', async () => {
	await t.run({ resource: 'account', operation: 'getBalance' });
	t.sandbox.clearRequests();
	t.sandbox.routee.expireAllTokens();
	const r = await t.run(send, { input: people(3, 10) });
	expect(r.error).toBeUndefined();
	expect(t.tokenRequests()).toHaveLength(1);
	const posts = t.received('POST', '/sms');
	expect(posts.map((q) => [(q.body as { to: string }).to, q.status])).toEqual([
		['+306948531010', 401],
		['+306948531010', 200],
		['+306948531011', 200],
		['+306948531012', 200],
	]);
	expect(posts[1].headers.authorization).not.toBe(posts[0].headers.authorization);
	expect(new Set(posts.slice(1).map((q) => q.headers.authorization)).size).toBe(1);
	expect(r.items.map((i) => [i.json.to, i.pairedItem])).toEqual([
		['+306948531010', { item: 0 }],
		['+306948531011', { item: 1 }],
		['+306948531012', { item: 2 }],
	]);
});

test('a 403 also renews the token once and sends the request again', async () => {
	t.sandbox.injectFault({ provider: 'routee', method: 'POST', path: '/sms/campaign', status: 403 });
	const r = await t.run({
		resource: 'sms',
		operation: 'sendCampaign',
		from: 'MyShop',
		body: 'Hi',
		to: '+306948531020',
	});
	expect(r.error).toBeUndefined();
	expect(t.tokenRequests()).toHaveLength(1);
	expect(t.received('POST', '/sms/campaign').map((q) => q.status)).toEqual([403, 200]);
	expect(r.items).toEqual([
		{ json: expect.objectContaining({ trackingId: expect.any(String) }), pairedItem: { item: 0 } },
	]);
});
