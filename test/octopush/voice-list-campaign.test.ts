import { useTestbed } from '../support/testbed';
import { startTestbed } from './setup';

const t = useTestbed(
	() => startTestbed({ octopushComputationMs: 300 }),
	(testbed) => {
		testbed.sandbox.octopush.balance = 10_000;
		testbed.sandbox.options.octopushComputationMs = 300;
	},
);

const REQUEST_ID = /^f[0-9a-z]{12}-0$/;
const pause = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

async function create(
	parameters: Record<string, unknown> = {},
	options: { continueOnFail?: boolean } = {},
) {
	return await t.run(
		{
			resource: 'voiceListCampaign',
			operation: 'create',
			target: 'list',
			listName: 'sandbox-list',
			text: 'Hello {first_name}, your appointment is tomorrow.',
			recipients: {
				recipient: [{ phoneNumber: '+442038828112', personalization: { firstName: 'Alex' } }],
			},
			voiceLanguage: 'en-GB',
			voiceGender: 'female',
			...parameters,
		},
		options,
	);
}

describe('Voice List Campaign', () => {
	test('Create on a list: the body of seed 002, the ticket in the output', async () => {
		const r = await create({
			sender: '12345',
			options: { purpose: 'alert', simulationMode: false, sendAt: '2031-03-04T10:00:00-07:00' },
		});
		expect(r.error).toBeUndefined();
		expect(t.bodies('POST', '/voice-campaign-on-list/create')).toEqual([
			{
				list_name: 'sandbox-list',
				text: 'Hello {first_name}, your appointment is tomorrow.',
				recipients: [{ phone_number: '+442038828112', first_name: 'Alex' }],
				voice_language: 'en-GB',
				voice_gender: 'female',
				sender: '12345',
				send_at: '2031-03-04T10:00:00-07:00',
				purpose: 'alert',
				simulation_mode: false,
				request_id: expect.stringMatching(REQUEST_ID),
			},
		]);
		expect(
			t.sandbox.requestsTo('octopush', 'POST', '/voice-campaign-on-list/create')[0].status,
		).toBe(201);
		expect(r.items).toEqual([
			{
				json: {
					ticket_number: expect.stringMatching(/^voice_/),
					request_id: expect.stringMatching(REQUEST_ID),
					// issue 22, N3: which Send endpoint the ticket needs
					target: 'list',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('Create on a tag uses the tag endpoint and tag_name; recipients are optional', async () => {
		const r = await create({
			target: 'tag',
			tagName: 'sandbox-tag',
			text: 'Shop closes at noon.',
			recipients: {},
			options: { requestId: 'tag-1' },
		});
		expect(r.error).toBeUndefined();
		expect(t.bodies('POST', '/voice-campaign-on-list/create')).toEqual([]);
		expect(t.bodies('POST', '/voice-campaign-on-tag/create')).toEqual([
			{
				tag_name: 'sandbox-tag',
				text: 'Shop closes at noon.',
				recipients: [],
				voice_language: 'en-GB',
				voice_gender: 'female',
				request_id: 'tag-1',
			},
		]);
		expect(r.items[0].json).toEqual({
			ticket_number: expect.stringMatching(/^voice_/),
			request_id: 'tag-1',
			target: 'tag',
		});
	});

	test('a tag campaign is sent with POST /voice-campaign-on-tag/send: by Create (wait and send) and by Send with Campaign Target "Tag"', async () => {
		const waited = await create({
			target: 'tag',
			tagName: 'sandbox-tag',
			recipients: {},
			text: 'Shop closes at noon.',
			waitAndSend: true,
			pollInterval: 1,
			timeout: 10,
		});
		expect(waited.error).toBeUndefined();
		expect(t.sandbox.requests.map((q) => `${q.method} ${q.path} ${q.status}`)).toEqual([
			'POST /voice-campaign-on-tag/create 201',
			'GET /voice-campaign-on-list/status 200',
			'GET /voice-campaign-on-list/status 200',
			'POST /voice-campaign-on-tag/send 200',
		]);
		expect(waited.items[0].json).toMatchObject({
			sent: true,
			send_response: { number_of_contacts: 2 },
		});

		const ticket = (
			await create({
				target: 'tag',
				tagName: 'sandbox-tag',
				recipients: {},
				text: 'Shop closes at noon.',
			})
		).items[0].json.ticket_number as string;
		await pause(350);
		t.sandbox.clearRequests();
		const sent = await t.run({
			resource: 'voiceListCampaign',
			operation: 'send',
			ticketNumber: ticket,
			target: 'tag',
		});
		expect(sent.error).toBeUndefined();
		expect(t.bodies('POST', '/voice-campaign-on-tag/send')).toEqual([{ ticket_number: ticket }]);
		expect(t.bodies('POST', '/voice-campaign-on-list/send')).toEqual([]);
		expect(sent.items[0].json).toMatchObject({ ticket_number: ticket, number_of_contacts: 2 });
	});

	test('Create sends the documented options Get Back Pressed Keys and Auto Remove Blacklisted Numbers, accented text and a sender with a space', async () => {
		const r = await create({
			text: 'Vous êtes prêt ? Appuyez sur 1.',
			sender: 'Mon Shop',
			voiceLanguage: 'fr-FR',
			options: { getBackPressedKeys: true, autoRemoveBlacklistedNumbers: true },
		});
		expect(r.error).toBeUndefined();
		expect(t.bodies('POST', '/voice-campaign-on-list/create')).toEqual([
			expect.objectContaining({
				text: 'Vous êtes prêt ? Appuyez sur 1.',
				sender: 'Mon Shop',
				voice_language: 'fr-FR',
				get_back_pressed_keys: true,
				auto_remove_blacklisted_numbers: true,
			}),
		]);
	});

	test('Get Status, then Send: refused with a clear message while under computation, sent once ready', async () => {
		const ticket = (await create()).items[0].json.ticket_number as string;
		t.sandbox.clearRequests();

		const computing = await t.run({
			resource: 'voiceListCampaign',
			operation: 'getStatus',
			ticketNumber: ticket,
		});
		expect(computing.items).toEqual([
			{
				json: {
					ticket_number: ticket,
					number_of_contacts: 0,
					cost: 0,
					estimated_duration: 0,
					status: 'under_computation',
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(
			t.sandbox.requestsTo('octopush', 'GET', '/voice-campaign-on-list/status')[0].query,
		).toEqual({ ticket_number: ticket });

		const early = await t.run({
			resource: 'voiceListCampaign',
			operation: 'send',
			ticketNumber: ticket,
		});
		expect(early.error?.message).toBe(
			`Voice list campaign ${ticket} is not ready to be sent yet [item 0]`,
		);
		expect(early.error?.description).toMatch(
			/^Its status is "under_computation": Octopush is still preparing it\./,
		);
		expect(early.error?.context?.itemIndex).toBe(0);
		expect(t.sandbox.requestsTo('octopush', 'POST', '/voice-campaign-on-list/send')).toHaveLength(
			0,
		);

		await pause(350);
		const ready = await t.run({
			resource: 'voiceListCampaign',
			operation: 'getStatus',
			ticketNumber: ticket,
		});
		expect(ready.items[0].json).toEqual({
			ticket_number: ticket,
			number_of_contacts: 4,
			cost: 0.2,
			estimated_duration: 30,
			status: 'ready_to_be_sent',
		});

		const sent = await t.run({
			resource: 'voiceListCampaign',
			operation: 'send',
			ticketNumber: ticket,
		});
		expect(sent.error).toBeUndefined();
		expect(t.bodies('POST', '/voice-campaign-on-list/send')).toEqual([{ ticket_number: ticket }]);
		expect(sent.items).toEqual([
			{
				json: {
					ticket_number: ticket,
					number_of_contacts: 4,
					total_cost: 0.2,
					estimated_duration: 30,
					residual_credit: 9999.8,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('Create with "Wait Until Ready, Then Send" polls the status and sends once ready', async () => {
		const r = await create({ waitAndSend: true, pollInterval: 1, timeout: 10 });
		expect(r.error).toBeUndefined();
		expect(t.sandbox.requests.map((q) => `${q.method} ${q.path} ${q.status}`)).toEqual([
			'POST /voice-campaign-on-list/create 201',
			'GET /voice-campaign-on-list/status 200',
			'GET /voice-campaign-on-list/status 200',
			'POST /voice-campaign-on-list/send 200',
		]);
		const ticket = r.items[0].json.ticket_number as string;
		expect(t.bodies('POST', '/voice-campaign-on-list/send')).toEqual([{ ticket_number: ticket }]);
		expect(r.items).toEqual([
			{
				json: {
					ticket_number: ticket,
					request_id: expect.stringMatching(REQUEST_ID),
					target: 'list',
					number_of_contacts: 4,
					cost: 0.2,
					estimated_duration: 30,
					status: 'ready_to_be_sent',
					sent: true,
					send_response: {
						ticket_number: ticket,
						number_of_contacts: 4,
						total_cost: 0.2,
						estimated_duration: 30,
						residual_credit: 9999.8,
					},
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('waiting fails clearly when Octopush reports "failed", and nothing is sent', async () => {
		const r = await create({
			listName: 'fail-list',
			waitAndSend: true,
			pollInterval: 1,
			timeout: 10,
		});
		expect(r.status).toBe('error');
		expect(r.error?.message).toMatch(
			/^Voice list campaign voice_\w+ failed while Octopush prepared it, so it cannot be sent \[item 0\]$/,
		);
		expect(t.sandbox.requestsTo('octopush', 'POST', '/voice-campaign-on-list/send')).toHaveLength(
			0,
		);
	});

	test('waiting fails clearly on timeout, and nothing is sent', async () => {
		t.sandbox.options.octopushComputationMs = 60_000;
		const r = await create({ waitAndSend: true, pollInterval: 1, timeout: 1 });
		expect(r.status).toBe('error');
		expect(r.error?.message).toMatch(
			/^Voice list campaign voice_\w+ was not ready after 1 seconds, so it was not sent \[item 0\]$/,
		);
		expect(r.error?.description).toMatch(/^Its status is still "under_computation"/);
		expect(t.sandbox.requestsTo('octopush', 'POST', '/voice-campaign-on-list/send')).toHaveLength(
			0,
		);
	});

	test('the status spelled "ready_to_be_send" counts as ready and is output as ready_to_be_sent', async () => {
		const ticket = (await create()).items[0].json.ticket_number as string;
		await pause(350);
		t.sandbox.injectFault({
			provider: 'octopush',
			method: 'GET',
			path: '/voice-campaign-on-list/status',
			status: 200,
			body: {
				number_of_contacts: 4,
				cost: 0.2,
				estimated_duration: 30,
				status: 'ready_to_be_send',
			},
			times: 2,
		});
		const status = await t.run({
			resource: 'voiceListCampaign',
			operation: 'getStatus',
			ticketNumber: ticket,
		});
		expect(status.items[0].json.status).toBe('ready_to_be_sent');
		const sent = await t.run({
			resource: 'voiceListCampaign',
			operation: 'send',
			ticketNumber: ticket,
		});
		expect(sent.error).toBeUndefined();
		expect(t.bodies('POST', '/voice-campaign-on-list/send')).toEqual([{ ticket_number: ticket }]);
	});

	test('Delete cancels the campaign (204) and Octopush no longer knows the ticket', async () => {
		const ticket = (await create()).items[0].json.ticket_number as string;
		const r = await t.run({
			resource: 'voiceListCampaign',
			operation: 'delete',
			ticketNumber: ticket,
		});
		expect(r.error).toBeUndefined();
		const [request] = t.sandbox.requestsTo('octopush', 'DELETE', '/voice-campaign-on-list/cancel');
		expect([request.body, request.status]).toEqual([{ ticket_number: ticket }, 204]);
		expect(r.items).toEqual([
			{ json: { ticket_number: ticket, deleted: true }, pairedItem: { item: 0 } },
		]);

		const after = await t.run({
			resource: 'voiceListCampaign',
			operation: 'getStatus',
			ticketNumber: ticket,
		});
		expect(after.error?.message).toBe(
			`Octopush refused the request: Ticket Number (ticket_number): Unknown ticket number: ${ticket}. (code 444)`,
		);
	});

	test('one campaign for all input items, and a re-run of the same execution does not create it twice', async () => {
		const parameters = {
			resource: 'voiceListCampaign',
			operation: 'create',
			mode: 'allItems',
			target: 'list',
			listName: 'sandbox-list',
			text: 'Hello {first_name}',
			phoneNumber: '={{ $json.phone }}',
			personalization: { firstName: '={{ $json.name }}' },
			waitAndSend: true,
			pollInterval: 1,
			timeout: 10,
		};
		const input = [
			{ json: { phone: '+33611111111', name: 'Ann' } },
			{ json: { phone: '+33622222222', name: 'Ben' } },
		];
		const first = await t.run(parameters, { input, executionId: 'list-once' });
		expect(first.error).toBeUndefined();
		expect(t.bodies('POST', '/voice-campaign-on-list/create')).toEqual([
			expect.objectContaining({
				recipients: [
					{ phone_number: '+33611111111', first_name: 'Ann' },
					{ phone_number: '+33622222222', first_name: 'Ben' },
				],
			}),
		]);
		expect(first.items).toHaveLength(1);
		expect(first.items[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
		expect(first.items[0].json.sent).toBe(true);

		t.sandbox.clearRequests();
		const again = await t.run(parameters, { input, executionId: 'list-once' });
		expect(again.error).toBeUndefined();
		expect(again.items[0].json).toEqual({
			request_id: first.items[0].json.request_id,
			target: 'list',
			already_created: true,
			message: expect.stringContaining(
				'already created this campaign, so it was not created (or sent) again',
			),
		});
		expect(t.sandbox.requests.map((q) => `${q.method} ${q.path} ${q.status}`)).toEqual([
			'POST /voice-campaign-on-list/create 400',
		]);
	});
});

// Issue 22, N3: Create outputs `target` (list or tag), and Send (node version 2) uses the matching endpoint by
// default: "POST …/voice-campaign-on-list/send" and "POST …/voice-campaign-on-tag/send"
// (https://dev.octopush.com/api-sms-documentation/vocal-sms-api/confirmer-un-sms-vocal-sur-liste/).
describe('Voice List Campaign → Send uses the endpoint of the target Create used', () => {
	const sendParameters = { resource: 'voiceListCampaign', operation: 'send' };
	const createdOnTag = async () => {
		const created = await create({
			target: 'tag',
			tagName: 'sandbox-tag',
			recipients: {},
			text: 'Shop closes at noon.',
		});
		expect(created.items[0].json.target).toBe('tag');
		await pause(350);
		t.sandbox.clearRequests();
		return created.items;
	};

	test('version 2: the default reads Create’s output, so a tag campaign goes to on-tag/send', async () => {
		const input = await createdOnTag();
		const sent = await t.run(
			{ ...sendParameters, ticketNumber: '={{ $json.ticket_number }}' },
			{ input, typeVersion: 2 },
		);
		expect(sent.error).toBeUndefined();
		expect(t.bodies('POST', '/voice-campaign-on-tag/send')).toEqual([
			{ ticket_number: input[0].json.ticket_number },
		]);
		expect(t.bodies('POST', '/voice-campaign-on-list/send')).toEqual([]);
	});

	test('version 2: an input without target is refused before any request, with the fix', async () => {
		const sent = await t.run(
			{ ...sendParameters, ticketNumber: 'voice_5f44ebf9e47b7' },
			{ input: [{ json: {} }], typeVersion: 2 },
		);
		expect(sent.error?.message).toBe('Campaign Target is not valid [item 0]');
		expect(sent.error?.description).toBe(
			"Campaign Target must be list or tag: the input item's target field (which Create outputs) is null. Send the output of Create, or choose Contact List or Tag.",
		);
		expect(t.sandbox.requests).toEqual([]);
	});

	test('a workflow saved with version 1 (no Campaign Target set) still sends to on-list/send', async () => {
		const input = await createdOnTag();
		await t.run(
			{ ...sendParameters, ticketNumber: '={{ $json.ticket_number }}' },
			{ input, typeVersion: 1 },
		);
		expect(t.bodies('POST', '/voice-campaign-on-list/send')).toEqual([
			{ ticket_number: input[0].json.ticket_number },
		]);
		expect(t.bodies('POST', '/voice-campaign-on-tag/send')).toEqual([]);
	});
});
