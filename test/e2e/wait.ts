// "Call and Wait for Key Press" in real n8n: the execution waits (status `waiting`), the sandbox's call POSTs its
// COLLECT tones and then the conversation's final status to the execution's resume URL, and the execution resumes.

import type { Sandbox } from '../sandbox';
import {
	allExecutions,
	CREDENTIALS,
	manualTriggerNode,
	type N8n,
	outputOf,
	PACKAGE_NAME,
	type WorkflowJson,
} from './n8n';

const ROUTEE = 'Call and wait';
const IF = 'Pressed 1?';

function smsAndWaitWorkflow(id: string, to: string): WorkflowJson {
	return {
		id,
		name: `Send and wait ${id}`,
		nodes: [
			manualTriggerNode(id),
			{
				id: `${id}-routee`,
				name: 'Send and wait',
				type: `${PACKAGE_NAME}.routee`,
				typeVersion: 1,
				position: [240, 0],
				parameters: {
					resource: 'sms',
					operation: 'waitForDelivery',
					from: 'Shop',
					to,
					body: 'Your order has shipped.',
					options: {},
				},
				credentials: {
					routeeOAuth2Api: { id: CREDENTIALS.routee.id, name: CREDENTIALS.routee.name },
				},
			},
		],
		connections: { Start: { main: [[{ node: 'Send and wait', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	} as WorkflowJson;
}

function callAndWaitWorkflow(
	id: string,
	to: string,
	timeLimitMinutes = 10,
	options: object = {},
): WorkflowJson {
	return {
		id,
		name: `Call and wait ${id}`,
		nodes: [
			manualTriggerNode(id),
			{
				id: `${id}-routee`,
				name: ROUTEE,
				type: `${PACKAGE_NAME}.routee`,
				typeVersion: 1,
				position: [240, 0],
				parameters: {
					resource: 'voice',
					operation: 'callAndWait',
					from: '+306948530920',
					to,
					prompt: 'Press 1 to confirm your order.',
					timeLimitMinutes,
					options,
				},
				credentials: {
					routeeOAuth2Api: { id: CREDENTIALS.routee.id, name: CREDENTIALS.routee.name },
				},
			},
			{
				id: `${id}-if`,
				name: IF,
				type: 'n8n-nodes-base.if',
				typeVersion: 2.2,
				position: [480, 0],
				parameters: {
					conditions: {
						options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
						conditions: [
							{
								id: `${id}-c1`,
								leftValue: '={{ $json.digits }}',
								rightValue: '1',
								operator: { type: 'string', operation: 'equals' },
							},
						],
						combinator: 'and',
					},
					options: {},
				},
			},
			{
				id: `${id}-yes`,
				name: 'Confirmed',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [720, -100],
				parameters: {},
			},
			{
				id: `${id}-no`,
				name: 'Not confirmed',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [720, 100],
				parameters: {},
			},
		],
		connections: {
			Start: { main: [[{ node: ROUTEE, type: 'main', index: 0 }]] },
			[ROUTEE]: { main: [[{ node: IF, type: 'main', index: 0 }]] },
			[IF]: {
				main: [
					[{ node: 'Confirmed', type: 'main', index: 0 }],
					[{ node: 'Not confirmed', type: 'main', index: 0 }],
				],
			},
		},
		settings: { executionOrder: 'v1' },
	} as WorkflowJson;
}

async function startRun(n8n: N8n, workflowId: string): Promise<string> {
	const started = await n8n.request<{ executionId?: string }>(
		'POST',
		`/rest/workflows/${workflowId}/run`,
		{ triggerToStartFrom: { name: 'Start' } },
	);
	if (!started?.executionId)
		throw new Error(`n8n did not start workflow ${workflowId}: ${JSON.stringify(started)}`);
	return started.executionId;
}

async function waitForStatus(
	n8n: N8n,
	executionId: string,
	status: string,
	timeoutMs = 30000,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const execution = await n8n.execution(executionId);
		if (execution.status === status) return;
		if (Date.now() > deadline)
			throw new Error(
				`execution ${executionId} is ${execution.status}, not ${status}, after ${timeoutMs} ms`,
			);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

/**
 * Waits until the sandbox's callback of `kind` to this execution's resume URL got a 200, and checks that no attempt got
 * 409 (what n8n's /webhook-waiting would answer for a finished execution, which Routee retries for hours).
 */
async function expectAnsweredWithoutConflict(
	sandbox: Sandbox,
	kind: string,
	executionId: string,
	timeoutMs = 60000,
): Promise<void> {
	const attempts = () =>
		sandbox.callbacksSent.filter(
			(c) => c.kind === kind && c.url.includes(`/form-waiting/${executionId}`),
		);
	const deadline = Date.now() + timeoutMs;
	while (!attempts().some((c) => c.status === 200) && Date.now() < deadline)
		await new Promise((resolve) => setTimeout(resolve, 250));
	const statuses = attempts().map((c) => c.status);
	expect(statuses).toContain(200);
	expect(statuses).not.toContain(409);
}

export function registerWaitTests(context: () => { n8n: N8n; sandbox: Sandbox }): void {
	describe('Routee → Voice → Call and Wait for Key Press (n8n waiting execution)', () => {
		let n8n: N8n;
		let sandbox: Sandbox;
		let previousDelay: number;

		beforeAll(async () => {
			({ n8n, sandbox } = context());
			previousDelay = sandbox.options.deliveryDelayMs;
			// each call step 1 s apart, so the execution is saved as waiting before the first callback
			sandbox.options.deliveryDelayMs = 1000;
			await n8n.importWorkflows([
				callAndWaitWorkflow('e2ecallwait00001', '+33612345678'),
				callAndWaitWorkflow('e2ecallwait00002', '+33612340000'),
				callAndWaitWorkflow('e2ecallwait00003', '+33612345678', 0.1),
				callAndWaitWorkflow('e2ecallwait00004', '+33612345604', 10, {
					voicemailMessage: 'We called about your order.',
				}),
				callAndWaitWorkflow('e2ecallwait00005', '+33612345678'),
				smsAndWaitWorkflow('e2esmswait000001', '+33612345678'),
				smsAndWaitWorkflow('e2esmswait000002', '+33612340000'),
			]);
		}, 120000);

		afterAll(() => {
			sandbox.options.deliveryDelayMs = previousDelay;
		});

		test('waits, the callee presses 1 (COLLECT to the resume URL), the execution resumes with digits "1" and the IF takes "true"', async () => {
			const executionId = await startRun(n8n, 'e2ecallwait00001');
			await waitForStatus(n8n, executionId, 'waiting');
			const [conversation] = sandbox.requestsTo('routee', 'POST', '/voice/conversation');
			const body = conversation.body as any;
			const resumeUrl = n8n.webhookUrl('').replace(/webhook\/$/, `form-waiting/${executionId}`);
			expect(body.callback).toEqual({
				url: expect.stringContaining(resumeUrl),
				strategy: 'OnCompletion',
			});
			expect(body.dialPlan.verbs).toEqual([
				expect.objectContaining({
					type: 'SAY',
					message: expect.objectContaining({ text: 'Press 1 to confirm your order.' }),
				}),
				{ type: 'COLLECT', eventUrl: body.callback.url, maxDigits: 1, submitOnHash: true },
			]);
			// the resume URL carries n8n's token for this execution; without it n8n refuses the call and the execution waits on
			expect(body.callback.url).toMatch(/[?&]signature=[^&]+/);
			const unsigned = await fetch(body.callback.url.replace(/[?&]signature=[^&]+/, ''), {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ messageId: 'x', status: { name: 'Completed' } }),
			});
			expect(unsigned.status).toBe(401);
			const run = await n8n.waitForExecution(executionId, 60000);
			expect({ status: run.status, error: run.data.resultData.error?.message }).toEqual({
				status: 'success',
				error: undefined,
			});
			expect(n8n.logTail(1_000_000)).not.toContain(
				new URL(body.callback.url).searchParams.get('signature'),
			);
			const [item] = outputOf(run, ROUTEE);
			expect(item.json).toMatchObject({
				digits: '1',
				keyPressed: true,
				answered: true,
				status: 'Completed',
				timedOut: false,
				to: '+33612345678',
			});
			expect(JSON.stringify(item.json)).not.toContain('signature=');
			expect(outputOf(run, 'Confirmed')).toHaveLength(1);
			expect(run.data.resultData.runData['Not confirmed']).toBeUndefined();
			// the COLLECT event came first and was answered 200 without resuming; the final status resumed
			const callbacks = sandbox.callbacksSent.filter((c) => c.url === body.callback.url);
			expect(callbacks.map((c) => [c.kind, c.status])).toEqual([
				['routee.collect', 200],
				['routee.conversation', 200],
			]);
		}, 90000);

		test('a late repeat of the final callback after the execution finished gets 200, so Routee does not retry it', async () => {
			const [first] = sandbox.callbacksSent
				.filter((c) => c.kind === 'routee.conversation' && c.status === 200)
				.slice(-1);
			const again = await fetch(first.url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(first.body),
			});
			// the resume URL is n8n's form-waiting address: a finished execution answers 200 there (409 on /webhook-waiting)
			expect(again.status).toBe(200);
			expect(await again.text()).not.toContain(new URL(first.url).searchParams.get('signature'));
		});

		test('not answered: the execution resumes at once with answered: false and the IF takes "false"', async () => {
			const executionId = await startRun(n8n, 'e2ecallwait00002');
			await waitForStatus(n8n, executionId, 'waiting');
			const run = await n8n.waitForExecution(executionId, 60000);
			expect(run.status).toBe('success');
			const [item] = outputOf(run, ROUTEE);
			expect(item.json).toMatchObject({
				digits: '',
				keyPressed: false,
				answered: false,
				status: 'NoAnswer',
				timedOut: false,
			});
			expect(outputOf(run, 'Not confirmed')).toHaveLength(1);
		}, 90000);

		test('an answering machine (Voicemail Message set): Routee gets the voicemail dialplan, the execution resumes at once with MachineDetected', async () => {
			const executionId = await startRun(n8n, 'e2ecallwait00004');
			await waitForStatus(n8n, executionId, 'waiting');
			const run = await n8n.waitForExecution(executionId, 60000);
			expect(run.status).toBe('success');
			const [item] = outputOf(run, ROUTEE);
			expect(item.json).toMatchObject({
				status: 'MachineDetected',
				machineDetected: true,
				answered: false,
				digits: '',
				timedOut: false,
			});
			expect(outputOf(run, 'Not confirmed')).toHaveLength(1);
			const [machine] = sandbox.callbacksSent.filter(
				(c) => c.kind === 'routee.machine' && c.url.includes(`/form-waiting/${executionId}`),
			);
			expect(machine.status).toBe(200);
			expect(JSON.parse(machine.responseBody ?? '')).toEqual({
				verbs: [
					{
						type: 'SAY',
						message: expect.objectContaining({ text: 'We called about your order.' }),
						repeat: 0,
						bargeIn: false,
					},
				],
			});
			// the call's final status comes after the machine event resumed the execution: n8n answers it 200 once the
			// execution has finished (an attempt while it still runs is left unanswered and times out: Routee asks again)
			await expectAnsweredWithoutConflict(sandbox, 'routee.conversation', executionId);
		}, 120000);

		test("refused by Routee (balance too low): the saved execution and n8n's log hold neither the resume URL's signature nor the access token", async () => {
			const balance = sandbox.routee.balance;
			sandbox.routee.balance = 0;
			let executionId: string;
			try {
				executionId = await startRun(n8n, 'e2ecallwait00005');
				await n8n.waitForExecution(executionId, 60000);
			} finally {
				sandbox.routee.balance = balance;
			}
			// the execution as n8n saved it, with its data (GET /rest/executions/:id, what the executions list shows)
			const run = await n8n.execution(executionId);
			expect(run.status).toBe('error');
			const error = run.data.resultData.error as { message?: string; description?: string };
			expect(error.message).toMatch(/^Routee refused the request \(code 400001009\): .+/);
			expect(error.description).toMatch(/Your Routee balance is too low/);
			// the refused request carried both
			const [conversation] = sandbox.requestsTo('routee', 'POST', '/voice/conversation').slice(-1);
			const callbackUrl = (conversation.body as any).callback.url as string;
			expect(callbackUrl).toContain(`/form-waiting/${executionId}`);
			const signature = new URL(callbackUrl).searchParams.get('signature');
			expect(signature).toMatch(/^.{8,}$/);
			const token = String(conversation.headers.authorization).replace(/^Bearer /, '');
			expect(sandbox.routee.tokens.has(token)).toBe(true);
			const [[, applicationSecret]] = [...sandbox.routee.applications];
			// n8n keeps its own copy of the resume token with the execution (data.resumeToken: it checks callers
			// against it); everything else it saved is what the node left there
			const { resumeToken: _n8nOwn, ...saved } = run.data as unknown as Record<string, unknown>;
			const savedText = JSON.stringify({ ...run, data: saved });
			expect(savedText).toContain('400001009');
			for (const secret of [signature as string, token, applicationSecret]) {
				expect(savedText).not.toContain(secret);
				expect(n8n.logTail(10_000_000)).not.toContain(secret);
			}
		}, 90000);

		test("retried from the executions list after Routee refused it: the retry places the call once, with the RETRY's resume URL, waits and resumes with the key pressed", async () => {
			const balance = sandbox.routee.balance;
			sandbox.routee.balance = 0;
			let refusedId: string;
			try {
				refusedId = await startRun(n8n, 'e2ecallwait00005');
				expect((await n8n.waitForExecution(refusedId, 60000)).status).toBe('error');
			} finally {
				sandbox.routee.balance = balance;
			}
			const callsBefore = sandbox.requestsTo('routee', 'POST', '/voice/conversation').length;
			// the user's "Retry" in the executions list (POST /rest/executions/:id/retry)
			await n8n.request('POST', `/rest/executions/${refusedId}/retry`, { loadWorkflow: false });
			const retry = (await allExecutions(n8n)).find((e) => String(e.retryOf ?? '') === refusedId);
			expect(retry).toBeDefined();
			const run = await n8n.waitForExecution(retry!.id, 60000);
			expect({ status: run.status, error: run.data.resultData.error?.message }).toEqual({
				status: 'success',
				error: undefined,
			});
			// placed once: in queue mode the retry may run on the other worker within Routee's 1 call/s, be refused
			// for rate (429, nothing started) and be sent again (see nodes/Routee/transport/index.ts)
			const calls = sandbox.requestsTo('routee', 'POST', '/voice/conversation').slice(callsBefore);
			const placed = calls.filter((call) => call.status !== 429);
			expect(placed.map((call) => call.status)).toEqual([200]);
			const callbackUrl = (placed[0].body as any).callback.url as string;
			expect(callbackUrl).toContain(`/form-waiting/${retry!.id}?`);
			expect(outputOf(run, ROUTEE)[0].json).toMatchObject({ digits: '1', status: 'Completed' });
			expect(outputOf(run, 'Confirmed')).toHaveLength(1);
		}, 120000);

		test('SMS → Send and Wait for Delivery: waits, resumes with the final status (delivered, and undelivered with its reason)', async () => {
			const delivered = await startRun(n8n, 'e2esmswait000001');
			await waitForStatus(n8n, delivered, 'waiting');
			const [sms] = sandbox.requestsTo('routee', 'POST', '/sms').slice(-1);
			expect((sms.body as any).callback).toEqual({
				url: expect.stringContaining(`/form-waiting/${delivered}`),
				strategy: 'OnCompletion',
			});
			const run = await n8n.waitForExecution(delivered, 60000);
			expect(run.status).toBe('success');
			expect(outputOf(run, 'Send and wait')[0].json).toMatchObject({
				delivered: true,
				status: 'Delivered',
				isFinal: true,
				timedOut: false,
				to: '+33612345678',
			});

			const undelivered = await startRun(n8n, 'e2esmswait000002');
			const failed = await n8n.waitForExecution(undelivered, 60000);
			expect(failed.status).toBe('success');
			expect(outputOf(failed, 'Send and wait')[0].json).toMatchObject({
				delivered: false,
				status: 'Undelivered',
				isFinal: true,
				reason: expect.objectContaining({ detailedStatus: 'Unknown Number' }),
			});
		}, 120000);

		test('time limit: with no final callback the execution resumes with timedOut: true', async () => {
			// the limit is 6 s; the sandbox's call steps 20 s apart, so its final callback comes after the limit
			sandbox.options.deliveryDelayMs = 20000;
			try {
				const executionId = await startRun(n8n, 'e2ecallwait00003');
				await waitForStatus(n8n, executionId, 'waiting');
				const run = await n8n.waitForExecution(executionId, 150000);
				expect(run.status).toBe('success');
				const [item] = outputOf(run, ROUTEE);
				expect(item.json).toMatchObject({
					timedOut: true,
					digits: '',
					answered: false,
					to: '+33612345678',
					trackingId: expect.any(String),
				});
				expect(outputOf(run, 'Not confirmed')).toHaveLength(1);
				// the call's final status arrives after the execution finished: n8n answers it 200
				await expectAnsweredWithoutConflict(sandbox, 'routee.conversation', executionId, 120000);
			} finally {
				sandbox.options.deliveryDelayMs = 1000;
			}
		}, 300000);
	});
}
