// Runs once before the e2e suites: resolves the n8n versions to test (N8N_E2E_VERSIONS, default
// every version in scripts/n8n/install.mjs) and installs each (or finds it cached), showing progress.
import { installN8n, N8N_VERSIONS } from '../../scripts/n8n/install.mjs';

export default async function globalSetup() {
	const wanted = (process.env.N8N_E2E_VERSIONS ?? '').split(',').map((v) => v.trim()).filter(Boolean);
	const versions = wanted.length > 0 ? wanted : Object.keys(N8N_VERSIONS);
	for (const version of versions) await installN8n(version);
	// Read by the suites (jest runs them in this process: --runInBand).
	process.env.N8N_E2E_VERSIONS = versions.join(',');
}
