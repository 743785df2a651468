// Queue mode only (real-n8n.test.ts runs these in the `<version>:queue` set-up, after the checks every set-up
// runs): where executions and calls really went, what is per process when there are two webhook processes
// and two workers (measured with the sandbox counting), and a worker killed in the middle of a framed
// Octopush campaign, then retried the way n8n offers.
//
// The contract the node keeps across processes (issue 16): a stable `eventId` on every trigger event, and
// conversations refused for rate retried with back-off.

import type { RecordedRequest, Sandbox } from '../sandbox';
import {
	CALLBACK_SECRET,
	CREDENTIALS,
	type ExecutionJson,
	allExecutions,
	isQueue,
	manualTriggerNode,
	type N8n,
	outputOf,
	PACKAGE_NAME,
	type QueueN8n,
	type WorkflowJson,
} from './n8n';
import { eventsOf, executionCountAfter, sendSmsThroughSandbox, triggerWorkflow } from './triggers';

const FINISHED = ['success', 'error', 'canceled', 'crashed'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const report = (line: string) => process.stdout.write(`[queue-mode] ${line}\n`);

async function until<T>(
	what: string,
	probe: () => Promise<T | undefined> | T | undefined,
	timeoutMs: number,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined && value !== false) return value;
		if (Date.now() > deadline)
			throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await sleep(250);
	}
}

/** Manual Trigger → Set (a list of numbers) → Split Out → Routee "Start Conversation" to each number. */
function conversationsWorkflow(id: string, numbers: string[]): WorkflowJson {
	return {
		id,
		name: `Conversations ${id}`,
		nodes: [
			manualTriggerNode(id),
			{
				id: `${id}-set`,
				name: 'Numbers',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [200, 0],
				parameters: { mode: 'raw', jsonOutput: JSON.stringify({ numbers }), options: {} },
			},
			{
				id: `${id}-split`,
				name: 'Each number',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [400, 0],
				parameters: { fieldToSplitOut: 'numbers', options: {} },
			},
			{
				id: `${id}-routee`,
				name: 'Routee',
				type: `${PACKAGE_NAME}.routee`,
				typeVersion: 1,
				position: [600, 0],
				parameters: {
					resource: 'voice',
					operation: 'startConversation',
					from: '+306948530900',
					toType: 'phone',
					to: '={{ $json.numbers }}',
					dialPlanSource: 'verbs',
					verbs: {
						verb: [
							{
								type: 'SAY',
								text: 'Your order is ready.',
								language: 'en-GB',
								gender: 'female',
								repeat: 0,
								bargeIn: false,
							},
						],
					},
					options: {},
				},
				credentials: {
					routeeOAuth2Api: { id: CREDENTIALS.routee.id, name: CREDENTIALS.routee.name },
				},
			},
		],
		connections: {
			Start: { main: [[{ node: 'Numbers', type: 'main', index: 0 }]] },
			Numbers: { main: [[{ node: 'Each number', type: 'main', index: 0 }]] },
			'Each number': { main: [[{ node: 'Routee', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/** Manual Trigger → Octopush voice SMS campaign to `numbers`, one recipient per frame, one frame at a time. */
function framedCampaignWorkflow(id: string, numbers: string[], requestId: string): WorkflowJson {
	return {
		id,
		name: `Framed campaign ${id}`,
		nodes: [
			manualTriggerNode(id),
			{
				id: `${id}-octopush`,
				name: 'Octopush',
				type: `${PACKAGE_NAME}.octopush`,
				typeVersion: 1,
				position: [240, 0],
				parameters: {
					resource: 'voiceSms',
					operation: 'sendCampaign',
					mode: 'perItem',
					text: 'Your appointment is tomorrow.',
					recipientsInput: 'fields',
					recipients: { recipient: numbers.map((phoneNumber) => ({ phoneNumber })) },
					sender: 'MyClinic',
					voiceLanguage: 'fr-FR',
					voiceGender: 'female',
					options: {
						defaultCountry: 'FR',
						purpose: 'alert',
						frameSize: 1,
						framesInParallel: 1,
						requestId,
					},
				},
				credentials: {
					octopushApi: { id: CREDENTIALS.octopush.id, name: CREDENTIALS.octopush.name },
				},
			},
		],
		connections: { Start: { main: [[{ node: 'Octopush', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** Starts a Manual Trigger workflow as the editor does, without waiting; resolves with the execution id. */
async function startRun(n8n: N8n, workflowId: string): Promise<string> {
	const started = await n8n.request('POST', `/rest/workflows/${workflowId}/run`, {
		triggerToStartFrom: { name: 'Start' },
	});
	if (!started?.executionId)
		throw new Error(`n8n did not start workflow ${workflowId}: ${JSON.stringify(started)}`);
	return String(started.executionId);
}

/** Recipients of accepted (2xx) Octopush campaign frames, one entry per acceptance. */
function acceptedRecipients(requests: RecordedRequest[]): string[] {
	return requests
		.filter((r) => r.status >= 200 && r.status < 300)
		.flatMap((r) =>
			(r.body as { recipients: Array<{ phone_number: string }> }).recipients.map(
				(x) => x.phone_number,
			),
		);
}

function countOf(values: string[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
	return counts;
}

export function registerQueueModeTests(context: () => { n8n: N8n; sandbox: Sandbox }): void {
	let n8n: QueueN8n;
	let sandbox: Sandbox;

	beforeAll(() => {
		const current = context();
		if (!isQueue(current.n8n))
			throw new Error('registerQueueModeTests needs the queue-mode set-up');
		n8n = current.n8n;
		sandbox = current.sandbox;
	});

	describe('queue mode: where executions and calls went', () => {
		test('every execution of the suite ran on a worker (worker logs), both workers ran some, the main process none', async () => {
			const executions = (await allExecutions(n8n)).filter(
				(e) => FINISHED.includes(e.status) || e.status === 'waiting',
			);
			expect(executions.length).toBeGreaterThan(20);
			const byWorker = n8n.executionsByWorker();
			const notOnAWorker = executions
				.filter((e) => n8n.workerOf(e.id) === undefined)
				.map((e) => `${e.id} (${e.mode}, ${e.status})`);
			expect(notOnAWorker).toEqual([]);
			expect(Object.values(byWorker).map((ids) => ids.length > 0)).toEqual([true, true]);
			expect(n8n.logTail(10_000_000).split('--- webhook-1')[0]).not.toMatch(
				/Worker started execution/,
			);
			report(
				`executions per worker: ${Object.entries(byWorker)
					.map(([name, ids]) => `${name} ${new Set(ids).size}`)
					.join(', ')} (of ${executions.length})`,
			);
		});

		test('production callbacks and resume calls reached n8n through the webhook process; test webhooks through main', () => {
			const served = n8n.proxy.served;
			const production = served.filter((r) =>
				/^\/(webhook|webhook-waiting|form-waiting)\//.test(r.path),
			);
			expect(production.length).toBeGreaterThan(10);
			expect(production.filter((r) => r.target !== 'webhook')).toEqual([]);
			// the Call and Wait / Send and Wait executions were resumed through it
			expect(production.some((r) => r.path.startsWith('/form-waiting/'))).toBe(true);
			const tests = served.filter((r) => r.path.startsWith('/webhook-test/'));
			expect(tests.length).toBeGreaterThan(0);
			expect(tests.filter((r) => r.target !== 'main')).toEqual([]);
			// n8n handed out the load balancer's URLs: the sandbox never called a process directly
			// (the examples' fixed COLLECT URL, http://localhost:5678/…, points at no n8n of this suite)
			const direct = [
				n8n.baseUrl,
				...n8n.webhookProcesses.map((p) => `http://127.0.0.1:${p.port}`),
			];
			const sandboxCalls = sandbox.callbacksSent.filter((c) =>
				c.url.startsWith(`${n8n.webhookBaseUrl}/`),
			);
			expect(sandboxCalls.length).toBeGreaterThan(10);
			expect(
				sandbox.callbacksSent
					.filter((c) => direct.some((base) => c.url.startsWith(`${base}/`)))
					.map((c) => c.url),
			).toEqual([]);
			report(
				`through the webhook process: ${production.length} calls (${production.filter((r) => r.path.startsWith('/form-waiting/')).length} resume calls); through main: ${tests.length} test-webhook calls`,
			);
		});
	});

	describe('queue mode: the same callback at two webhook processes', () => {
		const workflowId = 'e2equeuedupcb001';
		const webhookId = 'e2e-queue-duplicate-callback';
		const name = 'Routee Trigger';
		let executions: ExecutionJson[] = [];

		beforeAll(async () => {
			await n8n.addWebhookProcess();
			await n8n.importWorkflows([
				triggerWorkflow(
					workflowId,
					name,
					'routeeTrigger',
					webhookId,
					{ events: ['smsStatus'], callerAuthentication: 'queryToken' },
					{
						routeeOctopushCallbackSecretApi: {
							id: CREDENTIALS.callbackSecret.id,
							name: CREDENTIALS.callbackSecret.name,
						},
					},
				),
			]);
			await n8n.activate(workflowId);
		}, 300000);

		afterAll(async () => {
			await n8n.deactivate(workflowId).catch(() => undefined);
		});

		test('a repeat at the same webhook process is dropped; the same callback at another webhook process starts a second execution (at least once across processes)', async () => {
			const query = `?token=${CALLBACK_SECRET}`;
			const url = `${n8n.webhookUrl(`${webhookId}/webhook`)}${query}`;
			const messageId = await sendSmsThroughSandbox(sandbox, '+33612345601', url);
			await n8n.waitForExecutions(workflowId, 1);
			const [first] = sandbox.callbacksSent.filter(
				(c) => c.kind === 'routee.sms' && c.url === url && c.status === 200,
			);
			expect(first).toBeDefined();
			const post = (target: string) =>
				fetch(target, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify(first.body),
				});
			// the proxy sent the first delivery to webhook process 1: a repeat there is recognised
			expect(
				(await post(`${n8n.webhookProcessUrl(0, `${webhookId}/webhook`)}${query}`)).status,
			).toBe(200);
			expect(await executionCountAfter(n8n, workflowId, 2000)).toBe(1);
			// webhook process 2 has its own memory: the same callback is new to it
			expect(
				(await post(`${n8n.webhookProcessUrl(1, `${webhookId}/webhook`)}${query}`)).status,
			).toBe(200);
			executions = await n8n.waitForExecutions(workflowId, 2);
			expect(await executionCountAfter(n8n, workflowId, 2000)).toBe(2);
			const events = eventsOf(executions, name);
			expect(events.map((e) => [e.kind, e.messageId, e.status])).toEqual([
				['smsStatus', messageId, 'Delivered'],
				['smsStatus', messageId, 'Delivered'],
			]);
			report(
				'same callback at webhook process 1 twice → 1 execution; then at webhook process 2 → 2 executions in all',
			);
		}, 120000);

		test('both executions carry the same stable eventId, so a follow-up can drop the repeat', () => {
			const events = eventsOf(executions, name);
			expect(events).toHaveLength(2);
			expect(typeof events[0].eventId).toBe('string');
			expect(String(events[0].eventId).length).toBeGreaterThan(0);
			expect(events[1].eventId).toBe(events[0].eventId);
		});
	});

	describe('queue mode: Routee conversations started on two workers at once', () => {
		const numbers = {
			a: ['+306948530931', '+306948530932', '+306948530933'],
			b: ['+306948530941', '+306948530942', '+306948530943'],
		};
		let runs: ExecutionJson[] = [];
		let arrivals: RecordedRequest[] = [];

		beforeAll(async () => {
			await n8n.importWorkflows([
				conversationsWorkflow('e2equeuepacing0a', numbers.a),
				conversationsWorkflow('e2equeuepacing0b', numbers.b),
			]);
		}, 120000);

		test('each worker paces only itself: arrivals at Routee come closer than 1 s apart and Routee refuses some for rate (429)', async () => {
			expect(sandbox.options.conversationMinIntervalMs).toBe(1000);
			// Bull hands the two jobs to whichever worker asks first; both workers usually get one. Try again if not.
			for (let attempt = 1; ; attempt++) {
				sandbox.clearRequests();
				const ids = await Promise.all([
					startRun(n8n, 'e2equeuepacing0a'),
					startRun(n8n, 'e2equeuepacing0b'),
				]);
				runs = await Promise.all(ids.map((id) => n8n.waitForExecution(id, 120000)));
				arrivals = sandbox
					.requestsTo('routee', 'POST', '/voice/conversation')
					.sort((x, y) => x.at - y.at);
				const workers = new Set(ids.map((id) => n8n.workerOf(id)));
				if (workers.size === 2) break;
				if (attempt === 3)
					throw new Error(
						`the two executions ran on the same worker ${attempt} times: ${[...workers].join(', ')}`,
					);
			}
			const gaps = arrivals.slice(1).map((r, i) => r.at - arrivals[i].at);
			const refused = arrivals.filter((r) => r.status === 429);
			const perSecond = Math.max(
				...arrivals.map((r) => arrivals.filter((x) => x.at >= r.at && x.at < r.at + 1000).length),
			);
			report(
				`conversations from 2 workers: ${arrivals.length} arrivals, statuses ${arrivals.map((r) => r.status).join(' ')}, gaps ${gaps.join('/')} ms, ` +
					`max ${perSecond} in 1 s, executions ${runs.map((r) => r.status).join(' ')}`,
			);
			expect(Math.min(...gaps)).toBeLessThan(1000);
			expect(perSecond).toBeGreaterThanOrEqual(2);
			expect(refused.length).toBeGreaterThan(0);
			expect(refused[0].headers).toBeDefined();
		}, 400000);

		test('a refusal for rate is retried with back-off: every call placed exactly once, both executions succeed', () => {
			expect(runs.map((r) => r.status)).toEqual(['success', 'success']);
			const accepted = arrivals
				.filter((r) => r.status === 200)
				.map((r) => String((r.body as { to: { phone: string } }).to.phone));
			expect(countOf(accepted)).toEqual(countOf([...numbers.a, ...numbers.b]));
			for (const run of runs) expect(outputOf(run, 'Routee')).toHaveLength(3);
		});
	});

	describe('queue mode: a worker killed (SIGKILL) in the middle of a framed Octopush campaign', () => {
		const workflowId = 'e2equeuekillwk01';
		const recipients = Array.from({ length: 8 }, (_, i) => `+3361234570${i}`);
		// the node's Request ID: a key the user chooses for this campaign, the same on every run of it
		const requestId = 'reminders-2026-12-01';
		const sends = () => sandbox.requestsTo('octopush', 'POST', '/voice-campaign/send');
		let acceptedBeforeRerun: string[] = [];

		beforeAll(async () => {
			await n8n.importWorkflows([framedCampaignWorkflow(workflowId, recipients, requestId)]);
		}, 120000);

		test("n8n fails the stalled job without re-running it, keeps none of its run data, and n8n's Retry runs nothing (sends no frame)", async () => {
			sandbox.clearRequests();
			// each frame is answered after 1.5 s: time to kill the worker between frames
			sandbox.injectFault({
				provider: 'octopush',
				method: 'POST',
				path: '/voice-campaign/send',
				delayMs: 1500,
				times: recipients.length,
			});
			const executionId = await startRun(n8n, workflowId);
			await until(
				'3 accepted frames',
				() => acceptedRecipients(sends()).length >= 3 || undefined,
				60000,
			);
			const worker = n8n.workers.find((w) => w.name === n8n.workerOf(executionId));
			expect(worker).toBeDefined();
			process.kill(-worker!.child.pid!, 'SIGKILL');
			const killedAt = Date.now();
			const original = await n8n.waitForExecution(executionId, 120000);
			const endedAfterMs = Date.now() - killedAt;
			await sleep(2000); // the frame under way when the worker died is still answered by the sandbox
			sandbox.clearFaults();
			acceptedBeforeRerun = acceptedRecipients(sends());
			const other = n8n.workers.find((w) => w !== worker)!;
			report(
				`killed ${worker!.name} after 3 accepted frames (${acceptedBeforeRerun.length} accepted in all); execution ${executionId} ended "${original.status}" ${endedAfterMs} ms later: ${original.data.resultData.error?.message}`,
			);
			expect(acceptedBeforeRerun.length).toBeGreaterThanOrEqual(3);
			expect(acceptedBeforeRerun.length).toBeLessThan(recipients.length);
			// n8n sets Bull's maxStalledCount to 0: the other worker's stalled-job check fails the job, nobody runs it again
			expect(original.status).toBe('error');
			expect(original.data.resultData.error?.message).toMatch(
				/This execution failed to be processed too many times and will no longer retry/,
			);
			expect(n8n.executionsByWorker()[other.name]).not.toContain(executionId);
			// what n8n stored replaces the run: no node ran, nothing left to run (which frames were accepted is lost)
			expect(original.data.resultData.runData).toEqual({});
			expect(
				(original.data as { executionData?: { nodeExecutionStack?: unknown[] } }).executionData
					?.nodeExecutionStack ?? [],
			).toEqual([]);

			// the user's "Retry" (POST /rest/executions/:id/retry): a new execution that starts from that empty stack
			await n8n.request('POST', `/rest/executions/${executionId}/retry`, { loadWorkflow: false });
			const retry = (await allExecutions(n8n)).find((e) => String(e.retryOf ?? '') === executionId);
			expect(retry).toBeDefined();
			const retried = await n8n.waitForExecution(retry!.id, 120000);
			report(
				`Retry → execution ${retry!.id} (mode ${retried.mode}) on ${n8n.workerOf(retry!.id)}: "${retried.status}", ran ${JSON.stringify(Object.keys(retried.data.resultData.runData))}, frames sent ${sends().length - acceptedBeforeRerun.length}`,
			);
			expect(retry!.id).not.toBe(executionId);
			expect(retried.mode).toBe('retry');
			expect(n8n.workerOf(retry!.id)).toBe(other.name);
			expect(retried.status).toBe('error');
			expect(retried.data.resultData.runData).toEqual({});
			expect(acceptedRecipients(sends())).toEqual(acceptedBeforeRerun);
		}, 400000);

		test('running the workflow again (a new execution) with the Request ID set: Octopush refuses the accepted frames as duplicates, the rest are sent, every recipient is called once', async () => {
			const before = sends().length;
			const rerun = await n8n.execute(workflowId, 120000);
			const frames = sends().slice(before);
			report(
				`re-run ${rerun.id}: ${rerun.status}; frames ${frames.map((r) => `${String((r.body as { request_id: string }).request_id)}:${r.status}`).join(' ')}`,
			);
			expect({ status: rerun.status, error: rerun.data.resultData.error?.message }).toEqual({
				status: 'success',
				error: undefined,
			});
			// the same request_id per frame as in the killed run, so Octopush recognises the accepted ones
			expect(frames.map((r) => (r.body as { request_id: string }).request_id)).toEqual(
				recipients.map((_, i) => `${requestId}-${i + 1}`),
			);
			expect(frames.filter((r) => r.status !== 200)).toHaveLength(acceptedBeforeRerun.length);
			// the sandbox's record of both runs (the killed one, read before this test; this one)
			expect(countOf([...acceptedBeforeRerun, ...acceptedRecipients(frames)])).toEqual(
				countOf(recipients),
			);
		}, 200000);
	});
}
