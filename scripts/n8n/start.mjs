// Starts a real n8n (installed by ./install.mjs) headless on loopback, with this package installed
// the way n8n installs a community package, and drives it: owner setup + login, registered types,
// credential and workflow import, execution, credential test, activation, executions.
//
// Module: `const n8n = await startN8n({ version })` … `await n8n.stop()`.
// CLI:    node scripts/n8n/start.mjs [version] [--queue]   (starts, prints URL and login, Ctrl-C stops)
// Queue mode: `const n8n = await startQueueN8n({ version })` (main + webhook process + 2 workers).

import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
	createWriteStream,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { packPackage, unpackTarball } from '../pack.mjs';
import { cleanEnv, DEFAULT_VERSION, installN8n, ROOT } from './install.mjs';
import { startQueueServices } from './queue-services.mjs';
import { startWebhookProxy } from './webhook-proxy.mjs';

export const OWNER = {
	email: 'owner@example.com',
	firstName: 'Demo',
	lastName: 'Owner',
	password: 'Sandbox-Passw0rd',
};

const BROWSER_ID = 'n8n-nodes-routee-octopush-e2e';
const FINISHED = ['success', 'error', 'canceled', 'crashed'];

/** A free TCP port on 127.0.0.1 (the OS picks it; released before n8n binds it). */
export function freePort() {
	return new Promise((resolvePort, reject) => {
		const server = createServer();
		server.unref();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolvePort(port));
		});
	});
}

/** n8n ids are 16 alphanumerics; deriving one from a seed (e.g. a file name) keeps it stable. */
export function n8nId(seed) {
	return createHash('sha1').update(seed).digest('hex').slice(0, 16);
}

/**
 * Installs the built package at `packageDir` into `<userFolder>/.n8n/nodes` exactly as n8n's
 * CommunityPackagesService.downloadPackage does. Returns the installed package folder.
 */
export async function installCommunityPackage(packageDir, userFolder) {
	const packageJson = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	const target = join(nodesDir, 'node_modules', packageJson.name);
	rmSync(target, { recursive: true, force: true });
	const tarball = packPackage(packageDir);
	try {
		unpackTarball(tarball, target);
	} finally {
		rmSync(dirname(tarball), { recursive: true, force: true });
	}
	const installedJsonPath = join(target, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...installed } = JSON.parse(
		readFileSync(installedJsonPath, 'utf8'),
	);
	writeFileSync(installedJsonPath, JSON.stringify(installed, null, 2));
	await runCommand(
		'npm',
		[
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
		],
		{ cwd: target, env: cleanEnv() },
	);
	const nodesJsonPath = join(nodesDir, 'package.json');
	let nodesJson = { name: 'installed-nodes', private: true, dependencies: {} };
	try {
		nodesJson = JSON.parse(readFileSync(nodesJsonPath, 'utf8'));
	} catch {}
	nodesJson.dependencies = { ...nodesJson.dependencies, [installed.name]: installed.version };
	writeFileSync(nodesJsonPath, JSON.stringify(nodesJson, null, 2));
	return { name: installed.name, version: installed.version, dir: target };
}

function runCommand(command, args, { cwd, env, input }) {
	return new Promise((resolveRun, reject) => {
		const child = spawn(command, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.on('error', reject);
		child.on('close', (code, signal) => {
			if (code === 0) resolveRun({ stdout, stderr });
			else {
				const error = new Error(
					`${command} ${args.join(' ')} exited ${code ?? signal}\n${(stderr + stdout).slice(-4000)}`,
				);
				Object.assign(error, { code, signal, stdout, stderr });
				reject(error);
			}
		});
		child.stdin.end(input ?? '');
	});
}

function sleep(ms) {
	return new Promise((resolveSleep) => setTimeout(resolveSleep, ms));
}

/** The JSON document `n8n execute --rawOutput` prints (log lines may surround it). */
function parseRawOutput(stdout) {
	const start = stdout.search(/^\{$/m);
	const end = stdout.lastIndexOf('\n}');
	if (start === -1 || end === -1)
		throw new Error(`n8n execute printed no JSON:\n${stdout.slice(-4000)}`);
	return JSON.parse(stdout.slice(start, end + 2));
}

export class N8n {
	/**
	 * `fields`: version, nodeVersion, node, n8nBin, n8nDir, userFolder, port, env, child, logFile,
	 * installedPackage (see spawnMain).
	 */
	constructor(fields) {
		Object.assign(this, fields);
		const { port, child } = fields;
		this.baseUrl = `http://127.0.0.1:${port}`;
		this.owner = OWNER;
		this.cookie = '';
		this.mode = 'regular';
		this.exited = exitOf(child);
		// If the parent dies without calling stop(), do not leave n8n running (the current child: restart() replaces it).
		this.onParentExit = () => killGroup(this.child.pid, 'SIGKILL');
		process.on('exit', this.onParentExit);
	}

	/**
	 * `kill -9` of the main process and what it spawned (its task runners), as a crash or the OOM killer leaves
	 * n8n: nothing is flushed or shut down. Resolves once it has exited. restart() starts it again.
	 */
	async crash() {
		await killNow(this.child);
	}

	/**
	 * Starts the main process again after crash() or stop({ keep: true }): the same user folder, database, port
	 * and environment, its output appended to the same log; resolves once n8n answers and the owner is logged in
	 * (n8n's own start-up recovery of unfinished executions has run by then or runs right after).
	 */
	async restart(timeoutMs = 180000) {
		if (this.child.exitCode === null && this.child.signalCode === null)
			throw new Error('n8n is still running: crash() or stop({ keep: true }) it first');
		this.child = spawnN8n(this.installed, 'start', {
			env: this.env,
			cwd: this.userFolder,
			logFile: this.logFile,
			append: true,
		});
		this.exited = exitOf(this.child);
		process.off('exit', this.onParentExit);
		process.on('exit', this.onParentExit);
		this.cookie = '';
		await this.setUpOwnerAndLogIn(timeoutMs);
	}

	/** Production webhook URL for a webhook `path` (`<webhookId>` or `<webhookId>/<path>`). */
	webhookUrl(path) {
		return `${this.baseUrl}/webhook/${path.replace(/^\/+/, '')}`;
	}

	/** The last `chars` characters of n8n's log (for failure messages). */
	logTail(chars = 4000) {
		try {
			return readFileSync(this.logFile, 'utf8').slice(-chars);
		} catch {
			return '';
		}
	}

	/** Calls n8n's REST API (`/rest/...`, `/types/...`) with the owner's session; returns the JSON (unwrapping `data`). */
	async request(method, path, body, { raw = false } = {}) {
		const send = () =>
			fetch(`${this.baseUrl}${path}`, {
				method,
				headers: {
					'content-type': 'application/json',
					'browser-id': BROWSER_ID,
					...(this.cookie ? { cookie: this.cookie } : {}),
				},
				body: body === undefined ? undefined : JSON.stringify(body),
			});
		// A reused keep-alive connection that n8n closed at that moment fails with "other side closed"
		// (seen on a loaded machine): a read is safe to send once more.
		const response = await send().catch(async (error) => {
			if (method !== 'GET' || this.child.exitCode !== null || this.child.signalCode !== null)
				throw error;
			await sleep(200);
			return await send();
		});
		const text = await response.text();
		let json;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			json = undefined;
		}
		if (raw) return { status: response.status, headers: response.headers, json, text };
		if (!response.ok) {
			const error = new Error(
				`n8n ${method} ${path} answered ${response.status}: ${text.slice(0, 2000)}`,
			);
			Object.assign(error, { status: response.status, body: json ?? text });
			throw error;
		}
		return json && typeof json === 'object' && 'data' in json ? json.data : json;
	}

	/** Waits until the REST routes answer, sets up the owner (first start) and logs in. */
	async setUpOwnerAndLogIn(timeoutMs) {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			if (this.child.exitCode !== null) {
				await sleep(200);
				throw new Error(`n8n exited (${this.child.exitCode}) while starting:\n${this.logTail()}`);
			}
			const setup = await this.request('POST', '/rest/owner/setup', OWNER, { raw: true }).catch(
				() => undefined,
			);
			// 404: the REST routes are not mounted yet; 503: "Database is not ready!" (migrations still running)
			if (setup?.json !== undefined && setup.status !== 404 && setup.status !== 503) break;
			if (Date.now() > deadline)
				throw new Error(`n8n did not become ready within ${timeoutMs} ms:\n${this.logTail()}`);
			await sleep(500);
		}
		// on a loaded machine the login route may come a moment after the setup route
		let login;
		for (;;) {
			login = await this.request(
				'POST',
				'/rest/login',
				{ emailOrLdapLoginId: OWNER.email, email: OWNER.email, password: OWNER.password },
				{ raw: true },
			);
			if (login.status !== 404 || Date.now() > deadline) break;
			await sleep(500);
		}
		const cookie = login.headers.get('set-cookie');
		if (login.status !== 200 || !cookie)
			throw new Error(`n8n login failed (${login.status}): ${login.text.slice(0, 1000)}`);
		this.cookie = cookie.split(';')[0];
	}

	/** Node types n8n registered (`GET /types/nodes.json`). */
	async nodeTypes() {
		return await this.request('GET', '/types/nodes.json');
	}

	/** Credential types n8n registered (`GET /types/credentials.json`). */
	async credentialTypes() {
		return await this.request('GET', '/types/credentials.json');
	}

	/** Runs an n8n CLI command against this instance's user folder and database. */
	async cli(args) {
		// Each CLI process starts its own task broker: give it its own port.
		const env = { ...this.env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
		return await runCommand(this.node, [this.n8nBin, ...args], { cwd: this.userFolder, env });
	}

	/** `n8n import:credentials`: entries `{ id, name, type, data }` with plain (unencrypted) data. */
	async importCredentials(credentials) {
		const file = join(this.userFolder, `credentials-${Date.now()}.json`);
		writeFileSync(file, JSON.stringify(credentials.map((c) => ({ nodesAccess: [], ...c }))));
		await this.cli(['import:credentials', `--input=${file}`]);
	}

	/** `n8n import:workflow --separate`: each workflow JSON needs an `id` (see n8nId). */
	async importWorkflows(workflows) {
		const dir = mkdtempSync(join(this.userFolder, 'workflows-'));
		workflows.forEach((workflow, index) => {
			if (!workflow.id) throw new Error(`workflow "${workflow.name}" has no id`);
			writeFileSync(
				join(dir, `${index}.json`),
				JSON.stringify({ active: false, settings: {}, connections: {}, ...workflow }),
			);
		});
		await this.cli(['import:workflow', '--separate', `--input=${dir}`]);
	}

	/** Creates a workflow through the REST API (as the editor saves one); resolves with its new id. */
	async createWorkflow({ name, nodes, connections = {}, settings = {} }) {
		const created = await this.request('POST', '/rest/workflows', {
			name,
			nodes,
			connections,
			settings,
			active: false,
		});
		return created.id;
	}

	/**
	 * Runs a workflow that starts with a Manual Trigger the way the editor's "Execute workflow"
	 * button does (`POST /rest/workflows/:id/run`), and waits for the execution n8n records.
	 * Resolves with it (`data.resultData.runData`, `data.resultData.error` when the run failed).
	 */
	async execute(workflowId, timeoutMs = 120000) {
		const workflow = await this.getWorkflow(workflowId);
		const trigger = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger');
		if (!trigger) throw new Error(`workflow ${workflowId} has no Manual Trigger`);
		const started = await this.request('POST', `/rest/workflows/${workflowId}/run`, {
			triggerToStartFrom: { name: trigger.name },
		});
		if (!started?.executionId)
			throw new Error(`n8n did not start workflow ${workflowId}: ${JSON.stringify(started)}`);
		return await this.waitForExecution(started.executionId, timeoutMs);
	}

	/**
	 * `n8n execute --id --rawOutput`: the same run in a separate CLI process (the IRun it prints).
	 * Note: n8n 2.35.7's CLI process sometimes crashes (SIGSEGV in a worker thread) while exiting
	 * after a successful run; `execute()` does not have that problem.
	 */
	async executeCli(workflowId) {
		const { stdout } = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput']);
		return parseRawOutput(stdout);
	}

	/** Tests a stored credential through n8n's own path (`POST /rest/credentials/test`): `{ status, message }`. */
	async testCredential({ id, name = '', type, data }) {
		return await this.request('POST', '/rest/credentials/test', {
			credentials: { id, name, type, data },
		});
	}

	async getWorkflow(workflowId) {
		return await this.request('GET', `/rest/workflows/${workflowId}`);
	}

	/**
	 * Activates (publishes) a workflow and waits until its triggers are live (their webhook `create`
	 * ran). n8n 2.36+ publishes through an outbox worker, after the REST call has answered: this
	 * waits on `/publication-status`; older versions activate within the call.
	 */
	async activate(workflowId) {
		const { versionId } = await this.getWorkflow(workflowId);
		await this.request('POST', `/rest/workflows/${workflowId}/activate`, { versionId });
		await this.waitForPublication(workflowId, 'published');
	}

	/** Deactivates (unpublishes) a workflow and waits until its triggers are removed (webhook `delete` ran). */
	async deactivate(workflowId) {
		await this.request('POST', `/rest/workflows/${workflowId}/deactivate`, {});
		await this.waitForPublication(workflowId, 'not_published');
	}

	async waitForPublication(workflowId, wanted, timeoutMs = 60000) {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const response = await this.request(
				'GET',
				`/rest/workflows/${workflowId}/publication-status`,
				undefined,
				{ raw: true },
			);
			if (response.status === 404) return; // no publication service: the call itself did the work
			const status = response.json?.data ?? response.json;
			if (status?.status === wanted) return;
			if (status?.status === 'failed' || status?.status === 'partial') {
				const reasons = (status.triggers ?? [])
					.map((t) => t.errorMessage)
					.filter(Boolean)
					.join('; ');
				throw new Error(
					`n8n could not publish workflow ${workflowId} (${status.status}): ${reasons}`,
				);
			}
			if (Date.now() > deadline)
				throw new Error(
					`workflow ${workflowId}: publication status still ${JSON.stringify(status)} after ${timeoutMs} ms`,
				);
			await sleep(250);
		}
	}

	/** Execution summaries of a workflow, newest first. */
	async executions(workflowId) {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const result = await this.request('GET', `/rest/executions?filter=${filter}&limit=100`);
		return result.results ?? result;
	}

	/** One execution with its run data parsed (n8n stores it in `flatted` form). */
	async execution(executionId) {
		const execution = await this.request('GET', `/rest/executions/${executionId}`);
		const flatted = createRequire(join(this.n8nDir, 'node_modules', 'n8n', 'package.json'))(
			'flatted',
		);
		return {
			...execution,
			data: typeof execution.data === 'string' ? flatted.parse(execution.data) : execution.data,
		};
	}

	/** Waits until an execution has finished (success, error, canceled, crashed); returns it parsed. */
	async waitForExecution(executionId, timeoutMs = 120000) {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const execution = await this.execution(executionId);
			if (FINISHED.includes(execution.status)) return execution;
			if (Date.now() > deadline)
				throw new Error(`execution ${executionId} still ${execution.status} after ${timeoutMs} ms`);
			await sleep(200);
		}
	}

	/** Waits until the workflow has at least `count` finished executions; returns them parsed, oldest first. */
	async waitForExecutions(workflowId, count, timeoutMs = 30000) {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const finished = (await this.executions(workflowId)).filter((e) =>
				FINISHED.includes(e.status),
			);
			if (finished.length >= count) {
				const sorted = finished.sort((a, b) => Number(a.id) - Number(b.id));
				return await Promise.all(sorted.map((e) => this.execution(e.id)));
			}
			if (Date.now() > deadline)
				throw new Error(
					`workflow ${workflowId}: ${finished.length} of ${count} executions after ${timeoutMs} ms`,
				);
			await sleep(300);
		}
	}

	/**
	 * Stops n8n and everything it spawned (task runners); removes the user folder unless `keep` (or it was given
	 * to startN8n as `userFolder`).
	 */
	async stop({ keep = false } = {}) {
		await stopProcess(this.child);
		process.off('exit', this.onParentExit);
		if (!keep && !this.keepsUserFolder) rmSync(this.userFolder, { recursive: true, force: true });
	}
}

function exitOf(child) {
	return new Promise((resolveExit) =>
		child.once('exit', (code, signal) => resolveExit({ code, signal })),
	);
}

/** SIGKILL to the process group of `child` at once; resolves when it has exited. */
async function killNow(child) {
	const exited = new Promise((resolveExit) =>
		child.exitCode !== null || child.signalCode !== null
			? resolveExit()
			: child.once('exit', resolveExit),
	);
	killGroup(child.pid, 'SIGKILL');
	await exited;
}

/** SIGTERM to the process group of `child`, SIGKILL after 15 s; resolves when it has exited. */
async function stopProcess(child) {
	if (child.exitCode === null && child.signalCode === null) {
		const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
		killGroup(child.pid, 'SIGTERM');
		const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 15000);
		await exited;
		clearTimeout(timer);
	}
	killGroup(child.pid, 'SIGKILL');
}

function killGroup(pid, signal) {
	try {
		process.kill(-pid, signal);
	} catch {}
}

/** The environment every n8n process of one instance gets (regular mode: its only process). */
async function n8nEnv({ userFolder, port, webhookUrl, extraEnv }) {
	return cleanEnv({
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		WEBHOOK_URL: webhookUrl ?? `http://127.0.0.1:${port}/`,
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}/`,
		N8N_SECURE_COOKIE: 'false',
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
		N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL || 'info',
		...extraEnv,
	});
}

/** Spawns `n8n <command>` in its own process group, its output into `logFile` (after what it holds: `append`). */
function spawnN8n(installed, command, { env, cwd, logFile, append = false }) {
	const logStream = createWriteStream(logFile, { flags: append ? 'a' : 'w' });
	const child = spawn(installed.node, [installed.n8nBin, command], {
		cwd,
		env,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	child.stdout.pipe(logStream);
	child.stderr.pipe(logStream);
	return child;
}

/**
 * Spawns the main process (`n8n start`) of n8n `installed` in `userFolder`, its output into `n8n.log` there, and
 * returns the `Driver` (N8n, or QueueN8n with its `extra` fields) that drives it.
 */
function spawnMain(
	Driver,
	{ version, installed, userFolder, installedPackage, port, env, ...extra },
) {
	const logFile = join(userFolder, 'n8n.log');
	const child = spawnN8n(installed, 'start', { env, cwd: userFolder, logFile });
	return new Driver({
		version,
		nodeVersion: installed.nodeVersion,
		node: installed.node,
		n8nBin: installed.n8nBin,
		n8nDir: installed.dir,
		userFolder,
		port,
		env,
		child,
		logFile,
		installedPackage,
		installed,
		...extra,
	});
}

/**
 * A user folder (`kept`: that folder, with whatever n8n kept there; else a fresh one) with the built package at
 * `packageDir` (or each of several, in order) installed as n8n installs a community package (a kept folder gets
 * the package anew).
 */
async function prepareUserFolder(version, packageDir, log, kept) {
	const userFolder = kept ?? mkdtempSync(join(tmpdir(), `n8n-${version}-`));
	mkdirSync(join(userFolder, '.n8n'), { recursive: true });
	const installedPackages = [];
	for (const dir of [packageDir].flat()) {
		const installed = await installCommunityPackage(dir, userFolder);
		log(`[n8n ${version}] ${installed.name}@${installed.version} installed into ${installed.dir}`);
		installedPackages.push(installed);
	}
	return { userFolder, installedPackage: installedPackages[0], installedPackages };
}

/**
 * Installs n8n `version` if needed, installs the built package at `packageDir` into a fresh user
 * folder (or into `userFolder`, kept: n8n's database and settings there are reused, and stop() keeps it too) and
 * starts `n8n start` on `port` (default: a free one). Resolves once the owner is logged in (set up on first start).
 */
export async function startN8n({
	version = DEFAULT_VERSION,
	packageDir = process.env.E2E_PACKAGE_DIR || ROOT,
	env: extraEnv = {},
	port: wantedPort,
	userFolder: keptFolder,
	readyTimeoutMs = 180000,
	log = (line) => process.stdout.write(`${line}\n`),
} = {}) {
	const installed = await installN8n(version);
	const { userFolder, installedPackage, installedPackages } = await prepareUserFolder(
		version,
		packageDir,
		log,
		keptFolder,
	);
	const port = wantedPort ?? (await freePort());
	const env = await n8nEnv({ userFolder, port, extraEnv });
	const n8n = spawnMain(N8n, {
		version,
		installed,
		userFolder,
		installedPackage,
		installedPackages,
		port,
		env,
		keepsUserFolder: keptFolder !== undefined,
	});
	const started = Date.now();
	log(
		`[n8n ${version}] starting on ${n8n.baseUrl} (Node ${installed.nodeVersion}, user folder ${userFolder})`,
	);
	try {
		await n8n.setUpOwnerAndLogIn(readyTimeoutMs);
	} catch (error) {
		await n8n.stop({ keep: true });
		throw error;
	}
	log(`[n8n ${version}] ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	return n8n;
}

/**
 * n8n in queue mode: `n8n start` (main: editor, REST API, test webhooks), `n8n webhook` processes
 * (production and waiting webhooks), `n8n worker` processes (every execution, manual ones too:
 * OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS), sharing Redis, PostgreSQL 17, the user folder and the
 * encryption key. A proxy in front plays the load balancer (see webhook-proxy.mjs); WEBHOOK_URL names it.
 * `baseUrl` is the main process; `webhookUrl()` goes through the proxy to the first webhook process.
 */
export class QueueN8n extends N8n {
	constructor({ services, proxy, installed, commonEnv, ...rest }) {
		super(rest);
		Object.assign(this, { services, proxy, installed, commonEnv });
		this.mode = 'queue';
		this.webhookBaseUrl = `http://127.0.0.1:${proxy.port}`;
		/** `{ name, child, port, logFile }` of each webhook process and each worker. */
		this.webhookProcesses = [];
		this.workers = [];
		// If the parent dies without calling stop(), none of the processes is left running.
		process.off('exit', this.onParentExit);
		this.onParentExit = () => {
			for (const p of [this, ...this.webhookProcesses, ...this.workers])
				if (p.child) killGroup(p.child.pid, 'SIGKILL');
		};
		process.on('exit', this.onParentExit);
	}

	webhookUrl(path) {
		return `${this.webhookBaseUrl}/webhook/${path.replace(/^\/+/, '')}`;
	}

	/** The same production webhook URL, straight at webhook process `index` (bypassing the proxy). */
	webhookProcessUrl(index, path) {
		return `http://127.0.0.1:${this.webhookProcesses[index].port}/webhook/${path.replace(/^\/+/, '')}`;
	}

	/** Starts one more `n8n webhook` process; resolves with it once it answers /healthz. */
	async addWebhookProcess(timeoutMs = 120000) {
		// named and listed before the first await: several may start at once
		const entry = { name: `webhook-${this.webhookProcesses.length + 1}` };
		this.webhookProcesses.push(entry);
		const { name } = entry;
		const port = await freePort();
		const env = {
			...this.commonEnv,
			N8N_PORT: String(port),
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		};
		const logFile = join(this.userFolder, `${name}.log`);
		const healthUrl = `http://127.0.0.1:${port}/healthz`;
		const child = spawnN8n(this.installed, 'webhook', { env, cwd: this.userFolder, logFile });
		Object.assign(entry, { child, port, logFile, command: 'webhook', env, healthUrl });
		await waitForHttp(healthUrl, child, logFile, timeoutMs, name);
		return entry;
	}

	/** Starts one more `n8n worker`; resolves with it once its readiness check answers 200. */
	async addWorker(timeoutMs = 120000) {
		// named and listed before the first await: several may start at once
		const entry = { name: `worker-${this.workers.length + 1}` };
		this.workers.push(entry);
		const { name } = entry;
		const healthPort = await freePort();
		const env = {
			...this.commonEnv,
			N8N_PORT: String(await freePort()),
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(healthPort),
		};
		const logFile = join(this.userFolder, `${name}.log`);
		const healthUrl = `http://127.0.0.1:${healthPort}/healthz/readiness`;
		const child = spawnN8n(this.installed, 'worker', { env, cwd: this.userFolder, logFile });
		Object.assign(entry, { child, port: healthPort, logFile, command: 'worker', env, healthUrl });
		await waitForHttp(healthUrl, child, logFile, timeoutMs, name);
		return entry;
	}

	/** `kill -9` of one webhook process or worker (an entry of webhookProcesses / workers) and its task runners. */
	async crashProcess(entry) {
		await killNow(entry.child);
	}

	/** Starts a crashed webhook process or worker again: the same port and environment; resolves once it is ready. */
	async restartProcess(entry, timeoutMs = 120000) {
		const { command, env, logFile, healthUrl, name } = entry;
		entry.child = spawnN8n(this.installed, command, {
			env,
			cwd: this.userFolder,
			logFile,
			append: true,
		});
		await waitForHttp(healthUrl, entry.child, logFile, timeoutMs, name);
		return entry;
	}

	/** Execution ids each worker logged as started ("Worker started execution <id>"), by worker name. */
	executionsByWorker() {
		return Object.fromEntries(
			this.workers.map(({ name, logFile }) => [
				name,
				[...readLog(logFile ?? '').matchAll(/Worker started execution (\d+)/g)].map((m) => m[1]),
			]),
		);
	}

	/** The worker whose log says it started `executionId`, if any. */
	workerOf(executionId) {
		return Object.entries(this.executionsByWorker()).find(([, ids]) =>
			ids.includes(String(executionId)),
		)?.[0];
	}

	logTail(chars = 4000) {
		const others = [...this.webhookProcesses, ...this.workers]
			.filter((p) => p.logFile)
			.map((p) => `--- ${p.name}\n${readLog(p.logFile).slice(-chars)}`);
		return [`--- main\n${super.logTail(chars)}`, ...others].join('\n');
	}

	async stop({ keep = false } = {}) {
		await Promise.all(
			[...this.workers, ...this.webhookProcesses]
				.filter((p) => p.child)
				.map((p) => stopProcess(p.child)),
		);
		await stopProcess(this.child);
		process.off('exit', this.onParentExit);
		await this.proxy.close();
		await this.services.stop();
		if (!keep) rmSync(this.userFolder, { recursive: true, force: true });
	}
}

function readLog(file) {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return '';
	}
}

/** Waits until `url` answers 200 (while `child` runs). */
async function waitForHttp(url, child, logFile, timeoutMs, name) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (child.exitCode !== null || child.signalCode !== null)
			throw new Error(
				`${name} exited (${child.exitCode ?? child.signalCode}) while starting:\n${readLog(logFile).slice(-4000)}`,
			);
		const status = await fetch(url).then(
			(r) => r.status,
			() => 0,
		);
		if (status === 200) return;
		if (Date.now() > deadline)
			throw new Error(
				`${name} did not answer ${url} within ${timeoutMs} ms:\n${readLog(logFile).slice(-4000)}`,
			);
		await sleep(300);
	}
}

/**
 * Queue mode (see QueueN8n): starts Redis and PostgreSQL 17, the proxy, main (first: it migrates the
 * database and sets up the owner), then `webhookProcesses` webhook processes and `workers` workers.
 * Bull's stalled-job check runs every QUEUE_WORKER_STALLED_INTERVAL; the lock a worker holds on its
 * job lasts QUEUE_WORKER_LOCK_DURATION (shortened here so a killed worker's job is noticed in seconds).
 */
export async function startQueueN8n({
	version = DEFAULT_VERSION,
	packageDir = process.env.E2E_PACKAGE_DIR || ROOT,
	env: extraEnv = {},
	webhookProcesses = 1,
	workers = 2,
	readyTimeoutMs = 180000,
	log = (line) => process.stdout.write(`${line}\n`),
} = {}) {
	const installed = await installN8n(version);
	const services = await startQueueServices({
		redisPort: await freePort(),
		postgresPort: await freePort(),
	});
	let n8n;
	try {
		const { userFolder, installedPackage } = await prepareUserFolder(version, packageDir, log);
		const port = await freePort();
		const proxyPort = await freePort();
		let cluster;
		const proxy = await startWebhookProxy({
			port: proxyPort,
			targets: () => ({ main: port, webhook: cluster?.webhookProcesses[0]?.port ?? port }),
		});
		const commonEnv = await n8nEnv({
			userFolder,
			port,
			webhookUrl: `http://127.0.0.1:${proxyPort}/`,
			extraEnv: {
				// the public URL is the load balancer's, for the editor too: n8n builds test-webhook URLs from it
				N8N_EDITOR_BASE_URL: `http://127.0.0.1:${proxyPort}/`,
				EXECUTIONS_MODE: 'queue',
				OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
				N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
				QUEUE_BULL_REDIS_HOST: '127.0.0.1',
				QUEUE_BULL_REDIS_PORT: String(services.redisPort),
				DB_TYPE: 'postgresdb',
				DB_POSTGRESDB_HOST: '127.0.0.1',
				DB_POSTGRESDB_PORT: String(services.postgresPort),
				DB_POSTGRESDB_DATABASE: services.postgresDatabase,
				DB_POSTGRESDB_USER: services.postgresUser,
				DB_POSTGRESDB_PASSWORD: '',
				QUEUE_WORKER_LOCK_DURATION: '10000',
				QUEUE_WORKER_LOCK_RENEW_TIME: '2000',
				QUEUE_WORKER_STALLED_INTERVAL: '3000',
				...extraEnv,
			},
		});
		n8n = cluster = spawnMain(QueueN8n, {
			version,
			installed,
			userFolder,
			installedPackage,
			port,
			env: commonEnv,
			services,
			proxy,
			commonEnv,
		});
		const started = Date.now();
		log(
			`[n8n ${version} queue] main on ${n8n.baseUrl}, webhooks through ${n8n.webhookBaseUrl} (PostgreSQL ${services.postgresVersion}, user folder ${userFolder})`,
		);
		await n8n.setUpOwnerAndLogIn(readyTimeoutMs);
		await Promise.all([
			...Array.from({ length: webhookProcesses }, () => n8n.addWebhookProcess(readyTimeoutMs)),
			...Array.from({ length: workers }, () => n8n.addWorker(readyTimeoutMs)),
		]);
		log(
			`[n8n ${version} queue] main + ${webhookProcesses} webhook + ${workers} workers ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
		);
		return n8n;
	} catch (error) {
		// the error carries the logs' tails; nothing is left behind
		if (n8n) await n8n.stop().catch(() => undefined);
		else await services.stop();
		throw error;
	}
}

async function main(version = DEFAULT_VERSION, queue = false) {
	const n8n = queue ? await startQueueN8n({ version }) : await startN8n({ version });
	process.stdout.write(
		`n8n ${version}: ${n8n.baseUrl}  login ${OWNER.email} / ${OWNER.password}  (log: ${n8n.logFile}; Ctrl-C stops)\n`,
	);
	const shutdown = () => n8n.stop().then(() => process.exit(0));
	process.once('SIGINT', shutdown);
	process.once('SIGTERM', shutdown);
}

// No top-level await: test runners load this module with require().
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
	const args = process.argv.slice(2);
	main(
		args.find((a) => !a.startsWith('--')),
		args.includes('--queue'),
	).catch((error) => {
		process.stderr.write(`${error.stack ?? error}\n`);
		process.exit(1);
	});
}
