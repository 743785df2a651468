/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	// The real-n8n suite has its own config (jest.e2e.config.js), run by `npm run test:e2e`.
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	testTimeout: 60000,
	globalSetup: '<rootDir>/test/harness/jest-global-setup.js',
	globalTeardown: '<rootDir>/test/harness/jest-global-teardown.js',
};
