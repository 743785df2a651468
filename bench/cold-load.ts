// Benchmark 5: cold load. In a fresh Node process per sample: the time to `require` every node and
// credential package.json declares (as n8n does when it loads the package), measured after the
// modules n8n itself has already loaded by then (n8n-workflow, zod) — and, as a reference in the
// same kind of process, the time to require n8n's own HTTP Request node. Also the size of dist/.

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { PACKAGE_DIR } from '../test/harness/package-types';
import { findNodesBase } from './lib/n8n-http-request';

export interface ColdLoadResult {
	files: number;
	samples: number;
	/** Median ms to require our declared nodes and credentials (n8n-workflow and zod preloaded). */
	oursMs: number;
	/** Median ms including the first require of n8n-workflow and zod. */
	oursWithDependenciesMs: number;
	/** Median ms to require n8n's HTTP Request node (n8n-workflow preloaded), if a real n8n is cached. */
	httpRequestMs?: number;
	httpRequestNote?: string;
	dist: { bytes: number; files: number; jsBytes: number; jsFiles: number };
}

const SAMPLE = `
const files = JSON.parse(process.argv[1]);
const preload = JSON.parse(process.argv[2]);
const t0 = process.hrtime.bigint();
for (const m of preload) require(m);
const t1 = process.hrtime.bigint();
for (const file of files) {
	const exported = require(file);
	for (const Type of Object.values(exported)) if (typeof Type === 'function') new Type();
}
const t2 = process.hrtime.bigint();
process.stdout.write(JSON.stringify({ preloadMs: Number(t1 - t0) / 1e6, loadMs: Number(t2 - t1) / 1e6 }));
`;

function sample(
	files: string[],
	preload: string[],
	cwd: string,
): { preloadMs: number; loadMs: number } {
	const out = execFileSync(
		process.execPath,
		['-e', SAMPLE, JSON.stringify(files), JSON.stringify(preload)],
		{ cwd, encoding: 'utf8' },
	);
	return JSON.parse(out) as { preloadMs: number; loadMs: number };
}

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function walk(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
	);
}

export function measureColdLoad(samples = 7): ColdLoadResult {
	const pkg = JSON.parse(readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8')) as {
		n8n: { nodes: string[]; credentials: string[] };
	};
	const files = [...pkg.n8n.nodes, ...pkg.n8n.credentials].map((file) =>
		path.join(PACKAGE_DIR, file),
	);
	const preload = [require.resolve('n8n-workflow'), require.resolve('zod')];
	const ours = Array.from({ length: samples }, () => sample(files, preload, PACKAGE_DIR));

	const result: ColdLoadResult = {
		files: files.length,
		samples,
		oursMs: median(ours.map((s) => s.loadMs)),
		oursWithDependenciesMs: median(ours.map((s) => s.preloadMs + s.loadMs)),
		dist: { bytes: 0, files: 0, jsBytes: 0, jsFiles: 0 },
	};

	const nodesBase = findNodesBase();
	if ('missing' in nodesBase) {
		result.httpRequestNote = nodesBase.missing;
	} else {
		const httpRequest = path.join(
			nodesBase.dir,
			'dist',
			'nodes',
			'HttpRequest',
			'HttpRequest.node.js',
		);
		const theirWorkflow = require.resolve('n8n-workflow', { paths: [nodesBase.dir] });
		const theirs = Array.from({ length: samples }, () =>
			sample([httpRequest], [theirWorkflow], nodesBase.dir),
		);
		result.httpRequestMs = median(theirs.map((s) => s.loadMs));
		result.httpRequestNote = `n8n-nodes-base ${nodesBase.nodesBaseVersion}`;
	}

	for (const file of walk(path.join(PACKAGE_DIR, 'dist'))) {
		const { size } = statSync(file);
		result.dist.bytes += size;
		result.dist.files++;
		if (file.endsWith('.js')) {
			result.dist.jsBytes += size;
			result.dist.jsFiles++;
		}
	}
	return result;
}

if (require.main === module)
	process.stdout.write(`${JSON.stringify(measureColdLoad(), null, 2)}\n`);
