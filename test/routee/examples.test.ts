import { loadExamples, runExample } from '../support/examples';
import { useTestbed } from '../support/testbed';
import { ROUTEE_EXAMPLE_EXPECTATIONS } from './example-expectations';
import { startTestbed } from './setup';

const examples = loadExamples(/^routee-.*\.json$/, 'n8n-nodes-routee-octopush.routee');

const t = useTestbed(startTestbed);

test('there is an example per send operation, each with its expectation', () => {
	const operations = examples.map(
		({ node }) => `${String(node?.parameters.resource)}.${String(node?.parameters.operation)}`,
	);
	expect(operations.sort()).toEqual([
		'sms.send',
		'sms.sendCampaign',
		'voice.sendCampaign',
		'voice.startConversation',
	]);
	expect(Object.keys(ROUTEE_EXAMPLE_EXPECTATIONS).sort()).toEqual(
		examples.map(({ file }) => file).sort(),
	);
});

describe.each(examples)('$file', (example) => {
	const { file, workflow, trigger, node: routee } = example;

	test('is Manual Trigger → Routee with the "Routee sandbox" credential', () => {
		expect(workflow.nodes).toHaveLength(2);
		expect(workflow.connections[trigger.name].main[0]).toEqual([
			{ node: routee.name, type: 'main', index: 0 },
		]);
		expect(routee.credentials?.routeeOAuth2Api?.name).toBe('Routee sandbox');
	});

	test('runs against the sandbox: exactly the expected request, and the expected output', async () => {
		const r = await runExample(t, example);
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
