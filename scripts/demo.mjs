// `npm run demo`: this package in a real n8n on your machine, talking to the local provider sandbox.
// Builds the package, installs n8n (cached in .cache/n8n/), starts the sandbox and n8n with the
// package installed as n8n installs a community package, imports the example workflows and the
// credentials pointing at the sandbox, publishes the examples that start by themselves (the CRM
// stand-in, the new-order webhooks, the triggers), and prints the story to click through. No Routee or Octopush
// account is needed: nothing leaves the machine. Ctrl-C stops everything;
// so does SIGINT / SIGTERM to the `npm run demo` process (the npm script execs tsx, which passes the
// signal on), and so does the death of the process that started this one (it is watched).
//
// n8n's data (its database: workflows, credentials, executions; its settings and log) is kept between runs in
// .cache/demo/n8n-<version>/ (DEMO_DATA_DIR elsewhere); `npm run demo -- --reset` deletes it first. While the demo
// runs, demo-running.json there names its sandbox (`npm run sandbox` prints that sandbox's URLs) and keeps a
// second demo off the same data.
//
// Runs under tsx (the sandbox is TypeScript). Environment: DEMO_N8N_VERSION (default 2.40.7),
// N8N_PORT (default 5678, or a free port), SANDBOX_PORT (default 4010, or a free port),
// SANDBOX_STEP_DELAY_MS (default 2000: the time between two steps of a simulated call or delivery —
// ringing, answered, key pressed, hung up), DEMO_SKIP_BUILD=1 (use the dist/ already built), DEMO_DATA_DIR.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { Sandbox } from '../test/sandbox/index.ts';
import { DEFAULT_VERSION, ROOT } from './n8n/install.mjs';
import { freePort, OWNER, startN8n } from './n8n/start.mjs';
import { importDemoContent } from './examples.mjs';
import { banner, callbackLine, keptDataLines, requestLine } from './demo-text.mjs';
import { demoDataDir, runningDemo, RUNNING_FILE } from './demo-data.mjs';

const say = (line = '') => process.stdout.write(`${line}\n`);

/** What has been started so far, for stop(). */
const running = {
	build: undefined,
	sandbox: undefined,
	n8n: undefined,
	dataDir: undefined,
	unfollow: () => undefined,
};
let stopping = false;

/** Stops whatever has started (the build, n8n and its task runners, the sandbox), then exits. */
async function stop(why, code = 0) {
	if (stopping) return;
	stopping = true;
	say(`\n▸ Stopping n8n and the sandbox (${why})…`);
	running.unfollow();
	if (running.build) killGroup(running.build.pid);
	await running.n8n?.stop({ keep: true }).catch(() => undefined);
	await running.sandbox?.stop().catch(() => undefined);
	if (running.dataDir) {
		rmSync(join(running.dataDir, RUNNING_FILE), { force: true });
		if (running.n8n)
			for (const line of keptDataLines(running.dataDir, { stopped: true })) say(line);
	}
	process.exit(code);
}

function killGroup(pid) {
	try {
		process.kill(-pid, 'SIGTERM');
	} catch {}
}

function build() {
	say('▸ Building the package (npm run build)…');
	return new Promise((resolveBuild, reject) => {
		// its own process group, so stop() ends npm, sh, tsc and gulp together
		const child = spawn('npm', ['run', 'build', '--silent'], {
			cwd: ROOT,
			stdio: 'inherit',
			detached: true,
		});
		running.build = child;
		child.on('error', reject);
		child.on('close', (code) => {
			running.build = undefined;
			if (code === 0) resolveBuild();
			else reject(new Error(`npm run build exited ${code}`));
		});
	});
}

/** `preferred` if it is free on 127.0.0.1, else any free port. */
async function portOr(preferred) {
	const { createServer } = await import('node:net');
	const free = await new Promise((resolveFree) => {
		const server = createServer();
		server.once('error', () => resolveFree(false));
		server.listen(preferred, '127.0.0.1', () => server.close(() => resolveFree(true)));
	});
	return free ? preferred : await freePort();
}

/** Prints each request the sandbox receives and each callback it sends, as they happen. */
function followSandbox(sandbox) {
	let requests = 0;
	let callbacks = 0;
	const timer = setInterval(() => {
		for (; requests < sandbox.requests.length; requests++)
			say(requestLine(sandbox.requests[requests]));
		// the callback secret and resume signatures stay out of the console, as out of n8n's log
		for (; callbacks < sandbox.callbacksSent.length; callbacks++)
			say(callbackLine(sandbox.callbacksSent[callbacks]));
	}, 500);
	return () => clearInterval(timer);
}

/**
 * Calls `stop` when the process that started this one is gone (this process is re-parented): a launcher killed
 * without passing a signal on must not leave the demo running.
 */
function watchParent(stop) {
	const parent = process.ppid;
	const timer = setInterval(() => {
		if (process.ppid !== parent) stop(`the process that started the demo (${parent}) is gone`);
	}, 500);
	timer.unref();
}

const USAGE =
	'usage: npm run demo [-- --reset]   (--reset: delete the n8n data kept from earlier runs first)';

async function main(args) {
	const unknown = args.filter((arg) => arg !== '--reset');
	if (unknown.length > 0) throw new Error(`unknown argument ${unknown.join(' ')}\n${USAGE}`);
	const version = process.env.DEMO_N8N_VERSION || DEFAULT_VERSION;
	const stepDelayMs = Number(process.env.SANDBOX_STEP_DELAY_MS || 2000);
	if (!Number.isFinite(stepDelayMs) || stepDelayMs < 0)
		throw new Error(
			`SANDBOX_STEP_DELAY_MS must be a number of milliseconds, not "${process.env.SANDBOX_STEP_DELAY_MS}"`,
		);
	const dataDir = demoDataDir(version);
	const other = runningDemo(dataDir);
	if (other)
		throw new Error(
			`another \`npm run demo\` (pid ${other.pid}) runs on the n8n data in ${dataDir}${other.n8nBaseUrl ? ` (n8n on ${other.n8nBaseUrl})` : ''}: stop it first, or give this one its own folder with DEMO_DATA_DIR`,
		);

	// Installed first, so a stop during the build or n8n's start stops what has started.
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
	process.on('SIGHUP', () => stop('SIGHUP'));
	watchParent((why) => stop(why));

	if (args.includes('--reset')) {
		rmSync(dataDir, { recursive: true, force: true });
		say(`▸ --reset: deleted the n8n data kept from earlier runs (${dataDir})`);
	}
	const statePath = join(dataDir, 'demo-state.json');
	const kept = existsSync(statePath);
	const state = kept ? JSON.parse(readFileSync(statePath, 'utf8')) : {};
	mkdirSync(dataDir, { recursive: true });
	running.dataDir = dataDir;
	const runningPath = join(dataDir, RUNNING_FILE);
	const writeRunning = (fields) =>
		writeFileSync(runningPath, `${JSON.stringify({ pid: process.pid, ...fields }, null, '\t')}\n`);
	writeRunning({});

	if (process.env.DEMO_SKIP_BUILD !== '1') await build();

	running.sandbox = await Sandbox.start({
		port: await portOr(Number(process.env.SANDBOX_PORT || 4010)),
		deliveryDelayMs: stepDelayMs,
	});
	const { sandbox } = running;
	say(`▸ Provider sandbox on ${sandbox.url} (plays Routee and Octopush)`);
	const sandboxUrls = {
		url: sandbox.url,
		routeeBaseUrl: sandbox.routeeBaseUrl,
		routeeTokenUrl: sandbox.routeeTokenUrl,
		octopushBaseUrl: sandbox.octopushBaseUrl,
	};
	writeRunning({ sandbox: sandboxUrls });

	say(
		kept
			? `▸ n8n's data kept from the last run: ${dataDir} (\`npm run demo -- --reset\` starts afresh)`
			: `▸ n8n keeps its data in ${dataDir} between runs (\`npm run demo -- --reset\` deletes it)`,
	);
	say(
		`▸ Starting n8n ${version} with this package installed (the first run installs n8n: several minutes)…`,
	);
	running.n8n = await startN8n({
		version,
		port: await portOr(Number(process.env.N8N_PORT || 5678)),
		userFolder: dataDir,
	});
	const { n8n } = running;
	// a stop that came while n8n was starting found nothing to stop yet
	if (stopping) return await n8n.stop({ keep: true });
	writeRunning({ sandbox: sandboxUrls, n8nBaseUrl: n8n.baseUrl });

	// kept data whose examples name another n8n port: they are imported again, to name this one
	const reimport = kept && state.n8nBaseUrl !== undefined && state.n8nBaseUrl !== n8n.baseUrl;
	say(
		reimport
			? `▸ n8n runs on ${n8n.baseUrl}, not ${state.n8nBaseUrl} as last time: importing the examples again (their URLs follow; edits to them are replaced) and publishing the ones that start by themselves…`
			: '▸ Importing the examples and publishing the ones that start by themselves…',
	);
	const examples = await importDemoContent(n8n, sandbox, {
		reimport,
		log: (line) => say(`  ${line}`),
	});
	writeFileSync(statePath, `${JSON.stringify({ n8nBaseUrl: n8n.baseUrl, version }, null, '\t')}\n`);
	say('');
	const lines = banner({ version, n8n, sandbox, examples, stepDelayMs, dataDir, owner: OWNER });
	for (const line of lines) say(line);
	running.unfollow = followSandbox(sandbox);
}

main(process.argv.slice(2)).catch(async (error) => {
	process.stderr.write(`demo failed: ${error.stack ?? error}\n`);
	stopping = false;
	await stop('it failed', 1);
});
