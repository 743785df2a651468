// Benchmark 1: Octopush Voice SMS, N input items → one campaign, through the harness (n8n-core's
// WorkflowExecute with the built package) against the sandbox, versus a bare `fetch` client posting
// the same bodies to the same sandbox. Run by ./index.ts in a fresh process per size:
//   node --expose-gc --import tsx bench/octopush-vms.ts <recipients> [repetitions]

import { OutboundHttp } from '@n8n/backend-network';
import { Container } from '@n8n/di';
import type { INodeExecutionData } from 'n8n-workflow';

import { Harness } from '../test/harness';
import { reportToParent } from './lib/child';
import { type OctopushPhases, octopushPhases, trackOctopushPhases } from './lib/octopush-phases';
import { parameterResolution, trackParameterResolution } from './lib/parameter-time';
import { measureRss } from './lib/rss';
import { SandboxProcess } from './lib/sandbox-process';

const SEND = '/voice-campaign/send';
const LOGIN = 'sandbox@example.com';
const KEY = 'sandbox-key';
const WARMUP_RECIPIENTS = 20_000;

export const VMS_PARAMETERS = {
	resource: 'voiceSms',
	operation: 'sendCampaign',
	mode: 'allItems',
	text: 'Hello {first_name}, your appointment code is {param1}. Press 1 to confirm.',
	phoneNumber: '={{ $json.phone }}',
	personalization: { firstName: '={{ $json.name }}', param1: '={{ $json.code }}' },
};

/** `n` contacts, as a CRM export would give them. */
export function contacts(n: number, offset = 0): INodeExecutionData[] {
	return Array.from({ length: n }, (_, i) => ({
		json: { phone: `+336${String(offset + i).padStart(8, '0')}`, name: `Name${i}`, code: `C${i}` },
	}));
}

export interface VmsResult {
	recipients: number;
	frames: number;
	nodeMs: number;
	/** Of nodeMs, time n8n-core spent in getNodeParameter (expression evaluation), and its calls. */
	parameterMs: number;
	parameterCalls: number;
	/** Where nodeMs went (see ./lib/octopush-phases.ts). */
	phases: OctopushPhases;
	fetchMs: number[];
	/** The same bodies posted by n8n-core's outbound HTTP client (what `this.helpers.httpRequest` uses). */
	n8nClientMs: number[];
	/** TCP connections the sandbox accepted during the node's run, and during one fetch run. */
	connections: { node: number; fetch: number };
	rssGrowth: number;
	rssBefore: number;
	rssPeak: number;
	/** JS heap the finished run still holds (its output, run data), after GC. */
	heapRetained: number;
	accepted: { tickets: number; recipients: number; distinct: number };
	bodiesIdentical: boolean;
}

async function postAll(octopushBaseUrl: string, bodies: unknown[]): Promise<void> {
	for (const body of bodies) {
		const response = await fetch(`${octopushBaseUrl}${SEND}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'api-login': LOGIN, 'api-key': KEY },
			body: JSON.stringify(body),
		});
		if (response.status !== 200)
			throw new Error(`baseline frame refused: ${response.status} ${await response.text()}`);
		await response.json();
	}
}

/** The floor for any node: n8n-core's own HTTP client (no expressions, no credentials) posting the bodies. */
async function postAllWithN8nClient(octopushBaseUrl: string, bodies: unknown[]): Promise<void> {
	const client = Container.get(OutboundHttp).requests();
	for (const body of bodies) {
		await client.request({
			method: 'POST',
			url: `${octopushBaseUrl}${SEND}`,
			headers: { 'api-login': LOGIN, 'api-key': KEY },
			body: body as object,
			json: true,
		});
	}
}

async function main(): Promise<void> {
	const size = Number(process.argv[2]);
	const fetchRepetitions = Number(process.argv[3] ?? 3);
	trackParameterResolution();
	trackOctopushPhases();
	const sandbox = await SandboxProcess.start();
	const harness = await Harness.create();
	const credential = harness.addCredential('octopushApi', {
		apiLogin: LOGIN,
		apiKey: KEY,
		baseUrl: sandbox.urls.octopushBaseUrl,
	});
	let execution = 0;
	const runNode = async (items: INodeExecutionData[]) => {
		const r = await harness.runNode('octopush', VMS_PARAMETERS, {
			credentials: { octopushApi: credential },
			input: items,
			executionId: `bench-${process.pid}-${++execution}`,
		});
		if (r.error) throw r.error;
		return r;
	};

	// Warm up every path (JIT, sockets; the sandbox process too) on a 40-frame campaign. With 4 frames the
	// node's measured run was the first to send many frames, and the baselines measured after it ran
	// on code (ours, n8n's client, the sandbox's) that run had warmed.
	await sandbox.reset();
	await runNode(contacts(WARMUP_RECIPIENTS));
	const warmupBodies = await sandbox.bodies('octopush', SEND);
	await sandbox.reset();
	await postAll(sandbox.urls.octopushBaseUrl, warmupBodies);
	await sandbox.reset();
	await postAllWithN8nClient(sandbox.urls.octopushBaseUrl, warmupBodies);

	const items = contacts(size);
	await sandbox.reset();
	const measured = await measureRss(
		async () =>
			await parameterResolution(
				async () => await octopushPhases(async () => await timed(async () => await runNode(items))),
			),
	);
	const { phases } = measured.result.value;
	const { value: run, ms: nodeMs } = measured.result.value.value;
	const accepted = await sandbox.octopushTickets();
	const nodeConnections = await sandbox.connectionsAccepted();
	const bodies = await sandbox.bodies('octopush', SEND);
	const bodiesIdentical =
		JSON.stringify(bodies) ===
		JSON.stringify(expectedBodies(size, bodies as Array<{ request_id: string }>));

	// the same bodies again, by a bare client: forget the request ids (and tickets) the node's run used
	const fetchMs: number[] = [];
	const n8nClientMs: number[] = [];
	let fetchConnections = 0;
	for (let rep = 0; rep < fetchRepetitions; rep++) {
		await sandbox.reset();
		fetchMs.push((await timed(async () => await postAll(sandbox.urls.octopushBaseUrl, bodies))).ms);
		fetchConnections = await sandbox.connectionsAccepted();
		await sandbox.reset();
		n8nClientMs.push(
			(await timed(async () => await postAllWithN8nClient(sandbox.urls.octopushBaseUrl, bodies)))
				.ms,
		);
	}
	await sandbox.stop();

	const result: VmsResult = {
		recipients: size,
		frames: run.items.length,
		nodeMs,
		parameterMs: measured.result.ms,
		parameterCalls: measured.result.calls,
		phases,
		fetchMs,
		n8nClientMs,
		connections: { node: nodeConnections, fetch: fetchConnections },
		rssGrowth: measured.growth,
		rssBefore: measured.before,
		rssPeak: measured.peak,
		heapRetained: measured.heapRetained,
		accepted,
		bodiesIdentical,
	};
	reportToParent(result);
}

/** What the node should have sent: 500 contacts per frame, in order, every placeholder field filled. */
function expectedBodies(size: number, sent: Array<{ request_id: string }>): unknown[] {
	const frames = Math.ceil(size / 500);
	return Array.from({ length: frames }, (_, f) => ({
		text: VMS_PARAMETERS.text,
		type: 'voice_sms',
		voice_language: 'en-GB',
		voice_gender: 'female',
		recipients: contacts(Math.min(500, size - f * 500), f * 500).map(({ json }, i) => ({
			phone_number: json.phone,
			first_name: `Name${f * 500 + i}`,
			param1: `C${f * 500 + i}`,
		})),
		request_id: sent[f]?.request_id,
	}));
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
	const start = performance.now();
	const value = await work();
	return { ms: performance.now() - start, value };
}

if (require.main === module) {
	main().catch((error: unknown) => {
		process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
		process.exit(1);
	});
}
