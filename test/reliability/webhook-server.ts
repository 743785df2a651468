// A trigger node's webhook served in-process the way n8n serves it: a loopback HTTP server where each
// request gets a fresh n8n-core WebhookContext (the real class n8n uses) over the real request and
// response objects, with the body parsed as n8n's webhook body parser does (JSON and forms into
// `body`, the bytes in `rawBody`); `webhook()` runs, and every `workflowData` it returns is one
// execution n8n would start.

import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import { WebhookContext } from 'n8n-core';
import type {
	INode,
	INodeExecutionData,
	IWebhookData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import type { Harness } from '../harness';

export interface TriggerServer {
	url: string;
	/** The items of each execution that would have started, in order. */
	executions: INodeExecutionData[][];
	/** Errors thrown by webhook() (n8n would answer 500). */
	errors: Error[];
	stop(): Promise<void>;
}

function parseBody(raw: Buffer, contentType: string): unknown {
	const text = raw.toString('utf8');
	if (contentType.includes('application/json')) {
		try {
			return text === '' ? {} : (JSON.parse(text) as unknown);
		} catch {
			return {};
		}
	}
	if (contentType.includes('application/x-www-form-urlencoded'))
		return Object.fromEntries(new URLSearchParams(text));
	return {};
}

export async function serveTrigger(
	harness: Harness,
	nodeName: string,
	parameters: INode['parameters'],
	credentials?: INode['credentials'],
): Promise<TriggerServer> {
	const node: INode = {
		id: `${nodeName}-node`,
		name: 'Trigger',
		type: harness.nodeType(nodeName),
		typeVersion: 2,
		position: [0, 0],
		webhookId: `${nodeName}-webhook`,
		parameters,
		credentials,
	};
	const workflow = new Workflow({
		id: `${nodeName}-flood-workflow`,
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: harness.types,
	});
	const nodeType = harness.types.getByNameAndVersion(node.type, node.typeVersion);
	if (!nodeType.webhook) throw new Error(`${nodeName} has no webhook()`);
	const webhook = nodeType.webhook;
	const executions: INodeExecutionData[][] = [];
	const errors: Error[] = [];

	const server = http.createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const rawBody = Buffer.concat(chunks);
			const url = new URL(request.url ?? '/', 'http://127.0.0.1');
			Object.assign(request, {
				rawBody,
				body: parseBody(rawBody, String(request.headers['content-type'] ?? '')),
				query: Object.fromEntries(url.searchParams),
				params: {},
			});
			const additionalData = {
				httpRequest: request,
				httpResponse: response,
				webhookBaseUrl: 'http://127.0.0.1/webhook',
				webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
				webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
				formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
				instanceBaseUrl: 'http://127.0.0.1/',
				restApiUrl: 'http://127.0.0.1/rest',
				variables: {},
				credentialsHelper: harness.credentials,
			} as unknown as IWorkflowExecuteAdditionalData;
			const webhookData = {
				httpMethod: 'POST',
				node: node.name,
				path: `${node.webhookId}/webhook`,
				webhookDescription: nodeType.description.webhooks?.[0],
				workflowId: workflow.id,
				workflowExecuteAdditionalData: additionalData,
				webhookId: node.webhookId,
			} as unknown as IWebhookData;
			const context = new WebhookContext(
				workflow,
				node,
				additionalData,
				'webhook',
				webhookData,
				[],
				null,
			);
			webhook
				.call(context)
				.then((result) => {
					if (result.workflowData) executions.push(result.workflowData.flat());
					// n8n answers for the node when it did not (responseMode onReceived)
					if (!result.noWebhookResponse && !response.writableEnded) {
						response.statusCode = 200;
						response.end();
					}
				})
				.catch((error: Error) => {
					errors.push(error);
					if (!response.writableEnded) {
						response.statusCode = 500;
						response.end();
					}
				});
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', 1024, resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/webhook/${node.webhookId}/webhook`,
		executions,
		errors,
		stop: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
