// Trigger flood through a real n8n: the package installed as a community package (scripts/n8n), a
// published workflow "Routee Trigger → HTTP Request" whose HTTP Request node reports each event to a
// loopback receiver, and the same 1,000 callbacks as the in-process flood fired at n8n's production
// webhook URL, 20 in flight at a time. Every call must be answered with its status, and every valid
// unique callback must reach the receiver exactly once (an execution per event); nothing else may.
//
// The events are counted at the receiver rather than in n8n's executions list: under this load n8n's
// SQLite write lock times out now and then ("Timeout waiting for lock SqliteWriteConnectionMutex") and
// n8n leaves that execution marked "running" although it ran — n8n's bookkeeping, not the trigger's.
//
// Why 20 and not all 1,000 at once: n8n itself (default SQLite, 3 connections) handles about 12-15
// webhook executions per second on the 2-core CI machine; with 1,000 in flight the backlog passes n8n's
// 60 s database acquire timeout and n8n answers the late ones 500/503 ("operation timed out") whatever
// the trigger node — measured, see bench/results.md (trigger throughput, Webhook node vs Routee Trigger).
//
// It needs a real n8n (minutes to install, ~30 s to start), so it runs with the e2e suite (jest.e2e.config.js,
// part of `npm test`): only when N8N_E2E_VERSIONS is set (test/e2e/global-setup.mjs sets it), under jest
// --experimental-vm-modules, and on the first (newest) version only: it takes ~3 minutes per version, and what
// it checks is the trigger's, which the e2e suite already runs on every version.

import { capture } from '../support/capture';

import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import { importEsm } from '../e2e/load-esm';
import type { N8n } from '../../scripts/n8n/start.mjs';
import {
	buildFlood,
	eventKey,
	fire,
	FLOOD_SECRET,
	FLOOD_SECRET_CREDENTIAL,
	FLOOD_TRIGGER_CREDENTIALS,
	FLOOD_TRIGGER_PARAMETERS,
} from './flood';

type StartModule = typeof import('../../scripts/n8n/start.mjs');

const IN_FLIGHT = 20;

// regular mode only (`2.40.7:queue` entries name the queue-mode set-up of test/e2e)
const VERSIONS = (process.env.N8N_E2E_VERSIONS ?? '')
	.split(',')
	.filter((v) => v && !v.includes(':'))
	.slice(0, 1);
const describeWithN8n =
	VERSIONS.length > 0
		? describe.each(VERSIONS)
		: describe.skip.each(['(set N8N_E2E_VERSIONS: runs with the e2e suite)']);

/** A loopback server collecting the JSON bodies POSTed to it. */
async function startEventReceiver(): Promise<{
	url: string;
	events: Array<Record<string, unknown>>;
	stop(): Promise<void>;
}> {
	const events: Array<Record<string, unknown>> = [];
	const server = http.createServer((request, response) => {
		let body = '';
		request.on('data', (chunk: Buffer) => (body += chunk.toString()));
		request.on('end', () => {
			events.push(JSON.parse(body) as Record<string, unknown>);
			response.end('{}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/event`,
		events,
		stop: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

describeWithN8n('trigger flood through real n8n %s', (version) => {
	let n8n: N8n | undefined;
	let receiver: Awaited<ReturnType<typeof startEventReceiver>>;
	const workflowId = 'reliabilityflood1';
	const webhookId = '5f0c3b1e-flood-4c1d-9e55-routeetrigger';

	beforeAll(
		async () => {
			receiver = await startEventReceiver();
			const { startN8n } = await importEsm<StartModule>(
				path.resolve(__dirname, '../../scripts/n8n/start.mjs'),
			);
			n8n = await startN8n({ version, log: () => undefined });
			await n8n.importCredentials([FLOOD_SECRET_CREDENTIAL]);
			await n8n.importWorkflows([
				{
					id: workflowId,
					name: 'Reliability: Routee Trigger flood',
					nodes: [
						{
							id: 'routee-trigger',
							name: 'Routee Trigger',
							type: 'n8n-nodes-routee-octopush.routeeTrigger',
							typeVersion: 2,
							position: [0, 0],
							webhookId,
							parameters: FLOOD_TRIGGER_PARAMETERS.routee,
							credentials: FLOOD_TRIGGER_CREDENTIALS,
						},
						{
							id: 'report',
							name: 'Report Event',
							type: 'n8n-nodes-base.httpRequest',
							typeVersion: 4.2,
							position: [200, 0],
							parameters: {
								method: 'POST',
								url: receiver.url,
								sendBody: true,
								contentType: 'json',
								specifyBody: 'json',
								jsonBody:
									'={{ JSON.stringify({ kind: $json.kind, messageId: $json.messageId, campaignId: $json.campaignId, to: $json.to, raw: $json.raw }) }}',
								options: {},
							},
						},
					],
					connections: {
						'Routee Trigger': { main: [[{ node: 'Report Event', type: 'main', index: 0 }]] },
					},
				},
			]);
			await n8n.activate(workflowId);
		},
		10 * 60 * 1000,
	);

	afterAll(async () => {
		await n8n?.stop();
		await receiver?.stop();
		expect(capture.leaks([FLOOD_SECRET])).toEqual([]);
		capture.stop();
	});

	test(
		`1,000 callbacks, ${IN_FLIGHT} in flight: one execution per valid unique callback, the rest rejected, none lost`,
		async () => {
			if (!n8n) throw new Error('n8n did not start');
			const calls = buildFlood('routee', 1000);
			const answers = await fire(n8n.webhookUrl(`${webhookId}/webhook`), calls, IN_FLIGHT);

			expect(answers.filter((a) => a.status === 'error')).toEqual([]);
			// n8n's own body parser answers 422 for a JSON body that does not parse, before the trigger runs
			const acceptable = (a: (typeof answers)[number]) =>
				a.status === calls[a.index].expectedStatus ||
				(calls[a.index].kind === 'malformed' && a.status === 422);
			const wrongStatus = answers.filter((a) => !acceptable(a));
			expect(
				wrongStatus.map((a) => ({
					...a,
					kind: calls[a.index].kind,
					expected: calls[a.index].expectedStatus,
				})),
			).toEqual([]);

			const expected = calls.filter((c) => c.kind === 'valid').map((c) => c.eventKey);
			// n8n answers at once and runs the executions after; wait while events keep arriving
			let progressAt = Date.now();
			for (
				let seen = receiver.events.length;
				seen < expected.length && Date.now() - progressAt < 60_000;
			) {
				await new Promise((resolve) => setTimeout(resolve, 1000));
				if (receiver.events.length > seen)
					[seen, progressAt] = [receiver.events.length, Date.now()];
			}
			// a late extra event would show up now
			await new Promise((resolve) => setTimeout(resolve, 3000));

			const events = receiver.events;
			capture.add('n8n flood events', events);
			const keys = events.map((event) => eventKey(event));
			expect(keys.length).toBe(expected.length);
			expect(new Set(keys).size).toBe(keys.length);
			expect(new Set(keys)).toEqual(new Set(expected));
			const sent = new Map(
				calls
					.filter((c) => c.kind === 'valid')
					.map((c) => [c.eventKey, JSON.parse(c.body) as unknown]),
			);
			for (const event of events) expect(event.raw).toEqual(sent.get(eventKey(event)));
			capture.add('n8n log', n8n.logTail(1_000_000));
		},
		20 * 60 * 1000,
	);
});
