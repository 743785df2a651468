import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { Harness } from '../harness';
import { Sandbox, type RecordedRequest, type SandboxOptions } from '../sandbox';

export interface RouteeTestbed {
	sandbox: Sandbox;
	harness: Harness;
	credential: { id: string; name: string };
	/** Runs the Routee node on `input` with the sandbox credential. */
	run(
		parameters: INodeParameters,
		options?: { input?: INodeExecutionData[]; continueOnFail?: boolean; executionId?: string },
	): ReturnType<Harness['runNode']>;
	/** Requests the Routee resource API received (token requests excluded). */
	received(method?: string, path?: string): RecordedRequest[];
	/** Token requests the sandbox received. */
	tokenRequests(): RecordedRequest[];
	stop(): Promise<void>;
}

let credentials = 0;

export async function startTestbed(options: SandboxOptions = {}): Promise<RouteeTestbed> {
	const sandbox = await Sandbox.start(options);
	const harness = await Harness.create();
	const credential = harness.addCredential(
		'routeeOAuth2Api',
		{
			applicationId: 'sandbox-app',
			applicationSecret: 'sandbox-secret',
			baseUrl: sandbox.routeeBaseUrl,
			tokenUrl: sandbox.routeeTokenUrl,
		},
		`routee-test-${++credentials}`,
	);
	return {
		sandbox,
		harness,
		credential,
		run: async (parameters, runOptions = {}) =>
			await harness.runNode('routee', parameters, {
				credentials: { routeeOAuth2Api: credential },
				input: runOptions.input,
				continueOnFail: runOptions.continueOnFail,
				executionId: runOptions.executionId,
			}),
		received: (method, path) =>
			sandbox.requestsTo('routee', method).filter((request) => path === undefined || request.path === path),
		tokenRequests: () => sandbox.requestsTo('routee-auth'),
		stop: async () => await sandbox.stop(),
	};
}

/** A date-time one day ahead as n8n's date-time field holds it (no offset: read in the workflow's time zone). */
export function tomorrowLocal(): string {
	const date = new Date(Date.now() + 86_400_000);
	return date.toISOString().slice(0, 19);
}

export const item = (json: Record<string, unknown> = {}): INodeExecutionData => ({ json: json as never });
