import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { INode } from 'n8n-workflow';

import type { RunResult, WorkflowJson } from '../harness';
import type { Testbed } from './testbed';

/** The example workflows shipped in examples/, each a Manual Trigger connected to one of our nodes. */

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');

export interface Example {
	file: string;
	workflow: WorkflowJson;
	trigger: INode;
	/** The node of this package the example is about. */
	node: INode;
}

/** The examples whose file name matches `pattern`, each with its node of type `nodeType`. */
export function loadExamples(pattern: RegExp, nodeType: string): Example[] {
	return readdirSync(EXAMPLES)
		.filter((file) => pattern.test(file))
		.map((file) => {
			const workflow = JSON.parse(readFileSync(path.join(EXAMPLES, file), 'utf8')) as WorkflowJson;
			return {
				file,
				workflow,
				trigger: workflow.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger') as INode,
				node: workflow.nodes.find((n) => n.type === nodeType) as INode,
			};
		});
}

/**
 * Runs the example's node against the sandbox, under the credential id the example names. The harness loads only
 * this package, so the node runs alone with the Manual Trigger's single empty item.
 */
export async function runExample(t: Testbed, example: Example): Promise<RunResult> {
	const { node: nodeName, credentialType, credentialData } = t.nodeUnderTest;
	const credentialId = example.node.credentials?.[credentialType]?.id as string;
	t.harness.addCredential(credentialType, credentialData(t.sandbox), credentialId);
	const node = { ...example.node, type: t.harness.nodeType(nodeName) };
	return await t.harness.run(
		{ nodes: [node], connections: {}, settings: example.workflow.settings },
		{ input: [{ json: {} }] },
	);
}
