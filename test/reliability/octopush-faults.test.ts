// Provider faults during an Octopush campaign of 1,250 contacts (3 frames), with n8n's Retry On Fail
// on the node as a user would set it: whatever fails, every contact is called exactly once, no
// contact ever travels under two request ids (a retried frame is the same idempotent request), and
// the output accounts for every frame the sandbox accepted.

// first: the leak capture must be recording before n8n loads
import { startLeakCheckedTestbed } from '../support/leak-checked-testbed';

import type { INode, INodeExecutionData } from 'n8n-workflow';

import type { Fault } from '../sandbox';
import { useTestbed } from '../support/testbed';

const bed = useTestbed(startLeakCheckedTestbed, ({ sandbox }) => {
	sandbox.octopush.tickets.clear();
	sandbox.octopush.balance = 10_000;
});

const SEND = '/voice-campaign/send';
const CONTACTS = 1250;
const items: INodeExecutionData[] = Array.from({ length: CONTACTS }, (_, i) => ({
	json: { phone: `+3362${String(i).padStart(7, '0')}`, name: `N${i}` },
}));
const phones = items.map((item) => item.json.phone as string);

let executions = 0;
/** The Octopush node on all items, with Retry On Fail (3 tries, 10 ms apart). */
async function runWithRetry() {
	const node: INode = {
		id: 'octopush-node',
		name: 'Octopush',
		type: bed.harness.nodeType('octopush'),
		typeVersion: 1,
		position: [0, 0],
		credentials: { octopushApi: bed.credentials.octopushApi },
		retryOnFail: true,
		maxTries: 3,
		waitBetweenTries: 10,
		parameters: {
			resource: 'voiceSms',
			operation: 'sendCampaign',
			mode: 'allItems',
			text: 'Hi {first_name}',
			phoneNumber: '={{ $json.phone }}',
			personalization: { firstName: '={{ $json.name }}' },
		},
	};
	const result = await bed.harness.run(
		{ nodes: [node], connections: {} },
		{ input: items, executionId: `faults-${++executions}` },
	);
	bed.capture.addRun(`octopush faults ${executions}`, result);
	return { ...result, items: result.output.Octopush ?? [] };
}

/** Arms `fault` for frame 2: frame 1 is held 300 ms, long enough to arm the fault behind it. */
async function faultOnFrame2(fault: Fault): Promise<void> {
	bed.sandbox.injectFault({ provider: 'octopush', method: 'POST', path: SEND, delayMs: 300 });
	while (bed.sandbox.requestsTo('octopush', 'POST', SEND).length < 1)
		await new Promise((resolve) => setTimeout(resolve, 5));
	bed.sandbox.injectFault({ provider: 'octopush', method: 'POST', path: SEND, ...fault });
}

interface Body {
	request_id: string;
	recipients: Array<{ phone_number: string }>;
}

/**
 * The invariants every fault must keep:
 * - every contact is in exactly one accepted ticket;
 * - every contact only ever travelled under one request id (so any repeat was an idempotent retry);
 * - the output: one item per frame, in order, pairedItem on the frame's contacts; the frames it
 *   reports `sent` carry the tickets the sandbox created by this run, and sent + already accepted
 *   frames cover every contact.
 */
function expectEveryContactOnce(run: Awaited<ReturnType<typeof runWithRetry>>): void {
	expect(run.error).toBeUndefined();
	const tickets = [...bed.sandbox.octopush.tickets.values()];
	const called = tickets.flatMap((ticket) => ticket.recipients.map((r) => r.phone_number));
	expect(called.length).toBe(CONTACTS);
	expect(new Set(called)).toEqual(new Set(phones));

	const requestIdsOf = new Map<string, Set<string>>();
	for (const request of bed.sandbox.requestsTo('octopush', 'POST', SEND)) {
		const body = request.body as Body;
		expect(body.request_id).toEqual(expect.any(String));
		for (const { phone_number } of body.recipients) {
			requestIdsOf.set(
				phone_number,
				(requestIdsOf.get(phone_number) ?? new Set()).add(body.request_id),
			);
		}
	}
	expect([...requestIdsOf.values()].filter((ids) => ids.size !== 1)).toEqual([]);

	expect(run.items.map((item) => item.json.frame)).toEqual([1, 2, 3]);
	const statuses = run.items.map((item) => item.json.frame_status);
	expect(statuses.every((s) => s === 'sent' || s === 'already_accepted')).toBe(true);
	const sent = run.items.filter((item) => item.json.frame_status === 'sent');
	for (const item of sent) {
		const ticket = bed.sandbox.octopush.tickets.get(item.json.ticket_number as string);
		expect(ticket?.recipients.length).toBe(item.json.number_of_contacts);
	}
	const accountedFor = run.items.flatMap((item) =>
		(item.pairedItem as Array<{ item: number }>).map((p) => p.item),
	);
	expect(accountedFor).toEqual(items.map((_, index) => index));
	expect(run.items[2].json.campaign_totals).toMatchObject({
		frames: 3,
		frames_sent: sent.length,
		frames_already_accepted: 3 - sent.length,
		frames_not_accepted: 0,
		number_of_contacts: sent.reduce(
			(total, item) => total + (item.json.number_of_contacts as number),
			0,
		),
	});
}

const statuses = () =>
	bed.sandbox
		.requestsTo('octopush', 'POST', SEND)
		.map((r) => (r.dropped ? `${r.status}/dropped-${r.dropped}` : r.status));

describe('Octopush faults, with Retry On Fail', () => {
	test.each([
		['500', { status: 500 }],
		['502', { status: 502 }],
		['429 with Retry-After', { status: 429, headers: { 'Retry-After': '1' } }],
	] as Array<[string, Fault]>)(
		'%s on frame 2: the retry skips frame 1 (already accepted) and sends frames 2 and 3',
		async (_name, fault) => {
			const [run] = await Promise.all([runWithRetry(), faultOnFrame2(fault)]);
			// try 1: frame 1 accepted, frame 2 failed; try 2: frame 1 refused as a duplicate request id, 2 and 3 accepted
			expect(statuses()).toEqual([200, fault.status, 400, 200, 200]);
			expect(run.items.map((item) => item.json.frame_status)).toEqual([
				'already_accepted',
				'sent',
				'sent',
			]);
			expectEveryContactOnce(run);
		},
	);

	test('connection reset after Octopush accepted frame 2: the retry finds frames 1 and 2 accepted and sends only frame 3', async () => {
		const [run] = await Promise.all([runWithRetry(), faultOnFrame2({ reset: 'after' })]);
		expect(statuses()).toEqual([200, '200/dropped-after', 400, 400, 200]);
		expect(run.items.map((item) => item.json.frame_status)).toEqual([
			'already_accepted',
			'already_accepted',
			'sent',
		]);
		expectEveryContactOnce(run);
	});

	test('connection reset before Octopush processed frame 2: the retry sends it (same request id) and frame 3', async () => {
		const [run] = await Promise.all([runWithRetry(), faultOnFrame2({ reset: 'before' })]);
		expect(statuses()).toEqual([200, '0/dropped-before', 400, 200, 200]);
		expect(run.items.map((item) => item.json.frame_status)).toEqual([
			'already_accepted',
			'sent',
			'sent',
		]);
		expectEveryContactOnce(run);
	});

	test('a slow answer (1.5 s on frame 2) is waited for: one try, nothing sent twice', async () => {
		const [run] = await Promise.all([runWithRetry(), faultOnFrame2({ delayMs: 1500 })]);
		expect(statuses()).toEqual([200, 200, 200]);
		expect(run.items.map((item) => item.json.frame_status)).toEqual(['sent', 'sent', 'sent']);
		expectEveryContactOnce(run);
	});

	test('faults on every try: the run fails, saying which frames were accepted; none was sent twice', async () => {
		const [run] = await Promise.all([
			runWithRetry(),
			(async () => {
				await faultOnFrame2({ status: 500 });
				// each retry re-sends frame 1 (refused as duplicate), then frame 2 fails again
				bed.sandbox.injectFault({
					provider: 'octopush',
					method: 'POST',
					path: SEND,
					status: 500,
					times: 10,
				});
			})(),
		]);
		expect(run.status).toBe('error');
		// try 1: frame 1 accepted, frame 2 failed; tries 2 and 3: frame 1 (the same request id) failed
		expect(statuses()).toEqual([200, 500, 500, 500]);
		expect([...bed.sandbox.octopush.tickets.keys()]).toHaveLength(1);
		// the last try cannot know frame 1 was accepted by the first: it says it may have been, and that 2-3 were not sent
		expect(run.error?.message).toBe(
			'Frame 1 of 3 got no usable answer from Octopush: Injected fault: HTTP 500. [item 0]',
		);
		expect(run.error?.description).toContain(
			'Not accepted: frame 1 (no answer: it may or may not have been accepted), frame 2 (not sent), frame 3 (not sent).',
		);
		const called = [...bed.sandbox.octopush.tickets.values()].flatMap((t) =>
			t.recipients.map((r) => r.phone_number),
		);
		expect(called).toEqual(phones.slice(0, 500));
	});
});
