// What a caller of the triggers' production URLs gets in real n8n (issue 30): an accepted callback is answered only
// once n8n has recorded its execution; deep, huge and foreign bodies get a clear 4xx and start nothing (no error
// execution); a new Octopush Trigger (version 3) registers a URL that carries a secret it generated itself.

import type { Sandbox } from '../sandbox';
import { CREDENTIALS, PACKAGE_NAME, type N8n, type WorkflowJson } from './n8n';
import { executionCountAfter, triggerWorkflow } from './triggers';

const ROUTEE_WORKFLOW = 'e2ecallbackbod1';
const ROUTEE_WEBHOOK = 'e2e-callback-bodies-routee';
const OCTOPUSH_WORKFLOW = 'e2ecallbackbod2';
const OCTOPUSH_WEBHOOK = 'e2e-callback-bodies-octopush';
const SECURE_WORKFLOW = 'e2eoctopushsec3';
const SECURE_WEBHOOK = 'e2e-octopush-trigger-v3';

/** A Routee SMS delivery report as https://docs.routee.net/docs/callbacks shows it, unique by `n`. */
function smsReport(n: number): Record<string, unknown> {
	return {
		messageId: `e2e-bodies-${n}`,
		smsId: `e2e-bodies-${n}-1`,
		part: 1,
		parts: 1,
		to: '+306900000001',
		status: { name: 'Delivered', updatedDate: '2026-12-04T10:00:00.000Z' },
	};
}

/** An Octopush SMS delivery report (https://dev.octopush.com/en/sms-gateway-api-documentation/callbacks/). */
const octopushReport = {
	message_id: 'sms_e2e_v3',
	number: '+33612345678',
	status: 'DELIVERED',
	delivery_date: '2026-12-04 10:00:00',
	channel: 'sms',
};

async function post(
	url: string,
	body: string | Uint8Array,
	contentType?: string,
): Promise<{ status: number; text: string }> {
	const response = await fetch(url, {
		method: 'POST',
		headers: contentType ? { 'content-type': contentType } : {},
		body,
	});
	return { status: response.status, text: await response.text() };
}

export function registerCallbackBodyTests(context: () => { n8n: N8n; sandbox: Sandbox }): void {
	describe('trigger callbacks: answered once recorded; deep, huge and foreign bodies refused', () => {
		let n8n: N8n;
		let routeeUrl: string;
		let octopushUrl: string;

		beforeAll(async () => {
			({ n8n } = context());
			routeeUrl = n8n.webhookUrl(`${ROUTEE_WEBHOOK}/webhook`);
			octopushUrl = n8n.webhookUrl(`${OCTOPUSH_WEBHOOK}/webhook`);
			await n8n.importWorkflows([
				triggerWorkflow(ROUTEE_WORKFLOW, 'Routee Trigger', 'routeeTrigger', ROUTEE_WEBHOOK, {
					events: ['smsStatus'],
					callerAuthentication: 'none',
				}),
				triggerWorkflow(
					OCTOPUSH_WORKFLOW,
					'Octopush Trigger',
					'octopushTrigger',
					OCTOPUSH_WEBHOOK,
					{
						registration: 'manual',
						events: ['smsDelivery'],
						callerAuthentication: 'none',
					},
				),
			]);
			await n8n.activate(ROUTEE_WORKFLOW);
			await n8n.activate(OCTOPUSH_WORKFLOW);
		}, 120000);

		afterAll(async () => {
			await n8n?.deactivate(ROUTEE_WORKFLOW).catch(() => undefined);
			await n8n?.deactivate(OCTOPUSH_WORKFLOW).catch(() => undefined);
		});

		test('an accepted callback is answered 200 (empty body) only once n8n lists its execution', async () => {
			const before = (await n8n.executions(ROUTEE_WORKFLOW)).length;
			const answer = await post(routeeUrl, JSON.stringify(smsReport(1)), 'application/json');
			// read right after the answer: the execution was recorded before it, whatever its status now
			const listed = await n8n.executions(ROUTEE_WORKFLOW);
			expect(answer).toEqual({ status: 200, text: '' });
			expect(listed.length).toBe(before + 1);
			const [execution] = await n8n.waitForExecutions(ROUTEE_WORKFLOW, before + 1);
			expect(execution.status).toBe('success');
		});

		test.each([
			['application/json', 'application/json'],
			['no content type', undefined],
		])(
			'a callback with one field nested 10,000 levels deep (%s): 400 saying so, no execution (not even an error one)',
			async (_label, contentType) => {
				const before = (await n8n.executions(ROUTEE_WORKFLOW)).length;
				// written by hand: JSON.stringify itself overflows the stack on it
				const deep = `${'{"more":'.repeat(10_000)}"x"${'}'.repeat(10_000)}`;
				const body = `${JSON.stringify(smsReport(2)).slice(0, -1)},"extra":${deep}}`;
				const answer = await post(routeeUrl, body, contentType);
				expect(answer).toEqual({
					status: 400,
					text: 'Bad request: the body nests more than 32 levels deep; no callback does',
				});
				expect(await executionCountAfter(n8n, ROUTEE_WORKFLOW, 1000)).toBe(before);
			},
		);

		test("a 50 MB body without a content type (over n8n's 16 MB default limit): 413, no execution", async () => {
			const before = (await n8n.executions(ROUTEE_WORKFLOW)).length;
			const padding = 'x'.repeat(50 * 1024 * 1024);
			const body = new TextEncoder().encode(
				`${JSON.stringify(smsReport(3)).slice(0, -1)},"padding":"${padding}"}`,
			);
			const answer = await post(routeeUrl, body);
			expect(answer).toEqual({
				status: 413,
				text: "Payload Too Large: the body is over n8n's size limit",
			});
			expect(await executionCountAfter(n8n, ROUTEE_WORKFLOW, 1000)).toBe(before);
		});

		test('one rule for both triggers: a body that is no callback of the provider ({}) is answered 400 with the reason', async () => {
			const routeeBefore = (await n8n.executions(ROUTEE_WORKFLOW)).length;
			const octopushBefore = (await n8n.executions(OCTOPUSH_WORKFLOW)).length;
			const answers = [
				await post(routeeUrl, '{}', 'application/json'),
				await post(octopushUrl, '{}', 'application/json'),
				await post(routeeUrl, '{"hello":"world"}', 'application/json'),
				await post(octopushUrl, '{"hello":"world"}', 'application/json'),
			];
			expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400]);
			for (const answer of answers) expect(answer.text).toMatch(/^Bad request: /);
			expect(await executionCountAfter(n8n, ROUTEE_WORKFLOW, 1000)).toBe(routeeBefore);
			expect((await n8n.executions(OCTOPUSH_WORKFLOW)).length).toBe(octopushBefore);
		});
	});

	describe('Octopush Trigger version 3: secure by default', () => {
		let n8n: N8n;
		let sandbox: Sandbox;
		let callbacksBefore: string;

		beforeAll(async () => {
			({ n8n, sandbox } = context());
			callbacksBefore = JSON.stringify(sandbox.octopush.callbacks);
			const workflow = triggerWorkflow(
				SECURE_WORKFLOW,
				'Octopush Trigger',
				'octopushTrigger',
				SECURE_WEBHOOK,
				// what a new node saves when the user only picks the event: every other parameter at its default
				{ events: ['smsDelivery'] },
				{ octopushApi: { id: CREDENTIALS.octopush.id, name: CREDENTIALS.octopush.name } },
			);
			workflow.nodes[0].typeVersion = 3;
			await n8n.importWorkflows([workflow]);
		}, 120000);

		afterAll(async () => {
			await n8n?.deactivate(SECURE_WORKFLOW).catch(() => undefined);
		});

		test('activation registers the URL with a generated ?token=; only that URL starts executions; the workflow holds no secret; deactivation restores the account', async () => {
			await n8n.activate(SECURE_WORKFLOW);
			const registered = String(sandbox.octopush.callbacks.callback_url_for_deliveries);
			const token = new URL(registered).searchParams.get('token');
			expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
			expect(registered).toBe(`${n8n.webhookUrl(`${SECURE_WEBHOOK}/webhook`)}?token=${token}`);

			const plain = n8n.webhookUrl(`${SECURE_WEBHOOK}/webhook`);
			const refused = [
				await post(plain, JSON.stringify(octopushReport), 'application/json'),
				await post(`${plain}?token=guessed`, JSON.stringify(octopushReport), 'application/json'),
			];
			expect(refused.map((a) => a.status)).toEqual([401, 403]);
			expect(await executionCountAfter(n8n, SECURE_WORKFLOW, 1000)).toBe(0);
			expect(await post(registered, JSON.stringify(octopushReport), 'application/json')).toEqual({
				status: 200,
				text: '',
			});
			const [execution] = await n8n.waitForExecutions(SECURE_WORKFLOW, 1);
			expect(execution.status).toBe('success');

			// the saved workflow (what an export holds, static data included) carries neither the secret nor the URL
			const saved = (await n8n.getWorkflow(SECURE_WORKFLOW)) as WorkflowJson;
			expect(JSON.stringify(saved)).not.toContain(String(token));
			expect(saved.nodes[0].type).toBe(`${PACKAGE_NAME}.octopushTrigger`);

			await n8n.deactivate(SECURE_WORKFLOW);
			expect(JSON.stringify(sandbox.octopush.callbacks)).toBe(callbacksBefore);
		});
	});
}
