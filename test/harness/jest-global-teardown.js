// jest globalTeardown: removes the user folder jest-global-setup.js made.
const { rmSync } = require('node:fs');

module.exports = async () => {
	if (process.env.N8N_HARNESS_REMOVE_USER_FOLDER !== 'true' || !process.env.N8N_USER_FOLDER) return;
	rmSync(process.env.N8N_USER_FOLDER, { recursive: true, force: true });
};
