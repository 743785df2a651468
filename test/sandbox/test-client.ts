// Tiny fetch helpers for the sandbox's own tests.

import type { Sandbox } from './server';

export interface Answer {
	status: number;
	headers: Headers;
	body: any;
}

async function answer(res: Response): Promise<Answer> {
	const text = await res.text();
	let body: unknown = text;
	try {
		body = text ? JSON.parse(text) : undefined;
	} catch {
		// keep text
	}
	return { status: res.status, headers: res.headers, body };
}

export function basic(id: string, secret: string): string {
	return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
}

export async function requestToken(
	sandbox: Sandbox,
	id = 'sandbox-app',
	secret = 'sandbox-secret',
	form = 'grant_type=client_credentials',
): Promise<Answer> {
	return answer(
		await fetch(sandbox.routeeTokenUrl, {
			method: 'POST',
			headers: {
				authorization: basic(id, secret),
				'content-type': 'application/x-www-form-urlencoded',
			},
			body: form,
		}),
	);
}

export async function token(sandbox: Sandbox): Promise<string> {
	const res = await requestToken(sandbox);
	if (res.status !== 200)
		throw new Error(`token request failed: ${res.status} ${JSON.stringify(res.body)}`);
	return res.body.access_token as string;
}

export async function routee(
	sandbox: Sandbox,
	bearer: string | null,
	method: string,
	path: string,
	body?: unknown,
): Promise<Answer> {
	const headers: Record<string, string> = {};
	if (bearer) headers.authorization = `Bearer ${bearer}`;
	if (body !== undefined) headers['content-type'] = 'application/json';
	return answer(
		await fetch(`${sandbox.routeeBaseUrl}${path}`, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
		}),
	);
}

export async function octopush(
	sandbox: Sandbox,
	method: string,
	path: string,
	body?: unknown,
	credentials: { login: string; key: string } | null = {
		login: 'sandbox@example.com',
		key: 'sandbox-key',
	},
): Promise<Answer> {
	const headers: Record<string, string> = {};
	if (credentials) {
		headers['api-login'] = credentials.login;
		headers['api-key'] = credentials.key;
	}
	if (body !== undefined) headers['content-type'] = 'application/json';
	return answer(
		await fetch(`${sandbox.octopushBaseUrl}${path}`, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
		}),
	);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export function future(ms: number): string {
	return new Date(Date.now() + ms).toISOString();
}

/** Polls `check` until it returns true (or throws after timeoutMs). */
export async function until(
	check: () => Promise<boolean> | boolean,
	timeoutMs = 3000,
	everyMs = 10,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
		await sleep(everyMs);
	}
}
