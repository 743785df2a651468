import { useTestbed } from '../support/testbed';
import { contactItems, startTestbed } from './setup';

const VOICE_LANGUAGES_URL =
	'https://dev.octopush.com/en/sms-gateway-api-documentation/voice-sms-api/send-voice-sms/';

const t = useTestbed(startTestbed, (testbed) => {
	testbed.sandbox.octopush.balance = 10_000;
});

const REQUEST_ID = /^f[0-9a-z]{12}-\d+$/;

describe('Voice SMS → Send Campaign', () => {
	test('one campaign per input item: every field reaches the body, the output is the response plus the frame', async () => {
		const r = await t.run(
			{
				resource: 'voiceSms',
				operation: 'sendCampaign',
				mode: 'perItem',
				text: 'Hello {first_name} {last_name}, code {param1}. Press 1 to confirm.',
				recipientsInput: 'fields',
				recipients: {
					recipient: [
						{
							phoneNumber: '={{ $json.phone }}',
							personalization: {
								firstName: '={{ $json.first }}',
								lastName: 'Doe',
								param1: '={{ $json.code }}',
							},
						},
						{
							phoneNumber: '06 12 34 56 78',
							personalization: { firstName: 'Bob', lastName: 'Roe', param1: 'B2', param5: 'x' },
						},
					],
				},
				sender: '={{ $json.sender }}',
				voiceLanguage: 'fr-FR',
				voiceGender: 'male',
				options: {
					defaultCountry: 'FR',
					sendAt: '2030-06-01T09:30:00+02:00',
					purpose: 'wholesale',
					simulationMode: false,
					autoDeleteOptoutContacts: true,
					getBackPressedKeys: true,
					requestId: '={{ "camp-" + $json.id }}',
				},
			},
			{
				input: [
					{ json: { id: 1, phone: '+447700900123', first: 'Ada', code: 'A1', sender: 'Shop1' } },
					{ json: { id: 2, phone: '+4915112345678', first: 'Eve', code: 'E2', sender: 'Shop2' } },
				],
			},
		);

		expect(r.error).toBeUndefined();
		const bodies = t.bodies('POST', '/voice-campaign/send');
		expect(bodies).toEqual(
			[1, 2].map((id) => ({
				text: 'Hello {first_name} {last_name}, code {param1}. Press 1 to confirm.',
				type: 'voice_sms',
				voice_language: 'fr-FR',
				voice_gender: 'male',
				sender: `Shop${id}`,
				send_at: '2030-06-01T09:30:00+02:00',
				purpose: 'wholesale',
				simulation_mode: false,
				auto_delete_optout_contacts: true,
				get_back_pressed_keys: true,
				recipients: [
					id === 1
						? { phone_number: '+447700900123', first_name: 'Ada', last_name: 'Doe', param1: 'A1' }
						: { phone_number: '+4915112345678', first_name: 'Eve', last_name: 'Doe', param1: 'E2' },
					{
						phone_number: '+33612345678',
						first_name: 'Bob',
						last_name: 'Roe',
						param1: 'B2',
						param5: 'x',
					},
				],
				request_id: `camp-${id}`,
			})),
		);
		expect(r.items).toHaveLength(2);
		expect(r.items[1]).toEqual({
			json: {
				ticket_number: expect.stringMatching(/^voice_/),
				number_of_contacts: 2,
				total_cost: 0.1,
				estimated_duration: 30,
				residual_credit: 9999.8,
				frame: 1,
				frames: 1,
				request_id: 'camp-2',
				frame_status: 'sent',
				campaign_totals: {
					frames: 1,
					frames_sent: 1,
					frames_already_accepted: 0,
					frames_not_accepted: 0,
					number_of_contacts: 2,
					total_cost: 0.1,
				},
			},
			pairedItem: [{ item: 1 }],
		});
		expect(r.items[0].pairedItem).toEqual([{ item: 0 }]);
	});

	test('recipients given as JSON (numbers or contacts); defaults: female en-GB voice, a derived request id', async () => {
		const r = await t.run({
			resource: 'voiceSms',
			operation: 'sendCampaign',
			text: 'Your parcel arrives today.',
			recipientsInput: 'json',
			recipientsJson:
				'={{ JSON.stringify(["+33611111112", { "phone_number": "+33622222223", "first_name": "Zoe" }]) }}',
		});
		expect(r.error).toBeUndefined();
		expect(t.bodies('POST', '/voice-campaign/send')).toEqual([
			{
				text: 'Your parcel arrives today.',
				type: 'voice_sms',
				voice_language: 'en-GB',
				voice_gender: 'female',
				recipients: [
					{ phone_number: '+33611111112' },
					{ phone_number: '+33622222223', first_name: 'Zoe' },
				],
				request_id: expect.stringMatching(REQUEST_ID),
			},
		]);
		expect(r.items[0].json).toMatchObject({ number_of_contacts: 2, frame_status: 'sent' });
	});

	test('Send At without an offset is read in the workflow time zone', async () => {
		const result = await t.harness.run(
			{
				settings: { timezone: 'Europe/Paris' },
				nodes: [
					{
						id: 'vms',
						name: 'Octopush',
						type: t.harness.nodeType('octopush'),
						typeVersion: 1,
						position: [0, 0],
						credentials: { octopushApi: t.credential },
						parameters: {
							resource: 'voiceSms',
							operation: 'sendCampaign',
							text: 'Reminder',
							recipients: { recipient: [{ phoneNumber: '+33612345678' }] },
							options: { sendAt: '2030-01-15T09:30:00' },
						},
					},
				],
				connections: {},
			},
			{ input: [{ json: {} }] },
		);
		expect(result.error).toBeUndefined();
		expect(t.bodies('POST', '/voice-campaign/send')).toEqual([
			expect.objectContaining({ send_at: '2030-01-15T09:30:00+01:00' }),
		]);
	});

	test('one campaign for all input items: 1,250 contacts go out as 3 frames with their own request ids and paired items', async () => {
		const items = contactItems(1250);
		const parameters = {
			resource: 'voiceSms',
			operation: 'sendCampaign',
			mode: 'allItems',
			text: 'Hi {first_name}, your code is {param1}.',
			phoneNumber: '={{ $json.phone }}',
			personalization: { firstName: '={{ $json.name }}', param1: '={{ $json.code }}' },
		};
		const r = await t.run(parameters, { input: items, executionId: 'exec-1250' });

		expect(r.error).toBeUndefined();
		const bodies = t.bodies('POST', '/voice-campaign/send') as Array<{
			recipients: unknown[];
			request_id: string;
		}>;
		expect(bodies.map((b) => b.recipients.length)).toEqual([500, 500, 250]);
		expect(bodies[1].recipients[0]).toEqual({
			phone_number: '+33610000500',
			first_name: 'Name500',
			param1: 'C500',
		});
		expect(bodies[2].recipients[249]).toEqual({
			phone_number: '+33610001249',
			first_name: 'Name1249',
			param1: 'C1249',
		});
		const ids = bodies.map((b) => b.request_id);
		expect(new Set(ids).size).toBe(3);
		ids.forEach((id, frame) => expect(id).toMatch(new RegExp(`^f[0-9a-z]{12}-${frame}$`)));

		expect(r.items).toHaveLength(3);
		const range = (from: number, to: number) =>
			Array.from({ length: to - from }, (_, i) => ({ item: from + i }));
		expect(r.items.map((item) => item.pairedItem)).toEqual([
			range(0, 500),
			range(500, 1000),
			range(1000, 1250),
		]);
		expect(r.items.map((item) => item.json.request_id)).toEqual(ids);
		expect(
			r.items.map((item) => [
				item.json.frame,
				item.json.frames,
				item.json.number_of_contacts,
				item.json.total_cost,
			]),
		).toEqual([
			[1, 3, 500, 25],
			[2, 3, 500, 25],
			[3, 3, 250, 12.5],
		]);
		expect(r.items[2].json.campaign_totals).toEqual({
			frames: 3,
			frames_sent: 3,
			frames_already_accepted: 0,
			frames_not_accepted: 0,
			number_of_contacts: 1250,
			total_cost: 62.5,
		});

		// the ids come from the execution: another execution gets other ids, the same one the same ids
		t.sandbox.clearRequests();
		await t.run(parameters, { input: items.slice(0, 3), executionId: 'exec-other' });
		const [other] = t.bodies('POST', '/voice-campaign/send') as Array<{ request_id: string }>;
		expect(other.request_id).not.toBe(ids[0]);
	});

	test('frame size and frames in parallel are options; output stays in frame order', async () => {
		// the first three requests answer late: sent in parallel, all three arrive before the first answer
		t.sandbox.injectFault({
			provider: 'octopush',
			path: '/voice-campaign/send',
			delayMs: 300,
			times: 3,
		});
		const r = await t.run(
			{
				resource: 'voiceSms',
				operation: 'sendCampaign',
				mode: 'allItems',
				text: 'Hello',
				phoneNumber: '={{ $json.phone }}',
				options: { frameSize: 200, framesInParallel: 3 },
			},
			{ input: contactItems(1050) },
		);
		expect(r.error).toBeUndefined();
		const sizes = (
			t.bodies('POST', '/voice-campaign/send') as Array<{ recipients: unknown[] }>
		).map((b) => b.recipients.length);
		expect(sizes.sort((a, b) => b - a)).toEqual([200, 200, 200, 200, 200, 50]);
		const arrivals = t.sandbox
			.requestsTo('octopush', 'POST', '/voice-campaign/send')
			.map((q) => q.at);
		expect(arrivals[2] - arrivals[0]).toBeLessThan(250);
		expect(arrivals[3] - arrivals[0]).toBeGreaterThanOrEqual(250);
		expect(r.items.map((item) => item.json.frame)).toEqual([1, 2, 3, 4, 5, 6]);
		expect(r.items.map((item) => item.json.number_of_contacts)).toEqual([
			200, 200, 200, 200, 200, 50,
		]);
		expect((r.items[5].pairedItem as Array<{ item: number }>)[0]).toEqual({ item: 1000 });
	});

	test('version 3: four frames at a time when Frames in Parallel is not set (versions 1 and 2: one)', async () => {
		t.sandbox.injectFault({
			provider: 'octopush',
			path: '/voice-campaign/send',
			delayMs: 300,
			times: 4,
		});
		const r = await t.run(
			{
				resource: 'voiceSms',
				operation: 'sendCampaign',
				mode: 'allItems',
				text: 'Hello',
				phoneNumber: '={{ $json.phone }}',
				options: { frameSize: 200 },
			},
			{ input: contactItems(1050), typeVersion: 3 },
		);
		expect(r.error).toBeUndefined();
		const arrivals = t.sandbox
			.requestsTo('octopush', 'POST', '/voice-campaign/send')
			.map((q) => q.at);
		expect(arrivals).toHaveLength(6);
		expect(arrivals[3] - arrivals[0]).toBeLessThan(250);
		expect(arrivals[4] - arrivals[0]).toBeGreaterThanOrEqual(250);
		expect(r.items.map((item) => item.json.frame)).toEqual([1, 2, 3, 4, 5, 6]);
	});

	test('frames go one after another by default', async () => {
		t.sandbox.injectFault({
			provider: 'octopush',
			path: '/voice-campaign/send',
			delayMs: 200,
			times: 1,
		});
		const r = await t.run(
			{
				resource: 'voiceSms',
				operation: 'sendCampaign',
				mode: 'allItems',
				text: 'Hello',
				phoneNumber: '={{ $json.phone }}',
			},
			{ input: contactItems(600) },
		);
		expect(r.error).toBeUndefined();
		const arrivals = t.sandbox
			.requestsTo('octopush', 'POST', '/voice-campaign/send')
			.map((q) => q.at);
		expect(arrivals).toHaveLength(2);
		expect(arrivals[1] - arrivals[0]).toBeGreaterThanOrEqual(190);
	});

	test('an older account answering vocal_ticket: the ticket is output as ticket_number too; code 0 is success', async () => {
		t.sandbox.injectFault({
			provider: 'octopush',
			path: '/voice-campaign/send',
			status: 200,
			body: {
				code: 0,
				message: '',
				vocal_ticket: 'voice_old123',
				number_of_contacts: 1,
				total_cost: 0.05,
				estimated_duration: 30,
				residual_credit: 9,
			},
		});
		const r = await t.run({
			resource: 'voiceSms',
			operation: 'sendCampaign',
			text: 'Hello',
			recipients: { recipient: [{ phoneNumber: '+33612345678' }] },
		});
		expect(r.error).toBeUndefined();
		expect(r.items[0].json).toMatchObject({
			code: 0,
			message: '',
			vocal_ticket: 'voice_old123',
			ticket_number: 'voice_old123',
			frame_status: 'sent',
		});
	});

	test.each([
		['French', 'fr-FR', 'Vous êtes prêt ? Appuyez sur 1.'],
		['Russian', 'ru-RU', 'Привет, {first_name}! Нажмите 1.'],
		['Greek', 'el-GR', 'Γεια σας {first_name}, πατήστε 1.'],
		['Polish', 'pl-PL', 'Dzień dobry, proszę nacisnąć 1.'],
	])('%s text is sent unchanged with the %s voice', async (_name, language, text) => {
		const r = await t.run({
			resource: 'voiceSms',
			operation: 'sendCampaign',
			text,
			recipients: {
				recipient: [{ phoneNumber: '+33612345678', personalization: { firstName: 'Zoé' } }],
			},
			voiceLanguage: language,
		});
		expect(r.error).toBeUndefined();
		expect(t.bodies('POST', '/voice-campaign/send')).toEqual([
			expect.objectContaining({ text, voice_language: language }),
		]);
		expect(r.items[0].json.frame_status).toBe('sent');
	});

	test('a request id of any length is sent as given (a UUID; "-1", "-2" appended for frames); generated ones stay short', async () => {
		const uuid = '5f0c4a9e-8a43-4b8e-9d1a-0c2f6b7e1d23';
		const one = await t.run({
			resource: 'voiceSms',
			operation: 'sendCampaign',
			text: 'Hello',
			recipients: { recipient: [{ phoneNumber: '+33612345678' }] },
			options: { requestId: uuid },
		});
		expect(one.error).toBeUndefined();
		expect(t.bodies('POST', '/voice-campaign/send')).toEqual([
			expect.objectContaining({ request_id: uuid }),
		]);

		t.sandbox.clearRequests();
		const framed = await t.run(
			{
				resource: 'voiceSms',
				operation: 'sendCampaign',
				mode: 'allItems',
				text: 'Hello',
				phoneNumber: '={{ $json.phone }}',
				options: { requestId: `${uuid}-x`, frameSize: 2 },
			},
			{ input: contactItems(3) },
		);
		expect(framed.error).toBeUndefined();
		expect(
			(t.bodies('POST', '/voice-campaign/send') as Array<{ request_id: string }>).map(
				(b) => b.request_id,
			),
		).toEqual([`${uuid}-x-1`, `${uuid}-x-2`]);

		t.sandbox.clearRequests();
		await t.run({
			resource: 'voiceSms',
			operation: 'sendCampaign',
			text: 'Hello',
			recipients: { recipient: [{ phoneNumber: '+33612345678' }] },
		});
		const [generated] = t.bodies('POST', '/voice-campaign/send') as Array<{ request_id: string }>;
		expect(generated.request_id.length).toBeLessThanOrEqual(20);
	});

	test('a frame size under 200 (advice, not a rule) is used as given', async () => {
		const r = await t.run(
			{
				resource: 'voiceSms',
				operation: 'sendCampaign',
				mode: 'allItems',
				text: 'Hello',
				phoneNumber: '={{ $json.phone }}',
				options: { frameSize: 100 },
			},
			{ input: contactItems(250) },
		);
		expect(r.error).toBeUndefined();
		expect(
			(t.bodies('POST', '/voice-campaign/send') as Array<{ recipients: unknown[] }>).map(
				(b) => b.recipients.length,
			),
		).toEqual([100, 100, 50]);
	});

	test('languages of the current list are sent (Dutch, Japanese, female Swedish); a sender may contain spaces; blacklisted numbers can be removed', async () => {
		for (const [language, gender] of [
			['nl-NL', 'male'],
			['ja-JP', 'female'],
			['sv-SE', 'female'],
		]) {
			const r = await t.run({
				resource: 'voiceSms',
				operation: 'sendCampaign',
				text: 'Hello',
				recipients: { recipient: [{ phoneNumber: '+33612345678' }] },
				sender: 'My Shop',
				voiceLanguage: language,
				voiceGender: gender,
				options: { autoRemoveBlacklistedNumbers: true },
			});
			expect(r.error).toBeUndefined();
		}
		expect(t.bodies('POST', '/voice-campaign/send')).toEqual(
			['nl-NL', 'ja-JP', 'sv-SE'].map((language) =>
				expect.objectContaining({
					voice_language: language,
					sender: 'My Shop',
					auto_remove_blacklisted_numbers: true,
				}),
			),
		);
	});

	test("a language code the list does not know (by expression) is sent, and Octopush's answer is shown", async () => {
		const r = await t.run({
			resource: 'voiceSms',
			operation: 'sendCampaign',
			text: 'Hello',
			recipients: { recipient: [{ phoneNumber: '+33612345678' }] },
			voiceLanguage: '={{ "tr-TR" }}',
		});
		expect(t.bodies('POST', '/voice-campaign/send')).toEqual([
			expect.objectContaining({ voice_language: 'tr-TR' }),
		]);
		expect(r.error?.message).toBe(
			'Octopush refused the campaign: Voice Language (voice_language): Voice language not supported. (code 442) [item 0]',
		);
		// one refused frame: the hint and that nothing was sent, not the paragraph about finishing a campaign
		expect(r.error?.description).toBe(
			`Octopush does not offer this voice language on your account. Choose one from the Voice Language list (the languages Octopush lists at ${VOICE_LANGUAGES_URL}).\nNothing was sent.`,
		);
	});

	test.each(['fr', 'fr-BE', 'fr-fr'])(
		'a code (by expression) of a language Octopush lists voices of, but not one of them (%s), is refused before sending',
		async (code) => {
			const r = await t.run({
				resource: 'voiceSms',
				operation: 'sendCampaign',
				text: 'Bonjour',
				recipients: { recipient: [{ phoneNumber: '+33612345678' }] },
				voiceLanguage: `={{ ${JSON.stringify(code)} }}`,
			});
			expect(r.error?.message).toBe('Voice Language is not valid [item 0]');
			expect(r.error?.description).toBe(
				`Voice Language must be one of fr-FR, fr-CA for this language, as Octopush lists its voices (${VOICE_LANGUAGES_URL}), got ${JSON.stringify(code)}.`,
			);
			expect(t.bodies('POST', '/voice-campaign/send')).toEqual([]);
		},
	);

	test('the Voice Language list shows every language Octopush lists, by name, with female-only ones marked', async () => {
		const description = t.harness.types.getByNameAndVersion(
			t.harness.nodeType('octopush'),
		).description;
		const field = description.properties.find(
			(p) => p.name === 'voiceLanguage' && p.displayOptions?.show?.resource?.includes('voiceSms'),
		);
		const options = (field?.options ?? []) as Array<{
			name: string;
			value: string;
			description?: string;
		}>;
		expect(options).toHaveLength(37);
		expect(options.map((o) => o.value)).toEqual(
			expect.arrayContaining([
				'sv-SE',
				'nl-NL',
				'ja-JP',
				'arb',
				'es-US',
				'el-GR',
				'hu-HU',
				'es-LA',
			]),
		);
		expect(options.find((o) => o.value === 'sv-SE')).toEqual({
			name: 'Swedish (Sweden)',
			value: 'sv-SE',
			description: 'sv-SE: female voice only',
		});
		expect(options.find((o) => o.value === 'fr-FR')).toEqual({
			name: 'French (France)',
			value: 'fr-FR',
			description: 'fr-FR',
		});
	});

	test('Cancel: DELETE /voice-campaign/cancel with the ticket of a scheduled frame; the UI states the documented rules', async () => {
		const sendAt = new Date(Date.now() + 60 * 60 * 1000).toISOString();
		const sent = await t.run({
			resource: 'voiceSms',
			operation: 'sendCampaign',
			text: 'Later',
			recipients: { recipient: [{ phoneNumber: '+33612345678' }] },
			options: { sendAt },
		});
		const ticket = sent.items[0].json.ticket_number as string;
		const r = await t.run({ resource: 'voiceSms', operation: 'cancel', ticketNumber: ticket });
		expect(r.error).toBeUndefined();
		const [request] = t.sandbox.requestsTo('octopush', 'DELETE', '/voice-campaign/cancel');
		expect([request.body, request.status]).toEqual([{ ticket_number: ticket }, 204]);
		expect(r.items).toEqual([
			{ json: { ticket_number: ticket, cancelled: true }, pairedItem: { item: 0 } },
		]);

		const field = t.harness.types
			.getByNameAndVersion(t.harness.nodeType('octopush'))
			.description.properties.find(
				(p) => p.name === 'ticketNumber' && p.displayOptions?.show?.operation?.includes('cancel'),
			);
		expect(field?.description).toContain(
			'only when it has fewer than 3 recipients and is scheduled more than 10 minutes ahead, and each API account can cancel at most 1000 times a month (https://octopush-api.readme.io/reference/delete_public_apivoice_campaigncancel)',
		);
	});

	test('Cancel of a campaign already under way: Octopush refuses, the node says why and states the rules', async () => {
		const sent = await t.run({
			resource: 'voiceSms',
			operation: 'sendCampaign',
			text: 'Now',
			recipients: { recipient: [{ phoneNumber: '+33612345678' }] },
		});
		const ticket = sent.items[0].json.ticket_number as string;
		const r = await t.run({ resource: 'voiceSms', operation: 'cancel', ticketNumber: ticket });
		expect(r.error?.message).toBe(
			`Octopush refused to cancel voice SMS campaign ${ticket} (item 0): Ticket Number (ticket_number): Waiting campaigns must still be scheduled more than 10 minutes in the future. (code 446)`,
		);
		expect(r.error?.description).toMatch(
			/^Octopush cancels a voice SMS campaign \(one ticket\) only when it has fewer than 3 recipients/,
		);
	});

	test('Cancel of a framed campaign: every frame is tried; the error names the frames not cancelled and why', async () => {
		const sendAt = new Date(Date.now() + 60 * 60 * 1000).toISOString();
		const sent = await t.run(
			{
				resource: 'voiceSms',
				operation: 'sendCampaign',
				mode: 'allItems',
				text: 'Later',
				phoneNumber: '={{ $json.phone }}',
				options: { sendAt, frameSize: 3 },
			},
			{ input: contactItems(5) },
		);
		expect(sent.items.map((item) => item.json.number_of_contacts)).toEqual([3, 2]);
		const [first, second] = sent.items.map((item) => item.json.ticket_number as string);

		const r = await t.run(
			{ resource: 'voiceSms', operation: 'cancel', ticketNumber: '={{ $json.ticket_number }}' },
			{ input: sent.items },
		);
		expect(
			t.sandbox
				.requestsTo('octopush', 'DELETE', '/voice-campaign/cancel')
				.map((q) => [q.body, q.status]),
		).toEqual([
			[{ ticket_number: first }, 400],
			[{ ticket_number: second }, 204],
		]);
		expect(r.error?.message).toBe(
			`Octopush refused to cancel 1 of 2 tickets: ${first} (item 0, frame 1 of 2): Ticket Number (ticket_number): Cancellation is only allowed when the campaign has fewer than 3 recipients (this one has 3). (code 446)`,
		);
		expect(r.error?.description?.split('\n').slice(0, 2)).toEqual([
			`Not cancelled: ${first} (item 0, frame 1 of 2)`,
			`Cancelled: ${second} (item 1, frame 2 of 2)`,
		]);
	});

	test('Cancel with Continue On Fail: one output item per ticket, cancelled or not and why (e.g. the monthly limit)', async () => {
		const sendAt = new Date(Date.now() + 60 * 60 * 1000).toISOString();
		const sent = await t.run(
			{
				resource: 'voiceSms',
				operation: 'sendCampaign',
				mode: 'allItems',
				text: 'Later',
				phoneNumber: '={{ $json.phone }}',
				options: { sendAt, frameSize: 2 },
			},
			{ input: contactItems(4) },
		);
		const [first, second] = sent.items.map((item) => item.json.ticket_number as string);
		t.sandbox.octopush.voiceCancels.set(
			`sandbox@example.com ${new Date().toISOString().slice(0, 7)}`,
			999,
		);
		const r = await t.run(
			{ resource: 'voiceSms', operation: 'cancel', ticketNumber: '={{ $json.ticket_number }}' },
			{ input: sent.items, continueOnFail: true },
		);
		expect(r.items).toEqual([
			{ json: { ticket_number: first, cancelled: true }, pairedItem: { item: 0 } },
			{
				json: {
					ticket_number: second,
					cancelled: false,
					error:
						'Ticket Number (ticket_number): Cancellation is limited to 1000 requests per month and per API user account. (code 446)',
					hint: expect.stringContaining('at most 1000 times a month'),
				},
				pairedItem: { item: 1 },
			},
		]);
	});
});
