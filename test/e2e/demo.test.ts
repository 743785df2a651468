// `npm run demo` as a user runs it in the background: started through npm, it brings up the sandbox and a
// real n8n with the examples imported and the CRM stand-in published; SIGINT sent to the npm process's own
// PID (not to its process group) must stop the whole process tree: npm, tsx, the demo, n8n and its task
// runners, and free the ports. (npm does not pass a signal through a `sh -c` it did not exec: the script execs.)

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
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

describe('npm run demo (real n8n), stopped with SIGINT to the npm process', () => {
	let npm: ChildProcess | undefined;
	let seen: number[] = [];

	afterAll(() => {
		// whatever the test left (it failed): not left running
		for (const pid of seen.filter(alive)) {
			try {
				process.kill(pid, 'SIGKILL');
			} catch {}
		}
	});

	test(
		'SIGINT to the npm PID stops npm, tsx, the demo, n8n and its task runners, and frees both ports',
		async () => {
			expect(existsSync(path.join(ROOT, 'dist'))).toBe(true);
			const { freePort } = await scripts();
			const n8nPort = await freePort();
			const sandboxPort = await freePort();
			npm = spawn('npm', ['run', 'demo'], {
				cwd: ROOT,
				// background job: its own process group, so nothing but our kill(pid) reaches it
				detached: true,
				stdio: ['ignore', 'pipe', 'pipe'],
				env: {
					...process.env,
					DEMO_SKIP_BUILD: '1',
					DEMO_N8N_VERSION: VERSION,
					N8N_PORT: String(n8nPort),
					SANDBOX_PORT: String(sandboxPort),
					SANDBOX_STEP_DELAY_MS: '500',
				},
			});
			let output = '';
			npm.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
			npm.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
			const npmPid = npm.pid!;
			const exited = new Promise<number | null>((resolve) =>
				npm!.once('exit', (code) => resolve(code)),
			);

			const ready = await until(
				() => output.includes('Ctrl-C stops n8n and the sandbox.') || npm!.exitCode !== null,
				8 * 60 * 1000,
			);
			expect({
				ready,
				exitCode: npm.exitCode,
				tail: ready && npm.exitCode === null ? '' : output.slice(-3000),
			}).toEqual({ ready: true, exitCode: null, tail: '' });

			// the banner's URLs are this demo's, and what it says is published answers
			const baseUrl = `http://127.0.0.1:${n8nPort}`;
			expect(output).toContain(`is running:  ${baseUrl}`);
			expect(output).toContain(`SANDBOX_STEP_DELAY_MS=500`);
			expect(output).toContain(`curl -X POST ${baseUrl}/webhook/new-order `);
			const crm = await fetch(`${baseUrl}/webhook/demo-crm/order-update`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({
					orderId: 'D-1',
					phone: '+33612345678',
					orderStatus: 'confirmed',
					digits: '1',
					source: 'demo test',
				}),
			});
			expect(crm.status).toBe(200);
			expect(await crm.json()).toMatchObject({ orderId: 'D-1', source: 'demo test' });

			// a new order as the banner's curl posts it: a callback reaches a trigger URL (the demo prints it, without the token)
			const order = await fetch(`${baseUrl}/webhook/new-order-call`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ orderId: 'D-2', phone: '+33612345601' }),
			});
			expect(order.status).toBe(200);
			expect(
				await until(
					() => /sandbox → callback routee\.collect to \S+\?token=… → 200/.test(output),
					30000,
				),
			).toBe(true);

			seen = tree(npmPid);
			const commands = seen.map(commandOf);
			// npm, tsx, the demo itself, n8n (and its task runner)
			expect(commands.some((c) => /tsx\/dist\/cli|\.bin\/tsx/.test(c))).toBe(true);
			expect(commands.some((c) => c.includes('scripts/demo.mjs'))).toBe(true);
			expect(commands.some((c) => /n8n\/bin\/n8n start|bin\/n8n start/.test(c))).toBe(true);
			expect(await listening(n8nPort)).toBe(true);
			expect(await listening(sandboxPort)).toBe(true);

			process.kill(npmPid, 'SIGINT');
			let timer: NodeJS.Timeout | undefined;
			const outcome = await Promise.race([
				exited.then(() => 'exited'),
				new Promise((resolve) => (timer = setTimeout(() => resolve('still running'), 60000))),
			]);
			clearTimeout(timer);
			expect(outcome).toBe('exited');
			const gone = await until(() => seen.every((pid) => !alive(pid)), 30000);
			expect({ gone, left: seen.filter(alive).map((pid) => `${pid} ${commandOf(pid)}`) }).toEqual({
				gone: true,
				left: [],
			});
			expect(await listening(n8nPort)).toBe(false);
			expect(await listening(sandboxPort)).toBe(false);
			expect(output).toContain('Stopping n8n and the sandbox (SIGINT)');
			expect(output).not.toContain('sandbox-callback-secret');
		},
		10 * 60 * 1000,
	);
});
