import { loadExamples, runExample } from '../support/examples';
import { useTestbed } from '../support/testbed';
import { startTestbed } from './setup';

const examples = loadExamples(/^octopush-.*\.json$/, 'n8n-nodes-routee-octopush.octopush');

const t = useTestbed(() => startTestbed({ octopushComputationMs: 100 }));

test('there is an example per send operation', () => {
	const operations = examples.map(
		({ node }) => `${String(node?.parameters.resource)}.${String(node?.parameters.operation)}`,
	);
	expect(operations.sort()).toEqual([
		'sms.sendCampaign',
		'voiceListCampaign.create',
		'voiceSms.sendCampaign',
	]);
});

describe.each(examples)('$file', (example) => {
	const { workflow, trigger, node: octopush } = example;

	test('is Manual Trigger → Octopush with the "Octopush sandbox" credential', () => {
		expect(workflow.nodes).toHaveLength(2);
		expect(workflow.connections[trigger.name].main[0]).toEqual([
			{ node: octopush.name, type: 'main', index: 0 },
		]);
		expect(octopush.credentials?.octopushApi?.name).toBe('Octopush sandbox');
	});

	test('runs against the sandbox', async () => {
		const r = await runExample(t, example);
		expect(r.error).toBeUndefined();
		expect(r.output[octopush.name].length).toBeGreaterThan(0);
		expect(r.output[octopush.name][0].json.ticket_number).toMatch(/^(voice|sms)_/);
		expect(t.sandbox.requestsTo('octopush').every((q) => q.status >= 200 && q.status < 300)).toBe(
			true,
		);
	});
});
