import './environment';

import { createServer } from 'node:net';

import {
	ExecuteContext,
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	RoutingNode,
	WorkflowExecute,
} from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IConnections,
	IExecuteData,
	INode,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeListSearchResult,
	INodePropertyOptions,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	ITaskData,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { HarnessCredentialsHelper } from './credentials-helper';
import { type ExtraNodeTypes, PackageTypes } from './package-types';

export interface WorkflowJson {
	id?: string;
	name?: string;
	nodes: INode[];
	connections: IConnections;
	settings?: Record<string, unknown>;
}

export interface RunResult {
	run: IRun;
	status: IRun['status'];
	/** The error that stopped the workflow, if any. */
	error?: Error & {
		description?: string;
		context?: Record<string, unknown>;
		httpCode?: string | null;
	};
	/** Output items of each node's first main output, last run. */
	output: Record<string, INodeExecutionData[]>;
	executionOrder: string[];
}

/** The node and its state when the editor loads a list for one of its fields. */
interface LoadMethodOptions {
	parameters: INode['parameters'];
	credentials?: INode['credentials'];
	typeVersion?: number;
	/** The field's parameter path, as the editor sends it. */
	path?: string;
}

let executionCounter = 0;

let heldBaseUrl: Promise<string> | undefined;

/**
 * The n8n address the harness's runs name (resume URLs, `$execution.resumeUrl`): 127.0.0.1 on a port this process
 * holds (the OS picks it, listen on 0), where every connection is closed at once, as nothing answers there. A fixed
 * address such as n8n's default 127.0.0.1:5678 would send the sandbox's callbacks to a real n8n (`npm run demo`).
 */
export function harnessBaseUrl(): Promise<string> {
	heldBaseUrl ??= new Promise((resolve, reject) => {
		const server = createServer((socket) => socket.destroy());
		server.unref();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			if (address === null || typeof address === 'string') reject(new Error('no port'));
			else resolve(`http://127.0.0.1:${address.port}`);
		});
	});
	return heldBaseUrl;
}

/**
 * Runs workflows through n8n-core's WorkflowExecute with our built package and real
 * credential handling (preAuthentication + authenticate), e.g. against the sandbox.
 */
export class Harness {
	readonly credentials: HarnessCredentialsHelper;

	private constructor(
		readonly types: PackageTypes,
		/** Where the runs' n8n would be (see harnessBaseUrl): nothing answers there. */
		readonly baseUrl: string,
	) {
		this.credentials = new HarnessCredentialsHelper(types);
	}

	/** `extraNodeTypes`: node types besides our package's that workflows may use (by full type name). */
	static async create(options: { extraNodeTypes?: ExtraNodeTypes } = {}): Promise<Harness> {
		return new Harness(
			await PackageTypes.load(undefined, options.extraNodeTypes),
			await harnessBaseUrl(),
		);
	}

	nodeType(name: string): string {
		return this.types.nodeType(name);
	}

	/** Stores a credential and returns the reference a node puts under `credentials`. */
	addCredential(
		type: string,
		data: ICredentialDataDecryptedObject,
		id = type,
	): { id: string; name: string } {
		const name = `${type} (${id})`;
		this.credentials.set({ id, name, type, data });
		return { id, name };
	}

	/** What the store holds for a credential now (e.g. the token preAuthentication saved). */
	storedCredentialData(id: string): ICredentialDataDecryptedObject {
		const stored = this.credentials.get(id);
		if (!stored) throw new Error(`no credential ${id}`);
		return { ...stored.data };
	}

	private additionalData(
		hooks: ExecutionLifecycleHooks,
		executionId?: string,
	): IWorkflowExecuteAdditionalData {
		return {
			hooks,
			executionId,
			credentialsHelper: this.credentials,
			currentNodeParameters: undefined,
			executionTimeoutTimestamp: undefined,
			restApiUrl: `${this.baseUrl}/rest`,
			instanceBaseUrl: `${this.baseUrl}/`,
			formWaitingBaseUrl: `${this.baseUrl}/form-waiting`,
			webhookBaseUrl: `${this.baseUrl}/webhook`,
			webhookWaitingBaseUrl: `${this.baseUrl}/webhook-waiting`,
			webhookTestBaseUrl: `${this.baseUrl}/webhook-test`,
			userId: 'harness-user',
			variables: {},
			executeWorkflow: async () => {
				throw new Error('sub-workflows are not supported by the harness');
			},
			getRunExecutionData: async () => undefined,
			logAiEvent: () => {},
			startRunnerTask: async () => {
				throw new Error('code runners are not supported by the harness');
			},
		} as unknown as IWorkflowExecuteAdditionalData;
	}

	/**
	 * Runs a workflow. The first node listed (or `startNode`) receives `input` as its input items,
	 * so an action node can be run on its own without a trigger.
	 */
	async run(
		workflowJson: WorkflowJson,
		options: {
			input?: INodeExecutionData[];
			startNode?: string;
			mode?: WorkflowExecuteMode;
			/** Fix the execution id, e.g. to re-run "the same execution" as n8n's retry does. */
			executionId?: string;
			/**
			 * The execution's resume token, as n8n sets it on a run that can wait: n8n-core then appends it to
			 * `$execution.resumeUrl`/`resumeFormUrl` as `?signature=…`.
			 */
			resumeToken?: string;
		} = {},
	): Promise<RunResult> {
		const executionId = options.executionId ?? `harness-${++executionCounter}`;
		const workflow = new Workflow({
			id: workflowJson.id ?? 'harness-workflow',
			name: workflowJson.name ?? 'Harness workflow',
			nodes: workflowJson.nodes,
			connections: workflowJson.connections,
			nodeTypes: this.types,
			settings: workflowJson.settings,
			active: false,
		});
		const startNode = workflow.getNode(options.startNode ?? workflowJson.nodes[0].name);
		if (!startNode) throw new Error('start node not found');

		const hooks = new ExecutionLifecycleHooks('manual', executionId, {
			id: workflow.id,
			name: workflow.name,
			nodes: workflowJson.nodes,
			connections: workflowJson.connections,
			active: false,
			activeVersionId: null,
			isArchived: false,
			createdAt: new Date(),
			updatedAt: new Date(),
		} as never);
		const executionOrder: string[] = [];
		hooks.addHandler('nodeExecuteAfter', (nodeName) => {
			executionOrder.push(nodeName);
		});
		let resolveFinished!: (run: IRun) => void;
		const finished = new Promise<IRun>((resolve) => (resolveFinished = resolve));
		hooks.addHandler('workflowExecuteAfter', (fullRunData) => resolveFinished(fullRunData));

		const runExecutionData = {
			version: 1,
			startData: {},
			resultData: { runData: {} },
			...(options.resumeToken === undefined ? {} : { resumeToken: options.resumeToken }),
			executionData: {
				contextData: {},
				metadata: {},
				waitingExecution: {},
				waitingExecutionSource: null,
				nodeExecutionStack: [
					{ node: startNode, data: { main: [options.input ?? [{ json: {} }]] }, source: null },
				],
			},
		} as unknown as IRunExecutionData;

		const workflowExecute = new WorkflowExecute(
			this.additionalData(hooks, executionId),
			options.mode ?? 'manual',
			runExecutionData,
		);
		await workflowExecute.processRunExecutionData(workflow);
		const run = await finished;

		const output: Record<string, INodeExecutionData[]> = {};
		for (const [nodeName, taskData] of Object.entries(run.data.resultData.runData) as Array<
			[string, ITaskData[]]
		>) {
			const last = taskData[taskData.length - 1];
			output[nodeName] = last?.data?.main?.[0] ?? [];
		}
		return {
			run,
			status: run.status,
			error: run.data.resultData.error as RunResult['error'],
			output,
			executionOrder,
		};
	}

	/** Runs a single node of our package on the given input items. */
	async runNode(
		nodeName: string,
		parameters: INode['parameters'],
		options: {
			credentials?: INode['credentials'];
			input?: INodeExecutionData[];
			continueOnFail?: boolean;
			executionId?: string;
			resumeToken?: string;
			/** The node's version, as a saved workflow holds it (1 unless given). */
			typeVersion?: number;
		} = {},
	): Promise<RunResult & { items: INodeExecutionData[] }> {
		const node: INode = {
			id: 'node-under-test',
			name: 'Node',
			type: this.nodeType(nodeName),
			typeVersion: options.typeVersion ?? 1,
			position: [0, 0],
			parameters,
			credentials: options.credentials,
			continueOnFail: options.continueOnFail,
		};
		const result = await this.run(
			{ nodes: [node], connections: {} },
			{ input: options.input, executionId: options.executionId, resumeToken: options.resumeToken },
		);
		return { ...result, items: result.output.Node ?? [] };
	}

	/**
	 * Runs one of a node's `methods.listSearch` functions the way n8n's editor loads a resource locator's list
	 * (packages/cli/src/services/dynamic-node-parameters.service.ts `getResourceLocatorResults`): n8n-core's
	 * LoadOptionsContext on a one-node workflow holding the node's current parameters and credential.
	 */
	async listSearch(
		nodeName: string,
		method: string,
		options: LoadMethodOptions & { filter?: string; paginationToken?: string },
	): Promise<INodeListSearchResult> {
		const { nodeType, context } = this.loadMethodContext(nodeName, options);
		const search = nodeType.methods?.listSearch?.[method];
		if (!search) throw new Error(`${nodeName} has no listSearch method ${method}`);
		return await search.call(context, options.filter, options.paginationToken);
	}

	/** Runs one of a node's `methods.loadOptions` functions as the editor loads an options list (`getOptions`). */
	async loadOptions(
		nodeName: string,
		method: string,
		options: LoadMethodOptions,
	): Promise<INodePropertyOptions[]> {
		const { nodeType, context } = this.loadMethodContext(nodeName, options);
		const load = nodeType.methods?.loadOptions?.[method];
		if (!load) throw new Error(`${nodeName} has no loadOptions method ${method}`);
		return await load.call(context);
	}

	private loadMethodContext(nodeName: string, options: LoadMethodOptions) {
		const node: INode = {
			id: 'node-under-test',
			name: 'Node',
			type: this.nodeType(nodeName),
			typeVersion: options.typeVersion ?? 1,
			position: [0, 0],
			parameters: options.parameters,
			credentials: options.credentials,
		};
		const workflow = new Workflow({
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: this.types,
		});
		const nodeType = this.types.getByNameAndVersion(node.type, node.typeVersion);
		const hooks = new ExecutionLifecycleHooks('internal', 'load-options', {} as never);
		const additionalData = {
			...this.additionalData(hooks),
			currentNodeParameters: options.parameters,
		} as IWorkflowExecuteAdditionalData;
		const context = new LoadOptionsContext(
			workflow,
			node,
			additionalData,
			options.path ?? 'parameters',
		);
		return { nodeType, context };
	}

	/**
	 * Tests a credential the way n8n's CredentialsTester does for a credential with a `test`
	 * request (packages/cli/src/services/credentials-tester.service.ts): a temporary node whose only
	 * property routes the test request, run by n8n-core's RoutingNode with the credential applied.
	 * `existingId`: test a saved credential being edited — n8n tests the editor's data (the stored
	 * hidden fields included) under the saved credential's id, so a token it fetches is saved there.
	 */
	async testCredential(
		type: string,
		data: ICredentialDataDecryptedObject,
		existingId?: string,
	): Promise<INodeCredentialTestResult> {
		const credentialType = this.types.credentialType(type);
		const testRequest = credentialType.test;
		if (!testRequest)
			return { status: 'Error', message: 'No testing function found for this credential.' };

		const stored =
			existingId === undefined
				? this.addCredential(type, data, `test-${type}`)
				: { id: existingId, name: this.credentials.get(existingId)!.name };
		const credentialsDecrypted = { id: stored.id, name: stored.name, type, data: { ...data } };
		const node: INode = {
			id: 'temp',
			parameters: {},
			name: 'Temp-Node',
			type: 'n8n-nodes-base.noOp',
			typeVersion: 1,
			position: [0, 0],
			credentials: { [type]: stored },
		};
		const nodeType: INodeType = {
			description: {
				displayName: 'Temp',
				name: 'n8n-nodes-base.noOp',
				group: ['transform'],
				version: 1,
				description: '',
				defaults: {},
				inputs: ['main'],
				outputs: ['main'],
				credentials: [{ name: type, required: true }],
				properties: [
					{
						displayName: 'Temp',
						name: 'temp',
						type: 'string',
						routing: { request: testRequest.request },
						default: '',
					},
				],
			},
		} as INodeType;
		const nodeTypes: INodeTypes = {
			getByName: () => nodeType,
			getByNameAndVersion: () => NodeHelpers.getVersionedNodeType(nodeType, 1),
			getKnownTypes: () => ({}),
		};
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
		const hooks = new ExecutionLifecycleHooks('internal', 'credential-test', {} as never);
		const executeData: IExecuteData = { node, data: {}, source: null };
		const context = new ExecuteContext(
			workflow,
			node,
			this.additionalData(hooks),
			'internal',
			{ resultData: { runData: {} } } as unknown as IRunExecutionData,
			0,
			[],
			{ main: [[{ json: {} }]] },
			executeData,
			[],
		);
		const routingNode = new RoutingNode(context, nodeType, credentialsDecrypted);
		try {
			await routingNode.runNode();
		} catch (error) {
			const response = error.cause?.response;
			if (response) {
				for (const rule of testRequest.rules ?? []) {
					if (rule.type === 'responseCode' && response.status === rule.properties.value) {
						return { status: 'Error', message: rule.properties.message };
					}
				}
				if (response.status < 199 || response.status > 299) {
					return {
						status: 'Error',
						message: response.statusText || `Received HTTP status code: ${response.status}`,
					};
				}
			} else if (error.cause?.code) {
				return { status: 'Error', message: error.cause.code };
			}
			return { status: 'Error', message: String(error.message) };
		}
		return { status: 'OK', message: 'Connection successful!' };
	}
}
