// Small HTTP plumbing shared by both providers: request context, replies, a path router, body parsing.

import type { IncomingMessage } from 'node:http';

export interface Ctx {
	method: string;
	/** Path without the provider prefix. */
	path: string;
	query: Record<string, string>;
	headers: Record<string, string | string[] | undefined>;
	rawBody: string;
	body: unknown;
	/** Set when a body was sent but could not be parsed (message), or was not JSON/form (media type). */
	bodyError: null | { kind: 'malformed' | 'media-type'; message: string };
	params: Record<string, string>;
	now: number;
}

export interface Reply {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
}

/** `A` is what the provider's authentication yields (e.g. the Routee application id). */
export type Handler<A> = (ctx: Ctx, auth: A) => Reply;

export interface Route<A> {
	method: string;
	/** e.g. '/sms/tracking/single/:messageId' */
	pattern: string;
	handler: Handler<A>;
}

export type RouteMatch<A> =
	| { kind: 'found'; handler: Handler<A>; params: Record<string, string> }
	| { kind: 'method-not-allowed'; allowed: string[] }
	| { kind: 'not-found' };

function matchPattern(pattern: string, path: string): Record<string, string> | null {
	const want = pattern.split('/').filter(Boolean);
	const got = path.split('/').filter(Boolean);
	if (want.length !== got.length) return null;
	const params: Record<string, string> = {};
	for (let i = 0; i < want.length; i++) {
		if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(got[i]);
		else if (want[i] !== got[i]) return null;
	}
	return params;
}

export function matchRoute<A>(routes: Route<A>[], method: string, path: string): RouteMatch<A> {
	const allowed: string[] = [];
	for (const route of routes) {
		const params = matchPattern(route.pattern, path);
		if (!params) continue;
		if (route.method === method) return { kind: 'found', handler: route.handler, params };
		allowed.push(route.method);
	}
	return allowed.length ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
}

export function readBody(req: IncomingMessage, limit = 20 * 1024 * 1024): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > limit) {
				reject(new Error('body too large'));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

export function parseBody(
	rawBody: string,
	contentType: string | undefined,
): Pick<Ctx, 'body' | 'bodyError'> {
	if (rawBody.length === 0) return { body: undefined, bodyError: null };
	const type = (contentType ?? '').toLowerCase();
	if (type.includes('application/x-www-form-urlencoded')) {
		return { body: Object.fromEntries(new URLSearchParams(rawBody)), bodyError: null };
	}
	if (type.includes('json')) {
		try {
			return { body: JSON.parse(rawBody) as unknown, bodyError: null };
		} catch (error) {
			return {
				body: rawBody,
				bodyError: {
					kind: 'malformed',
					message: `Malformed JSON body: ${(error as Error).message}`,
				},
			};
		}
	}
	return {
		body: rawBody,
		bodyError: {
			kind: 'media-type',
			message: `Unsupported Content-Type '${contentType ?? ''}': send application/json`,
		},
	};
}

export function headerValue(ctx: Pick<Ctx, 'headers'>, name: string): string | undefined {
	const value = ctx.headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}
