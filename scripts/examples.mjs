// The example workflows in examples/, each with the stable n8n id the demo and the e2e suite give it.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT } from './n8n/install.mjs';
import { n8nId } from './n8n/start.mjs';

export const EXAMPLES_DIR = join(ROOT, 'examples');

/** [{ file, workflow }] for examples/*.json, sorted by file name; `workflow.id` is set. */
export function readExamples() {
	if (!existsSync(EXAMPLES_DIR)) return [];
	return readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => {
			const workflow = JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8'));
			return { file, workflow: { ...workflow, id: n8nId(`example:${file}`) } };
		});
}

/** The secret the trigger examples' callback URLs carry (?token=…), in the "Callback secret (sandbox)" credential. */
export const SANDBOX_CALLBACK_SECRET = 'sandbox-callback-secret-2f9c';

/**
 * Imports into `n8n` the two credentials pointing at `sandbox` ("Routee sandbox", "Octopush
 * sandbox"), the triggers' "Callback secret (sandbox)" and every example workflow; returns the
 * examples. Used by the demo and the screenshots.
 */
export async function importDemoContent(n8n, sandbox) {
	const [[applicationId, applicationSecret]] = [...sandbox.routee.applications];
	const [[apiLogin, apiKey]] = [...sandbox.octopush.accounts];
	await n8n.importCredentials([
		{
			id: 'routee-sandbox',
			name: 'Routee sandbox',
			type: 'routeeOAuth2Api',
			data: { applicationId, applicationSecret, baseUrl: sandbox.routeeBaseUrl, tokenUrl: sandbox.routeeTokenUrl },
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
	const examples = readExamples();
	if (examples.length > 0) await n8n.importWorkflows(examples.map((e) => e.workflow));
	return examples;
}
