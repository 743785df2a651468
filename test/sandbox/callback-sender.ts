// POSTs provider callbacks like the providers do: JSON, and re-POST (up to 5 retries) until the receiver answers 200.

import { EventEmitter } from 'node:events';
import * as http from 'node:http';
import * as https from 'node:https';

import type { Runtime } from './runtime';
import type { CallbackKind, SentCallback } from './types';

export const CALLBACK_MAX_RETRIES = 5;
export const CALLBACK_BACKOFF_MS = 20;
export const CALLBACK_ATTEMPT_TIMEOUT_MS = 5000;

export interface CallbackJob {
	provider: 'routee' | 'octopush';
	kind: CallbackKind;
	url: string;
	body: unknown;
}

interface AttemptResult {
	status: number | 'error';
	responseBody?: string;
	error?: string;
}

function postJson(url: string, body: unknown, signal: AbortSignal): Promise<AttemptResult> {
	return new Promise((resolve) => {
		let target: URL;
		try {
			target = new URL(url);
		} catch {
			resolve({ status: 'error', error: `invalid callback URL: ${url}` });
			return;
		}
		const client = target.protocol === 'https:' ? https : http;
		const payload = Buffer.from(JSON.stringify(body), 'utf8');
		const req = client.request(
			target,
			{
				method: 'POST',
				agent: false,
				signal,
				timeout: CALLBACK_ATTEMPT_TIMEOUT_MS,
				headers: {
					'content-type': 'application/json; charset=utf-8',
					'content-length': String(payload.length),
					'user-agent': 'n8n-nodes-routee-octopush-sandbox',
					connection: 'close',
				},
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () =>
					resolve({
						status: res.statusCode ?? 0,
						responseBody: Buffer.concat(chunks).toString('utf8'),
					}),
				);
				res.on('error', (error) => resolve({ status: 'error', error: error.message }));
			},
		);
		req.on('timeout', () => req.destroy(new Error('callback timed out')));
		req.on('error', (error) => resolve({ status: 'error', error: error.message }));
		req.end(payload);
	});
}

export class CallbackSender extends EventEmitter {
	readonly sent: SentCallback[] = [];

	constructor(private readonly runtime: Runtime) {
		super();
	}

	/** Delivers one callback, retrying on anything but 200; resolves with the last attempt. */
	async send(job: CallbackJob): Promise<SentCallback | undefined> {
		let last: SentCallback | undefined;
		for (let attempt = 1; attempt <= 1 + CALLBACK_MAX_RETRIES; attempt++) {
			if (this.runtime.isStopped) return last;
			if (attempt > 1) await this.runtime.sleep(CALLBACK_BACKOFF_MS * (attempt - 1));
			if (this.runtime.isStopped) return last;
			const sentAt = Date.now();
			const result = await postJson(job.url, job.body, this.runtime.abort.signal);
			if (this.runtime.isStopped) return last;
			last = {
				provider: job.provider,
				kind: job.kind,
				url: job.url,
				body: job.body,
				attempt,
				sentAt,
				at: Date.now(),
				...result,
			};
			this.sent.push(last);
			this.emit('callback', last);
			if (result.status === 200) break;
		}
		return last;
	}
}
