import type { IDataObject } from 'n8n-workflow';

import { isObject } from './callback-event';

/** The parts of n8n's webhook request the triggers read: n8n has already parsed JSON and form bodies into `body`. */
export interface WebhookRequest {
	headers: Record<string, string | string[] | undefined>;
	body?: unknown;
	rawBody?: Buffer | string;
	/** n8n's reader of the body bytes into `rawBody` (its rawBodyReader middleware), for bodies it did not parse. */
	readRawBody?: () => Promise<void>;
	query?: unknown;
	url?: string;
}

/** The parts of the response the triggers write (Node's ServerResponse, which express's Response extends). */
export interface WebhookResponse {
	statusCode: number;
	setHeader(name: string, value: string): unknown;
	end(text?: string): unknown;
	/** 'finish': the answer was written whole; 'close': the exchange is over, answered or not. */
	once(event: 'finish' | 'close', listener: () => void): unknown;
}

type PayloadResult = { ok: true; payload: IDataObject } | { ok: false; reason: string };

/**
 * How deep a callback may nest. The deepest documented callback nests 3 levels (Routee's
 * `status.reason.detailedStatus`, https://docs.routee.net/docs/callbacks; Octopush's are flat,
 * https://dev.octopush.com/en/sms-gateway-api-documentation/callbacks/); a body nested deeper than this is no
 * callback of either, and would overflow the stack of every recursive reader after us (the repeat key, n8n's
 * execution data).
 */
export const MAX_CALLBACK_DEPTH = 32;

const FORM = /^[^=&\s]+=[^&]*(?:&[^=&\s]+=[^&]*)*$/;

function contentTypeOf(request: WebhookRequest): string {
	const header = request.headers['content-type'];
	return (Array.isArray(header) ? header[0] : (header ?? '')).toLowerCase();
}

type BodyRead = { ok: true } | { ok: false; status: number; reason: string };

/**
 * For webhook nodes of typeVersion 2 and later n8n parses only JSON, text, form and XML bodies and leaves any
 * other body (no content type, octet-stream…) unread: read its bytes, as n8n's own Webhook node does. n8n's
 * reader (the `raw-body` package) refuses a body over N8N_PAYLOAD_SIZE_MAX with status 413 and a broken upload
 * with 400: that is the answer, not an error of the workflow.
 */
export async function readUnparsedBody(request: WebhookRequest): Promise<BodyRead> {
	if (request.body !== undefined || request.rawBody !== undefined) return { ok: true };
	try {
		await request.readRawBody?.();
		return { ok: true };
	} catch (error) {
		const status = (error as { status?: unknown }).status;
		if (status === 413)
			return { ok: false, status, reason: "Payload Too Large: the body is over n8n's size limit" };
		return {
			ok: false,
			status: 400,
			reason: `Bad request: the body could not be read (${(error as Error).message})`,
		};
	}
}

/** True when `value` nests objects or arrays more than `limit` levels deep (walked without recursion). */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
	const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
	while (stack.length > 0) {
		const next = stack.pop()!;
		if (typeof next.value !== 'object' || next.value === null) continue;
		if (next.depth >= limit) return true;
		for (const inner of Object.values(next.value))
			stack.push({ value: inner, depth: next.depth + 1 });
	}
	return false;
}

/**
 * The callback as an object. n8n parses `application/json` and form bodies itself; anything else (no or
 * another content type) arrives as text or raw bytes and is read here: JSON, or a form when `acceptForm`.
 */
export function readPayload(request: WebhookRequest, acceptForm: boolean): PayloadResult {
	const read = readObject(request, acceptForm);
	if (read.ok && nestsDeeperThan(read.payload, MAX_CALLBACK_DEPTH))
		return {
			ok: false,
			reason: `the body nests more than ${MAX_CALLBACK_DEPTH} levels deep; no callback does`,
		};
	return read;
}

function readObject(request: WebhookRequest, acceptForm: boolean): PayloadResult {
	const isForm = contentTypeOf(request).includes('application/x-www-form-urlencoded');
	if (isForm && !acceptForm)
		return { ok: false, reason: 'form-encoded bodies are not accepted: send JSON' };
	// a copy: n8n's form parser returns an object without prototype
	if (isObject(request.body) && Object.keys(request.body).length > 0)
		return { ok: true, payload: { ...request.body } };
	const raw = request.rawBody ?? (typeof request.body === 'string' ? request.body : '');
	const text = (typeof raw === 'string' ? raw : raw.toString('utf8')).trim();
	if (text === '') return { ok: false, reason: 'the body is empty' };
	if (!isForm) {
		try {
			const parsed = JSON.parse(text) as unknown;
			if (isObject(parsed)) return { ok: true, payload: parsed };
			return { ok: false, reason: 'the body is JSON but not an object' };
		} catch (error) {
			if (!acceptForm || !FORM.test(text)) {
				return { ok: false, reason: `the body is not valid JSON (${(error as Error).message})` };
			}
		}
	}
	const payload: IDataObject = {};
	for (const [key, value] of new URLSearchParams(text)) payload[key] = value;
	if (Object.keys(payload).length === 0)
		return { ok: false, reason: 'the form body has no fields' };
	return { ok: true, payload };
}

/**
 * Form bodies flatten nested objects into `meta_data[call_duration]=12`; this nests them again so a field
 * reads the same whether the provider sent JSON or a form. The payload itself is left untouched.
 */
export function nestBracketKeys(payload: IDataObject): IDataObject {
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(payload)) {
		const match = /^([^[\]]+)\[([^[\]]+)\]$/.exec(key);
		if (match === null) {
			if (!(key in result)) result[key] = value;
			continue;
		}
		const [, parent, child] = match;
		const nested = isObject(result[parent]) ? (result[parent] as IDataObject) : {};
		nested[child] = value;
		result[parent] = nested;
	}
	return result;
}

/**
 * Answers the call now. Providers only need the status (Octopush wants an answer within a second, Routee
 * re-posts anything but 200), so an accepted call gets 200 with an empty body.
 */
export function answer(
	response: WebhookResponse,
	status: number,
	message = '',
	headers: Record<string, string> = {},
): void {
	response.statusCode = status;
	for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
	if (message !== '') response.setHeader('content-type', 'text/plain; charset=utf-8');
	response.end(message);
}
