// Trigger workflows in real n8n: activation through the REST API, callbacks the sandbox POSTs to
// n8n's production webhook URLs, and the executions n8n records with the normalized events.

import { pressedKeysOf, type Sandbox } from '../sandbox';
import {
	CALLBACK_SECRET,
	CREDENTIALS,
	declaredTypes,
	loadExamples,
	outputOf,
	PACKAGE_NAME,
	type ExecutionJson,
	type N8n,
	type WorkflowJson,
} from './n8n';

const callbackSecret = { id: CREDENTIALS.callbackSecret.id, name: CREDENTIALS.callbackSecret.name };
const VOICE_SMS_EXAMPLE = 'octopush-voice-sms-campaign.json';

export function triggerWorkflow(
	id: string,
	name: string,
	type: string,
	webhookId: string,
	parameters: Record<string, unknown>,
	credentials?: Record<string, unknown>,
): WorkflowJson {
	return {
		id,
		name,
		nodes: [
			{
				id: `${id}-trigger`,
				name,
				type: `${PACKAGE_NAME}.${type}`,
				typeVersion: 2,
				position: [0, 0],
				webhookId,
				parameters,
				...(credentials ? { credentials } : {}),
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

/** The events the trigger output in each execution, in execution order. */
export function eventsOf(
	executions: ExecutionJson[],
	nodeName: string,
): Array<Record<string, any>> {
	return executions.flatMap((execution) => outputOf(execution, nodeName).map((item) => item.json));
}

/** Waits `ms` and returns the workflow's execution count (to show that nothing started). */
export async function executionCountAfter(
	n8n: N8n,
	workflowId: string,
	ms: number,
): Promise<number> {
	await new Promise((resolve) => setTimeout(resolve, ms));
	return (await n8n.executions(workflowId)).length;
}

/** Sends one SMS through the sandbox's Routee API with `callbackUrl` (as the Routee node does); resolves with its messageId. */
export async function sendSmsThroughSandbox(
	sandbox: Sandbox,
	to: string,
	callbackUrl: string,
): Promise<string> {
	const [[applicationId, secret]] = [...sandbox.routee.applications];
	const token = await fetch(sandbox.routeeTokenUrl, {
		method: 'POST',
		headers: {
			authorization: `Basic ${Buffer.from(`${applicationId}:${secret}`).toString('base64')}`,
			'content-type': 'application/x-www-form-urlencoded',
		},
		body: 'grant_type=client_credentials',
	}).then(async (r) => ((await r.json()) as { access_token: string }).access_token);
	const response = await fetch(`${sandbox.routeeBaseUrl}/sms`, {
		method: 'POST',
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
		body: JSON.stringify({
			from: 'Sandbox',
			to,
			body: 'Your code is 1234',
			callback: { url: callbackUrl, strategy: 'OnCompletion' },
		}),
	});
	expect(response.status).toBe(200);
	// A single SMS answers its messageId as `trackingId` (callbacks carry it as `messageId`).
	return ((await response.json()) as { trackingId: string }).trackingId;
}

export function registerTriggerTests(context: () => { n8n: N8n; sandbox: Sandbox }): void {
	const declared = declaredTypes().nodes;
	const has = (name: string) => declared.includes(`${PACKAGE_NAME}.${name}`);

	(has('octopushTrigger') ? describe : describe.skip)(
		'Octopush Trigger (automatic registration)',
		() => {
			const workflowId = 'e2eoctopushtrig1';
			const name = 'Octopush Trigger';
			const webhookId = 'e2e-octopush-trigger';
			const previous = {
				callback_url_for_deliveries: 'https://crm.example.com/octopush/deliveries',
				callback_url_for_inbounds: 'https://crm.example.com/octopush/replies',
				callback_url_for_blacklisted_numbers: null,
			};
			let n8n: N8n;
			let sandbox: Sandbox;
			let url: string;
			let voiceSmsWorkflowId: string;

			beforeAll(async () => {
				({ n8n, sandbox } = context());
				url = `${n8n.webhookUrl(`${webhookId}/webhook`)}?token=${CALLBACK_SECRET}`;
				Object.assign(sandbox.octopush.callbacks, previous);
				const example = (await loadExamples()).find((e) => e.file === VOICE_SMS_EXAMPLE);
				if (!example)
					throw new Error(
						`examples/${VOICE_SMS_EXAMPLE} is missing: the trigger test sends its campaign`,
					);
				voiceSmsWorkflowId = example.workflow.id;
				await n8n.importWorkflows([
					example.workflow,
					triggerWorkflow(
						workflowId,
						name,
						'octopushTrigger',
						webhookId,
						{
							registration: 'automatic',
							events: ['inbound', 'smsDelivery', 'stop', 'voiceDelivery'],
							callerAuthentication: 'queryToken',
						},
						{
							octopushApi: { id: CREDENTIALS.octopush.id, name: CREDENTIALS.octopush.name },
							routeeOctopushCallbackSecretApi: callbackSecret,
						},
					),
				]);
			}, 120000);

			test("activation points the account's callback URLs at the production webhook URL", async () => {
				await n8n.activate(workflowId);
				expect(sandbox.octopush.callbacks).toMatchObject({
					callback_url_for_deliveries: url,
					callback_url_for_inbounds: url,
					callback_url_for_blacklisted_numbers: url,
				});
				const edits = sandbox.requestsTo('octopush', 'PATCH', '/user/campaign-parameters/edit');
				// the whole settings are written back, only the three URLs changed
				expect(edits.map((r) => r.body)).toEqual([
					{
						...sandbox.octopush.settings,
						callbacks: {
							...sandbox.octopush.callbacks,
							callback_url_for_blacklisted_numbers: url,
							callback_url_for_deliveries: url,
							callback_url_for_inbounds: url,
						},
					},
				]);
			});

			test('delivery reports of a voice SMS campaign sent by the Octopush node become executions with normalized events', async () => {
				const run = await n8n.execute(voiceSmsWorkflowId);
				expect(run.status).toBe('success');
				const [{ json: sent }] = outputOf(run, 'Octopush');
				const recipients = (
					sandbox.requestsTo('octopush', 'POST', '/voice-campaign/send')[0].body as {
						recipients: Array<{ phone_number: string }>;
					}
				).recipients.map((r) => r.phone_number);
				expect(recipients).toHaveLength(2);

				const executions = await n8n.waitForExecutions(workflowId, 2);
				expect(executions.map((e) => [e.mode, e.status])).toEqual([
					['webhook', 'success'],
					['webhook', 'success'],
				]);
				const events = eventsOf(executions, name).sort((a, b) =>
					String(a.to).localeCompare(String(b.to)),
				);
				expect(events).toEqual(
					[...recipients].sort().map((to) => ({
						eventId: expect.stringMatching(/^octopush-voiceDelivery-[0-9a-f]{32}$/),
						provider: 'octopush',
						kind: 'voiceDelivery',
						messageId: sent.ticket_number,
						campaignId: sent.ticket_number,
						ticket_number: sent.ticket_number,
						to,
						status: 'DELIVERED',
						isFinal: true,
						detailedStatus: null,
						digits: pressedKeysOf(to),
						durationSeconds: 12,
						price: expect.any(Number),
						at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/),
						raw: expect.objectContaining({
							message_id: sent.ticket_number,
							number: to,
							status: 'DELIVERED',
						}),
					})),
				);
				// Octopush's delivery_date has no offset; without a Time Zone of Callback Dates it is read in UTC
				for (const event of events)
					expect(event.at).toBe(`${String(event.raw.delivery_date).replace(' ', 'T')}+00:00`);
				const delivered = sandbox.callbacksSent.filter(
					(c) => c.kind === 'octopush.delivery' && c.url === url,
				);
				expect(delivered.map((c) => c.status)).toEqual([200, 200]);
			});

			test('an inbound reply and a STOP opt-out become executions', async () => {
				await sandbox.simulateInbound('+33612345678', 'YES please');
				await sandbox.simulateStop('+33612345678');
				const executions = await n8n.waitForExecutions(workflowId, 4);
				const events = eventsOf(executions.slice(2), name);
				expect(events.map((e) => [e.kind, e.to])).toEqual([
					['inbound', '+33612345678'],
					['stop', '+33612345678'],
				]);
				expect(events[0].raw).toMatchObject({ text: 'YES please' });
			});

			test('a caller without the secret is refused and starts no execution', async () => {
				const before = (await n8n.executions(workflowId)).length;
				const payload = {
					message_id: 'sms_x',
					number: '+33612345678',
					status: 'DELIVERED',
					delivery_date: '2026-01-01 10:00:00',
					channel: 'sms',
				};
				const noToken = await fetch(n8n.webhookUrl(`${webhookId}/webhook`), {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify(payload),
				});
				const wrongToken = await fetch(`${n8n.webhookUrl(`${webhookId}/webhook`)}?token=wrong`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify(payload),
				});
				const badBody = await fetch(url, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ hello: 'world' }),
				});
				expect([noToken.status, wrongToken.status, badBody.status]).toEqual([401, 403, 400]);
				expect(await executionCountAfter(n8n, workflowId, 1500)).toBe(before);
			});

			test('"Test this trigger" while the workflow is active leaves the account as it is; the test callback runs; production gets the next one', async () => {
				const settings = JSON.stringify(sandbox.octopush.settings);
				const patches = () =>
					sandbox.requestsTo('octopush', 'PATCH', '/user/campaign-parameters/edit').length;
				const patchesBefore = patches();
				const testUrl = `${n8n.webhookUrl(`${webhookId}/webhook`).replace('/webhook/', '/webhook-test/')}?token=${CALLBACK_SECRET}`;
				const executionsBefore = (await n8n.executions(workflowId)).length;

				// what the editor's "Test this trigger" sends: n8n registers the test webhook (the node's create in manual mode)
				const listening = await n8n.request('POST', `/rest/workflows/${workflowId}/run`, {
					triggerToStartFrom: { name },
				});
				expect(listening).toMatchObject({ waitingForWebhook: true });
				expect(JSON.stringify(sandbox.octopush.settings)).toBe(settings);

				// the user sends a test callback to the test URL, as the node's notice says; n8n then ends the test listen
				const payload = {
					message_id: 'sms_test',
					number: '+33612345670',
					status: 'DELIVERED',
					delivery_date: '2026-01-01 10:00:00',
					channel: 'sms',
				};
				const answer = await fetch(testUrl, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify(payload),
				});
				expect(answer.status).toBe(200);
				const afterTest = await n8n.waitForExecutions(workflowId, executionsBefore + 1);
				const testRun = afterTest[afterTest.length - 1];
				expect(testRun.mode).toBe('manual');
				expect(eventsOf([testRun], name)).toEqual([
					expect.objectContaining({
						kind: 'smsDelivery',
						to: '+33612345670',
						ticket_number: 'sms_test',
					}),
				]);
				await new Promise((resolve) => setTimeout(resolve, 1000));
				expect(JSON.stringify(sandbox.octopush.settings)).toBe(settings);

				// a second listen the user cancels: the account is still untouched
				await n8n.request('POST', `/rest/workflows/${workflowId}/run`, {
					triggerToStartFrom: { name },
				});
				await n8n.request('DELETE', `/rest/test-webhook/${workflowId}`);
				expect(JSON.stringify(sandbox.octopush.settings)).toBe(settings);
				expect(patches()).toBe(patchesBefore);

				// the production workflow still receives the account's next callback
				await sandbox.simulateInbound('+33612345671', 'after the test');
				const executions = await n8n.waitForExecutions(workflowId, executionsBefore + 2);
				const last = executions[executions.length - 1];
				expect(last.mode).toBe('webhook');
				expect(eventsOf([last], name)).toEqual([
					expect.objectContaining({ kind: 'inbound', to: '+33612345671' }),
				]);
				expect(sandbox.callbacksSent[sandbox.callbacksSent.length - 1]).toMatchObject({
					url,
					status: 200,
				});
			});

			test("deactivation restores the account's previous callback URLs exactly", async () => {
				await n8n.deactivate(workflowId);
				expect(sandbox.octopush.callbacks).toMatchObject(previous);
			});

			test('"Test this trigger" on an account with no URLs: the test URL is registered, and the test callback ends the listen and removes it', async () => {
				const none = {
					callback_url_for_deliveries: null,
					callback_url_for_inbounds: null,
					callback_url_for_blacklisted_numbers: null,
				};
				Object.assign(sandbox.octopush.callbacks, none);
				const settings = JSON.stringify(sandbox.octopush.settings);
				const testUrl = `${n8n.webhookUrl(`${webhookId}/webhook`).replace('/webhook/', '/webhook-test/')}?token=${CALLBACK_SECRET}`;
				const executionsBefore = (await n8n.executions(workflowId)).length;
				await n8n.request('POST', `/rest/workflows/${workflowId}/run`, {
					triggerToStartFrom: { name },
				});
				expect(sandbox.octopush.callbacks).toMatchObject({
					callback_url_for_deliveries: testUrl,
					callback_url_for_inbounds: testUrl,
					callback_url_for_blacklisted_numbers: testUrl,
				});
				// the sandbox's own reply reaches the editor's test listen
				await sandbox.simulateInbound('+33612345672', 'test reply');
				const executions = await n8n.waitForExecutions(workflowId, executionsBefore + 1);
				expect(executions[executions.length - 1].mode).toBe('manual');
				const deadline = Date.now() + 10000;
				while (JSON.stringify(sandbox.octopush.settings) !== settings && Date.now() < deadline)
					await new Promise((resolve) => setTimeout(resolve, 200));
				expect(JSON.stringify(sandbox.octopush.settings)).toBe(settings);
			});
		},
	);

	(has('routeeTrigger') ? describe : describe.skip)('Routee Trigger', () => {
		const workflowId = 'e2erouteetrigge1';
		const name = 'Routee Trigger';
		const webhookId = 'e2e-routee-trigger';
		let n8n: N8n;
		let sandbox: Sandbox;
		let url: string;

		beforeAll(async () => {
			({ n8n, sandbox } = context());
			url = `${n8n.webhookUrl(`${webhookId}/webhook`)}?token=${CALLBACK_SECRET}`;
			await n8n.importWorkflows([
				triggerWorkflow(
					workflowId,
					name,
					'routeeTrigger',
					webhookId,
					{
						events: ['campaignProgress', 'conversationStatus', 'dtmf', 'smsStatus', 'voiceStatus'],
						callerAuthentication: 'queryToken',
					},
					{ routeeOctopushCallbackSecretApi: callbackSecret },
				),
			]);
		}, 120000);

		afterAll(async () => {
			await n8n?.deactivate(workflowId).catch(() => undefined);
		});

		test('activation registers nothing with Routee (callback URLs travel with each request)', async () => {
			await n8n.activate(workflowId);
			expect(sandbox.requests).toEqual([]);
		});

		test('the final status of an SMS becomes an execution with the normalized event', async () => {
			const messageId = await sendSmsThroughSandbox(sandbox, '+33612345678', url);
			const [execution] = await n8n.waitForExecutions(workflowId, 1);
			expect([execution.mode, execution.status]).toEqual(['webhook', 'success']);
			const [event] = eventsOf([execution], name);
			// Routee's updatedDate (UTC, milliseconds) to the second, with its offset
			const updated = Date.parse(event.raw.status.updatedDate);
			expect(event.at).toBe(
				new Date(updated - (updated % 1000)).toISOString().replace('.000Z', '+00:00'),
			);
			expect(eventsOf([execution], name)).toEqual([
				{
					eventId: expect.stringMatching(/^routee-smsStatus-[0-9a-f]{32}$/),
					provider: 'routee',
					kind: 'smsStatus',
					messageId,
					campaignId: null,
					to: '+33612345678',
					status: 'Delivered',
					isFinal: true,
					detailedStatus: 'Delivered',
					digits: null,
					durationSeconds: null,
					price: expect.any(Number),
					at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
					raw: expect.objectContaining({
						messageId,
						to: '+33612345678',
						status: expect.objectContaining({ name: 'Delivered' }),
					}),
				},
			]);
		});

		test('the same callback POSTed again starts no second execution', async () => {
			const [first] = sandbox.callbacksSent.filter(
				(c) => c.kind === 'routee.sms' && c.url === url && c.status === 200,
			);
			const again = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(first.body),
			});
			expect(again.status).toBe(200);
			expect(await executionCountAfter(n8n, workflowId, 1500)).toBe(1);
		});
	});

	(has('routeeTrigger') ? describe : describe.skip)(
		'Trigger caller authentication: the secret lives in a credential',
		() => {
			const oldSecret = 'old-parameter-secret-71c4';

			test("the saved workflow holds no secret: n8n answers it without the credential's value", async () => {
				const { n8n } = context();
				const workflow = await n8n.getWorkflow('e2erouteetrigge1');
				const trigger = (workflow as WorkflowJson).nodes[0];
				expect(trigger.credentials).toEqual({ routeeOctopushCallbackSecretApi: callbackSecret });
				expect(JSON.stringify(workflow)).not.toContain(CALLBACK_SECRET);
			});

			test("the credential's Test (n8n's credential-test endpoint, through the triggers' testedBy) checks the secret", async () => {
				const { n8n } = context();
				const { id, name, type } = CREDENTIALS.callbackSecret;
				expect(await n8n.testCredential({ id, name, type, data: { secret: 'short' } })).toEqual({
					status: 'Error',
					message: 'The secret has 5 characters: use a random value of at least 16.',
				});
				expect(
					await n8n.testCredential({ id, name, type, data: { secret: CALLBACK_SECRET } }),
				).toMatchObject({ status: 'OK' });
			});

			test.each([
				// our activation check: the mode is gone, the error says what to change
				[
					'Basic auth',
					{
						callerAuthentication: 'basicAuth',
						basicAuthUser: 'routee',
						basicAuthPassword: oldSecret,
					},
					/Caller authentication moved to a credential: create a 'Routee\/Octopush Callback Secret API' credential/,
				],
				// n8n refuses it before the trigger runs: the mode needs the credential
				[
					'Secret Token in URL without a credential',
					{ callerAuthentication: 'queryToken', queryParameterName: 'key', token: oldSecret },
					/Missing required credential: routeeOctopushCallbackSecretApi/,
				],
			])(
				'a workflow saved with the old parameters (%s) fails to activate, saying what to change',
				async (label, parameters, reason) => {
					const { n8n } = context();
					const id = label.startsWith('Basic') ? 'e2eoldcallerau1' : 'e2eoldcallerau2';
					await n8n.importWorkflows([
						triggerWorkflow(id, 'Routee Trigger', 'routeeTrigger', `e2e-old-caller-auth-${id}`, {
							events: ['smsStatus'],
							...parameters,
						}),
					]);
					const error = await n8n.activate(id).then(
						() => undefined,
						(e: Error) => e,
					);
					await n8n.deactivate(id).catch(() => undefined);
					expect(error?.message).toMatch(reason);
					expect(error?.message).not.toContain(oldSecret);
				},
			);
		},
	);
}
