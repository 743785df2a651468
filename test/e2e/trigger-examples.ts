// The example workflows that start by themselves — a Webhook standing in for the CRM's "new order", or one of
// our triggers — run in real n8n end to end, as the demo imports them: the CRM stand-in is published, the
// example is published, a new order is POSTed to it (or a campaign is sent through our action node), the
// sandbox calls / POSTs its callbacks to the URLs the examples carry, and what follows is checked, down to
// the update the CRM stand-in recorded.

import type { Sandbox } from '../sandbox';
import {
	CALLBACK_SECRET,
	loadExamples,
	outputOf,
	productionBaseUrl,
	type Example,
	type ExecutionJson,
	type N8n,
	type WorkflowJson,
} from './n8n';

const CRM_STAND_IN = 'crm-stand-in.json';
const KEY_PRESSES = 'trigger-routee-key-pressed-update-crm.json';
const NOT_ANSWERED = 'trigger-routee-call-not-answered-send-sms.json';

interface ChainContext {
	n8n: N8n;
	sandbox: Sandbox;
	example: Example;
	/**
	 * Production URL of the example's start: its Webhook's path, or its trigger's URL (with ?token= and the
	 * secret when the trigger asks for one).
	 */
	webhookUrl: string;
	/** The examples as imported into this n8n (their URLs point at it). */
	examples: Map<string, Example>;
	crm: CrmStandIn;
}

/** The updates the "Demo CRM (stand-in)" workflow recorded: one execution each, read from n8n. */
class CrmStandIn {
	constructor(
		private readonly n8n: N8n,
		readonly workflowId: string,
	) {}

	async count(): Promise<number> {
		return (await this.n8n.executions(this.workflowId)).length;
	}

	/** Waits until it has recorded `count` updates in all; returns the records (what "Record the update" output), oldest first. */
	async records(count: number): Promise<Array<Record<string, unknown>>> {
		const executions = await this.n8n.waitForExecutions(this.workflowId, count, 60000);
		for (const execution of executions) expect(execution.status).toBe('success');
		return executions.map((execution) => outputOf(execution, 'Record the update')[0].json);
	}
}

/** A copy of an example workflow with some node parameters changed (for a fixture built from it). */
function withParameters(
	workflow: WorkflowJson,
	nodeName: string,
	change: (parameters: Record<string, any>) => void,
): Omit<WorkflowJson, 'id'> {
	const { id: _id, ...copy } = JSON.parse(JSON.stringify(workflow)) as WorkflowJson;
	copy.name = `${workflow.name} (e2e fixture)`;
	const node = copy.nodes.find((n) => n.name === nodeName);
	if (!node) throw new Error(`${workflow.name} has no node "${nodeName}"`);
	change(node.parameters as Record<string, any>);
	return copy;
}

const ranNodes = (execution: ExecutionJson) => Object.keys(execution.data.resultData.runData);

function exampleIn(examples: Map<string, Example>, file: string): Example {
	const found = examples.get(file);
	if (!found) throw new Error(`examples/${file} is missing`);
	return found;
}

async function postOrder(url: string, order: Record<string, string>): Promise<void> {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(order),
	});
	expect({ url, status: response.status }).toEqual({ url, status: 200 });
}

/** The execution of `workflowId` that is not among `known` ids, once it reached `status` (or finished, for 'finished'). */
async function nextExecution(
	n8n: N8n,
	workflowId: string,
	known: Set<string>,
	status: 'waiting' | 'finished',
	timeoutMs = 60000,
): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const fresh = (await n8n.executions(workflowId)).filter(
			(e: { id: string }) => !known.has(String(e.id)),
		);
		const hit = fresh.find((e: { status: string }) =>
			status === 'waiting'
				? e.status === 'waiting'
				: ['success', 'error', 'crashed', 'canceled'].includes(e.status),
		);
		if (hit) return String(hit.id);
		if (Date.now() > deadline)
			throw new Error(
				`workflow ${workflowId}: no new ${status} execution after ${timeoutMs} ms (new: ${JSON.stringify(fresh.map((e: { status: string }) => e.status))})`,
			);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

const executionIds = async (n8n: N8n, workflowId: string) =>
	new Set<string>((await n8n.executions(workflowId)).map((e: { id: string }) => String(e.id)));

/** Runs `body` with the sandbox's call steps `delayMs` apart (so an execution is saved as waiting before the first callback). */
async function withStepDelay(
	sandbox: Sandbox,
	delayMs: number,
	body: () => Promise<void>,
): Promise<void> {
	const previous = sandbox.options.deliveryDelayMs;
	sandbox.options.deliveryDelayMs = delayMs;
	try {
		await body();
	} finally {
		sandbox.options.deliveryDelayMs = previous;
	}
}

/** Per example: what to send, and what must follow. */
export const TRIGGER_EXAMPLE_CHAINS: Record<string, (context: ChainContext) => Promise<void>> = {
	// The CRM stand-in itself: an update POSTed to it is recorded (one execution) and answered with the record.
	[CRM_STAND_IN]: async ({ webhookUrl, crm }) => {
		const before = await crm.count();
		const response = await fetch(webhookUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				orderId: 'E2E-1',
				phone: '+33612345678',
				orderStatus: 'confirmed',
				digits: '1',
				source: 'e2e',
			}),
		});
		expect(response.status).toBe(200);
		const answer = await response.json();
		expect(answer).toEqual({
			orderId: 'E2E-1',
			phone: '+33612345678',
			orderStatus: 'confirmed',
			digits: '1',
			source: 'e2e',
			recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
		});
		expect((await crm.records(before + 1)).at(-1)).toEqual(answer);
	},

	// (a) One workflow: new order → Call and Wait for Key Press (the execution waits) → pressed 1 → the CRM; not answered → SMS.
	'order-call-and-wait.json': async ({ n8n, sandbox, example, webhookUrl, crm }) => {
		const workflowId = example.workflow.id;
		await withStepDelay(sandbox, 1000, async () => {
			// answered, presses 1
			const crmBefore = await crm.count();
			let known = await executionIds(n8n, workflowId);
			await postOrder(webhookUrl, { orderId: 'A-2001', phone: '+33612345601' });
			const confirmedId = await nextExecution(n8n, workflowId, known, 'waiting');
			const confirmed = await n8n.waitForExecution(confirmedId, 60000);
			expect({ status: confirmed.status, error: confirmed.data.resultData.error?.message }).toEqual(
				{ status: 'success', error: undefined },
			);
			expect(outputOf(confirmed, 'Call and wait for key press')[0].json).toMatchObject({
				digits: '1',
				answered: true,
				status: 'Completed',
				to: '+33612345601',
			});
			expect(ranNodes(confirmed)).toContain('Update the CRM');
			expect(ranNodes(confirmed)).not.toContain('Send SMS');
			const [conversation] = sandbox.requestsTo('routee', 'POST', '/voice/conversation').slice(-1);
			expect((conversation.body as any).dialPlan.verbs[0].message.text).toBe(
				'Hello, this is MyShop about your order A-2001. Press 1 to confirm the delivery tomorrow.',
			);
			const records = await crm.records(crmBefore + 1);
			expect(records.at(-1)).toMatchObject({
				orderId: 'A-2001',
				phone: '+33612345601',
				orderStatus: 'confirmed',
				digits: '1',
				source: 'Call and wait for key press',
			});

			// "Execute workflow" in the editor: n8n starts it from the pinned order (A-1001, +33612345601) without waiting for a call
			known = await executionIds(n8n, workflowId);
			const started = await n8n.request<{ executionId?: string; waitingForWebhook?: boolean }>(
				'POST',
				`/rest/workflows/${workflowId}/run`,
				{
					triggerToStartFrom: { name: 'New order' },
				},
			);
			expect(started).toEqual({ executionId: expect.any(String) });
			const clicked = await n8n.waitForExecution(String(started.executionId), 60000);
			expect({ status: clicked.status, mode: clicked.mode }).toEqual({
				status: 'success',
				mode: 'manual',
			});
			expect(ranNodes(clicked)).toContain('Update the CRM');
			expect((await crm.records(crmBefore + 2)).at(-1)).toMatchObject({
				orderId: 'A-1001',
				phone: '+33612345601',
				digits: '1',
			});

			// not answered: the SMS branch, nothing to the CRM
			known = await executionIds(n8n, workflowId);
			sandbox.clearRequests();
			await postOrder(webhookUrl, { orderId: 'A-2002', phone: '+33612340000' });
			const notAnsweredId = await nextExecution(n8n, workflowId, known, 'waiting');
			const notAnswered = await n8n.waitForExecution(notAnsweredId, 60000);
			expect(notAnswered.status).toBe('success');
			expect(outputOf(notAnswered, 'Call and wait for key press')[0].json).toMatchObject({
				digits: '',
				answered: false,
				status: 'NoAnswer',
			});
			expect(ranNodes(notAnswered)).toContain('Send SMS');
			expect(ranNodes(notAnswered)).not.toContain('Update the CRM');
			expect(sandbox.requestsTo('routee', 'POST', '/sms').map((r) => [r.status, r.body])).toEqual([
				[
					200,
					{
						from: 'MyShop',
						to: '+33612340000',
						body: 'We called you about your order A-2002. Reply YES to confirm the delivery tomorrow.',
					},
				],
			]);
			expect(await crm.count()).toBe(crmBefore + 2);
		});
	},

	// (b) Two workflows: new order → the call; its key presses go to the key-press trigger example (→ the CRM), its
	// final status to the not-answered trigger example (→ SMS).
	'order-call-then-triggers.json': async ({ n8n, sandbox, examples, webhookUrl, crm }) => {
		const keys = exampleIn(examples, KEY_PRESSES).workflow.id;
		const statuses = exampleIn(examples, NOT_ANSWERED).workflow.id;
		await n8n.activate(keys);
		await n8n.activate(statuses);
		try {
			const crmBefore = await crm.count();
			const keysBefore = (await n8n.executions(keys)).length;
			const statusesBefore = (await n8n.executions(statuses)).length;
			await postOrder(webhookUrl, { orderId: 'B-3001', phone: '+33612345601' });
			const [keyPress] = (await n8n.waitForExecutions(keys, keysBefore + 1, 60000)).slice(-1);
			expect(outputOf(keyPress, 'Routee Trigger')[0].json).toMatchObject({
				kind: 'dtmf',
				digits: '1',
				to: '+33612345601',
			});
			expect(ranNodes(keyPress)).toContain('Update the CRM');
			expect((await crm.records(crmBefore + 1)).at(-1)).toMatchObject({
				phone: '+33612345601',
				orderStatus: 'confirmed',
				digits: '1',
				source: 'Routee Trigger (key presses)',
			});
			const [completed] = (await n8n.waitForExecutions(statuses, statusesBefore + 1, 60000)).slice(
				-1,
			);
			expect(outputOf(completed, 'Routee Trigger')[0].json).toMatchObject({
				kind: 'conversationStatus',
				status: 'Completed',
				to: '+33612345601',
			});
			expect(ranNodes(completed)).not.toContain('Send SMS');

			sandbox.clearRequests();
			await postOrder(webhookUrl, { orderId: 'B-3002', phone: '+33612340000' });
			const [noAnswer] = (await n8n.waitForExecutions(statuses, statusesBefore + 2, 60000)).slice(
				-1,
			);
			expect(outputOf(noAnswer, 'Routee Trigger')[0].json).toMatchObject({
				kind: 'conversationStatus',
				status: 'NoAnswer',
				to: '+33612340000',
			});
			expect(ranNodes(noAnswer)).toContain('Send SMS');
			expect(sandbox.requestsTo('routee', 'POST', '/sms').map((r) => (r.body as any).to)).toEqual([
				'+33612340000',
			]);
			// a call not answered presses no key: the key-press trigger and the CRM got nothing more
			expect((await n8n.executions(keys)).length).toBe(keysBefore + 1);
			expect(await crm.count()).toBe(crmBefore + 1);
		} finally {
			await n8n.deactivate(keys);
			await n8n.deactivate(statuses);
		}
	},

	// Routee Trigger (key presses) → IF digits = 1 → the CRM, fed by the "voice call with key press" example, whose
	// COLLECT Event URL is this trigger's Production URL; a callback of a kind it does not listen to is logged.
	[KEY_PRESSES]: async ({ n8n, example: triggerExample, examples, webhookUrl, crm }) => {
		const crmBefore = await crm.count();
		const before = (await n8n.executions(triggerExample.workflow.id)).length;
		const voice = exampleIn(examples, 'routee-voice-conversation.json').workflow;
		const { id: _id, ...copy } = JSON.parse(JSON.stringify(voice)) as WorkflowJson;
		const call = await n8n.execute(
			await n8n.createWorkflow({ ...copy, name: `${voice.name} (e2e fixture)` }),
		);
		expect(call.status).toBe('success');
		const [pressed] = (
			await n8n.waitForExecutions(triggerExample.workflow.id, before + 1, 60000)
		).slice(-1);
		expect(outputOf(pressed, 'Routee Trigger')[0].json).toMatchObject({
			kind: 'dtmf',
			digits: '1',
			to: '+306948530925',
		});
		expect((await crm.records(crmBefore + 1)).at(-1)).toMatchObject({
			phone: '+306948530925',
			orderStatus: 'confirmed',
			digits: '1',
			source: 'Routee Trigger (key presses)',
		});

		// an SMS status sent to this trigger (it listens to key presses only): 200, no execution, and n8n's log says so
		const sms = await fetch(webhookUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				messageId: 'e2e-sms-1',
				smsId: 'e2e-sms-1-1',
				to: '+33612345678',
				from: 'MyShop',
				status: { name: 'Delivered', updatedDate: new Date().toISOString() },
			}),
		});
		expect(sms.status).toBe(200);
		const deadline = Date.now() + 10000;
		const line =
			'Routee Trigger received a callback of a kind its Events setting does not include: "SMS Status" (smsStatus). No execution was started; to start the workflow on these callbacks, add "SMS Status" to the node\'s Events.';
		while (!n8n.logTail(1_000_000).includes(line) && Date.now() < deadline)
			await new Promise((resolve) => setTimeout(resolve, 200));
		expect(n8n.logTail(1_000_000)).toContain(line);
		expect(n8n.logTail(1_000_000)).not.toContain(CALLBACK_SECRET);
		expect(await n8n.executions(triggerExample.workflow.id)).toHaveLength(before + 1);
	},

	// Routee Trigger (final statuses) → IF NoAnswer/Busy → Routee SMS to the same number.
	[NOT_ANSWERED]: async ({ n8n, sandbox, example: triggerExample, examples, webhookUrl }) => {
		const unreachable = '+306948530000'; // the sandbox lets numbers ending 0000 ring out: NoAnswer
		const answered = '+306948530923';
		const voice = withParameters(
			exampleIn(examples, 'routee-voice-campaign.json').workflow,
			'Routee',
			(p) => {
				p.to = `${unreachable}, ${answered}`;
				p.options = {
					...p.options,
					callback: { values: { url: webhookUrl, strategy: 'OnChange' } },
				};
			},
		);
		const before = (await n8n.executions(triggerExample.workflow.id)).length;
		const campaign = await n8n.execute(await n8n.createWorkflow(voice));
		expect(campaign.status).toBe('success');

		// Only the two final statuses pass the example's "final only" filter: two executions.
		const executions = (await n8n.waitForExecutions(triggerExample.workflow.id, before + 2)).slice(
			before,
		);
		expect(executions.map((e) => e.status)).toEqual(['success', 'success']);
		const events = executions.map((e) => outputOf(e, 'Routee Trigger')[0].json);
		expect(events.map((e) => [e.to, e.status, e.isFinal]).sort()).toEqual(
			[
				[unreachable, 'NoAnswer', true],
				[answered, 'Completed', true],
			].sort(),
		);
		const noAnswer = executions[events.findIndex((e) => e.status === 'NoAnswer')];
		const completed = executions[events.findIndex((e) => e.status === 'Completed')];
		expect(ranNodes(noAnswer)).toContain('Send SMS');
		expect(ranNodes(completed)).not.toContain('Send SMS');

		const sms = sandbox.requestsTo('routee', 'POST', '/sms');
		expect(sms.map((r) => [r.status, r.body])).toEqual([
			[
				200,
				{
					from: 'MyClinic',
					to: unreachable,
					body: 'We tried to call you about your appointment tomorrow. Reply YES to confirm or call us back.',
				},
			],
		]);
	},

	// Octopush Trigger (voice delivery reports) → IF digits = 1 → HTTP Request to the CRM stand-in.
	'trigger-octopush-pressed-1-update-crm.json': async ({
		n8n,
		sandbox,
		example: triggerExample,
		examples,
		crm,
	}) => {
		const pressed1 = '+33612345678';
		const pressed2 = '+33698765402'; // the sandbox makes numbers ending 02 press "2"
		const voiceSms = withParameters(
			exampleIn(examples, 'octopush-voice-sms-campaign.json').workflow,
			'Octopush',
			(p) => {
				p.recipients.recipient[1].phoneNumber = pressed2;
			},
		);
		const crmBefore = await crm.count();
		const campaign = await n8n.execute(await n8n.createWorkflow(voiceSms));
		expect(campaign.status).toBe('success');
		const ticket = outputOf(campaign, 'Octopush')[0].json.ticket_number;

		const executions = await n8n.waitForExecutions(triggerExample.workflow.id, 2);
		expect(executions.map((e) => e.status)).toEqual(['success', 'success']);
		const digits = executions.map((e) => [
			outputOf(e, 'Octopush Trigger')[0].json.to,
			outputOf(e, 'Octopush Trigger')[0].json.digits,
		]);
		expect(digits.sort()).toEqual(
			[
				[pressed1, '1'],
				[pressed2, '2'],
			].sort(),
		);

		const records = await crm.records(crmBefore + 1);
		expect(records.at(-1)).toMatchObject({
			phone: pressed1,
			orderStatus: 'confirmed',
			digits: '1',
			source: `Octopush voice SMS campaign ${String(ticket)}`,
		});
		expect(await crm.count()).toBe(crmBefore + 1);
		expect(sandbox.octopush.callbacks.callback_url_for_deliveries).toContain(
			`/webhook/${String(triggerExample.workflow.nodes[0].webhookId)}/webhook`,
		);
	},
};

/** Production URL of what starts `workflow`: its Webhook's path, or its trigger's URL (with the token when it asks for one). */
function startUrl(n8n: N8n, workflow: WorkflowJson): string {
	const webhook = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.webhook');
	if (webhook) return n8n.webhookUrl(String((webhook.parameters as { path: string }).path));
	const trigger = workflow.nodes.find((n) => /Trigger$/.test(String(n.type)))!;
	const url = n8n.webhookUrl(`${String(trigger.webhookId)}/webhook`);
	return (trigger.parameters as { callerAuthentication?: string }).callerAuthentication ===
		'queryToken'
		? `${url}?token=${CALLBACK_SECRET}`
		: url;
}

export function registerTriggerExampleTests(
	context: () => { n8n: N8n; sandbox: Sandbox; examples: Example[] },
): void {
	describe('example workflows that start by themselves (a Webhook for the CRM, our triggers): published, called, fed by the sandbox', () => {
		const imported = new Map<string, Example>();
		let crm: CrmStandIn;

		beforeAll(async () => {
			const { n8n } = context();
			// as the demo imports them (scripts/examples.mjs): their URLs point at this n8n; every manual example too,
			// since the chains run some of them
			for (const example of await loadExamples(productionBaseUrl(n8n)))
				imported.set(example.file, example);
			const live = [...imported.values()]
				.filter((e) => e.file in TRIGGER_EXAMPLE_CHAINS)
				.map((e) => e.workflow);
			await n8n.importWorkflows(live);
			crm = new CrmStandIn(n8n, exampleIn(imported, CRM_STAND_IN).workflow.id);
			await n8n.activate(crm.workflowId);
		}, 120000);

		afterAll(async () => {
			if (crm) await context().n8n.deactivate(crm.workflowId);
		});

		for (const [file, chain] of Object.entries(TRIGGER_EXAMPLE_CHAINS)) {
			test(`${file}: published in n8n, called as the demo calls it, runs end to end`, async () => {
				const { n8n, sandbox } = context();
				const example = imported.get(file);
				expect(example).toBeDefined();
				// the CRM stand-in is published for every chain
				if (file !== CRM_STAND_IN) await n8n.activate(example!.workflow.id);
				try {
					await chain({
						n8n,
						sandbox,
						example: example!,
						webhookUrl: startUrl(n8n, example!.workflow),
						examples: imported,
						crm,
					});
				} finally {
					if (file !== CRM_STAND_IN) await n8n.deactivate(example!.workflow.id);
				}
			}, 180000);
		}
	});
}
