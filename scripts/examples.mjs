// The example workflows in examples/, each with the stable n8n id the demo and the e2e suite give it.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT } from './n8n/install.mjs';
import { n8nId } from './n8n/start.mjs';

export const EXAMPLES_DIR = join(ROOT, 'examples');

/**
 * The n8n the examples' own URLs point at (the CRM stand-in's webhook, the Routee Trigger examples' Production
 * URLs): `npm run demo` on its default port. An n8n elsewhere (another port, the e2e suite's) gets them rewritten.
 */
export const EXAMPLES_N8N_URL = 'http://127.0.0.1:5678';

/**
 * [{ file, workflow }] for examples/*.json, sorted by file name; `workflow.id` is set. With `n8nBaseUrl`, the
 * examples' URLs of EXAMPLES_N8N_URL point at that n8n instead.
 */
export function readExamples({ n8nBaseUrl } = {}) {
	if (!existsSync(EXAMPLES_DIR)) return [];
	return readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => {
			let text = readFileSync(join(EXAMPLES_DIR, file), 'utf8');
			if (n8nBaseUrl)
				text = text.replaceAll(`${EXAMPLES_N8N_URL}/`, `${n8nBaseUrl.replace(/\/+$/, '')}/`);
			const workflow = JSON.parse(text);
			return { file, workflow: { ...workflow, id: n8nId(`example:${file}`) } };
		});
}

/** The example that plays the CRM the loop examples update (published first). */
export const CRM_STAND_IN = 'crm-stand-in.json';

/** Whether an example starts by itself (a Webhook or one of our triggers) rather than by clicking "Execute workflow". */
export function startsByItself(workflow) {
	return (
		workflow.nodes.some(
			(node) => node.type === 'n8n-nodes-base.webhook' || /Trigger$/.test(node.type),
		) && !workflow.nodes.some((node) => node.type === 'n8n-nodes-base.manualTrigger')
	);
}

/** The secret the trigger examples' callback URLs carry (?token=…), in the "Callback secret (sandbox)" credential. */
export const SANDBOX_CALLBACK_SECRET = 'sandbox-callback-secret-2f9c';

/**
 * Imports into `n8n` the two credentials pointing at `sandbox` ("Routee sandbox", "Octopush
 * sandbox"), the triggers' "Callback secret (sandbox)" and the example workflows (their URLs pointing
 * at this n8n), then publishes (activates) the examples that start by themselves — the CRM stand-in
 * first — so the URLs the other examples call are live. Returns the examples. Used by the demo and the
 * screenshots.
 *
 * On an n8n that kept its data from an earlier run (the demo's): the credentials are imported again (same ids: they
 * are updated, e.g. to a sandbox on another port, never duplicated); an example n8n already holds is left as it is
 * (your edits stay) unless `reimport` (the demo's n8n moved to another port: the examples' URLs must follow); the
 * self-starting examples are published again (a published one is unpublished first, so its trigger registers
 * itself anew with this run's sandbox). `log(line)` says what was imported.
 */
export async function importDemoContent(
	n8n,
	sandbox,
	{ reimport = false, log = () => undefined } = {},
) {
	const [[applicationId, applicationSecret]] = [...sandbox.routee.applications];
	const [[apiLogin, apiKey]] = [...sandbox.octopush.accounts];
	await n8n.importCredentials([
		{
			id: 'routee-sandbox',
			name: 'Routee sandbox',
			type: 'routeeOAuth2Api',
			data: {
				applicationId,
				applicationSecret,
				baseUrl: sandbox.routeeBaseUrl,
				tokenUrl: sandbox.routeeTokenUrl,
			},
		},
		{
			id: 'octopush-sandbox',
			name: 'Octopush sandbox',
			type: 'octopushApi',
			data: { apiLogin, apiKey, baseUrl: sandbox.octopushBaseUrl },
		},
		{
			id: 'callback-secret-sandbox',
			name: 'Callback secret (sandbox)',
			type: 'routeeOctopushCallbackSecretApi',
			data: { secret: SANDBOX_CALLBACK_SECRET },
		},
	]);
	const examples = readExamples({ n8nBaseUrl: n8n.baseUrl });
	if (examples.length === 0) return examples;
	const held = new Set();
	if (!reimport) {
		for (const { workflow } of examples) {
			const found = await n8n.request('GET', `/rest/workflows/${workflow.id}`, undefined, {
				raw: true,
			});
			if (found.status === 200) held.add(workflow.id);
		}
	}
	const toImport = examples.filter((e) => !held.has(e.workflow.id));
	if (toImport.length > 0) await n8n.importWorkflows(toImport.map((e) => e.workflow));
	log(
		held.size === 0
			? `imported the ${toImport.length} examples`
			: `imported ${toImport.length} examples; kept the ${held.size} this n8n already holds (your edits stay)`,
	);
	const live = examples.filter((e) => startsByItself(e.workflow));
	live.sort((a, b) => Number(b.file === CRM_STAND_IN) - Number(a.file === CRM_STAND_IN));
	for (const { workflow } of live) {
		const stored = await n8n.getWorkflow(workflow.id);
		if (stored.active || stored.activeVersionId) await n8n.deactivate(workflow.id);
		await n8n.activate(workflow.id);
	}
	return examples;
}
