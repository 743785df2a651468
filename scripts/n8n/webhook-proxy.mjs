// The load balancer in front of an n8n queue-mode setup, as n8n's documentation lays it out:
// production and waiting webhooks (/webhook/…, /webhook-waiting/…, /form-waiting/…) go to the webhook process, the
// rest (editor, REST API, /webhook-test/…) to the main process. WEBHOOK_URL names this proxy, so
// the URLs n8n hands out (trigger registration, resume URLs, test URLs) reach the right process.
// It counts which process served each request, so a test can show where the calls went.

import { createServer, request as httpRequest } from 'node:http';

const TO_WEBHOOK_PROCESS = /^\/(webhook|webhook-waiting|form-waiting)\//;

/**
 * Starts the proxy on 127.0.0.1:`port`. `targets()` answers `{ main, webhook }` ports at each
 * request (a test may restart a process). Resolves with `{ port, served, close() }`; `served` lists
 * `{ method, path, target, status }` per request.
 */
export function startWebhookProxy({ port, targets }) {
	const served = [];
	const server = createServer((incoming, outgoing) => {
		const path = incoming.url ?? '/';
		const target = TO_WEBHOOK_PROCESS.test(path) ? 'webhook' : 'main';
		const record = { method: incoming.method, path, target, status: 0 };
		served.push(record);
		const forward = httpRequest(
			{
				host: '127.0.0.1',
				port: targets()[target],
				method: incoming.method,
				path,
				headers: incoming.headers,
			},
			(answer) => {
				record.status = answer.statusCode ?? 0;
				outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(outgoing);
			},
		);
		forward.on('error', (error) => {
			record.status = 502;
			if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'text/plain' });
			outgoing.end(`proxy: ${target} process unreachable: ${error.message}`);
		});
		incoming.pipe(forward);
	});
	server.keepAliveTimeout = 1000;
	return new Promise((resolveStart, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () =>
			resolveStart({
				port,
				served,
				close: () =>
					new Promise((resolveClose) => {
						server.closeAllConnections?.();
						server.close(() => resolveClose());
					}),
			}),
		);
	});
}
