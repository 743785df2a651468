import { useTestbed } from '../support/testbed';
import { startTestbed } from './setup';

const t = useTestbed(startTestbed, (testbed) => {
	testbed.sandbox.octopush.balance = 10_000;
});

const voice = {
	resource: 'voiceSms',
	operation: 'sendCampaign',
	text: 'Hello',
	recipients: { recipient: [{ phoneNumber: '={{ $json.phone ?? "+33612345678" }}' }] },
};

describe('provider errors', () => {
	test('400 with errors.voice_language code 442 → NodeApiError naming the field: "Voice language not supported"', async () => {
		t.sandbox.injectFault({
			provider: 'octopush',
			path: '/voice-campaign-on-list/create',
			status: 400,
			body: {
				code: 400,
				message: 'Payload validation error.',
				errors: { voice_language: { code: 442, message: 'Voice language not supported.' } },
			},
		});
		const r = await t.run({
			resource: 'voiceListCampaign',
			operation: 'create',
			listName: 'sandbox-list',
			text: 'Hello',
		});
		expect(r.error?.name).toBe('NodeApiError');
		expect(r.error?.message).toBe(
			'Octopush refused the request: Voice Language (voice_language): Voice language not supported. (code 442)',
		);
		expect(r.error?.description).toBe(
			'Octopush does not offer this voice language on your account. Choose one from the Voice Language list (the languages Octopush lists at https://dev.octopush.com/en/sms-gateway-api-documentation/voice-sms-api/send-voice-sms/).',
		);
		expect(r.error?.httpCode).toBe('400');
		expect(r.error?.context?.itemIndex).toBe(0);
	});

	// issue 22, N13: the hint quotes the page the code comes from (https://octopush.com/en/sms-gateway-api-documentation/return-codes/)
	test('a sender refused with legacy code 106 (a sender with a space is sent) → the hint quotes the return codes page', async () => {
		t.sandbox.injectFault({
			provider: 'octopush',
			path: '/voice-campaign/send',
			status: 400,
			body: {
				code: 400,
				message: 'Payload validation error.',
				errors: { sender: { code: 106, message: 'Sender not allowed.' } },
			},
		});
		const r = await t.run({ ...voice, sender: 'My Shop' });
		expect(t.bodies('POST', '/voice-campaign/send')).toEqual([
			expect.objectContaining({ sender: 'My Shop' }),
		]);
		expect(r.error?.message).toBe(
			'Octopush refused the campaign: Sender (sender): Sender not allowed. (code 106) [item 0]',
		);
		expect(r.error?.description).toBe(
			'Octopush\'s return codes page says of 106: "You have entered the Sender incorrectly. 3 to 11 characters, chosen from 0 to 9, a to z, A to Z. No accent, space or punctuation." Remove any space or accent from Sender, or leave it empty for the default sender; a custom sender must also be allowed on your Octopush account.\nNothing was sent.',
		);
	});

	test('401 → a hint about the credential', async () => {
		const wrong = t.harness.addCredential(
			'octopushApi',
			{ apiLogin: 'sandbox@example.com', apiKey: 'wrong-key', baseUrl: t.sandbox.octopushBaseUrl },
			'octopush-wrong',
		);
		const r = await t.harness.runNode(
			'octopush',
			{ resource: 'account', operation: 'getBalance' },
			{
				credentials: { octopushApi: wrong },
			},
		);
		expect(r.error?.httpCode).toBe('401');
		expect(r.error?.message).toMatch(
			/^Octopush refused the request: api-key: Bad api-login or api-key/,
		);
		expect(r.error?.description).toBe(
			'Octopush refused the API login / API key. Check the Octopush credential.',
		);
	});

	test('not enough credit → a plain-English hint, and the frame is reported not accepted', async () => {
		t.sandbox.octopush.balance = 0.01;
		const r = await t.run(voice);
		expect(r.error?.message).toBe(
			'Octopush refused the campaign: credit: Not enough credit: the campaign costs 0.05, the balance is 0.01. (code 104) [item 0]',
		);
		expect(r.error?.description).toBe(
			'Your Octopush credit is too low for this send. Top up the account and run the node again.\nNothing was sent.',
		);
	});

	test('a duplicate request id is not an error: the output says the frame was already accepted earlier', async () => {
		const parameters = { ...voice, options: { requestId: 'once-only' } };
		const first = await t.run(parameters, { executionId: 'dup-1' });
		expect(first.items[0].json.frame_status).toBe('sent');
		const second = await t.run(parameters, { executionId: 'dup-2' });
		expect(second.error).toBeUndefined();
		expect(
			t.sandbox
				.requestsTo('octopush', 'POST', '/voice-campaign/send')
				.map((q) => [q.status, q.body]),
		).toEqual([
			[200, expect.objectContaining({ request_id: 'once-only' })],
			[400, expect.objectContaining({ request_id: 'once-only' })],
		]);
		expect(second.items[0].json).toMatchObject({
			frame_status: 'already_accepted',
			request_id: 'once-only',
			message:
				"Octopush refused this frame's request ID as a duplicate: a request with this Request ID was accepted in the last 24 hours, so it was not sent again. Its ticket is in that run's output.",
		});
	});

	test('a 500 on a single-request operation → NodeApiError with the status', async () => {
		t.sandbox.injectFault({
			provider: 'octopush',
			path: '/voice-campaign-on-list/status',
			status: 500,
		});
		const r = await t.run({
			resource: 'voiceListCampaign',
			operation: 'getStatus',
			ticketNumber: 'voice_x',
		});
		expect(r.error?.name).toBe('NodeApiError');
		expect(r.error?.httpCode).toBe('500');
		expect(r.error?.message).toBe('Octopush answered HTTP 500: Injected fault: HTTP 500.');
	});
});

describe('Continue On Fail', () => {
	test('one campaign per item: an invalid item and a refused item become error items; the others are sent', async () => {
		t.sandbox.injectFault({
			provider: 'octopush',
			path: '/voice-campaign/send',
			status: 400,
			body: {
				code: 400,
				message: 'Payload validation error.',
				errors: { sender: { code: 106, message: 'Sender not allowed.' } },
			},
		});
		const r = await t.run(voice, {
			continueOnFail: true,
			input: [
				{ json: { phone: '+33611111111' } },
				{ json: { phone: 'not a number' } },
				{ json: { phone: '+33633333333' } },
			],
		});
		expect(r.error).toBeUndefined();
		// item 1 never reaches Octopush; item 0 is refused by the injected fault; item 2 is sent
		expect(
			t.sandbox
				.requestsTo('octopush', 'POST', '/voice-campaign/send')
				.map((q) => [
					q.status,
					(q.body as { recipients: Array<{ phone_number: string }> }).recipients[0].phone_number,
				]),
		).toEqual([
			[400, '+33611111111'],
			[200, '+33633333333'],
		]);
		expect(r.items).toEqual([
			{
				json: expect.objectContaining({
					frame_status: 'refused',
					error: 'Octopush refused the request: Sender (sender): Sender not allowed. (code 106)',
				}),
				pairedItem: [{ item: 0 }],
			},
			{
				json: {
					error: 'Phone Number of recipient 1 is not valid [item 1]',
					description:
						"Phone Number of recipient 1 may hold only digits, a leading +, spaces, dots, dashes and brackets, got 'not a number'.",
				},
				pairedItem: { item: 1 },
			},
			{
				json: expect.objectContaining({
					frame_status: 'sent',
					ticket_number: expect.stringMatching(/^voice_/),
				}),
				pairedItem: [{ item: 2 }],
			},
		]);
	});

	test('single-request operations: an error item per failing item, paired with it', async () => {
		const r = await t.run(
			{
				resource: 'voiceListCampaign',
				operation: 'getStatus',
				ticketNumber: '={{ $json.ticket }}',
			},
			{
				continueOnFail: true,
				input: [{ json: { ticket: '' } }, { json: { ticket: 'voice_unknown' } }],
			},
		);
		expect(r.items).toEqual([
			{
				json: {
					error: 'Ticket Number is not valid [item 0]',
					description: 'Ticket Number must not be empty.',
				},
				pairedItem: { item: 0 },
			},
			{
				json: {
					error:
						'Octopush refused the request: Ticket Number (ticket_number): Unknown ticket number: voice_unknown. (code 444)',
				},
				pairedItem: { item: 1 },
			},
		]);
		expect(t.sandbox.requestsTo('octopush')).toHaveLength(1);
	});

	test('list Create with wait-then-send: a failed preparation becomes an error item', async () => {
		const r = await t.run(
			{
				resource: 'voiceListCampaign',
				operation: 'create',
				listName: '={{ $json.list }}',
				text: 'Hello',
				waitAndSend: true,
				pollInterval: 1,
				timeout: 5,
			},
			{ continueOnFail: true, input: [{ json: { list: 'fail-list' } }] },
		);
		expect(r.items).toEqual([
			{
				json: {
					error: expect.stringMatching(
						/^Voice list campaign voice_\w+ failed while Octopush prepared it, so it cannot be sent \[item 0\]$/,
					),
					description: expect.stringMatching(/^Its status is "failed"\./),
				},
				pairedItem: { item: 0 },
			},
		]);
	});
});
