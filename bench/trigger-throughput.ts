// Benchmark 4: trigger throughput in a real n8n (scripts/n8n/start.mjs): callbacks per second and
// p50/p99 latency of the Routee Trigger versus n8n's own Webhook node (its current version 2, and
// version 1, which takes n8n's older webhook path), all published in the
// same n8n, driven by a loopback load generator with a bounded count, concurrency and time.
//   node --import tsx bench/trigger-throughput.ts [count per round] [concurrency] [KEY=VALUE,… for n8n's environment]
// Throughput rounds keep `concurrency` callbacks in flight; latency rounds (half the count) one at a
// time with a pause after each answer, so that p50/p99 are n8n's time per callback rather than time spent
// queueing behind the previous callback's execution.

import path from 'node:path';

import type { N8n } from '../scripts/n8n/start.mjs';
import { reportToParent } from './lib/child';

type StartModule = typeof import('../scripts/n8n/start.mjs');

export interface LoadResult {
	target: 'routeeTrigger' | 'webhook' | 'webhookV1';
	/** Requests in flight: the throughput rounds keep several, the latency rounds one (no queueing). */
	concurrency: number;
	sent: number;
	ok: number;
	wallMs: number;
	latenciesMs: number[];
	/** Pause after each answer (latency rounds): a trigger that answers before n8n has stored and run the
	 * execution (ours does) would otherwise have the next callback wait behind that work. */
	gapMs: number;
}

export interface ThroughputResult {
	n8nVersion: string;
	concurrency: number;
	rounds: LoadResult[];
	executions: Record<string, number>;
}

const ROUTEE_WEBHOOK_ID = '7d1e2c3a-bench-4f00-9a1b-routeetrigger';
const WEBHOOK_PATH = 'bench-webhook-node';
const WEBHOOK_V1_PATH = 'bench-webhook-node-v1';
const TIME_LIMIT_MS = 90_000;
const LATENCY_GAP_MS = 150;
/** Alternating rounds per target: one pair of rounds moves by ±20 % on a busy 2-core machine. */
export const ROUNDS = 3;

/** A Routee SMS delivery report, the callback every benchmark of the trigger sends. */
/** A workflow of one Routee Trigger (SMS statuses, no caller authentication) on `webhookId`. */
export function routeeTriggerWorkflow(id: string, webhookId: string) {
	return {
		id,
		name: 'Bench: Routee Trigger',
		nodes: [
			{
				id: 'routee-trigger',
				name: 'Routee Trigger',
				type: 'n8n-nodes-routee-octopush.routeeTrigger',
				typeVersion: 2,
				position: [0, 0] as [number, number],
				webhookId,
				parameters: { events: ['smsStatus'], callerAuthentication: 'none', options: {} },
			},
		],
	};
}

export function smsDeliveryReport(id: string) {
	return {
		messageId: id,
		smsId: `${id}-1`,
		to: '+306900000001',
		from: 'Bench',
		part: 1,
		parts: 1,
		status: {
			name: 'Delivered',
			reason: { detailedStatus: 'Delivered' },
			updatedDate: '2026-11-23T10:00:00.000Z',
		},
		price: 0.05,
		originatingService: 'Sms',
	};
}

const payload = (n: number) => JSON.stringify(smsDeliveryReport(`bench-${n}`));

async function load(
	url: string,
	target: LoadResult['target'],
	from: number,
	count: number,
	concurrency: number,
	gapMs = 0,
): Promise<LoadResult> {
	const latenciesMs: number[] = [];
	let ok = 0;
	let next = 0;
	const deadline = Date.now() + TIME_LIMIT_MS;
	const started = performance.now();
	const worker = async () => {
		while (next < count && Date.now() < deadline) {
			const n = from + next++;
			const t0 = performance.now();
			const response = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: payload(n),
			});
			await response.arrayBuffer();
			latenciesMs.push(performance.now() - t0);
			if (response.status === 200) ok++;
			if (gapMs > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	return {
		target,
		concurrency,
		sent: latenciesMs.length,
		ok,
		wallMs: performance.now() - started,
		latenciesMs,
		gapMs,
	};
}

async function executionCount(n8n: N8n, workflowId: string): Promise<number> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const page = await n8n.request<{ count: number }>(
		'GET',
		`/rest/executions?filter=${filter}&limit=1`,
	);
	return page.count;
}

/** Waits until n8n has finished the executions a round started, so rounds do not overlap. */
async function settle(n8n: N8n, workflowId: string, expected: number): Promise<number> {
	const deadline = Date.now() + 120_000;
	let count = await executionCount(n8n, workflowId);
	while (count < expected && Date.now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, 500));
		count = await executionCount(n8n, workflowId);
	}
	return count;
}

async function main(): Promise<void> {
	const perRound = Number(process.argv[2] ?? 200);
	const concurrency = Number(process.argv[3] ?? 4);
	const { startN8n } = (await import(
		path.join(__dirname, '..', 'scripts', 'n8n', 'start.mjs')
	)) as StartModule;
	const n8nEnv = Object.fromEntries(
		(process.argv[4] ?? '')
			.split(',')
			.filter((pair) => pair.includes('='))
			.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
	);
	const n8n = await startN8n({ env: n8nEnv, log: (line) => process.stderr.write(`${line}\n`) });
	try {
		await n8n.importWorkflows([
			routeeTriggerWorkflow('benchrouteetrig1', ROUTEE_WEBHOOK_ID),
			{
				id: 'benchwebhooknod1',
				name: 'Bench: Webhook node',
				nodes: [
					{
						id: 'webhook',
						name: 'Webhook',
						type: 'n8n-nodes-base.webhook',
						typeVersion: 2,
						position: [0, 0],
						webhookId: '0b7c3f4e-bench-4a2d-8c3e-webhooknode0',
						parameters: {
							httpMethod: 'POST',
							path: WEBHOOK_PATH,
							responseMode: 'onReceived',
							options: {},
						},
					},
				],
			},
			{
				id: 'benchwebhookv1n1',
				name: 'Bench: Webhook node v1',
				nodes: [
					{
						id: 'webhook-v1',
						name: 'Webhook',
						type: 'n8n-nodes-base.webhook',
						typeVersion: 1,
						position: [0, 0],
						webhookId: '0b7c3f4e-bench-4a2d-8c3e-webhooknode1',
						parameters: {
							httpMethod: 'POST',
							path: WEBHOOK_V1_PATH,
							responseMode: 'onReceived',
							options: {},
						},
					},
				],
			},
		]);
		await n8n.activate('benchrouteetrig1');
		await n8n.activate('benchwebhooknod1');
		await n8n.activate('benchwebhookv1n1');
		const urls = {
			routeeTrigger: n8n.webhookUrl(`${ROUTEE_WEBHOOK_ID}/webhook`),
			webhook: n8n.webhookUrl(WEBHOOK_PATH),
			webhookV1: n8n.webhookUrl(WEBHOOK_V1_PATH),
		};
		const workflows = {
			routeeTrigger: 'benchrouteetrig1',
			webhook: 'benchwebhooknod1',
			webhookV1: 'benchwebhookv1n1',
		};
		const sent = { routeeTrigger: 0, webhook: 0, webhookV1: 0 };
		const rounds: LoadResult[] = [];
		let n = 0;
		const round = async (
			target: LoadResult['target'],
			count: number,
			keep: boolean,
			inFlight = concurrency,
			gapMs = 0,
		) => {
			const result = await load(urls[target], target, n, count, inFlight, gapMs);
			n += count;
			sent[target] += result.ok;
			await settle(n8n, workflows[target], sent[target]);
			if (keep) rounds.push(result);
		};
		// warm-up, then alternate so that none gets the quieter moments of a busy machine
		const targets: Array<LoadResult['target']> = ['webhook', 'routeeTrigger', 'webhookV1'];
		for (const target of targets) await round(target, 20, false);
		for (let r = 0; r < ROUNDS; r++) {
			for (const target of targets) await round(target, perRound, true);
			for (const target of targets) await round(target, perRound / 2, true, 1, LATENCY_GAP_MS);
		}
		const executions: Record<string, number> = {};
		for (const target of targets) executions[target] = await executionCount(n8n, workflows[target]);
		reportToParent({
			n8nVersion: n8n.version,
			concurrency,
			rounds,
			executions,
		} satisfies ThroughputResult);
	} finally {
		await n8n.stop();
	}
}

if (require.main === module) {
	main().catch((error: unknown) => {
		process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
		process.exit(1);
	});
}
