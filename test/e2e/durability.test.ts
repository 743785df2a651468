// No callback lost (issue 30), in real n8n: bursts of distinct valid callbacks to the Routee Trigger, the Octopush
// Trigger and n8n's own Webhook node, published in the same n8n, each workflow reporting its events to a loopback
// receiver (harness: durability.ts). What a user checks: every callback answered 2xx has exactly one successful
// execution and one event downstream, nothing stuck, in error or duplicated; memory no worse than the Webhook
// node's; and after n8n is killed (`kill -9`) mid-burst and restarted on the same database, no more callbacks
// acknowledged and lost than n8n's own Webhook node loses in the same crash.
//
// Its own n8n per set-up (the crash must not hit the suite's shared one): the first regular set-up of
// N8N_E2E_VERSIONS (SQLite, n8n's defaults) and each queue-mode set-up (the webhook process is the one killed:
// it receives the callbacks). Measured on the 2-core machine: about 3.5 minutes in regular mode, 5.5 in queue
// mode (start-up included). The bench section `durability` runs the same at campaign scale (2,000 callbacks, 8
// and 32 in flight).
//
// The crash comparison has no tolerance. n8n (2.35.7 and 2.40.7 alike) answers an accepted callback of a webhook
// that answers "immediately" only once it has recorded the execution (webhook-helpers,
// shouldDeferOnReceivedResponse), and after a restart it runs again what it had recorded but not started (regular
// mode: EnqueuedExecutionRecoveryService; queue mode: the job waits in Redis). So what n8n acknowledged can be lost
// only if its execution was running at the kill, and n8n then lists it as crashed: the last check below holds each
// target to that, the comparison holds the triggers to the Webhook node's count in the same crash.

import { parseSetups } from './n8n';
import {
	crashPhase,
	type CrashResult,
	type LoadOutcome,
	loadPhase,
	mb,
	memoryWithin,
	type Outcome,
	receivingProcess,
	type Rig,
	setUpRig,
	startDurabilityN8n,
	startReceiver,
	type Receiver,
	type Target,
	TARGETS,
	TRIGGERS,
	warmUp,
} from './durability';
import type { N8n } from './n8n';

const PER_TARGET = Number(process.env.E2E_DURABILITY_CALLBACKS ?? 600);
const IN_FLIGHT = 32;
/** Callbacks per target in the crash burst; n8n is killed once a third of all of them are acknowledged. */
const CRASH_PER_TARGET = 300;
const MEMORY_LIMIT = 6 * 2 ** 30;

const ALL = parseSetups(process.env.N8N_E2E_VERSIONS ?? '');
// Queue mode only on request (E2E_DURABILITY_QUEUE=1): on the shared 2-core CI machine its run took 316 s to
// 718 s and n8n's webhook process itself left a callback unanswered now and then (its 503 "Database is not ready"),
// which made the suite red for n8n's reasons; `BENCH_ONLY=durability npm run bench` measures queue mode at scale.
const SETUPS = [
	...ALL.filter((s) => !s.queue).slice(0, 1),
	...(process.env.E2E_DURABILITY_QUEUE === '1' ? ALL.filter((s) => s.queue) : []),
];
const describeWithN8n =
	SETUPS.length > 0
		? describe.each(SETUPS)
		: describe.skip.each([
				{ version: '', queue: false, label: '(set N8N_E2E_VERSIONS: runs with the e2e suite)' },
			]);
const log = (line: string) => process.stdout.write(`${line}\n`);

/** What a user reads off one target's counts (a failure shows all of them at once). */
const checked = (o: Outcome) => ({
	target: o.target,
	acked: o.acked,
	success: o.executions.success ?? 0,
	received: o.received,
	lost: o.lost,
	duplicates: o.duplicates,
	unackedRan: o.unackedRan,
	stuck: o.stuck,
	error: o.error,
	crashed: o.crashed,
});

describeWithN8n('callback durability in real n8n $label', (setup) => {
	let n8n: N8n | undefined;
	let receiver: Receiver | undefined;
	let rig: Rig;
	const loads: Partial<Record<Target, LoadOutcome>> = {};
	const started = Date.now();

	beforeAll(
		async () => {
			receiver = await startReceiver();
			n8n = await startDurabilityN8n(setup, log);
			rig = await setUpRig(n8n, receiver, log);
			await warmUp(rig);
		},
		10 * 60 * 1000,
	);

	afterAll(async () => {
		await n8n?.stop();
		await receiver?.stop();
		log(`durability ${setup.label}: ${Math.round((Date.now() - started) / 1000)} s`);
	});

	test(
		`${PER_TARGET} distinct callbacks at ${IN_FLIGHT} in flight to each trigger and to n8n's Webhook node: each one answered 2xx has exactly one successful execution and one event downstream; none stuck, in error or duplicated`,
		async () => {
			for (const target of TARGETS)
				loads[target] = await loadPhase(rig, target, PER_TARGET, IN_FLIGHT, {
					quietMs: 20_000,
					memoryLimit: MEMORY_LIMIT,
				});
			for (const target of TARGETS) {
				const o = loads[target]!;
				expect(checked(o)).toEqual({
					target,
					// n8n's own Webhook node takes all of them at this rate: a trigger must not refuse what n8n takes
					acked: PER_TARGET,
					success: o.acked,
					received: o.acked,
					lost: 0,
					duplicates: 0,
					unackedRan: 0,
					stuck: 0,
					error: 0,
					crashed: 0,
				});
			}
		},
		20 * 60 * 1000,
	);

	test("the triggers' memory growth during their burst is no more than 1.5× the Webhook node's (at least 1.5 × 512 MB: GC noise)", () => {
		const webhook = loads.webhook;
		if (!webhook) throw new Error('the burst test did not run');
		for (const trigger of TRIGGERS) {
			const growth = loads[trigger]!.memory.growth;
			expect({
				trigger,
				growth: mb(growth),
				withinLimit: memoryWithin(growth, webhook.memory.growth),
			}).toEqual({
				trigger,
				growth: mb(growth),
				withinLimit: true,
			});
		}
	});

	test(
		'n8n killed (kill -9) mid-burst and restarted on the same database: the triggers lose no more acknowledged callbacks than the Webhook node',
		async () => {
			const crash: CrashResult = await crashPhase(
				rig,
				receivingProcess(n8n!),
				CRASH_PER_TARGET,
				IN_FLIGHT,
				CRASH_PER_TARGET,
				{ quietMs: 20_000 },
			);
			expect(crash.midBurst).toBe(true);
			const [webhook, ...triggers] = TARGETS.map((t) => crash.targets.find((o) => o.target === t)!);
			// every target was taking callbacks when n8n died, so the comparison is about the same crash
			for (const o of crash.targets)
				expect({ target: o.target, acked: o.acked > 0 }).toEqual({ target: o.target, acked: true });
			for (const o of triggers)
				expect({
					target: o.target,
					lost: o.lost,
					withinWebhookNode: o.lost <= webhook.lost,
				}).toEqual({
					target: o.target,
					lost: o.lost,
					withinWebhookNode: true,
				});
			// n8n's own contract: what it acknowledged, it had recorded; what a crash loses of it, the executions list
			// still shows (a user sees it and can retry it), never nothing at all. n8n marks those crashed at start-up,
			// and now and then leaves one "running" instead (its own Webhook node did, CI 2026-12-04): recorded before
			// the kill, it is n8n's recovery, not a hang; an execution recorded after the restart must finish.
			for (const o of crash.targets)
				expect({
					target: o.target,
					duplicates: o.duplicates,
					stuckAfterRestart: o.stuck - o.leftUnfinishedByCrash,
					lostAndNotListed: Math.max(0, o.lost - o.crashed - o.leftUnfinishedByCrash),
				}).toEqual({
					target: o.target,
					duplicates: 0,
					stuckAfterRestart: 0,
					lostAndNotListed: 0,
				});
		},
		15 * 60 * 1000,
	);
});
