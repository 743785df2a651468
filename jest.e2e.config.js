/**
 * Real n8n end-to-end suite (`npm run test:e2e`): installs n8n once per version (cached under
 * .cache/), then one n8n per version for the whole suite. N8N_E2E_VERSIONS=2.40.7 runs one version.
 * Also the trigger flood through real n8n (test/reliability/trigger-flood-n8n.test.ts), on the first version.
 * @type {import('jest').Config}
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e', '<rootDir>/test/reliability'],
	// the reliability suite's flood through real n8n runs here; the rest of test/reliability runs in `jest`
	testMatch: [
		'<rootDir>/test/e2e/**/*.test.ts',
		'<rootDir>/test/reliability/trigger-flood-n8n.test.ts',
	],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	globalSetup: '<rootDir>/test/e2e/global-setup.mjs',
	testTimeout: 120000,
	maxWorkers: 1,
};
