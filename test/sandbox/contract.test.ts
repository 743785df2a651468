// Table of documented invalid requests across both providers: each must be refused with the documented
// status, error shape and code — and must change nothing (no charge, no campaign).

import { Sandbox } from './server';
import { octopush, routee, token, type Answer } from './test-client';

const past = new Date(Date.now() - 3_600_000).toISOString();
const hook = 'http://127.0.0.1:9/hook';
const sms = (extra: Record<string, unknown>) => ({
	from: 'Sandbox',
	body: 'Hello',
	to: ['+306900000001'],
	...extra,
});
const voice = (extra: Record<string, unknown>) => ({
	from: '+306900000999',
	to: ['+306900000001'],
	message: { text: 'Hello', language: 'en-US', gender: 'female' },
	...extra,
});
const say = { type: 'SAY', message: { text: 'Hi', language: 'en-GB', gender: 'male' } };
const call = (extra: Record<string, unknown>) => ({
	from: '+306900000999',
	to: { phone: '+306900000001' },
	dialPlan: { verbs: [say] },
	...extra,
});
const vms = (extra: Record<string, unknown>) => ({
	text: 'Your appointment is tomorrow',
	recipients: [{ phone_number: '+33612345678' }],
	voice_language: 'fr-FR',
	voice_gender: 'female',
	...extra,
});

interface RouteeCase {
	name: string;
	method: string;
	path: string;
	body?: unknown;
	status: number;
	code: string;
	/** errors[0].code and errors[0].property, when the error names them (a Validation Error, 400000000: the key of `properties`). */
	sub?: string;
	property?: string;
}

const routeeCases: RouteeCase[] = [
	{
		name: 'SMS: alphanumeric sender longer than 11',
		method: 'POST',
		path: '/sms/campaign',
		body: sms({ from: 'SandboxSender' }),
		status: 400,
		code: '400005000',
		sub: '002',
		property: 'from',
	},
	{
		name: 'SMS: numeric sender longer than 16',
		method: 'POST',
		path: '/sms/campaign',
		body: sms({ from: '12345678901234567' }),
		status: 400,
		code: '400005000',
		sub: '002',
		property: 'from',
	},
	{
		name: 'SMS: numeric sender with +',
		method: 'POST',
		path: '/sms/campaign',
		body: sms({ from: '+306900000999' }),
		status: 400,
		code: '400005000',
		sub: '002',
		property: 'from',
	},
	{
		name: 'SMS: no recipients',
		method: 'POST',
		path: '/sms/campaign',
		body: sms({ to: [] }),
		status: 400,
		code: '400005000',
		sub: '004',
	},
	{
		name: 'SMS: one non-E.164 number blocks the bulk',
		method: 'POST',
		path: '/sms/campaign',
		body: sms({ to: ['+306900000001', '6900000002'] }),
		status: 400,
		code: '400005000',
		sub: '008',
		property: '6900000002',
	},
	{
		name: 'SMS: campaign name with _ and !',
		method: 'POST',
		path: '/sms/campaign',
		body: sms({ campaignName: 'bad_name!' }),
		status: 400,
		code: '400000000',
		property: 'campaignName',
	},
	{
		name: 'SMS: campaign name of 1 character',
		method: 'POST',
		path: '/sms/campaign',
		body: sms({ campaignName: 'a' }),
		status: 400,
		code: '400000000',
		property: 'campaignName',
	},
	{
		name: 'SMS: campaign name of 31 characters',
		method: 'POST',
		path: '/sms/campaign',
		body: sms({ campaignName: 'a'.repeat(31) }),
		status: 400,
		code: '400000000',
		property: 'campaignName',
	},
	{
		name: 'SMS: ttl 0',
		method: 'POST',
		path: '/sms/campaign',
		body: sms({ ttl: 0 }),
		status: 400,
		code: '400000000',
		property: 'ttl',
	},
	{
		name: 'SMS: ttl 4321',
		method: 'POST',
		path: '/sms/campaign',
		body: sms({ ttl: 4321 }),
		status: 400,
		code: '400000000',
		property: 'ttl',
	},
	{
		name: 'SMS: callback strategy Always',
		method: 'POST',
		path: '/sms/campaign',
		body: sms({ callback: { url: hook, strategy: 'Always' } }),
		status: 400,
		code: '400000000',
		property: 'callback.strategy',
	},
	{
		name: 'SMS: campaignCallback without url',
		method: 'POST',
		path: '/sms/campaign',
		body: sms({ campaignCallback: { strategy: 'OnChange' } }),
		status: 400,
		code: '400000000',
		property: 'campaignCallback.url',
	},
	{
		name: 'SMS: scheduledDate not a date',
		method: 'POST',
		path: '/sms/campaign',
		body: sms({ scheduledDate: 'tomorrow' }),
		status: 400,
		code: '400000000',
		property: 'scheduledDate',
	},
	{
		name: 'SMS: scheduledDate in the past',
		method: 'POST',
		path: '/sms/campaign',
		body: sms({ scheduledDate: past }),
		status: 400,
		code: '400000000',
		property: 'scheduledDate',
	},
	{
		name: 'SMS: unknown (misspelled) field',
		method: 'POST',
		path: '/sms/campaign',
		body: sms({ campaignname: 'Typo' }),
		status: 400,
		code: '400000000',
		property: 'campaignname',
	},
	{
		name: 'SMS: body missing',
		method: 'POST',
		path: '/sms/campaign',
		body: { from: 'Sandbox', to: ['+306900000001'] },
		status: 400,
		code: '400000000',
		property: 'body',
	},
	{
		name: 'single SMS: invalid recipient',
		method: 'POST',
		path: '/sms',
		body: { from: 'Sandbox', body: 'Hi', to: '00306900000001' },
		status: 400,
		code: '400005000',
		sub: '008',
		property: '00306900000001',
	},
	{
		name: 'single SMS: to as an array',
		method: 'POST',
		path: '/sms',
		body: { from: 'Sandbox', body: 'Hi', to: ['+306900000001'] },
		status: 400,
		code: '400000000',
		property: 'to',
	},
	{
		name: 'analyze: no recipients',
		method: 'POST',
		path: '/sms/analyze/campaign',
		body: { from: 'Sandbox', body: 'Hi' },
		status: 400,
		code: '400005000',
		sub: '004',
	},
	{
		name: 'voice: text over 1000 characters',
		method: 'POST',
		path: '/voice/campaign',
		body: voice({ message: { text: 'a'.repeat(1001), language: 'en-US' } }),
		status: 400,
		code: '400000000',
		property: 'message.text',
	},
	{
		name: 'voice: language not supported',
		method: 'POST',
		path: '/voice/campaign',
		body: voice({ message: { text: 'Hi', language: 'nl-NL' } }),
		status: 400,
		code: '400000000',
		property: 'message.language',
	},
	{
		name: 'voice: gender robot',
		method: 'POST',
		path: '/voice/campaign',
		body: voice({ message: { text: 'Hi', language: 'en-US', gender: 'robot' } }),
		status: 400,
		code: '400000000',
		property: 'message.gender',
	},
	{
		name: 'voice: both message and fileURL',
		method: 'POST',
		path: '/voice/campaign',
		body: voice({ fileURL: 'https://example.com/a.wav' }),
		status: 400,
		code: '400000000',
		property: 'message',
	},
	{
		name: 'voice: neither message nor fileURL',
		method: 'POST',
		path: '/voice/campaign',
		body: voice({ message: undefined }),
		status: 400,
		code: '400000000',
		property: 'message',
	},
	{
		name: 'voice: fileURL not http(s)',
		method: 'POST',
		path: '/voice/campaign',
		body: voice({ message: undefined, fileURL: 'ftp://example.com/a.wav' }),
		status: 400,
		code: '400000000',
		property: 'fileURL',
	},
	{
		name: 'voice: name under campaignName (the request key is name)',
		method: 'POST',
		path: '/voice/campaign',
		body: voice({ campaignName: 'Reminders' }),
		status: 400,
		code: '400000000',
		property: 'campaignName',
	},
	{
		name: 'single SMS: label of 351 characters',
		method: 'POST',
		path: '/sms',
		body: { from: 'Sandbox', to: '+306900000001', body: 'Hi', label: 'l'.repeat(351) },
		status: 400,
		code: '400000000',
		property: 'label',
	},
	{
		name: 'voice: more than 1000 numbers',
		method: 'POST',
		path: '/voice/campaign',
		body: voice({
			to: Array.from({ length: 1001 }, (_, i) => `+3069${String(i).padStart(8, '0')}`),
		}),
		status: 400,
		code: '400000000',
		property: 'to',
	},
	{
		name: 'voice: invalid number',
		method: 'POST',
		path: '/voice/campaign',
		body: voice({ to: ['+30abc'] }),
		status: 400,
		code: '400013000',
		sub: '008',
		property: '+30abc',
	},
	{
		name: 'voice: no recipients',
		method: 'POST',
		path: '/voice/campaign',
		body: voice({ to: [] }),
		status: 400,
		code: '400013000',
		sub: '004',
	},
	{
		name: 'conversation: to with phone and sip',
		method: 'POST',
		path: '/voice/conversation',
		body: call({ to: { phone: '+306900000001', sip: 'sip:a@b' } }),
		status: 400,
		code: '400000000',
		property: 'to',
	},
	{
		name: 'conversation: to without phone/sip/viber',
		method: 'POST',
		path: '/voice/conversation',
		body: call({ to: {} }),
		status: 400,
		code: '400000000',
		property: 'to',
	},
	{
		name: 'conversation: empty verbs',
		method: 'POST',
		path: '/voice/conversation',
		body: call({ dialPlan: { verbs: [] } }),
		status: 400,
		code: '400000000',
		property: 'dialPlan.verbs',
	},
	{
		name: 'conversation: dialPlan and dialPlanUrl',
		method: 'POST',
		path: '/voice/conversation',
		body: call({ dialPlanUrl: 'https://example.com/plan' }),
		status: 400,
		code: '400000000',
		property: 'dialPlan',
	},
	{
		name: 'conversation: two DIAL verbs',
		method: 'POST',
		path: '/voice/conversation',
		body: call({
			dialPlan: {
				verbs: [
					{ type: 'DIAL', from: 'A', to: { phone: '+306900000002' } },
					{ type: 'DIAL', from: 'A', to: { phone: '+306900000003' } },
				],
			},
		}),
		status: 400,
		code: '400000000',
		property: 'dialPlan.verbs',
	},
	{
		name: 'conversation: hangupDelay 61',
		method: 'POST',
		path: '/voice/conversation',
		body: call({ hangupDelay: 61 }),
		status: 400,
		code: '400000000',
		property: 'hangupDelay',
	},
	{
		name: 'conversation: maxDuration 0',
		method: 'POST',
		path: '/voice/conversation',
		body: call({ maxDuration: 0 }),
		status: 400,
		code: '400000000',
		property: 'maxDuration',
	},
	{
		name: 'conversation: machineDetection Hangup with eventUrl',
		method: 'POST',
		path: '/voice/conversation',
		body: call({ machineDetection: { strategy: 'Hangup', eventUrl: hook } }),
		status: 400,
		code: '400000000',
		property: 'machineDetection.eventUrl',
	},
	{
		name: 'conversation: machineDetection Continue without eventUrl',
		method: 'POST',
		path: '/voice/conversation',
		body: call({ machineDetection: { strategy: 'Continue' } }),
		status: 400,
		code: '400000000',
		property: 'machineDetection.eventUrl',
	},
	{
		name: 'conversation: COLLECT eventUrl not http(s)',
		method: 'POST',
		path: '/voice/conversation',
		body: call({
			dialPlan: { verbs: [say, { type: 'COLLECT', eventUrl: 'mailto:a@b.c', maxDigits: 1 }] },
		}),
		status: 400,
		code: '400000000',
		property: 'dialPlan.verbs[1].eventUrl',
	},
	{
		name: 'conversation: unknown verb SPEAK',
		method: 'POST',
		path: '/voice/conversation',
		body: call({ dialPlan: { verbs: [{ type: 'SPEAK', text: 'Hi' }] } }),
		status: 400,
		code: '400000000',
		property: 'dialPlan.verbs[0].type',
	},
	{
		name: 'conversation: PLAY URL not http(s)',
		method: 'POST',
		path: '/voice/conversation',
		body: call({ dialPlan: { verbs: [{ type: 'PLAY', fileURL: 'ftp://example.com/a.wav' }] } }),
		status: 400,
		code: '400000000',
		property: 'dialPlan.verbs[0].fileURL',
	},
	{
		name: 'tracking: page size over 2000',
		method: 'GET',
		path: '/sms/tracking/campaign/{campaign}?size=2001',
		status: 400,
		code: '400000000',
		property: 'size',
	},
	{
		name: 'campaign details: unknown trackingId',
		method: 'GET',
		path: '/campaigns/00000000-0000-4000-8000-000000000000',
		status: 404,
		code: '404009001',
	},
	{
		name: 'single SMS tracking: unknown messageId',
		method: 'GET',
		path: '/sms/tracking/single/00000000-0000-4000-8000-000000000000',
		status: 404,
		code: '404005000',
	},
	{
		name: 'update: unknown trackingId',
		method: 'PUT',
		path: '/sms/00000000-0000-4000-8000-000000000000',
		body: { body: 'x' },
		status: 404,
		code: '404009001',
	},
	{
		name: 'update: campaign not Scheduled',
		method: 'PUT',
		path: '/sms/{campaign}',
		body: { body: 'x' },
		status: 400,
		code: '400009002',
	},
	{
		name: 'delete: campaign not Scheduled',
		method: 'DELETE',
		path: '/sms/{campaign}',
		status: 400,
		code: '400009002',
	},
	{
		name: 'conversation action pause',
		method: 'PUT',
		path: '/voice/conversation/{conversation}',
		body: { action: 'pause' },
		status: 400,
		code: '400000000',
		property: 'action',
	},
];

interface OctopushCase {
	name: string;
	method: string;
	path: string;
	body?: unknown;
	field: string;
	code: number;
	message?: string;
}

const octopushCases: OctopushCase[] = [
	{
		name: 'VMS: voice language not supported',
		method: 'POST',
		path: '/voice-campaign/send',
		body: vms({ voice_language: 'xx-XX' }),
		field: 'voice_language',
		code: 442,
		message: 'Voice language not supported.',
	},
	{
		name: 'VMS: bg-BG is Routee-only',
		method: 'POST',
		path: '/voice-campaign/send',
		body: vms({ voice_language: 'bg-BG' }),
		field: 'voice_language',
		code: 442,
		message: 'Voice language not supported.',
	},
	{
		name: 'VMS: empty text',
		method: 'POST',
		path: '/voice-campaign/send',
		body: vms({ text: '' }),
		field: 'text',
		code: 107,
	},
	{
		name: 'VMS: text of 1225 characters',
		method: 'POST',
		path: '/voice-campaign/send',
		body: vms({ text: 'a'.repeat(1225) }),
		field: 'text',
		code: 431,
	},
	{
		name: 'VMS: a male Swedish voice (the docs list sv-SE as female only)',
		method: 'POST',
		path: '/voice-campaign/send',
		body: vms({ voice_language: 'sv-SE', voice_gender: 'male' }),
		field: 'voice_gender',
		code: 438,
	},
	{
		name: 'VMS: no recipients',
		method: 'POST',
		path: '/voice-campaign/send',
		body: vms({ recipients: [] }),
		field: 'recipients',
		code: 117,
	},
	{
		name: 'VMS: 501 recipients',
		method: 'POST',
		path: '/voice-campaign/send',
		body: vms({
			recipients: Array.from({ length: 501 }, (_, i) => ({
				phone_number: `+336${String(i).padStart(8, '0')}`,
			})),
		}),
		field: 'recipients',
		code: 433,
	},
	{
		name: 'VMS: national phone number',
		method: 'POST',
		path: '/voice-campaign/send',
		body: vms({ recipients: [{ phone_number: '0612345678' }] }),
		field: 'recipients.0.phone_number',
		code: 434,
	},
	{
		name: 'VMS: param1 of 51 characters',
		method: 'POST',
		path: '/voice-campaign/send',
		body: vms({ recipients: [{ phone_number: '+33612345678', param1: 'x'.repeat(51) }] }),
		field: 'recipients.0.param1',
		code: 435,
	},
	{
		name: 'VMS: first_name of 51 characters',
		method: 'POST',
		path: '/voice-campaign/send',
		body: vms({ recipients: [{ phone_number: '+33612345678', first_name: 'x'.repeat(51) }] }),
		field: 'recipients.0.first_name',
		code: 435,
	},
	{
		name: 'VMS: sender of 2 characters',
		method: 'POST',
		path: '/voice-campaign/send',
		body: vms({ sender: 'ab' }),
		field: 'sender',
		code: 106,
	},
	{
		name: 'VMS: sender with a dash',
		method: 'POST',
		path: '/voice-campaign/send',
		body: vms({ sender: 'my-shop' }),
		field: 'sender',
		code: 106,
	},
	{
		name: 'VMS: send_at without offset',
		method: 'POST',
		path: '/voice-campaign/send',
		body: vms({ send_at: '2099-10-03T07:42:39' }),
		field: 'send_at',
		code: 436,
	},
	{
		name: 'VMS: purpose marketing',
		method: 'POST',
		path: '/voice-campaign/send',
		body: vms({ purpose: 'marketing' }),
		field: 'purpose',
		code: 437,
	},
	{
		name: 'VMS: voice gender robot',
		method: 'POST',
		path: '/voice-campaign/send',
		body: vms({ voice_gender: 'robot' }),
		field: 'voice_gender',
		code: 438,
	},
	{
		name: 'VMS: type vocal_sms (old SDK)',
		method: 'POST',
		path: '/voice-campaign/send',
		body: vms({ type: 'vocal_sms' }),
		field: 'type',
		code: 439,
	},
	{
		name: 'VMS: empty request_id',
		method: 'POST',
		path: '/voice-campaign/send',
		body: vms({ request_id: '' }),
		field: 'request_id',
		code: 440,
	},
	{
		name: 'VMS: sender with an underscore',
		method: 'POST',
		path: '/voice-campaign/send',
		body: vms({ sender: 'My_Shop' }),
		field: 'sender',
		code: 106,
	},
	{
		name: 'SMS: auto_optimize_text as a string',
		method: 'POST',
		path: '/sms-campaign/send',
		body: { text: 'Hi', recipients: [{ phone_number: '+33612345678' }], auto_optimize_text: 'no' },
		field: 'auto_optimize_text',
		code: 441,
	},
	{
		name: 'VMS: unknown (misspelled) field',
		method: 'POST',
		path: '/voice-campaign/send',
		body: vms({ voice_lang: 'fr-FR' }),
		field: 'voice_lang',
		code: 430,
	},
	{
		name: 'VMS: get_back_pressed_keys as a string',
		method: 'POST',
		path: '/voice-campaign/send',
		body: vms({ get_back_pressed_keys: 'yes' }),
		field: 'get_back_pressed_keys',
		code: 441,
	},
	{
		name: 'SMS: type sms_cheap',
		method: 'POST',
		path: '/sms-campaign/send',
		body: { text: 'Hi', recipients: [{ phone_number: '+33612345678' }], type: 'sms_cheap' },
		field: 'type',
		code: 439,
	},
	{
		name: 'SMS: voice field on an SMS',
		method: 'POST',
		path: '/sms-campaign/send',
		body: { text: 'Hi', recipients: [{ phone_number: '+33612345678' }], voice_language: 'fr-FR' },
		field: 'voice_language',
		code: 430,
	},
	{
		name: 'list: list_name missing',
		method: 'POST',
		path: '/voice-campaign-on-list/create',
		body: { text: 'Hi', voice_language: 'fr-FR' },
		field: 'list_name',
		code: 443,
	},
	{
		name: 'tag: tag_name missing',
		method: 'POST',
		path: '/voice-campaign-on-tag/create',
		body: { text: 'Hi' },
		field: 'tag_name',
		code: 443,
	},
	{
		name: 'list status: unknown ticket',
		method: 'GET',
		path: '/voice-campaign-on-list/status?ticket_number=voice_0000000000000',
		field: 'ticket_number',
		code: 444,
	},
	{
		name: 'list send: unknown ticket',
		method: 'POST',
		path: '/voice-campaign-on-list/send',
		body: { ticket_number: 'voice_0000000000000' },
		field: 'ticket_number',
		code: 444,
	},
	{
		name: 'VMS cancel: not scheduled',
		method: 'DELETE',
		path: '/voice-campaign/cancel',
		body: { ticket_number: '{ticket}' },
		field: 'ticket_number',
		code: 446,
		message: 'Waiting campaigns must still be scheduled more than 10 minutes in the future.',
	},
	{
		name: 'callbacks: URL that is not http(s)',
		method: 'PATCH',
		path: '/user/campaign-parameters/edit',
		body: { callbacks: { callback_url_for_deliveries: 'ftp://example.com' } },
		field: 'callbacks.callback_url_for_deliveries',
		code: 447,
	},
	{
		name: 'callbacks: flat body without callbacks',
		method: 'PATCH',
		path: '/user/campaign-parameters/edit',
		body: { callback_url_for_deliveries: hook },
		field: 'callback_url_for_deliveries',
		code: 430,
	},
];

describe('documented invalid requests are refused with the documented error', () => {
	let sandbox: Sandbox;
	let bearer: string;
	const ids: Record<string, string> = {};

	beforeAll(async () => {
		sandbox = await Sandbox.start({ conversationMinIntervalMs: 0 });
		bearer = await token(sandbox);
		const campaign = await routee(sandbox, bearer, 'POST', '/sms/campaign', sms({}));
		ids.campaign = campaign.body.trackingId;
		const conversation = await routee(sandbox, bearer, 'POST', '/voice/conversation', call({}));
		ids.conversation = conversation.body.trackingId;
		const ticket = await octopush(sandbox, 'POST', '/voice-campaign/send', vms({}));
		ids.ticket = ticket.body.ticket_number;
		expect([campaign.status, conversation.status, ticket.status]).toEqual([200, 200, 200]);
	});
	afterAll(() => sandbox.stop());

	const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_, key: string) => ids[key]);

	test('the table covers at least 24 cases of each provider', () => {
		expect(routeeCases.length).toBeGreaterThanOrEqual(24);
		expect(octopushCases.length).toBeGreaterThanOrEqual(24);
	});

	test.each(routeeCases)('Routee $name → $status $code', async (c) => {
		const balance = sandbox.routee.balance;
		const campaigns = sandbox.routee.campaigns.size;
		const body = c.body === undefined ? undefined : JSON.parse(fill(JSON.stringify(c.body)));
		const res: Answer = await routee(sandbox, bearer, c.method, fill(c.path), body);
		expect(res.status).toBe(c.status);
		expect(res.body).toEqual(
			expect.objectContaining({ code: c.code, developerMessage: expect.any(String) }),
		);
		if (c.code === '400000000') {
			// Validation Error: per-field detail in `properties` (https://docs.routee.net/docs/generic-errors)
			expect(res.body.developerMessage).toBe('Validation Error!');
			if (c.property) expect(res.body.properties).toHaveProperty([c.property], expect.any(String));
		} else if (c.sub || c.property) {
			expect(res.body.errors).toEqual(
				expect.arrayContaining([
					expect.objectContaining({
						...(c.sub ? { code: c.sub } : {}),
						...(c.property ? { property: c.property } : {}),
						developerMessage: expect.any(String),
					}),
				]),
			);
		}
		if (c.sub) expect(res.body.developerMessage).toContain(`errorCode: ${c.sub}`);
		expect(sandbox.routee.balance).toBe(balance);
		expect(sandbox.routee.campaigns.size).toBe(campaigns);
	});

	test.each(octopushCases)('Octopush $name → 400 $field $code', async (c) => {
		const balance = sandbox.octopush.balance;
		const tickets = sandbox.octopush.tickets.size;
		const body = c.body === undefined ? undefined : JSON.parse(fill(JSON.stringify(c.body)));
		const res = await octopush(sandbox, c.method, c.path, body);
		expect(res.status).toBe(400);
		expect(res.body).toEqual({
			code: 400,
			message: 'Payload validation error.',
			errors: expect.objectContaining({
				[c.field]: { code: c.code, message: c.message ?? expect.any(String) },
			}),
		});
		expect(sandbox.octopush.balance).toBe(balance);
		expect(sandbox.octopush.tickets.size).toBe(tickets);
	});

	test('every refused request was recorded with its status', () => {
		const refused = sandbox.requests.filter((r) => r.status >= 400);
		expect(refused.length).toBeGreaterThanOrEqual(routeeCases.length + octopushCases.length);
		expect(refused.every((r) => r.provider === 'routee' || r.provider === 'octopush')).toBe(true);
	});
});
