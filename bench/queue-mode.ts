// Benchmark 6: the same work in real n8n 2.40.7 in regular mode and in queue mode (main + webhook process +
// 2 workers on Redis and PostgreSQL 17, scripts/n8n/start.mjs startQueueN8n), one mode per child process:
//   node --import tsx bench/queue-mode.ts <regular|queue> [callbacks per round] [in flight] [recipients]
// - callbacks/s: Routee SMS delivery reports POSTed to the Routee Trigger's production URL (in queue mode
//   straight at the webhook process), counted until n8n has stored every execution they started;
// - a campaign: Manual Trigger → Code (the contacts) → Octopush voice SMS to all of them (frames of 500),
//   in queue mode run by a worker; the Octopush node's own time (n8n's executionTime) and the whole run.

import path from 'node:path';

import { Sandbox } from '../test/sandbox';
import { sandboxCredentials } from '../test/e2e/n8n';
import type { N8n, QueueN8n } from '../scripts/n8n/start.mjs';
import { reportToParent } from './lib/child';
import { routeeTriggerWorkflow, smsDeliveryReport } from './trigger-throughput';
import { VMS_PARAMETERS } from './octopush-vms';

type StartModule = typeof import('../scripts/n8n/start.mjs');

export interface QueueModeResult {
	mode: 'regular' | 'queue';
	startMs: number;
	callbacks: { sent: number; ok: number; answerMs: number; storedMs: number; perSecond: number };
	campaign: {
		recipients: number;
		status: string;
		nodeMs: number;
		runMs: number;
		acceptedRecipients: number;
		ranOn: string;
	};
}

const WEBHOOK_ID = '5c2d9e1a-bench-4b6f-8d2e-queuemodetrig';
const ROUNDS = 2;

async function executionCount(n8n: N8n, workflowId: string): Promise<number> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	return (await n8n.request<{ count: number }>('GET', `/rest/executions?filter=${filter}&limit=1`))
		.count;
}

async function callbacks(
	n8n: N8n,
	url: string,
	workflowId: string,
	perRound: number,
	inFlight: number,
) {
	let n = 0;
	let sent = 0;
	let ok = 0;
	let answerMs = 0;
	let storedMs = 0;
	const round = async (count: number, keep: boolean) => {
		const before = await executionCount(n8n, workflowId);
		const started = performance.now();
		let next = 0;
		let answered = 0;
		await Promise.all(
			Array.from({ length: inFlight }, async () => {
				while (next < count) {
					next++;
					const response = await fetch(url, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify(smsDeliveryReport(`queue-bench-${n++}`)),
					});
					await response.arrayBuffer();
					if (response.status === 200) answered++;
				}
			}),
		);
		const answeredAt = performance.now();
		const deadline = Date.now() + 300_000;
		while ((await executionCount(n8n, workflowId)) < before + answered && Date.now() < deadline)
			await new Promise((r) => setTimeout(r, 200));
		if (!keep) return;
		sent += count;
		ok += answered;
		answerMs += answeredAt - started;
		storedMs += performance.now() - started;
	};
	await round(20, false); // warm-up
	for (let r = 0; r < ROUNDS; r++) await round(perRound, true);
	return { sent, ok, answerMs, storedMs, perSecond: (ok / storedMs) * 1000 };
}

async function campaign(n8n: N8n, sandbox: Sandbox, recipients: number) {
	const workflowId = 'benchqueuecampgn';
	await n8n.importWorkflows([
		{
			id: workflowId,
			name: 'Bench: campaign',
			nodes: [
				{
					id: 'start',
					name: 'Start',
					type: 'n8n-nodes-base.manualTrigger',
					typeVersion: 1,
					position: [0, 0],
					parameters: {},
				},
				{
					id: 'contacts',
					name: 'Contacts',
					type: 'n8n-nodes-base.code',
					typeVersion: 2,
					position: [200, 0],
					parameters: {
						jsCode: `return Array.from({ length: ${recipients} }, (_, i) => ({ json: { phone: '+336' + String(i).padStart(8, '0'), name: 'Name' + i, code: 'C' + i } }));`,
					},
				},
				{
					id: 'octopush',
					name: 'Octopush',
					type: 'n8n-nodes-routee-octopush.octopush',
					typeVersion: 1,
					position: [400, 0],
					// the same campaign as the harness bench (octopush-vms.ts), so a panel change reaches both
					parameters: {
						...VMS_PARAMETERS,
						sender: 'Bench',
						voiceLanguage: 'fr-FR',
						voiceGender: 'female',
						options: { frameSize: 500, framesInParallel: 1 },
					},
					credentials: { octopushApi: { id: 'octopush-sandbox', name: 'Octopush sandbox' } },
				},
			],
			connections: {
				Start: { main: [[{ node: 'Contacts', type: 'main', index: 0 }]] },
				Contacts: { main: [[{ node: 'Octopush', type: 'main', index: 0 }]] },
			},
			settings: { executionOrder: 'v1' },
		},
	]);
	sandbox.clearRequests();
	const started = performance.now();
	const run = await n8n.execute(workflowId, 600_000);
	const runMs = performance.now() - started;
	const octopush = (
		run.data.resultData.runData as Record<string, Array<{ executionTime?: number }>>
	).Octopush?.[0];
	const accepted = sandbox
		.requestsTo('octopush', 'POST', '/voice-campaign/send')
		.filter((r) => r.status === 200)
		.reduce((total, r) => total + (r.body as { recipients: unknown[] }).recipients.length, 0);
	const queue = n8n.mode === 'queue' ? (n8n as QueueN8n) : undefined;
	return {
		recipients,
		status: run.status,
		nodeMs: octopush?.executionTime ?? NaN,
		runMs,
		acceptedRecipients: accepted,
		ranOn: queue ? (queue.workerOf(run.id) ?? '?') : 'main',
	};
}

async function main(): Promise<void> {
	const mode = process.argv[2] === 'queue' ? 'queue' : 'regular';
	const perRound = Number(process.argv[3] ?? 200);
	const inFlight = Number(process.argv[4] ?? 4);
	const recipients = Number(process.argv[5] ?? 100_000);
	const { startN8n, startQueueN8n } = (await import(
		path.join(__dirname, '..', 'scripts', 'n8n', 'start.mjs')
	)) as StartModule;
	const sandbox = await Sandbox.start({ deliveryDelayMs: 60_000 });
	// enough credit for the 100k campaign (the sandbox account starts with 150, enough for ~3,000 calls)
	sandbox.octopush.balance = 1e9;
	sandbox.routee.balance = 1e9;
	const log = (line: string) => process.stderr.write(`${line}\n`);
	const t0 = performance.now();
	const n8n = mode === 'queue' ? await startQueueN8n({ log }) : await startN8n({ log });
	const startMs = performance.now() - t0;
	try {
		await n8n.importCredentials(sandboxCredentials(sandbox));
		await n8n.importWorkflows([routeeTriggerWorkflow('benchqueuetrigg1', WEBHOOK_ID)]);
		await n8n.activate('benchqueuetrigg1');
		const url =
			mode === 'queue'
				? (n8n as QueueN8n).webhookProcessUrl(0, `${WEBHOOK_ID}/webhook`)
				: n8n.webhookUrl(`${WEBHOOK_ID}/webhook`);
		const callbackResult = await callbacks(n8n, url, 'benchqueuetrigg1', perRound, inFlight);
		await n8n.deactivate('benchqueuetrigg1');
		const campaignResult = await campaign(n8n, sandbox, recipients);
		reportToParent({
			mode,
			startMs,
			callbacks: callbackResult,
			campaign: campaignResult,
		} satisfies QueueModeResult);
	} catch (error) {
		process.stderr.write(`n8n's log (${mode} mode):\n${n8n.logTail(6000)}\n`);
		throw error;
	} finally {
		await n8n.stop();
		await sandbox.stop();
	}
}

if (require.main === module) {
	main().catch((error: unknown) => {
		process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
		process.exit(1);
	});
}
