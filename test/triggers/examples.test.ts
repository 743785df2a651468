// The trigger examples in examples/: their trigger fed by the sandbox's real callbacks, their IF conditions
// applied to what the trigger outputs, and (Routee) their action node run on what passes the IF.

import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { IDataObject, INode } from 'n8n-workflow';

import { Harness, type WorkflowJson } from '../harness';
import { Sandbox } from '../sandbox';
import { octopush, routee, token } from '../sandbox/test-client';
import { TriggerHost } from './host';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
/** The secret of the examples' "Callback secret (sandbox)" credential, as the demo imports it (scripts/examples.mjs). */
const CALLBACK_SECRET = 'sandbox-callback-secret-2f9c';
const load = (file: string) =>
	JSON.parse(readFileSync(path.join(EXAMPLES, file), 'utf8')) as WorkflowJson;

interface Condition {
	leftValue: string;
	rightValue: string;
	operator: { type: string; operation: string };
}

/** The IF node's conditions (string equals on `$json.<field>`) applied to an event, as IF v2 evaluates them. */
function passesIf(ifNode: INode, event: IDataObject): boolean {
	const { conditions, combinator } = ifNode.parameters.conditions as unknown as {
		conditions: Condition[];
		combinator: 'and' | 'or';
	};
	const results = conditions.map((condition) => {
		expect(condition.operator).toEqual({ type: 'string', operation: 'equals' });
		const field = /^=\{\{ \$json\.(\w+) \}\}$/.exec(condition.leftValue)?.[1];
		expect(field && field in event).toBe(true);
		return event[field as string] === condition.rightValue;
	});
	return combinator === 'and' ? results.every(Boolean) : results.some(Boolean);
}

/** Trigger → IF (true branch) → action, the shape both examples have. */
function chain(
	workflow: WorkflowJson,
	triggerType: string,
	actionType: string,
): { trigger: INode; ifNode: INode; action: INode } {
	const trigger = workflow.nodes.find((n) => n.type === triggerType) as INode;
	const ifNode = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.if') as INode;
	const action = workflow.nodes.find((n) => n.type === actionType) as INode;
	expect([trigger, ifNode, action].every(Boolean)).toBe(true);
	expect(workflow.nodes).toHaveLength(3);
	expect(trigger.webhookId).toMatch(/^[0-9a-f-]{36}$/);
	expect(workflow.connections[trigger.name].main).toEqual([
		[{ node: ifNode.name, type: 'main', index: 0 }],
	]);
	expect(workflow.connections[ifNode.name].main[0]).toEqual([
		{ node: action.name, type: 'main', index: 0 },
	]);
	return { trigger, ifNode, action };
}

/** The path of the CRM stand-in's Webhook, which the examples' "Update the CRM" requests call. */
function crmPath(): string {
	const webhook = load('crm-stand-in.json').nodes.find(
		(n) => n.type === 'n8n-nodes-base.webhook',
	) as INode;
	expect(webhook.parameters).toMatchObject({ httpMethod: 'POST', responseMode: 'lastNode' });
	return String(webhook.parameters.path);
}

let h: Harness;
let sandbox: Sandbox;
const hosts: TriggerHost[] = [];

beforeAll(async () => {
	h = await Harness.create();
	sandbox = await Sandbox.start({ deliveryDelayMs: 10 });
	h.addCredential(
		'routeeOAuth2Api',
		{
			applicationId: 'sandbox-app',
			applicationSecret: 'sandbox-secret',
			baseUrl: sandbox.routeeBaseUrl,
			tokenUrl: sandbox.routeeTokenUrl,
		},
		'routee-sandbox',
	);
	h.addCredential(
		'octopushApi',
		{ apiLogin: 'sandbox@example.com', apiKey: 'sandbox-key', baseUrl: sandbox.octopushBaseUrl },
		'octopush-sandbox',
	);
	h.addCredential(
		'routeeOctopushCallbackSecretApi',
		{ secret: CALLBACK_SECRET },
		'callback-secret-sandbox',
	);
});
afterAll(async () => {
	await Promise.all(hosts.map((host) => host.close()));
	await sandbox.stop();
});

test('Routee: a voice call not answered → IF → an SMS to that number', async () => {
	const workflow = load('trigger-routee-call-not-answered-send-sms.json');
	const { trigger, ifNode, action } = chain(
		workflow,
		'n8n-nodes-routee-octopush.routeeTrigger',
		'n8n-nodes-routee-octopush.routee',
	);
	expect(action.parameters).toMatchObject({ resource: 'sms', operation: 'send' });
	expect(action.credentials?.routeeOAuth2Api?.name).toBe('Routee sandbox');

	// the example authenticates Routee with ?token= and the secret of its credential, which it does not carry
	expect(trigger.parameters.callerAuthentication).toBe('queryToken');
	expect(trigger.credentials?.routeeOctopushCallbackSecretApi?.name).toBe(
		'Callback secret (sandbox)',
	);
	expect(JSON.stringify(workflow)).not.toContain(CALLBACK_SECRET);
	const host = await TriggerHost.start(h, 'routeeTrigger', {
		parameters: trigger.parameters,
		credentials: trigger.credentials,
	});
	hosts.push(host);
	const bearer = await token(sandbox);
	const numbers = ['+306900000000', '+306900001111', '+306900000001'];
	const campaign = await routee(sandbox, bearer, 'POST', '/voice/campaign', {
		from: '+306900009999',
		to: numbers,
		message: { text: 'Your appointment is tomorrow at nine', language: 'en-GB', gender: 'female' },
		callback: { url: `${host.url}?token=${CALLBACK_SECRET}`, strategy: 'OnChange' },
	});
	expect(campaign.status).toBe(200);
	await sandbox.waitForCallbacks(
		(sent) =>
			sent.filter(
				(s) =>
					s.kind === 'routee.voice' &&
					['NoAnswer', 'Busy', 'Completed'].includes((s.body as any).status.name),
			).length === 3,
	);

	// Final Statuses Only: one event per call, at its end
	expect(host.events.map((e) => [e.to, e.status]).sort()).toEqual([
		['+306900000000', 'NoAnswer'],
		['+306900000001', 'Completed'],
		['+306900001111', 'Busy'],
	]);
	const notAnswered = host.events.filter((event) => passesIf(ifNode, event));
	expect(notAnswered.map((e) => e.to).sort()).toEqual(['+306900000000', '+306900001111']);

	sandbox.clearRequests();
	const run = await h.run(
		{
			nodes: [{ ...action, type: h.nodeType('routee') }],
			connections: {},
			settings: workflow.settings,
		},
		{ input: notAnswered.map((json) => ({ json })) },
	);
	expect(run.error).toBeUndefined();
	const sent = sandbox.requestsTo('routee', 'POST', '/sms');
	expect(sent.map((r) => (r.body as IDataObject).to).sort()).toEqual([
		'+306900000000',
		'+306900001111',
	]);
	expect(sent[0].body).toMatchObject({ from: 'MyClinic', body: action.parameters.body });
	expect(run.output[action.name]).toHaveLength(2);
});

test('Octopush: the callee pressed 1 → IF → the CRM request', async () => {
	const workflow = load('trigger-octopush-pressed-1-update-crm.json');
	const { trigger, ifNode, action } = chain(
		workflow,
		'n8n-nodes-routee-octopush.octopushTrigger',
		'n8n-nodes-base.httpRequest',
	);
	expect(trigger.credentials?.octopushApi?.name).toBe('Octopush sandbox');
	// the demo's CRM stand-in (examples/crm-stand-in.json: a Webhook on this path)
	expect(action.parameters).toMatchObject({
		method: 'POST',
		url: `http://127.0.0.1:5678/webhook/${crmPath()}`,
	});

	const host = await TriggerHost.start(h, 'octopushTrigger', {
		parameters: trigger.parameters,
		credentials: trigger.credentials,
	});
	hosts.push(host);
	expect(await host.hook('create')).toBe(true);
	expect(sandbox.octopush.callbacks.callback_url_for_deliveries).toBe(
		`${host.url}?token=${CALLBACK_SECRET}`,
	);
	expect(JSON.stringify(workflow)).not.toContain(CALLBACK_SECRET);

	const voice = await octopush(sandbox, 'POST', '/voice-campaign/send', {
		text: 'Votre rendez-vous est demain. Tapez 1 pour confirmer.',
		recipients: ['+33600000101', '+33600000102', '+33600000103'].map((phone_number) => ({
			phone_number,
		})),
		sender: 'Clinique',
		purpose: 'alert',
		type: 'voice_sms',
		voice_language: 'fr-FR',
		voice_gender: 'female',
		get_back_pressed_keys: true,
	});
	expect(voice.status).toBe(200);
	await sandbox.waitForCallbacks(
		(sent) => sent.filter((s) => s.kind === 'octopush.delivery').length >= 3,
	);
	// only the deliveries URL is taken: the account's inbound and STOP URLs stay as they were
	expect(sandbox.octopush.callbacks.callback_url_for_inbounds).toBeNull();
	// an SMS report reaching the same URL does not start it
	expect(
		(
			await host.post(
				{ message_id: 'sms_1', number: '+33600000104', status: 'DELIVERED', channel: 'sms' },
				{ suffix: `?token=${CALLBACK_SECRET}` },
			)
		).status,
	).toBe(200);
	expect(await host.hook('delete')).toBe(true);

	// only "1" passes the IF
	expect(host.events.map((e) => e.kind)).toEqual([
		'voiceDelivery',
		'voiceDelivery',
		'voiceDelivery',
	]);
	const confirmed = host.events.filter((event) => passesIf(ifNode, event));
	expect(confirmed.map((e) => [e.to, e.digits])).toEqual([['+33600000101', '1']]);

	// the CRM request reads fields the trigger outputs
	const parameters = (
		action.parameters.bodyParameters as { parameters: Array<{ name: string; value: string }> }
	).parameters;
	for (const { value } of parameters) {
		for (const [, field] of value.matchAll(/\$json\.(\w+)/g))
			expect(confirmed[0]).toHaveProperty(field);
	}
});

test('Routee: key pressed 1 (COLLECT to its URL, as the voice-call examples send it) → IF → the CRM request', async () => {
	const workflow = load('trigger-routee-key-pressed-update-crm.json');
	const { trigger, ifNode, action } = chain(
		workflow,
		'n8n-nodes-routee-octopush.routeeTrigger',
		'n8n-nodes-base.httpRequest',
	);
	expect(trigger.parameters).toMatchObject({
		events: ['dtmf'],
		callerAuthentication: 'queryToken',
	});
	expect(action.parameters).toMatchObject({
		method: 'POST',
		url: `http://127.0.0.1:5678/webhook/${crmPath()}`,
	});
	expect(JSON.stringify(workflow)).not.toContain(CALLBACK_SECRET);
	// the examples that call send their key presses to this trigger's Production URL, with the token
	const url = `http://127.0.0.1:5678/webhook/${String(trigger.webhookId)}/webhook?token=${CALLBACK_SECRET}`;
	const collectUrls = (file: string) =>
		load(file).nodes.flatMap((n) =>
			(
				(n.parameters.verbs as { verb?: Array<{ type: string; eventUrl?: string }> } | undefined)
					?.verb ?? []
			)
				.filter((v) => v.type === 'COLLECT')
				.map((v) => v.eventUrl),
		);
	expect(collectUrls('routee-voice-conversation.json')).toEqual([url]);
	expect(collectUrls('order-call-then-triggers.json')).toEqual([url]);

	const host = await TriggerHost.start(h, 'routeeTrigger', {
		parameters: trigger.parameters,
		credentials: trigger.credentials,
	});
	hosts.push(host);
	const bearer = await token(sandbox);
	for (const [index, to] of ['+306900000001', '+306900000002', '+306900000000'].entries()) {
		if (index > 0) await new Promise((resolve) => setTimeout(resolve, 1100)); // Routee's conversation rate limit
		const call = await routee(sandbox, bearer, 'POST', '/voice/conversation', {
			from: '+306900009999',
			to: { phone: to },
			dialPlan: {
				verbs: [
					{ type: 'SAY', message: { text: 'Press 1', language: 'en-GB' } },
					{ type: 'COLLECT', eventUrl: `${host.url}?token=${CALLBACK_SECRET}`, maxDigits: 1 },
				],
			},
			callback: { url: `${host.url}?token=${CALLBACK_SECRET}`, strategy: 'OnChange' },
		});
		expect(call.status).toBe(200);
	}
	await sandbox.waitForCallbacks(
		(sent) =>
			sent.filter(
				(s) =>
					s.kind === 'routee.conversation' &&
					['NoAnswer', 'Completed'].includes((s.body as any).status.name),
			).length === 3,
	);
	// only the key presses start it (the unanswered call pressed none); the call statuses are left out
	expect(host.events.map((e) => [e.kind, e.to, e.digits])).toEqual([
		['dtmf', '+306900000001', '1'],
		['dtmf', '+306900000002', '2'],
	]);
	const confirmed = host.events.filter((event) => passesIf(ifNode, event));
	expect(confirmed.map((e) => e.to)).toEqual(['+306900000001']);
	const parameters = (
		action.parameters.bodyParameters as { parameters: Array<{ name: string; value: string }> }
	).parameters;
	for (const { value } of parameters) {
		for (const [, field] of value.matchAll(/\$json\.(\w+)/g))
			expect(confirmed[0]).toHaveProperty(field);
	}
});
