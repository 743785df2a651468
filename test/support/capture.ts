// What a user or an operator could read during a reliability suite: node output, run data, errors,
// console calls, stdout/stderr and n8n's log lines, recorded as text so that a suite can assert that
// no secret ever appears in any of it. Import it before anything that loads n8n: recording starts on
// import, and n8n's logger reads where to write (here: a file) once, when n8n loads.

import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { INodeExecutionData } from 'n8n-workflow';
import { LoggerProxy } from 'n8n-workflow';

import type { RunResult } from '../harness';

/** Everything captured during a suite, as text. */
export class Capture {
	readonly texts: string[] = [];
	private restores: Array<() => void> = [];

	add(label: string, value: unknown): void {
		let text: string;
		try {
			text = typeof value === 'string' ? value : JSON.stringify(value, errorReplacer);
		} catch {
			text = String(value);
		}
		this.texts.push(`${label}: ${text}`);
	}

	/**
	 * A run: its output items, the error as n8n persists and shows it (its `toJSON()`: message,
	 * description, context, a bounded projection of the cause), its stack, and the whole run data.
	 */
	addRun(label: string, result: RunResult & { items?: INodeExecutionData[] }): void {
		this.add(`${label} items`, result.items ?? result.output);
		if (result.error) {
			const { message, description, context, stack } = result.error;
			this.add(`${label} error`, { error: result.error, message, description, context, stack });
		}
		// less n8n's own copy of the execution's resume token (`$execution.resumeUrl`'s signature): n8n checks
		// callers against it and keeps it with the execution; what the node puts anywhere is checked in the rest
		const { resumeToken: _n8nOwn, ...runData } = result.run.data;
		this.add(`${label} run data`, runData);
	}

	/**
	 * Records (and silences) console calls, stdout/stderr writes and n8n's log lines until `stop()`;
	 * jest prints its report after the suite, once they are restored.
	 */
	start(): void {
		for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
			const spy = jest
				.spyOn(console, method)
				.mockImplementation((...args: unknown[]) => this.add(`console.${method}`, args));
			this.restores.push(() => spy.mockRestore());
		}
		for (const stream of [process.stdout, process.stderr]) {
			const original = stream.write;
			stream.write = ((chunk: unknown, ...rest: unknown[]) => {
				this.add('stdio', String(chunk));
				const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
				callback?.();
				return true;
			}) as typeof stream.write;
			this.restores.push(() => {
				stream.write = original;
			});
		}
		const log = (level: string) => (message: string, metadata?: unknown) =>
			this.add(`n8n log ${level}`, { message, metadata });
		LoggerProxy.init({
			error: log('error'),
			warn: log('warn'),
			info: log('info'),
			debug: log('debug'),
		});
	}

	stop(): void {
		for (const restore of this.restores.splice(0)) restore();
	}

	/** Every secret found in the captured text, with where it was seen. */
	leaks(secrets: string[]): string[] {
		if (existsSync(N8N_LOG_FILE)) this.add('n8n log file', readFileSync(N8N_LOG_FILE, 'utf8'));
		const found: string[] = [];
		for (const secret of secrets.filter((s) => s.length >= 8)) {
			const where = this.texts.find((text) => text.includes(secret));
			if (where) found.push(`${secret.slice(0, 4)}… in ${where.slice(0, 300)}`);
		}
		return found;
	}
}

/**
 * Everything reachable from `value` as text: own properties, enumerable or not (an error's `cause`, an HTTP
 * client error's `config` and `request`), symbol-keyed ones (a socket request's headers), buffers decoded.
 * What n8n's error reporter, a log line that prints an error or a debugger could show, not only `toJSON()`.
 */
export function reachable(value: unknown, maxDepth = 8): string {
	const seen = new Set<object>();
	const walk = (v: unknown, depth: number): unknown => {
		if (typeof v === 'bigint' || typeof v === 'symbol') return String(v);
		if (typeof v === 'function' || v === null || typeof v !== 'object') return v;
		if (seen.has(v)) return '[seen]';
		if (depth > maxDepth) return '[deeper]';
		seen.add(v);
		if (Buffer.isBuffer(v)) return v.toString('utf8');
		const out: Record<string, unknown> = {};
		for (const key of [...Object.getOwnPropertyNames(v), ...Object.getOwnPropertySymbols(v)]) {
			try {
				out[String(key)] = walk((v as Record<PropertyKey, unknown>)[key], depth + 1);
			} catch {
				out[String(key)] = '[unreadable]';
			}
		}
		return out;
	};
	return JSON.stringify(walk(value, 0)) ?? String(value);
}

/** Plain errors (without n8n's toJSON) do not stringify their message and stack: add them. */
function errorReplacer(_key: string, value: unknown): unknown {
	if (value instanceof Error) {
		const { message, stack } = value;
		return { ...(value as unknown as Record<string, unknown>), name: value.name, message, stack };
	}
	if (typeof value === 'bigint') return String(value);
	return value;
}

/**
 * n8n's own log lines (n8n-core's winston logger) go to this file rather than the console, at debug
 * level: one file per jest process, read by `leaks()`. The files of finished jest processes are removed.
 */
export const N8N_LOG_FILE = path.join(tmpdir(), `n8n-reliability-${process.pid}.log`);
process.env.N8N_LOG_OUTPUT = 'file';
process.env.N8N_LOG_FILE_LOCATION = N8N_LOG_FILE;
process.env.N8N_LOG_LEVEL = 'debug';
for (const name of readdirSync(tmpdir())) {
	const pid = /^n8n-reliability-(\d+)\.log$/.exec(name)?.[1];
	if (pid === undefined || Number(pid) === process.pid) continue;
	try {
		process.kill(Number(pid), 0);
	} catch {
		rmSync(path.join(tmpdir(), name), { force: true });
	}
}

export const capture = new Capture();
capture.start();
// process.stdout is shared by every test file of the jest process: never leave it patched
afterAll(() => capture.stop());
