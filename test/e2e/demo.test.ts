// `npm run demo` as a user runs it in the background: started through npm, it brings up the sandbox and a
// real n8n with the examples imported and the CRM stand-in published; SIGINT sent to the npm process's own
// PID (not to its process group) must stop the whole process tree: npm, tsx, the demo, n8n and its task
// runners, and free the ports. (npm does not pass a signal through a `sh -c` it did not exec: the script execs.)
// n8n's data is kept in DEMO_DATA_DIR (here a temporary folder, not the user's .cache/demo/): a second run starts on
// it (credentials not duplicated, examples not imported twice, the self-starting ones published), a run on another
// port imports the examples again so their URLs follow, and `-- --reset` starts afresh. Every port is one the OS
// picked, never the demo's usual 5678 / 4010.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ROOT, scripts } from './n8n';

const VERSION = (process.env.N8N_E2E_VERSIONS ?? '').split(',').filter(Boolean)[0];

/** pid → parent pid of every process, read from /proc. */
function parents(): Map<number, number> {
	const map = new Map<number, number>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			// "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ')'
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			if (fields[0] !== 'Z') map.set(Number(entry), Number(fields[1]));
		} catch {
			// the process ended while we read
		}
	}
	return map;
}

/** `root` and every process below it. */
function tree(root: number): number[] {
	const byParent = new Map<number, number[]>();
	for (const [pid, ppid] of parents()) byParent.set(ppid, [...(byParent.get(ppid) ?? []), pid]);
	const found: number[] = [];
	const visit = (pid: number) => {
		found.push(pid);
		for (const child of byParent.get(pid) ?? []) visit(child);
	};
	visit(root);
	return found;
}

const alive = (pid: number) => parents().has(pid);
const commandOf = (pid: number) => {
	try {
		return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
	} catch {
		return '(gone)';
	}
};

function listening(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await check()) return true;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	return await check();
}

const READY_LINE = 'Ctrl-C stops n8n and the sandbox.';
const dataDir = mkdtempSync(path.join(tmpdir(), 'demo-data-'));
/** Every pid a demo of this file had (killed in afterAll if a failed test left one). */
const seen = new Set<number>();

interface Demo {
	npm: ChildProcess;
	output: () => string;
	exited: Promise<number | null>;
	n8nPort: number;
	sandboxPort: number;
	baseUrl: string;
	cookie: string;
}

function spawnDemo(n8nPort: number, sandboxPort: number, args: string[] = []) {
	const npm = spawn('npm', ['run', 'demo', ...(args.length > 0 ? ['--', ...args] : [])], {
		cwd: ROOT,
		// background job: its own process group, so nothing but our kill(pid) reaches it
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: {
			...process.env,
			DEMO_SKIP_BUILD: '1',
			DEMO_N8N_VERSION: VERSION,
			DEMO_DATA_DIR: dataDir,
			N8N_PORT: String(n8nPort),
			SANDBOX_PORT: String(sandboxPort),
			SANDBOX_STEP_DELAY_MS: '500',
		},
	});
	let output = '';
	npm.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	npm.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
	return { npm, output: () => output, exited };
}

/** Starts `npm run demo` and waits for its banner; logs in to its n8n as the banner says. */
async function startDemo(n8nPort: number, sandboxPort: number, args: string[] = []): Promise<Demo> {
	const { npm, output, exited } = spawnDemo(n8nPort, sandboxPort, args);
	const ready = await until(
		() => output().includes(READY_LINE) || npm.exitCode !== null,
		8 * 60 * 1000,
	);
	expect({
		ready,
		exitCode: npm.exitCode,
		tail: ready && npm.exitCode === null ? '' : output().slice(-3000),
	}).toEqual({ ready: true, exitCode: null, tail: '' });
	for (const pid of tree(npm.pid!)) seen.add(pid);
	const baseUrl = `http://127.0.0.1:${n8nPort}`;
	const login = await fetch(`${baseUrl}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'browser-id': 'demo-test' },
		body: JSON.stringify({
			emailOrLdapLoginId: 'owner@example.com',
			password: 'Sandbox-Passw0rd',
		}),
	});
	expect(login.status).toBe(200);
	const cookie = login.headers.get('set-cookie')!.split(';')[0];
	current = { npm, output, exited, n8nPort, sandboxPort, baseUrl, cookie };
	return current;
}

/** n8n's REST API as the logged-in owner (`data` unwrapped). */
async function rest(demo: Demo, method: string, route: string, body?: unknown): Promise<any> {
	const response = await fetch(`${demo.baseUrl}${route}`, {
		method,
		headers: { 'content-type': 'application/json', 'browser-id': 'demo-test', cookie: demo.cookie },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${text}`);
	const json = JSON.parse(text);
	return json && typeof json === 'object' && 'data' in json ? json.data : json;
}

/** The demo a test started (stopped after it if the test failed first). */
let current: Demo | undefined;
afterEach(async () => {
	if (current && current.npm.exitCode === null && current.npm.signalCode === null)
		await stopDemo(current).catch(() => undefined);
	current = undefined;
});

/** SIGINT to the npm PID; resolves once every process of the demo is gone. */
async function stopDemo(demo: Demo): Promise<void> {
	const pids = tree(demo.npm.pid!);
	process.kill(demo.npm.pid!, 'SIGINT');
	let timer: NodeJS.Timeout | undefined;
	const outcome = await Promise.race([
		demo.exited.then(() => 'exited'),
		new Promise((resolve) => (timer = setTimeout(() => resolve('still running'), 60000))),
	]);
	clearTimeout(timer);
	expect(outcome).toBe('exited');
	const gone = await until(() => pids.every((pid) => !alive(pid)), 30000);
	expect({ gone, left: pids.filter(alive).map((pid) => `${pid} ${commandOf(pid)}`) }).toEqual({
		gone: true,
		left: [],
	});
}

const postJson = (url: string, body: unknown) =>
	fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});

const EXAMPLE_FILES = readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.json'));
const exampleNames = EXAMPLE_FILES.map(
	(file) => JSON.parse(readFileSync(path.join(ROOT, 'examples', file), 'utf8')).name as string,
);

/** Workflows n8n holds: [name, active]. */
async function workflows(
	demo: Demo,
): Promise<Array<{ id: string; name: string; active: boolean }>> {
	const listed = await rest(demo, 'GET', '/rest/workflows');
	return (Array.isArray(listed) ? listed : (listed.results ?? listed.data)).map(
		(w: { id: string; name: string; active: boolean }) => ({
			id: w.id,
			name: w.name,
			active: Boolean(w.active),
		}),
	);
}

/** The examples n8n holds each exactly once, the published ones active; what else it holds. */
async function expectExamples(demo: Demo): Promise<string[]> {
	const held = await workflows(demo);
	for (const name of exampleNames)
		expect({ name, copies: held.filter((w) => w.name === name).length }).toEqual({
			name,
			copies: 1,
		});
	const published = demo
		.output()
		.split('\n')
		.filter((line) => line.includes('   [published]'));
	expect(published.length).toBeGreaterThanOrEqual(5);
	for (const line of published) {
		const name = line.replace(/^\s*• /, '').replace(/\s+\[published\]\s*$/, '');
		expect({ name, active: held.find((w) => w.name === name)?.active }).toEqual({
			name,
			active: true,
		});
	}
	return held.map((w) => w.name).filter((name) => !exampleNames.includes(name));
}

const KEPT_WORKFLOW = 'Made in the demo: kept between runs';
let first: { n8nPort: number; sandboxPort: number; crmExecutions: number } | undefined;

afterAll(() => {
	// whatever a failed test left: not left running
	for (const pid of [...seen].filter(alive)) {
		try {
			process.kill(pid, 'SIGKILL');
		} catch {}
	}
	rmSync(dataDir, { recursive: true, force: true });
});

describe('npm run demo (real n8n), stopped with SIGINT to the npm process', () => {
	test(
		'SIGINT to the npm PID stops npm, tsx, the demo, n8n and its task runners, frees both ports and keeps the n8n data',
		async () => {
			expect(existsSync(path.join(ROOT, 'dist'))).toBe(true);
			const { freePort } = await scripts();
			const n8nPort = await freePort();
			const sandboxPort = await freePort();
			const demo = await startDemo(n8nPort, sandboxPort);
			const output = demo.output;
			const npmPid = demo.npm.pid!;

			// the banner's URLs are this demo's, and what it says is published answers
			const { baseUrl } = demo;
			const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
			expect(output()).toContain(`is running:  ${baseUrl}`);
			expect(output()).toContain(`SANDBOX_STEP_DELAY_MS=500`);
			expect(output()).toContain(`curl -X POST ${baseUrl}/webhook/new-order `);
			// the URLs a credential of one's own needs, the whole outcome table, what Ctrl-C keeps (before it happens)
			expect(output()).toContain(`    Routee Base URL     ${sandboxUrl}/routee\n`);
			expect(output()).toContain(`    Routee Token URL    ${sandboxUrl}/routee-auth/oauth/token\n`);
			expect(output()).toContain(`    Octopush Base URL   ${sandboxUrl}/octopush/v1/public\n`);
			expect(output()).toMatch(/\n {4}ends 04 → an answering machine, when the call looks for one/);
			const banner = output().slice(output().indexOf('n8n 2.') - 4);
			expect(banner.indexOf("Ctrl-C keeps n8n's data")).toBeGreaterThan(0);
			expect(banner.indexOf(`    ${dataDir}\n`)).toBeGreaterThan(
				banner.indexOf("Ctrl-C keeps n8n's data"),
			);
			expect(banner.indexOf(READY_LINE)).toBeGreaterThan(banner.indexOf(`    ${dataDir}\n`));
			expect(output()).toContain(`n8n keeps its data in ${dataDir} between runs`);

			const crm = await postJson(`${baseUrl}/webhook/demo-crm/order-update`, {
				orderId: 'D-1',
				phone: '+33612345678',
				orderStatus: 'confirmed',
				digits: '1',
				source: 'demo test',
			});
			expect(crm.status).toBe(200);
			expect(await crm.json()).toMatchObject({ orderId: 'D-1', source: 'demo test' });

			// a new order as the banner's curl posts it: a callback reaches a trigger URL (the demo prints it, without the token)
			const order = await postJson(`${baseUrl}/webhook/new-order-call`, {
				orderId: 'D-2',
				phone: '+33612345601',
			});
			expect(order.status).toBe(200);
			expect(
				await until(
					() => /sandbox → callback routee\.collect to \S+\?token=… → 200/.test(output()),
					30000,
				),
			).toBe(true);
			// a call that waits: the sandbox calls the execution's resume URL, printed without its signature
			const waiting = await postJson(`${baseUrl}/webhook/new-order`, {
				orderId: 'D-3',
				phone: '+33612345601',
			});
			expect(waiting.status).toBe(200);
			expect(
				await until(
					() =>
						/sandbox → callback routee\.collect to \S*\/form-waiting\/\d+\S*signature=…\S* → 200/.test(
							output(),
						),
					30000,
				),
			).toBe(true);
			expect(output()).not.toMatch(/signature=(?!…)/);
			// something made in the demo, to find in the next run
			await rest(demo, 'POST', '/rest/workflows', {
				name: KEPT_WORKFLOW,
				nodes: [],
				connections: {},
				settings: {},
				active: false,
			});
			// the CRM's executions: D-1 posted to it, D-2 through the key-press trigger, D-3 after the waiting call
			const crmId = (await workflows(demo)).find((w) => w.name.startsWith('Demo CRM'))!.id;
			const crmExecutions = async () =>
				(await allExecutionsOf(demo)).filter((e) => e.workflowId === crmId).length;
			expect(await until(async () => (await crmExecutions()) >= 3, 60000)).toBe(true);
			first = { n8nPort, sandboxPort, crmExecutions: await crmExecutions() };

			const commands = tree(npmPid).map(commandOf);
			// npm, tsx, the demo itself, n8n (and its task runner)
			expect(commands.some((c) => /tsx\/dist\/cli|\.bin\/tsx/.test(c))).toBe(true);
			expect(commands.some((c) => c.includes('scripts/demo.mjs'))).toBe(true);
			expect(commands.some((c) => /n8n\/bin\/n8n start|bin\/n8n start/.test(c))).toBe(true);
			expect(await listening(n8nPort)).toBe(true);
			expect(await listening(sandboxPort)).toBe(true);
			expect(existsSync(path.join(dataDir, 'demo-running.json'))).toBe(true);

			await stopDemo(demo);
			expect(await listening(n8nPort)).toBe(false);
			expect(await listening(sandboxPort)).toBe(false);
			expect(output()).toContain('Stopping n8n and the sandbox (SIGINT)');
			expect(output()).not.toContain('sandbox-callback-secret');
			// kept, and said so on stop too
			const afterStop = output().slice(output().indexOf('Stopping n8n and the sandbox (SIGINT)'));
			expect(afterStop).toContain(
				`Kept for the next \`npm run demo\`: n8n's workflows, credentials, executions and log, in\n    ${dataDir}\n`,
			);
			expect(existsSync(path.join(dataDir, '.n8n', 'database.sqlite'))).toBe(true);
			expect(readFileSync(path.join(dataDir, 'n8n.log'), 'utf8').length).toBeGreaterThan(0);
			expect(existsSync(path.join(dataDir, 'demo-running.json'))).toBe(false);
		},
		10 * 60 * 1000,
	);

	test(
		'a second run on the kept data: what was made stays, credentials and examples are not doubled, the published examples run; `npm run sandbox` beside it prints its sandbox; a second demo on the same data is refused',
		async () => {
			expect(first).toBeDefined();
			const demo = await startDemo(first!.n8nPort, first!.sandboxPort);
			expect(demo.output()).toContain(`n8n's data kept from the last run: ${dataDir}`);
			expect(demo.output()).toContain(`kept the ${EXAMPLE_FILES.length} this n8n already holds`);

			expect(await expectExamples(demo)).toEqual([KEPT_WORKFLOW]);
			const credentials: Array<{ id: string; name: string }> = await rest(
				demo,
				'GET',
				'/rest/credentials',
			);
			expect(credentials.map((c) => c.name).sort()).toEqual([
				'Callback secret (sandbox)',
				'Octopush sandbox',
				'Routee sandbox',
			]);
			const crmId = (await workflows(demo)).find((w) => w.name.startsWith('Demo CRM'))!.id;
			const kept = (await allExecutionsOf(demo)).filter((e) => e.workflowId === crmId).length;
			expect(kept).toBe(first!.crmExecutions);
			// the published examples answer: an order goes round the call and its triggers to the CRM
			const order = await postJson(`${demo.baseUrl}/webhook/new-order-call`, {
				orderId: 'D-4',
				phone: '+33612345601',
			});
			expect(order.status).toBe(200);
			expect(
				await until(
					async () =>
						(await allExecutionsOf(demo)).filter((e) => e.workflowId === crmId).length > kept,
					60000,
				),
			).toBe(true);

			// `npm run sandbox` beside the demo: no EADDRINUSE, the demo's sandbox URLs
			const { PORT: _port, ...env } = process.env;
			const sandboxCli = spawn('npm', ['run', 'sandbox'], {
				cwd: ROOT,
				env: { ...env, DEMO_DATA_DIR: dataDir },
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			let cliOutput = '';
			sandboxCli.stdout!.on('data', (chunk: Buffer) => (cliOutput += chunk.toString()));
			sandboxCli.stderr!.on('data', (chunk: Buffer) => (cliOutput += chunk.toString()));
			const cliCode = await new Promise((resolve) => sandboxCli.once('exit', resolve));
			expect({ cliCode, cliOutput }).toEqual({
				cliCode: 0,
				cliOutput: expect.stringContaining(
					`Routee base URL     http://127.0.0.1:${first!.sandboxPort}/routee\n`,
				),
			});
			expect(cliOutput).not.toContain('EADDRINUSE');

			// a second demo on the same data stops at once and says why
			const { freePort } = await scripts();
			const other = spawnDemo(await freePort(), await freePort());
			const code = await other.exited;
			expect(code).not.toBe(0);
			expect(other.output()).toContain('another `npm run demo` (pid');
			expect(demo.npm.exitCode).toBeNull();

			await stopDemo(demo);
		},
		10 * 60 * 1000,
	);

	test(
		'on another n8n port the kept examples are imported again, their URLs following; what was made stays',
		async () => {
			const { freePort } = await scripts();
			const demo = await startDemo(await freePort(), await freePort());
			expect(demo.output()).toContain(
				`n8n runs on ${demo.baseUrl}, not http://127.0.0.1:${first!.n8nPort} as last time: importing the examples again`,
			);
			expect(await expectExamples(demo)).toEqual([KEPT_WORKFLOW]);
			const callAndWait = (await workflows(demo)).find((w) =>
				w.name.startsWith('Routee: new order → call, wait for key press'),
			)!;
			const stored = JSON.stringify(await rest(demo, 'GET', `/rest/workflows/${callAndWait.id}`));
			expect(stored).toContain(`${demo.baseUrl}/webhook/`);
			expect(stored).not.toContain(`http://127.0.0.1:${first!.n8nPort}/`);
			await stopDemo(demo);
		},
		10 * 60 * 1000,
	);

	test(
		'`npm run demo -- --reset` deletes the kept data first: only the examples as shipped',
		async () => {
			const { freePort } = await scripts();
			const demo = await startDemo(await freePort(), await freePort(), ['--reset']);
			expect(demo.output()).toContain(
				`--reset: deleted the n8n data kept from earlier runs (${dataDir})`,
			);
			expect(await expectExamples(demo)).toEqual([]);
			await stopDemo(demo);
		},
		10 * 60 * 1000,
	);
});

async function allExecutionsOf(demo: Demo): Promise<Array<{ id: string; workflowId: string }>> {
	const result = await rest(demo, 'GET', '/rest/executions?limit=500');
	return result.results ?? result;
}
