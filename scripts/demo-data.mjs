// Where `npm run demo` keeps n8n's data between runs, and how to tell that a demo is running on it (its sandbox's
// URLs are what `npm run sandbox` prints beside a running demo).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { CACHE } from './n8n/install.mjs';

/** The folder holding one folder of kept n8n data per n8n version. */
export const DEMO_DATA_ROOT = join(CACHE, 'demo');

/** Written by a running demo into its data folder: { pid, sandbox: { url, routeeBaseUrl, … }, n8nBaseUrl }. */
export const RUNNING_FILE = 'demo-running.json';

/** The n8n user folder the demo of n8n `version` keeps: DEMO_DATA_DIR, else .cache/demo/n8n-<version>. */
export function demoDataDir(version, env = process.env) {
	return env.DEMO_DATA_DIR ? resolve(env.DEMO_DATA_DIR) : join(DEMO_DATA_ROOT, `n8n-${version}`);
}

function alive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

/** What a demo other than this process, still running, wrote into `dataDir` (RUNNING_FILE), or undefined. */
export function runningDemo(dataDir) {
	let state;
	try {
		state = JSON.parse(readFileSync(join(dataDir, RUNNING_FILE), 'utf8'));
	} catch {
		return undefined;
	}
	if (!Number.isInteger(state?.pid) || state.pid === process.pid || !alive(state.pid))
		return undefined;
	return { ...state, dataDir };
}

/** Running demos whose sandbox is up: DEMO_DATA_DIR's, else those of every folder under .cache/demo/. */
export function runningDemos(env = process.env) {
	const dirs = env.DEMO_DATA_DIR
		? [resolve(env.DEMO_DATA_DIR)]
		: existsSync(DEMO_DATA_ROOT)
			? readdirSync(DEMO_DATA_ROOT).map((name) => join(DEMO_DATA_ROOT, name))
			: [];
	return dirs.map(runningDemo).filter((demo) => demo?.sandbox?.url);
}
