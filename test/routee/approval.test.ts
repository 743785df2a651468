// Routee → Voice → Call for Approval (operation value n8n's `sendAndWait`): what the node sends (through n8n's
// engine: the execution ends `waiting`), what its webhook() does with each callback (answer 200 and keep waiting, or
// resume with `approved`), and that n8n turns the node into a "Human review" gate for AI agent tools: n8n's own
// `hasSendAndWaitOperation` and `convertNodeToHitlTool`, loaded from each n8n installed in .cache/n8n/<version>.
// Refused input (an empty Message, a bad To): rows of bad-input.test.ts.

import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

import type { IDataObject, INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { deepCopy } from 'n8n-workflow';

import { Octopush } from '../../nodes/Octopush/Octopush.node';
import { Routee } from '../../nodes/Routee/Routee.node';
import { TriggerHost } from '../triggers/host';
import { useTestbed } from '../support/testbed';
import { routee, token } from '../sandbox/test-client';
import { startTestbed } from './setup';

const t = useTestbed(
	async () => await startTestbed({ deliveryDelayMs: 5, conversationMinIntervalMs: 0 }),
);
const hosts: TriggerHost[] = [];
afterEach(async () => {
	await Promise.all(hosts.splice(0).map((host) => host.close()));
});

async function host(): Promise<TriggerHost> {
	const started = await TriggerHost.start(t.harness, 'routee', {
		parameters: { resource: 'voice', operation: 'sendAndWait' } as never,
		typeVersion: 2,
		credentials: { routeeOAuth2Api: t.credential },
	});
	hosts.push(started);
	return started;
}

async function until(check: () => boolean, what: string): Promise<void> {
	const deadline = Date.now() + 10_000;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

const approval = {
	resource: 'voice',
	operation: 'sendAndWait',
	from: '+306948530920',
	to: '+33612345678',
	message: 'The agent wants to refund 120 euros on order 4411.',
	language: 'en-GB',
	gender: 'female',
	timeLimitMinutes: 5,
	options: {},
};

describe('Voice → Call for Approval: the call', () => {
	test('says the message, then the approval prompt; COLLECT of one key and the OnCompletion callback go to the resume URL; the execution waits', async () => {
		const run = await t.run({ ...approval, options: { hangupDelay: 20 } });
		expect(run.status).toBe('waiting');
		const [request] = t.received('POST', '/voice/conversation');
		const body = request.body as IDataObject;
		const callback = body.callback as IDataObject;
		expect(callback).toEqual({
			url: expect.stringMatching(/\/form-waiting\/[^/?]+/),
			strategy: 'OnCompletion',
		});
		// no path after the execution ID: n8n serves a node-ID suffix of a `sendAndWait` node differently
		expect(new URL(callback.url as string).pathname).toMatch(/^\/form-waiting\/[^/]+$/);
		expect(body).toEqual({
			to: { phone: '+33612345678' },
			from: '+306948530920',
			hangupDelay: 20,
			dialPlan: {
				verbs: [
					{
						type: 'SAY',
						message: {
							text: 'The agent wants to refund 120 euros on order 4411.\nPress 1 to approve, or 2 to decline.',
							language: 'en-GB',
							gender: 'female',
						},
						repeat: 0,
						bargeIn: true,
					},
					{ type: 'COLLECT', eventUrl: callback.url, maxDigits: 1, submitOnHash: true },
				],
			},
			callback,
		});
	});

	test('the approval prompt is configurable; a Default voice sends no gender', async () => {
		await t.run({
			...approval,
			message: 'Remboursement de 120 euros ?',
			approvalPrompt: 'Appuyez sur 1 pour accepter, 2 pour refuser.',
			language: 'fr-FR',
			gender: '',
		});
		const [request] = t.received('POST', '/voice/conversation');
		const [say] = ((request.body as IDataObject).dialPlan as { verbs: IDataObject[] }).verbs;
		expect(say.message).toEqual({
			text: 'Remboursement de 120 euros ?\nAppuyez sur 1 pour accepter, 2 pour refuser.',
			language: 'fr-FR',
		});
	});

	test('while it waits the node says approved: false, reason timedOut (what n8n passes on at the time limit)', async () => {
		const run = await t.run(approval);
		expect(run.status).toBe('waiting');
		expect(run.items).toEqual([
			{
				json: expect.objectContaining({
					approved: false,
					reason: 'timedOut',
					timedOut: true,
					answered: false,
					to: '+33612345678',
					trackingId: expect.any(String),
				}),
				pairedItem: { item: 0 },
			},
		]);
	});

	test('a refused language names the panel field, not a dial plan verb', async () => {
		const run = await t.run({ ...approval, language: '={{ "fr" }}' });
		expect(run.error?.message).toBe('Language is not valid [item 0]');
		expect(t.received('POST', '/voice/conversation')).toEqual([]);
	});

	test('more than one input item is refused with the fix', async () => {
		const run = await t.run(approval, { input: [{ json: {} }, { json: {} }] });
		expect(run.error?.message).toMatch(/^Call for Approval handles one input item per execution/);
		expect(run.error?.description).toMatch(/Loop Over Items/);
		expect(t.received('POST', '/voice/conversation')).toEqual([]);
	});
});

describe('Voice → Call for Approval: the answer', () => {
	test.each([
		['+33612345678', { approved: true, reason: 'approved', digits: '1', answered: true }],
		['+33612345602', { approved: false, reason: 'declined', digits: '2', answered: true }],
		['+33612345603', { approved: false, reason: 'noKeyPressed', digits: '', answered: true }],
		[
			'+33612340000',
			{ approved: false, reason: 'notAnswered', status: 'NoAnswer', answered: false },
		],
		['+33612341111', { approved: false, reason: 'notAnswered', status: 'Busy', answered: false }],
	])(
		'the sandbox calls %s: COLLECT answered 200 without resuming, the final status resumes once with %o',
		async (to, expected) => {
			const waiting = await host();
			const bearer = await token(t.sandbox);
			const started = await routee(t.sandbox, bearer, 'POST', '/voice/conversation', {
				from: '+306948530920',
				to: { phone: to },
				dialPlan: {
					verbs: [
						{ type: 'SAY', message: { text: 'Approve? Press 1', language: 'en-GB' } },
						{ type: 'COLLECT', eventUrl: waiting.url, maxDigits: 1 },
					],
				},
				callback: { url: waiting.url, strategy: 'OnCompletion' },
			});
			expect(started.status).toBe(200);
			await until(() => waiting.executions.length === 1, 'the resume');
			await until(
				() => t.sandbox.callbacksSent.some((c) => c.kind === 'routee.conversation'),
				'the final status',
			);
			expect(waiting.executions[0]).toEqual([
				expect.objectContaining({
					...expected,
					to,
					timedOut: false,
					trackingId: (started.body as IDataObject).trackingId,
				}),
			]);
			expect(typeof waiting.executions[0][0].approved).toBe('boolean');
			const sent = t.sandbox.callbacksSent.filter((c) => c.url === waiting.url);
			expect(sent.every((c) => c.status === 200 && c.attempt === 1)).toBe(true);
			expect(waiting.calls.filter((c) => c.result?.workflowData !== undefined)).toHaveLength(1);
		},
	);

	test('a call that failed: notAnswered, and no tracking is read', async () => {
		const waiting = await host();
		const answer = await waiting.post({
			messageId: 'm-1',
			conversationTrackingId: 't-1',
			to: '+33612345678',
			from: '+306948530920',
			status: { name: 'Failed', updatedDate: '2026-12-04T10:00:00Z' },
			duration: 0,
		});
		expect(answer.status).toBe(200);
		expect(waiting.executions).toEqual([
			[expect.objectContaining({ approved: false, reason: 'notAnswered', status: 'Failed' })],
		]);
		// a call nobody answered has no keys: no tracking was read
		expect(t.received('GET')).toEqual([]);
	});

	test('an intermediate status is answered 200 and keeps the execution waiting', async () => {
		const waiting = await host();
		const answer = await waiting.post({
			messageId: 'm-2',
			to: '+33612345678',
			status: { name: 'Ringing' },
		});
		expect(answer.status).toBe(200);
		expect(waiting.executions).toEqual([]);
	});
});

/** Every n8n installed in .cache/n8n/<version> (scripts/n8n/install.mjs), with its tool generators. */
const CACHE = path.resolve(__dirname, '../../.cache/n8n');
const INSTALLED = existsSync(CACHE)
	? readdirSync(CACHE).filter((version) => existsSync(hitlToolsOf(version)))
	: [];

function hitlToolsOf(version: string): string {
	return path.join(CACHE, version, 'node_modules/n8n/dist/tool-generation/hitl-tools.js');
}

interface HitlTools {
	hasSendAndWaitOperation(description: INodeTypeDescription): boolean;
	convertNodeToHitlTool(item: { description: INodeTypeDescription }): {
		description: INodeTypeDescription;
	};
}

/**
 * n8n's rule when no n8n is installed here, as n8n 2.35.7 and 2.40.7 `dist/tool-generation/hitl-tools.js`
 * `hasSendAndWaitOperation` has it: not a *Tool, has webhooks, and an `operation` property with an option whose
 * value is `sendAndWait` (n8n-workflow SEND_AND_WAIT_OPERATION).
 */
function hasSendAndWaitOperationAsIn240(description: INodeTypeDescription): boolean {
	if (description.name.endsWith('Tool')) return false;
	if (!description.webhooks || description.webhooks.length === 0) return false;
	return description.properties
		.filter((p) => p.name === 'operation')
		.some(
			(p) =>
				Array.isArray(p.options) &&
				p.options.some((o) => typeof o === 'object' && 'value' in o && o.value === 'sendAndWait'),
		);
}

describe('n8n makes the Routee and the Octopush node Human review gates for AI agent tools', () => {
	test('the rule as n8n 2.40.7 has it holds for both nodes (Call for Approval, Send for Approval)', () => {
		expect(hasSendAndWaitOperationAsIn240(new Routee().description)).toBe(true);
		expect(hasSendAndWaitOperationAsIn240(new Octopush().description)).toBe(true);
	});

	describe.each(INSTALLED.length > 0 ? INSTALLED : ['(none installed)'])('n8n %s', (version) => {
		const run = INSTALLED.includes(version) ? test : test.skip;
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const n8n = (): HitlTools => require(hitlToolsOf(version)) as HitlTools;

		run('hasSendAndWaitOperation is true for Routee and for Octopush', () => {
			expect(n8n().hasSendAndWaitOperation(new Routee().description)).toBe(true);
			expect(n8n().hasSendAndWaitOperation(new Octopush().description)).toBe(true);
		});

		run(
			'convertNodeToHitlTool: the Octopush gate is SMS → Send for Approval, with n8n’s Message',
			() => {
				const gate = n8n().convertNodeToHitlTool({
					description: deepCopy(new Octopush().description),
				}).description;
				expect(gate.name).toBe('octopushHitlTool');
				const byName = (name: string): INodeProperties[] =>
					gate.properties.filter((p) => p.name === name);
				expect(byName('resource')).toEqual([
					expect.objectContaining({ type: 'hidden', default: 'sms' }),
				]);
				expect(byName('operation').map((p) => p.default)).toContain('sendAndWait');
				expect(byName('message')).toEqual([
					expect.objectContaining({ default: expect.stringContaining('{{ $tool.name }}') }),
				]);
				expect(byName('to')).toEqual([
					expect.objectContaining({
						displayOptions: { show: { resource: ['sms'], operation: ['sendAndWait'] } },
					}),
				]);
			},
		);

		run(
			'convertNodeToHitlTool: Voice and Call for Approval fixed, n8n’s Message, our fields kept',
			() => {
				const gate = n8n().convertNodeToHitlTool({
					description: deepCopy(new Routee().description),
				}).description;
				expect(gate.name).toBe('routeeHitlTool');
				const byName = (name: string): INodeProperties[] =>
					gate.properties.filter((p) => p.name === name);
				expect(byName('resource')).toEqual([
					expect.objectContaining({ type: 'hidden', default: 'voice' }),
				]);
				expect(byName('operation').every((p) => p.type === 'hidden')).toBe(true);
				expect(byName('operation').map((p) => p.default)).toContain('sendAndWait');
				// n8n's own Message replaces ours (same name), first in the panel
				expect(byName('message')).toEqual([
					expect.objectContaining({
						displayName: 'Message',
						default: expect.stringContaining('{{ $tool.name }}'),
					}),
				]);
				expect(gate.properties[0].name).toBe('message');
				// the fields Call for Approval shows beside Message, as the gate shows them (resource voice, sendAndWait)
				const shown = gate.properties
					.filter((p) => {
						const show = p.displayOptions?.show;
						return (
							show?.operation?.includes('sendAndWait') === true &&
							show?.resource?.includes('voice') === true
						);
					})
					.map((p) => p.name);
				expect(shown).toEqual([
					'from',
					'to',
					'approvalPrompt',
					'language',
					'gender',
					'timeLimitMinutes',
					'options',
				]);
				// the gate keeps the node's webhook: the callbacks still reach webhook()
				expect(gate.webhooks).toEqual(new Routee().description.webhooks);
			},
		);
	});
});
