// Callback durability in real n8n (issue 30), shared by the e2e test (durability.test.ts) and the bench section
// (bench/durability.section.ts): the Routee Trigger, the Octopush Trigger and n8n's own Webhook node (v2, POST,
// answering "immediately") published in the same n8n, each in a workflow "target → HTTP Request node posting
// the event to a loopback receiver". Bursts of distinct valid callbacks are posted to each, and what became of
// them is counted three ways: the answers (2xx = acknowledged: the provider will not send it again), n8n's
// executions list (by status), and the events that reached the receiver (the workflow really ran). A crash
// burst kills n8n (`kill -9`) in the middle, restarts it on the same database and counts what was acknowledged
// and lost. The Webhook node is the baseline: what n8n itself guarantees in the same run.

import { readFileSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import {
	eventKey,
	FLOOD_SECRET,
	FLOOD_SECRET_CREDENTIAL,
	FLOOD_TRIGGER_CREDENTIALS,
	FLOOD_TRIGGER_PARAMETERS,
	validCallback,
} from '../reliability/flood';
import { isQueue, PACKAGE_NAME, scripts, type N8n, type WorkflowJson } from './n8n';

export const TARGETS = ['webhook', 'routeeTrigger', 'octopushTrigger'] as const;
export type Target = (typeof TARGETS)[number];
export const TRIGGERS = ['routeeTrigger', 'octopushTrigger'] as const;
export const TARGET_NAMES: Record<Target, string> = {
	webhook: "n8n's Webhook node",
	routeeTrigger: 'Routee Trigger',
	octopushTrigger: 'Octopush Trigger',
};

/** Execution statuses of an execution n8n has not finished (the rest: success, error, canceled, crashed). */
const UNFINISHED = ['new', 'running', 'waiting', 'unknown'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** n8n's execution ids are integers; PostgreSQL's is 4 bytes, so this is the highest id there can be. */
const MAX_ID = '2147483647';

// ---------------------------------------------------------------------------------------------- receiver

export interface Receiver {
	url: string;
	/** Per target, how many events arrived with each key. */
	events: Record<Target, Map<string, number>>;
	/** Events received so far (all targets). */
	total(): number;
	stop(): Promise<void>;
}

/** The key of an event the HTTP Request node reported (see reportNode): the same as the callback's key. */
function keyOfEvent(target: Target, event: Record<string, unknown>): string {
	return target === 'webhook' ? `webhook:${String(event.messageId)}` : eventKey(event);
}

/** A loopback server counting the events the workflows' HTTP Request nodes post to it. */
export async function startReceiver(): Promise<Receiver> {
	const events = Object.fromEntries(TARGETS.map((t) => [t, new Map<string, number>()])) as Record<
		Target,
		Map<string, number>
	>;
	let total = 0;
	const server = http.createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			try {
				const event = JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>;
				const target = event.target as Target;
				const key = keyOfEvent(target, event);
				events[target].set(key, (events[target].get(key) ?? 0) + 1);
				total += 1;
				response.end('{}');
			} catch (error) {
				// an event the harness cannot read fails the workflow's HTTP Request node: an error execution shows it
				response.statusCode = 400;
				response.end(JSON.stringify({ error: String(error) }));
			}
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/event`,
		events,
		total: () => total,
		stop: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

// --------------------------------------------------------------------------------------------- workflows

const WORKFLOW_IDS: Record<Target, string> = {
	webhook: 'durabilitywebhk1',
	routeeTrigger: 'durabilityroutee',
	octopushTrigger: 'durabilityoctopu',
};
const WEBHOOK_IDS: Record<Target, string> = {
	webhook: '3a8c2f10-durability-4b7e-webhooknode00',
	routeeTrigger: '3a8c2f10-durability-4b7e-routeetrigger',
	octopushTrigger: '3a8c2f10-durability-4b7e-octopushtrigg',
};
const WEBHOOK_PATH = 'durability-webhook-node';

/** What each workflow's HTTP Request node posts: the target and what the callback's key is made of. */
const REPORTED: Record<Target, string> = {
	webhook:
		"={{ JSON.stringify({ target: 'webhook', messageId: $json.body.messageId ?? $json.body.trackingId }) }}",
	routeeTrigger:
		"={{ JSON.stringify({ target: 'routeeTrigger', kind: $json.kind, messageId: $json.messageId, campaignId: $json.campaignId, to: $json.to }) }}",
	octopushTrigger:
		"={{ JSON.stringify({ target: 'octopushTrigger', kind: $json.kind, messageId: $json.messageId, campaignId: $json.campaignId, to: $json.to }) }}",
};

/** The version of node `type` a user gets today when adding it (n8n's defaultVersion, else its highest). */
async function currentVersion(n8n: N8n, type: string): Promise<number> {
	const described = (await n8n.nodeTypes()).filter((t) => t.name === type);
	if (described.length === 0) throw new Error(`n8n has no node type ${type}`);
	const defaults = described
		.map((t) => t.defaultVersion)
		.filter((v): v is number => typeof v === 'number');
	if (defaults.length > 0) return Math.max(...defaults);
	return Math.max(
		...described.flatMap((t) => (Array.isArray(t.version) ? t.version : [t.version]) as number[]),
	);
}

function targetWorkflow(target: Target, typeVersion: number, receiverUrl: string): WorkflowJson {
	const id = WORKFLOW_IDS[target];
	const start =
		target === 'webhook'
			? {
					id: `${id}-start`,
					name: 'Webhook',
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					position: [0, 0],
					webhookId: WEBHOOK_IDS[target],
					parameters: {
						httpMethod: 'POST',
						path: WEBHOOK_PATH,
						responseMode: 'onReceived',
						options: {},
					},
				}
			: {
					id: `${id}-start`,
					name: TARGET_NAMES[target],
					type: `${PACKAGE_NAME}.${target}`,
					typeVersion,
					position: [0, 0],
					webhookId: WEBHOOK_IDS[target],
					parameters:
						target === 'routeeTrigger'
							? FLOOD_TRIGGER_PARAMETERS.routee
							: FLOOD_TRIGGER_PARAMETERS.octopush,
					credentials: FLOOD_TRIGGER_CREDENTIALS,
				};
	return {
		id,
		name: `Durability: ${TARGET_NAMES[target]}`,
		nodes: [
			start,
			{
				id: `${id}-report`,
				name: 'Report Event',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [200, 0],
				parameters: {
					method: 'POST',
					url: receiverUrl,
					sendBody: true,
					contentType: 'json',
					specifyBody: 'json',
					jsonBody: REPORTED[target],
					options: {},
				},
			},
		],
		connections: { [start.name]: { main: [[{ node: 'Report Event', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

// ------------------------------------------------------------------------------------------------- rig

export interface Rig {
	n8n: N8n;
	receiver: Receiver;
	/** Production URL of each target (the load balancer's in queue mode). */
	urls: Record<Target, string>;
	/** The triggers' typeVersion in the workflows (the version a user adds today). */
	typeVersions: Record<Target, number>;
	/** Next callback number: every callback of a run is distinct (none may fall in a duplicate window). */
	next: number;
	log: (line: string) => void;
}

export interface Setup {
	version: string;
	queue: boolean;
}

/** Starts n8n for `setup` (regular: SQLite, its defaults; queue: main + webhook process + 2 workers). */
export async function startDurabilityN8n(
	setup: Setup,
	log: (line: string) => void,
	env: Record<string, string> = {},
): Promise<N8n> {
	const { startN8n, startQueueN8n } = await scripts();
	return setup.queue
		? await startQueueN8n({ version: setup.version, log, env })
		: await startN8n({ version: setup.version, log, env });
}

/** Imports and publishes the three workflows in `n8n`; resolves with the rig that drives them. */
export async function setUpRig(
	n8n: N8n,
	receiver: Receiver,
	log: (line: string) => void,
): Promise<Rig> {
	const typeVersions: Record<Target, number> = {
		webhook: 2,
		routeeTrigger: await currentVersion(n8n, `${PACKAGE_NAME}.routeeTrigger`),
		octopushTrigger: await currentVersion(n8n, `${PACKAGE_NAME}.octopushTrigger`),
	};
	await n8n.importCredentials([FLOOD_SECRET_CREDENTIAL]);
	await n8n.importWorkflows(TARGETS.map((t) => targetWorkflow(t, typeVersions[t], receiver.url)));
	for (const target of TARGETS) await n8n.activate(WORKFLOW_IDS[target]);
	const base = (n8n as { webhookBaseUrl?: string }).webhookBaseUrl ?? n8n.baseUrl;
	const urls: Record<Target, string> = {
		webhook: `${base}/webhook/${WEBHOOK_PATH}`,
		routeeTrigger: `${base}/webhook/${WEBHOOK_IDS.routeeTrigger}/webhook`,
		octopushTrigger: `${base}/webhook/${WEBHOOK_IDS.octopushTrigger}/webhook`,
	};
	log(
		`durability: workflows published (Routee Trigger v${typeVersions.routeeTrigger}, Octopush Trigger v${typeVersions.octopushTrigger}, Webhook node v2)`,
	);
	return { n8n, receiver, urls, typeVersions, next: 0, log };
}

// ----------------------------------------------------------------------------------------------- calls

export interface Call {
	target: Target;
	key: string;
	url: string;
	body: string;
	contentType: string;
}

/** `count` new distinct valid callbacks for `target`: the Routee or Octopush format, the Webhook node Routee's. */
export function makeCalls(rig: Rig, target: Target, count: number): Call[] {
	return Array.from({ length: count }, () => {
		const n = rig.next++;
		if (target === 'webhook') {
			const made = validCallback('routee', n);
			const id = made.payload.messageId ?? made.payload.trackingId;
			return { target, key: `webhook:${String(id)}`, url: rig.urls.webhook, ...made };
		}
		const made = validCallback(target === 'routeeTrigger' ? 'routee' : 'octopush', n);
		return {
			target,
			key: made.eventKey,
			url: `${rig.urls[target]}?token=${FLOOD_SECRET}`,
			body: made.body,
			contentType: made.contentType,
		};
	});
}

export interface Answer {
	key: string;
	/** HTTP status, or 'error' (connection refused or reset, timeout). */
	status: number | 'error';
	/** When the answer (or the failure) came, ms since the epoch. */
	at: number;
	error?: string;
}

const acknowledged = (a: Answer) =>
	typeof a.status === 'number' && a.status >= 200 && a.status < 300;

/**
 * Posts `calls` keeping `inFlight` in flight; stops taking new ones once `stop()` says so. `onAnswer` sees each
 * answer as it comes. A request gets `timeoutMs` (a provider gives up too).
 */
export async function send(
	calls: Call[],
	inFlight: number,
	{
		stop = () => false,
		onAnswer = () => undefined,
		timeoutMs = 120_000,
	}: { stop?: () => boolean; onAnswer?: (answer: Answer) => void; timeoutMs?: number } = {},
): Promise<Answer[]> {
	const answers: Answer[] = [];
	let next = 0;
	const worker = async () => {
		while (next < calls.length && !stop()) {
			const call = calls[next++];
			let answer: Answer;
			try {
				const response = await fetch(call.url, {
					method: 'POST',
					headers: { 'content-type': call.contentType },
					body: call.body,
					signal: AbortSignal.timeout(timeoutMs),
				});
				await response.arrayBuffer();
				answer = { key: call.key, status: response.status, at: Date.now() };
			} catch (error) {
				const cause = (error as Error & { cause?: unknown }).cause ?? error;
				answer = { key: call.key, status: 'error', at: Date.now(), error: String(cause) };
			}
			answers.push(answer);
			onAnswer(answer);
		}
	};
	await Promise.all(Array.from({ length: Math.min(inFlight, calls.length) }, worker));
	return answers;
}

// ---------------------------------------------------------------------------------------------- memory

/** VmRSS and VmHWM (peak since start or since the last reset) of a process, bytes; undefined once it is gone. */
function procMemory(pid: number): { rss: number; hwm: number } | undefined {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = (field: string) =>
			Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
		return { rss: kb('VmRSS') * 1024, hwm: kb('VmHWM') * 1024 };
	} catch {
		return undefined;
	}
}

/** The n8n processes whose memory counts: regular mode the one n8n; queue mode main, webhook processes, workers. */
export function n8nPids(n8n: N8n): number[] {
	const processes = isQueue(n8n) ? [n8n, ...n8n.webhookProcesses, ...n8n.workers] : [n8n];
	return processes.map((p) => p.child.pid).filter((pid): pid is number => pid !== undefined);
}

export interface Memory {
	/** Resident set of the n8n processes (summed) when the phase started and once it had drained, bytes. */
	before: number;
	after: number;
	/** The highest seen while it ran (sampled every 100 ms; one process: its VmHWM, reset at the start). */
	peak: number;
	/** peak - before */
	growth: number;
}

/**
 * Watches the n8n processes' memory during a phase. Sampling is cheap (a /proc read per process); with one
 * process, the kernel's own high-water mark (reset through /proc/<pid>/clear_refs, root only) also catches a
 * peak between two samples. `limit` (bytes): `over` turns true past it, so a runaway can be stopped.
 */
export class MemoryWatch {
	private readonly before: number;
	private peak: number;
	private readonly timer: NodeJS.Timeout;
	private hwmReset: boolean;
	over = false;

	constructor(
		private readonly pids: () => number[],
		private readonly limit = Number.POSITIVE_INFINITY,
	) {
		this.before = this.sample();
		this.peak = this.before;
		const [only, ...others] = this.pids();
		this.hwmReset = false;
		if (only !== undefined && others.length === 0) {
			try {
				writeFileSync(`/proc/${only}/clear_refs`, '5');
				this.hwmReset = true;
			} catch {
				// not root, or a kernel without it: the samples alone
			}
		}
		this.timer = setInterval(() => this.sample(), 100);
	}

	private sample(): number {
		const rss = this.pids().reduce((sum, pid) => sum + (procMemory(pid)?.rss ?? 0), 0);
		this.peak = Math.max(this.peak ?? 0, rss);
		if (rss > this.limit) this.over = true;
		return rss;
	}

	stop(): Memory {
		clearInterval(this.timer);
		const after = this.sample();
		const pids = this.pids();
		if (this.hwmReset && pids.length === 1)
			this.peak = Math.max(this.peak, procMemory(pids[0])?.hwm ?? 0);
		return { before: this.before, after, peak: this.peak, growth: this.peak - this.before };
	}
}

// ------------------------------------------------------------------------------------------ executions

export interface ExecutionRow {
	id: string;
	status: string;
	/** When n8n recorded the execution (ISO). */
	createdAt: string;
}

/**
 * One page of n8n's executions list: ids in (firstId, lastId), newest first, at most `limit` (n8n caps it at 100:
 * its parse-range-query middleware). `count` is n8n's count for the filter alone: it leaves the id range out.
 */
async function range(
	n8n: N8n,
	filter: Record<string, unknown>,
	firstId: string,
	lastId: string,
	limit = 100,
): Promise<{ results: ExecutionRow[]; count: number }> {
	const query = `filter=${encodeURIComponent(JSON.stringify(filter))}&firstId=${firstId}&lastId=${lastId}&limit=${limit}`;
	return await n8n.request('GET', `/rest/executions?${query}`);
}

/** Where a phase starts: the highest execution id so far, and how many executions each workflow has. */
export interface Mark {
	afterId: number;
	counts: Record<Target, number>;
}

export async function mark(n8n: N8n): Promise<Mark> {
	const {
		results: [latest],
	} = await range(n8n, {}, '0', MAX_ID, 1);
	const counts = Object.fromEntries(
		await Promise.all(
			TARGETS.map(async (t) => [
				t,
				(await range(n8n, { workflowId: WORKFLOW_IDS[t] }, '0', MAX_ID, 1)).count,
			]),
		),
	) as Record<Target, number>;
	return { afterId: Number(latest?.id ?? 0), counts };
}

/**
 * Every execution of `workflowId` with an id above `afterId`. n8n's list answers at most 100 a page (its
 * parse-range-query middleware caps `limit`), newest first: this pages down with `lastId`.
 */
export async function executionsAfter(
	n8n: N8n,
	workflowId: string,
	afterId: number,
): Promise<ExecutionRow[]> {
	const rows: ExecutionRow[] = [];
	let lastId = MAX_ID;
	for (;;) {
		const { results: page } = await range(n8n, { workflowId }, String(afterId), lastId);
		rows.push(...page.map(({ id, status, createdAt }) => ({ id, status, createdAt })));
		if (page.length < 100) return rows;
		lastId = String(Math.min(...page.map((e) => Number(e.id))));
	}
}

const byStatus = (rows: ExecutionRow[]) =>
	rows.reduce<Record<string, number>>((counts, { status }) => {
		counts[status] = (counts[status] ?? 0) + 1;
		return counts;
	}, {});

/**
 * Waits until n8n has recorded `expected` executions of each target since `since` and finished them all, and the
 * receiver has stopped moving; or until nothing has changed for `quietMs` (what is unfinished then is stuck, what
 * is missing then is lost); or `maxMs`. Each poll is two one-page queries per target (unfinished ones in the
 * phase, and the workflow's count), so the polling adds little to n8n's load; the full list is read once at the end.
 */
export async function drain(
	rig: Rig,
	targets: readonly Target[],
	since: Mark,
	expected: Partial<Record<Target, number>>,
	{ quietMs = 30_000, maxMs = 15 * 60_000 }: { quietMs?: number; maxMs?: number } = {},
): Promise<{ executions: Record<Target, ExecutionRow[]>; ms: number }> {
	const started = Date.now();
	let last = '';
	let changedAt = Date.now();
	let settledPolls = 0;
	for (;;) {
		const polled = await Promise.all(
			targets.map(async (t) => {
				const workflowId = WORKFLOW_IDS[t];
				const unfinished = await range(
					rig.n8n,
					{ workflowId, status: UNFINISHED },
					String(since.afterId),
					MAX_ID,
				);
				const all = await range(rig.n8n, { workflowId }, String(since.afterId), MAX_ID, 1);
				return {
					unfinished: unfinished.results.map((e) => `${e.id}:${e.status}`),
					recorded: all.count - since.counts[t],
					complete: all.count - since.counts[t] >= (expected[t] ?? 0),
				};
			}),
		);
		const state = JSON.stringify([rig.receiver.total(), polled]);
		if (state !== last) [last, changedAt] = [state, Date.now()];
		const done = polled.every((p) => p.unfinished.length === 0 && p.complete);
		// finished: two quiet polls in a row, so an event still on its way to the receiver is counted
		settledPolls = done && Date.now() - changedAt >= 1500 ? settledPolls + 1 : 0;
		if (settledPolls >= 2 || Date.now() - changedAt >= quietMs || Date.now() - started >= maxMs) {
			const executions = Object.fromEntries(
				await Promise.all(
					targets.map(async (t) => [
						t,
						await executionsAfter(rig.n8n, WORKFLOW_IDS[t], since.afterId),
					]),
				),
			) as Record<Target, ExecutionRow[]>;
			return { executions, ms: Date.now() - started };
		}
		await sleep(1000);
	}
}

// ------------------------------------------------------------------------------------------- outcomes

export interface Outcome {
	target: Target;
	/** Callbacks posted (fewer than planned when a crash or the memory limit stopped the burst). */
	sent: number;
	/** Answered 2xx: the provider will not send these again. */
	acked: number;
	/** Answers by status ('error': no answer). */
	answers: Record<string, number>;
	/** The target's executions n8n lists for the phase, by status. */
	executions: Record<string, number>;
	/** Acknowledged callbacks whose event reached the receiver. */
	received: number;
	/** Events the receiver got more than once (summed over the phase's callbacks). */
	duplicates: number;
	/** Acknowledged callbacks whose event never reached the receiver: acknowledged and lost. */
	lost: number;
	/** Callbacks not acknowledged whose event reached the receiver anyway (a provider's retry would repeat it). */
	unackedRan: number;
	/** Executions n8n still lists as new / running / waiting once the phase has drained. */
	stuck: number;
	/** Executions in error. */
	error: number;
	/** Executions n8n marked crashed. */
	crashed: number;
}

function outcome(
	rig: Rig,
	target: Target,
	calls: Call[],
	answers: Answer[],
	rows: ExecutionRow[],
): Outcome {
	const acked = new Set(answers.filter(acknowledged).map((a) => a.key));
	const events = rig.receiver.events[target];
	let received = 0;
	let duplicates = 0;
	let unackedRan = 0;
	for (const { key } of calls) {
		const times = events.get(key) ?? 0;
		duplicates += Math.max(0, times - 1);
		if (acked.has(key) && times > 0) received++;
		if (!acked.has(key) && times > 0) unackedRan++;
	}
	const executions = byStatus(rows);
	const answerCounts = answers.reduce<Record<string, number>>((counts, a) => {
		counts[String(a.status)] = (counts[String(a.status)] ?? 0) + 1;
		return counts;
	}, {});
	return {
		target,
		sent: answers.length,
		acked: acked.size,
		answers: answerCounts,
		executions,
		received,
		duplicates,
		lost: acked.size - received,
		unackedRan,
		stuck: rows.filter((e) => UNFINISHED.includes(e.status)).length,
		error: executions.error ?? 0,
		crashed: executions.crashed ?? 0,
	};
}

// ---------------------------------------------------------------------------------------------- phases

export interface LoadOutcome extends Outcome {
	inFlight: number;
	planned: number;
	/** From the first call to the last answer. */
	wallMs: number;
	/** From the last answer until n8n had finished (or the wait gave up). */
	drainMs: number;
	memory: Memory;
	/** The burst was stopped because the n8n processes passed the memory limit. */
	stoppedAtMemoryLimit: boolean;
}

export interface PhaseOptions {
	quietMs?: number;
	maxDrainMs?: number;
	/** Stop posting once the n8n processes' resident memory passes this (bytes): a runaway must not take the machine. */
	memoryLimit?: number;
}

/** A few callbacks to each target first, so that no measured phase pays for n8n's first-call work alone. */
export async function warmUp(rig: Rig, perTarget = 30): Promise<void> {
	const since = await mark(rig.n8n);
	const expected: Partial<Record<Target, number>> = {};
	for (const target of TARGETS) {
		const answers = await send(makeCalls(rig, target, perTarget), 4);
		expected[target] = answers.filter(acknowledged).length;
	}
	await drain(rig, TARGETS, since, expected, { quietMs: 20_000 });
}

/** `count` distinct callbacks to `target`, `inFlight` at a time; waits for n8n to finish them, then counts. */
export async function loadPhase(
	rig: Rig,
	target: Target,
	count: number,
	inFlight: number,
	{ quietMs, maxDrainMs, memoryLimit }: PhaseOptions = {},
): Promise<LoadOutcome> {
	const since = await mark(rig.n8n);
	const calls = makeCalls(rig, target, count);
	const memory = new MemoryWatch(() => n8nPids(rig.n8n), memoryLimit);
	const started = Date.now();
	const answers = await send(calls, inFlight, { stop: () => memory.over });
	const wallMs = Date.now() - started;
	const drained = await drain(
		rig,
		[target],
		since,
		{ [target]: answers.filter(acknowledged).length },
		{ quietMs, maxMs: maxDrainMs },
	);
	const measured = memory.stop();
	const result: LoadOutcome = {
		...outcome(rig, target, calls, answers, drained.executions[target]),
		inFlight,
		planned: count,
		wallMs,
		drainMs: drained.ms,
		memory: measured,
		stoppedAtMemoryLimit: memory.over && answers.length < count,
	};
	rig.log(
		`durability: ${TARGET_NAMES[target]}, ${count} at ${inFlight} in flight: ${describeOutcome(result)}, ${Math.round(wallMs / 1000)} s + ${Math.round(drained.ms / 1000)} s drain, RSS ${mb(measured.before)} → peak ${mb(measured.peak)} → ${mb(measured.after)}`,
	);
	return result;
}

export const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

/**
 * Below this, a difference in RSS growth between two bursts is V8's garbage collector, not the trigger: n8n's resident
 * memory moves by a few hundred MB between bursts of the same node (measured in one run: the Webhook node's own
 * growth 486 MB at 8 in flight and 238 MB at 32; a Routee Trigger burst 149 MB, the next one 429 MB; in another
 * run, 1,000 at 32 in flight: Webhook node 577 MB, Routee Trigger 154 MB, Octopush Trigger 323 MB). The runaway
 * this guards against is GBs (before issue 30's fix: 4.6 GB against the Webhook node's 0.28 GB). 512 MB: a queue-mode
 * CI run measured 489 MB for a Routee Trigger burst, within the swing of the Webhook node's own bursts (up to 577 MB).
 */
export const RSS_NOISE = 512 * 2 ** 20;

/** A trigger's memory growth is within ~1.5× the Webhook node's in the same run (RSS_NOISE as the floor). */
export const memoryWithin = (growth: number, webhookGrowth: number) =>
	growth <= 1.5 * Math.max(webhookGrowth, RSS_NOISE);

export function describeOutcome(o: Outcome): string {
	return `sent ${o.sent}, acked ${o.acked} (answers ${JSON.stringify(o.answers)}), executions ${JSON.stringify(o.executions)}, received ${o.received}, lost ${o.lost}, duplicates ${o.duplicates}, unacked but ran ${o.unackedRan}, stuck ${o.stuck}, error ${o.error}`;
}

/** What the crash kills and how it comes back. */
export interface Crash {
	/** e.g. "the main process" */
	what: string;
	crash(): Promise<void>;
	restart(): Promise<void>;
}

/**
 * Where callbacks are received: regular mode the one n8n process, queue mode the webhook process (the main
 * process serves no production webhook there; the load balancer sends them to the webhook process).
 */
export function receivingProcess(n8n: N8n): Crash {
	if (isQueue(n8n)) {
		const entry = n8n.webhookProcesses[0];
		return {
			what: 'the webhook process',
			crash: async () => await n8n.crashProcess(entry),
			restart: async () => {
				await n8n.restartProcess(entry);
			},
		};
	}
	return {
		what: 'n8n (its one process)',
		crash: async () => await n8n.crash(),
		restart: async () => await n8n.restart(),
	};
}

export interface CrashOutcome extends Outcome {
	/** Of the lost ones, the earliest acknowledgement, ms before the kill. */
	oldestLostAckMs: number;
	/**
	 * Of the stuck ones, executions n8n had recorded before the kill and still lists as unfinished: n8n's start-up
	 * recovery marks those it finds crashed, and now and then leaves one "running" (seen with its own Webhook node,
	 * 2.40.7, CI 2026-12-04). A user sees it in the list either way; one recorded after the restart is a hang.
	 */
	leftUnfinishedByCrash: number;
}

export interface CrashResult {
	what: string;
	inFlight: number;
	perTarget: number;
	/** The kill came while callbacks were still being posted (not after the burst had ended). */
	midBurst: boolean;
	/** ms from the first call to the kill; ms the restart took until n8n answered again. */
	killedAfterMs: number;
	restartMs: number;
	drainMs: number;
	targets: CrashOutcome[];
}

/**
 * Posts `perTarget` distinct callbacks to every target at once (`inFlight` each), kills `crash` once
 * `killAfterAcked` callbacks have been acknowledged in all, restarts it on the same database, waits for the
 * executions to drain, and counts per target what was acknowledged and lost.
 */
export async function crashPhase(
	rig: Rig,
	crash: Crash,
	perTarget: number,
	inFlight: number,
	killAfterAcked: number,
	{ quietMs, maxDrainMs }: PhaseOptions = {},
): Promise<CrashResult> {
	const since = await mark(rig.n8n);
	const calls = Object.fromEntries(TARGETS.map((t) => [t, makeCalls(rig, t, perTarget)])) as Record<
		Target,
		Call[]
	>;
	let ackedSoFar = 0;
	let stopped = false;
	let killedAt = 0;
	let killing: Promise<void> | undefined;
	const kill = () => {
		stopped = true;
		killedAt = Date.now();
		killing = crash.crash();
	};
	const started = Date.now();
	const answers = await Promise.all(
		TARGETS.map(
			async (target) =>
				await send(calls[target], inFlight, {
					stop: () => stopped,
					onAnswer: (answer) => {
						if (acknowledged(answer)) ackedSoFar++;
						if (ackedSoFar >= killAfterAcked && killing === undefined) kill();
					},
				}),
		),
	);
	const midBurst = killing !== undefined;
	if (killing === undefined) kill();
	await killing;
	rig.log(
		`durability: killed ${crash.what} ${Math.round((killedAt - started) / 1000)} s into the burst (${ackedSoFar} acknowledged${midBurst ? '' : ', after the burst had ended'}); restarting`,
	);
	const restartStarted = Date.now();
	await crash.restart();
	const restartMs = Date.now() - restartStarted;
	const expected = Object.fromEntries(
		TARGETS.map((t, i) => [t, answers[i].filter(acknowledged).length]),
	);
	const drained = await drain(rig, TARGETS, since, expected, { quietMs, maxMs: maxDrainMs });
	const targets = TARGETS.map((target, i): CrashOutcome => {
		const result = outcome(rig, target, calls[target], answers[i], drained.executions[target]);
		const events = rig.receiver.events[target];
		const lostAcks = answers[i].filter((a) => acknowledged(a) && !events.has(a.key));
		const oldestLostAckMs = Math.max(0, ...lostAcks.map((a) => killedAt - a.at));
		const leftUnfinishedByCrash = drained.executions[target].filter(
			(e) => UNFINISHED.includes(e.status) && Date.parse(e.createdAt) < killedAt,
		).length;
		rig.log(
			`durability: after the kill, ${TARGET_NAMES[target]}: ${describeOutcome(result)}; oldest lost acknowledgement ${oldestLostAckMs} ms before the kill; unfinished since before the kill ${leftUnfinishedByCrash}`,
		);
		return { ...result, oldestLostAckMs, leftUnfinishedByCrash };
	});
	return {
		what: crash.what,
		inFlight,
		perTarget,
		midBurst,
		killedAfterMs: killedAt - started,
		restartMs,
		drainMs: drained.ms,
		targets,
	};
}
