import type { INodeExecutionData } from 'n8n-workflow';

import { CONVERSATION_ATTEMPTS } from '../../nodes/Routee/transport/index';
import type { RecordedRequest } from '../sandbox';
import { harnessOfAnotherProcess } from '../support/another-process';
import { useTestbed } from '../support/testbed';
import { item, startTestbed } from './setup';

// Routee: "NOTE: limit 1 request per second" (https://docs.routee.net/reference/perform-a-voice-conversation).
// The sandbox records when each request ARRIVES; that is what Routee counts.

const t = useTestbed(startTestbed);

/** Milliseconds between consecutive arrivals. */
const gaps = (requests: RecordedRequest[]) =>
	requests.slice(1).map((q, i) => q.at - requests[i].at);
const people = (...phones: string[]) => phones.map((phone) => item({ phone }));

async function until(condition: () => boolean): Promise<void> {
	for (let waited = 0; !condition(); waited += 5) {
		if (waited > 10_000) throw new Error('timed out waiting for the condition');
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

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
		input: [
			item({ phone: '+306948532001' }),
			item({ phone: '+306948532002' }),
			item({ phone: '+306948532003' }),
		],
	});
	expect(r.error).toBeUndefined();
	const posts = t.received('POST', '/voice/conversation');
	expect(posts.map((q) => q.status)).toEqual([200, 200, 200]);
	for (let i = 1; i < posts.length; i++)
		expect(posts[i].at - posts[i - 1].at).toBeGreaterThanOrEqual(1000);
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

test('a call Routee refuses for the rate (429) was not started, so it is sent again, a second or more later', async () => {
	t.sandbox.injectFault({
		provider: 'routee',
		method: 'POST',
		path: '/voice/conversation',
		status: 429,
	});
	const r = await t.run(call, { input: [item({ phone: '+306948532021' })] });
	expect(r.error).toBeUndefined();
	const posts = t.received('POST', '/voice/conversation');
	expect(posts.map((q) => q.status)).toEqual([429, 200]);
	expect(posts[1].at - posts[0].at).toBeGreaterThanOrEqual(1000);
	expect(r.items).toEqual([
		{ json: expect.objectContaining({ trackingId: expect.any(String) }), pairedItem: { item: 0 } },
	]);
});

describe('counted from the previous answer, so arrivals are never closer than 1.00 s', () => {
	test('a request that takes long to arrive (cold connection, loaded machine, slow network): the next still arrives ≥ 1 s after it', async () => {
		t.sandbox.injectFault({
			provider: 'routee',
			method: 'POST',
			path: '/voice/conversation',
			arrivalDelayMs: 400,
		});
		const r = await t.run(call, {
			input: people('+306948532031', '+306948532032', '+306948532033'),
		});
		expect(r.error).toBeUndefined();
		const posts = t.received('POST', '/voice/conversation');
		expect(posts.map((q) => q.status)).toEqual([200, 200, 200]);
		for (const gap of gaps(posts)) expect(gap).toBeGreaterThanOrEqual(1000);
	});

	test('Routee answers late: the next request leaves 1 s after the answer, not after the start', async () => {
		t.sandbox.injectFault({
			provider: 'routee',
			method: 'POST',
			path: '/voice/conversation',
			delayMs: 600,
		});
		const r = await t.run(call, {
			input: people('+306948532041', '+306948532042', '+306948532043'),
		});
		expect(r.error).toBeUndefined();
		const posts = t.received('POST', '/voice/conversation');
		expect(posts.map((q) => q.status)).toEqual([200, 200, 200]);
		const [afterSlowAnswer, afterFastAnswer] = gaps(posts);
		expect(afterSlowAnswer).toBeGreaterThanOrEqual(1000 + 600);
		expect(afterFastAnswer).toBeGreaterThanOrEqual(1000);
	});

	test('the token expires mid-run (401, a new token fetched slowly, the request sent again): accepted requests stay ≥ 1 s apart', async () => {
		const running = t.run(call, {
			input: people('+306948532051', '+306948532052', '+306948532053'),
		});
		await until(() => t.received('POST', '/voice/conversation').some((q) => q.status === 200));
		t.sandbox.routee.expireAllTokens();
		t.sandbox.injectFault({ provider: 'routee-auth', arrivalDelayMs: 300 });
		const r = await running;
		expect(r.error).toBeUndefined();
		const posts = t.received('POST', '/voice/conversation');
		expect(posts.map((q) => q.status)).toEqual([200, 401, 200, 200]);
		expect(t.tokenRequests()).toHaveLength(1);
		// the 401 was refused for its token before reaching the rate-limited service (the sandbox does not count it either)
		const accepted = posts.filter((q) => q.status === 200);
		for (const gap of gaps(accepted)) expect(gap).toBeGreaterThanOrEqual(1000);
		expect(r.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});
});

describe('two n8n workers (queue mode) start conversations with one Routee account at once', () => {
	// Each worker paces its own calls; together they exceed Routee's 1 per second, and the sandbox, counting
	// arrivals from every client of the account, refuses one with 429. The refused call is re-sent after a
	// back-off: every call arrives and is started exactly once, and each worker outputs all its items.
	test('the sandbox refuses the excess (429), the node re-sends it: six calls started once each, none lost', async () => {
		const other = await harnessOfAnotherProcess();
		const otherCredential = other.addCredential(
			'routeeOAuth2Api',
			t.nodeUnderTest.credentialData(t.sandbox),
			'routee-worker-2',
		);
		const worker2 = async (input: INodeExecutionData[]) =>
			await other.runNode('routee', call, {
				credentials: { routeeOAuth2Api: otherCredential },
				input,
			});
		t.sandbox.routee.conversations.clear();

		const [one, two] = await Promise.all([
			t.run(call, { input: people('+306948533001', '+306948533002', '+306948533003') }),
			worker2(people('+306948533101', '+306948533102', '+306948533103')),
		]);

		expect([one.error, two.error]).toEqual([undefined, undefined]);
		const posts = t.received('POST', '/voice/conversation');
		// measured: the two workers together did exceed the rate
		expect(posts.filter((q) => q.status === 429).length).toBeGreaterThan(0);
		const accepted = posts.filter((q) => q.status === 200);
		for (const gap of gaps(accepted)) expect(gap).toBeGreaterThanOrEqual(1000);
		const called = [...t.sandbox.routee.conversations.values()].map(
			(c) => (c.request as { to: { phone: string } }).to.phone,
		);
		expect(called.sort()).toEqual([
			'+306948533001',
			'+306948533002',
			'+306948533003',
			'+306948533101',
			'+306948533102',
			'+306948533103',
		]);
		const started = new Set(t.sandbox.routee.conversations.keys());
		for (const run of [one, two]) {
			expect(run.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
			for (const output of run.items)
				expect(started.has(output.json.trackingId as string)).toBe(true);
		}
		expect(new Set([...one.items, ...two.items].map((i) => i.json.trackingId)).size).toBe(6);
	});
});

test(`refused for the rate ${CONVERSATION_ATTEMPTS} times: an error that says nothing was started and what to change, after at most 18 s`, async () => {
	t.sandbox.routee.conversations.clear();
	t.sandbox.injectFault({
		provider: 'routee',
		method: 'POST',
		path: '/voice/conversation',
		status: 429,
		times: CONVERSATION_ATTEMPTS,
	});
	const started = Date.now();
	const r = await t.run(call, { input: [item({ phone: '+306948533201' })] });
	const elapsed = Date.now() - started;

	const posts = t.received('POST', '/voice/conversation');
	expect(posts.map((q) => q.status)).toEqual(Array(CONVERSATION_ATTEMPTS).fill(429));
	// the back-off grows: 1, 2, 4, 8 s (each up to a fifth longer)
	gaps(posts).forEach((gap, i) => expect(gap).toBeGreaterThanOrEqual(1000 * 2 ** i));
	expect(elapsed).toBeLessThan(18_000 + 2_000);
	expect(t.sandbox.routee.conversations.size).toBe(0);
	expect(r.error?.message).toBe(
		`Routee refused the call ${CONVERSATION_ATTEMPTS} times for its rate limit (1 conversation request per second): nothing was started`,
	);
	expect(r.error?.description).toContain('other n8n workers in queue mode');
	expect(r.error?.description).toContain('Fix: start fewer conversations at once on this account');
	expect(r.error?.context?.itemIndex).toBe(0);
});

test.each([
	['a 500', { status: 500 }, 0],
	['a connection dropped after Routee started the call', { reset: 'after' as const }, 1],
])(
	'%s is never re-sent: Routee may have started the call',
	async (_name, fault, startedInSandbox) => {
		t.sandbox.routee.conversations.clear();
		t.sandbox.injectFault({
			provider: 'routee',
			method: 'POST',
			path: '/voice/conversation',
			...fault,
		});
		const r = await t.run(call, { input: [item({ phone: '+306948533301' })] });
		expect(r.error).toBeDefined();
		expect(t.received('POST', '/voice/conversation')).toHaveLength(1);
		expect(t.sandbox.routee.conversations.size).toBe(startedInSandbox);
	},
);
