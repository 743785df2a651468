// `npm run demo`: this package in a real n8n on your machine, talking to the local provider sandbox.
// Builds the package, installs n8n (cached in .cache/n8n/), starts the sandbox and n8n with the
// package installed as n8n installs a community package, imports the example workflows and two
// credentials pointing at the sandbox ("Routee sandbox", "Octopush sandbox"), and prints where to
// click. No Routee or Octopush account is needed: nothing leaves the machine. Ctrl-C stops everything.
//
// Runs under tsx (the sandbox is TypeScript). Environment: DEMO_N8N_VERSION (default 2.40.7),
// N8N_PORT (default 5678, or a free port), SANDBOX_PORT (default 4010, or a free port).

import { spawn } from 'node:child_process';

import { Sandbox } from '../test/sandbox/index.ts';
import { DEFAULT_VERSION, ROOT } from './n8n/install.mjs';
import { freePort, OWNER, startN8n } from './n8n/start.mjs';
import { importDemoContent, SANDBOX_CALLBACK_SECRET } from './examples.mjs';

const say = (line = '') => process.stdout.write(`${line}\n`);

function build() {
	say('▸ Building the package (npm run build)…');
	return new Promise((resolveBuild, reject) => {
		const child = spawn('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
		child.on('error', reject);
		child.on('close', (code) => (code === 0 ? resolveBuild() : reject(new Error(`npm run build exited ${code}`))));
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
			say(`  sandbox → callback ${c.kind} to ${c.url} → ${c.status}`);
		}
	}, 500);
	return () => clearInterval(timer);
}

async function main() {
	const version = process.env.DEMO_N8N_VERSION || DEFAULT_VERSION;
	await build();

	const sandbox = await Sandbox.start({ port: await portOr(Number(process.env.SANDBOX_PORT || 4010)) });
	say(`▸ Provider sandbox on ${sandbox.url} (plays Routee and Octopush)`);

	say(`▸ Starting n8n ${version} with this package installed (the first run installs n8n: several minutes)…`);
	let n8n;
	try {
		n8n = await startN8n({ version, port: await portOr(Number(process.env.N8N_PORT || 5678)) });
	} catch (error) {
		await sandbox.stop();
		throw error;
	}

	let stopping = false;
	let unfollow = () => undefined;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		say('\n▸ Stopping n8n and the sandbox…');
		unfollow();
		await n8n.stop().catch(() => undefined);
		await sandbox.stop().catch(() => undefined);
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);

	const examples = await importDemoContent(n8n, sandbox);

	const first = examples.find((e) => e.workflow.nodes.some((node) => node.type === 'n8n-nodes-base.manualTrigger'));
	say('');
	say('────────────────────────────────────────────────────────────────────────');
	say(`  n8n ${version} is running:  ${n8n.baseUrl}`);
	say(`  Log in with:               ${OWNER.email}  /  ${OWNER.password}`);
	say('');
	say(`  Imported workflows (${examples.length}):`);
	for (const { file, workflow } of examples) say(`    • ${workflow.name}   (examples/${file})  ${n8n.baseUrl}/workflow/${workflow.id}`);
	say('  Credentials: "Routee sandbox" and "Octopush sandbox" (they point at the local sandbox).');
	say('');
	say('  What to click:');
	say(`    1. Open ${first ? `"${first.workflow.name}"` : 'a workflow'} (Overview → Workflows).`);
	say('    2. Click "Execute workflow" at the bottom of the canvas.');
	say('    3. Double-click the Routee / Octopush node to see what the provider answered;');
	say('       the requests the sandbox received are printed below as they arrive.');
	say('    4. Trigger workflows: open one and click "Publish" (activate).');
	say('       Octopush Trigger: publishing registers its URL in the (sandbox) Octopush account, so the');
	say('       delivery reports of the next Octopush voice SMS campaign start it (see Executions).');
	say('       Routee Trigger: copy its Production URL, followed by ?token=' + SANDBOX_CALLBACK_SECRET + ',');
	say('       into Options → Callback URL of a Routee node, execute that node, and the call / SMS');
	say('       statuses start it.');
	say('    Credentials → "Routee sandbox" → "Test" runs n8n\'s own credential test against the sandbox.');
	say('');
	say(`  Sandbox: ${sandbox.url}   n8n log: ${n8n.logFile}`);
	say('  Ctrl-C stops n8n and the sandbox.');
	say('────────────────────────────────────────────────────────────────────────');
	unfollow = followSandbox(sandbox);
}

main().catch((error) => {
	process.stderr.write(`demo failed: ${error.stack ?? error}\n`);
	process.exit(1);
});
