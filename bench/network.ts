// Benchmark 8 (issue 25): an Octopush voice SMS campaign over a realistic link — the sandbox served over TLS
// behind a delay (./lib/link.ts) — through the harness, with Frames in Parallel 1, 2, 4 and 8, each against
// a bare `fetch` (keep-alive) posting the same bodies at the same parallelism, in the same run.
//   NODE_EXTRA_CA_CERTS=<cert> node --import tsx bench/network.ts <recipients> <p1,p2,…> <cert> <key> <one-way ms> <provider ms per recipient>
// The parent (./network.section.ts) makes the self-signed certificate and sets NODE_EXTRA_CA_CERTS, so
// this process (n8n's engine and client, and fetch) trusts it; nothing turns TLS verification off.

import type { INodeExecutionData } from 'n8n-workflow';

import { Harness } from '../test/harness';
import { reportToParent } from './lib/child';
import { SandboxProcess } from './lib/sandbox-process';
import { contacts, VMS_PARAMETERS } from './octopush-vms';

const SEND = '/voice-campaign/send';
const LOGIN = 'sandbox@example.com';
const KEY = 'sandbox-key';
const FRAME_SIZE = 500;

export interface NetworkRun {
	/** Wall time of the whole run (the node: the harness's workflow run; fetch: posting every body). */
	ms: number;
	/** CPU time of this process (user + system) during the run. */
	cpuMs: number;
	/** From the run's start until the first frame reached the provider. */
	firstFrameMs: number;
	/** New TCP (and so TLS) connections the link saw during the run. */
	connections: number;
	requests: number;
	acceptedRecipients: number;
}

export interface NetworkRow {
	inParallel: number;
	node: NetworkRun;
	fetch: NetworkRun;
}

export interface NetworkResult {
	recipients: number;
	frames: number;
	oneWayMs: number;
	providerMsPerRecipient: number;
	tls: string;
	rows: NetworkRow[];
}

const epochNow = () => performance.timeOrigin + performance.now();

async function main(): Promise<void> {
	const [size, parallelisms, certFile, keyFile, oneWay, perRecipient] = process.argv.slice(2);
	const recipients = Number(size);
	const oneWayMs = Number(oneWay);
	const providerMsPerRecipient = Number(perRecipient);
	if (!process.env.NODE_EXTRA_CA_CERTS)
		throw new Error('NODE_EXTRA_CA_CERTS must name the link certificate');

	const sandbox = await SandboxProcess.start();
	const origin = await sandbox.startLink({ oneWayMs, providerMsPerRecipient, certFile, keyFile });
	const baseUrl = `${origin}/octopush/v1/public`;
	const harness = await Harness.create();
	const credential = harness.addCredential('octopushApi', {
		apiLogin: LOGIN,
		apiKey: KEY,
		baseUrl,
	});
	let execution = 0;

	const measure = async (work: () => Promise<void>): Promise<NetworkRun> => {
		await sandbox.reset();
		await sandbox.linkReset();
		const cpu = process.cpuUsage();
		const startedAt = epochNow();
		const start = performance.now();
		await work();
		const ms = performance.now() - start;
		const used = process.cpuUsage(cpu);
		const stats = await sandbox.linkStats();
		const accepted = await sandbox.octopushTickets();
		return {
			ms,
			cpuMs: (used.user + used.system) / 1000,
			firstFrameMs: (stats.firstRequestAt ?? NaN) - startedAt,
			connections: stats.connections,
			requests: stats.requests,
			acceptedRecipients: accepted.recipients,
		};
	};

	const runNode = async (items: INodeExecutionData[], inParallel: number) => {
		const r = await harness.runNode(
			'octopush',
			{ ...VMS_PARAMETERS, options: { frameSize: FRAME_SIZE, framesInParallel: inParallel } },
			{
				credentials: { octopushApi: credential },
				input: items,
				executionId: `bench-network-${process.pid}-${++execution}`,
			},
		);
		if (r.error) throw r.error;
	};

	/** Bare fetch (Node's undici: keep-alive), `inParallel` requests at a time, as the node's workers take frames. */
	const postAll = async (bodies: unknown[], inParallel: number) => {
		let next = 0;
		const lane = async () => {
			while (next < bodies.length) {
				const body = bodies[next++];
				const response = await fetch(`${baseUrl}${SEND}`, {
					method: 'POST',
					headers: { 'content-type': 'application/json', 'api-login': LOGIN, 'api-key': KEY },
					body: JSON.stringify(body),
				});
				if (response.status !== 200)
					throw new Error(`baseline frame refused: ${response.status} ${await response.text()}`);
				await response.json();
			}
		};
		await Promise.all(Array.from({ length: Math.min(inParallel, bodies.length) }, lane));
	};

	// warm-up of both paths (JIT, the link, the sandbox) on a small campaign
	const warmup = contacts(4 * FRAME_SIZE, 50_000_000);
	await measure(async () => await runNode(warmup, 2));
	const warmupBodies = await sandbox.bodies('octopush', SEND);
	await measure(async () => await postAll(warmupBodies, 2));

	const items = contacts(recipients);
	const rows: NetworkRow[] = [];
	for (const inParallel of parallelisms.split(',').map(Number)) {
		const node = await measure(async () => await runNode(items, inParallel));
		// the same bodies (request ids included: reset() forgot them) posted by fetch
		const bodies = await sandbox.bodies('octopush', SEND);
		const fetchRun = await measure(async () => await postAll(bodies, inParallel));
		for (const [who, run] of [
			['node', node],
			['fetch', fetchRun],
		] as const) {
			if (run.acceptedRecipients !== recipients)
				throw new Error(
					`${who}, ${inParallel} in parallel: ${run.acceptedRecipients} of ${recipients} recipients accepted`,
				);
		}
		process.stderr.write(
			`[network] ${inParallel} in parallel: node ${Math.round(node.ms)} ms, fetch ${Math.round(fetchRun.ms)} ms\n`,
		);
		rows.push({ inParallel, node, fetch: fetchRun });
	}
	const tls = await tlsVersion(baseUrl);
	await sandbox.stop();
	reportToParent({
		recipients,
		frames: Math.ceil(recipients / FRAME_SIZE),
		oneWayMs,
		providerMsPerRecipient,
		tls,
		rows,
	} satisfies NetworkResult);
}

/** The TLS version the link negotiates with this process's defaults. */
async function tlsVersion(baseUrl: string): Promise<string> {
	const tls = await import('node:tls');
	const url = new URL(baseUrl);
	return await new Promise((resolve, reject) => {
		const socket = tls.connect({ host: url.hostname, port: Number(url.port) }, () => {
			resolve(socket.getProtocol() ?? '?');
			socket.end();
		});
		socket.on('error', reject);
	});
}

if (require.main === module) {
	main().catch((error: unknown) => {
		process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
		process.exit(1);
	});
}
