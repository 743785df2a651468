import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { INode } from 'n8n-workflow';

import type { WorkflowJson } from '../harness';
import { ROUTEE_EXAMPLE_EXPECTATIONS } from './example-expectations';
import { startTestbed, type RouteeTestbed } from './setup';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
const files = readdirSync(EXAMPLES).filter((file) => /^routee-.*\.json$/.test(file));
const ROUTEE_TYPE = 'n8n-nodes-routee-octopush.routee';

let t: RouteeTestbed;
beforeAll(async () => (t = await startTestbed()));
afterAll(async () => await t.stop());

test('there is an example per send operation, each with its expectation', () => {
	const operations = files.map((file) => {
		const workflow = JSON.parse(readFileSync(path.join(EXAMPLES, file), 'utf8')) as WorkflowJson;
		const node = workflow.nodes.find((n) => n.type === ROUTEE_TYPE);
		return `${String(node?.parameters.resource)}.${String(node?.parameters.operation)}`;
	});
	expect(operations.sort()).toEqual(['sms.send', 'sms.sendCampaign', 'voice.sendCampaign', 'voice.startConversation']);
	expect(Object.keys(ROUTEE_EXAMPLE_EXPECTATIONS).sort()).toEqual([...files].sort());
});

describe.each(files)('%s', (file) => {
	const workflow = JSON.parse(readFileSync(path.join(EXAMPLES, file), 'utf8')) as WorkflowJson;
	const trigger = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger') as INode;
	const routee = workflow.nodes.find((n) => n.type === ROUTEE_TYPE) as INode;

	test('is Manual Trigger → Routee with the "Routee sandbox" credential', () => {
		expect(workflow.nodes).toHaveLength(2);
		expect(workflow.connections[trigger.name].main[0]).toEqual([{ node: routee.name, type: 'main', index: 0 }]);
		expect(routee.credentials?.routeeOAuth2Api?.name).toBe('Routee sandbox');
	});

	test('runs against the sandbox: exactly the expected request, and the expected output', async () => {
		t.sandbox.clearRequests();
		t.harness.addCredential(
			'routeeOAuth2Api',
			{
				applicationId: 'sandbox-app',
				applicationSecret: 'sandbox-secret',
				baseUrl: t.sandbox.routeeBaseUrl,
				tokenUrl: t.sandbox.routeeTokenUrl,
			},
			routee.credentials?.routeeOAuth2Api?.id as string,
		);
		// the harness loads only this package, so the Routee node runs with the trigger's single empty item
		const node = { ...routee, type: t.harness.nodeType('routee') };
		const r = await t.harness.run({ nodes: [node], connections: {}, settings: workflow.settings }, { input: [{ json: {} }] });
		expect(r.error).toBeUndefined();
		const expectation = ROUTEE_EXAMPLE_EXPECTATIONS[file];
		const received = t.sandbox.requestsTo('routee');
		expect(received.map((q) => [q.method, q.path, q.status])).toEqual(
			expectation.requests.map((step) => [step.method, step.path, 200]),
		);
		expectation.requests.forEach((step, index) => expect(received[index].body).toEqual(step.body));
		const items = r.output[routee.name];
		expect(items.every((i) => i.pairedItem !== undefined)).toBe(true);
		expectation.output(items as never, received);
	});
});
