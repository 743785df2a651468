// Benchmark 1 (continued): our Octopush node versus the workflow a user would otherwise build with
// n8n's HTTP Request node, over the same input items, in the same engine, against the same sandbox.
//   node --expose-gc --import tsx bench/octopush-vs-http-request.ts <recipients> [repetitions]
//
// - "per item": one POST /voice-campaign/send per input item (one recipient each), with the
//   HTTP Request node's Batching option (500 items per batch, 1 ms between batches).
// - "pre-chunked": the same contacts handed to the HTTP Request node already grouped 500 per item
//   (the grouping itself left out, i.e. for free), one POST per group: the best a hand-built
//   workflow can do.

import type { INode, INodeExecutionData } from 'n8n-workflow';

import { reportToParent } from './lib/child';
import { findNodesBase, harnessWithHttpRequest, HTTP_REQUEST_TYPE } from './lib/n8n-http-request';
import { SandboxProcess } from './lib/sandbox-process';
import { contacts, VMS_PARAMETERS } from './octopush-vms';

const LOGIN = 'sandbox@example.com';
const KEY = 'sandbox-key';

export interface HttpRequestComparison {
	recipients: number;
	nodesBase: string;
	/** Best of the repetitions (run alternately, so machine load affects all alike), and every one. */
	nodeMs: number;
	perItemMs: number;
	all: { nodeMs: number[]; perItemMs: number[]; chunkedMs: number[] };
	perItemRequests: number;
	perItemAccepted: number;
	chunkedMs: number;
	chunkedRequests: number;
	chunkedAccepted: number;
}

function httpRequestNode(octopushBaseUrl: string, jsonBody: string, batching: boolean): INode {
	return {
		id: 'http',
		name: 'HTTP Request',
		type: HTTP_REQUEST_TYPE,
		typeVersion: 4.2,
		position: [0, 0],
		parameters: {
			method: 'POST',
			url: `${octopushBaseUrl}/voice-campaign/send`,
			sendHeaders: true,
			headerParameters: {
				parameters: [
					{ name: 'api-login', value: LOGIN },
					{ name: 'api-key', value: KEY },
				],
			},
			sendBody: true,
			contentType: 'json',
			specifyBody: 'json',
			jsonBody,
			options: batching ? { batching: { batch: { batchSize: 500, batchInterval: 1 } } } : {},
		},
	};
}

interface Measured {
	ms: number;
	requests: number;
	accepted: number;
}

const BODY_FIELDS = `text: ${JSON.stringify(VMS_PARAMETERS.text)}, type: "voice_sms", voice_language: "en-GB", voice_gender: "female"`;

async function main(): Promise<void> {
	const size = Number(process.argv[2]);
	const repetitions = Number(process.argv[3] ?? 3);
	const nodesBase = findNodesBase();
	if ('missing' in nodesBase) throw new Error(nodesBase.missing);
	const sandbox = await SandboxProcess.start();
	const harness = await harnessWithHttpRequest(nodesBase);
	const credential = harness.addCredential('octopushApi', {
		apiLogin: LOGIN,
		apiKey: KEY,
		baseUrl: sandbox.urls.octopushBaseUrl,
	});
	const base = sandbox.urls.octopushBaseUrl;

	const perItem = httpRequestNode(
		base,
		`={{ JSON.stringify({ ${BODY_FIELDS}, recipients: [{ phone_number: $json.phone, first_name: $json.name, param1: $json.code }] }) }}`,
		true,
	);
	const chunked = httpRequestNode(
		base,
		`={{ JSON.stringify({ ${BODY_FIELDS}, recipients: $json.recipients }) }}`,
		false,
	);
	const runHttp = async (node: INode, input: INodeExecutionData[]) => {
		const r = await harness.run({ nodes: [node], connections: {} }, { input });
		if (r.error) throw r.error;
		return r;
	};
	const runOurs = async (input: INodeExecutionData[]) => {
		const r = await harness.runNode('octopush', VMS_PARAMETERS, {
			credentials: { octopushApi: credential },
			input,
		});
		if (r.error) throw r.error;
		return r;
	};
	const grouped = (items: INodeExecutionData[]): INodeExecutionData[] => {
		const groups: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i += 500) {
			const recipients = items.slice(i, i + 500).map(({ json }) => ({
				phone_number: json.phone,
				first_name: json.name,
				param1: json.code,
			}));
			groups.push({ json: { recipients } });
		}
		return groups;
	};
	const measure = async (work: () => Promise<unknown>): Promise<Measured> => {
		await sandbox.reset();
		const start = performance.now();
		await work();
		const ms = performance.now() - start;
		const requests = (await sandbox.requests()).filter((r) => r.path === '/voice-campaign/send');
		const accepted = (await sandbox.octopushTickets()).recipients;
		if (requests.some((r) => r.status !== 200)) throw new Error('a request was refused');
		return { ms, requests: requests.length, accepted };
	};

	// warm up every path
	const warm = contacts(1000);
	await measure(async () => await runOurs(warm));
	await measure(async () => await runHttp(perItem, warm));
	await measure(async () => await runHttp(chunked, grouped(warm)));

	const items = contacts(size);
	const groups = grouped(items);
	const runs = { ours: [] as Measured[], item: [] as Measured[], chunk: [] as Measured[] };
	for (let rep = 0; rep < repetitions; rep++) {
		runs.ours.push(await measure(async () => await runOurs(items)));
		runs.item.push(await measure(async () => await runHttp(perItem, items)));
		runs.chunk.push(await measure(async () => await runHttp(chunked, groups)));
	}
	await sandbox.stop();
	const best = (list: Measured[]) => list.reduce((a, b) => (b.ms < a.ms ? b : a));
	const [ours, item, chunk] = [best(runs.ours), best(runs.item), best(runs.chunk)];

	const result: HttpRequestComparison = {
		recipients: size,
		nodesBase: `n8n-nodes-base ${nodesBase.nodesBaseVersion} (n8n ${nodesBase.n8nVersion})`,
		nodeMs: ours.ms,
		perItemMs: item.ms,
		perItemRequests: item.requests,
		perItemAccepted: item.accepted,
		chunkedMs: chunk.ms,
		chunkedRequests: chunk.requests,
		chunkedAccepted: chunk.accepted,
		all: {
			nodeMs: runs.ours.map((r) => r.ms),
			perItemMs: runs.item.map((r) => r.ms),
			chunkedMs: runs.chunk.map((r) => r.ms),
		},
	};
	reportToParent(result);
}

if (require.main === module) {
	main().catch((error: unknown) => {
		process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
		process.exit(1);
	});
}
