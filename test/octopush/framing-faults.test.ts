import type { Fault } from '../sandbox';
import { useTestbed } from '../support/testbed';
import { contactItems, startTestbed } from './setup';

const t = useTestbed(startTestbed, (testbed) => {
	testbed.sandbox.octopush.balance = 10_000;
	testbed.sandbox.octopush.tickets.clear();
});

const SEND = '/voice-campaign/send';
const parameters = {
	resource: 'voiceSms',
	operation: 'sendCampaign',
	mode: 'allItems',
	text: 'Hi {first_name}',
	phoneNumber: '={{ $json.phone }}',
	personalization: { firstName: '={{ $json.name }}' },
};
const items = contactItems(1250);
const range = (from: number, to: number) =>
	Array.from({ length: to - from }, (_, i) => ({ item: from + i }));

/** Arms `fault` for the second frame: the first frame is held 300 ms, long enough to arm it behind it. */
async function faultOnFrame2(fault: Fault): Promise<void> {
	t.sandbox.injectFault({ provider: 'octopush', method: 'POST', path: SEND, delayMs: 300 });
	while (t.sandbox.requestsTo('octopush', 'POST', SEND).length < 1)
		await new Promise((resolve) => setTimeout(resolve, 5));
	t.sandbox.injectFault({ provider: 'octopush', method: 'POST', path: SEND, ...fault });
}

/** Every number the sandbox accepted a voice campaign for, once per accepted ticket. */
function numbersCalled(): string[] {
	return [...t.sandbox.octopush.tickets.values()].flatMap((ticket) =>
		ticket.recipients.map((r) => r.phone_number),
	);
}

const REFUSED: Fault = {
	status: 400,
	body: {
		code: 400,
		message: 'Payload validation error.',
		errors: { recipients: { code: 117, message: 'No valid numbers.' } },
	},
};

describe('a frame fails', () => {
	test('frame 2 refused: the error says frame 1 was accepted (ticket) and frames 2-3 were not; a retry of the same execution does not re-send frame 1', async () => {
		const [first] = await Promise.all([
			t.run(parameters, { input: items, executionId: 'exec-fault' }),
			faultOnFrame2(REFUSED),
		]);

		expect(first.status).toBe('error');
		const sent = t.sandbox.requestsTo('octopush', 'POST', SEND);
		expect(sent.map((q) => q.status)).toEqual([200, 400]);
		const ticket1 = [...t.sandbox.octopush.tickets.keys()][0];
		const ids = sent.map((q) => (q.body as { request_id: string }).request_id);
		expect(first.error?.message).toBe(
			'Octopush refused frame 2 of 3: Recipients (recipients): No valid numbers. (code 117) [item 0]',
		);
		expect(first.error?.description).toContain(
			`Accepted: frame 1 (ticket ${ticket1}, request ID ${ids[0]}).`,
		);
		expect(first.error?.description).toContain(
			'Not accepted: frame 2 (refused), frame 3 (not sent).',
		);
		expect(first.error?.description).toContain('None of the phone numbers is valid.');
		expect(first.error?.context?.frames).toEqual([
			{ frame: 1, request_id: ids[0], frame_status: 'sent', ticket_number: ticket1 },
			{ frame: 2, request_id: ids[1], frame_status: 'refused' },
			{ frame: 3, request_id: expect.stringMatching(/-2$/), frame_status: 'not_sent' },
		]);
		expect(numbersCalled()).toHaveLength(500);

		// n8n retrying the node in the same execution
		t.sandbox.clearRequests();
		const retry = await t.run(parameters, { input: items, executionId: 'exec-fault' });

		expect(retry.error).toBeUndefined();
		const resent = t.sandbox.requestsTo('octopush', 'POST', SEND);
		expect(resent.map((q) => (q.body as { request_id: string }).request_id)).toEqual([
			ids[0],
			ids[1],
			expect.stringMatching(/-2$/),
		]);
		expect(resent.map((q) => q.status)).toEqual([400, 200, 200]);
		expect(retry.items.map((item) => item.json.frame_status)).toEqual([
			'already_accepted',
			'sent',
			'sent',
		]);
		expect(retry.items[0]).toEqual({
			json: {
				frame: 1,
				frames: 3,
				request_id: ids[0],
				frame_status: 'already_accepted',
				message: expect.stringContaining('already sent it, so it was not sent again'),
			},
			pairedItem: range(0, 500),
		});
		expect(retry.items.map((item) => item.pairedItem)).toEqual([
			range(0, 500),
			range(500, 1000),
			range(1000, 1250),
		]);
		expect(retry.items[2].json.campaign_totals).toEqual({
			frames: 3,
			frames_sent: 2,
			frames_already_accepted: 1,
			frames_not_accepted: 0,
			number_of_contacts: 750,
			total_cost: 37.5,
		});
		// every contact was called exactly once over both runs
		const called = numbersCalled();
		expect(called).toHaveLength(1250);
		expect(new Set(called).size).toBe(1250);
	});

	test('frame 2 gets no answer (connection dropped after Octopush accepted it): reported as unknown; the retry sends only frame 3', async () => {
		const [first] = await Promise.all([
			t.run(parameters, { input: items, executionId: 'exec-reset' }),
			faultOnFrame2({ reset: 'after' }),
		]);

		expect(first.status).toBe('error');
		expect(first.error?.message).toMatch(/^Frame 2 of 3 got no usable answer from Octopush: /);
		expect(first.error?.description).toContain(
			'Not accepted: frame 2 (no answer: it may or may not have been accepted), frame 3 (not sent).',
		);
		expect(t.sandbox.requestsTo('octopush', 'POST', SEND)).toHaveLength(2);

		const retry = await t.run(parameters, { input: items, executionId: 'exec-reset' });
		expect(retry.error).toBeUndefined();
		expect(retry.items.map((item) => item.json.frame_status)).toEqual([
			'already_accepted',
			'already_accepted',
			'sent',
		]);
		const called = numbersCalled();
		expect(called).toHaveLength(1250);
		expect(new Set(called).size).toBe(1250);
	});

	test('with Continue On Fail: one item per frame; the refused frame carries the error, the next is marked not sent', async () => {
		const [r] = await Promise.all([
			t.run(parameters, { input: items, executionId: 'exec-cof', continueOnFail: true }),
			faultOnFrame2(REFUSED),
		]);

		expect(r.error).toBeUndefined();
		expect(r.items.map((item) => item.pairedItem)).toEqual([
			range(0, 500),
			range(500, 1000),
			range(1000, 1250),
		]);
		expect(r.items.map((item) => item.json.frame_status)).toEqual(['sent', 'refused', 'not_sent']);
		expect(r.items[0].json.ticket_number).toMatch(/^voice_/);
		expect(r.items[1].json.error).toBe(
			'Octopush refused the request: Recipients (recipients): No valid numbers. (code 117)',
		);
		expect(r.items[2].json.error).toBe('Not sent, because frame 2 failed');
		expect(r.items[2].json.campaign_totals).toEqual({
			frames: 3,
			frames_sent: 1,
			frames_already_accepted: 0,
			frames_not_accepted: 2,
			number_of_contacts: 500,
			total_cost: 25,
		});
	});

	test('a user Request ID gets "-1", "-2", … per frame, so even a new execution does not re-send accepted frames', async () => {
		const withId = { ...parameters, options: { requestId: 'crm-4711' } };
		const [first] = await Promise.all([
			t.run(withId, { input: items, executionId: 'exec-a' }),
			faultOnFrame2(REFUSED),
		]);
		expect(first.status).toBe('error');
		expect(first.error?.description).toContain(
			'Any re-run with the same Request ID sends only the frames not accepted yet',
		);

		t.sandbox.clearRequests();
		const retry = await t.run(withId, { input: items, executionId: 'exec-b' });
		expect(retry.error).toBeUndefined();
		expect(
			t.sandbox
				.requestsTo('octopush', 'POST', SEND)
				.map((q) => (q.body as { request_id: string }).request_id),
		).toEqual(['crm-4711-1', 'crm-4711-2', 'crm-4711-3']);
		expect(retry.items.map((item) => item.json.frame_status)).toEqual([
			'already_accepted',
			'sent',
			'sent',
		]);
		expect(new Set(numbersCalled()).size).toBe(1250);
		expect(numbersCalled()).toHaveLength(1250);
	});
});

// n8n queue mode: a worker stopped (SIGKILL) in the middle of a framed send leaves no output and no error. n8n
// 2.40.7 does not re-run it (its Bull queue has maxStalledCount 0: the stalled job fails); main's queue recovery
// marks the execution crashed, and the user's "Retry" from the executions list starts a NEW execution (mode
// `retry`, a new id; `retryOf` is kept by n8n but not given to the node). Run 1 below accepts frames 1-2, then
// frame 3 never reaches Octopush (the worker is gone); run 2 is that retry.
describe('a worker stopped after frames 1-2 were accepted, then "Retry" from the executions list (a new execution)', () => {
	/** Frames 1-2 are accepted, frame 3 never arrives (its connection is cut before Octopush reads it). */
	function stopBeforeFrame3(): void {
		t.sandbox.injectFault({
			provider: 'octopush',
			method: 'POST',
			path: SEND,
			delayMs: 0,
			times: 2,
		});
		t.sandbox.injectFault({ provider: 'octopush', method: 'POST', path: SEND, reset: 'before' });
	}

	test('with a Request ID: the retry sends only frame 3; every recipient is called once', async () => {
		const withId = { ...parameters, options: { requestId: 'crm-campaign-88' } };
		stopBeforeFrame3();
		await t.run(withId, { input: items, executionId: 'exec-stopped' });
		expect(
			t.sandbox.requestsTo('octopush', 'POST', SEND).filter((q) => q.status === 200),
		).toHaveLength(2);
		expect(numbersCalled()).toHaveLength(1000);

		t.sandbox.clearRequests();
		const retry = await t.run(withId, { input: items, executionId: 'exec-retry-of-stopped' });

		expect(retry.error).toBeUndefined();
		const sent = t.sandbox.requestsTo('octopush', 'POST', SEND);
		expect(sent.map((q) => [(q.body as { request_id: string }).request_id, q.status])).toEqual([
			['crm-campaign-88-1', 400],
			['crm-campaign-88-2', 400],
			['crm-campaign-88-3', 200],
		]);
		expect(retry.items.map((item) => item.json.frame_status)).toEqual([
			'already_accepted',
			'already_accepted',
			'sent',
		]);
		const called = numbersCalled();
		expect(called).toHaveLength(1250);
		expect(new Set(called).size).toBe(1250);
	});

	test('without a Request ID no stable key exists: the retry would re-send frames 1-2, and the failed run says so', async () => {
		stopBeforeFrame3();
		const first = await t.run(parameters, { input: items, executionId: 'exec-stopped-2' });
		// (with SIGKILL there is no such error; with a failure there is, and it says what a retry would do)
		expect(first.error?.description).toContain('Accepted: frame 1 (ticket');
		expect(first.error?.description).toContain(
			'n8n does not tell the node which execution it retries',
		);
		expect(first.error?.description).toContain(
			'every frame, the accepted ones above included, would be sent again',
		);
		expect(first.error?.description).toContain('set Options → Request ID');

		const retry = await t.run(parameters, { input: items, executionId: 'exec-retry-of-stopped-2' });
		expect(retry.items.map((item) => item.json.frame_status)).toEqual(['sent', 'sent', 'sent']);
		// the 1000 recipients of frames 1-2 were called twice: what Options → Request ID prevents
		const called = numbersCalled();
		expect(called).toHaveLength(2250);
		expect(new Set(called).size).toBe(1250);
	});
});
