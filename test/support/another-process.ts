import type { Harness } from '../harness';

/**
 * A harness as another n8n process would hold it (another worker or webhook process in queue mode): n8n-core,
 * n8n-workflow and the built package loaded again in a module registry of its own, so whatever the package keeps
 * in module memory (conversation pacing lanes, duplicate-callback windows) is not shared with the test's own harness.
 */
export async function harnessOfAnotherProcess(): Promise<Harness> {
	let harness: Harness | undefined;
	await jest.isolateModulesAsync(async () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const isolated = require('../harness') as typeof import('../harness');
		harness = await isolated.Harness.create();
	});
	if (harness === undefined) throw new Error('the other process did not load');
	return harness;
}
