import type {
	ICredentialDataDecryptedObject,
	INodeExecutionData,
	INodeParameters,
} from 'n8n-workflow';

import { Harness } from '../harness';
import { Sandbox, type SandboxOptions } from '../sandbox';

/** A provider sandbox and a harness holding a credential for it: what a provider's node tests run against. */

export interface RunOptions {
	input?: INodeExecutionData[];
	continueOnFail?: boolean;
	executionId?: string;
}

export interface Testbed {
	sandbox: Sandbox;
	harness: Harness;
	credential: { id: string; name: string };
	nodeUnderTest: NodeUnderTest;
	/** Runs the node on `input` with the sandbox credential. */
	run(parameters: INodeParameters, options?: RunOptions): ReturnType<Harness['runNode']>;
	stop(): Promise<void>;
}

export interface NodeUnderTest {
	/** The node's name in the package, e.g. 'routee'. */
	node: string;
	credentialType: string;
	/** The credential's fields, pointing at the started sandbox. */
	credentialData(sandbox: Sandbox): ICredentialDataDecryptedObject;
	credentialId?: string;
}

export async function startNodeTestbed(
	nodeUnderTest: NodeUnderTest,
	options: SandboxOptions = {},
): Promise<Testbed> {
	const sandbox = await Sandbox.start(options);
	const harness = await Harness.create();
	const { node, credentialType } = nodeUnderTest;
	const credential = harness.addCredential(
		credentialType,
		nodeUnderTest.credentialData(sandbox),
		nodeUnderTest.credentialId ?? credentialType,
	);
	return {
		sandbox,
		harness,
		credential,
		nodeUnderTest,
		run: async (parameters, runOptions = {}) =>
			await harness.runNode(node, parameters, {
				credentials: { [credentialType]: credential },
				input: runOptions.input,
				continueOnFail: runOptions.continueOnFail,
				executionId: runOptions.executionId,
			}),
		stop: async () => await sandbox.stop(),
	};
}

/**
 * The testbed of a test file: started before its tests, stopped after them. Before each test the sandbox forgets
 * the requests it received and the faults it was given, then `reset` restores whatever else the file's tests change.
 */
export function useTestbed<T extends Testbed>(
	start: () => Promise<T>,
	reset?: (testbed: T) => void,
): T {
	const testbed = {} as T;
	beforeAll(async () => {
		Object.assign(testbed, await start());
	});
	afterAll(async () => await testbed.stop());
	beforeEach(() => {
		testbed.sandbox.clearRequests();
		testbed.sandbox.clearFaults();
		reset?.(testbed);
	});
	return testbed;
}
