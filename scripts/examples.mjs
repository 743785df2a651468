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
