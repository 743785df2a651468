import type {
	ICredentialDataDecryptedObject,
	INodeExecutionData,
	INodeParameters,
} from 'n8n-workflow';

import { Harness } from '../harness';
import { Sandbox, type SandboxOptions } from '../sandbox';

/**
 * What every test bed holds: a provider sandbox, a harness to run nodes in, and how to stop them (a bed may check
 * something as it stops, e.g. that no secret leaked, and fail the file).
 */
export interface Fixture {
	sandbox: Sandbox;
	harness: Harness;
	stop(): Promise<void>;
}

/** A provider sandbox and a harness holding a credential for it: what a provider's node tests run against. */

export interface RunOptions {
	input?: INodeExecutionData[];
	continueOnFail?: boolean;
	executionId?: string;
	/** The node's version (1 unless given). */
	typeVersion?: number;
	/** Run n8n's "<Node> Tool" variant (node type `<name>Tool`), as an AI agent calls it. */
	asTool?: boolean;
}

export interface Testbed extends Fixture {
	credential: { id: string; name: string };
	nodeUnderTest: NodeUnderTest;
	/** Runs the node on `input` with the sandbox credential. */
	run(parameters: INodeParameters, options?: RunOptions): ReturnType<Harness['runNode']>;
}

export interface NodeUnderTest {
	/** The node's name in the package, e.g. 'routee'. */
	node: string;
	credentialType: string;
	/** The credential's fields, pointing at the started sandbox. */
	credentialData(sandbox: Sandbox): ICredentialDataDecryptedObject;
	credentialId?: string;
}

/** A sandbox and a harness with no credential yet: for tests that add their own. */
export async function startFixture(options: SandboxOptions = {}): Promise<Fixture> {
	const sandbox = await Sandbox.start(options);
	const harness = await Harness.create();
	return { sandbox, harness, stop: async () => await sandbox.stop() };
}

export async function startNodeTestbed(
	nodeUnderTest: NodeUnderTest,
	options: SandboxOptions = {},
): Promise<Testbed> {
	const { sandbox, harness, stop } = await startFixture(options);
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
			await harness.runNode(runOptions.asTool ? `${node}Tool` : node, parameters, {
				credentials: { [credentialType]: credential },
				input: runOptions.input,
				continueOnFail: runOptions.continueOnFail,
				executionId: runOptions.executionId,
				typeVersion: runOptions.typeVersion,
			}),
		stop,
	};
}

/**
 * The testbed of a test file, the one way a test file gets one: started before its tests, stopped after them
 * (a `stop` that fails, e.g. on a leaked secret, fails the file). Before each test the sandbox forgets the requests
 * it received and the faults it was given, then `reset` restores whatever else the file's tests change.
 */
export function useTestbed<T extends Fixture>(
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
