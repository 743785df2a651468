// Benchmark 7 (issue 30): callback durability in one real n8n, regular mode (SQLite) or queue mode (main + webhook
// process + 2 workers, Redis, PostgreSQL 17): the Routee Trigger, the Octopush Trigger and n8n's Webhook node,
// each fed `count` distinct valid callbacks at each concurrency, then a crash burst (kill -9 of the process that
// receives the callbacks, restart on the same database). Harness: test/e2e/durability.ts (the e2e test uses it too).
//   node --import tsx bench/callback-durability.ts <regular|queue> [count] [in flight, comma-separated] [crash count per target] [n8n version]

import { readFileSync } from 'node:fs';

import {
	crashPhase,
	type CrashResult,
	type LoadOutcome,
	loadPhase,
	receivingProcess,
	setUpRig,
	startDurabilityN8n,
	startReceiver,
	TARGETS,
	type Target,
	warmUp,
} from '../test/e2e/durability';
import { isQueue, type N8n } from '../test/e2e/n8n';
import { reportToParent } from './lib/child';

export interface DurabilityResult {
	mode: 'regular' | 'queue';
	n8nVersion: string;
	count: number;
	inFlight: number[];
	typeVersions: Record<Target, number>;
	startMs: number;
	loads: LoadOutcome[];
	crash: CrashResult;
	/** "Timeout waiting for lock" (n8n's SQLite write lock) and database timeouts in n8n's logs, whole run. */
	lockTimeouts: number;
	memoryLimitMb: number;
}

/** Everything the n8n processes logged (regular: one; queue: main, webhook process, workers). */
function logsOf(n8n: N8n): string {
	const files = isQueue(n8n)
		? [n8n.logFile, ...[...n8n.webhookProcesses, ...n8n.workers].map((p) => p.logFile)]
		: [n8n.logFile];
	return files
		.map((file) => {
			try {
				return readFileSync(file, 'utf8');
			} catch {
				return '';
			}
		})
		.join('\n');
}

async function main(): Promise<void> {
	const mode = process.argv[2] === 'queue' ? 'queue' : 'regular';
	const count = Number(process.argv[3] ?? 2000);
	const inFlight = (process.argv[4] ?? '8,32').split(',').map(Number);
	const crashPerTarget = Number(process.argv[5] ?? 600);
	const version = process.argv[6] ?? '2.40.7';
	const memoryLimitMb = Number(process.env.BENCH_DURABILITY_RSS_LIMIT_MB ?? 6144);
	const log = (line: string) => process.stderr.write(`${line}\n`);

	const receiver = await startReceiver();
	const started = Date.now();
	const n8n = await startDurabilityN8n({ version, queue: mode === 'queue' }, log);
	const startMs = Date.now() - started;
	try {
		const rig = await setUpRig(n8n, receiver, log);
		await warmUp(rig);
		const loads: LoadOutcome[] = [];
		for (const concurrency of inFlight) {
			for (const target of TARGETS) {
				loads.push(
					// a quiet minute before calling an unfinished execution stuck: longer than n8n's own database timeouts
					await loadPhase(rig, target, count, concurrency, {
						memoryLimit: memoryLimitMb * 2 ** 20,
						quietMs: 60_000,
					}),
				);
			}
		}
		const crash = await crashPhase(
			rig,
			receivingProcess(n8n),
			crashPerTarget,
			Math.max(...inFlight),
			crashPerTarget,
			{ quietMs: 60_000 },
		);
		const logs = logsOf(n8n);
		reportToParent({
			mode,
			n8nVersion: n8n.version,
			count,
			inFlight,
			typeVersions: rig.typeVersions,
			startMs,
			loads,
			crash,
			lockTimeouts: (
				logs.match(
					/Timeout waiting for lock|SQLITE_BUSY|timeout exceeded when trying to connect/gi,
				) ?? []
			).length,
			memoryLimitMb,
		} satisfies DurabilityResult);
	} finally {
		await n8n.stop();
		await receiver.stop();
	}
}

if (require.main === module) {
	main().catch((error: unknown) => {
		process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
		process.exit(1);
	});
}
