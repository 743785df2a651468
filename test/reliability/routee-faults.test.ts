// Provider faults while the Routee node sends: the token expires mid-run (renewed once, the request
// that met the 401 re-sent — Routee refused it, so nothing was sent twice), 500/502/connection reset
// on a send (never re-sent: Routee has no idempotency key, so the node stops or, with Continue On
// Fail, reports that item and goes on, saying the outcome is unknown), 429 on a conversation (refused
// by the rate limit, so re-sent after a back-off), a slow answer. Every recipient is sent to at most once, and
// the output accounts for exactly what Routee accepted.

// first: the leak capture must be recording before n8n loads
import { startLeakCheckedTestbed } from '../support/leak-checked-testbed';

import type { INode, INodeExecutionData } from 'n8n-workflow';

import type { Fault } from '../sandbox';
import { useTestbed } from '../support/testbed';

const bed = useTestbed(
	async () => await startLeakCheckedTestbed({ conversationMinIntervalMs: 1000 }),
	({ sandbox }) => {
		sandbox.routee.smsMessages.clear();
		sandbox.routee.campaigns.clear();
		sandbox.routee.conversations.clear();
		sandbox.routee.balance = 10_000;
	},
);

const numbers = (n: number, offset = 0) =>
	Array.from({ length: n }, (_, i) => `+3069${String(offset + i).padStart(8, '0')}`);
const items = (phones: string[]): INodeExecutionData[] => phones.map((to) => ({ json: { to } }));
const sms = {
	resource: 'sms',
	operation: 'send',
	from: 'Shop',
	to: '={{ $json.to }}',
	body: 'Your code is 4711',
};
const campaign = {
	resource: 'sms',
	operation: 'sendCampaign',
	from: 'Shop',
	body: 'Sale today',
	to: '={{ $json.to }}',
};

/** Every number Routee accepted an SMS for, once per accepted message. */
const smsSentTo = () => [...bed.sandbox.routee.smsMessages.values()].map((message) => message.to);
const posts = (path: string) =>
	bed.sandbox.requestsTo('routee', 'POST', path).filter((r) => r.path === path);
const statuses = (path: string) =>
	posts(path).map((r) => (r.dropped ? `${r.status}/dropped-${r.dropped}` : r.status));

async function whenArrived(path: string, count: number): Promise<void> {
	while (posts(path).length < count) await new Promise((resolve) => setTimeout(resolve, 2));
}

describe('Routee token expiry', () => {
	test('the token expires after 10 of 40 sends: renewed once, the refused send re-sent, each number sent to once', async () => {
		const phones = numbers(40);
		const renewalsBefore = bed.harness.credentials.preAuthenticationCalls.length;
		const [run] = await Promise.all([
			bed.run('routee', sms, { input: items(phones) }),
			whenArrived('/sms', 10).then(() => bed.sandbox.routee.expireAllTokens()),
		]);

		expect(run.error).toBeUndefined();
		expect(bed.sandbox.requestsTo('routee-auth')).toHaveLength(2);
		expect(bed.harness.credentials.preAuthenticationCalls.slice(renewalsBefore)).toEqual([
			{ type: 'routeeOAuth2Api', expired: false },
			{ type: 'routeeOAuth2Api', expired: true },
		]);
		// exactly one send met the expired token (401, not accepted) and was re-sent
		expect(statuses('/sms').filter((s) => s !== 200)).toEqual([401]);
		expect(posts('/sms')).toHaveLength(41);
		expect(smsSentTo()).toEqual(phones);
		// the output: one item per input item, each with the tracking id Routee gave that number
		expect(run.items.map((item) => item.pairedItem)).toEqual(phones.map((_, item) => ({ item })));
		run.items.forEach((item, index) => {
			const message = [...bed.sandbox.routee.smsMessages.values()].find(
				(m) => m.messageId === item.json.trackingId,
			);
			expect(message?.to).toBe(phones[index]);
		});
	});
});

describe('Routee faults on a send: never re-sent, reported exactly', () => {
	test.each<[string, Fault]>([
		['500', { status: 500 }],
		['502', { status: 502 }],
		['a connection reset after Routee accepted it', { reset: 'after' }],
	])(
		'%s on the 2nd of 3 campaigns stops the node; the error says what was sent and that the 2nd may have been',
		async (_name, fault) => {
			const phones = numbers(3, 100);
			const [run] = await Promise.all([
				bed.run('routee', campaign, { input: items(phones) }),
				whenArrived('/sms/campaign', 1).then(() =>
					bed.sandbox.injectFault({
						provider: 'routee',
						method: 'POST',
						path: '/sms/campaign',
						...fault,
					}),
				),
			]);
			expect(run.status).toBe('error');
			// the failed campaign was not re-sent, the 3rd not sent
			expect(posts('/sms/campaign')).toHaveLength(2);
			expect(run.error?.context?.itemIndex).toBe(1);
			expect(run.error?.description).toContain('may or may not have been accepted');
			const [first] = [...bed.sandbox.routee.campaigns.keys()];
			expect(run.error?.description).toContain(
				`Already sent by this run: item 0 (tracking ID ${first})`,
			);
			// Routee holds item 0's campaign, and item 1's too when only the answer was lost
			const accepted = fault.reset === 'after' ? phones.slice(0, 2) : phones.slice(0, 1);
			expect(smsSentTo()).toEqual(accepted);
		},
	);

	test('with Continue On Fail: the failed item says its outcome is unknown, the others are sent once', async () => {
		const phones = numbers(3, 200);
		const [run] = await Promise.all([
			bed.run('routee', campaign, { input: items(phones), continueOnFail: true }),
			whenArrived('/sms/campaign', 1).then(() =>
				bed.sandbox.injectFault({
					provider: 'routee',
					method: 'POST',
					path: '/sms/campaign',
					reset: 'after',
				}),
			),
		]);
		expect(run.error).toBeUndefined();
		expect(statuses('/sms/campaign')).toEqual([200, '200/dropped-after', 200]);
		expect(run.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(run.items[1].json.error).toEqual(
			expect.stringContaining('may or may not have been accepted'),
		);
		// what the output reports as sent is exactly what Routee accepted, plus the one it cannot know about
		const reported = [run.items[0], run.items[2]].map((item) => item.json.trackingId);
		const held = [...bed.sandbox.routee.campaigns.keys()];
		expect(held).toHaveLength(3);
		expect(held).toEqual(expect.arrayContaining(reported as string[]));
		expect(smsSentTo()).toEqual(phones);
	});

	test('a slow answer (1.5 s) is waited for: one request, one message', async () => {
		bed.sandbox.injectFault({ provider: 'routee', method: 'POST', path: '/sms', delayMs: 1500 });
		const run = await bed.run('routee', sms, { input: items(numbers(1, 300)) });
		expect(run.error).toBeUndefined();
		expect(posts('/sms')).toHaveLength(1);
		expect(smsSentTo()).toEqual(numbers(1, 300));
	});

	test('Retry On Fail after a lost answer: the campaign name makes Routee refuse the repeat, so nobody gets it twice', async () => {
		const phones = numbers(2, 400);
		const node: INode = {
			id: 'routee-node',
			name: 'Routee',
			type: bed.harness.nodeType('routee'),
			typeVersion: 1,
			position: [0, 0],
			credentials: { routeeOAuth2Api: bed.credentials.routeeOAuth2Api },
			retryOnFail: true,
			maxTries: 2,
			waitBetweenTries: 10,
			parameters: {
				...campaign,
				mode: 'allItems',
				recipient: '={{ $json.to }}',
				to: undefined,
				options: { campaignName: 'Reliability 400' },
			} as never,
		};
		bed.sandbox.injectFault({
			provider: 'routee',
			method: 'POST',
			path: '/sms/campaign',
			reset: 'after',
		});
		const run = await bed.harness.run({ nodes: [node], connections: {} }, { input: items(phones) });
		bed.capture.addRun('routee retry', run);
		expect(statuses('/sms/campaign')).toEqual(['200/dropped-after', 409]);
		expect(run.status).toBe('error');
		expect(run.error?.message).toContain('409009003');
		expect(smsSentTo()).toEqual(phones);
	});
});

describe('Routee conversation rate limit', () => {
	test('a 429 with Retry-After is re-sent (Routee refused it, nothing started); each callee is called once', async () => {
		const phones = numbers(2, 500);
		bed.sandbox.injectFault({
			provider: 'routee',
			method: 'POST',
			path: '/voice/conversation',
			status: 429,
			headers: { 'Retry-After': '1' },
			body: { code: '429013000', developerMessage: 'Too many requests' },
		});
		const run = await bed.run(
			'routee',
			{
				resource: 'voice',
				operation: 'startConversation',
				from: 'Shop',
				toType: 'phone',
				to: '={{ $json.to }}',
				dialPlanSource: 'verbs',
				verbs: { verb: [{ type: 'SAY', text: 'Hello', language: 'en-US', gender: 'female' }] },
			},
			{ input: items(phones) },
		);
		expect(run.error).toBeUndefined();
		expect(statuses('/voice/conversation')).toEqual([429, 200, 200]);
		const called = [...bed.sandbox.routee.conversations.values()].map(
			(c) => (c.request as { to: { phone: string } }).to.phone,
		);
		expect(called).toEqual(phones);
		expect(run.items.map((item) => item.json.trackingId)).toEqual([
			...bed.sandbox.routee.conversations.keys(),
		]);
	});
});
