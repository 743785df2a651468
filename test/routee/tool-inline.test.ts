// Issue 28: the "and Wait" operations run as a tool invoked inline, which is what n8n does for the tool node's
// *Execute step* in the editor (its hidden Tool Executor invokes the tool, n8n-core runs `execute` in a
// SupplyDataContext: isToolExecution() is true) and what an agent that does not pause its workflow does. Such a run
// cannot wait for a callback. Send and Wait for Delivery then reads the message's tracking until the final status;
// Call and Wait and Call for Approval are refused before anything is sent. Never an invented outcome, never a
// callback to a resume URL nothing serves. (An AI Agent v3 runs the tool as a node of its execution instead: that
// path waits as usual, test/e2e/approval.ts and test/routee/wait.test.ts.)

import path from 'node:path';

import type { IDataObject, INode, INodeType } from 'n8n-workflow';

import { Harness, PACKAGE_DIR } from '../harness';
import { Sandbox } from '../sandbox';
import { TOOL_CALLER, toolCaller, toolVariant } from '../support/agent-tool';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Routee } = require(path.join(PACKAGE_DIR, 'dist/nodes/Routee/Routee.node.js')) as {
	Routee: new () => INodeType;
};

let sandbox: Sandbox;
let harness: Harness;
let credential: { id: string; name: string };

beforeAll(async () => {
	sandbox = await Sandbox.start({ deliveryDelayMs: 5, conversationMinIntervalMs: 0 });
	const probe = await Harness.create();
	harness = await Harness.create({
		extraNodeTypes: {
			[TOOL_CALLER]: toolCaller,
			[probe.nodeType('routeeTool')]: toolVariant(new Routee()),
		},
	});
	credential = harness.addCredential(
		'routeeOAuth2Api',
		{
			applicationId: 'sandbox-app',
			applicationSecret: 'sandbox-secret',
			baseUrl: sandbox.routeeBaseUrl,
			tokenUrl: sandbox.routeeTokenUrl,
		},
		'routee-inline-tool',
	);
});
afterAll(async () => await sandbox.stop());
beforeEach(() => sandbox.clearRequests());

/** Runs the Routee Tool (version 2) with `parameters`, invoked inline by the caller with `args`. */
async function invokeInline(parameters: IDataObject, args: IDataObject = {}) {
	const caller: INode = {
		id: 'caller',
		name: 'Agent',
		type: TOOL_CALLER,
		typeVersion: 1,
		position: [0, 0],
		parameters: { args: JSON.stringify(args) },
	};
	const tool: INode = {
		id: 'tool',
		name: 'Routee Tool',
		type: harness.nodeType('routeeTool'),
		typeVersion: 2,
		position: [0, 200],
		parameters: parameters as INode['parameters'],
		credentials: { routeeOAuth2Api: credential },
	};
	const result = await harness.run(
		{
			nodes: [caller, tool],
			connections: {
				'Routee Tool': {
					ai_tool: [[{ node: 'Agent', type: 'ai_tool', index: 0 }]],
				},
			},
		},
		{ input: [{ json: {} }] },
	);
	return { ...result, answer: result.output.Agent?.[0]?.json };
}

const routeeRequests = (method: string, p: string) =>
	sandbox.requestsTo('routee', method).filter((request) => request.path === p);

describe('SMS → Send and Wait for Delivery, invoked inline as a tool', () => {
	const sms = {
		resource: 'sms',
		operation: 'waitForDelivery',
		from: 'Acme',
		to: "={{ $fromAI('to', 'the phone number, E.164', 'string') }}",
		body: 'Your table is ready',
		timeLimitMinutes: 1,
	};

	test('sends the SMS without a callback, reads its tracking until the final status and answers that, and the run ends', async () => {
		const run = await invokeInline(sms, { to: '+33612345678' });
		expect(run.status).toBe('success');
		const [sent] = routeeRequests('POST', '/sms');
		expect(sent.body).toEqual({ from: 'Acme', to: '+33612345678', body: 'Your table is ready' });
		const messageId = (run.answer?.answer as IDataObject[])[0]?.messageId;
		expect(run.answer).toEqual({
			answer: [
				expect.objectContaining({
					delivered: true,
					status: 'Delivered',
					isFinal: true,
					timedOut: false,
					to: '+33612345678',
					messageId: expect.any(String),
				}),
			],
		});
		expect(
			routeeRequests('GET', `/sms/tracking/single/${String(messageId)}`).length,
		).toBeGreaterThan(0);
	});

	test('an undelivered message answers its final status, not a made-up one', async () => {
		const run = await invokeInline(sms, { to: '+33612340000' });
		expect(run.answer).toEqual({
			answer: [
				expect.objectContaining({
					delivered: false,
					status: expect.not.stringMatching(/^(Delivered|Queued|Sent)$/),
					isFinal: true,
					timedOut: false,
				}),
			],
		});
	});

	test('a tracking Routee does not know yet (404) is read again; a failed read says the SMS was sent, so nobody sends it twice', async () => {
		sandbox.injectFault({
			provider: 'routee',
			method: 'GET',
			path: '/sms/tracking/single/',
			status: 404,
			body: {},
		});
		const found = await invokeInline(sms, { to: '+33612345678' });
		expect(found.answer).toEqual({
			answer: [expect.objectContaining({ delivered: true, status: 'Delivered' })],
		});

		sandbox.injectFault({
			provider: 'routee',
			method: 'GET',
			path: '/sms/tracking/single/',
			status: 500,
			body: { code: '500000000', developerMessage: 'Internal error' },
		});
		const failed = await invokeInline(sms, { to: '+33612345678' });
		expect(String(failed.answer?.error)).toMatch(
			/The SMS was sent \(message ID [^)]+\); only reading its delivery status failed/,
		);
		expect(routeeRequests('POST', '/sms')).toHaveLength(2);
	});

	test('at the Time Limit it answers timedOut: true with the last status Routee reported', async () => {
		sandbox.options.deliveryDelayMs = 60_000;
		try {
			const run = await invokeInline({ ...sms, timeLimitMinutes: 0.05 }, { to: '+33612345678' });
			expect(run.status).toBe('success');
			expect(run.answer).toEqual({
				answer: [
					expect.objectContaining({
						delivered: false,
						isFinal: false,
						timedOut: true,
						status: expect.stringMatching(/^(Queued|Sent)$/),
						waitedUntil: expect.any(String),
					}),
				],
			});
		} finally {
			sandbox.options.deliveryDelayMs = 5;
		}
	});
});

describe('Voice → Call and Wait for Key Press and Call for Approval, invoked inline as a tool', () => {
	test.each([
		[
			'Call and Wait for Key Press',
			{ operation: 'callAndWait', prompt: 'Press 1 to confirm', maxDigits: 1 },
		],
		['Call for Approval', { operation: 'sendAndWait', message: 'Refund 120 euros?' }],
	])(
		'%s is refused before anything is sent, saying why and how to try it',
		async (name, parameters) => {
			const run = await invokeInline(
				{
					resource: 'voice',
					from: '+306948530920',
					to: '+33612345678',
					language: 'en-GB',
					...parameters,
				},
				{},
			);
			expect(run.status).toBe('success');
			expect(String(run.answer?.error)).toContain(
				`${name} can't wait for its outcome in this run, so nothing was sent`,
			);
			expect(String(run.answer?.error)).toContain('chat with the AI Agent');
			expect(sandbox.requestsTo('routee', 'POST')).toEqual([]);
		},
	);
});
