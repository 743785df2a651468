import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { Harness } from '../harness';
import { Sandbox, type SandboxOptions } from '../sandbox';

export interface OctopushTestbed {
	sandbox: Sandbox;
	harness: Harness;
	credential: { id: string; name: string };
	/** Runs the Octopush node on `input` with the sandbox credential. */
	run(
		parameters: INodeParameters,
		options?: { input?: INodeExecutionData[]; continueOnFail?: boolean; executionId?: string },
	): ReturnType<Harness['runNode']>;
	/** Bodies of the requests the sandbox received on a path. */
	bodies(method: string, path: string): unknown[];
	stop(): Promise<void>;
}

export async function startTestbed(options: SandboxOptions = {}): Promise<OctopushTestbed> {
	const sandbox = await Sandbox.start(options);
	const harness = await Harness.create();
	const credential = harness.addCredential('octopushApi', {
		apiLogin: 'sandbox@example.com',
		apiKey: 'sandbox-key',
		baseUrl: sandbox.octopushBaseUrl,
	});
	return {
		sandbox,
		harness,
		credential,
		run: async (parameters, runOptions = {}) =>
			await harness.runNode('octopush', parameters, {
				credentials: { octopushApi: credential },
				input: runOptions.input,
				continueOnFail: runOptions.continueOnFail,
				executionId: runOptions.executionId,
			}),
		bodies: (method, path) =>
			sandbox.requestsTo('octopush', method, path).filter((r) => r.path === path).map((r) => r.body),
		stop: async () => await sandbox.stop(),
	};
}

/** `n` input items that are contacts: +336000xxxxx numbers, first names, a param. */
export function contactItems(n: number): INodeExecutionData[] {
	return Array.from({ length: n }, (_, i) => ({
		json: { phone: `+3361${String(i).padStart(7, '0')}`, name: `Name${i}`, code: `C${i}` },
	}));
}
