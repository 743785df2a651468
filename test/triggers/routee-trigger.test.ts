// Routee Trigger: every documented callback kind normalized, filters, caller authentication, bad bodies,
// bodies that are no Routee callback (400, nothing started), repeats, key presses read from voice tracking, and the
// callbacks the sandbox really POSTs for SMS, voice campaigns, conversations and inbound SMS.

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { Harness } from '../harness';
import { Sandbox, type SentCallback } from '../sandbox';
import { routee, token } from '../sandbox/test-client';
import { callbackSecret, captureLog, TriggerHost, type HostOptions } from './host';

let h: Harness;
const hosts: TriggerHost[] = [];

beforeAll(async () => {
	h = await Harness.create();
});
afterEach(async () => {
	await Promise.all(hosts.splice(0).map((host) => host.close()));
});

async function host(
	parameters: INodeParameters = {},
	options: Omit<HostOptions, 'parameters'> = {},
): Promise<TriggerHost> {
	const started = await TriggerHost.start(h, 'routeeTrigger', { ...options, parameters });
	hosts.push(started);
	return started;
}

/** `at` of events that carry no date: the arrival time, to the second. */
function expectArrivalTime(at: unknown, before: number, after: number): void {
	expect(at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);
	const ms = Date.parse(String(at));
	expect(ms).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
	expect(ms).toBeLessThanOrEqual(after);
}

// Payloads as Routee documents them: https://docs.routee.net/docs/callbacks (SMS, campaign progress),
// https://docs.routee.net/docs/voice-callbacks, https://docs.routee.net/docs/voice-conversation-callbacks,
// https://docs.routee.net/reference/collect-verb, https://docs.routee.net/docs/inbound-messages-mo.
const smsPart = {
	messageId: '5d8e7d1c-1b2a-4c3d-9e8f-000000000001',
	smsId: '9a1b2c3d-0000-4000-8000-000000000002',
	campaignTrackingId: 'c0ffee00-0000-4000-8000-000000000003',
	part: 2,
	parts: 2,
	label: 'spring',
	to: '+306900000000',
	from: 'MyShop',
	country: 'GR',
	operator: 'Cosmote',
	groups: ['vip'],
	campaignName: 'Spring sale',
	status: {
		name: 'Undelivered',
		reason: { detailedStatus: 'Unknown Number', description: 'The number does not exist' },
		updatedDate: '2024-05-01T10:15:30.250Z',
	},
	message: 'Hello Maria, our spring sale starts today',
	applicationName: 'default',
	latency: 1250,
	price: 0.05,
	direction: 'Outbound',
	originatingService: 'Sms',
};

const singleSms = {
	messageId: '5d8e7d1c-1b2a-4c3d-9e8f-000000000010',
	smsId: '9a1b2c3d-0000-4000-8000-000000000011',
	part: 1,
	parts: 1,
	label: null,
	to: '+306900000001',
	from: 'MyShop',
	country: 'GR',
	operator: 'Vodafone',
	status: { name: 'Sent', updatedDate: '2024-05-01T13:15:30+03:00' },
	message: 'Your code is 1234',
	applicationName: 'default',
	latency: 300,
	price: 0.05,
	direction: 'Outbound',
	originatingService: 'Sms',
};

const campaignProgress = {
	trackingId: 'c0ffee00-0000-4000-8000-000000000003',
	name: 'Spring sale',
	totalRecipients: 3,
	campaignStatus: 'Running',
	messageStatuses: { Queued: 1, Sent: 1, Delivered: 1, Undelivered: 0, Failed: 0, Unsent: 0 },
	callbackInfo: { url: 'https://n8n.example.com/webhook/x/webhook', strategy: 'OnChange' },
};

const voiceMessage = {
	messageId: '7e7e7e7e-0000-4000-8000-000000000020',
	campaignTrackingId: 'c0ffee00-0000-4000-8000-000000000021',
	to: '+306900000000',
	groups: [],
	campaignName: 'Reminder',
	from: '+306900009999',
	country: 'GR',
	applicationName: 'default',
	price: 0.1,
	originatingService: 'Voice',
	status: { name: 'NoAnswer', updatedDate: '2024-05-01T10:20:00Z' },
	direction: 'Outbound',
	audioMessage: { text: 'Your appointment is tomorrow', language: 'en-GB', gender: 'female' },
	fileURL: null,
	hangupDelay: 30,
	respectQuietHours: false,
	duration: 0,
	createdAt: '2024-05-01T10:19:00Z',
	chargeInterval: 1,
};

const conversationStatus = {
	messageId: '7e7e7e7e-0000-4000-8000-000000000030',
	conversationTrackingId: 'c0ffee00-0000-4000-8000-000000000031',
	to: '+306900000001',
	from: '+306900009999',
	status: { name: 'Completed', updatedDate: '2024-05-01T10:25:42.900Z' },
	direction: 'Outbound',
	originatingService: 'Voice',
	respectQuietHours: false,
	duration: 12,
	price: 0.1,
};

const collect = {
	from: '+306900009999',
	to: '+306900000001',
	messageId: '7e7e7e7e-0000-4000-8000-000000000030',
	conversationTrackingId: 'c0ffee00-0000-4000-8000-000000000031',
	collectedTones: '1',
};

// the example of https://docs.routee.net/docs/inbound-messages-mo
const inboundSms = {
	messageId: '700bbc09-0556-4e86-bad1-215a8020e111',
	from: '+306999999999',
	to: '+306911111111',
	message: 'This is the actual body of the inbound message',
	parts: 1,
	originatingService: 'Sms',
	direction: 'Inbound',
	receivedDate: '2018-01-17T13:02:08Z',
};

const NONE = { digits: null, durationSeconds: null, detailedStatus: null };

/** An eventId of the kind's shape: the provider, the kind and a digest of Routee's identifiers of the event. */
const routeeEventId = (kind: string) =>
	expect.stringMatching(new RegExp(`^routee-${kind}-[0-9a-f]{32}$`));

describe('every Routee callback kind is normalized', () => {
	const cases: Array<[string, IDataObject, IDataObject]> = [
		[
			'SMS status, part 2 of 2 of a campaign, final with a detailed status',
			smsPart,
			{
				...NONE,
				kind: 'smsStatus',
				messageId: smsPart.messageId,
				campaignId: smsPart.campaignTrackingId,
				to: '+306900000000',
				status: 'Undelivered',
				isFinal: true,
				detailedStatus: 'Unknown Number',
				price: 0.05,
				at: '2024-05-01T10:15:30+00:00',
			},
		],
		[
			'SMS status of a single SMS, not final, date with an offset',
			singleSms,
			{
				...NONE,
				kind: 'smsStatus',
				messageId: singleSms.messageId,
				campaignId: null,
				to: '+306900000001',
				status: 'Sent',
				isFinal: false,
				price: 0.05,
				at: '2024-05-01T13:15:30+03:00',
			},
		],
		[
			'voice campaign message that was not answered',
			voiceMessage,
			{
				...NONE,
				kind: 'voiceStatus',
				messageId: voiceMessage.messageId,
				campaignId: voiceMessage.campaignTrackingId,
				to: '+306900000000',
				status: 'NoAnswer',
				isFinal: true,
				durationSeconds: 0,
				price: 0.1,
				at: '2024-05-01T10:20:00+00:00',
			},
		],
		[
			'voice conversation completed after 12 s',
			conversationStatus,
			{
				...NONE,
				kind: 'conversationStatus',
				messageId: conversationStatus.messageId,
				campaignId: conversationStatus.conversationTrackingId,
				to: '+306900000001',
				status: 'Completed',
				isFinal: true,
				durationSeconds: 12,
				price: 0.1,
				at: '2024-05-01T10:25:42+00:00',
			},
		],
		[
			// a status callback that also carries tones keeps its status (it used to become a key-press event)
			'voice campaign call status that also carries collectedTones: still a final status, with the digits',
			{
				...voiceMessage,
				status: { name: 'Completed', updatedDate: '2024-05-01T10:21:00Z' },
				duration: 9,
				collectedTones: '12',
			},
			{
				...NONE,
				kind: 'voiceStatus',
				messageId: voiceMessage.messageId,
				campaignId: voiceMessage.campaignTrackingId,
				to: '+306900000000',
				status: 'Completed',
				isFinal: true,
				digits: '12',
				durationSeconds: 9,
				price: 0.1,
				at: '2024-05-01T10:21:00+00:00',
			},
		],
		[
			'voice conversation status that also carries collectedTones, not final yet',
			{
				...conversationStatus,
				status: { name: 'InProgress', updatedDate: '2024-05-01T10:25:30Z' },
				duration: 0,
				collectedTones: '',
			},
			{
				...NONE,
				kind: 'conversationStatus',
				messageId: conversationStatus.messageId,
				campaignId: conversationStatus.conversationTrackingId,
				to: '+306900000001',
				status: 'InProgress',
				isFinal: false,
				digits: '',
				durationSeconds: 0,
				price: 0.1,
				at: '2024-05-01T10:25:30+00:00',
			},
		],
		[
			'voice conversation still in progress',
			{
				...conversationStatus,
				status: { name: 'InProgress', updatedDate: '2024-05-01T10:25:30Z' },
				duration: 0,
			},
			{
				...NONE,
				kind: 'conversationStatus',
				messageId: conversationStatus.messageId,
				campaignId: conversationStatus.conversationTrackingId,
				to: '+306900000001',
				status: 'InProgress',
				isFinal: false,
				durationSeconds: 0,
				price: 0.1,
				at: '2024-05-01T10:25:30+00:00',
			},
		],
	];

	test.each(cases)('%s', async (_name, payload, expected) => {
		const trigger = await host();
		const answer = await trigger.post(payload);
		expect(answer).toMatchObject({ status: 200, body: '' });
		expect(trigger.executions).toHaveLength(1);
		expect(trigger.executions[0]).toEqual([
			{
				eventId: routeeEventId(expected.kind as string),
				provider: 'routee',
				...expected,
				raw: payload,
			},
		]);
	});

	test('campaign progress: no message, the campaign status, the arrival time', async () => {
		const trigger = await host();
		const before = Date.now();
		expect(await trigger.post(campaignProgress)).toMatchObject({ status: 200, body: '' });
		const [event] = trigger.events;
		expect(event).toEqual({
			eventId: expect.stringMatching(/^routee-campaignProgress-[0-9a-f]{32}$/),
			provider: 'routee',
			kind: 'campaignProgress',
			messageId: null,
			campaignId: campaignProgress.trackingId,
			to: null,
			status: 'Running',
			isFinal: false,
			...NONE,
			price: null,
			at: expect.any(String),
			raw: campaignProgress,
		});
		expectArrivalTime(event.at, before, Date.now());
		await trigger.post({ ...campaignProgress, campaignStatus: 'Finished' });
		expect(trigger.events[1]).toMatchObject({ status: 'Finished', isFinal: true });
	});

	test.each([
		['1', '1'],
		['1234', '1234'],
		['nothing pressed', ''],
	])('COLLECT tones (%s) become digits', async (_name, tones) => {
		const trigger = await host();
		const before = Date.now();
		const payload = { ...collect, collectedTones: tones };
		expect(await trigger.post(payload)).toMatchObject({ status: 200, body: '' });
		const [event] = trigger.events;
		expect(event).toEqual({
			eventId: expect.stringMatching(/^routee-dtmf-[0-9a-f]{32}$/),
			provider: 'routee',
			kind: 'dtmf',
			messageId: collect.messageId,
			campaignId: collect.conversationTrackingId,
			to: '+306900000001',
			status: null,
			isFinal: true,
			detailedStatus: null,
			digits: tones,
			durationSeconds: null,
			price: null,
			at: expect.any(String),
			raw: payload,
		});
		expectArrivalTime(event.at, before, Date.now());
	});

	test('an inbound SMS (it used to be refused with 400): its own kind, the sender and the text', async () => {
		const trigger = await host();
		expect(await trigger.post(inboundSms)).toMatchObject({ status: 200, body: '' });
		expect(trigger.executions).toEqual([
			[
				{
					eventId: expect.stringMatching(/^routee-inboundSms-[0-9a-f]{32}$/),
					provider: 'routee',
					kind: 'inboundSms',
					messageId: inboundSms.messageId,
					campaignId: null,
					to: '+306911111111',
					status: null,
					isFinal: true,
					...NONE,
					price: null,
					at: '2018-01-17T13:02:08+00:00',
					from: '+306999999999',
					text: 'This is the actual body of the inbound message',
					raw: inboundSms,
				},
			],
		]);
	});
});

describe('version 3: a STOP reply is the STOP Opt-Out event (version 2 keeps it an Inbound SMS)', () => {
	const stopReply = {
		...inboundSms,
		messageId: '700bbc09-0556-4e86-bad1-215a8020e112',
		message: ' Stop please',
	};

	test('an inbound SMS that starts with STOP (any case): kind stop, phoneNumber the sender, as the Octopush Trigger names it', async () => {
		const trigger = await host({}, { typeVersion: 3 });
		expect(await trigger.post(stopReply)).toMatchObject({ status: 200, body: '' });
		expect(trigger.executions).toEqual([
			[
				{
					eventId: expect.stringMatching(/^routee-stop-[0-9a-f]{32}$/),
					provider: 'routee',
					kind: 'stop',
					messageId: stopReply.messageId,
					campaignId: null,
					to: '+306911111111',
					status: null,
					isFinal: true,
					...NONE,
					price: null,
					at: '2018-01-17T13:02:08+00:00',
					from: '+306999999999',
					text: ' Stop please',
					phoneNumber: '+306999999999',
					raw: stopReply,
				},
			],
		]);
		// any other reply, "stopped" included, stays an inbound SMS
		await trigger.post({ ...inboundSms, message: 'Stopped by the shop' });
		expect(trigger.events.map((e) => e.kind)).toEqual(['stop', 'inboundSms']);
	});

	test('a new node selects STOP Opt-Out with the other events; with only Inbound SMS chosen a STOP reply starts nothing', async () => {
		const node = h.types.getByNameAndVersion(h.nodeType('routeeTrigger'), 3);
		const events = node.description.properties.filter((p) => p.name === 'events');
		expect(node.description.defaultVersion).toBe(3);
		expect(events.map((p) => [p.displayOptions?.show?.['@version'], p.default])).toEqual([
			[
				[2],
				[
					'campaignProgress',
					'conversationStatus',
					'dtmf',
					'inboundSms',
					'smsStatus',
					'voiceStatus',
				],
			],
			[
				[{ _cnd: { gte: 3 } }],
				[
					'campaignProgress',
					'conversationStatus',
					'dtmf',
					'inboundSms',
					'smsStatus',
					'stop',
					'voiceStatus',
				],
			],
		]);
		const trigger = await host({ events: ['inboundSms'] }, { typeVersion: 3 });
		expect(await trigger.post(stopReply)).toMatchObject({ status: 200 });
		expect(trigger.executions).toEqual([]);
	});

	test('version 2 (saved workflows): the same STOP reply is an Inbound SMS, as before', async () => {
		const trigger = await host({}, { typeVersion: 2 });
		await trigger.post(stopReply);
		expect(trigger.events.map((e) => [e.kind, e.phoneNumber])).toEqual([['inboundSms', undefined]]);
	});
});

describe('filters', () => {
	const all = [
		smsPart,
		singleSms,
		campaignProgress,
		voiceMessage,
		conversationStatus,
		collect,
		inboundSms,
	];
	const kindsOf = (trigger: TriggerHost) =>
		trigger.events.map((e) => `${String(e.kind)}:${String(e.status)}`);

	test('by default every kind starts the workflow', async () => {
		const trigger = await host();
		for (const payload of all) await trigger.post(payload);
		expect(kindsOf(trigger)).toEqual([
			'smsStatus:Undelivered',
			'smsStatus:Sent',
			'campaignProgress:Running',
			'voiceStatus:NoAnswer',
			'conversationStatus:Completed',
			'dtmf:null',
			'inboundSms:null',
		]);
	});

	test('Events keeps the chosen kinds; the others are answered 200 and start nothing', async () => {
		const trigger = await host({ events: ['dtmf', 'voiceStatus'] });
		const answers = [];
		for (const payload of all) answers.push(await trigger.post(payload));
		expect(answers.map((a) => [a.status, a.body])).toEqual(all.map(() => [200, '']));
		expect(kindsOf(trigger)).toEqual(['voiceStatus:NoAnswer', 'dtmf:null']);
	});

	test("a kind left out of Events is not silent: n8n's log names the kind and the Events entry to add", async () => {
		const trigger = await host(
			{ events: ['dtmf', 'conversationStatus'] },
			{ nodeId: 'node-routee-1', workflowId: 'workflow-routee-1' },
		);
		const log = captureLog();
		try {
			expect((await trigger.post(smsPart)).status).toBe(200);
			expect((await trigger.post(collect)).status).toBe(200);
			expect((await trigger.post(voiceMessage)).status).toBe(200);
		} finally {
			log.stop();
		}
		expect(kindsOf(trigger)).toEqual(['dtmf:null']);
		expect(log.lines).toEqual([
			{
				level: 'warn',
				message:
					'Trigger received a callback of a kind its Events setting does not include: "SMS Status" (smsStatus). No execution was started; to start the workflow on these callbacks, add "SMS Status" to the node\'s Events.',
				meta: { workflowId: 'workflow-routee-1', nodeId: 'node-routee-1', eventKind: 'smsStatus' },
			},
			{
				level: 'warn',
				message:
					'Trigger received a callback of a kind its Events setting does not include: "Voice Call Status" (voiceStatus). No execution was started; to start the workflow on these callbacks, add "Voice Call Status" to the node\'s Events.',
				meta: {
					workflowId: 'workflow-routee-1',
					nodeId: 'node-routee-1',
					eventKind: 'voiceStatus',
				},
			},
		]);
	});

	test('a repeat, a status filtered out and an unknown callback write no such line', async () => {
		const trigger = await host({ events: ['voiceStatus'], options: { finalOnly: true } });
		const log = captureLog();
		try {
			await trigger.post({
				...voiceMessage,
				status: { name: 'Ringing', updatedDate: '2024-05-01T10:15:30Z' },
			});
			await trigger.post(voiceMessage);
			await trigger.post(voiceMessage);
		} finally {
			log.stop();
		}
		expect(kindsOf(trigger)).toEqual(['voiceStatus:NoAnswer']);
		expect(log.lines).toEqual([]);
	});

	test('Events can be only inbound SMS', async () => {
		const trigger = await host({ events: ['inboundSms'] });
		for (const payload of all) expect((await trigger.post(payload)).status).toBe(200);
		expect(kindsOf(trigger)).toEqual(['inboundSms:null']);
	});

	test('Statuses keeps those statuses; events without a status pass', async () => {
		const trigger = await host({ options: { statuses: ['NoAnswer', 'Busy'] } });
		for (const payload of all) await trigger.post(payload);
		expect(kindsOf(trigger)).toEqual(['voiceStatus:NoAnswer', 'dtmf:null', 'inboundSms:null']);
	});

	test('Final Statuses Only drops Sent and Running', async () => {
		const trigger = await host({ options: { finalOnly: true } });
		for (const payload of all) await trigger.post(payload);
		expect(kindsOf(trigger)).toEqual([
			'smsStatus:Undelivered',
			'voiceStatus:NoAnswer',
			'conversationStatus:Completed',
			'dtmf:null',
			'inboundSms:null',
		]);
	});

	test('filters combine, and take expressions', async () => {
		const trigger = await host({
			events: '={{ ["voiceStatus", "conversationStatus"] }}',
			options: { finalOnly: true, statuses: ['Completed'] },
		});
		for (const payload of all) await trigger.post(payload);
		expect(kindsOf(trigger)).toEqual(['conversationStatus:Completed']);
	});
});

describe('caller authentication', () => {
	const secret = 'c4ll-b4ck-s3cr3t-7f2a';
	const withSecret = () =>
		host({ callerAuthentication: 'queryToken' }, { credentials: callbackSecret(h, secret) });

	test('Secret Token in URL: missing → 401, wrong → 403, right → 200; only the right one starts the workflow', async () => {
		const trigger = await withSecret();
		expect(await trigger.hook('checkExists')).toBe(true);
		const missing = await trigger.post(smsPart);
		const wrong = await trigger.post(smsPart, { suffix: '?token=guess' });
		const twice = await trigger.post(smsPart, { suffix: `?token=${secret}&token=${secret}` });
		expect([missing.status, wrong.status, twice.status]).toEqual([401, 403, 403]);
		expect(missing.body).toMatch(/'token' query parameter is missing/);
		expect(trigger.executions).toHaveLength(0);
		const right = await trigger.post(smsPart, { suffix: `?token=${encodeURIComponent(secret)}` });
		expect(right).toMatchObject({ status: 200, body: '' });
		expect(trigger.events).toEqual([
			expect.objectContaining({ kind: 'smsStatus', messageId: smsPart.messageId }),
		]);
	});

	test('the secret lives in the credential: the node parameters hold none, and the parameter name is always token', async () => {
		const trigger = await withSecret();
		expect(JSON.stringify(trigger.node.parameters)).not.toContain(secret);
		expect((await trigger.post(smsPart, { suffix: `?key=${secret}` })).status).toBe(401);
		expect(trigger.executions).toHaveLength(0);
	});

	test('only None and Secret Token in URL are offered; the credential is asked for only with the token', async () => {
		const description = (await host()).nodeType.description;
		const mode = description.properties.find((p) => p.name === 'callerAuthentication');
		expect(mode?.options?.map((o) => (o as { value: string }).value)).toEqual([
			'none',
			'queryToken',
		]);
		for (const gone of [
			'token',
			'queryParameterName',
			'headerName',
			'headerValue',
			'basicAuthUser',
			'basicAuthPassword',
		]) {
			expect(description.properties.find((p) => p.name === gone)).toBeUndefined();
		}
		expect(description.credentials).toContainEqual({
			name: 'routeeOctopushCallbackSecretApi',
			required: true,
			displayOptions: { show: { callerAuthentication: ['queryToken'] } },
			testedBy: 'callbackSecretTest',
		});
	});

	// typeVersion 2 workflows saved before the secret moved to a credential: n8n keeps callerAuthentication
	// (still a parameter) and drops the others once the workflow is saved again
	test.each([
		[
			'Secret Token in URL with the secret as a parameter',
			{ callerAuthentication: 'queryToken', token: secret, queryParameterName: 'key' },
		],
		[
			'Header Token',
			{ callerAuthentication: 'headerToken', headerName: 'X-Routee-Secret', headerValue: secret },
		],
		[
			'Basic auth',
			{ callerAuthentication: 'basicAuth', basicAuthUser: 'routee', basicAuthPassword: secret },
		],
	])(
		'an old workflow with %s fails to activate and refuses every call (500), saying what to change',
		async (_name, parameters) => {
			const trigger = await host(parameters);
			const activation = trigger.hook('checkExists');
			await expect(activation).rejects.toThrow(
				/Caller authentication moved to a credential: create a 'Routee\/Octopush Callback Secret API' credential/,
			);
			const error = (await activation.catch((e: unknown) => e)) as Error;
			expect(JSON.stringify(error) + error.message).not.toContain(secret);
			for (const suffix of ['', `?token=${secret}`, `?key=${secret}`]) {
				const answer = await trigger.post(smsPart, {
					suffix,
					headers: {
						'x-routee-secret': secret,
						authorization: `Basic ${Buffer.from(`routee:${secret}`).toString('base64')}`,
					},
				});
				expect(answer.status).toBe(500);
				expect(answer.body).toMatch(/Caller authentication moved to a credential/);
				expect(answer.body).not.toContain(secret);
			}
			expect(trigger.executions).toHaveLength(0);
		},
	);

	test('a credential with an empty secret rejects every call and fails activation', async () => {
		const trigger = await host(
			{ callerAuthentication: 'queryToken' },
			{ credentials: callbackSecret(h, '') },
		);
		await expect(trigger.hook('checkExists')).rejects.toThrow(/empty Secret/);
		const answer = await trigger.post(smsPart, { suffix: '?token=' });
		expect(answer.status).toBe(500);
		expect(trigger.executions).toHaveLength(0);
	});

	test('the credential test: at least 16 URL-safe characters', async () => {
		const test = (await host()).nodeType.methods!.credentialTest!.callbackSecretTest;
		const run = async (value: string) =>
			await test.call({} as never, {
				id: 'x',
				name: 'x',
				type: 'routeeOctopushCallbackSecretApi',
				data: { secret: value },
			});
		expect(await run('short')).toEqual({
			status: 'Error',
			message: expect.stringMatching(/5 characters: use a random value of at least 16/),
		});
		expect(await run('a secret with spaces&more')).toEqual({
			status: 'Error',
			message: expect.stringMatching(/letters, digits/),
		});
		expect(await run(secret)).toMatchObject({ status: 'OK' });
	});

	test('the caller is checked before the body: a bad body from an unknown caller is 401, not 400', async () => {
		const trigger = await withSecret();
		expect(
			(await trigger.post('{not json', { headers: { 'content-type': 'text/plain' } })).status,
		).toBe(401);
	});
});

describe('malformed bodies are answered 400 and start nothing', () => {
	test.each([
		[
			'truncated JSON sent as text/plain',
			'{"messageId": "m1", "status": {"name": "Deliv',
			{ 'content-type': 'text/plain' },
			/not valid JSON/,
		],
		['truncated JSON without a content type', '{"messageId": "m1"', {}, /not valid JSON/],
		[
			'a JSON array',
			'[{"messageId": "m1"}]',
			{ 'content-type': 'application/json' },
			/JSON but not an object/,
		],
		['an empty body', '', { 'content-type': 'application/json' }, /empty/],
		[
			'a form body (Routee sends JSON)',
			'messageId=m1&status=Delivered',
			{ 'content-type': 'application/x-www-form-urlencoded' },
			/form-encoded bodies are not accepted/,
		],
	])('%s', async (_name, body, headers, reason) => {
		const trigger = await host();
		const answer = await trigger.post(body, { headers: headers as Record<string, string> });
		expect(answer.status).toBe(400);
		expect(answer.body).toMatch(reason);
		expect(trigger.executions).toHaveLength(0);
	});
});

// One rule for both triggers (callback-event.ts, NormalizeResult): a body that is no callback of the provider is
// answered 400 with the reason. Routee re-sends anything but a 200 up to 12 times over 24 h
// (https://docs.routee.net/docs/callback-url-webhook), so a Routee callback the trigger fails to read is retried
// and visible rather than silently dropped.
describe('JSON that is no Routee callback is answered 400 with the reason and starts nothing (the same rule as the Octopush Trigger)', () => {
	test.each([
		['JSON that is no Routee callback', { hello: 'world' }],
		['an SMS status without a status', { messageId: 'm1', smsId: 's1' }],
		['campaign progress without a status', { trackingId: 't1', messageStatuses: {} }],
		['COLLECT tones that are not text', { ...collect, collectedTones: ['1'] }],
		[
			'a status Routee does not document for SMS or voice',
			{ messageId: 'm1', status: { name: 'Sent to the moon' } },
		],
		[
			'an Octopush delivery report sent to the wrong trigger',
			{ message_id: 'sms_5f44ebf9e47b7', number: '+33612345678', status: 'DELIVERED' },
		],
		[
			'an inbound voice call record',
			{
				messageId: 'm1',
				from: '+306999999999',
				to: '+306911111111',
				originatingService: 'Voice',
				direction: 'Inbound',
			},
		],
	])('%s', async (_name, payload) => {
		const trigger = await host();
		const answers = [
			await trigger.post(payload),
			await trigger.post(JSON.stringify(payload), { headers: { 'content-type': 'text/plain' } }),
		];
		expect(answers.map((a) => a.status)).toEqual([400, 400]);
		for (const a of answers) expect(a.body).toMatch(/^Bad request: /);
		expect(trigger.executions).toHaveLength(0);
		expect(trigger.calls.map((c) => c.result?.workflowData)).toEqual([undefined, undefined]);
	});
});

describe('deep and huge bodies: a clear answer, never an error execution', () => {
	const nested = (depth: number, leaf: unknown): unknown =>
		Array.from({ length: depth }).reduce<unknown>((inner) => ({ more: inner }), leaf);

	test.each([
		['application/json', { 'content-type': 'application/json' }],
		['no content type', {}],
	])(
		'a callback with a field nested 10,000 levels deep (%s): 400 saying so, nothing started',
		async (_name, headers) => {
			const trigger = await host();
			// written by hand: JSON.stringify itself overflows the stack on it
			const deep = `${'{"more":'.repeat(10_000)}"x"${'}'.repeat(10_000)}`;
			const body = `${JSON.stringify(smsPart).slice(0, -1)},"extra":${deep}}`;
			const response = await fetch(trigger.url, { method: 'POST', headers, body });
			expect(response.status).toBe(400);
			expect(await response.text()).toBe(
				'Bad request: the body nests more than 32 levels deep; no callback does',
			);
			expect(trigger.calls[0].result).toEqual({ noWebhookResponse: true });
			expect(trigger.executions).toHaveLength(0);
		},
	);

	test('32 levels are still a callback: the event starts the workflow with the field as sent', async () => {
		const trigger = await host();
		const extra = nested(31, 'x');
		expect((await trigger.post({ ...smsPart, extra })).status).toBe(200);
		expect(trigger.events[0].raw).toEqual({ ...smsPart, extra });
	});

	test("a body over n8n's size limit without a content type: 413, nothing started", async () => {
		const trigger = await host({}, { payloadSizeMax: 1024 });
		const response = await fetch(trigger.url, {
			method: 'POST',
			body: new TextEncoder().encode(JSON.stringify({ ...smsPart, padding: 'x'.repeat(4096) })),
		});
		expect(response.status).toBe(413);
		expect(await response.text()).toBe("Payload Too Large: the body is over n8n's size limit");
		expect(trigger.calls[0].result).toEqual({ noWebhookResponse: true });
		expect(trigger.executions).toHaveLength(0);
	});
});

describe('bodies n8n leaves unread', () => {
	// For a webhook node of typeVersion 2 n8n parses only JSON, text, form and XML bodies; the node reads the rest.
	test.each([
		['no content type, version 2', undefined, 2],
		['application/octet-stream, version 2', 'application/octet-stream', 2],
	])(
		'%s: the callback is read and gives the same event as with application/json',
		async (_name, contentType, version) => {
			const reference = await host();
			await reference.post(smsPart);
			const trigger = await host({}, { typeVersion: version });
			const response = await fetch(trigger.url, {
				method: 'POST',
				headers: contentType ? { 'content-type': contentType } : {},
				body: new TextEncoder().encode(JSON.stringify(smsPart)),
			});
			expect(response.status).toBe(200);
			expect(trigger.executions).toHaveLength(1);
			expect(trigger.executions[0]).toEqual(reference.executions[0]);
			expect(trigger.executions[0][0]).toMatchObject({
				status: 'Undelivered',
				messageId: smsPart.messageId,
			});
		},
	);

	test('the subtitle names the chosen events as the Events list does', async () => {
		const trigger = await host({ events: ['smsStatus', 'dtmf', 'inboundSms'] });
		expect(trigger.subtitle).toBe('Events: SMS Status, Key Presses (COLLECT), Inbound SMS');
	});

	test('the node has versions 2 and 3 (version 1 was never published)', async () => {
		const trigger = await host();
		expect(trigger.nodeType.description.version).toEqual([2, 3]);
	});
});

describe('repeats', () => {
	test('the same callback 5 times (Routee re-posts until it gets a 200) starts one execution; all get 200', async () => {
		const trigger = await host();
		const answers = await Promise.all([1, 2, 3, 4, 5].map(() => trigger.post(smsPart)));
		expect(answers.map((a) => [a.status, a.body])).toEqual(Array(5).fill([200, '']));
		expect(trigger.executions).toHaveLength(1);
		// the next status of the same message is a new event
		await trigger.post({
			...smsPart,
			status: { ...smsPart.status, name: 'Delivered', updatedDate: '2024-05-01T10:16:00Z' },
		});
		expect(trigger.executions).toHaveLength(2);
	});

	test('repeats are per trigger node', async () => {
		const [a, b] = await Promise.all([host(), host()]);
		await a.post(collect);
		await b.post(collect);
		await a.post(collect);
		expect([a.executions.length, b.executions.length]).toEqual([1, 1]);
	});

	test('n8n answers once it has recorded the execution; a repeat arriving meanwhile waits for that answer and starts nothing', async () => {
		const trigger = await host();
		trigger.recordings.push({ delayMs: 400 });
		const first = trigger.post(smsPart).then((a) => ({ ...a, at: Date.now() }));
		await new Promise((resolve) => setTimeout(resolve, 100));
		const repeatSent = Date.now();
		const repeat = await trigger.post(smsPart);
		const repeatAnswered = Date.now();
		const answered = await first;
		expect([answered.status, repeat.status]).toEqual([200, 200]);
		// the repeat was held until n8n had recorded the first (its answer ~300 ms later), not answered at once
		expect(repeatAnswered - repeatSent).toBeGreaterThanOrEqual(250);
		expect(repeatAnswered).toBeGreaterThanOrEqual(answered.at - 20);
		expect(trigger.executions).toHaveLength(1);
		expect(trigger.calls.map((c) => c.result?.workflowData === undefined)).toEqual([false, true]);
	});

	test("a callback n8n failed to record (answered 500) is not remembered: the provider's retry starts the execution", async () => {
		const trigger = await host();
		trigger.recordings.push({ fails: true });
		expect((await trigger.post(smsPart)).status).toBe(500);
		expect(trigger.executions).toHaveLength(0);
		expect((await trigger.post(smsPart)).status).toBe(200);
		expect(trigger.executions).toHaveLength(1);
		expect((await trigger.post(smsPart)).status).toBe(200);
		expect(trigger.executions).toHaveLength(1);
	});

	test('a repeat waiting on a first call that n8n then fails to record starts the execution itself', async () => {
		const trigger = await host();
		trigger.recordings.push({ delayMs: 300, fails: true });
		const first = trigger.post(smsPart);
		await new Promise((resolve) => setTimeout(resolve, 100));
		const repeat = await trigger.post(smsPart);
		expect([(await first).status, repeat.status]).toEqual([500, 200]);
		expect(trigger.executions).toHaveLength(1);
		expect(trigger.calls.map((c) => c.result?.workflowData === undefined)).toEqual([false, false]);
	});

	test('a provider that gives up before n8n answers (connection closed) gets its retry executed: at least once, never lost', async () => {
		const trigger = await host();
		trigger.recordings.push({ delayMs: 500 });
		const aborted = new AbortController();
		const first = fetch(trigger.url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(smsPart),
			signal: aborted.signal,
		}).catch((error: { name?: string }) => error.name);
		await new Promise((resolve) => setTimeout(resolve, 100));
		aborted.abort();
		expect(await first).toBe('AbortError');
		expect((await trigger.post(smsPart)).status).toBe(200);
		expect(trigger.calls.map((c) => c.result?.workflowData === undefined)).toEqual([false, false]);
	});

	test('a window of 0 minutes turns suppression off', async () => {
		const trigger = await host({ options: { duplicateWindowMinutes: 0 } });
		for (let i = 0; i < 3; i++) await trigger.post(collect);
		expect(trigger.executions).toHaveLength(3);
	});

	test('a rejected call is not remembered: after a 403, the same callback with the secret starts the workflow', async () => {
		const trigger = await host(
			{ callerAuthentication: 'queryToken' },
			{ credentials: callbackSecret(h, 'abc123abc123abc123') },
		);
		expect((await trigger.post(collect, { suffix: '?token=x' })).status).toBe(403);
		expect((await trigger.post(collect, { suffix: '?token=abc123abc123abc123' })).status).toBe(200);
		expect(trigger.executions).toHaveLength(1);
	});
});

describe('node description and lifecycle', () => {
	test('a POST webhook answered on receipt, no inputs, not usable as a tool', async () => {
		const trigger = await host();
		const description = trigger.nodeType.description;
		expect(description.webhooks).toEqual([
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseData: 'noData',
				path: 'webhook',
			},
		]);
		expect(description.inputs).toEqual([]);
		expect(description.group).toEqual(['trigger']);
		expect(description.usableAsTool).toBeUndefined();
		// the credential is only for Fetch Key Presses (voice tracking) and shown only when it is on
		expect(description.credentials).toEqual([
			{
				name: 'routeeOAuth2Api',
				required: true,
				displayOptions: { show: { fetchVoiceDigits: [true] } },
			},
			{
				name: 'routeeOctopushCallbackSecretApi',
				required: true,
				displayOptions: { show: { callerAuthentication: ['queryToken'] } },
				testedBy: 'callbackSecretTest',
			},
		]);
		expect(description.properties.find((p) => p.name === 'fetchVoiceDigits')).toMatchObject({
			type: 'boolean',
			default: false,
		});
		expect(
			(description.properties.find((p) => p.name === 'events')?.options ?? []).map(
				(o) => (o as { value: string }).value,
			),
		).toContain('inboundSms');
		const notice = description.properties.find((p) => p.type === 'notice');
		expect(notice?.displayName).toMatch(
			/Production URL into a Routee node's 'Callback' or 'Campaign Callback' option/,
		);
	});

	test('checkExists / create / delete register nothing and call nobody', async () => {
		const sandbox = await Sandbox.start();
		try {
			const trigger = await host();
			expect(await trigger.hook('checkExists')).toBe(true);
			expect(await trigger.hook('create')).toBe(true);
			expect(await trigger.hook('delete')).toBe(true);
			expect(sandbox.requests).toHaveLength(0);
			expect(trigger.staticData).toEqual({});
		} finally {
			await sandbox.stop();
		}
	});
});

// ------------------------------------------------------------------ the sandbox's real callbacks

const SMS_FINAL = ['Delivered', 'Undelivered', 'Failed', 'Unsent'];
const VOICE_FINAL = ['Completed', 'Busy', 'NoAnswer', 'Failed', 'Unsent', 'Terminated'];
const secondIso = (iso: string) =>
	new Date(Math.floor(Date.parse(iso) / 1000) * 1000).toISOString().replace('.000Z', '+00:00');

const KIND_OF_SANDBOX_CALLBACK: Record<string, string> = {
	'routee.sms': 'smsStatus',
	'routee.voice': 'voiceStatus',
	'routee.conversation': 'conversationStatus',
	'routee.sms-campaign': 'campaignProgress',
	'routee.voice-campaign': 'campaignProgress',
	'routee.collect': 'dtmf',
};
const kindOf = (sandboxKind: string) => KIND_OF_SANDBOX_CALLBACK[sandboxKind];

/** What the trigger must output for a callback the sandbox sent, from the sandbox's own kind and body. */
function expectedEvent(sent: SentCallback): Record<string, unknown> {
	const body = sent.body as Record<string, any>;
	switch (sent.kind) {
		case 'routee.sms':
			return {
				eventId: routeeEventId(kindOf(sent.kind)),
				provider: 'routee',
				kind: 'smsStatus',
				messageId: body.messageId,
				campaignId: body.campaignTrackingId ?? null,
				to: body.to,
				status: body.status.name,
				isFinal: SMS_FINAL.includes(body.status.name),
				detailedStatus: body.status.reason?.detailedStatus ?? null,
				digits: null,
				durationSeconds: null,
				price: body.price,
				at: secondIso(body.status.updatedDate),
				raw: body,
			};
		case 'routee.voice':
		case 'routee.conversation':
			return {
				eventId: routeeEventId(kindOf(sent.kind)),
				provider: 'routee',
				kind: sent.kind === 'routee.voice' ? 'voiceStatus' : 'conversationStatus',
				messageId: body.messageId,
				campaignId: body.campaignTrackingId ?? body.conversationTrackingId,
				to: body.to,
				status: body.status.name,
				isFinal: VOICE_FINAL.includes(body.status.name),
				detailedStatus: null,
				digits: null,
				durationSeconds: body.duration,
				price: body.price,
				at: secondIso(body.status.updatedDate),
				raw: body,
			};
		case 'routee.sms-campaign':
		case 'routee.voice-campaign':
			return {
				eventId: routeeEventId(kindOf(sent.kind)),
				provider: 'routee',
				kind: 'campaignProgress',
				messageId: null,
				campaignId: body.trackingId,
				to: null,
				status: body.campaignStatus,
				isFinal: body.campaignStatus === 'Finished',
				detailedStatus: null,
				digits: null,
				durationSeconds: null,
				price: null,
				at: expect.any(String),
				raw: body,
			};
		case 'routee.collect':
			return {
				eventId: routeeEventId(kindOf(sent.kind)),
				provider: 'routee',
				kind: 'dtmf',
				messageId: body.messageId,
				campaignId: body.conversationTrackingId,
				to: body.to,
				status: null,
				isFinal: true,
				detailedStatus: null,
				digits: body.collectedTones,
				durationSeconds: null,
				price: null,
				at: expect.any(String),
				raw: body,
			};
		default:
			throw new Error(`unexpected callback kind ${sent.kind}`);
	}
}

describe('callbacks the sandbox POSTs', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await Sandbox.start({ deliveryDelayMs: 10, conversationMinIntervalMs: 0 });
	});
	afterAll(async () => await sandbox.stop());

	test('SMS parts, voice calls, conversations, COLLECT and campaign progress: one execution each, every field right', async () => {
		const secret = 'sandbox-callback-secret-1';
		const trigger = await host(
			{ callerAuthentication: 'queryToken' },
			{ credentials: callbackSecret(h, secret) },
		);
		const url = `${trigger.url}?token=${secret}`;
		const bearer = await token(sandbox);
		const call = async (path: string, body: unknown) => {
			const answer = await routee(sandbox, bearer, 'POST', path, body);
			expect(answer.status).toBe(200);
			return answer.body as Record<string, any>;
		};
		const longText = 'Spring sale! '.repeat(14); // 182 GSM characters: 2 parts
		const smsCampaign = await call('/sms/campaign', {
			from: 'MyShop',
			body: longText,
			to: ['+306900000001', '+306900000000'],
			callback: { url, strategy: 'OnChange' },
			campaignCallback: { url, strategy: 'OnChange' },
		});
		const voiceCampaign = await call('/voice/campaign', {
			from: '+306900009999',
			to: ['+306900000000', '+306900001111'],
			message: {
				text: 'Your appointment is tomorrow at nine',
				language: 'en-GB',
				gender: 'female',
			},
			callback: { url, strategy: 'OnChange' },
			campaignCallback: { url, strategy: 'OnCompletion' },
		});
		const conversation = await call('/voice/conversation', {
			from: '+306900009999',
			to: { phone: '+306900000009' },
			dialPlan: {
				verbs: [
					{
						type: 'SAY',
						message: { text: 'Press 1 to confirm', language: 'en-GB', gender: 'female' },
					},
					{ type: 'COLLECT', eventUrl: url, maxDigits: 4 },
				],
			},
			callback: { url, strategy: 'OnChange' },
		});

		const finished = (sent: SentCallback[]) => {
			const bodies = sent.map((s) => s.body as Record<string, any>);
			const smsFinal = bodies.filter((b) => b.smsId && SMS_FINAL.includes(b.status.name)).length;
			const campaignsFinished = bodies.filter((b) => b.campaignStatus === 'Finished').length;
			const conversationDone = bodies.some(
				(b) => b.conversationTrackingId && b.status?.name === 'Completed',
			);
			return (
				smsFinal === 4 &&
				campaignsFinished === 2 &&
				conversationDone &&
				sent.some((s) => s.kind === 'routee.collect')
			);
		};
		await sandbox.waitForCallbacks(finished, 10000);
		await new Promise((resolve) => setTimeout(resolve, 200));

		const sent = sandbox.callbacksSent;
		// every callback was answered 200 at the first attempt, so Routee retried none
		expect(sent.every((s) => s.status === 200 && s.attempt === 1)).toBe(true);
		expect(trigger.calls.map((c) => [c.answer.status, c.answer.body])).toEqual(
			sent.map(() => [200, '']),
		);
		expect(new Set(sent.map((s) => s.kind))).toEqual(
			new Set([
				'routee.sms',
				'routee.sms-campaign',
				'routee.voice',
				'routee.voice-campaign',
				'routee.conversation',
				'routee.collect',
			]),
		);
		// 2 numbers × 3 statuses × 2 parts
		expect(sent.filter((s) => s.kind === 'routee.sms')).toHaveLength(12);

		expect(trigger.events).toHaveLength(sent.length);
		// every callback the sandbox sent was a different event (none was retried), so every eventId differs
		expect(new Set(trigger.events.map((e) => e.eventId)).size).toBe(sent.length);
		for (const callback of sent) {
			const matching = trigger.events.filter(
				(event) => JSON.stringify(event.raw) === JSON.stringify(callback.body),
			);
			expect(matching).toEqual([expectedEvent(callback)]);
		}

		// the ids tie the events back to what the requests returned
		const campaignIds = new Set(trigger.events.map((e) => e.campaignId));
		expect(campaignIds).toEqual(
			new Set([smsCampaign.trackingId, voiceCampaign.trackingId, conversation.trackingId]),
		);
		const unanswered = trigger.events
			.filter((e) => e.kind === 'voiceStatus' && e.isFinal)
			.map((e) => [e.to, e.status]);
		expect(unanswered.sort()).toEqual([
			['+306900000000', 'NoAnswer'],
			['+306900001111', 'Busy'],
		]);
		expect(trigger.events.filter((e) => e.kind === 'dtmf').map((e) => e.digits)).toEqual(['1234']);
	});
});

// ------------------------------------------------------------------ key presses of voice campaigns, inbound SMS

describe('Fetch Key Presses of Voice Campaign Calls (voice tracking collectedTones)', () => {
	let sandbox: Sandbox;
	let credentials: HostOptions['credentials'];
	beforeAll(async () => {
		sandbox = await Sandbox.start({ deliveryDelayMs: 10 });
		const stored = h.addCredential(
			'routeeOAuth2Api',
			{
				applicationId: 'sandbox-app',
				applicationSecret: 'sandbox-secret',
				baseUrl: sandbox.routeeBaseUrl,
				tokenUrl: sandbox.routeeTokenUrl,
			},
			'routee-trigger-tracking',
		);
		credentials = { routeeOAuth2Api: stored };
	});
	afterAll(async () => await sandbox.stop());
	afterEach(() => {
		sandbox.clearFaults();
		sandbox.clearRequests();
	});

	async function withCredential(parameters: INodeParameters): Promise<TriggerHost> {
		const started = await TriggerHost.start(h, 'routeeTrigger', { parameters, credentials });
		hosts.push(started);
		return started;
	}

	/** A voice campaign with Collect Key Presses to numbers that press 1, 2, nothing, and one that does not answer. */
	async function campaignWithKeys(url: string): Promise<void> {
		const bearer = await token(sandbox);
		const answer = await routee(sandbox, bearer, 'POST', '/voice/campaign', {
			from: '+306900009999',
			to: ['+306900000001', '+306900000102', '+306900000103', '+306900000000'],
			message: { text: 'Press 1 to confirm, 2 to cancel', language: 'en-GB', gender: 'female' },
			collectDtmfDigits: true,
			callback: { url, strategy: 'OnChange' },
		});
		expect(answer.status).toBe(200);
	}

	const finalCalls = (trigger: TriggerHost) =>
		Object.fromEntries(
			trigger.events
				.filter((e) => e.kind === 'voiceStatus' && e.isFinal)
				.map((e) => [e.to, [e.status, e.digits]]),
		);

	const waitForFinalCalls = async (trigger: TriggerHost, count: number) => {
		const deadline = Date.now() + 10_000;
		while (Object.keys(finalCalls(trigger)).length < count && Date.now() < deadline)
			await new Promise((r) => setTimeout(r, 20));
	};

	test('off (the default): final voice statuses have no digits, and Routee is not asked', async () => {
		const trigger = await host();
		sandbox.clearRequests();
		await campaignWithKeys(trigger.url);
		await waitForFinalCalls(trigger, 4);
		expect(finalCalls(trigger)).toEqual({
			'+306900000001': ['Completed', null],
			'+306900000102': ['Completed', null],
			'+306900000103': ['Completed', null],
			'+306900000000': ['NoAnswer', null],
		});
		expect(sandbox.requestsTo('routee', 'GET')).toHaveLength(0);
	});

	test('on: each final call status carries the keys from GET /voice/tracking/{messageId}; other statuses ask nothing', async () => {
		const trigger = await withCredential({ fetchVoiceDigits: true });
		await campaignWithKeys(trigger.url);
		await waitForFinalCalls(trigger, 4);
		expect(finalCalls(trigger)).toEqual({
			'+306900000001': ['Completed', '1'],
			'+306900000102': ['Completed', '2'],
			'+306900000103': ['Completed', ''],
			'+306900000000': ['NoAnswer', null],
		});
		const finals = trigger.events.filter((e) => e.kind === 'voiceStatus' && e.isFinal);
		expect(
			sandbox
				.requestsTo('routee', 'GET')
				.map((r) => r.path)
				.sort(),
		).toEqual(finals.map((e) => `/voice/tracking/${String(e.messageId)}`).sort());
		// the raw callback is unchanged (it has no collectedTones) and the event has no error
		for (const event of finals) {
			expect(event.raw).not.toHaveProperty('collectedTones');
			expect(event).not.toHaveProperty('digitsError');
		}
		expect(trigger.events.filter((e) => !e.isFinal).every((e) => e.digits === null)).toBe(true);
		expect(trigger.calls.every((c) => c.answer.status === 200)).toBe(true);
	});

	test("Routee is asked before the execution starts, so the 200 (n8n's, once it recorded the execution) waits for the tracking answer", async () => {
		const trigger = await withCredential({ fetchVoiceDigits: true });
		sandbox.injectFault({
			provider: 'routee',
			method: 'GET',
			path: '/voice/tracking/',
			delayMs: 1500,
		});
		const started = Date.now();
		const answer = await trigger.post({
			...voiceMessage,
			status: { name: 'Completed', updatedDate: '2024-05-01T10:21:00Z' },
		});
		expect(answer).toMatchObject({ status: 200, body: '' });
		expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
		expect(trigger.executions).toHaveLength(1);
	});

	test('when the tracking cannot be read the event still starts the workflow, digits null and digitsError saying why', async () => {
		const trigger = await withCredential({ fetchVoiceDigits: true });
		const payload = {
			...voiceMessage,
			status: { name: 'Completed', updatedDate: '2024-05-01T10:21:00Z' },
		};
		expect(await trigger.post(payload)).toMatchObject({ status: 200, body: '' });
		const deadline = Date.now() + 5000;
		while (trigger.executions.length === 0 && Date.now() < deadline)
			await new Promise((r) => setTimeout(r, 20));
		expect(trigger.events).toEqual([
			expect.objectContaining({
				kind: 'voiceStatus',
				status: 'Completed',
				isFinal: true,
				digits: null,
				digitsError: expect.stringMatching(/404005000/),
				raw: payload,
			}),
		]);
	});

	test('a callback that already carries the tones is not looked up', async () => {
		const trigger = await withCredential({ fetchVoiceDigits: true });
		await trigger.post({
			...voiceMessage,
			status: { name: 'Completed', updatedDate: '2024-05-01T10:21:00Z' },
			collectedTones: '7',
		});
		expect(trigger.events.map((e) => e.digits)).toEqual(['7']);
		expect(sandbox.requestsTo('routee', 'GET')).toHaveLength(0);
	});
});

describe('an inbound SMS the sandbox POSTs', () => {
	test('one execution with the sender and the text, answered 200 at the first attempt', async () => {
		const sandbox = await Sandbox.start();
		try {
			const trigger = await host();
			const sent = await sandbox.simulateRouteeInboundSms(
				trigger.url,
				'+306999999999',
				'+306911111111',
				'YES, see you at 10',
			);
			expect(sent).toMatchObject({ kind: 'routee.inbound', status: 200, attempt: 1 });
			expect(trigger.events).toEqual([
				expect.objectContaining({
					kind: 'inboundSms',
					to: '+306911111111',
					from: '+306999999999',
					text: 'YES, see you at 10',
					status: null,
					raw: sent?.body,
				}),
			]);
		} finally {
			await sandbox.stop();
		}
	});
});
