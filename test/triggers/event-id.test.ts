// Every event of both triggers carries an `eventId`: the same for a provider's repeat of one callback, whichever
// n8n process receives it, and different for different events. In queue mode several webhook processes take
// callbacks and each remembers repeats only in its own memory, so a repeat reaching another process starts one
// more execution: at least once, and the eventId is what a follow-up drops repeats by.

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { Harness } from '../harness';
import { harnessOfAnotherProcess } from '../support/another-process';
import { TriggerHost } from './host';

let h: Harness;
const hosts: TriggerHost[] = [];

beforeAll(async () => {
	h = await Harness.create();
});
afterEach(async () => {
	await Promise.all(hosts.splice(0).map((host) => host.close()));
});

type TriggerName = 'routeeTrigger' | 'octopushTrigger';

async function host(
	trigger: TriggerName,
	options: {
		harness?: Harness;
		workflowId?: string;
		nodeId?: string;
		parameters?: INodeParameters;
	} = {},
): Promise<TriggerHost> {
	const events =
		trigger === 'octopushTrigger'
			? { events: ['inbound', 'smsDelivery', 'stop', 'voiceDelivery'] }
			: {};
	const started = await TriggerHost.start(options.harness ?? h, trigger, {
		workflowId: options.workflowId,
		nodeId: options.nodeId,
		parameters: { ...events, ...options.parameters },
	});
	hosts.push(started);
	return started;
}

// https://docs.routee.net/docs/callbacks
const routeeSms = {
	messageId: '5d8e7d1c-1b2a-4c3d-9e8f-000000000001',
	smsId: '9a1b2c3d-0000-4000-8000-000000000002',
	part: 1,
	parts: 1,
	to: '+306900000000',
	from: 'MyShop',
	status: { name: 'Sent', updatedDate: '2024-05-01T10:15:30.250Z' },
	price: 0.05,
	direction: 'Outbound',
	originatingService: 'Sms',
};
const routeeDelivered = {
	...routeeSms,
	status: { name: 'Delivered', updatedDate: '2024-05-01T10:15:31.900Z' },
};
// https://dev.octopush.com/en/sms-gateway-api-documentation/callbacks/acknowledge-receipt/
const octopushReport = {
	message_id: 'sms_5f44ebf9e47b7',
	number: '+33612345678',
	status: 'TRANSMITTED',
	delivery_date: '2024-05-01 14:03:00',
	channel: 'sms',
	unit_price: 0.045,
};
const octopushDelivered = {
	...octopushReport,
	status: 'DELIVERED',
	delivery_date: '2024-05-01 14:03:05',
};

const cases: Array<[TriggerName, IDataObject, IDataObject]> = [
	['routeeTrigger', routeeSms, routeeDelivered],
	['octopushTrigger', octopushReport, octopushDelivered],
];

describe.each(cases)('%s', (trigger, callback, nextStatus) => {
	test('the same callback twice, with the window off: two executions with one eventId; the next status has another', async () => {
		const node = await host(trigger, { parameters: { options: { duplicateWindowMinutes: 0 } } });
		await node.post(callback);
		await new Promise((resolve) => setTimeout(resolve, 1100)); // a repeat comes later: its arrival time must not matter
		await node.post(callback);
		await node.post(nextStatus);
		const ids = node.events.map((event) => event.eventId);
		expect(ids).toHaveLength(3);
		expect(ids[0]).toMatch(/^(routee|octopush)-\w+-[0-9a-f]{32}$/);
		expect(ids[1]).toBe(ids[0]);
		expect(ids[2]).not.toBe(ids[0]);
	});

	test('the same callback with its keys in another order is the same event', async () => {
		const node = await host(trigger, { parameters: { options: { duplicateWindowMinutes: 0 } } });
		await node.post(callback);
		await node.post(Object.fromEntries(Object.entries(callback).reverse()));
		expect(node.events[1].eventId).toBe(node.events[0].eventId);
	});

	test('two webhook processes of one workflow (queue mode): a repeat reaching the other process starts one more execution, with the same eventId', async () => {
		const otherProcess = await harnessOfAnotherProcess();
		const workflowId = `queue-${trigger}`;
		const first = await host(trigger, { workflowId, nodeId: 'trigger-in-queue-mode' });
		const second = await host(trigger, {
			harness: otherProcess,
			workflowId,
			nodeId: 'trigger-in-queue-mode',
		});

		await first.post(callback);
		await first.post(callback); // a repeat at the same process: dropped there
		await second.post(callback); // a repeat at the other process: it has not seen it

		expect(first.executions).toHaveLength(1);
		expect(second.executions).toHaveLength(1);
		expect(second.events[0].eventId).toBe(first.events[0].eventId);
	});
});
