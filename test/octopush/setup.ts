import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { SandboxOptions } from '../sandbox';
import { startNodeTestbed, type Testbed } from '../support/testbed';

export interface OctopushTestbed extends Testbed {
	/** Bodies of the requests the sandbox received on a path. */
	bodies(method: string, path: string): unknown[];
}

export async function startTestbed(options: SandboxOptions = {}): Promise<OctopushTestbed> {
	const testbed = await startNodeTestbed(
		{
			node: 'octopush',
			credentialType: 'octopushApi',
			credentialData: (sandbox) => ({
				apiLogin: 'sandbox@example.com',
				apiKey: 'sandbox-key',
				baseUrl: sandbox.octopushBaseUrl,
			}),
		},
		options,
	);
	const { sandbox } = testbed;
	return {
		...testbed,
		bodies: (method, path) =>
			sandbox
				.requestsTo('octopush', method, path)
				.filter((r) => r.path === path)
				.map((r) => r.body),
	};
}

/** `n` input items that are contacts: +3361xxxxxxx numbers, first names, a param; `patch[i]` overrides item i. */
export function contactItems(
	n: number,
	patch: Record<number, IDataObject> = {},
): INodeExecutionData[] {
	return Array.from({ length: n }, (_, i) => ({
		json: {
			phone: `+3361${String(i).padStart(7, '0')}`,
			name: `Name${i}`,
			code: `C${i}`,
			...patch[i],
		},
	}));
}
