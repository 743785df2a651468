// jest globalSetup: one n8n user folder for the whole run; test/harness/environment.ts would otherwise
// make one per test file (jest gives each file its own copy of process.env). Removed by jest-global-teardown.js.
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

module.exports = async () => {
	if (process.env.N8N_USER_FOLDER) return;
	process.env.N8N_USER_FOLDER = mkdtempSync(path.join(tmpdir(), 'n8n-harness-'));
	process.env.N8N_HARNESS_REMOVE_USER_FOLDER = 'true';
};
