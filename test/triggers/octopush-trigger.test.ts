// Octopush Trigger: delivery reports (SMS and voice, keys and durations top-level or in meta_data, JSON or
// form), replies and STOP normalized; account registration (checkExists / create / delete) against the
// sandbox, restoring exactly what was there; and the callbacks the sandbox really POSTs once registered.

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { Harness } from '../harness';
import { Sandbox, type SentCallback } from '../sandbox';
import { OCTOPUSH_DELIVERY_STATUSES } from '../sandbox/octopush/callbacks';
import { defaultSettings, SETTINGS_READ_PATHS } from '../sandbox/octopush/state';
import { octopush } from '../sandbox/test-client';
import { OctopushTrigger } from '../../nodes/OctopushTrigger/OctopushTrigger.node';
import { CALLBACK_KEY_BY_EVENT } from '../../nodes/OctopushTrigger/normalize';
import { callbackSecret, captureLog, TriggerHost, type HostOptions } from './host';

let h: Harness;
let sandbox: Sandbox;
let credentials: HostOptions['credentials'];
const hosts: TriggerHost[] = [];

beforeAll(async () => {
	h = await Harness.create();
	sandbox = await Sandbox.start({ deliveryDelayMs: 10 });
	const cred = h.addCredential(
		'octopushApi',
		{ apiLogin: 'sandbox@example.com', apiKey: 'sandbox-key', baseUrl: sandbox.octopushBaseUrl },
		'octopush-trigger',
	);
	credentials = { octopushApi: cred };
});
afterAll(async () => await sandbox.stop());
afterEach(async () => {
	sandbox.clearFaults();
	await Promise.all(hosts.splice(0).map((host) => host.close()));
});

/** A version-2 trigger unless `options` says otherwise (the tests from before version 3 keep testing version 2). */
async function host(
	parameters: INodeParameters = {},
	secret?: string,
	options: Omit<HostOptions, 'parameters' | 'credentials'> = {},
): Promise<TriggerHost> {
	const withSecret =
		secret === undefined ? credentials : { ...credentials, ...callbackSecret(h, secret) };
	// every event unless a test chooses (the node's default is delivery reports only)
	const started = await TriggerHost.start(h, 'octopushTrigger', {
		parameters: { events: ALL_EVENTS, ...parameters },
		credentials: withSecret,
		...options,
	});
	hosts.push(started);
	return started;
}

const ALL_EVENTS = ['inbound', 'smsDelivery', 'stop', 'voiceDelivery'];
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

// Payloads as https://dev.octopush.com/en/sms-gateway-api-documentation/callbacks/acknowledge-receipt/ and
// https://octopush-api.readme.io/reference/get_callbacks-statuses describe them.
const smsReport = {
	message_id: 'sms_5f44ebf9e47b7',
	number: '+33612345678',
	status: 'DELIVERED',
	delivery_date: '2024-05-01 14:03:00',
	channel: 'sms',
	unit_price: 0.045,
	list_name: null,
};
const voiceReportMeta = {
	message_id: 'voice_5f44ebf9e47b7',
	number: '+33612345678',
	status: 'DELIVERED',
	delivery_date: '2024-05-01 14:03:00',
	channel: 'voice_sms',
	unit_price: 0.05,
	list_name: 'patients',
	meta_data: { pressed_keys_code: '1', call_duration: 12, charged_duration: 30 },
};
const voiceReportTop = {
	message_id: 'voice_5f44ebf9e47b8',
	number: '+33698765432',
	status: 'DELIVERED',
	delivery_date: '2024-05-01 14:04:10',
	channel: 'voice_sms',
	unit_price: 0.05,
	list_name: null,
	pressed_keys_code: '2',
	call_duration: 25,
	charged_duration: 30,
};
const reply = {
	message_id: 'sms_5f44ebf9e47b7',
	number: '+33612345678',
	text: 'OUI merci',
	sim_card_number: '+33700000000',
	reception_date: '2024-05-01 14:05:10',
};
const stop = {
	message_id: 'sms_5f44ebf9e47b7',
	number: '+33612345678',
	text: 'STOP',
	stop_date: '2024-05-01 14:06:00',
};

/** An eventId of the kind's shape: the provider, the kind and a digest of Octopush's identifiers of the event. */
const octopushEventId = (kind: string) =>
	expect.stringMatching(new RegExp(`^octopush-${kind}-[0-9a-f]{32}$`));

const base = {
	provider: 'octopush',
	detailedStatus: null,
	digits: null,
	durationSeconds: null,
	price: null,
	status: null,
	isFinal: true,
};

describe('every Octopush callback kind is normalized', () => {
	const cases: Array<
		[string, string | IDataObject, Record<string, string>, IDataObject, IDataObject]
	> = [
		[
			'SMS delivery report (JSON)',
			smsReport,
			{},
			smsReport,
			{
				kind: 'smsDelivery',
				messageId: 'sms_5f44ebf9e47b7',
				campaignId: 'sms_5f44ebf9e47b7',
				to: '+33612345678',
				status: 'DELIVERED',
				price: 0.045,
				at: '2024-05-01T14:03:00+00:00',
			},
		],
		[
			'SMS report that is only acknowledged (not final)',
			{ ...smsReport, status: 'ACK' },
			{},
			{ ...smsReport, status: 'ACK' },
			{
				kind: 'smsDelivery',
				messageId: 'sms_5f44ebf9e47b7',
				campaignId: 'sms_5f44ebf9e47b7',
				to: '+33612345678',
				status: 'ACK',
				isFinal: false,
				price: 0.045,
				at: '2024-05-01T14:03:00+00:00',
			},
		],
		[
			'voice report with keys and durations inside meta_data (JSON)',
			voiceReportMeta,
			{},
			voiceReportMeta,
			{
				kind: 'voiceDelivery',
				messageId: 'voice_5f44ebf9e47b7',
				campaignId: 'voice_5f44ebf9e47b7',
				to: '+33612345678',
				status: 'DELIVERED',
				digits: '1',
				durationSeconds: 12,
				price: 0.05,
				at: '2024-05-01T14:03:00+00:00',
			},
		],
		[
			'voice report with keys and durations top-level (JSON)',
			voiceReportTop,
			{},
			voiceReportTop,
			{
				kind: 'voiceDelivery',
				messageId: 'voice_5f44ebf9e47b8',
				campaignId: 'voice_5f44ebf9e47b8',
				to: '+33698765432',
				status: 'DELIVERED',
				digits: '2',
				durationSeconds: 25,
				price: 0.05,
				at: '2024-05-01T14:04:10+00:00',
			},
		],
		[
			'voice report of an unanswered call: nothing pressed',
			{
				...voiceReportMeta,
				status: 'NOT_DELIVERED',
				meta_data: { pressed_keys_code: '', call_duration: 0, charged_duration: 0 },
			},
			{},
			{
				...voiceReportMeta,
				status: 'NOT_DELIVERED',
				meta_data: { pressed_keys_code: '', call_duration: 0, charged_duration: 0 },
			},
			{
				kind: 'voiceDelivery',
				messageId: 'voice_5f44ebf9e47b7',
				campaignId: 'voice_5f44ebf9e47b7',
				to: '+33612345678',
				status: 'NOT_DELIVERED',
				digits: '',
				durationSeconds: 0,
				price: 0.05,
				at: '2024-05-01T14:03:00+00:00',
			},
		],
		[
			'voice report, form-encoded, fields top-level',
			'message_id=voice_5f44ebf9e47b8&number=%2B33698765432&status=DELIVERED&delivery_date=2024-05-01+14%3A04%3A10&channel=voice_sms&unit_price=0.05&pressed_keys_code=2&call_duration=25&charged_duration=30',
			FORM,
			{
				message_id: 'voice_5f44ebf9e47b8',
				number: '+33698765432',
				status: 'DELIVERED',
				delivery_date: '2024-05-01 14:04:10',
				channel: 'voice_sms',
				unit_price: '0.05',
				pressed_keys_code: '2',
				call_duration: '25',
				charged_duration: '30',
			},
			{
				kind: 'voiceDelivery',
				messageId: 'voice_5f44ebf9e47b8',
				campaignId: 'voice_5f44ebf9e47b8',
				to: '+33698765432',
				status: 'DELIVERED',
				digits: '2',
				durationSeconds: 25,
				price: 0.05,
				at: '2024-05-01T14:04:10+00:00',
			},
		],
		[
			'voice report, form-encoded, fields in meta_data[...]',
			'message_id=voice_5f44ebf9e47b7&number=%2B33612345678&status=DELIVERED&delivery_date=2024-05-01+14%3A03%3A00&channel=voice_sms&unit_price=0.05&meta_data%5Bpressed_keys_code%5D=1&meta_data%5Bcall_duration%5D=12&meta_data%5Bcharged_duration%5D=30',
			FORM,
			{
				message_id: 'voice_5f44ebf9e47b7',
				number: '+33612345678',
				status: 'DELIVERED',
				delivery_date: '2024-05-01 14:03:00',
				channel: 'voice_sms',
				unit_price: '0.05',
				'meta_data[pressed_keys_code]': '1',
				'meta_data[call_duration]': '12',
				'meta_data[charged_duration]': '30',
			},
			{
				kind: 'voiceDelivery',
				messageId: 'voice_5f44ebf9e47b7',
				campaignId: 'voice_5f44ebf9e47b7',
				to: '+33612345678',
				status: 'DELIVERED',
				digits: '1',
				durationSeconds: 12,
				price: 0.05,
				at: '2024-05-01T14:03:00+00:00',
			},
		],
		[
			'SMS report as a form without a content type (read from the raw body)',
			'message_id=sms_5f44ebf9e47b7&number=%2B33612345678&status=NOT_DELIVERED&delivery_date=2024-05-01+14%3A03%3A00&channel=sms&unit_price=0.045',
			{},
			{
				message_id: 'sms_5f44ebf9e47b7',
				number: '+33612345678',
				status: 'NOT_DELIVERED',
				delivery_date: '2024-05-01 14:03:00',
				channel: 'sms',
				unit_price: '0.045',
			},
			{
				kind: 'smsDelivery',
				messageId: 'sms_5f44ebf9e47b7',
				campaignId: 'sms_5f44ebf9e47b7',
				to: '+33612345678',
				status: 'NOT_DELIVERED',
				price: 0.045,
				at: '2024-05-01T14:03:00+00:00',
			},
		],
		[
			'inbound reply',
			reply,
			{},
			reply,
			{
				kind: 'inbound',
				messageId: 'sms_5f44ebf9e47b7',
				campaignId: 'sms_5f44ebf9e47b7',
				to: '+33612345678',
				at: '2024-05-01T14:05:10+00:00',
			},
		],
		[
			'STOP opt-out',
			stop,
			{},
			stop,
			{
				kind: 'stop',
				messageId: 'sms_5f44ebf9e47b7',
				campaignId: 'sms_5f44ebf9e47b7',
				to: '+33612345678',
				at: '2024-05-01T14:06:00+00:00',
				// the number that opted out, as the Routee Trigger's STOP event names it
				phoneNumber: '+33612345678',
			},
		],
		[
			'STOP opt-out, form-encoded',
			'message_id=sms_5f44ebf9e47b7&number=%2B33612345678&text=STOP&stop_date=2024-05-01+14%3A06%3A00',
			FORM,
			{
				message_id: 'sms_5f44ebf9e47b7',
				number: '+33612345678',
				text: 'STOP',
				stop_date: '2024-05-01 14:06:00',
			},
			{
				kind: 'stop',
				messageId: 'sms_5f44ebf9e47b7',
				campaignId: 'sms_5f44ebf9e47b7',
				to: '+33612345678',
				at: '2024-05-01T14:06:00+00:00',
				// the number that opted out, as the Routee Trigger's STOP event names it
				phoneNumber: '+33612345678',
			},
		],
	];

	test.each(cases)('%s', async (_name, body, headers, raw, expected) => {
		const trigger = await host({ registration: 'manual' });
		const answer = await trigger.post(body, { headers });
		expect(answer).toMatchObject({ status: 200, body: '' });
		expect(trigger.executions).toEqual([
			[
				{
					eventId: octopushEventId(expected.kind as string),
					...base,
					...expected,
					ticket_number: expected.messageId,
					raw,
				},
			],
		]);
	});

	test('Time Zone of Callback Dates reads the offset-less dates in that zone', async () => {
		const trigger = await host({
			registration: 'manual',
			options: { callbackTimeZone: 'Europe/Paris' },
		});
		await trigger.post(smsReport);
		await trigger.post({ ...smsReport, delivery_date: '2024-12-01 14:03:00' });
		expect(trigger.events.map((e) => e.at)).toEqual([
			'2024-05-01T14:03:00+02:00',
			'2024-12-01T14:03:00+01:00',
		]);
	});
});

describe('filters, repeats and bad bodies (Octopush)', () => {
	const all = [smsReport, voiceReportMeta, reply, stop];

	test("Events keeps the chosen kinds; each other kind is answered 200 and n8n's log says which Events entry to add", async () => {
		const trigger = await host({ registration: 'manual', events: ['voiceDelivery', 'stop'] });
		const log = captureLog();
		try {
			for (const payload of all) expect((await trigger.post(payload)).status).toBe(200);
		} finally {
			log.stop();
		}
		expect(trigger.events.map((e) => e.kind)).toEqual(['voiceDelivery', 'stop']);
		expect(
			log.lines.map((line) => [
				line.level,
				line.message,
				(line.meta as { eventKind: string }).eventKind,
			]),
		).toEqual([
			[
				'warn',
				'Trigger received a callback of a kind its Events setting does not include: "SMS Delivery Report" (smsDelivery). No execution was started; to start the workflow on these callbacks, add "SMS Delivery Report" to the node\'s Events.',
				'smsDelivery',
			],
			[
				'warn',
				'Trigger received a callback of a kind its Events setting does not include: "Inbound Reply" (inbound). No execution was started; to start the workflow on these callbacks, add "Inbound Reply" to the node\'s Events.',
				'inbound',
			],
		]);
	});

	test('Statuses and Final Statuses Only apply to delivery reports; replies and STOP pass', async () => {
		const trigger = await host({
			registration: 'manual',
			events: ALL_EVENTS,
			options: { statuses: ['NOT_DELIVERED'], finalOnly: true },
		});
		await trigger.post({ ...smsReport, status: 'ACK' });
		for (const payload of all) await trigger.post(payload);
		await trigger.post({ ...smsReport, status: 'NOT_DELIVERED' });
		expect(trigger.events.map((e) => `${String(e.kind)}:${String(e.status)}`)).toEqual([
			'inbound:null',
			'stop:null',
			'smsDelivery:NOT_DELIVERED',
		]);
	});

	test.each(Object.entries(OCTOPUSH_DELIVERY_STATUSES))(
		'documented status %s: passed through with isFinal as documented, offered in the Statuses filter',
		async (status, { final }) => {
			const trigger = await host({ registration: 'manual' });
			await trigger.post({ ...smsReport, status });
			expect(trigger.events).toEqual([
				expect.objectContaining({ kind: 'smsDelivery', status, isFinal: final }),
			]);
			const options = trigger.nodeType.description.properties.find((p) => p.name === 'options')
				?.options as Array<{
				name: string;
				options?: Array<{ value: string; description?: string }>;
			}>;
			const offered = options.find((o) => o.name === 'statuses')?.options ?? [];
			expect(offered.find((o) => o.value === status)?.description).toMatch(
				final ? /\(final\)$/ : /\(not final\)$/,
			);
		},
	);

	test('the Statuses filter lists exactly the documented statuses', async () => {
		const trigger = await host({ registration: 'manual' });
		const options = trigger.nodeType.description.properties.find((p) => p.name === 'options')
			?.options as Array<{ name: string; options?: Array<{ value: string }> }>;
		const offered = (options.find((o) => o.name === 'statuses')?.options ?? []).map((o) => o.value);
		expect([...offered].sort()).toEqual(Object.keys(OCTOPUSH_DELIVERY_STATUSES).sort());
	});

	test('a status no page documents is passed through as received, not final; Final Statuses Only drops it', async () => {
		const trigger = await host({ registration: 'manual' });
		await trigger.post({ ...smsReport, status: 'SOMETHING_NEW' });
		expect(trigger.events).toEqual([
			expect.objectContaining({ status: 'SOMETHING_NEW', isFinal: false }),
		]);
		const finalOnly = await host({ registration: 'manual', options: { finalOnly: true } });
		expect((await finalOnly.post({ ...smsReport, status: 'SOMETHING_NEW' })).status).toBe(200);
		expect(finalOnly.executions).toHaveLength(0);
	});

	test('the same report 5 times starts one execution, JSON or form', async () => {
		const trigger = await host({ registration: 'manual' });
		const form =
			'message_id=sms_1&number=%2B33612345678&status=DELIVERED&delivery_date=2024-05-01+14%3A03%3A00&channel=sms';
		const answers = await Promise.all([
			...[1, 2, 3, 4, 5].map(() => trigger.post(voiceReportMeta)),
			...[1, 2, 3, 4, 5].map(() => trigger.post(form, { headers: FORM })),
		]);
		expect(answers.every((a) => a.status === 200 && a.body === '')).toBe(true);
		expect(trigger.events.map((e) => e.messageId).sort()).toEqual(['sms_1', 'voice_5f44ebf9e47b7']);
	});

	test.each([
		[
			'truncated JSON sent as text/plain',
			'{"message_id": "sms_1", "status": "DELI',
			{ 'content-type': 'text/plain' },
			/not valid JSON/,
		],
		['neither JSON nor a form', 'hello world', {}, /not valid JSON/],
		['a form with no Octopush field', 'a=1&b=2', FORM, /not an Octopush callback/],
		[
			'a report without number or message_id',
			JSON.stringify({ status: 'DELIVERED' }),
			{ 'content-type': 'application/json' },
			/neither number nor message_id/,
		],
		['an empty body', '', FORM, /empty/],
	])('%s → 400, no execution', async (_name, body, headers, reason) => {
		const trigger = await host({ registration: 'manual' });
		const answer = await trigger.post(body, { headers: headers as Record<string, string> });
		expect(answer.status).toBe(400);
		expect(answer.body).toMatch(reason);
		expect(trigger.executions).toHaveLength(0);
	});

	test('a wrong secret → 403 and no execution', async () => {
		const trigger = await host(
			{ registration: 'manual', callerAuthentication: 'queryToken' },
			'octo-secret-42',
		);
		expect((await trigger.post(smsReport, { suffix: '?token=octo-secret-41' })).status).toBe(403);
		expect((await trigger.post(smsReport)).status).toBe(401);
		expect(trigger.executions).toHaveLength(0);
		expect((await trigger.post(smsReport, { suffix: '?token=octo-secret-42' })).status).toBe(200);
		expect(trigger.executions).toHaveLength(1);
	});
});

// ------------------------------------------------------------------ registration in the account

const KEYS = [
	'callback_url_for_deliveries',
	'callback_url_for_inbounds',
	'callback_url_for_blacklisted_numbers',
] as const;

/** Sets the account's callback URLs; returns its callback settings as they now are. */
function setAccount(values: Record<(typeof KEYS)[number], string | null>): Record<string, unknown> {
	Object.assign(sandbox.octopush.callbacks, values);
	return account();
}

/** The account's callback settings (every key, not only the three this package uses). */
const account = () =>
	JSON.parse(JSON.stringify(sandbox.octopush.callbacks)) as Record<string, unknown>;
/** The account's whole settings, as JSON text: compared byte for byte. */
const wholeAccount = () => JSON.stringify(sandbox.octopush.settings);
const edits = () =>
	sandbox.requestsTo('octopush', 'PATCH', '/user/campaign-parameters/edit').map((r) => r.body);

describe('bodies n8n leaves unread (typeVersion 2 parses only JSON, text, form and XML)', () => {
	test.each([
		[
			'a JSON report as application/octet-stream',
			'application/octet-stream',
			JSON.stringify(voiceReportMeta),
		],
		[
			'a form report without a content type',
			undefined,
			'message_id=voice_5f44ebf9e47b7&number=%2B33612345678&status=DELIVERED&delivery_date=2024-05-01+14%3A03%3A00&channel=voice_sms&unit_price=0.05&list_name=patients&meta_data[pressed_keys_code]=1&meta_data[call_duration]=12&meta_data[charged_duration]=30',
		],
	])('%s gives the same event as sent as JSON', async (_name, contentType, body) => {
		const reference = await host();
		await reference.post(voiceReportMeta);
		const trigger = await host({});
		const response = await fetch(trigger.url, {
			method: 'POST',
			headers: contentType ? { 'content-type': contentType } : {},
			body: new TextEncoder().encode(body),
		});
		expect(response.status).toBe(200);
		expect(trigger.executions).toHaveLength(1);
		const { raw: _raw, ...event } = trigger.executions[0][0];
		const { raw: _referenceRaw, ...expected } = reference.executions[0][0];
		expect(event).toEqual(expected);
	});
});

describe('registration (Automatic)', () => {
	beforeEach(() => {
		sandbox.clearRequests();
		sandbox.octopush.settings = defaultSettings();
	});
	afterEach(() => {
		for (const path of SETTINGS_READ_PATHS) sandbox.octopush.settingsReadPaths.add(path);
	});

	test('create → delete leaves the account callback settings exactly as they were', async () => {
		const before = setAccount({
			callback_url_for_deliveries: 'https://crm.example.com/octopush/dlr',
			callback_url_for_inbounds: null,
			callback_url_for_blacklisted_numbers: 'https://crm.example.com/octopush/stop',
		});
		const trigger = await host({ callerAuthentication: 'queryToken' }, 'octo-secret-42');
		const url = `${trigger.url}?token=octo-secret-42`;

		const settings = JSON.parse(wholeAccount()) as Record<string, unknown>;

		expect(await trigger.hook('checkExists')).toBe(false);
		expect(await trigger.hook('create')).toBe(true);
		expect(edits()).toEqual([
			{
				...settings,
				callbacks: {
					...before,
					callback_url_for_blacklisted_numbers: url,
					callback_url_for_deliveries: url,
					callback_url_for_inbounds: url,
				},
			},
		]);
		expect(account()).toEqual({
			...before,
			callback_url_for_deliveries: url,
			callback_url_for_inbounds: url,
			callback_url_for_blacklisted_numbers: url,
		});
		expect(await trigger.hook('checkExists')).toBe(true);

		expect(await trigger.hook('delete')).toBe(true);
		expect(account()).toEqual(before);
		// "no URL" goes back as the empty string (a documented string), never as null
		expect(edits()[1]).toEqual({
			...settings,
			callbacks: {
				...before,
				callback_url_for_blacklisted_numbers: 'https://crm.example.com/octopush/stop',
				callback_url_for_deliveries: 'https://crm.example.com/octopush/dlr',
				callback_url_for_inbounds: '',
			},
		});
		expect(await trigger.hook('checkExists')).toBe(false);
		expect(trigger.staticData).toEqual({ 'node:Trigger': {} });
		// every call carried the credential's headers
		for (const request of sandbox.requestsTo('octopush')) {
			expect(request.headers['api-login']).toBe('sandbox@example.com');
			expect(request.status).toBe(200);
		}
	});

	test('only the URLs of the chosen events are set and restored', async () => {
		const before = setAccount({
			callback_url_for_deliveries: null,
			callback_url_for_inbounds: 'https://crm.example.com/in',
			callback_url_for_blacklisted_numbers: null,
		});
		const trigger = await host({ events: ['voiceDelivery', 'smsDelivery'] });
		await trigger.hook('create');
		expect(edits().map((body) => (body as { callbacks: unknown }).callbacks)).toEqual([
			{ ...before, callback_url_for_deliveries: trigger.url },
		]);
		expect(account()).toEqual({ ...before, callback_url_for_deliveries: trigger.url });
		await trigger.hook('delete');
		expect(account()).toEqual(before);
	});

	test('a second create (events changed while active) still restores the original URLs', async () => {
		const before = setAccount({
			callback_url_for_deliveries: 'https://a.example.com/dlr',
			callback_url_for_inbounds: 'https://a.example.com/in',
			callback_url_for_blacklisted_numbers: null,
		});
		const trigger = await host({ events: ['voiceDelivery'] });
		await trigger.hook('create');
		trigger.setParameters({ events: ['voiceDelivery', 'inbound', 'stop'] });
		expect(await trigger.hook('checkExists')).toBe(false);
		await trigger.hook('create');
		expect(account()).toEqual({
			...before,
			callback_url_for_deliveries: trigger.url,
			callback_url_for_inbounds: trigger.url,
			callback_url_for_blacklisted_numbers: trigger.url,
		});
		await trigger.hook('delete');
		expect(account()).toEqual(before);
	});

	test('a second create with fewer events gives back the settings no longer needed', async () => {
		const before = setAccount({
			callback_url_for_deliveries: 'https://a.example.com/dlr',
			callback_url_for_inbounds: 'https://a.example.com/in',
			callback_url_for_blacklisted_numbers: null,
		});
		const trigger = await host({ events: ['smsDelivery', 'inbound'] });
		await trigger.hook('create');
		trigger.setParameters({ events: ['stop'] });
		await trigger.hook('create');
		expect(account()).toEqual({ ...before, callback_url_for_blacklisted_numbers: trigger.url });
		await trigger.hook('delete');
		expect(account()).toEqual(before);
	});

	test('delete leaves alone a URL someone changed in the meantime', async () => {
		const before = setAccount({
			callback_url_for_deliveries: 'https://a.example.com/dlr',
			callback_url_for_inbounds: null,
			callback_url_for_blacklisted_numbers: null,
		});
		const trigger = await host();
		await trigger.hook('create');
		sandbox.octopush.callbacks.callback_url_for_inbounds = 'https://someone-else.example.com/in';
		await trigger.hook('delete');
		expect(account()).toEqual({
			...before,
			callback_url_for_inbounds: 'https://someone-else.example.com/in',
		});
	});

	test('Secret Token in URL registers ?token= and the secret of the credential', async () => {
		setAccount({
			callback_url_for_deliveries: null,
			callback_url_for_inbounds: null,
			callback_url_for_blacklisted_numbers: null,
		});
		const trigger = await host(
			{ events: ['inbound'], callerAuthentication: 'queryToken' },
			'octo-secret-with~symbols.42',
		);
		await trigger.hook('create');
		expect(sandbox.octopush.callbacks.callback_url_for_inbounds).toBe(
			`${trigger.url}?token=octo-secret-with%7Esymbols.42`,
		);
		expect(JSON.stringify(trigger.node.parameters)).not.toContain('octo-secret');
		await trigger.hook('delete');
	});

	test.each([
		[
			'Secret Token in URL with the secret as a parameter',
			'automatic',
			{ callerAuthentication: 'queryToken', token: 'octo-secret-42' },
		],
		[
			'Basic auth',
			'automatic',
			{
				callerAuthentication: 'basicAuth',
				basicAuthUser: 'octopush',
				basicAuthPassword: 'octo-secret-42',
			},
		],
		[
			'Header Token, Manual registration',
			'manual',
			{
				callerAuthentication: 'headerToken',
				headerName: 'X-Secret',
				headerValue: 'octo-secret-42',
			},
		],
	])(
		'an old workflow with %s fails to activate saying what to change, and the account is untouched',
		async (_name, registration, parameters) => {
			const before = setAccount({
				callback_url_for_deliveries: 'https://crm.example.com/dlr',
				callback_url_for_inbounds: null,
				callback_url_for_blacklisted_numbers: null,
			});
			const whole = wholeAccount();
			const trigger = await host({
				registration,
				events: ['inbound', 'smsDelivery'],
				...parameters,
			});
			const error = await trigger.hook('checkExists').then(
				() => undefined,
				(e: Error) => e,
			);
			expect(error?.message).toMatch(
				/^Caller authentication moved to a credential: create a 'Routee\/Octopush Callback Secret API' credential/,
			);
			expect(error?.message).not.toContain('octo-secret-42');
			expect(account()).toEqual(before);
			expect(wholeAccount()).toBe(whole);
			const answer = await trigger.post(smsReport, { suffix: '?token=octo-secret-42' });
			expect(answer.status).toBe(500);
			expect(answer.body).not.toContain('octo-secret-42');
			expect(trigger.executions).toHaveLength(0);
		},
	);

	test('a refused registration fails activation and says how to register by hand; nothing changes', async () => {
		const before = setAccount({
			callback_url_for_deliveries: 'https://a.example.com/dlr',
			callback_url_for_inbounds: null,
			callback_url_for_blacklisted_numbers: null,
		});
		const trigger = await host({ events: ['smsDelivery', 'inbound'] });
		sandbox.injectFault({
			provider: 'octopush',
			method: 'PATCH',
			path: '/user/campaign-parameters/edit',
			status: 403,
			times: 5,
		});
		const error = await trigger.hook('create').then(
			() => undefined,
			(e: Error) => e,
		);
		expect(error?.message).toMatch(/^Octopush did not accept the callback URL \(.*403.*\)\./);
		expect(error?.message).toContain(
			`set Registration to 'Manual' and, in your Octopush account, open the Callbacks page and paste ${trigger.url} as the URL for delivery reports, inbound SMS.`,
		);
		expect(account()).toEqual(before);
	});

	test('an unreadable account fails activation the same way (checkExists)', async () => {
		const trigger = await host({ events: ['stop'] });
		sandbox.injectFault({
			provider: 'octopush',
			method: 'GET',
			path: '/user/campaign-parameters',
			status: 500,
			times: 5,
		});
		await expect(trigger.hook('checkExists')).rejects.toThrow(
			/Octopush did not let the trigger read the account's callback URLs \(HTTP 500.*set Registration to 'Manual'.*as the URL for STOP \/ blacklisted numbers\.$/,
		);
	});

	test('a failed delete says what to restore by hand and keeps the record, so a later delete restores', async () => {
		const before = setAccount({
			callback_url_for_deliveries: 'https://a.example.com/dlr',
			callback_url_for_inbounds: null,
			callback_url_for_blacklisted_numbers: null,
		});
		const trigger = await host({ events: ['smsDelivery'] });
		await trigger.hook('create');
		sandbox.injectFault({
			provider: 'octopush',
			method: 'PATCH',
			path: '/user/campaign-parameters/edit',
			status: 500,
			times: 5,
		});
		await expect(trigger.hook('delete')).rejects.toThrow(
			'Restore them on the Callbacks page of your Octopush account: delivery reports: https://a.example.com/dlr.',
		);
		expect(sandbox.octopush.callbacks.callback_url_for_deliveries).toBe(trigger.url);
		sandbox.clearFaults();
		await trigger.hook('delete');
		expect(account()).toEqual(before);
	});

	// An account with every documented setting filled in, keys this package does not know, and an alert e-mail list
	// in the readme.io spelling: https://octopush-api.readme.io/reference/get_public_apiuserget_campaign_parameters
	const fullAccount = () => ({
		sms_campaign_alert_parameters: {
			alert_type: 'sms_low_cost',
			alert_bound: 150,
			alert_emails_to: ['ops@example.com', 'cto@example.com'],
			alert_phone_number_to: '+33611121314',
		},
		campaign_parameters: {
			sender_for_sms_premium: 'Clinique',
			sender_for_voice_sms: '33612345678',
			phone_number_for_test_sms: '+33611121314',
		},
		callbacks: {
			email_for_inbounds: 'replies@example.com',
			callback_url_for_inbounds: 'https://crm.example.com/octopush/in',
			callback_url_for_deliveries: null,
			callback_url_for_blacklisted_numbers: 'https://crm.example.com/octopush/stop',
			callback_url_for_visits: 'https://crm.example.com/octopush/visits',
			api_version: 'v1',
			use_metadata_node_for_inbound: true,
			callback_url_for_rcs_reads: 'https://crm.example.com/octopush/rcs',
		},
		sub_account_defaults: { inherit_callbacks: false },
	});

	test.each([
		['delivery reports only', ['smsDelivery', 'voiceDelivery']],
		['replies only', ['inbound']],
		['every event', ['inbound', 'smsDelivery', 'stop', 'voiceDelivery']],
	])(
		'activation then deactivation (%s) leaves every other account setting byte for byte as it was',
		async (_name, events) => {
			sandbox.octopush.settings = fullAccount();
			const before = wholeAccount();
			const trigger = await host({ events });
			await trigger.hook('create');
			// while active: the whole account is as before, except the chosen URLs
			const expected = fullAccount() as { callbacks: Record<string, unknown> };
			for (const event of events)
				expected.callbacks[
					{
						smsDelivery: 'callback_url_for_deliveries',
						voiceDelivery: 'callback_url_for_deliveries',
						inbound: 'callback_url_for_inbounds',
						stop: 'callback_url_for_blacklisted_numbers',
					}[event] as string
				] = trigger.url;
			expect(wholeAccount()).toBe(JSON.stringify(expected));
			await trigger.hook('delete');
			expect(wholeAccount()).toBe(before);
			// every write carried the whole settings (the documented example sends every section)
			for (const body of edits())
				expect(Object.keys(body as object)).toEqual([
					'sms_campaign_alert_parameters',
					'campaign_parameters',
					'callbacks',
					'sub_account_defaults',
				]);
		},
	);

	test('the account answers only GET /campaign/parameters (readme.io): the trigger reads it there and registers', async () => {
		sandbox.octopush.settings = fullAccount();
		sandbox.octopush.settingsReadPaths.delete('/user/campaign-parameters');
		const before = wholeAccount();
		const trigger = await host({ events: ['smsDelivery'] });
		expect(await trigger.hook('checkExists')).toBe(false);
		await trigger.hook('create');
		expect(sandbox.octopush.callbacks.callback_url_for_deliveries).toBe(trigger.url);
		expect(await trigger.hook('checkExists')).toBe(true);
		await trigger.hook('delete');
		expect(wholeAccount()).toBe(before);
		const reads = sandbox.requestsTo('octopush', 'GET').map((r) => `${r.path} ${r.status}`);
		expect(reads.slice(0, 2)).toEqual([
			'/user/campaign-parameters 404',
			'/campaign/parameters 200',
		]);
		expect(new Set(reads)).toEqual(
			new Set(['/user/campaign-parameters 404', '/campaign/parameters 200']),
		);
	});

	test('neither GET path answers: activation fails with the second answer and the manual steps', async () => {
		sandbox.octopush.settingsReadPaths.clear();
		const trigger = await host({ events: ['inbound'] });
		await expect(trigger.hook('create')).rejects.toThrow(
			/^Octopush did not accept the callback URL \(HTTP 404.*\)\. To register it by hand/,
		);
		expect(sandbox.requestsTo('octopush', 'GET').map((r) => r.path)).toEqual([
			'/user/campaign-parameters',
			'/campaign/parameters',
		]);
		expect(edits()).toEqual([]);
	});

	test('Manual registration calls nobody and needs no credential', async () => {
		const started = await TriggerHost.start(h, 'octopushTrigger', {
			parameters: { registration: 'manual' },
		});
		hosts.push(started);
		expect(await started.hook('checkExists')).toBe(true);
		expect(await started.hook('create')).toBe(true);
		expect(await started.hook('delete')).toBe(true);
		expect(sandbox.requests).toHaveLength(0);
	});

	test('the description: POST webhook answered on receipt, credential only for Automatic, not a tool', async () => {
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
		expect(description.usableAsTool).toBeUndefined();
		expect(description.credentials).toEqual([
			{
				name: 'octopushApi',
				required: true,
				displayOptions: { show: { registration: ['automatic'] } },
			},
			{
				name: 'routeeOctopushCallbackSecretApi',
				required: true,
				displayOptions: { show: { callerAuthentication: ['queryToken'] } },
				testedBy: 'callbackSecretTest',
			},
		]);
		// version 4 (issue 22, N10 and N12): delivery events by channel
		expect(description.version).toEqual([2, 3, 4]);
		expect(description.defaultVersion).toBe(4);
		const notice = description.properties.find((p) => p.name === 'notice');
		expect(notice?.displayName).toMatch(/one callback URL per kind .* for the whole account/);
	});

	test('the subtitle names the chosen events as the Events list does', async () => {
		const trigger = await host({ events: ['voiceDelivery', 'stop'] });
		expect(trigger.subtitle).toBe('Events: Voice Delivery Report, STOP Opt-Out');
	});
});

// ------------------------------------------------------------------ the sandbox's real callbacks

const utcIso = (date: string) => `${date.replace(' ', 'T')}+00:00`;

function expectedEvent(sent: SentCallback): Record<string, unknown> {
	const body = sent.body as Record<string, any>;
	const common = {
		provider: 'octopush',
		messageId: body.message_id,
		campaignId: body.message_id,
		ticket_number: body.message_id,
		to: body.number,
		detailedStatus: null,
		raw: body,
	};
	if (sent.kind === 'octopush.delivery') {
		const voice = body.channel === 'voice_sms';
		const kind = voice ? 'voiceDelivery' : 'smsDelivery';
		return {
			...common,
			eventId: octopushEventId(kind),
			kind,
			status: body.status,
			isFinal: OCTOPUSH_DELIVERY_STATUSES[body.status].final,
			digits: voice ? (body.meta_data.pressed_keys_code ?? null) : null,
			durationSeconds: voice ? body.meta_data.call_duration : null,
			price: body.unit_price,
			at: utcIso(body.delivery_date),
		};
	}
	const inbound = sent.kind === 'octopush.inbound';
	return {
		...common,
		eventId: octopushEventId(inbound ? 'inbound' : 'stop'),
		kind: inbound ? 'inbound' : 'stop',
		status: null,
		isFinal: true,
		digits: null,
		durationSeconds: null,
		price: null,
		at: utcIso(inbound ? body.reception_date : body.stop_date),
		...(inbound ? {} : { phoneNumber: common.to }),
	};
}

describe('callbacks the sandbox POSTs to the registered URL', () => {
	test('voice and SMS reports, a reply and a STOP: one execution each, every field right; delete restores the account', async () => {
		const before = setAccount({
			callback_url_for_deliveries: null,
			callback_url_for_inbounds: 'https://crm.example.com/in',
			callback_url_for_blacklisted_numbers: null,
		});
		const trigger = await host({ callerAuthentication: 'queryToken' }, 'octo-secret-42');
		await trigger.hook('create');
		const sentBefore = sandbox.callbacksSent.length;

		const voice = await octopush(sandbox, 'POST', '/voice-campaign/send', {
			text: 'Bonjour, votre rendez-vous est demain. Tapez 1 pour confirmer.',
			recipients: ['+33600000101', '+33600000102', '+33600000103', '+33600000000'].map(
				(phone_number) => ({ phone_number }),
			),
			sender: 'Clinique',
			purpose: 'alert',
			type: 'voice_sms',
			voice_language: 'fr-FR',
			voice_gender: 'female',
			get_back_pressed_keys: true,
		});
		expect(voice.status).toBe(200);
		const sms = await octopush(sandbox, 'POST', '/sms-campaign/send', {
			text: 'Votre code: 4242',
			recipients: [{ phone_number: '+33600000104' }],
			sender: 'Clinique',
			type: 'sms_premium',
			purpose: 'alert',
		});
		expect(sms.status).toBe(200);
		const ours = () => sandbox.callbacksSent.slice(sentBefore);
		await sandbox.waitForCallbacks(
			() => ours().filter((c) => c.kind === 'octopush.delivery').length >= 5,
		);
		await sandbox.simulateInbound('+33600000101', 'OUI');
		await sandbox.simulateStop('+33600000102');

		const sent = ours();
		expect(sent.map((c) => c.kind).sort()).toEqual(
			[...Array(5).fill('octopush.delivery'), 'octopush.inbound', 'octopush.stop'].sort(),
		);
		expect(
			sent.every(
				(c) =>
					c.status === 200 && c.attempt === 1 && c.url === `${trigger.url}?token=octo-secret-42`,
			),
		).toBe(true);
		expect(trigger.events).toHaveLength(sent.length);
		// every callback the sandbox sent was a different event (none was retried), so every eventId differs
		expect(new Set(trigger.events.map((e) => e.eventId)).size).toBe(sent.length);
		for (const callback of sent) {
			const matching = trigger.events.filter(
				(event) => JSON.stringify(event.raw) === JSON.stringify(callback.body),
			);
			expect(matching).toEqual([expectedEvent(callback)]);
		}
		// "pressed 1": the key press a workflow branches on
		const pressed = trigger.events
			.filter((e) => e.kind === 'voiceDelivery')
			.map((e) => [e.to, e.status, e.digits]);
		expect(pressed.sort()).toEqual([
			['+33600000000', 'NOT_DELIVERED', ''],
			['+33600000101', 'DELIVERED', '1'],
			['+33600000102', 'DELIVERED', '2'],
			['+33600000103', 'DELIVERED', ''],
		]);
		expect(trigger.events.find((e) => e.kind === 'voiceDelivery')?.campaignId).toBe(
			voice.body.ticket_number,
		);

		await trigger.hook('delete');
		expect(account()).toEqual(before);
	});

	test('a queued report (PROCESSED) before the delivery: not final, so Final Statuses Only starts the workflow once', async () => {
		const before = wholeAccount();
		const trigger = await host({ events: ['smsDelivery'], options: { finalOnly: true } });
		const everything = await host({ registration: 'manual' });
		await trigger.hook('create');
		const sentBefore = sandbox.callbacksSent.length;
		sandbox.options.deliveryDelayMs = 200;
		try {
			const sms = await octopush(sandbox, 'POST', '/sms-campaign/send', {
				text: 'Votre code: 4242',
				recipients: [{ phone_number: '+33600000106' }],
				sender: 'Clinique',
				type: 'sms_premium',
				purpose: 'alert',
			});
			expect(
				(await sandbox.simulateDeliveryReport(sms.body.ticket_number, '+33600000106', 'PROCESSED'))
					?.status,
			).toBe(200);
			await sandbox.waitForCallbacks((sent) =>
				sent.slice(sentBefore).some((c) => (c.body as { status?: string }).status === 'DELIVERED'),
			);
		} finally {
			sandbox.options.deliveryDelayMs = 10;
		}
		const reports = sandbox.callbacksSent
			.slice(sentBefore)
			.map((c) => (c.body as { status: string }).status);
		expect(reports).toEqual(['PROCESSED', 'DELIVERED']);
		expect(trigger.events.map((e) => [e.status, e.isFinal])).toEqual([['DELIVERED', true]]);
		// the same two reports without the filter: both pass, PROCESSED not final
		for (const sent of sandbox.callbacksSent.slice(sentBefore))
			await everything.post(sent.body as IDataObject);
		expect(everything.events.map((e) => [e.status, e.isFinal])).toEqual([
			['PROCESSED', false],
			['DELIVERED', true],
		]);
		await trigger.hook('delete');
		expect(wholeAccount()).toBe(before);
	});

	test('a secret with URL symbols through the registered URL: the sandbox calls it, the reply starts the workflow', async () => {
		setAccount({
			callback_url_for_deliveries: null,
			callback_url_for_inbounds: null,
			callback_url_for_blacklisted_numbers: null,
		});
		const trigger = await host(
			{ events: ['inbound'], callerAuthentication: 'queryToken' },
			'p@ss word&more=1#frag',
		);
		await trigger.hook('create');
		const last = await sandbox.simulateInbound('+33600000105', 'Bonjour');
		expect(last?.status).toBe(200);
		expect(trigger.events).toEqual([
			expect.objectContaining({ kind: 'inbound', to: '+33600000105' }),
		]);
		await trigger.hook('delete');
	});
});

// ------------------------------------------------------------------ "Test this trigger" on a live account

describe('"Test this trigger" never moves the live account (test listen as n8n 2.40 runs it)', () => {
	beforeEach(() => {
		sandbox.clearRequests();
		sandbox.octopush.settings = defaultSettings();
	});
	const SECRET = { callerAuthentication: 'queryToken' };
	const sendSms = async (phone: string) => {
		const sentBefore = sandbox.callbacksSent.length;
		const sms = await octopush(sandbox, 'POST', '/sms-campaign/send', {
			text: 'Votre code: 4242',
			recipients: [{ phone_number: phone }],
			sender: 'Clinique',
			type: 'sms_premium',
			purpose: 'alert',
		});
		expect(sms.status).toBe(200);
		await sandbox.waitForCallbacks((sent) =>
			sent.slice(sentBefore).some((c) => c.kind === 'octopush.delivery'),
		);
		return sandbox.callbacksSent.slice(sentBefore).filter((c) => c.kind === 'octopush.delivery');
	};

	test('production active → test listen → test callback → test ends: account unchanged, production still gets the next report', async () => {
		const beforeActivation = setAccount({
			callback_url_for_deliveries: 'https://crm.example.com/dlr',
			callback_url_for_inbounds: null,
			callback_url_for_blacklisted_numbers: null,
		});
		const trigger = await host({ events: ['smsDelivery'], ...SECRET }, 'octo-secret-42');
		const production = `${trigger.url}?token=octo-secret-42`;
		expect(await trigger.hook('checkExists')).toBe(false);
		await trigger.hook('create');
		const active = wholeAccount();
		const productionRecord = JSON.stringify(trigger.staticData);
		expect(account().callback_url_for_deliveries).toBe(production);

		sandbox.clearRequests();
		await trigger.startTestListen();
		expect(wholeAccount()).toBe(active);
		expect(edits()).toEqual([]);
		// the user sends a test callback to the test URL by hand, as the node's notice says
		expect(
			(await trigger.post(smsReport, { url: `${trigger.testUrl}?token=octo-secret-42` })).status,
		).toBe(200);
		expect(trigger.executions).toHaveLength(1);
		await trigger.testHook('delete');
		expect(wholeAccount()).toBe(active);
		expect(edits()).toEqual([]);
		expect(JSON.stringify(trigger.staticData)).toBe(productionRecord);

		// the production workflow receives the next delivery report of the account
		const reports = await sendSms('+33600000107');
		expect(reports.map((c) => [c.url, c.status])).toEqual([[production, 200]]);
		expect(trigger.events.map((e) => e.to)).toEqual(['+33612345678', '+33600000107']);

		// deactivating production puts back the URL from before its activation, not a test URL
		await trigger.hook('delete');
		expect(account()).toEqual(beforeActivation);
	});

	test('an account with no URL: the test registers the test URL, the sandbox reports to it, the test end puts back no URL', async () => {
		const before = setAccount({
			callback_url_for_deliveries: null,
			callback_url_for_inbounds: 'https://crm.example.com/in',
			callback_url_for_blacklisted_numbers: null,
		});
		const whole = wholeAccount();
		const trigger = await host({ events: ['smsDelivery', 'inbound'], ...SECRET }, 'octo-secret-42');
		await trigger.startTestListen();
		// only the free setting: the inbound URL belongs to another system
		expect(account()).toEqual({
			...before,
			callback_url_for_deliveries: `${trigger.testUrl}?token=octo-secret-42`,
		});
		expect(trigger.staticData).toEqual({});
		const reports = await sendSms('+33600000108');
		expect(reports.map((c) => c.url)).toEqual([`${trigger.testUrl}?token=octo-secret-42`]);
		expect(trigger.events).toEqual([
			expect.objectContaining({ kind: 'smsDelivery', to: '+33600000108' }),
		]);
		await trigger.testHook('delete');
		expect(wholeAccount()).toBe(whole);
		// nothing was saved to the workflow: a later activation starts from the account as it is
		expect(trigger.staticData).toEqual({});
	});

	test('a test listen then production activation and deactivation: each restores only what it changed', async () => {
		const before = setAccount({
			callback_url_for_deliveries: null,
			callback_url_for_inbounds: null,
			callback_url_for_blacklisted_numbers: null,
		});
		const trigger = await host({ events: ['smsDelivery'] });
		await trigger.startTestListen();
		expect(account().callback_url_for_deliveries).toBe(trigger.testUrl);
		// the workflow is activated while the test still listens: production takes the URL
		await trigger.hook('create');
		expect(account().callback_url_for_deliveries).toBe(trigger.url);
		// the test ends: the URL no longer points at the test, so it stays production's
		await trigger.testHook('delete');
		expect(account().callback_url_for_deliveries).toBe(trigger.url);
		await trigger.hook('delete');
		// "no URL" goes back as '' (the sandbox, like the account, then holds none)
		expect(account()).toEqual(before);
	});

	test('a URL of another system is never touched by a test, and the test end leaves it alone', async () => {
		const before = setAccount({
			callback_url_for_deliveries: 'https://crm.example.com/dlr?key=crm-secret',
			callback_url_for_inbounds: null,
			callback_url_for_blacklisted_numbers: null,
		});
		const trigger = await host({ events: ['smsDelivery'] });
		expect(await trigger.testHook('checkExists')).toBe(false);
		expect(await trigger.testHook('create')).toBe(true);
		expect(account()).toEqual(before);
		await trigger.testHook('delete');
		expect(account()).toEqual(before);
		expect(edits()).toEqual([]);
	});

	test('Events defaults to delivery reports only', () => {
		const events = new OctopushTrigger().description.properties.find((p) => p.name === 'events');
		expect(events?.default).toEqual(['smsDelivery', 'voiceDelivery']);
		expect(events?.description).toContain('ticket_number');
	});
});

describe('Time Zone of Callback Dates', () => {
	test('an unknown zone fails activation with what to enter (Automatic and Manual), not silent UTC', async () => {
		for (const registration of ['automatic', 'manual']) {
			const trigger = await host({ registration, options: { callbackTimeZone: 'Europe/Pariss' } });
			await expect(trigger.hook('checkExists')).rejects.toThrow(
				"Time Zone of Callback Dates 'Europe/Pariss' is not a time zone. Enter an IANA time zone name such as Europe/Paris, or UTC, in the trigger's options.",
			);
		}
	});

	test('a callback reaching a trigger with an unknown zone is refused with that reason', async () => {
		const trigger = await host({
			registration: 'manual',
			options: { callbackTimeZone: 'Mars/Olympus' },
		});
		const answer = await trigger.post(smsReport);
		expect(answer.status).toBe(400);
		expect(answer.body).toContain("Time Zone of Callback Dates 'Mars/Olympus' is not a time zone");
		expect(trigger.executions).toHaveLength(0);
	});

	test('the trigger event carries the ticket as ticket_number, as the Octopush node outputs it', async () => {
		const trigger = await host({ registration: 'manual' });
		await trigger.post(smsReport);
		expect(trigger.events[0]).toMatchObject({
			ticket_number: smsReport.message_id,
			messageId: smsReport.message_id,
		});
	});
});

// ------------------------------------------------------------------ version 3: secure by default

describe('version 3: a new trigger registers a URL that carries a generated secret', () => {
	beforeEach(() => {
		sandbox.clearRequests();
		sandbox.octopush.settings = defaultSettings();
	});
	const v3 = { typeVersion: 3 };
	const tokenOf = (url: unknown) => new URL(String(url)).searchParams.get('token');

	test('default parameters: activation registers the URL with ?token=, only that URL starts executions; deactivation restores the account', async () => {
		const before = setAccount({
			callback_url_for_deliveries: 'https://crm.example.com/octopush/dlr',
			callback_url_for_inbounds: null,
			callback_url_for_blacklisted_numbers: null,
		});
		const trigger = await host({ events: ['smsDelivery'] }, undefined, v3);
		expect(await trigger.hook('checkExists')).toBe(false);
		expect(await trigger.hook('create')).toBe(true);
		const registered = String(account().callback_url_for_deliveries);
		const token = tokenOf(registered);
		expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
		expect(registered).toBe(`${trigger.url}?token=${token}`);
		expect(await trigger.hook('checkExists')).toBe(true);

		const log = captureLog();
		try {
			expect((await trigger.post(smsReport)).status).toBe(401);
			expect(
				(await trigger.post(smsReport, { suffix: '?token=guessed-guessed-guessed' })).status,
			).toBe(403);
			expect(trigger.executions).toHaveLength(0);
			expect(log.lines.map((l) => l.message)).toEqual([
				expect.stringMatching(
					/refused a callback with a wrong token.*if that key changed since the workflow was activated, deactivate and activate the workflow/,
				),
			]);
		} finally {
			log.stop();
		}
		expect((await trigger.post(smsReport, { url: registered })).status).toBe(200);
		expect(trigger.events).toEqual([
			expect.objectContaining({ kind: 'smsDelivery', raw: smsReport }),
		]);

		// neither the secret nor the URL that carries it is kept in the workflow (static data is in every export)
		expect(JSON.stringify(trigger.staticData)).not.toContain(String(token));
		expect(JSON.stringify(trigger.node.parameters)).not.toContain(String(token));

		expect(await trigger.hook('delete')).toBe(true);
		expect(account()).toEqual(before);
	});

	test('the secret is the same in every n8n process and differs from one trigger node to another', async () => {
		const first = await host({ events: ['smsDelivery'] }, undefined, v3);
		await first.hook('create');
		const registered = String(account().callback_url_for_deliveries);
		// another process (queue mode's webhook process) hosting the same node: a fresh module memory, same node
		const same = await TriggerHost.start(h, 'octopushTrigger', {
			parameters: { events: ['smsDelivery'] },
			credentials,
			typeVersion: 3,
			nodeId: first.node.id,
		});
		hosts.push(same);
		same.node.webhookId = first.node.webhookId;
		expect(
			(await same.post(smsReport, { url: registered.replace(first.baseUrl, same.baseUrl) })).status,
		).toBe(200);
		const other = await host({ events: ['smsDelivery'] }, undefined, v3);
		expect((await other.post(smsReport, { suffix: `?token=${tokenOf(registered)}` })).status).toBe(
			403,
		);
		await first.hook('delete');
	});

	test('a version-2 trigger saved with default parameters keeps registering the URL without a token', async () => {
		const trigger = await host({ events: ['smsDelivery'] });
		expect(trigger.node.typeVersion).toBe(2);
		await trigger.hook('create');
		expect(account().callback_url_for_deliveries).toBe(trigger.url);
		expect((await trigger.post(smsReport)).status).toBe(200);
		await trigger.hook('delete');
	});

	test('version 3 with Manual registration: the user pastes the URL, so no secret is generated (None by default, Secret Token in URL offered)', async () => {
		const trigger = await host({ registration: 'manual', events: ['smsDelivery'] }, undefined, v3);
		expect(await trigger.hook('checkExists')).toBe(true);
		expect((await trigger.post(smsReport)).status).toBe(200);
		const generatedWithManual = await host(
			{ registration: 'manual', callerAuthentication: 'generatedToken', events: ['smsDelivery'] },
			undefined,
			v3,
		);
		await expect(generatedWithManual.hook('checkExists')).rejects.toThrow(
			/'Generated Secret in URL' works only with Registration 'Automatic \(API\)'/,
		);
		expect((await generatedWithManual.post(smsReport)).status).toBe(500);
		expect(generatedWithManual.executions).toHaveLength(0);
	});

	test('a registration recorded before the URL was kept as a digest (it held the URL itself) is still restored', async () => {
		const trigger = await host({ callerAuthentication: 'queryToken' }, 'octo-secret-42');
		const url = `${trigger.url}?token=octo-secret-42`;
		setAccount({
			callback_url_for_deliveries: url,
			callback_url_for_inbounds: null,
			callback_url_for_blacklisted_numbers: null,
		});
		trigger.staticData = {
			'node:Trigger': {
				registration: {
					url,
					keys: ['callback_url_for_deliveries'],
					previous: { callback_url_for_deliveries: 'https://crm.example.com/octopush/dlr' },
				},
			},
		};
		expect(await trigger.hook('delete')).toBe(true);
		expect(account().callback_url_for_deliveries).toBe('https://crm.example.com/octopush/dlr');
	});
});

// Issue 22, N10 and N12: "channel | Channel of the delivery ('sms', 'voice_sms', 'facebook', 'instagram', 'rcs',
// 'email', 'whatsapp', etc…)" (https://dev.octopush.com/en/sms-gateway-api-documentation/callbacks/acknowledge-receipt/);
// the RCS and e-mail payloads and READ / OPENED / CLICKED: https://octopush-api.readme.io/reference/get_callbacks-statuses.
describe('delivery reports of every channel (version 4), the e-mail report in every version', () => {
	const V4_EVENTS = [
		'emailDelivery',
		'facebookDelivery',
		'inbound',
		'instagramDelivery',
		'otherDelivery',
		'rcsDelivery',
		'smsDelivery',
		'stop',
		'voiceDelivery',
		'whatsappDelivery',
	];
	const v4 = async (parameters: INodeParameters = {}) =>
		await host({ registration: 'manual', events: V4_EVENTS, ...parameters }, undefined, {
			typeVersion: 4,
		});
	const report = (channel: string, status = 'DELIVERED') => ({
		channel,
		message_id: `${channel}_0000000000000000000000`,
		list_name: 'List Name',
		number: '+33600112233',
		status,
		unit_price: 0.5,
		delivery_date: '2025-01-22 12:29:14',
		meta_data: {},
	});
	// the documented e-mail example
	const emailReport = {
		channel: 'email',
		message_id: 'email_0000000000000000000000',
		list_name: 'List Name',
		meta_data: { template_name: 'Template Name' },
		deliveries: [
			{
				email: 'ann@example.com',
				status: 'OPENED',
				unit_price: 0.5,
				delivery_date: '2025-01-22 12:24:30',
				status_history: [{ status: 'DELIVERED', delivery_date: '2025-01-22 12:23:30' }],
			},
			{
				email: 'ben@example.com',
				status: 'SPAM_PRESUMPTION',
				unit_price: 0.5,
				delivery_date: '2025-01-22 12:19:30',
				status_history: [],
			},
		],
	};

	test.each([
		['sms', 'smsDelivery', true],
		['voice_sms', 'voiceDelivery', true],
		['rcs', 'rcsDelivery', false],
		['whatsapp', 'whatsappDelivery', false],
		['facebook', 'facebookDelivery', false],
		['instagram', 'instagramDelivery', false],
		['telegram', 'otherDelivery', false],
	])('channel %s → %s, carrying channel; DELIVERED final: %s', async (channel, kind, final) => {
		const trigger = await v4();
		expect((await trigger.post(report(channel))).status).toBe(200);
		expect(trigger.events).toEqual([
			expect.objectContaining({
				kind,
				channel,
				status: 'DELIVERED',
				isFinal: final,
				to: '+33600112233',
				price: 0.5,
				at: '2025-01-22T12:29:14+00:00',
			}),
		]);
	});

	test('READ after DELIVERED on RCS is the final one: with Final Statuses Only, one execution, not two', async () => {
		const trigger = await v4({ options: { finalOnly: true } });
		await trigger.post(report('rcs', 'DELIVERED'));
		await trigger.post(report('rcs', 'READ'));
		expect(trigger.events.map((e) => [e.kind, e.status, e.isFinal])).toEqual([
			['rcsDelivery', 'READ', true],
		]);
	});

	test('an RCS report does not start a workflow that listens to SMS Delivery Report only (version 4)', async () => {
		const trigger = await v4({ events: ['smsDelivery'] });
		expect((await trigger.post(report('rcs'))).status).toBe(200);
		expect(trigger.executions).toEqual([]);
	});

	test('the documented e-mail report is normalized (200, one event), each delivery with its address and status', async () => {
		const trigger = await v4();
		const answer = await trigger.post(emailReport);
		expect(answer).toMatchObject({ status: 200, body: '' });
		expect(trigger.events).toEqual([
			expect.objectContaining({
				kind: 'emailDelivery',
				channel: 'email',
				messageId: 'email_0000000000000000000000',
				ticket_number: 'email_0000000000000000000000',
				to: null,
				status: null,
				isFinal: false,
				deliveries: [
					{
						to: 'ann@example.com',
						status: 'OPENED',
						// CLICKED may follow OPENED
						isFinal: false,
						price: 0.5,
						at: '2025-01-22T12:24:30+00:00',
					},
					{
						to: 'ben@example.com',
						status: 'SPAM_PRESUMPTION',
						isFinal: true,
						price: 0.5,
						at: '2025-01-22T12:19:30+00:00',
					},
				],
				raw: emailReport,
			}),
		]);
	});

	test("an e-mail report of one delivery has its address, status and time as the event's", async () => {
		const trigger = await v4();
		await trigger.post({ ...emailReport, deliveries: [emailReport.deliveries[1]] });
		expect(trigger.events).toEqual([
			expect.objectContaining({
				kind: 'emailDelivery',
				to: 'ben@example.com',
				status: 'SPAM_PRESUMPTION',
				isFinal: true,
				at: '2025-01-22T12:19:30+00:00',
			}),
		]);
	});

	test('versions 2 and 3: the e-mail report is no longer refused (was 400); E-Mail Delivery Report starts on it', async () => {
		for (const typeVersion of [2, 3]) {
			const listening = await host(
				{ registration: 'manual', events: [...ALL_EVENTS, 'emailDelivery'] },
				undefined,
				{ typeVersion },
			);
			expect((await listening.post(emailReport)).status).toBe(200);
			expect(listening.events).toEqual([
				expect.objectContaining({ kind: 'emailDelivery', messageId: emailReport.message_id }),
			]);
			const saved = await host({ registration: 'manual' }, undefined, { typeVersion });
			expect((await saved.post(emailReport)).status).toBe(200);
			expect(saved.executions).toEqual([]);
		}
	});

	test('versions 2 and 3 keep what their events meant: an RCS DELIVERED is an SMS Delivery Report, final', async () => {
		for (const typeVersion of [2, 3]) {
			const trigger = await host({ registration: 'manual', events: ['smsDelivery'] }, undefined, {
				typeVersion,
			});
			await trigger.post(report('rcs'));
			expect(trigger.events).toEqual([expect.not.objectContaining({ channel: expect.anything() })]);
			expect(trigger.events).toEqual([
				expect.objectContaining({ kind: 'smsDelivery', status: 'DELIVERED', isFinal: true }),
			]);
		}
	});

	test('Automatic registration of any delivery event sets the one deliveries URL', () => {
		for (const kind of V4_EVENTS.filter((k) => k.endsWith('Delivery')))
			expect(CALLBACK_KEY_BY_EVENT[kind]).toBe('callback_url_for_deliveries');
	});
});
