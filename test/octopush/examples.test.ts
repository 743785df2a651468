import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { INode } from 'n8n-workflow';

import type { WorkflowJson } from '../harness';
import { startTestbed, type OctopushTestbed } from './setup';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
const files = readdirSync(EXAMPLES).filter((file) => /^octopush-.*\.json$/.test(file));

let t: OctopushTestbed;
beforeAll(async () => (t = await startTestbed({ octopushComputationMs: 100 })));
afterAll(async () => await t.stop());

test('there is an example per send operation', () => {
	const operations = files.map((file) => {
		const workflow = JSON.parse(readFileSync(path.join(EXAMPLES, file), 'utf8')) as WorkflowJson;
		const node = workflow.nodes.find((n) => n.type === 'n8n-nodes-routee-octopush.octopush');
		return `${String(node?.parameters.resource)}.${String(node?.parameters.operation)}`;
	});
	expect(operations.sort()).toEqual(['sms.sendCampaign', 'voiceListCampaign.create', 'voiceSms.sendCampaign']);
});

describe.each(files)('%s', (file) => {
	const workflow = JSON.parse(readFileSync(path.join(EXAMPLES, file), 'utf8')) as WorkflowJson;
	const trigger = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger') as INode;
	const octopush = workflow.nodes.find((n) => n.type === 'n8n-nodes-routee-octopush.octopush') as INode;

	test('is Manual Trigger → Octopush with the "Octopush sandbox" credential', () => {
		expect(workflow.nodes).toHaveLength(2);
		expect(workflow.connections[trigger.name].main[0]).toEqual([{ node: octopush.name, type: 'main', index: 0 }]);
		expect(octopush.credentials?.octopushApi?.name).toBe('Octopush sandbox');
	});

	test('runs against the sandbox', async () => {
		t.sandbox.clearRequests();
		// the harness loads only this package, so the Octopush node runs with the trigger's single empty item
		const credentialId = octopush.credentials?.octopushApi?.id as string;
		t.harness.addCredential(
			'octopushApi',
			{ apiLogin: 'sandbox@example.com', apiKey: 'sandbox-key', baseUrl: t.sandbox.octopushBaseUrl },
			credentialId,
		);
		const node = { ...octopush, type: t.harness.nodeType('octopush') };
		const r = await t.harness.run({ nodes: [node], connections: {}, settings: workflow.settings }, { input: [{ json: {} }] });
		expect(r.error).toBeUndefined();
		expect(r.output[octopush.name].length).toBeGreaterThan(0);
		expect(r.output[octopush.name][0].json.ticket_number).toMatch(/^(voice|sms)_/);
		expect(t.sandbox.requestsTo('octopush').every((q) => q.status >= 200 && q.status < 300)).toBe(true);
	});
});
