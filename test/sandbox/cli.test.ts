// `npm run sandbox` (test/sandbox/cli.ts) beside a running demo, and on a port already taken. Every port here is one
// the OS picked (listen on 0): nothing of a demo or n8n on their usual ports is touched.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { Sandbox } from './server';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(__dirname, 'cli.ts');

interface Cli {
	output: () => string;
	exited: Promise<number | null>;
	stop: () => void;
}

function startCli(env: Record<string, string | undefined>): Cli {
	const { PORT: _port, DEMO_DATA_DIR: _dir, ...inherited } = process.env;
	const child = spawn(process.execPath, ['--import', 'tsx', CLI], {
		cwd: ROOT,
		env: { ...inherited, ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	return {
		output: () => output,
		exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
		stop: () => child.kill('SIGTERM'),
	};
}

async function until(check: () => boolean, timeoutMs = 30_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error('timed out');
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

let dataDir: string;
let demoSandbox: Sandbox;
let held: Server | undefined;
const clis: Cli[] = [];

beforeAll(async () => {
	dataDir = mkdtempSync(path.join(tmpdir(), 'demo-data-'));
	demoSandbox = await Sandbox.start();
});
afterEach(() => {
	for (const cli of clis.splice(0)) cli.stop();
	held?.close();
	held = undefined;
});
afterAll(async () => {
	await demoSandbox.stop();
	rmSync(dataDir, { recursive: true, force: true });
});

test("beside a running demo it starts no second sandbox and prints the demo's sandbox URLs", async () => {
	// what scripts/demo.mjs writes while it runs (this test process plays the demo: its pid is alive)
	writeFileSync(
		path.join(dataDir, 'demo-running.json'),
		JSON.stringify({
			pid: process.pid,
			sandbox: {
				url: demoSandbox.url,
				routeeBaseUrl: demoSandbox.routeeBaseUrl,
				routeeTokenUrl: demoSandbox.routeeTokenUrl,
				octopushBaseUrl: demoSandbox.octopushBaseUrl,
			},
			n8nBaseUrl: 'http://127.0.0.1:1',
		}),
	);
	const cli = startCli({ DEMO_DATA_DIR: dataDir });
	clis.push(cli);
	expect(await cli.exited).toBe(0);
	const output = cli.output();
	expect(output).toContain(`\`npm run demo\` (pid ${process.pid}) is running`);
	expect(output).toContain(`Routee base URL     ${demoSandbox.routeeBaseUrl}\n`);
	expect(output).toContain(`Routee token URL    ${demoSandbox.routeeTokenUrl}\n`);
	expect(output).toContain(`Octopush base URL   ${demoSandbox.octopushBaseUrl}\n`);
	expect(output).toContain('application id    sandbox-app');
	expect(output).toContain('No second sandbox was started');
	expect(output).not.toContain('listening on');
});

test('on a taken port it listens on a free one instead, says so, and prints the URLs that work', async () => {
	held = createServer();
	const heldPort = await new Promise<number>((resolve) =>
		held!.listen(0, '127.0.0.1', () => resolve((held!.address() as { port: number }).port)),
	);
	const cli = startCli({ PORT: String(heldPort), DEMO_DATA_DIR: dataDir });
	clis.push(cli);
	await until(() => cli.output().includes('Ctrl+C to stop'));
	const output = cli.output();
	expect(output).toContain(`127.0.0.1:${heldPort} is taken`);
	const tokenUrl = /Routee token URL\s+(\S+)/.exec(output)?.[1];
	expect(tokenUrl).toBeDefined();
	expect(tokenUrl).not.toContain(`:${heldPort}/`);
	const response = await fetch(tokenUrl!, {
		method: 'POST',
		headers: {
			authorization: `Basic ${Buffer.from('sandbox-app:sandbox-secret').toString('base64')}`,
			'content-type': 'application/x-www-form-urlencoded',
		},
		body: 'grant_type=client_credentials',
	});
	expect(response.status).toBe(200);
	cli.stop();
	expect(await cli.exited).toBe(0);
});
