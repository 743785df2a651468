// Glue between the e2e suites and scripts/n8n/start.mjs: one real n8n per version, with this package
// installed as a community package and credentials pointing at the in-process sandbox.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { Sandbox } from '../sandbox';
import type { CredentialEntry, N8n, QueueN8n, WorkflowJson } from '../../scripts/n8n/start.mjs';
import { importEsm } from './load-esm';

export type {
	N8n,
	QueueN8n,
	RunJson,
	ExecutionJson,
	WorkflowJson,
} from '../../scripts/n8n/start.mjs';

export const ROOT = path.resolve(__dirname, '../..');
export const PACKAGE_NAME = 'n8n-nodes-routee-octopush';

/** Every execution n8n holds (all workflows), newest first. */
export async function allExecutions(
	n8n: N8n,
): Promise<
	Array<{ id: string; status: string; mode: string; retryOf?: string | null; workflowId: string }>
> {
	const result = await n8n.request('GET', '/rest/executions?limit=500');
	return result.results ?? result;
}

/** The "Start" node (n8n's manual trigger) of a test workflow whose id is `id`. */
export function manualTriggerNode(id: string): WorkflowJson['nodes'][number] {
	return {
		id: `${id}-manual`,
		name: 'Start',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
}

type StartModule = typeof import('../../scripts/n8n/start.mjs');
type ExamplesModule = typeof import('../../scripts/examples.mjs');

export async function scripts(): Promise<StartModule> {
	return await importEsm<StartModule>(path.join(ROOT, 'scripts/n8n/start.mjs'));
}

/** The credentials the examples refer to (by id and name), and wrong-secret twins. */
export const CREDENTIALS = {
	routee: { id: 'routee-sandbox', name: 'Routee sandbox', type: 'routeeOAuth2Api' },
	octopush: { id: 'octopush-sandbox', name: 'Octopush sandbox', type: 'octopushApi' },
	routeeWrong: { id: 'routee-wrong', name: 'Routee wrong secret', type: 'routeeOAuth2Api' },
	octopushWrong: { id: 'octopush-wrong', name: 'Octopush wrong key', type: 'octopushApi' },
	/** A valid Routee credential that a test edits, as a user edits a saved one in the editor. */
	routeeEdited: { id: 'routee-edited', name: 'Routee edited', type: 'routeeOAuth2Api' },
	/** The triggers' callback secret, as the trigger examples refer to it. */
	callbackSecret: {
		id: 'callback-secret-sandbox',
		name: 'Callback secret (sandbox)',
		type: 'routeeOctopushCallbackSecretApi',
	},
} as const;

/** The secret of CREDENTIALS.callbackSecret (the demo imports the same: scripts/examples.mjs SANDBOX_CALLBACK_SECRET). */
export const CALLBACK_SECRET = 'sandbox-callback-secret-2f9c';

export function sandboxCredentials(sandbox: Sandbox): CredentialEntry[] {
	const [[applicationId, applicationSecret]] = [...sandbox.routee.applications];
	const [[apiLogin, apiKey]] = [...sandbox.octopush.accounts];
	const routee = {
		applicationId,
		baseUrl: sandbox.routeeBaseUrl,
		tokenUrl: sandbox.routeeTokenUrl,
	};
	const octopush = { apiLogin, baseUrl: sandbox.octopushBaseUrl };
	return [
		{ ...CREDENTIALS.routee, data: { ...routee, applicationSecret } },
		{ ...CREDENTIALS.octopush, data: { ...octopush, apiKey } },
		{ ...CREDENTIALS.routeeWrong, data: { ...routee, applicationSecret: 'wrong-secret' } },
		{ ...CREDENTIALS.octopushWrong, data: { ...octopush, apiKey: 'wrong-key' } },
		{ ...CREDENTIALS.routeeEdited, data: { ...routee, applicationSecret } },
		{ ...CREDENTIALS.callbackSecret, data: { secret: CALLBACK_SECRET } },
	];
}

export interface Example {
	file: string;
	workflow: WorkflowJson;
	/** Type of the node without incoming connections (what starts the workflow). */
	startType: string;
}

/** examples/*.json file names, read while jest collects the tests. */
export function exampleFiles(): string[] {
	const dir = path.join(ROOT, 'examples');
	return existsSync(dir)
		? readdirSync(dir)
				.filter((f) => f.endsWith('.json'))
				.sort()
		: [];
}

/** What starts each example (read while jest collects the tests, to name and skip them). */
export function exampleStartTypes(): Record<string, string> {
	return Object.fromEntries(
		exampleFiles().map((file) => [
			file,
			startNodeType(
				JSON.parse(readFileSync(path.join(ROOT, 'examples', file), 'utf8')) as WorkflowJson,
			),
		]),
	);
}

/** Where production webhooks of `n8n` are reached: the load balancer in queue mode (WEBHOOK_URL), else n8n itself. */
export function productionBaseUrl(n8n: N8n): string {
	return (n8n as { webhookBaseUrl?: string }).webhookBaseUrl ?? n8n.baseUrl;
}

/** examples/*.json, each with its stable n8n id; with `n8nBaseUrl`, their URLs point at that n8n (as the demo imports them). */
export async function loadExamples(n8nBaseUrl?: string): Promise<Example[]> {
	const { readExamples } = await importEsm<ExamplesModule>(path.join(ROOT, 'scripts/examples.mjs'));
	return readExamples({ n8nBaseUrl }).map(({ file, workflow }) => ({
		file,
		workflow,
		startType: startNodeType(workflow),
	}));
}

/** Type of the node without incoming connections (sticky notes aside): what starts the workflow. */
export function startNodeType(workflow: WorkflowJson): string {
	const targets = new Set<string>();
	for (const outputs of Object.values(workflow.connections ?? {}) as Array<
		Record<string, Array<Array<{ node: string }>>>
	>) {
		for (const connections of Object.values(outputs)) {
			for (const list of connections)
				for (const connection of list ?? []) targets.add(connection.node);
		}
	}
	const starts = workflow.nodes.filter(
		(node) => !targets.has(node.name) && !String(node.type).includes('stickyNote'),
	);
	return starts.length === 1 ? String(starts[0].type) : starts.map((n) => n.type).join(',');
}

/** Node and credential type names package.json declares, as n8n names them. */
export function declaredTypes(): { nodes: string[]; credentials: string[] } {
	const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	const base = (file: string, suffix: string) =>
		path.basename(file, suffix).replace(/^./, (c) => c.toLowerCase());
	return {
		nodes: (packageJson.n8n.nodes as string[]).map(
			(file) => `${PACKAGE_NAME}.${base(file, '.node.js')}`,
		),
		credentials: (packageJson.n8n.credentials as string[]).map((file) =>
			base(file, '.credentials.js'),
		),
	};
}

/** Output items of `nodeName` (first run, first output) in an n8n run. */
export function outputOf(
	run: { data: { resultData: { runData: Record<string, any[]> } } },
	nodeName: string,
) {
	const runs = run.data.resultData.runData[nodeName];
	if (!runs)
		throw new Error(
			`node "${nodeName}" did not run; ran: ${Object.keys(run.data.resultData.runData).join(', ')}`,
		);
	return (runs[0].data?.main?.[0] ?? []) as Array<{
		json: Record<string, any>;
		pairedItem?: unknown;
	}>;
}

/** One e2e set-up: an n8n version in regular mode, or in queue mode (N8N_E2E_VERSIONS entry `<version>:queue`). */
export interface Setup {
	version: string;
	queue: boolean;
	label: string;
}

export function parseSetups(value: string): Setup[] {
	return value
		.split(',')
		.filter(Boolean)
		.map((entry) => {
			const [version, mode] = entry.split(':');
			if (mode !== undefined && mode !== 'queue')
				throw new Error(`N8N_E2E_VERSIONS entry "${entry}": the only mode is "queue"`);
			const queue = mode === 'queue';
			return {
				version,
				queue,
				label: queue ? `${version} in queue mode (main + webhook process + 2 workers)` : version,
			};
		});
}

export function isQueue(n8n: N8n): n8n is QueueN8n {
	return n8n.mode === 'queue';
}

export async function startForVersion(setup: Setup | string, sandbox: Sandbox): Promise<N8n> {
	const { version, queue } = typeof setup === 'string' ? { version: setup, queue: false } : setup;
	const { startN8n, startQueueN8n } = await scripts();
	const log = (line: string) => process.stdout.write(`${line}\n`);
	const n8n = queue ? await startQueueN8n({ version, log }) : await startN8n({ version, log });
	try {
		await n8n.importCredentials(sandboxCredentials(sandbox));
	} catch (error) {
		await n8n.stop({ keep: true });
		throw error;
	}
	return n8n;
}
