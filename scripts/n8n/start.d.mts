// Types of start.mjs for the TypeScript e2e suite (test/e2e).

import type { ChildProcess } from 'node:child_process';

export declare const OWNER: {
	email: string;
	firstName: string;
	lastName: string;
	password: string;
};

export interface InstalledPackage {
	name: string;
	version: string;
	dir: string;
}

export interface CredentialEntry {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export interface WorkflowJson {
	id: string;
	name: string;
	nodes: Array<Record<string, unknown> & { name: string; type: string }>;
	connections?: Record<string, unknown>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

export interface TypeDescription {
	name: string;
	displayName: string;
	[key: string]: unknown;
}

/** The IRun n8n returns: `data.resultData.runData[nodeName][runIndex].data.main[output][item].json`. */
export interface RunJson {
	finished?: boolean;
	status?: string;
	data: {
		resultData: {
			error?: { message: string; description?: string };
			runData: Record<
				string,
				Array<{
					error?: { message: string };
					data?: {
						main: Array<Array<{ json: Record<string, unknown>; pairedItem?: unknown }> | null>;
					};
				}>
			>;
		};
	};
}

export interface ExecutionJson extends RunJson {
	id: string;
	status: string;
	mode: string;
	workflowId: string;
}

export declare function freePort(): Promise<number>;
export declare function n8nId(seed: string): string;
export declare function installCommunityPackage(
	packageDir: string,
	userFolder: string,
): Promise<InstalledPackage>;

export declare class N8n {
	readonly mode: 'regular' | 'queue';
	readonly version: string;
	readonly nodeVersion: string;
	readonly baseUrl: string;
	readonly port: number;
	readonly userFolder: string;
	readonly logFile: string;
	readonly n8nDir: string;
	/** The first package installed (the only one unless startN8n was given several package folders). */
	readonly installedPackage: InstalledPackage;
	/** Every package installed, in order (startN8n's `packageDir` can list several). */
	readonly installedPackages?: InstalledPackage[];
	readonly child: ChildProcess;
	webhookUrl(path: string): string;
	/** `kill -9` of the main process (and its task runners); resolves once it has exited. */
	crash(): Promise<void>;
	/** Starts the main process again on the same user folder, database, port and environment; logs in. */
	restart(timeoutMs?: number): Promise<void>;
	logTail(chars?: number): string;
	request<T = any>(method: string, path: string, body?: unknown): Promise<T>;
	nodeTypes(): Promise<TypeDescription[]>;
	credentialTypes(): Promise<TypeDescription[]>;
	cli(args: string[]): Promise<{ stdout: string; stderr: string }>;
	importCredentials(credentials: CredentialEntry[]): Promise<void>;
	importWorkflows(workflows: WorkflowJson[]): Promise<void>;
	createWorkflow(workflow: Omit<WorkflowJson, 'id'>): Promise<string>;
	execute(workflowId: string, timeoutMs?: number): Promise<ExecutionJson>;
	executeCli(workflowId: string): Promise<RunJson>;
	waitForExecution(executionId: string, timeoutMs?: number): Promise<ExecutionJson>;
	testCredential(credential: {
		id: string;
		name?: string;
		type: string;
		data?: Record<string, unknown>;
	}): Promise<{ status: 'OK' | 'Error'; message: string }>;
	getWorkflow(workflowId: string): Promise<WorkflowJson & { versionId: string; active: boolean }>;
	activate(workflowId: string): Promise<void>;
	deactivate(workflowId: string): Promise<void>;
	waitForPublication(
		workflowId: string,
		wanted: 'published' | 'not_published',
		timeoutMs?: number,
	): Promise<void>;
	executions(
		workflowId: string,
	): Promise<Array<{ id: string; status: string; mode: string; finished: boolean }>>;
	execution(executionId: string): Promise<ExecutionJson>;
	waitForExecutions(
		workflowId: string,
		count: number,
		timeoutMs?: number,
	): Promise<ExecutionJson[]>;
	stop(options?: { keep?: boolean }): Promise<void>;
}

export interface N8nProcess {
	name: string;
	child: ChildProcess;
	/** webhook process: its N8N_PORT; worker: its health-check port */
	port: number;
	logFile: string;
}

export declare class QueueN8n extends N8n {
	readonly mode: 'queue';
	/** The proxy playing the load balancer (WEBHOOK_URL); `served` lists where each request went. */
	readonly webhookBaseUrl: string;
	readonly proxy: {
		port: number;
		served: Array<{ method: string; path: string; target: 'main' | 'webhook'; status: number }>;
	};
	readonly services: {
		redisPort: number;
		postgresPort: number;
		postgresVersion: string;
		dir: string;
	};
	readonly webhookProcesses: N8nProcess[];
	readonly workers: N8nProcess[];
	webhookProcessUrl(index: number, path: string): string;
	addWebhookProcess(timeoutMs?: number): Promise<N8nProcess>;
	addWorker(timeoutMs?: number): Promise<N8nProcess>;
	executionsByWorker(): Record<string, string[]>;
	/** `kill -9` of one webhook process or worker (and its task runners). */
	crashProcess(entry: N8nProcess): Promise<void>;
	/** Starts a crashed webhook process or worker again on the same port and environment, once it is ready. */
	restartProcess(entry: N8nProcess, timeoutMs?: number): Promise<N8nProcess>;
	workerOf(executionId: string): string | undefined;
}

export declare function startN8n(options?: {
	version?: string;
	/** The built package to install, or several (installed in this order). */
	packageDir?: string | string[];
	env?: Record<string, string>;
	port?: number;
	/** A folder n8n keeps its data in (reused when it holds some; stop() keeps it); default: a fresh temporary one. */
	userFolder?: string;
	readyTimeoutMs?: number;
	log?: (line: string) => void;
}): Promise<N8n>;

export declare function startQueueN8n(options?: {
	version?: string;
	packageDir?: string;
	env?: Record<string, string>;
	webhookProcesses?: number;
	workers?: number;
	readyTimeoutMs?: number;
	log?: (line: string) => void;
}): Promise<QueueN8n>;
