// The example workflows that start with one of our triggers, run in real n8n end to end: the
// example is activated, a campaign is sent through our action node, the sandbox POSTs its
// callbacks to the example's production webhook URL, and what the example does next is checked.

import { startReceiver, type Receiver, type Sandbox } from '../sandbox';
import { CALLBACK_SECRET, loadExamples, outputOf, type Example, type ExecutionJson, type N8n, type WorkflowJson } from './n8n';

interface ChainContext {
	n8n: N8n;
	sandbox: Sandbox;
	example: Example;
	/** Production webhook URL of the example's trigger, with ?token= and its secret when it asks for one. */
	webhookUrl: string;
	receiver: Receiver;
}

/** A copy of an example workflow with some node parameters changed (for a fixture built from it). */
function withParameters(workflow: WorkflowJson, nodeName: string, change: (parameters: Record<string, any>) => void): Omit<WorkflowJson, 'id'> {
	const { id: _id, ...copy } = JSON.parse(JSON.stringify(workflow)) as WorkflowJson;
	copy.name = `${workflow.name} (e2e fixture)`;
	const node = copy.nodes.find((n) => n.name === nodeName);
	if (!node) throw new Error(`${workflow.name} has no node "${nodeName}"`);
	change(node.parameters as Record<string, any>);
	return copy;
}

const ranNodes = (execution: ExecutionJson) => Object.keys(execution.data.resultData.runData);

async function example(file: string): Promise<Example> {
	const found = (await loadExamples()).find((e) => e.file === file);
	if (!found) throw new Error(`examples/${file} is missing`);
	return found;
}

/** Per trigger example: what to send, and what must follow. */
export const TRIGGER_EXAMPLE_CHAINS: Record<string, (context: ChainContext) => Promise<void>> = {
	// Routee Trigger (final statuses) → IF NoAnswer/Busy → Routee SMS to the same number.
	'trigger-routee-call-not-answered-send-sms.json': async ({ n8n, sandbox, example: triggerExample, webhookUrl }) => {
		const unreachable = '+306948530000'; // the sandbox lets numbers ending 0000 ring out: NoAnswer
		const answered = '+306948530923';
		const voice = withParameters((await example('routee-voice-campaign.json')).workflow, 'Routee', (p) => {
			p.to = `${unreachable}, ${answered}`;
			p.options = { ...p.options, callback: { values: { url: webhookUrl, strategy: 'OnChange' } } };
		});
		const campaign = await n8n.execute(await n8n.createWorkflow(voice));
		expect(campaign.status).toBe('success');

		// Only the two final statuses pass the example's "final only" filter: two executions.
		const executions = await n8n.waitForExecutions(triggerExample.workflow.id, 2);
		expect(executions.map((e) => e.status)).toEqual(['success', 'success']);
		const events = executions.map((e) => outputOf(e, 'Routee Trigger')[0].json);
		expect(events.map((e) => [e.to, e.status, e.isFinal]).sort()).toEqual([
			[unreachable, 'NoAnswer', true],
			[answered, 'Completed', true],
		].sort());
		const noAnswer = executions[events.findIndex((e) => e.status === 'NoAnswer')];
		const completed = executions[events.findIndex((e) => e.status === 'Completed')];
		expect(ranNodes(noAnswer)).toContain('Send SMS');
		expect(ranNodes(completed)).not.toContain('Send SMS');

		const sms = sandbox.requestsTo('routee', 'POST', '/sms');
		expect(sms.map((r) => [r.status, r.body])).toEqual([
			[200, { from: 'MyClinic', to: unreachable, body: 'We tried to call you about your appointment tomorrow. Reply YES to confirm or call us back.' }],
		]);
	},

	// Octopush Trigger (voice delivery reports) → IF digits = 1 → HTTP Request to the CRM.
	'trigger-octopush-pressed-1-update-crm.json': async ({ n8n, sandbox, example: triggerExample, receiver }) => {
		const pressed1 = '+33612345678';
		const pressed2 = '+33698765402'; // the sandbox makes numbers ending 02 press "2"
		const voiceSms = withParameters((await example('octopush-voice-sms-campaign.json')).workflow, 'Octopush', (p) => {
			p.recipients.recipient[1].phoneNumber = pressed2;
		});
		const campaign = await n8n.execute(await n8n.createWorkflow(voiceSms));
		expect(campaign.status).toBe('success');
		const ticket = outputOf(campaign, 'Octopush')[0].json.ticket_number;

		const executions = await n8n.waitForExecutions(triggerExample.workflow.id, 2);
		expect(executions.map((e) => e.status)).toEqual(['success', 'success']);
		const digits = executions.map((e) => [outputOf(e, 'Octopush Trigger')[0].json.to, outputOf(e, 'Octopush Trigger')[0].json.digits]);
		expect(digits.sort()).toEqual([[pressed1, '1'], [pressed2, '2']].sort());

		expect(receiver.calls.map((c) => [c.method, c.path])).toEqual([['POST', '/crm']]);
		expect(receiver.calls[0].body).toEqual({ phone: pressed1, appointmentConfirmed: true, campaign: ticket, confirmedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
		expect(sandbox.octopush.callbacks.callback_url_for_deliveries).toContain(`/webhook/${String(triggerExample.workflow.nodes[0].webhookId)}/webhook`);
	},
};

export function registerTriggerExampleTests(context: () => { n8n: N8n; sandbox: Sandbox; examples: Example[] }): void {
	describe('example workflows that start with our triggers (activated, fed by the sandbox)', () => {
		let receiver: Receiver;
		const imported = new Map<string, WorkflowJson>();

		beforeAll(async () => {
			receiver = await startReceiver([200]);
			const { n8n, examples } = context();
			for (const file of Object.keys(TRIGGER_EXAMPLE_CHAINS)) {
				const found = examples.find((e) => e.file === file);
				if (!found) continue;
				// The example's CRM URL (a placeholder) points at this test's receiver.
				imported.set(file, JSON.parse(JSON.stringify(found.workflow).replaceAll('http://127.0.0.1:4010/crm', `${receiver.url}/crm`)) as WorkflowJson);
			}
			if (imported.size > 0) await n8n.importWorkflows([...imported.values()]);
		}, 120000);

		afterAll(async () => {
			await receiver?.close();
		});

		for (const [file, chain] of Object.entries(TRIGGER_EXAMPLE_CHAINS)) {
			test(`${file}: activated in n8n, callbacks from the sandbox run it end to end`, async () => {
				const { n8n, sandbox, examples } = context();
				const workflow = imported.get(file);
				expect(workflow).toBeDefined();
				const trigger = workflow!.nodes.find((n) => /Trigger$/.test(String(n.type)))!;
				await n8n.activate(workflow!.id);
				try {
					const example = { ...examples.find((e) => e.file === file)!, workflow: workflow! };
					const url = n8n.webhookUrl(`${String(trigger.webhookId)}/webhook`);
					const webhookUrl = (trigger.parameters as { callerAuthentication?: string }).callerAuthentication === 'queryToken' ? `${url}?token=${CALLBACK_SECRET}` : url;
					await chain({ n8n, sandbox, example, webhookUrl, receiver });
				} finally {
					await n8n.deactivate(workflow!.id);
				}
			}, 180000);
		}
	});
}
