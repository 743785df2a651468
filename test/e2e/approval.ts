// Routee → Voice → Call for Approval as n8n's "Human review" gate of an AI agent's tool, in real n8n 2.40.7: an AI
// Agent whose OpenAI chat model is a scripted OpenAI-compatible server on loopback (no outside network) calls a tool
// (a Routee SMS) gated by the generated `routeeHitlTool` node. The gate calls the approver through the sandbox, the
// execution waits, and the callee's key decides: 1 → the gated tool runs (the sandbox receives the SMS), 2 → it does
// not and the model is told the user rejected it (n8n's processHitlResponses).

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Sandbox } from '../sandbox';
import {
	CREDENTIALS,
	manualTriggerNode,
	type N8n,
	outputOf,
	PACKAGE_NAME,
	type WorkflowJson,
} from './n8n';

const AGENT = 'AI Agent';
const MODEL = 'Scripted model';
const GATE = 'Approve by phone';
const TOOL = 'Send refund SMS';
const OPENAI = { id: 'openai-scripted', name: 'Scripted OpenAI', type: 'openAiApi' };
const SMS_TEXT = 'Your refund of 120 euros is on its way.';
const SMS_TOOL = 'Send and wait for delivery';
const CALL_TOOL = 'Call and wait for a key';

interface ChatRequest {
	messages: Array<{ role: string; content?: unknown; tool_call_id?: string }>;
	tools?: Array<{ function: { name: string } }>;
	stream?: boolean;
}

/**
 * A scripted OpenAI-compatible chat completions endpoint: with no tool answer yet in the conversation it calls the
 * first tool it is offered; once a tool answered, it ends with a final answer that quotes that tool answer.
 */
class ScriptedModel {
	readonly requests: ChatRequest[] = [];
	private server?: Server;

	async start(): Promise<string> {
		this.server = createServer((req, res) => {
			void this.answer(req).then(
				({ status, type, body }) => {
					res.writeHead(status, { 'content-type': type });
					res.end(body);
				},
				(error: Error) => {
					res.writeHead(500, { 'content-type': 'application/json' });
					res.end(JSON.stringify({ error: { message: error.message } }));
				},
			);
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/v1`;
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) =>
			this.server ? this.server.close(() => resolve()) : resolve(),
		);
	}

	private async answer(
		req: IncomingMessage,
	): Promise<{ status: number; type: string; body: string }> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions'))
			return { status: 404, type: 'application/json', body: '{"error":{"message":"not here"}}' };
		const request = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequest;
		this.requests.push(request);
		const toolAnswer = request.messages.find((m) => m.role === 'tool');
		const tool = request.tools?.[0]?.function.name;
		const message: { role: string; content: string | null; tool_calls?: object[] } =
			toolAnswer === undefined && tool !== undefined
				? {
						role: 'assistant',
						content: null,
						tool_calls: [
							{
								id: `call_${this.requests.length}`,
								type: 'function',
								function: {
									name: tool,
									arguments: JSON.stringify({ toolParameters: {}, hitlParameters: {} }),
								},
							},
						],
					}
				: {
						role: 'assistant',
						content: `Final answer. The tool said: ${JSON.stringify(toolAnswer?.content ?? null)}`,
					};
		const finish = message.tool_calls ? 'tool_calls' : 'stop';
		const base = {
			id: `chatcmpl-${this.requests.length}`,
			created: 1764842400,
			model: 'gpt-4o-mini',
		};
		if (request.stream === true) {
			const delta = message.tool_calls
				? { role: 'assistant', tool_calls: [{ index: 0, ...message.tool_calls[0] }] }
				: { role: 'assistant', content: message.content };
			const events = [
				{
					...base,
					object: 'chat.completion.chunk',
					choices: [{ index: 0, delta, finish_reason: null }],
				},
				{
					...base,
					object: 'chat.completion.chunk',
					choices: [{ index: 0, delta: {}, finish_reason: finish }],
				},
			];
			return {
				status: 200,
				type: 'text/event-stream',
				body: `${events.map((e) => `data: ${JSON.stringify(e)}\n\n`).join('')}data: [DONE]\n\n`,
			};
		}
		return {
			status: 200,
			type: 'application/json',
			body: JSON.stringify({
				...base,
				object: 'chat.completion',
				choices: [{ index: 0, message, finish_reason: finish, logprobs: null }],
				usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
			}),
		};
	}
}

const ROUTEE = { routeeOAuth2Api: { id: CREDENTIALS.routee.id, name: CREDENTIALS.routee.name } };

/** Manual Trigger → AI Agent (v3.1, prompt `text`) with the scripted OpenAI model: what every agent test starts from. */
function agentNodes(id: string, text: string): WorkflowJson['nodes'] {
	return [
		manualTriggerNode(id),
		{
			id: `${id}-agent`,
			name: AGENT,
			type: '@n8n/n8n-nodes-langchain.agent',
			typeVersion: 3.1,
			position: [240, 0],
			parameters: { promptType: 'define', text, options: {} },
		},
		{
			id: `${id}-model`,
			name: MODEL,
			type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
			typeVersion: 1.2,
			position: [160, 220],
			parameters: {
				model: { __rl: true, mode: 'id', value: 'gpt-4o-mini' },
				options: { maxRetries: 0 },
			},
			credentials: { openAiApi: { id: OPENAI.id, name: OPENAI.name } },
		},
	];
}

function agentWorkflow(id: string, approver: string, timeLimitMinutes = 2): WorkflowJson {
	return {
		id,
		name: `Agent with a phone approval ${id}`,
		nodes: [
			...agentNodes(id, 'Refund order 4411 and tell the customer by SMS.'),
			{
				id: `${id}-gate`,
				name: GATE,
				type: `${PACKAGE_NAME}.routeeHitlTool`,
				typeVersion: 2,
				position: [400, 220],
				// n8n's own Message (its default: the tool's name and input) is left as the gate offers it
				parameters: {
					from: '+306948530920',
					to: approver,
					language: 'en-GB',
					timeLimitMinutes,
					options: {},
				},
				credentials: ROUTEE,
			},
			{
				id: `${id}-tool`,
				name: TOOL,
				type: `${PACKAGE_NAME}.routeeTool`,
				typeVersion: 2,
				position: [400, 440],
				parameters: {
					descriptionType: 'manual',
					toolDescription: 'Send the customer an SMS that the refund is on its way',
					resource: 'sms',
					operation: 'send',
					from: 'MyShop',
					to: '+33612349999',
					body: SMS_TEXT,
					options: {},
				},
				credentials: ROUTEE,
			},
		],
		connections: {
			Start: { main: [[{ node: AGENT, type: 'main', index: 0 }]] },
			[MODEL]: { ai_languageModel: [[{ node: AGENT, type: 'ai_languageModel', index: 0 }]] },
			[TOOL]: { ai_tool: [[{ node: GATE, type: 'ai_tool', index: 0 }]] },
			[GATE]: { ai_tool: [[{ node: AGENT, type: 'ai_tool', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	} as WorkflowJson;
}

const CAMPAIGN_TOOL = 'Send an SMS campaign';
const CAMPAIGN_TEXT = 'Our shop opens on Sunday.';

/** An AI Agent whose one tool is Routee → SMS → Send Campaign to 11 numbers (the tool's limit is 10 by default). */
function campaignAgentWorkflow(id: string): WorkflowJson {
	const workflow = toolStepWorkflow(id);
	const numbers = Array.from({ length: 11 }, (_, i) => `+3361234${String(i).padStart(4, '0')}`);
	return {
		...workflow,
		name: `Agent with a campaign tool ${id}`,
		nodes: [
			...workflow.nodes.filter((node) => node.name !== SMS_TOOL && node.name !== CALL_TOOL),
			{
				id: `${id}-campaign`,
				name: CAMPAIGN_TOOL,
				type: `${PACKAGE_NAME}.routeeTool`,
				typeVersion: 2,
				position: [400, 220],
				parameters: {
					resource: 'sms',
					operation: 'sendCampaign',
					from: 'MyShop',
					to: numbers.join(', '),
					body: CAMPAIGN_TEXT,
					options: {},
				},
				credentials: ROUTEE,
			},
		],
		connections: {
			Start: { main: [[{ node: AGENT, type: 'main', index: 0 }]] },
			[MODEL]: { ai_languageModel: [[{ node: AGENT, type: 'ai_languageModel', index: 0 }]] },
			[CAMPAIGN_TOOL]: { ai_tool: [[{ node: AGENT, type: 'ai_tool', index: 0 }]] },
		},
	} as WorkflowJson;
}

/** The phone gate of `agentWorkflow` replaced by Octopush → SMS → Send for Approval (approval by SMS). */
function smsGateWorkflow(id: string, approver: string): WorkflowJson {
	const workflow = agentWorkflow(id, approver);
	return {
		...workflow,
		name: `Agent with an SMS approval ${id}`,
		nodes: workflow.nodes.map((node) =>
			node.name === GATE
				? {
						id: `${id}-gate`,
						name: GATE,
						type: `${PACKAGE_NAME}.octopushHitlTool`,
						typeVersion: 2,
						position: [400, 220],
						parameters: { sender: 'MyShop', to: approver, timeLimitMinutes: 2, options: {} },
						credentials: {
							octopushApi: { id: CREDENTIALS.octopush.id, name: CREDENTIALS.octopush.name },
						},
					}
				: node,
		),
	} as WorkflowJson;
}

/** An AI Agent whose one tool is Routee → Call and Wait for Key Press (the agent confirms by calling). */
function callingAgentWorkflow(id: string, callee: string): WorkflowJson {
	const workflow = toolStepWorkflow(id);
	return {
		...workflow,
		name: `Agent that confirms by calling ${id}`,
		nodes: workflow.nodes
			.filter((node) => node.name !== SMS_TOOL)
			.map((node) =>
				node.name === CALL_TOOL
					? {
							...node,
							parameters: { ...(node.parameters as object), to: callee, timeLimitMinutes: 2 },
						}
					: node.name === AGENT
						? {
								...node,
								parameters: {
									...(node.parameters as object),
									text: "Confirm tomorrow's appointment by phone.",
								},
							}
						: node,
			),
		connections: Object.fromEntries(
			Object.entries(workflow.connections ?? {}).filter(([from]) => from !== SMS_TOOL),
		),
	} as WorkflowJson;
}

/** An AI Agent with two Routee tools, for the tools' own *Execute step* (the agent itself never runs). */
function toolStepWorkflow(id: string): WorkflowJson {
	return {
		id,
		name: `Agent whose tools are tried on their own ${id}`,
		nodes: [
			...agentNodes(id, 'Tell the customer.'),
			{
				id: `${id}-sms`,
				name: SMS_TOOL,
				type: `${PACKAGE_NAME}.routeeTool`,
				typeVersion: 2,
				position: [400, 220],
				parameters: {
					resource: 'sms',
					operation: 'waitForDelivery',
					from: 'MyShop',
					to: '+33612349998',
					body: 'Your order has shipped.',
					timeLimitMinutes: 1,
					options: {},
				},
				credentials: ROUTEE,
			},
			{
				id: `${id}-call`,
				name: CALL_TOOL,
				type: `${PACKAGE_NAME}.routeeTool`,
				typeVersion: 2,
				position: [560, 220],
				parameters: {
					resource: 'voice',
					operation: 'callAndWait',
					from: '+306948530920',
					to: '+33612349997',
					prompt: 'Press 1 to confirm your appointment',
					language: 'en-GB',
					options: {},
				},
				credentials: ROUTEE,
			},
		],
		connections: {
			Start: { main: [[{ node: AGENT, type: 'main', index: 0 }]] },
			[MODEL]: { ai_languageModel: [[{ node: AGENT, type: 'ai_languageModel', index: 0 }]] },
			[SMS_TOOL]: { ai_tool: [[{ node: AGENT, type: 'ai_tool', index: 0 }]] },
			[CALL_TOOL]: { ai_tool: [[{ node: AGENT, type: 'ai_tool', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	} as WorkflowJson;
}

/** The editor's *Execute step* on a tool node: n8n runs it through its hidden Tool Executor. */
async function executeToolStep(n8n: N8n, workflowId: string, tool: string): Promise<string> {
	const started = await n8n.request<{ executionId?: string }>(
		'POST',
		`/rest/workflows/${workflowId}/run`,
		{ destinationNode: { nodeName: tool, mode: 'inclusive' }, agentRequest: { query: {} } },
	);
	if (!started?.executionId)
		throw new Error(`n8n did not run the step ${tool}: ${JSON.stringify(started)}`);
	return started.executionId;
}

async function startRun(n8n: N8n, workflowId: string): Promise<string> {
	const started = await n8n.request<{ executionId?: string }>(
		'POST',
		`/rest/workflows/${workflowId}/run`,
		{ triggerToStartFrom: { name: 'Start' } },
	);
	if (!started?.executionId)
		throw new Error(`n8n did not start workflow ${workflowId}: ${JSON.stringify(started)}`);
	return started.executionId;
}

async function waitForStatus(n8n: N8n, executionId: string, status: string): Promise<void> {
	const deadline = Date.now() + 30_000;
	for (;;) {
		const execution = await n8n.execution(executionId);
		if (execution.status === status) return;
		if (Date.now() > deadline)
			throw new Error(`execution ${executionId} is ${execution.status}, not ${status}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

export function registerApprovalTests(context: () => { n8n: N8n; sandbox: Sandbox }): void {
	describe('Routee → Voice → Call for Approval as the Human review gate of an AI agent tool', () => {
		let n8n: N8n;
		let sandbox: Sandbox;
		let previousDelay: number;
		const model = new ScriptedModel();

		beforeAll(async () => {
			({ n8n, sandbox } = context());
			previousDelay = sandbox.options.deliveryDelayMs;
			// each call step 1 s apart, so the execution is saved as waiting before the first callback
			sandbox.options.deliveryDelayMs = 1000;
			const url = await model.start();
			await n8n.importCredentials([{ ...OPENAI, data: { apiKey: 'sk-scripted', url } }]);
			await n8n.importWorkflows([
				agentWorkflow('e2eapproval00001', '+33612345678'),
				agentWorkflow('e2eapproval00002', '+33612345602'),
				agentWorkflow('e2eapproval00003', '+33612345678', 0.1),
				toolStepWorkflow('e2etoolstep00001'),
				callingAgentWorkflow('e2ecallagent0001', '+33612345678'),
				smsGateWorkflow('e2esmsgate000001', '+33612340011'),
				smsGateWorkflow('e2esmsgate000002', '+33612340012'),
				campaignAgentWorkflow('e2ecampaigntool1'),
			]);
		}, 120_000);

		afterAll(async () => {
			sandbox.options.deliveryDelayMs = previousDelay;
			await model.stop();
		});

		test('n8n offers the Routee node as a Human review gate (routeeHitlTool)', async () => {
			const types = await n8n.nodeTypes();
			const gate = types.find((t) => t.name === `${PACKAGE_NAME}.routeeHitlTool`);
			expect(gate).toBeDefined();
		});

		test('the approver presses 1: the gate resumes with approved: true and the gated tool runs (the SMS is sent)', async () => {
			const executionId = await startRun(n8n, 'e2eapproval00001');
			await waitForStatus(n8n, executionId, 'waiting');
			const [conversation] = sandbox.requestsTo('routee', 'POST', '/voice/conversation');
			const body = conversation.body as any;
			expect(body.to).toEqual({ phone: '+33612345678' });
			const [say, collect] = body.dialPlan.verbs;
			// n8n's Message of the gate (the tool's name and input), then our approval prompt
			expect(say.message.text).toMatch(/^The agent wants to run this tool: Send_refund_SMS/);
			expect(say.message.text).toMatch(/\nPress 1 to approve, or 2 to decline\.$/);
			expect(collect).toEqual({
				type: 'COLLECT',
				eventUrl: body.callback.url,
				maxDigits: 1,
				submitOnHash: true,
			});
			// no SMS while the approval is pending
			expect(sandbox.requestsTo('routee', 'POST', '/sms')).toEqual([]);

			const run = await n8n.waitForExecution(executionId, 60_000);
			expect({ status: run.status, error: run.data.resultData.error?.message }).toEqual({
				status: 'success',
				error: undefined,
			});
			const gateRuns = run.data.resultData.runData[GATE] as any[];
			const answer = gateRuns[gateRuns.length - 1].data.ai_tool[0][0].json;
			expect(answer).toMatchObject({
				approved: true,
				reason: 'approved',
				digits: '1',
				status: 'Completed',
			});
			// the resume URL's token is in no node's run data (n8n keeps it beside, as data.resumeToken) nor n8n's log
			const signature = new URL(body.callback.url).searchParams.get('signature')!;
			expect(signature).toMatch(/^[^&]+$/);
			expect(JSON.stringify(run.data.resultData)).not.toContain(signature);
			expect(n8n.logTail(1_000_000)).not.toContain(signature);
			const sms = sandbox.requestsTo('routee', 'POST', '/sms');
			expect(sms.map((r) => [r.status, (r.body as any).body])).toEqual([[200, SMS_TEXT]]);
			const [output] = outputOf(run, AGENT);
			expect(output.json.output).toMatch(/^Final answer\. The tool said: .*trackingId/);
			// every callback of the call (COLLECT, final status) was answered 200
			const callbacks = sandbox.callbacksSent.filter((c) => c.url === body.callback.url);
			expect(callbacks.map((c) => [c.kind, c.status])).toEqual([
				['routee.collect', 200],
				['routee.conversation', 200],
			]);
		}, 90_000);

		test('a late repeat of the final callback after the run finished gets 200 (Routee would retry anything else)', async () => {
			const [last] = sandbox.callbacksSent
				.filter((c) => c.kind === 'routee.conversation' && c.status === 200)
				.slice(-1);
			const again = await fetch(last.url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(last.body),
			});
			expect(again.status).toBe(200);
			expect(await again.text()).not.toContain(new URL(last.url).searchParams.get('signature'));
		});

		test('the approver presses 2: approved: false, the gated tool does not run and the model is told it was rejected', async () => {
			const executionId = await startRun(n8n, 'e2eapproval00002');
			await waitForStatus(n8n, executionId, 'waiting');
			const run = await n8n.waitForExecution(executionId, 60_000);
			expect(run.status).toBe('success');
			const gateRuns = run.data.resultData.runData[GATE] as any[];
			expect(gateRuns[gateRuns.length - 1].data.ai_tool[0][0].json).toMatchObject({
				approved: false,
				reason: 'declined',
				digits: '2',
			});
			expect(run.data.resultData.runData[TOOL]).toBeUndefined();
			expect(sandbox.requestsTo('routee', 'POST', '/sms')).toEqual([]);
			const [output] = outputOf(run, AGENT);
			expect(output.json.output).toMatch(/User rejected the tool call to Send refund SMS/);
		}, 90_000);

		test('no answer within the Time Limit: the gate passes on approved: false (timedOut) and the gated tool does not run', async () => {
			// the limit is 6 s; the sandbox's call steps 20 s apart, so the callee's 1 comes after the limit
			sandbox.options.deliveryDelayMs = 20_000;
			try {
				const executionId = await startRun(n8n, 'e2eapproval00003');
				await waitForStatus(n8n, executionId, 'waiting');
				// n8n looks for waiting executions to time out about once a minute
				const run = await n8n.waitForExecution(executionId, 120_000);
				expect(run.status).toBe('success');
				const gateRuns = run.data.resultData.runData[GATE] as any[];
				expect(gateRuns[gateRuns.length - 1].data.ai_tool[0][0].json).toMatchObject({
					approved: false,
					reason: 'timedOut',
					timedOut: true,
				});
				expect(run.data.resultData.runData[TOOL]).toBeUndefined();
				expect(sandbox.requestsTo('routee', 'POST', '/sms')).toEqual([]);
				const [output] = outputOf(run, AGENT);
				expect(output.json.output).toMatch(/User rejected the tool call to Send refund SMS/);
			} finally {
				sandbox.options.deliveryDelayMs = 1000;
			}
		}, 180_000);
		test("a Send and Wait for Delivery tool's Execute step sends the SMS without a callback and answers its real final status; the run ends", async () => {
			const executionId = await executeToolStep(n8n, 'e2etoolstep00001', SMS_TOOL);
			const run = await n8n.waitForExecution(executionId, 60_000);
			expect({ status: run.status, error: run.data.resultData.error?.message }).toEqual({
				status: 'success',
				error: undefined,
			});
			const sent = sandbox
				.requestsTo('routee', 'POST', '/sms')
				.filter((r) => (r.body as any).to === '+33612349998');
			expect(sent.map((r) => r.body)).toEqual([
				{ from: 'MyShop', to: '+33612349998', body: 'Your order has shipped.' },
			]);
			const toolRuns = run.data.resultData.runData[SMS_TOOL] as any[];
			const answer = toolRuns[toolRuns.length - 1].data.ai_tool[0][0].json.response;
			expect(answer).toEqual([
				expect.objectContaining({
					delivered: true,
					status: 'Delivered',
					timedOut: false,
					to: '+33612349998',
				}),
			]);
		}, 90_000);

		test("a Call and Wait tool's Execute step is refused before anything is sent, saying how to try it", async () => {
			const executionId = await executeToolStep(n8n, 'e2etoolstep00001', CALL_TOOL);
			const run = await n8n.waitForExecution(executionId, 60_000);
			expect(run.status).toBe('error');
			expect(run.data.resultData.error?.message).toContain(
				"Call and Wait for Key Press can't wait for its outcome in this run, so nothing was sent",
			);
			expect(
				sandbox
					.requestsTo('routee', 'POST', '/voice/conversation')
					.filter((r) => (r.body as any).to?.phone === '+33612349997'),
			).toEqual([]);
		}, 90_000);
		test('an agent calls Call and Wait for Key Press as a tool: its execution waits for the call, then the model gets the key really pressed', async () => {
			const executionId = await startRun(n8n, 'e2ecallagent0001');
			await waitForStatus(n8n, executionId, 'waiting');
			const run = await n8n.waitForExecution(executionId, 60_000);
			expect({ status: run.status, error: run.data.resultData.error?.message }).toEqual({
				status: 'success',
				error: undefined,
			});
			const calls = sandbox
				.requestsTo('routee', 'POST', '/voice/conversation')
				.filter(
					(r) =>
						(r.body as any).dialPlan?.verbs?.[0]?.message?.text ===
						'Press 1 to confirm your appointment',
				);
			expect(calls.map((r) => (r.body as any).to)).toEqual([{ phone: '+33612345678' }]);
			const toolRuns = run.data.resultData.runData[CALL_TOOL] as any[];
			expect(toolRuns[toolRuns.length - 1].data.ai_tool[0][0].json).toMatchObject({
				digits: '1',
				keyPressed: true,
				answered: true,
				status: 'Completed',
				timedOut: false,
			});
			const [output] = outputOf(run, AGENT);
			expect(output.json.output).toMatch(/^Final answer\. The tool said: .*\\"digits\\":\\"1\\"/);
		}, 90_000);
		test.each([
			['e2esmsgate000001', '+33612340011', 'approve', true],
			['e2esmsgate000002', '+33612340012', 'decline', false],
		])(
			'Octopush → Send for Approval as the gate (%s, approver %s): the approver gets an SMS with the link; opening it decides nothing; the button "%s" decides',
			async (workflowId, approver, decision, approved) => {
				const executionId = await startRun(n8n, workflowId);
				await waitForStatus(n8n, executionId, 'waiting');
				const [sms] = sandbox
					.requestsTo('octopush', 'POST', '/sms-campaign/send')
					.filter((r) => (r.body as any).recipients?.[0]?.phone_number === approver);
				const text = String((sms.body as any).text);
				expect(text).toMatch(/^The agent wants to run this tool: Send_refund_SMS/);
				const link = /Approve or decline: (\S+)$/.exec(text)?.[1] as string;
				expect(new URL(link).pathname).toMatch(new RegExp(`/webhook-waiting/${executionId}/`));
				// a link preview: the page, nothing decided
				const opened = await fetch(link, { headers: { 'user-agent': 'WhatsApp/2.23' } });
				expect(opened.status).toBe(200);
				expect(await opened.text()).toContain('value="approve"');
				expect((await n8n.execution(executionId)).status).toBe('waiting');
				// a forged link is refused by n8n itself
				const forged = new URL(link);
				forged.searchParams.set('signature', '0'.repeat(64));
				expect(
					(await fetch(forged, { method: 'POST', body: new URLSearchParams({ decision }) })).status,
				).toBe(401);

				const pressed = await fetch(link, {
					method: 'POST',
					body: new URLSearchParams({ decision }),
				});
				expect(pressed.status).toBe(200);
				const run = await n8n.waitForExecution(executionId, 60_000);
				expect(run.status).toBe('success');
				const gateRuns = run.data.resultData.runData[GATE] as any[];
				expect(gateRuns[gateRuns.length - 1].data.ai_tool[0][0].json).toMatchObject({
					approved,
					reason: approved ? 'approved' : 'declined',
				});
				const sent = sandbox
					.requestsTo('routee', 'POST', '/sms')
					.filter((r) => (r.body as any).body === SMS_TEXT && r.at >= sms.at);
				expect(sent.length).toBe(approved ? 1 : 0);
				// the link opened again after the decision: n8n's own "no action required" page
				const again = await fetch(link);
				expect(again.status).toBe(200);
				expect(JSON.stringify(run.data.resultData)).not.toContain(
					new URL(link).searchParams.get('signature'),
				);
			},
			90_000,
		);
		test('an agent calls a campaign tool addressing 11 numbers: refused past Max Recipients per Tool Call (10), nothing sent, the model is told why', async () => {
			const executionId = await startRun(n8n, 'e2ecampaigntool1');
			const run = await n8n.waitForExecution(executionId, 60_000);
			expect(
				sandbox
					.requestsTo('routee', 'POST', '/sms/campaign')
					.filter((r) => (r.body as any).body === CAMPAIGN_TEXT),
			).toEqual([]);
			const toolRuns = (run.data.resultData.runData[CAMPAIGN_TOOL] ?? []) as any[];
			expect(JSON.stringify(toolRuns)).toContain(
				'This tool call addresses 11 recipients, more than Max Recipients per Tool Call (10)',
			);
			// the agent goes on: the model gets the refusal as the tool's answer
			expect(run.status).toBe('success');
			const [output] = outputOf(run, AGENT);
			expect(output.json.output).toMatch(/Max Recipients per Tool Call/);
		}, 90_000);
	});
}
