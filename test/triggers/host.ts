// Hosts one of our trigger nodes the way n8n does: a loopback HTTP server whose requests get n8n's body
// parsing (JSON / form / text into `req.body`, the bytes in `req.rawBody`), then the node's webhook() runs
// in n8n-core's real WebhookContext with the real request and response objects; lifecycle methods run in
// n8n-core's real HookContext with the harness's credentials. Static data is saved and reloaded between
// calls like n8n stores it in the database, and every call gets a fresh Workflow and context.

import '../harness/environment';

import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQueryString } from 'node:querystring';

import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { HookContext, WebhookContext } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeType,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
	WorkflowActivateMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import type { Harness } from '../harness';

export interface Answer {
	status: number;
	body: string;
	headers: http.IncomingHttpHeaders;
}

export interface HostedCall {
	path: string;
	answer: Answer;
	/** What webhook() returned (undefined when n8n itself answered, e.g. 422 for unparsable JSON). */
	result?: IWebhookResponseData;
}

export interface HostOptions {
	parameters?: INode['parameters'];
	credentials?: INode['credentials'];
	workflowId?: string;
	nodeId?: string;
	staticData?: IDataObject;
	/** The node's typeVersion in the workflow (2, what n8n gives a new node, unless said). */
	typeVersion?: number;
	/** n8n's N8N_PAYLOAD_SIZE_MAX, in bytes (n8n's default is 16 MiB). */
	payloadSizeMax?: number;
}

/** Content types n8n parses for webhook nodes of typeVersion 2 and later (webhook-helpers.ts, parseRequestBody). */
function parsedByN8nForVersion2(contentType: string): boolean {
	return (
		contentType.startsWith('application/json') ||
		contentType.startsWith('text/plain') ||
		contentType.startsWith('application/x-www-form-urlencoded') ||
		contentType.endsWith('/xml') ||
		contentType.endsWith('+xml')
	);
}

let hostCounter = 0;

export interface LoggedLine {
	level: 'warn' | 'info';
	message: string;
	meta: unknown;
}

/**
 * Records what nodes write to n8n's log (`this.logger` is n8n's Logger from the container, as in n8n) at warn and
 * info level, until `stop()`; the lines still go to the logger.
 */
export function captureLog(): { lines: LoggedLine[]; stop: () => void } {
	const logger = Container.get(Logger);
	const lines: LoggedLine[] = [];
	const spies = (['warn', 'info'] as const).map((level) =>
		jest.spyOn(logger, level).mockImplementation((message: string, meta?: unknown) => {
			lines.push({ level, message, meta });
		}),
	);
	return { lines, stop: () => spies.forEach((spy) => spy.mockRestore()) };
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

/** How n8n fares recording the execution a callback starts, before it answers the call (2xx only once recorded). */
export interface Recording {
	/** Time n8n takes to record it (a busy database). */
	delayMs?: number;
	/** n8n fails to record it and answers 500 (a database error): no execution. */
	fails?: boolean;
}

export class TriggerHost {
	/** The JSON of the items of every execution webhook() started, in arrival order. */
	readonly executions: IDataObject[][] = [];
	/** How the next executions fare, one entry each, in the order webhook() returns them; then recorded at once. */
	readonly recordings: Recording[] = [];
	readonly calls: HostedCall[] = [];
	/** The workflow's static data as n8n would have saved it. */
	staticData: IDataObject;
	/**
	 * The static data of a running test listen: n8n builds the test's workflow from the saved one, keeps the test's
	 * static data with its registration (in memory) for the test's delete, and never saves it (manual mode).
	 */
	testStaticData: IDataObject | undefined;
	readonly node: INode;
	private readonly payloadSizeMax: number;

	private constructor(
		private readonly harness: Harness,
		private readonly server: http.Server,
		readonly baseUrl: string,
		readonly nodeName: string,
		private readonly workflowId: string,
		options: HostOptions,
	) {
		const id = ++hostCounter;
		this.node = {
			id: options.nodeId ?? `trigger-node-${id}`,
			name: 'Trigger',
			type: harness.nodeType(nodeName),
			typeVersion: options.typeVersion ?? 2,
			position: [0, 0],
			webhookId: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
			parameters: options.parameters ?? {},
			credentials: options.credentials,
		};
		this.staticData = options.staticData ?? {};
		this.payloadSizeMax = options.payloadSizeMax ?? 16 * 1024 * 1024;
		server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
			this.onRequest(req, res).catch((error: unknown) => {
				if (!res.headersSent) {
					res.statusCode = 500;
					res.end(String(error));
				}
			});
		});
	}

	static async start(
		harness: Harness,
		nodeName: 'routeeTrigger' | 'octopushTrigger' | 'routee' | 'octopush',
		options: HostOptions = {},
	): Promise<TriggerHost> {
		const server = http.createServer();
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		return new TriggerHost(
			harness,
			server,
			baseUrl,
			nodeName,
			options.workflowId ?? `workflow-${hostCounter + 1}`,
			options,
		);
	}

	/** The production webhook URL n8n shows for this node (getNodeWebhookUrl('default')). */
	get url(): string {
		return `${this.baseUrl}/webhook/${this.node.webhookId}/webhook`;
	}

	/** The test webhook URL n8n shows while "Test this trigger" listens. */
	get testUrl(): string {
		return `${this.baseUrl}/webhook-test/${this.node.webhookId}/webhook`;
	}

	setParameters(parameters: INode['parameters']): void {
		this.node.parameters = parameters;
	}

	get nodeType(): INodeType {
		return this.harness.types.getByNameAndVersion(this.node.type, this.node.typeVersion);
	}

	/** All items of all executions, flattened. */
	get events(): IDataObject[] {
		return this.executions.flat();
	}

	/** The node's subtitle as the editor shows it (the description's `subtitle` expression, evaluated). */
	get subtitle(): string {
		const workflow = this.workflow();
		const node = workflow.getNode(this.node.name) as INode;
		return String(
			workflow.expression.getSimpleParameterValue(
				node,
				this.nodeType.description.subtitle as string,
				'internal',
				{},
			),
		);
	}

	private workflow(staticData: IDataObject = this.staticData): Workflow {
		return new Workflow({
			id: this.workflowId,
			name: 'Trigger workflow',
			nodes: [{ ...this.node, parameters: { ...this.node.parameters } }],
			connections: {},
			nodeTypes: this.harness.types,
			active: true,
			staticData: JSON.parse(JSON.stringify(staticData)) as IDataObject,
		});
	}

	private save(workflow: Workflow): void {
		const saved = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
		delete saved.__dataChanged;
		this.staticData = saved;
	}

	private additionalData(
		req?: http.IncomingMessage,
		res?: http.ServerResponse,
	): IWorkflowExecuteAdditionalData {
		return {
			credentialsHelper: this.harness.credentials,
			restApiUrl: `${this.baseUrl}/rest`,
			instanceBaseUrl: `${this.baseUrl}/`,
			webhookBaseUrl: `${this.baseUrl}/webhook`,
			webhookWaitingBaseUrl: `${this.baseUrl}/webhook-waiting`,
			webhookTestBaseUrl: `${this.baseUrl}/webhook-test`,
			formWaitingBaseUrl: `${this.baseUrl}/form-waiting`,
			variables: {},
			currentNodeParameters: undefined,
			executionTimeoutTimestamp: undefined,
			userId: 'host-user',
			httpRequest: req,
			httpResponse: res,
		} as unknown as IWorkflowExecuteAdditionalData;
	}

	private webhookData(workflow: Workflow, isTest = false): IWebhookData {
		const description = this.nodeType.description.webhooks![0];
		return {
			isTest,
			httpMethod: 'POST',
			node: this.node.name,
			path: `${this.node.webhookId}/webhook`,
			webhookDescription: description,
			workflowId: workflow.id,
			workflowExecuteAdditionalData: this.additionalData(),
			webhookId: this.node.webhookId,
		} as IWebhookData;
	}

	/** Runs a lifecycle method (checkExists / create / delete) as n8n does on activation and deactivation. */
	async hook(
		method: 'checkExists' | 'create' | 'delete',
		activation: WorkflowActivateMode = 'activate',
	): Promise<boolean> {
		const workflow = this.workflow();
		const node = workflow.getNode(this.node.name) as INode;
		const context = new HookContext(
			workflow,
			node,
			this.additionalData(),
			'trigger',
			activation,
			this.webhookData(workflow),
		);
		try {
			return await this.nodeType.webhookMethods!.default![method].call(context);
		} finally {
			this.save(workflow);
		}
	}

	/**
	 * "Test this trigger" as n8n 2.40 runs it (test-webhooks.ts): checkExists and create in manual mode with the test
	 * URL on a copy of the saved static data; at the end of the listen, delete in 'internal' mode with the static data
	 * the create left; nothing is saved to the workflow.
	 */
	async testHook(method: 'checkExists' | 'create' | 'delete'): Promise<boolean> {
		this.testStaticData ??= JSON.parse(JSON.stringify(this.staticData)) as IDataObject;
		const workflow = this.workflow(this.testStaticData);
		const node = workflow.getNode(this.node.name) as INode;
		const [mode, activation]: ['manual' | 'internal', WorkflowActivateMode] =
			method === 'delete' ? ['internal', 'update'] : ['manual', 'manual'];
		const context = new HookContext(
			workflow,
			node,
			this.additionalData(),
			mode,
			activation,
			this.webhookData(workflow, true),
		);
		try {
			return await this.nodeType.webhookMethods!.default![method].call(context);
		} finally {
			const saved = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
			delete saved.__dataChanged;
			this.testStaticData = method === 'delete' ? undefined : saved;
		}
	}

	/** A whole test listen's start: n8n's createWebhookIfNotExists (checkExists, then create when false). */
	async startTestListen(): Promise<void> {
		if (!(await this.testHook('checkExists'))) await this.testHook('create');
	}

	private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', this.baseUrl);
		const contentType = String(req.headers['content-type'] ?? '')
			.split(';')[0]
			.trim()
			.toLowerCase();
		// n8n's rawBodyReader: req.readRawBody() reads the bytes into req.rawBody once, with the `raw-body` package,
		// which refuses a body over N8N_PAYLOAD_SIZE_MAX with this error
		const readRawBody = async () => {
			if ((req as { rawBody?: Buffer }).rawBody) return;
			const bytes = await readBody(req);
			if (bytes.length > this.payloadSizeMax)
				throw Object.assign(new Error('request entity too large'), {
					status: 413,
					statusCode: 413,
					type: 'entity.too.large',
				});
			Object.assign(req, { rawBody: bytes });
		};
		Object.assign(req, {
			readRawBody,
			contentType,
			query: { ...parseQueryString(url.search.slice(1)) },
		});
		const call: HostedCall = { path: url.pathname, answer: { status: 0, body: '', headers: {} } };
		this.calls.push(call);
		const record = () => {
			call.answer.status = res.statusCode;
			call.answer.headers = res.getHeaders() as http.IncomingHttpHeaders;
		};
		const chunks: string[] = [];
		const end = res.end.bind(res) as (chunk?: unknown) => http.ServerResponse;
		res.end = ((chunk?: unknown) => {
			if (typeof chunk === 'string' || Buffer.isBuffer(chunk)) chunks.push(chunk.toString());
			call.answer.body = chunks.join('');
			record();
			return end(chunk);
		}) as typeof res.end;

		// n8n's body parser (packages/cli/src/middlewares/body-parser.ts): JSON, form and text are parsed into
		// req.body, anything else stays in req.rawBody; JSON it cannot parse is answered 422 before any node runs.
		// For a node of typeVersion 2+ n8n runs it only for the content types it parses; other bodies stay unread.
		if (this.node.typeVersion < 2 || parsedByN8nForVersion2(contentType)) {
			await readRawBody();
			const rawBody = (req as { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0);
			let body: unknown;
			if (rawBody.length > 0) {
				const text = rawBody.toString('utf8');
				if (contentType === 'application/json') {
					try {
						body = JSON.parse(text);
					} catch {
						res.statusCode = 422;
						res.setHeader('content-type', 'application/json');
						res.end(JSON.stringify({ code: 422, message: 'Failed to parse request body' }));
						return;
					}
				} else if (contentType === 'application/x-www-form-urlencoded') {
					body = parseQueryString(text);
				} else if (contentType === 'text/plain') {
					body = text;
				}
			}
			Object.assign(req, { body });
		}

		const isTest = url.pathname.startsWith('/webhook-test/');
		const workflow = this.workflow(isTest ? (this.testStaticData ?? {}) : this.staticData);
		const node = workflow.getNode(this.node.name) as INode;
		const context = new WebhookContext(
			workflow,
			node,
			this.additionalData(req, res),
			isTest ? 'manual' : 'webhook',
			this.webhookData(workflow, isTest),
			[],
			null,
		);
		let result: IWebhookResponseData;
		try {
			result = await this.nodeType.webhook!.call(context);
		} catch (error) {
			res.statusCode = 500;
			res.end(
				JSON.stringify({
					message: 'Workflow Webhook Error: Workflow could not be started!',
					cause: String(error),
				}),
			);
			return;
		} finally {
			if (!isTest) this.save(workflow);
		}
		call.result = result;
		// n8n 2.40.7 answers a webhook that did not answer itself (responseMode onReceived) once WorkflowRunner.run has
		// recorded the execution (webhook-helpers.js, shouldDeferOnReceivedResponse), or 500 when that fails
		if (result.workflowData && result.noWebhookResponse !== true) {
			const recording = this.recordings.shift() ?? {};
			if (recording.delayMs) await new Promise((resolve) => setTimeout(resolve, recording.delayMs));
			if (recording.fails) {
				res.statusCode = 500;
				res.setHeader('content-type', 'application/json');
				res.end(JSON.stringify({ code: 0, message: 'There was a problem executing the workflow' }));
				return;
			}
		}
		// What n8n answers when the node did not: the webhook's responseData 'noData' (empty), the node's
		// webhookResponse if it gave one (webhook-on-received-response-extractor.js), else n8n's own message
		if (result.noWebhookResponse !== true && !res.writableEnded) {
			res.statusCode = 200;
			const { responseData } = this.nodeType.description.webhooks![0];
			if (responseData === 'noData') {
				res.end();
			} else if (result.webhookResponse !== undefined) {
				const isText = typeof result.webhookResponse === 'string';
				res.setHeader('content-type', isText ? 'text/plain' : 'application/json');
				res.end(isText ? result.webhookResponse : JSON.stringify(result.webhookResponse));
			} else {
				res.setHeader('content-type', 'application/json');
				res.end(
					JSON.stringify({
						message: result.workflowData ? 'Workflow was started' : 'Webhook call received',
					}),
				);
			}
		}
		if (result.workflowData) this.executions.push(result.workflowData[0].map((item) => item.json));
	}

	/** POSTs to the webhook URL (plus `suffix`, e.g. a query string). */
	async post(
		body: string | object,
		options: { headers?: Record<string, string>; suffix?: string; url?: string } = {},
	): Promise<Answer> {
		const headers: Record<string, string> = { ...(options.headers ?? {}) };
		const payload = typeof body === 'string' ? body : JSON.stringify(body);
		if (
			typeof body !== 'string' &&
			!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')
		) {
			headers['content-type'] = 'application/json';
		}
		const response = await fetch(options.url ?? `${this.url}${options.suffix ?? ''}`, {
			method: 'POST',
			headers,
			body: payload,
		});
		return {
			status: response.status,
			body: await response.text(),
			headers: Object.fromEntries(response.headers),
		};
	}

	async close(): Promise<void> {
		await new Promise<void>((resolve) => {
			this.server.close(() => resolve());
			this.server.closeAllConnections();
		});
	}
}

let secretCounter = 0;

/** The credential a trigger with Secret Token in URL needs, holding `secret` (stored in the harness). */
export function callbackSecret(
	harness: Harness,
	secret: string,
): NonNullable<INode['credentials']> {
	const stored = harness.addCredential(
		'routeeOctopushCallbackSecretApi',
		{ secret },
		`callback-secret-${++secretCounter}`,
	);
	return { routeeOctopushCallbackSecretApi: stored };
}
