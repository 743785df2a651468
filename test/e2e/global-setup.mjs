// Runs once before the e2e suites: resolves the n8n set-ups to test (N8N_E2E_VERSIONS, default every
// version in scripts/n8n/install.mjs in regular mode, plus `2.40.7:queue`: that version in queue mode,
// see scripts/n8n/start.mjs startQueueN8n) and installs each version (or finds it cached).
// N8N_E2E_VERSIONS=2.40.7:queue runs the queue-mode suite alone.
import { DEFAULT_VERSION, installN8n, N8N_VERSIONS } from '../../scripts/n8n/install.mjs';

export default async function globalSetup() {
	const wanted = (process.env.N8N_E2E_VERSIONS ?? '')
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);
	const setups =
		wanted.length > 0 ? wanted : [...Object.keys(N8N_VERSIONS), `${DEFAULT_VERSION}:queue`];
	for (const version of new Set(setups.map((s) => s.split(':')[0]))) await installN8n(version);
	// Read by the suites (jest runs them in this process: --runInBand).
	process.env.N8N_E2E_VERSIONS = setups.join(',');
}
