// What `npm run demo` prints (scripts/demo-text.mjs), without starting it: the sandbox URLs a credential needs, the
// whole outcome table, what Ctrl-C keeps (said before it happens), and callback URLs without their secrets.
// scripts/ is ESM run by tsx: read through a child `node --import tsx`.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { CALL_OUTCOMES, outcomeLines } from '../sandbox/numbers';

const ROOT = path.resolve(__dirname, '../..');

/** Runs `body` (ESM, with demo-text.mjs's exports in scope) in a child and returns what it printed as JSON. */
function inScripts<T>(body: string): T {
	const script = `import * as text from '${pathToFileURL(path.join(ROOT, 'scripts/demo-text.mjs')).href}';
import { readExamples } from '${pathToFileURL(path.join(ROOT, 'scripts/examples.mjs')).href}';
${body}`;
	const dir = mkdtempSync(path.join(tmpdir(), 'demo-text-'));
	try {
		const file = path.join(dir, 'print.mjs');
		writeFileSync(file, script);
		const stdout = execFileSync(process.execPath, ['--import', 'tsx', file], {
			cwd: ROOT,
			encoding: 'utf8',
		});
		return JSON.parse(stdout) as T;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

const SANDBOX = 'http://127.0.0.1:41999';
const N8N = 'http://127.0.0.1:41998';
const DATA_DIR = '/somewhere/.cache/demo/n8n-2.40.7';

let lines: string[];
beforeAll(() => {
	lines = inScripts<string[]>(`
const n8n = { baseUrl: '${N8N}', webhookUrl: (p) => '${N8N}/webhook/' + p, logFile: '${DATA_DIR}/n8n.log' };
const sandbox = {
	url: '${SANDBOX}',
	routeeBaseUrl: '${SANDBOX}/routee',
	routeeTokenUrl: '${SANDBOX}/routee-auth/oauth/token',
	octopushBaseUrl: '${SANDBOX}/octopush/v1/public',
};
const examples = readExamples({ n8nBaseUrl: n8n.baseUrl });
process.stdout.write(JSON.stringify(text.banner({ version: '2.40.7', n8n, sandbox, examples, stepDelayMs: 2000, dataDir: '${DATA_DIR}' })));
`);
});

test('the banner gives the sandbox URLs a credential needs', () => {
	expect(lines).toEqual(
		expect.arrayContaining([
			`    Routee Base URL     ${SANDBOX}/routee`,
			`    Routee Token URL    ${SANDBOX}/routee-auth/oauth/token`,
			`    Octopush Base URL   ${SANDBOX}/octopush/v1/public`,
		]),
	);
});

test("the banner prints the sandbox's whole outcome table, the answering machine (04) included", () => {
	const printed = outcomeLines(CALL_OUTCOMES).map((line) => `    ${line}`);
	const start = lines.indexOf(printed[0]);
	expect(start).toBeGreaterThan(0);
	expect(lines.slice(start, start + printed.length)).toEqual(printed);
	expect(printed.some((line) => line.includes('ends 04 → an answering machine'))).toBe(true);
});

test('the banner says, before Ctrl-C, that n8n data is kept and where, and how to reset', () => {
	const kept = lines.findIndex((line) => line.includes('Ctrl-C keeps n8n'));
	const stops = lines.indexOf('  Ctrl-C stops n8n and the sandbox.');
	expect(kept).toBeGreaterThan(0);
	expect(stops).toBeGreaterThan(kept);
	expect(lines[kept]).toContain('workflows, credentials, executions');
	expect(lines[kept + 1]).toBe(`    ${DATA_DIR}`);
	expect(lines[kept + 2]).toContain('npm run demo -- --reset');
});

test('a callback line shows the resume URL without its signature and the trigger URL without its token', () => {
	const printed = inScripts<string[]>(`
process.stdout.write(JSON.stringify([
	text.callbackLine({ kind: 'routee.collect', url: '${N8N}/form-waiting/12?signature=s3cr3tSig&x=1', status: 200 }),
	text.callbackLine({ kind: 'routee.voice', url: '${N8N}/webhook/abc/webhook?token=t0k3n', status: 200 }),
	text.callbackLine({ kind: 'routee.machine', url: '${N8N}/form-waiting/13?machine=1&signature=s3cr3tSig', status: 200 }),
]));
`);
	expect(printed).toEqual([
		`  sandbox → callback routee.collect to ${N8N}/form-waiting/12?signature=…&x=1 → 200`,
		`  sandbox → callback routee.voice to ${N8N}/webhook/abc/webhook?token=… → 200`,
		`  sandbox → callback routee.machine to ${N8N}/form-waiting/13?machine=1&signature=… → 200`,
	]);
});

test('a demo is taken for running on a data folder only while the pid it wrote runs', () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'demo-data-'));
	try {
		const check = (pid: number) => {
			writeFileSync(
				path.join(dir, 'demo-running.json'),
				JSON.stringify({ pid, sandbox: { url: 'http://127.0.0.1:1' } }),
			);
			const script = path.join(dir, 'check.mjs');
			writeFileSync(
				script,
				`import { runningDemo } from '${pathToFileURL(path.join(ROOT, 'scripts/demo-data.mjs')).href}';
process.stdout.write(JSON.stringify(runningDemo(${JSON.stringify(dir)}) ?? null));`,
			);
			return JSON.parse(execFileSync(process.execPath, [script], { encoding: 'utf8' })) as {
				pid: number;
			} | null;
		};
		// this test process plays the running demo
		expect(check(process.pid)).toMatchObject({ pid: process.pid, dataDir: dir });
		// a pid no process has (above the kernel's pid_max)
		expect(check(2 ** 22 + 1)).toBeNull();
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
