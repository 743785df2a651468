// The Sandbox: one loopback HTTP server playing Routee (token endpoint included) and Octopush.
// Owns routing by provider prefix, request recording, fault injection and the public test API.

import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import { CallbackSender } from './callback-sender';
import { FaultBook } from './faults';
import { parseBody, readBody, type Ctx, type Reply } from './http';
import { OctopushDelivery } from './octopush/callbacks';
import { createOctopushHandler } from './octopush/routes';
import { OctopushState } from './octopush/state';
import { handleTokenRequest } from './routee/auth';
import { RouteeDelivery } from './routee/callbacks';
import { createRouteeHandler } from './routee/routes';
import { RouteeState } from './routee/state';
import { Runtime } from './runtime';
import type { Fault, Provider, RecordedRequest, SandboxOptions, SentCallback } from './types';

export const DEFAULT_OPTIONS: Required<SandboxOptions> = {
	port: 0,
	octopushComputationMs: 300,
	deliveryDelayMs: 20,
	conversationMinIntervalMs: 1000,
};

const PREFIXES: Array<[Provider, string]> = [
	['routee-auth', '/routee-auth'],
	['routee', '/routee'],
	['octopush', '/octopush/v1/public'],
];

function splitProvider(pathname: string): { provider: Provider | 'unknown'; path: string } {
	for (const [provider, prefix] of PREFIXES) {
		if (pathname === prefix || pathname.startsWith(`${prefix}/`))
			return { provider, path: pathname.slice(prefix.length) || '/' };
	}
	return { provider: 'unknown', path: pathname };
}

function defaultFaultBody(provider: Provider | 'unknown', status: number): unknown {
	if (provider === 'routee' || provider === 'routee-auth') {
		return { code: `${status}000000`, developerMessage: `Injected fault: HTTP ${status}` };
	}
	return { code: status, message: `Injected fault: HTTP ${status}.`, errors: {} };
}

export class Sandbox {
	readonly url: string;
	readonly routeeBaseUrl: string;
	readonly routeeTokenUrl: string;
	readonly octopushBaseUrl: string;
	/** Every request received, in order (including rejected ones and token requests). */
	readonly requests: RecordedRequest[] = [];
	readonly routee = new RouteeState();
	readonly octopush = new OctopushState();
	/** Current options; may be changed while running (e.g. a longer deliveryDelayMs for one test). */
	readonly options: Required<SandboxOptions>;

	private readonly runtime = new Runtime();
	/** TCP connections clients opened (a client that keeps connections alive opens few). */
	connectionsAccepted = 0;
	private readonly faults = new FaultBook();
	private readonly sender = new CallbackSender(this.runtime);
	private readonly routeeDelivery: RouteeDelivery;
	private readonly octopushDelivery: OctopushDelivery;
	private readonly handlers: Record<Provider, (ctx: Ctx) => Reply>;

	private constructor(
		private readonly server: http.Server,
		options: Required<SandboxOptions>,
	) {
		this.options = options;
		const port = (server.address() as AddressInfo).port;
		this.url = `http://127.0.0.1:${port}`;
		this.routeeBaseUrl = `${this.url}/routee`;
		this.routeeTokenUrl = `${this.url}/routee-auth/oauth/token`;
		this.octopushBaseUrl = `${this.url}/octopush/v1/public`;
		const delay = () => this.options.deliveryDelayMs;
		this.routeeDelivery = new RouteeDelivery(this.routee, this.runtime, this.sender, delay);
		this.octopushDelivery = new OctopushDelivery(this.octopush, this.runtime, this.sender, delay);
		this.handlers = {
			'routee-auth': (ctx) => handleTokenRequest(ctx, this.routee),
			routee: createRouteeHandler({
				state: this.routee,
				delivery: this.routeeDelivery,
				conversationMinIntervalMs: () => this.options.conversationMinIntervalMs,
			}),
			octopush: createOctopushHandler({
				state: this.octopush,
				delivery: this.octopushDelivery,
				computationMs: () => this.options.octopushComputationMs,
			}),
		};
		server.on('connection', () => this.connectionsAccepted++);
		server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
			this.onRequest(req, res).catch((error: unknown) => {
				process.stderr.write(`[sandbox] request failed: ${String(error)}\n`);
				if (!res.headersSent) res.destroy();
			});
		});
	}

	static async start(options: SandboxOptions = {}): Promise<Sandbox> {
		const resolved = { ...DEFAULT_OPTIONS, ...options };
		const server = http.createServer();
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(resolved.port, '127.0.0.1', () => {
				server.off('error', reject);
				resolve();
			});
		});
		return new Sandbox(server, resolved);
	}

	// ------------------------------------------------------------ recording

	requestsTo(provider: Provider, method?: string, pathStartsWith?: string): RecordedRequest[] {
		return this.requests.filter(
			(r) =>
				r.provider === provider &&
				(!method || r.method === method.toUpperCase()) &&
				(!pathStartsWith || r.path.startsWith(pathStartsWith)),
		);
	}

	clearRequests(): void {
		this.requests.length = 0;
	}

	// ------------------------------------------------------------ faults

	injectFault(fault: Fault): void {
		this.faults.add(fault);
	}

	clearFaults(): void {
		this.faults.clear();
	}

	// ------------------------------------------------------------ callbacks

	/** Every callback attempt POSTed so far (one entry per attempt, retries included). */
	get callbacksSent(): SentCallback[] {
		return this.sender.sent;
	}

	/** Resolves with callbacksSent once `predicate` holds; rejects after timeoutMs (default 5000). */
	waitForCallbacks(
		predicate: (sent: SentCallback[]) => boolean,
		timeoutMs = 5000,
	): Promise<SentCallback[]> {
		return new Promise((resolve, reject) => {
			let timer: NodeJS.Timeout | undefined;
			const done = (error?: Error) => {
				this.sender.off('callback', check);
				if (timer) clearTimeout(timer);
				if (error) reject(error);
				else resolve(this.sender.sent);
			};
			const check = (): boolean => {
				try {
					if (!predicate(this.sender.sent)) return false;
				} catch (error) {
					done(error as Error);
					return true;
				}
				done();
				return true;
			};
			if (check()) return;
			this.sender.on('callback', check);
			timer = setTimeout(() => {
				const summary = this.sender.sent
					.map((c) => `${c.kind}#${c.attempt}→${c.status}`)
					.join(', ');
				done(
					new Error(
						`waitForCallbacks: condition not met within ${timeoutMs} ms; ${this.sender.sent.length} callback attempts so far: [${summary}]`,
					),
				);
			}, timeoutMs);
		});
	}

	/** A Routee inbound SMS from `from` to your rented number `to`, POSTed to `url` (the number's inboundSmsCallbackUrl). */
	simulateRouteeInboundSms(
		url: string,
		from: string,
		to: string,
		message: string,
	): Promise<SentCallback | undefined> {
		return this.routeeDelivery.inboundSms(url, from, to, message);
	}

	/** Octopush inbound SMS reply from `number`, POSTed to callback_url_for_inbounds; resolves with the last attempt. */
	simulateInbound(number: string, text: string): Promise<SentCallback | undefined> {
		return this.octopushDelivery.inbound(number, text);
	}

	/** One more Octopush delivery report of a ticket's recipient with `status` (e.g. PROCESSED before the final one). */
	simulateDeliveryReport(
		ticketNumber: string,
		number: string,
		status: string,
	): Promise<SentCallback | undefined> {
		return this.octopushDelivery.report(ticketNumber, number, status);
	}

	/** Octopush STOP opt-out from `number` (blacklists it), POSTed to callback_url_for_blacklisted_numbers. */
	simulateStop(number: string, text = 'STOP'): Promise<SentCallback | undefined> {
		return this.octopushDelivery.stop(number, text);
	}

	// ------------------------------------------------------------ lifecycle

	async stop(): Promise<void> {
		await this.runtime.stop();
		await new Promise<void>((resolve) => {
			this.server.close(() => resolve());
			this.server.closeAllConnections();
		});
	}

	// ------------------------------------------------------------ request handling

	private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const { provider, path } = splitProvider(url.pathname);
		const method = (req.method ?? 'GET').toUpperCase();
		const fault = this.faults.take(provider, method, path);
		if (fault?.arrivalDelayMs) await this.runtime.sleep(fault.arrivalDelayMs);
		const at = Date.now();
		const rawBody = await readBody(req);
		const parsed = parseBody(rawBody, req.headers['content-type']);
		const record: RecordedRequest = {
			provider,
			method,
			path,
			query: Object.fromEntries(url.searchParams),
			headers: { ...req.headers },
			rawBody,
			body: parsed.body,
			status: 0,
			at,
		};
		this.requests.push(record);

		if (fault?.reset === 'before') {
			record.dropped = 'before';
			req.socket.destroy();
			return;
		}
		if (fault?.delayMs) await this.runtime.sleep(fault.delayMs);
		if (this.runtime.isStopped) {
			req.socket.destroy();
			return;
		}

		let reply: Reply;
		if (fault?.status !== undefined) {
			reply = {
				status: fault.status,
				body: fault.body ?? defaultFaultBody(provider, fault.status),
				headers: fault.headers,
			};
		} else {
			reply = this.dispatch(provider, {
				method,
				path,
				query: record.query,
				headers: record.headers,
				rawBody,
				...parsed,
				params: {},
				now: Date.now(),
			});
		}
		record.status = reply.status;
		if (fault?.reset === 'after') {
			record.dropped = 'after';
			req.socket.destroy();
			return;
		}
		this.write(res, reply);
	}

	private dispatch(provider: Provider | 'unknown', ctx: Ctx): Reply {
		if (provider === 'unknown') {
			return {
				status: 404,
				body: {
					code: 404,
					message: `Unknown path ${ctx.method} ${ctx.path}: use /routee/…, /routee-auth/oauth/token or /octopush/v1/public/…`,
				},
			};
		}
		try {
			return this.handlers[provider](ctx);
		} catch (error) {
			process.stderr.write(`[sandbox] handler error: ${(error as Error).stack ?? String(error)}\n`);
			return { status: 500, body: defaultFaultBody(provider, 500) };
		}
	}

	private write(res: http.ServerResponse, reply: Reply): void {
		const headers: Record<string, string> = { ...(reply.headers ?? {}) };
		if (reply.status === 204 || reply.body === undefined) {
			res.writeHead(reply.status, headers);
			res.end();
			return;
		}
		const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
		const hasType = Object.keys(headers).some((h) => h.toLowerCase() === 'content-type');
		if (!hasType)
			headers['content-type'] =
				typeof reply.body === 'string'
					? 'text/plain; charset=utf-8'
					: 'application/json; charset=utf-8';
		res.writeHead(reply.status, headers);
		res.end(text);
	}
}
