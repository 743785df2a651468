// `npm run bench`: every benchmark of issue 6, each against a baseline measured in the same run;
// prints each section's table, keeps it in bench/results/<section>.json and writes bench/results.md from all of them. Environment:
//   BENCH_ONLY=octopush,routee,trigger,cold,queue,durability,network   run some sections only
//   BENCH_NETWORK_SIZES=1000,10000,100000      campaign sizes over the TLS link with latency (network, issue 25)
//   BENCH_NETWORK_PARALLEL=1,2,4,8             Frames in Parallel values of the network rows
//   BENCH_NETWORK_CALLS=50                     Call and Wait calls per mode (network)
//   BENCH_NETWORK_MODES=regular,queue          n8n set-ups of the Call and Wait rows
//   BENCH_QUEUE_RECIPIENTS=100000              campaign size of the queue-mode rows
//   BENCH_SIZES=10000,100000,1000000           Octopush campaign sizes (100,000 is the headline)
//   BENCH_HTTP_ITEMS=10000                     items for the HTTP Request node comparison
//   BENCH_DURABILITY_CALLBACKS=2000            callbacks per target and concurrency (durability, issue 30)
//   BENCH_DURABILITY_IN_FLIGHT=8,32            concurrencies of the durability bursts
//   BENCH_DURABILITY_CRASH=600                 callbacks per target in the kill -9 burst
//   BENCH_DURABILITY_MODES=regular,queue       n8n set-ups of the durability section
//   BENCH_DURABILITY_RSS_LIMIT_MB=6144         a burst stops once n8n's memory passes this

import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { coldLoadSection } from './cold-load.section';
import { durabilitySection } from './durability.section';
import { networkSection } from './network.section';
import { consoleTable, markdownTable } from './lib/table';
import { octopushSection, type Section } from './octopush.section';
import { queueModeSection } from './queue-mode.section';
import { routeeSection } from './routee.section';
import { triggerSection } from './trigger.section';

const log = (line: string) => process.stdout.write(`[bench] ${line}\n`);
const list = (value: string | undefined, fallback: string) =>
	(value ?? fallback)
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);

async function main(): Promise<void> {
	const only = list(
		process.env.BENCH_ONLY,
		'octopush,routee,trigger,cold,queue,durability,network',
	);
	const sizes = list(process.env.BENCH_SIZES, '10000,100000,1000000').map(Number);
	const httpItems = Number(process.env.BENCH_HTTP_ITEMS ?? 10000);
	const started = Date.now();

	log('building the package (the harness and n8n load dist/)');
	execSync('npm run build', { stdio: 'ignore', cwd: path.join(__dirname, '..') });

	const sections: Array<[string, () => Promise<Section> | Section]> = [
		['octopush', async () => await octopushSection(sizes, httpItems, log)],
		['routee', async () => await routeeSection(log)],
		['trigger', async () => await triggerSection(log)],
		['cold', () => coldLoadSection()],
		['queue', async () => await queueModeSection(log)],
		['durability', async () => await durabilitySection(log)],
		['network', async () => await networkSection(log)],
	];
	mkdirSync(path.join(__dirname, 'results'), { recursive: true });
	for (const [name, run] of sections) {
		if (!only.includes(name)) continue;
		log(`section ${name}`);
		const sectionStarted = Date.now();
		const sectionLoad = loadAverage();
		const section = await run();
		process.stdout.write(
			`\n${consoleTable(section.rows)}\n\n${section.notes.map((n) => `- ${n}`).join('\n')}\n\n`,
		);
		const measured: MeasuredSection = {
			name,
			at: new Date().toISOString(),
			seconds: Math.round((Date.now() - sectionStarted) / 1000),
			load: sectionLoad,
			...section,
		};
		writeFileSync(sectionFile(name), `${JSON.stringify(measured, null, '\t')}\n`);
	}

	// results.md shows every section's latest measurement, so a run of some sections keeps the others' rows
	const measured = sections
		.map(([name]) => sectionFile(name))
		.filter((file) => existsSync(file))
		.map((file) => JSON.parse(readFileSync(file, 'utf8')) as MeasuredSection);
	const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
	const markdown = [
		'# Benchmark results',
		'',
		`Written by \`npm run bench\` (last run ${new Date().toISOString()}, sections: ${only.join(', ')}). Machine: ${machine}.`,
		'Every ratio is against a baseline measured in the same run. Each section keeps its latest measurement',
		`(\`BENCH_ONLY=<section>\` re-measures one; the raw rows are in bench/results/<section>.json).`,
		'',
		'| Section | Measured at | Took | Load average at start |',
		'|---|---|---|---|',
		...measured.map((m) => `| ${m.name} | ${m.at} | ${m.seconds} s | ${m.load} |`),
		'',
		markdownTable(measured.flatMap((m) => m.rows)),
		'',
		'## Notes',
		'',
		...measured.flatMap((m) => m.notes.map((n) => `- ${n}`)),
		'',
	].join('\n');
	writeFileSync(path.join(__dirname, 'results.md'), markdown);
	log(`written bench/results.md (${Math.round((Date.now() - started) / 1000)} s)`);
}

interface MeasuredSection extends Section {
	name: string;
	at: string;
	seconds: number;
	load: string;
}

const sectionFile = (name: string) => path.join(__dirname, 'results', `${name}.json`);

function loadAverage(): string {
	return os
		.loadavg()
		.map((l) => l.toFixed(2))
		.join(' ');
}

main().catch((error: unknown) => {
	process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
	process.exit(1);
});
