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
}

type PayloadResult = { ok: true; payload: IDataObject } | { ok: false; reason: string };

const FORM = /^[^=&\s]+=[^&]*(?:&[^=&\s]+=[^&]*)*$/;

function contentTypeOf(request: WebhookRequest): string {
	const header = request.headers['content-type'];
	return (Array.isArray(header) ? header[0] : (header ?? '')).toLowerCase();
}

/**
 * For webhook nodes of typeVersion 2 and later n8n parses only JSON, text, form and XML bodies and leaves any
 * other body (no content type, octet-stream…) unread: read its bytes, as n8n's own Webhook node does.
 */
export async function readUnparsedBody(request: WebhookRequest): Promise<void> {
	if (request.body !== undefined || request.rawBody !== undefined) return;
	await request.readRawBody?.();
}

/**
 * The callback as an object. n8n parses `application/json` and form bodies itself; anything else (no or
 * another content type) arrives as text or raw bytes and is read here: JSON, or a form when `acceptForm`.
 */
export function readPayload(request: WebhookRequest, acceptForm: boolean): PayloadResult {
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
