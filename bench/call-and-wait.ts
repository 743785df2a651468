// Benchmark 8, Call and Wait (issue 25): what a "Call and Wait for Key Press" user waits for once the call has
// ended — from the moment Routee (the sandbox) sends the call's final status to the execution's resume URL until
// the node after Call and Wait starts (its run data `startTime`), in real n8n 2.40.7, one mode per process:
//   node --import tsx bench/call-and-wait.ts <regular|queue> [calls] [sandbox step ms]
// Workflow: Manual Trigger → Routee "Call and Wait for Key Press" → No Operation ("Next"). Calls one at a time.
// Baseline, alternating with it in the same n8n: n8n's own Wait node ("Resume: On Webhook Call") — Manual Trigger →
// HTTP Request (hands `$execution.resumeUrl` to a loopback receiver) → Wait → No Operation ("Next"); once the
// execution is waiting, the bench POSTs to that URL: the same span, from the POST to the next node's start.

import path from 'node:path';

import { type Receiver, Sandbox, startReceiver } from '../test/sandbox';
import { CREDENTIALS, manualTriggerNode, PACKAGE_NAME, sandboxCredentials } from '../test/e2e/n8n';
import type { N8n, QueueN8n } from '../scripts/n8n/start.mjs';
import { reportToParent } from './lib/child';

type StartModule = typeof import('../scripts/n8n/start.mjs');

const WORKFLOW_ID = 'benchcallandwait';
const BASELINE_ID = 'benchwaitnodewh1';
const CALL = 'Call and wait';
const NEXT = 'Next';
const WARMUP_CALLS = 3;

export interface CallAndWaitResult {
	mode: 'regular' | 'queue';
	startMs: number;
	stepMs: number;
	/** Final status callback sent → the next node's start, per measured call (ms). */
	latenciesMs: number[];
	/** Final status callbacks that needed more than one attempt (the execution was not waiting yet, or n8n failed). */
	retried: number;
	/** Whole calls: run started → execution finished (ms). */
	callMs: number[];
	ranOn: string[];
	/** n8n's Wait node: its resume URL POSTed → the next node's start, per measured run (ms). */
	waitNodeLatenciesMs: number[];
}

function workflow() {
	return {
		id: WORKFLOW_ID,
		name: 'Bench: Call and Wait',
		nodes: [
			manualTriggerNode(WORKFLOW_ID),
			{
				id: `${WORKFLOW_ID}-routee`,
				name: CALL,
				type: `${PACKAGE_NAME}.routee`,
				typeVersion: 1,
				position: [240, 0],
				parameters: {
					resource: 'voice',
					operation: 'callAndWait',
					from: '+306948530920',
					to: '+33612345678',
					prompt: 'Press 1 to confirm your order.',
					timeLimitMinutes: 10,
					options: {},
				},
				credentials: {
					routeeOAuth2Api: { id: CREDENTIALS.routee.id, name: CREDENTIALS.routee.name },
				},
			},
			{
				id: `${WORKFLOW_ID}-next`,
				name: NEXT,
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [480, 0],
				parameters: {},
			},
		],
		connections: {
			Start: { main: [[{ node: CALL, type: 'main', index: 0 }]] },
			[CALL]: { main: [[{ node: NEXT, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

function waitNodeWorkflow(receiverUrl: string) {
	return {
		id: BASELINE_ID,
		name: 'Bench: Wait node resumed by a webhook call',
		nodes: [
			manualTriggerNode(BASELINE_ID),
			{
				id: `${BASELINE_ID}-tell`,
				name: 'Tell',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [240, 0],
				parameters: {
					method: 'POST',
					url: `${receiverUrl}/resume-url`,
					sendBody: true,
					specifyBody: 'json',
					jsonBody: '={{ JSON.stringify({ url: $execution.resumeUrl, id: $execution.id }) }}',
					options: {},
				},
			},
			{
				id: `${BASELINE_ID}-wait`,
				name: 'Wait',
				type: 'n8n-nodes-base.wait',
				typeVersion: 1.1,
				position: [480, 0],
				parameters: { resume: 'webhook', httpMethod: 'POST', options: {} },
			},
			{
				id: `${BASELINE_ID}-next`,
				name: NEXT,
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [720, 0],
				parameters: {},
			},
		],
		connections: {
			Start: { main: [[{ node: 'Tell', type: 'main', index: 0 }]] },
			Tell: { main: [[{ node: 'Wait', type: 'main', index: 0 }]] },
			Wait: { main: [[{ node: NEXT, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

type RunData = Record<string, Array<{ startTime: number }>>;

async function startRun(n8n: N8n, workflowId: string): Promise<string> {
	const run = await n8n.request<{ executionId?: string }>(
		'POST',
		`/rest/workflows/${workflowId}/run`,
		{ triggerToStartFrom: { name: 'Start' } },
	);
	if (!run?.executionId) throw new Error(`n8n did not start the workflow: ${JSON.stringify(run)}`);
	return String(run.executionId);
}

/** The baseline: n8n's Wait node resumed by a POST to its resume URL, as soon as the execution is waiting. */
async function oneWaitNodeRun(n8n: N8n, receiver: Receiver, stepMs: number): Promise<number> {
	const executionId = await startRun(n8n, BASELINE_ID);
	const deadline = Date.now() + 60_000;
	let url: string | undefined;
	for (;;) {
		url = (
			receiver.callsTo('/resume-url').find((c) => (c.body as { id?: string }).id === executionId)
				?.body as { url?: string } | undefined
		)?.url;
		if (url && (await n8n.execution(executionId)).status === 'waiting') break;
		if (Date.now() > deadline) throw new Error(`execution ${executionId} never waited`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	// as long after the execution started waiting as a call's final status comes after its COLLECT event
	await new Promise((resolve) => setTimeout(resolve, stepMs));
	const sentAt = Date.now();
	const response = await fetch(url, {
		method: 'POST',
		body: '{}',
		headers: { 'content-type': 'application/json' },
	});
	await response.arrayBuffer();
	if (response.status !== 200)
		throw new Error(`the Wait node's resume URL answered ${response.status}`);
	const execution = await n8n.waitForExecution(executionId, 60_000);
	const next = (execution.data.resultData.runData as RunData)[NEXT]?.[0];
	if (execution.status !== 'success' || !next)
		throw new Error(`Wait node execution ${executionId} ended ${execution.status} without ${NEXT}`);
	return next.startTime - sentAt;
}

async function oneCall(n8n: N8n, sandbox: Sandbox) {
	const started = performance.now();
	const executionId = await startRun(n8n, WORKFLOW_ID);
	const execution = await n8n.waitForExecution(executionId, 120_000);
	const callMs = performance.now() - started;
	if (execution.status !== 'success')
		throw new Error(
			`execution ${executionId} ended ${execution.status}: ${execution.data.resultData.error?.message}`,
		);
	const next = (execution.data.resultData.runData as RunData)[NEXT]?.[0];
	if (!next) throw new Error(`execution ${executionId}: the node after Call and Wait did not run`);
	const finals = sandbox.callbacksSent.filter(
		(c) => c.kind === 'routee.conversation' && c.url.includes(`/form-waiting/${executionId}`),
	);
	if (finals.length === 0)
		throw new Error(`execution ${executionId}: no final status callback was sent`);
	return {
		latencyMs: next.startTime - finals[0].sentAt,
		retried: finals.length > 1,
		callMs,
		ranOn: n8n.mode === 'queue' ? ((n8n as QueueN8n).workerOf(executionId) ?? '?') : 'main process',
	};
}

async function main(): Promise<void> {
	const mode = process.argv[2] === 'queue' ? 'queue' : 'regular';
	const calls = Number(process.argv[3] ?? 50);
	const stepMs = Number(process.argv[4] ?? 500);
	const { startN8n, startQueueN8n } = (await import(
		path.join(__dirname, '..', 'scripts', 'n8n', 'start.mjs')
	)) as StartModule;
	// each step of the call (Queued → Initiated → Ringing → InProgress → Completed) `stepMs` apart, so the
	// execution is saved as waiting before the first callback (the COLLECT event) arrives
	const sandbox = await Sandbox.start({ deliveryDelayMs: stepMs });
	const receiver = await startReceiver([200]);
	sandbox.routee.balance = 1e9;
	const log = (line: string) => process.stderr.write(`${line}\n`);
	const t0 = performance.now();
	const n8n = mode === 'queue' ? await startQueueN8n({ log }) : await startN8n({ log });
	const startMs = performance.now() - t0;
	try {
		await n8n.importCredentials(sandboxCredentials(sandbox));
		await n8n.importWorkflows([workflow(), waitNodeWorkflow(receiver.url)]);
		const result: CallAndWaitResult = {
			mode,
			startMs,
			stepMs,
			latenciesMs: [],
			retried: 0,
			callMs: [],
			ranOn: [],
			waitNodeLatenciesMs: [],
		};
		for (let i = 0; i < WARMUP_CALLS + calls; i++) {
			const call = await oneCall(n8n, sandbox);
			const waitNodeMs = await oneWaitNodeRun(n8n, receiver, stepMs);
			if (i < WARMUP_CALLS) continue;
			result.waitNodeLatenciesMs.push(waitNodeMs);
			result.latenciesMs.push(call.latencyMs);
			result.callMs.push(call.callMs);
			if (call.retried) result.retried++;
			result.ranOn.push(call.ranOn);
		}
		reportToParent(result);
	} catch (error) {
		process.stderr.write(`n8n's log (${mode} mode):\n${n8n.logTail(6000)}\n`);
		throw error;
	} finally {
		await n8n.stop();
		await sandbox.stop();
		await receiver.close();
	}
}

if (require.main === module) {
	main().catch((error: unknown) => {
		process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
		process.exit(1);
	});
}
