// `npm run demo`: this package in a real n8n on your machine, talking to the local provider sandbox.
// Builds the package, installs n8n (cached in .cache/n8n/), starts the sandbox and n8n with the
// package installed as n8n installs a community package, imports the example workflows and the
// credentials pointing at the sandbox, publishes the examples that start by themselves (the CRM
// stand-in, the new-order webhooks, the triggers), and prints the story to click through. No Routee or Octopush account is needed: nothing leaves the machine. Ctrl-C stops everything;
// so does SIGINT / SIGTERM to the `npm run demo` process (the npm script execs tsx, which passes the
// signal on), and so does the death of the process that started this one (it is watched).
//
// Runs under tsx (the sandbox is TypeScript). Environment: DEMO_N8N_VERSION (default 2.40.7),
// N8N_PORT (default 5678, or a free port), SANDBOX_PORT (default 4010, or a free port),
// SANDBOX_STEP_DELAY_MS (default 2000: the time between two steps of a simulated call or delivery —
// ringing, answered, key pressed, hung up), DEMO_SKIP_BUILD=1 (use the dist/ already built).

import { spawn } from 'node:child_process';

import { Sandbox } from '../test/sandbox/index.ts';
import { DEFAULT_VERSION, ROOT } from './n8n/install.mjs';
import { freePort, OWNER, startN8n } from './n8n/start.mjs';
import { CRM_STAND_IN, importDemoContent, startsByItself } from './examples.mjs';

const say = (line = '') => process.stdout.write(`${line}\n`);

/** What has been started so far, for stop(). */
const running = { build: undefined, sandbox: undefined, n8n: undefined, unfollow: () => undefined };
let stopping = false;

/** Stops whatever has started (the build, n8n and its task runners, the sandbox), then exits. */
async function stop(why, code = 0) {
	if (stopping) return;
	stopping = true;
	say(`\n▸ Stopping n8n and the sandbox (${why})…`);
	running.unfollow();
	if (running.build) killGroup(running.build.pid);
	await running.n8n?.stop().catch(() => undefined);
	await running.sandbox?.stop().catch(() => undefined);
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
		for (; requests < sandbox.requests.length; requests++) {
			const r = sandbox.requests[requests];
			say(`  sandbox ← ${r.method} /${r.provider}${r.path} → ${r.status || '…'}`);
		}
		for (; callbacks < sandbox.callbacksSent.length; callbacks++) {
			const c = sandbox.callbacksSent[callbacks];
			// the callback secret stays out of the console, as out of n8n's log
			say(
				`  sandbox → callback ${c.kind} to ${c.url.replace(/([?&]token=)[^&]*/, '$1…')} → ${c.status}`,
			);
		}
	}, 500);
	return () => clearInterval(timer);
}

/** The curl command that posts a new order, as a CRM would. */
const orderCommand = (url, orderId, phone) =>
	`curl -X POST ${url} -H 'content-type: application/json' -d '{"orderId":"${orderId}","phone":"${phone}"}'`;

/** The Production URL a published example starts on (its Webhook's path, or its trigger's URL), or undefined. */
function startUrl(n8n, workflow) {
	if (!startsByItself(workflow)) return undefined;
	const webhook = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.webhook');
	if (webhook) return n8n.webhookUrl(webhook.parameters.path);
	const trigger = workflow.nodes.find((node) => /Trigger$/.test(node.type));
	const token = trigger.parameters.callerAuthentication === 'queryToken' ? '?token=…' : '';
	return `${n8n.webhookUrl(`${trigger.webhookId}/webhook`)}${token}`;
}

/** What to click: the story of the examples, with this n8n's URLs (README "Try it: npm run demo" says the same). */
function banner({ version, n8n, sandbox, examples, stepDelayMs }) {
	const byFile = Object.fromEntries(examples.map((e) => [e.file, e.workflow]));
	const name = (file) => `"${byFile[file].name}"`;
	const link = (file) => `${n8n.baseUrl}/workflow/${byFile[file].id}`;
	const hook = (path) => n8n.webhookUrl(path);
	const seconds = (steps) => Math.round((steps * stepDelayMs) / 1000);
	const lines = [
		'────────────────────────────────────────────────────────────────────────',
		`  n8n ${version} is running:  ${n8n.baseUrl}`,
		`  Log in with:               ${OWNER.email}  /  ${OWNER.password}`,
		`  Provider sandbox:          ${sandbox.url} (plays Routee and Octopush; credentials "Routee sandbox",`,
		'                             "Octopush sandbox" and "Callback secret (sandbox)" point at it)',
		'',
		`  The sandbox answers a call by the number called, ${stepDelayMs / 1000} s per step (SANDBOX_STEP_DELAY_MS=${stepDelayMs}):`,
		'    ends 0000 → not answered   ends 1111 → busy   ends 2222 → call failed',
		'    ends 02 → answered, presses 2   ends 03 → answered, presses nothing   any other → answered, presses 1',
		'',
		'  Workflows (Overview → Workflows):',
	];
	for (const { file, workflow } of examples) {
		lines.push(
			`    • ${workflow.name}${startsByItself(workflow) ? '   [published]' : ''}`,
			`        ${link(file)}   (examples/${file})`,
		);
		const startsOn = startUrl(n8n, workflow);
		if (startsOn) lines.push(`        starts on POST ${startsOn}`);
	}
	lines.push(
		'',
		'  The story, by clicking:',
		`  1. One workflow. Open ${name('order-call-and-wait.json')} and click "Execute workflow".`,
		'     The pinned order (phone +33612345601) starts it; "Call and wait for key press" waits while the sandbox',
		`     rings, answers and presses 1 (about ${seconds(4)} s), then "Update the CRM" runs. Open ${name(CRM_STAND_IN)}`,
		'     → Executions: the update is there. Edit the pinned phone (e.g. +33612340000: not answered → "Send SMS"),',
		'     or post orders to its production URL as a CRM would:',
		`       ${orderCommand(hook('new-order'), 'A-1002', '+33612340000')}`,
		'     and open the workflow\'s Executions (a waiting execution shows "Waiting" until the call ends).',
		`  2. Two workflows. ${name('order-call-then-triggers.json')} only starts the call (same clicks,`,
		`     or: ${orderCommand(hook('new-order-call'), 'B-1001', '+33612345601')}).`,
		`     Its key presses go to the Production URL of ${name('trigger-routee-key-pressed-update-crm.json')}`,
		`     (→ the CRM), its call status to ${name('trigger-routee-call-not-answered-send-sms.json')}`,
		'     (not answered or busy → SMS). Open their Executions.',
		`  3. Run ${name('routee-voice-conversation.json')}: its key presses go to the same key-press trigger (→ the CRM).`,
		`  4. Run ${name('octopush-voice-sms-campaign.json')}: its delivery reports go to the published`,
		`     ${name('trigger-octopush-pressed-1-update-crm.json')} (its URL is registered in the sandbox's Octopush`,
		'     account); each callee who pressed 1 is updated in the CRM.',
		'  The other Routee / Octopush examples run at once with "Execute workflow"; double-click a node to see what the',
		'  provider answered. The requests the sandbox receives and the callbacks it sends are printed below.',
		'  Each trigger starts only on the callback kinds in its Events: another kind (e.g. an SMS status sent to a trigger',
		`  that listens to key presses) starts nothing, and n8n's log says so: ${n8n.logFile}`,
		'  Credentials → "Routee sandbox" → "Test" runs n8n\'s own credential test against the sandbox.',
		'',
		'  Ctrl-C stops n8n and the sandbox.',
		'────────────────────────────────────────────────────────────────────────',
	);
	return lines;
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

async function main() {
	const version = process.env.DEMO_N8N_VERSION || DEFAULT_VERSION;
	const stepDelayMs = Number(process.env.SANDBOX_STEP_DELAY_MS || 2000);
	if (!Number.isFinite(stepDelayMs) || stepDelayMs < 0)
		throw new Error(
			`SANDBOX_STEP_DELAY_MS must be a number of milliseconds, not "${process.env.SANDBOX_STEP_DELAY_MS}"`,
		);

	// Installed first, so a stop during the build or n8n's start stops what has started.
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
	process.on('SIGHUP', () => stop('SIGHUP'));
	watchParent((why) => stop(why));

	if (process.env.DEMO_SKIP_BUILD !== '1') await build();

	running.sandbox = await Sandbox.start({
		port: await portOr(Number(process.env.SANDBOX_PORT || 4010)),
		deliveryDelayMs: stepDelayMs,
	});
	const { sandbox } = running;
	say(`▸ Provider sandbox on ${sandbox.url} (plays Routee and Octopush)`);

	say(
		`▸ Starting n8n ${version} with this package installed (the first run installs n8n: several minutes)…`,
	);
	running.n8n = await startN8n({
		version,
		port: await portOr(Number(process.env.N8N_PORT || 5678)),
	});
	const { n8n } = running;
	// a stop that came while n8n was starting found nothing to stop yet
	if (stopping) return await n8n.stop();

	say('▸ Importing the examples and publishing the ones that start by themselves…');
	const examples = await importDemoContent(n8n, sandbox);
	say('');
	for (const line of banner({ version, n8n, sandbox, examples, stepDelayMs })) say(line);
	running.unfollow = followSandbox(sandbox);
}

main().catch(async (error) => {
	process.stderr.write(`demo failed: ${error.stack ?? error}\n`);
	stopping = false;
	await stop('it failed', 1);
});
