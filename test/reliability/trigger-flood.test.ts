// Trigger flood, in-process: for each trigger (Routee, Octopush), 1,000 concurrent callbacks of every
// kind over loopback HTTP to its webhook() run in n8n-core's WebhookContext (webhook-server.ts). Every valid unique callback starts
// exactly one execution, repeats start none, wrong/missing secrets get 403/401 and malformed bodies
// 400 without an execution, and every call is answered. The same flood through a real n8n is in
// trigger-flood-n8n.test.ts (run with the e2e suite).

import { capture } from '../support/capture';

import { Harness } from '../harness';
import {
	buildFlood,
	eventKey,
	fire,
	type FloodProvider,
	FLOOD_SECRET,
	FLOOD_SECRET_CREDENTIAL,
	FLOOD_TRIGGER_CREDENTIALS,
	FLOOD_TRIGGER_PARAMETERS,
} from './flood';
import { serveTrigger, type TriggerServer } from './webhook-server';

let harness: Harness;
const servers: Partial<Record<FloodProvider, TriggerServer>> = {};
beforeAll(async () => {
	harness = await Harness.create();
	const { id, type, data } = FLOOD_SECRET_CREDENTIAL;
	harness.addCredential(type, data, id);
	servers.routee = await serveTrigger(
		harness,
		'routeeTrigger',
		FLOOD_TRIGGER_PARAMETERS.routee,
		FLOOD_TRIGGER_CREDENTIALS,
	);
	servers.octopush = await serveTrigger(
		harness,
		'octopushTrigger',
		FLOOD_TRIGGER_PARAMETERS.octopush,
		FLOOD_TRIGGER_CREDENTIALS,
	);
});
afterAll(async () => {
	for (const server of Object.values(servers)) await server?.stop();
	expect(capture.leaks([FLOOD_SECRET])).toEqual([]);
	capture.stop();
});

describe.each<FloodProvider>(['routee', 'octopush'])('%s trigger', (provider) => {
	test('1,000 concurrent callbacks: one execution per valid unique callback, the rest rejected, none lost', async () => {
		const server = servers[provider]!;
		const calls = buildFlood(provider, 1000);
		const answers = await fire(server.url, calls);

		// every call answered, each with the status its kind deserves
		expect(answers.filter((a) => a.status === 'error')).toEqual([]);
		const wrongStatus = answers.filter((a) => a.status !== calls[a.index].expectedStatus);
		expect(
			wrongStatus.map((a) => ({
				...a,
				kind: calls[a.index].kind,
				expected: calls[a.index].expectedStatus,
			})),
		).toEqual([]);
		const count = (kind: string) => calls.filter((c) => c.kind === kind).length;
		expect([
			count('valid'),
			count('duplicate'),
			count('badSecret') + count('noSecret'),
			count('malformed'),
		]).toEqual([830, 100, 50, 20]);

		// one execution per valid unique callback, none for anything else
		expect(server.errors).toEqual([]);
		const events = server.executions.map((items) => {
			expect(items).toHaveLength(1);
			return items[0].json;
		});
		capture.add(`${provider} flood events`, events);
		const keys = events.map((event) => eventKey(event));
		const expected = calls.filter((c) => c.kind === 'valid').map((c) => c.eventKey);
		expect(keys.length).toBe(expected.length);
		expect(new Set(keys).size).toBe(keys.length);
		expect(new Set(keys)).toEqual(new Set(expected));

		// each event is its callback, untouched under raw (a form arrives as its fields)
		const sent = new Map(calls.filter((c) => c.kind === 'valid').map((c) => [c.eventKey, c]));
		for (const event of events) {
			expect(event).toMatchObject({ provider });
			const call = sent.get(eventKey(event))!;
			const payload = call.contentType.includes('json')
				? JSON.parse(call.body)
				: Object.fromEntries(new URLSearchParams(call.body));
			expect(event.raw).toEqual(payload);
		}
	});
});

test('a form-encoded body is refused by the Routee Trigger with 400 and starts nothing: Routee sends JSON only', async () => {
	const server = servers.routee!;
	const before = server.executions.length;
	const response = await fetch(`${server.url}?token=${FLOOD_SECRET}`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: 'messageId=form-1&status=Delivered',
	});
	expect(response.status).toBe(400);
	expect(server.executions.length).toBe(before);
});
