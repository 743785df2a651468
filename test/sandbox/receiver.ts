// A loopback HTTP receiver for callbacks in tests: records every call and answers a programmable status.

import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedCall {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: http.IncomingHttpHeaders;
	rawBody: string;
	body: unknown;
	/** Status this receiver answered. */
	status: number;
	at: number;
}

export type Answer = number | { status: number; body?: unknown };
/** Statuses in order (the last one repeats), or a function of the call and its index. */
export type AnswerPlan = Answer[] | ((call: ReceivedCall, index: number) => Answer);

export interface Receiver {
	/** http://127.0.0.1:<port> — any path is accepted; use `url + '/dlr'` etc. */
	readonly url: string;
	readonly calls: ReceivedCall[];
	/** Calls whose path starts with `prefix`. */
	callsTo(prefix: string): ReceivedCall[];
	answer(plan: AnswerPlan): void;
	close(): Promise<void>;
}

export async function startReceiver(plan: AnswerPlan = [200]): Promise<Receiver> {
	let current = plan;
	const calls: ReceivedCall[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const rawBody = Buffer.concat(chunks).toString('utf8');
			let body: unknown = rawBody;
			try {
				body = rawBody ? JSON.parse(rawBody) : undefined;
			} catch {
				// keep the raw text
			}
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			const call: ReceivedCall = {
				method: req.method ?? 'GET',
				path: url.pathname,
				query: Object.fromEntries(url.searchParams),
				headers: req.headers,
				rawBody,
				body,
				status: 0,
				at: Date.now(),
			};
			const index = calls.length;
			calls.push(call);
			const answer =
				typeof current === 'function'
					? current(call, index)
					: current[Math.min(index, current.length - 1)];
			const { status, body: responseBody } =
				typeof answer === 'number' ? { status: answer, body: undefined } : answer;
			call.status = status;
			if (responseBody === undefined) {
				res.writeHead(status);
				res.end();
			} else {
				res.writeHead(status, { 'content-type': 'application/json' });
				res.end(JSON.stringify(responseBody));
			}
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		url,
		calls,
		callsTo: (prefix) => calls.filter((c) => c.path.startsWith(prefix)),
		answer(next) {
			current = next;
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}
