// The provider sandbox in a child process (./sandbox-child.ts), driven over IPC.

import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

import type { LinkOptions, LinkStats } from './link';

export interface SandboxUrls {
	routeeBaseUrl: string;
	routeeTokenUrl: string;
	octopushBaseUrl: string;
}

export interface RequestSummary {
	provider: string;
	method: string;
	path: string;
	status: number;
	at: number;
}

export class SandboxProcess {
	private nextId = 1;
	private readonly pending = new Map<
		number,
		{ resolve: (value: unknown) => void; reject: (error: Error) => void }
	>();

	private constructor(
		private readonly child: ChildProcess,
		readonly urls: SandboxUrls,
	) {}

	static async start(): Promise<SandboxProcess> {
		const child = fork(path.join(__dirname, 'sandbox-child.ts'), [], {
			execArgv: ['--import', 'tsx'],
			stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
			serialization: 'advanced',
		});
		await new Promise<void>((resolve, reject) => {
			child.once('message', () => resolve());
			child.once('exit', (code) =>
				reject(new Error(`sandbox process exited (${code}) before it was ready`)),
			);
		});
		const bootstrap = new SandboxProcess(child, {} as SandboxUrls);
		child.on('message', (message: { id: number; result?: unknown; error?: string }) =>
			bootstrap.settle(message),
		);
		const urls = (await bootstrap.call('urls')) as SandboxUrls;
		Object.assign(bootstrap.urls, urls);
		return bootstrap;
	}

	private settle({ id, result, error }: { id: number; result?: unknown; error?: string }): void {
		const waiting = this.pending.get(id);
		if (!waiting) return;
		this.pending.delete(id);
		if (error) waiting.reject(new Error(error));
		else waiting.resolve(result);
	}

	async call<T = unknown>(command: string, args?: Record<string, unknown>): Promise<T> {
		const id = this.nextId++;
		return await new Promise<T>((resolve, reject) => {
			this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
			this.child.send({ id, command, args });
		});
	}

	reset = async () => await this.call('reset');
	requests = async () => await this.call<RequestSummary[]>('requests');
	bodies = async (provider: string, requestPath: string) =>
		await this.call<unknown[]>('bodies', { provider, path: requestPath });
	octopushTickets = async () =>
		await this.call<{ tickets: number; recipients: number; distinct: number }>('octopushTickets');
	connectionsAccepted = async () => await this.call<number>('connectionsAccepted');
	routeeTokensIssued = async () => await this.call<number>('routeeTokensIssued');

	/** Serves the sandbox over TLS behind a delay (./link.ts); answers the link's https origin. */
	startLink = async (options: Omit<LinkOptions, 'target'>) =>
		await this.call<string>('startLink', options as unknown as Record<string, unknown>);
	linkStats = async () => await this.call<LinkStats>('linkStats');
	linkReset = async () => await this.call('linkReset');

	async stop(): Promise<void> {
		const exited = new Promise((resolve) => this.child.once('exit', resolve));
		this.child.disconnect();
		await exited;
	}
}
