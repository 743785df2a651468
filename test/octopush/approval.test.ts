// Octopush → SMS → Send for Approval (operation value `sendAndWait`, also n8n's Human review gate for AI agent
// tools): the SMS the approver gets ends with the execution's signed approval link; the execution waits; opening the
// link only shows the page (a messaging app's link preview must not decide), the page's button (a POST) resumes with
// approved true or false. The whole loop with an AI Agent in real n8n: test/e2e/approval.ts.

import path from 'node:path';

import type { IDataObject, INode, INodeType } from 'n8n-workflow';

import { Harness, PACKAGE_DIR } from '../harness';
import { TOOL_CALLER, toolCaller, toolVariant } from '../support/agent-tool';
import { TriggerHost } from '../triggers/host';
import { useTestbed } from '../support/testbed';
import { startTestbed } from './setup';

const t = useTestbed(async () => await startTestbed({ deliveryDelayMs: 5 }));
const hosts: TriggerHost[] = [];
afterEach(async () => {
	await Promise.all(hosts.splice(0).map((host) => host.close()));
});

const approval = {
	resource: 'sms',
	operation: 'sendAndWait',
	sender: 'MyShop',
	to: '+33612345678',
	message: 'Refund 120 euros to order 4411?',
	timeLimitMinutes: 5,
	options: {},
};

/** The node's approval page, served as n8n serves the execution's signed per-node resume URL. */
async function page(parameters: IDataObject = approval): Promise<TriggerHost> {
	const host = await TriggerHost.start(t.harness, 'octopush', {
		parameters: parameters as never,
		typeVersion: 2,
		credentials: { octopushApi: t.credential },
	});
	hosts.push(host);
	return host;
}

const decide = async (host: TriggerHost, decision: string) =>
	await fetch(host.url, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: `decision=${decision}`,
	});

describe('Octopush → SMS → Send for Approval', () => {
	test('sends one premium, transactional SMS whose text ends with the signed approval link, and the execution waits', async () => {
		const run = await t.run(approval, { typeVersion: 2 });
		expect(run.status).toBe('waiting');
		const [body] = t.bodies('POST', '/sms-campaign/send') as IDataObject[];
		expect(body).toEqual({
			text: expect.stringMatching(
				/^Refund 120 euros to order 4411\?\nApprove or decline: http:\/\/127\.0\.0\.1:\d+\/webhook-waiting\/[^/]+\/node-under-test\?signature=[0-9a-f]{64}$/,
			),
			recipients: [{ phone_number: '+33612345678' }],
			type: 'sms_premium',
			purpose: 'alert',
			sender: 'MyShop',
			request_id: expect.stringMatching(/^f[0-9a-z]{12}-0$/),
		});
		// what n8n passes on at the Time Limit; the link (its signature) is in no output
		expect(run.items).toEqual([
			{
				json: expect.objectContaining({
					approved: false,
					reason: 'timedOut',
					timedOut: true,
					to: '+33612345678',
					ticket: expect.any(String),
				}),
				pairedItem: { item: 0 },
			},
		]);
		expect(JSON.stringify(run.items)).not.toContain('signature');
	});

	test('opening the link shows the page with the two buttons and decides nothing', async () => {
		const host = await page({
			...approval,
			options: { approveLabel: 'Accepter', declineLabel: 'Refuser' },
		});
		const opened = await fetch(host.url);
		expect(opened.status).toBe(200);
		expect(opened.headers.get('content-type')).toMatch(/^text\/html/);
		const html = await opened.text();
		expect(html).toContain(
			'<button type="submit" name="decision" value="approve">Accepter</button>',
		);
		expect(html).toContain(
			'<button type="submit" name="decision" value="decline">Refuser</button>',
		);
		expect(html).not.toMatch(/<script/i);
		expect(host.executions).toEqual([]);
	});

	test.each([
		['approve', { approved: true, reason: 'approved' }],
		['decline', { approved: false, reason: 'declined' }],
	])(
		'the page\'s "%s" button resumes the execution with its answer',
		async (decision, expected) => {
			const host = await page();
			const answered = await decide(host, decision);
			expect(answered.status).toBe(200);
			expect(await answered.text()).toContain('Your answer is recorded');
			expect(host.events).toEqual([
				{ ...expected, timedOut: false, decidedAt: expect.any(String) },
			]);
		},
	);

	test('a POST without a decision shows the page again (400) and resumes nothing', async () => {
		const host = await page();
		const answered = await decide(host, 'maybe');
		expect(answered.status).toBe(400);
		expect(host.executions).toEqual([]);
	});

	test.each([
		['an empty message (an expression)', { message: '={{ "" }}' }, 'Message', /^Message is empty/],
		['a To that is no phone number', { to: 'call me' }, 'To', /^To may hold only digits/],
	])(
		'%s is refused before anything is sent, naming the field',
		async (_what, change, label, why) => {
			const run = await t.run({ ...approval, ...change }, { typeVersion: 2 });
			expect(run.status).toBe('error');
			expect(run.error?.message).toBe(`${label} is not valid [item 0]`);
			expect(run.error?.description).toMatch(why);
			expect(t.bodies('POST', '/sms-campaign/send')).toEqual([]);
		},
	);

	test('more than one input item is refused before anything is sent', async () => {
		const run = await t.run(approval, { typeVersion: 2, input: [{ json: {} }, { json: {} }] });
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/Send for Approval handles one input item per execution/);
		expect(t.bodies('POST', '/sms-campaign/send')).toEqual([]);
	});
});

describe("Octopush → SMS → Send for Approval, invoked inline as a tool (the tool node's Execute step)", () => {
	test('is refused before anything is sent: no page could resume a run that does not wait', async () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { Octopush } = require(
			path.join(PACKAGE_DIR, 'dist/nodes/Octopush/Octopush.node.js'),
		) as {
			Octopush: new () => INodeType;
		};
		const harness = await Harness.create({
			extraNodeTypes: {
				[TOOL_CALLER]: toolCaller,
				[t.harness.nodeType('octopushTool')]: toolVariant(new Octopush()),
			},
		});
		const credential = harness.addCredential(
			'octopushApi',
			{
				apiLogin: 'sandbox@example.com',
				apiKey: 'sandbox-key',
				baseUrl: t.sandbox.octopushBaseUrl,
			},
			'octopush-inline-tool',
		);
		const nodes: INode[] = [
			{
				id: 'caller',
				name: 'Agent',
				type: TOOL_CALLER,
				typeVersion: 1,
				position: [0, 0],
				parameters: { args: '{}' },
			},
			{
				id: 'tool',
				name: 'Octopush Tool',
				type: harness.nodeType('octopushTool'),
				typeVersion: 2,
				position: [0, 200],
				parameters: approval as never,
				credentials: { octopushApi: credential },
			},
		];
		const run = await harness.run(
			{
				nodes,
				connections: {
					'Octopush Tool': { ai_tool: [[{ node: 'Agent', type: 'ai_tool', index: 0 }]] },
				},
			},
			{ input: [{ json: {} }] },
		);
		expect(String(run.output.Agent?.[0]?.json.error)).toContain(
			"Send for Approval can't wait for its outcome in this run, so nothing was sent",
		);
		expect(t.bodies('POST', '/sms-campaign/send')).toEqual([]);
	});
});
