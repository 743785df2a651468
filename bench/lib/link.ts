// A realistic link to the providers for the `network` bench section (issue 25): the sandbox served over
// TLS, behind a delay. Two stages, both on loopback, run in the sandbox's own process:
//   client ──TCP── delay (every chunk waits `oneWayMs` each way; a new connection's first bytes wait one
//   more round trip, its TCP handshake) ──TCP── TLS terminator (https, a self-signed certificate the client
//   trusts) ── provider time (per request, proportional to its recipients) ── the plain-HTTP sandbox.
// Delaying bytes rather than requests makes a new connection pay for its handshakes for real: TCP's round
// trip, then TLS's (one for TLS 1.3, two for 1.2), before the request's own round trip.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface LinkOptions {
	/** Where the plain-HTTP sandbox listens, e.g. http://127.0.0.1:1234 */
	target: string;
	/** Delay of every chunk in each direction (half the round trip). */
	oneWayMs: number;
	/** The provider's time to answer, per recipient in the request body (`recipients` array); 0 for others. */
	providerMsPerRecipient: number;
	certFile: string;
	keyFile: string;
}

export interface LinkStats {
	/** TCP connections clients opened through the link. */
	connections: number;
	/** HTTPS requests the terminator received. */
	requests: number;
	/** Epoch ms (with fractions) at which the first request since the last reset reached the provider. */
	firstRequestAt: number | undefined;
}

export interface Link {
	/** https://127.0.0.1:<port> — the sandbox's paths follow. */
	origin: string;
	stats: LinkStats;
	reset(): void;
	stop(): Promise<void>;
}

/** A self-signed certificate for 127.0.0.1 and localhost, made with the machine's openssl. */
export function selfSignedCertificate(): { certFile: string; keyFile: string } {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-link-'));
	const certFile = path.join(dir, 'cert.pem');
	const keyFile = path.join(dir, 'key.pem');
	execFileSync(
		'openssl',
		[
			'req',
			'-x509',
			'-newkey',
			'ec',
			'-pkeyopt',
			'ec_paramgen_curve:prime256v1',
			'-nodes',
			'-days',
			'2',
			'-subj',
			'/CN=bench-provider',
			'-addext',
			'subjectAltName=IP:127.0.0.1,DNS:localhost',
			'-keyout',
			keyFile,
			'-out',
			certFile,
		],
		{ stdio: 'ignore' },
	);
	return { certFile, keyFile };
}

const epochNow = () => performance.timeOrigin + performance.now();

/**
 * Forwards `from`'s bytes to `to`, each chunk `delayMs` later, none before `notBefore()`; its end or close follows
 * its last chunk. One queue and one timer per direction: separate timers of nearly equal due times may fire out
 * of order, which would reorder the TLS stream or end it before its last bytes.
 */
function delayed(from: net.Socket, to: net.Socket, delayMs: number, notBefore: () => number) {
	const queue: Array<{ at: number; work: () => void }> = [];
	let timer: NodeJS.Timeout | undefined;
	const run = () => {
		timer = undefined;
		while (queue.length > 0 && queue[0].at <= performance.now()) queue.shift()?.work();
		if (queue.length > 0) timer = setTimeout(run, Math.max(0, queue[0].at - performance.now()));
	};
	const later = (work: () => void) => {
		const at = Math.max(performance.now() + delayMs, notBefore(), queue.at(-1)?.at ?? 0);
		queue.push({ at, work });
		timer ??= setTimeout(run, Math.max(0, at - performance.now()));
	};
	from.on('data', (chunk: Buffer) => later(() => to.writable && to.write(chunk)));
	from.on('end', () => later(() => to.end()));
	from.on('close', () => later(() => to.destroy()));
}

export async function startLink(options: LinkOptions): Promise<Link> {
	const stats: LinkStats = { connections: 0, requests: 0, firstRequestAt: undefined };
	const target = new URL(options.target);
	const upstream = new http.Agent({ keepAlive: true, maxSockets: 64 });

	const terminator = https.createServer(
		{
			cert: readFileSync(options.certFile),
			key: readFileSync(options.keyFile),
			keepAliveTimeout: 60_000,
		},
		(req, res) => {
			stats.requests++;
			stats.firstRequestAt ??= epochNow();
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				const body = Buffer.concat(chunks);
				let recipients = 0;
				try {
					const parsed = JSON.parse(body.toString()) as { recipients?: unknown };
					if (Array.isArray(parsed.recipients)) recipients = parsed.recipients.length;
				} catch {
					// not JSON: no provider time
				}
				const forward = () => {
					const out = http.request(
						{
							host: target.hostname,
							port: target.port,
							method: req.method,
							path: req.url,
							headers: { ...req.headers, host: target.host },
							agent: upstream,
						},
						(answer) => {
							res.writeHead(answer.statusCode ?? 502, answer.headers);
							answer.pipe(res);
						},
					);
					out.on('error', () => res.destroy());
					out.end(body);
				};
				const providerMs = recipients * options.providerMsPerRecipient;
				if (providerMs > 0) setTimeout(forward, providerMs);
				else forward();
			});
		},
	);
	await new Promise<void>((resolve) => terminator.listen(0, '127.0.0.1', resolve));
	const terminatorPort = (terminator.address() as net.AddressInfo).port;

	const sockets = new Set<net.Socket>();
	const delay = net.createServer((client) => {
		stats.connections++;
		// the TCP handshake: the client could send only one round trip after it started connecting
		const usableAt = performance.now() + 2 * options.oneWayMs;
		const server = net.connect(terminatorPort, '127.0.0.1');
		for (const socket of [client, server]) {
			sockets.add(socket);
			socket.setNoDelay(true);
			socket.on('close', () => sockets.delete(socket));
			// a reset reaches the other side as a close, one way later (delayed() below)
			socket.on('error', () => socket.destroy());
		}
		delayed(client, server, options.oneWayMs, () => usableAt + options.oneWayMs);
		delayed(server, client, options.oneWayMs, () => 0);
	});
	await new Promise<void>((resolve) => delay.listen(0, '127.0.0.1', resolve));
	const port = (delay.address() as net.AddressInfo).port;

	return {
		origin: `https://127.0.0.1:${port}`,
		stats,
		reset: () => {
			stats.connections = 0;
			stats.requests = 0;
			stats.firstRequestAt = undefined;
		},
		stop: async () => {
			for (const socket of sockets) socket.destroy();
			upstream.destroy();
			terminator.closeAllConnections();
			await Promise.all([
				new Promise((resolve) => delay.close(resolve)),
				new Promise((resolve) => terminator.close(resolve)),
			]);
		},
	};
}
