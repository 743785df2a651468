// A test bed for the reliability suites and the bad-input tables: a sandbox with accounts whose secrets are
// distinctive strings, a harness with credentials for both providers, and a capture of everything a user or an
// operator could read (node output, run data, errors, console, stdout/stderr, n8n's log lines); stopping it fails
// the file if any secret appears in what it captured. Start it with `useTestbed(startLeakCheckedTestbed)`.

// first: it must be recording, and n8n's log settings in place, before n8n loads
import { capture, type Capture, reachable } from './capture';

import { ErrorReporter } from 'n8n-core';
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { Harness, type RunResult } from '../harness';
import { Sandbox, type SandboxOptions } from '../sandbox';
import type { Fixture } from './testbed';

export const ROUTEE_APP = 'reliability-app';
export const ROUTEE_SECRET = 'rel-app-Secret-7f3a9c1e55d2';
export const OCTOPUSH_LOGIN = 'reliability@example.com';
export const OCTOPUSH_KEY = 'rel-api-Key-2b8e40c9d7a6';

export type NodeName = 'routee' | 'octopush';

export interface RunOptions {
	input?: INodeExecutionData[];
	continueOnFail?: boolean;
	executionId?: string;
	/** The execution's resume token (n8n appends it to the resume URL as `?signature=…`). */
	resumeToken?: string;
}

export interface LeakCheckedTestbed extends Fixture {
	capture: Capture;
	credentials: {
		routeeOAuth2Api: { id: string; name: string };
		octopushApi: { id: string; name: string };
	};
	run(
		node: NodeName,
		parameters: INodeParameters,
		options?: RunOptions,
	): Promise<RunResult & { items: INodeExecutionData[] }>;
	/** The bed as one node's testbed: `run` runs that node. */
	node(node: NodeName): NodeRunner;
	/**
	 * The errors n8n-core reported (a node's failure goes to its error reporter: Sentry, or n8n's log), newest
	 * last: the error objects the node threw, with all they hold. The capture records everything reachable
	 * from each, its `cause` included, not only what n8n saves with the execution.
	 */
	reported: Error[];
	/** The application secret, the API key, the Basic header value and every Routee token issued so far. */
	secrets(): string[];
	/**
	 * Looks for every secret in what the capture holds, stops the bed, then fails if any was found: the bed stops
	 * whatever the check finds, so a failing check cannot leave the sandbox open (jest would hang on it).
	 */
	stop(): Promise<void>;
}

/** One node of a leak-checked testbed. */
export interface NodeRunner {
	sandbox: Sandbox;
	harness: Harness;
	run(
		parameters: INodeParameters,
		options?: RunOptions,
	): Promise<RunResult & { items: INodeExecutionData[] }>;
}

export async function startLeakCheckedTestbed(
	options: SandboxOptions = {},
): Promise<LeakCheckedTestbed> {
	const sandbox = await Sandbox.start(options);
	sandbox.routee.applications.set(ROUTEE_APP, ROUTEE_SECRET);
	sandbox.octopush.accounts.set(OCTOPUSH_LOGIN, OCTOPUSH_KEY);
	const harness = await Harness.create();
	const credentials = {
		routeeOAuth2Api: harness.addCredential('routeeOAuth2Api', {
			applicationId: ROUTEE_APP,
			applicationSecret: ROUTEE_SECRET,
			baseUrl: sandbox.routeeBaseUrl,
			tokenUrl: sandbox.routeeTokenUrl,
		}),
		octopushApi: harness.addCredential('octopushApi', {
			apiLogin: OCTOPUSH_LOGIN,
			apiKey: OCTOPUSH_KEY,
			baseUrl: sandbox.octopushBaseUrl,
		}),
	};
	const reported: Error[] = [];
	const report = ErrorReporter.prototype.error;
	const reporter = jest.spyOn(ErrorReporter.prototype, 'error').mockImplementation(function (
		this: ErrorReporter,
		error,
		options,
	) {
		if (error instanceof Error) reported.push(error);
		capture.add('error reported to n8n (all reachable)', reachable(error));
		report.call(this, error, options);
	});
	let runs = 0;
	const secrets = () => [
		ROUTEE_SECRET,
		OCTOPUSH_KEY,
		Buffer.from(`${ROUTEE_APP}:${ROUTEE_SECRET}`).toString('base64'),
		...sandbox.routee.tokens.keys(),
	];
	const run: LeakCheckedTestbed['run'] = async (node, parameters, runOptions = {}) => {
		const result = await harness.runNode(node, parameters, {
			credentials:
				node === 'routee'
					? { routeeOAuth2Api: credentials.routeeOAuth2Api }
					: { octopushApi: credentials.octopushApi },
			input: runOptions.input,
			continueOnFail: runOptions.continueOnFail,
			executionId: runOptions.executionId,
			resumeToken: runOptions.resumeToken,
		});
		capture.addRun(`${node} run ${++runs}`, result);
		return result;
	};
	return {
		sandbox,
		harness,
		capture,
		credentials,
		reported,
		run,
		node: (node) => ({
			sandbox,
			harness,
			run: async (parameters, runOptions) => await run(node, parameters, runOptions),
		}),
		secrets,
		async stop() {
			const leaks = capture.leaks(secrets());
			reporter.mockRestore();
			capture.stop();
			await sandbox.stop();
			expect(leaks).toEqual([]);
		},
	};
}
