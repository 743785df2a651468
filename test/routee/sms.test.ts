import type { INode, INodeParameters, INodeProperties } from 'n8n-workflow';

import { Routee } from '../../nodes/Routee/Routee.node';

import { useTestbed } from '../support/testbed';
import { SMS_CAMPAIGN_FIELDS } from '../support/routee-documented-fields';
import { item, smsCampaign, startTestbed } from './setup';

const t = useTestbed(startTestbed);

/** Runs the node in a workflow whose time zone is Europe/Athens (scheduled dates are read in it). */
async function runInAthens(parameters: INodeParameters, input = [item()]) {
	const node: INode = {
		id: 'routee-node',
		name: 'Routee',
		type: t.harness.nodeType('routee'),
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { routeeOAuth2Api: t.credential },
	};
	const result = await t.harness.run(
		{ nodes: [node], connections: {}, settings: { timezone: 'Europe/Athens' } },
		{ input },
	);
	return { ...result, items: result.output.Routee ?? [] };
}

async function scheduledCampaign(name: string): Promise<string> {
	const r = await t.run({
		resource: 'sms',
		operation: 'sendCampaign',
		from: 'MyShop',
		body: 'Later',
		to: '+306948530931',
		options: { campaignName: name, scheduledDate: '2031-01-01T09:00:00+02:00' },
	});
	expect(r.error).toBeUndefined();
	return r.items[0].json.trackingId as string;
}

describe('SMS → Send Campaign', () => {
	test('one request per item: every documented field reaches POST /sms/campaign; the output is the response', async () => {
		const r = await runInAthens({
			resource: 'sms',
			operation: 'sendCampaign',
			mode: 'perItem',
			from: 'MyShop',
			body: 'Hi [~firstName], -20% today',
			to: '+306948530920, 06 12 34 56 78',
			contacts: 'sandbox-contact-1',
			groups: 'sandbox-group',
			options: {
				defaultCountry: 'FR',
				campaignName: 'Spring sale 2030',
				scheduledDate: '2030-06-01T10:00:00',
				flash: true,
				respectQuietHours: true,
				callback: { values: { url: 'https://example.com/sms', strategy: 'OnCompletion' } },
				campaignCallback: { values: { url: 'https://example.com/campaign', strategy: 'OnChange' } },
				reminder: { values: { minutesBefore: 30, minutesAfter: 5, to: '+306948530999' } },
				fallbackValues: { values: [{ label: 'firstName', value: 'friend' }] },
				ttl: 120,
				allowInvalid: false,
				transcode: true,
			},
		});
		expect(r.error).toBeUndefined();
		const [request] = t.received();
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/sms/campaign');
		expect(request.body).toEqual({
			from: 'MyShop',
			body: 'Hi [~firstName], -20% today',
			to: ['+306948530920', '+33612345678'],
			contacts: ['sandbox-contact-1'],
			groups: ['sandbox-group'],
			campaignName: 'Spring sale 2030',
			scheduledDate: '2030-06-01T10:00:00+03:00',
			flash: true,
			respectQuietHours: true,
			callback: { url: 'https://example.com/sms', strategy: 'OnCompletion' },
			campaignCallback: { url: 'https://example.com/campaign', strategy: 'OnChange' },
			reminder: { to: ['+306948530999'], minutesBefore: 30, minutesAfter: 5 },
			fallbackValues: { firstName: 'friend' },
			ttl: 120,
			allowInvalid: false,
			transcode: true,
		});
		expect(String(request.headers.authorization)).toMatch(/^Bearer \S+$/);
		expect(r.items).toHaveLength(1);
		expect(Object.keys(r.items[0].json).sort()).toEqual(
			expect.arrayContaining([...SMS_CAMPAIGN_FIELDS].sort()),
		);
		expect(r.items[0].json).toMatchObject({
			trackingId: expect.any(String),
			type: 'Sms',
			state: 'Scheduled',
			campaignName: 'Spring sale 2030',
			from: 'MyShop',
			to: ['+306948530920', '+33612345678'],
			smsAnalysis: { numberOfRecipients: 6 },
			ttl: 120,
		});
		expect(r.items[0].pairedItem).toEqual({ item: 0 });
	});

	test('one request per item: two items are two campaigns, each paired with its item', async () => {
		const r = await t.run(
			{
				resource: 'sms',
				operation: 'sendCampaign',
				from: 'MyShop',
				body: '={{ $json.text }}',
				to: '={{ $json.phones }}',
			},
			{
				input: [
					item({ text: 'First', phones: ['+306948530940', '+306948530941'] }),
					item({ text: 'Second', phones: ['+306948530942'] }),
				],
			},
		);
		expect(r.error).toBeUndefined();
		expect(t.received().map((q) => q.body)).toEqual([
			{ from: 'MyShop', body: 'First', to: ['+306948530940', '+306948530941'] },
			{ from: 'MyShop', body: 'Second', to: ['+306948530942'] },
		]);
		expect(r.items.map((i) => [i.json.body, i.pairedItem])).toEqual([
			['First', { item: 0 }],
			['Second', { item: 1 }],
		]);
	});

	test('one campaign for all items: each item is a phone number or a contact ID; one output item paired with all', async () => {
		const r = await t.run(
			{
				resource: 'sms',
				operation: 'sendCampaign',
				mode: 'allItems',
				from: 'MyShop',
				body: 'Hello [~firstName]',
				recipientType: '={{ $json.contact ? "contact" : "phone" }}',
				recipient: '={{ $json.contact ?? $json.phone }}',
				options: { fallbackValues: { values: [{ label: 'firstName', value: 'there' }] } },
			},
			{
				input: [
					item({ phone: '+306948530950' }),
					item({ contact: 'sandbox-contact-2' }),
					item({ phone: '+306948530951' }),
				],
			},
		);
		expect(r.error).toBeUndefined();
		expect(t.received('POST', '/sms/campaign').map((q) => q.body)).toEqual([
			{
				from: 'MyShop',
				body: 'Hello [~firstName]',
				to: ['+306948530950', '+306948530951'],
				contacts: ['sandbox-contact-2'],
				fallbackValues: { firstName: 'there' },
			},
		]);
		expect(r.items).toHaveLength(1);
		expect(r.items[0].json).toMatchObject({
			state: 'Queued',
			smsAnalysis: { numberOfRecipients: 3 },
		});
		expect(r.items[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('plain {{ $json.x }} mappings (read straight from the items) give the same campaign as n8n resolving them', async () => {
		const input = [
			item({ kind: 'phone', to: '+306948530950' }),
			item({ kind: 'contact', to: 'sandbox-contact-2' }),
			item({ kind: 'phone', to: 6948530951 }),
		];
		const parameters = (wrap: (path: string) => string): INodeParameters => ({
			resource: 'sms',
			operation: 'sendCampaign',
			mode: 'allItems',
			from: 'MyShop',
			body: 'Hello',
			recipientType: wrap('$json.kind'),
			recipient: wrap('$json.to'),
			options: { defaultCountry: 'GR' },
		});
		const plain = await t.run(
			parameters((path) => `={{ ${path} }}`),
			{ input },
		);
		const byN8n = await t.run(
			parameters((path) => `={{ (${path}) }}`),
			{ input },
		);
		expect(plain.error).toBeUndefined();
		expect(byN8n.error).toBeUndefined();
		const [first, second] = t.received('POST', '/sms/campaign').map((q) => q.body);
		expect(first).toEqual({
			from: 'MyShop',
			body: 'Hello',
			to: ['+306948530950', '+306948530951'],
			contacts: ['sandbox-contact-2'],
		});
		expect(second).toEqual(first);
		expect(plain.items[0].pairedItem).toEqual(byN8n.items[0].pairedItem);
	});
});

describe('SMS → Send', () => {
	test('POST /sms with every field of a single SMS; one output item per input item', async () => {
		const r = await t.run(
			{
				resource: 'sms',
				operation: 'send',
				from: '306948530900',
				to: '={{ $json.phone }}',
				body: '=Your code is {{ $json.code }}',
				options: {
					flash: false,
					label: 'otp',
					callback: { values: { url: 'https://example.com/sms', strategy: 'OnChange' } },
					ttl: 10,
					transcode: false,
					defaultCountry: 'GR',
				},
			},
			{
				input: [
					item({ phone: '6948530960', code: '1234' }),
					item({ phone: '+306948530961', code: '5678' }),
				],
			},
		);
		expect(r.error).toBeUndefined();
		const common = {
			from: '306948530900',
			flash: false,
			label: 'otp',
			callback: { url: 'https://example.com/sms', strategy: 'OnChange' },
			ttl: 10,
			transcode: false,
		};
		expect(t.received().map((q) => [q.method, q.path, q.body])).toEqual([
			['POST', '/sms', { ...common, to: '+306948530960', body: 'Your code is 1234' }],
			['POST', '/sms', { ...common, to: '+306948530961', body: 'Your code is 5678' }],
		]);
		expect(r.items.map((i) => [i.json.to, i.json.status, i.json.label, i.pairedItem])).toEqual([
			['+306948530960', 'Queued', 'otp', { item: 0 }],
			['+306948530961', 'Queued', 'otp', { item: 1 }],
		]);
		expect(r.items[0].json.trackingId).toEqual(expect.any(String));
	});
});

describe('SMS → Analyze', () => {
	test('POST /sms/analyze/campaign: parts, unicode, unsupported characters and cost; nothing is sent', async () => {
		const balanceBefore = t.sandbox.routee.balance;
		const r = await t.run({
			resource: 'sms',
			operation: 'analyze',
			from: 'MyShop',
			body: 'Γειά σου κόσμε ✓',
			to: '+306948530970',
			groups: 'sandbox-group',
		});
		expect(r.error).toBeUndefined();
		expect(t.received().map((q) => [q.method, q.path, q.body])).toEqual([
			[
				'POST',
				'/sms/analyze/campaign',
				{
					from: 'MyShop',
					body: 'Γειά σου κόσμε ✓',
					to: ['+306948530970'],
					groups: ['sandbox-group'],
				},
			],
		]);
		expect(r.items).toHaveLength(1);
		expect(r.items[0].json).toMatchObject({
			numberOfRecipients: 4,
			bodyAnalysis: {
				parts: 1,
				unicode: true,
				unsupportedGSMCharacters: expect.arrayContaining(['✓']),
			},
			cost: expect.any(Number),
		});
		expect(r.items[0].pairedItem).toEqual({ item: 0 });
		expect(t.sandbox.routee.balance).toBe(balanceBefore);
	});
});

describe('SMS → campaigns by tracking ID', () => {
	test('Get Campaign: GET /campaigns/{trackingId}', async () => {
		const trackingId = await scheduledCampaign('Get me');
		t.sandbox.clearRequests();
		const r = await t.run({ resource: 'sms', operation: 'getCampaign', trackingId });
		expect(r.error).toBeUndefined();
		expect(t.received().map((q) => [q.method, q.path, q.body])).toEqual([
			['GET', `/campaigns/${trackingId}`, undefined],
		]);
		expect(r.items).toEqual([
			expect.objectContaining({
				json: expect.objectContaining({ trackingId, state: 'Scheduled', campaignName: 'Get me' }),
				pairedItem: { item: 0 },
			}),
		]);
	});

	test('Get Campaign: Simplify (the default) keeps 10 fields of the campaign; off, the whole response', async () => {
		const trackingId = await scheduledCampaign('Simple');
		const simple = await t.run({ resource: 'sms', operation: 'getCampaign', trackingId });
		const raw = await t.run({
			resource: 'sms',
			operation: 'getCampaign',
			trackingId,
			simplify: false,
		});
		expect([simple.error, raw.error]).toEqual([undefined, undefined]);
		expect(Object.keys(simple.items[0].json)).toEqual(
			[
				'trackingId',
				'type',
				'campaignName',
				'state',
				'from',
				'body',
				'scheduledDate',
				'createdAt',
				'statuses',
				'cost',
			].filter((key) => key in raw.items[0].json),
		);
		expect(Object.keys(raw.items[0].json).length).toBeGreaterThan(10);
		expect(simple.items[0].json).toMatchObject({
			trackingId,
			state: 'Scheduled',
			campaignName: 'Simple',
			from: expect.any(String),
		});
		expect(simple.items[0].json.statuses).toEqual(raw.items[0].json.statuses);
	});

	test('Update Scheduled Campaign: reads the campaign, then PUT /sms/{trackingId} with it, the changes and the new date', async () => {
		const trackingId = await scheduledCampaign('Update me');
		t.sandbox.clearRequests();
		const r = await t.run({
			resource: 'sms',
			operation: 'updateCampaign',
			trackingId,
			when: 'scheduled',
			scheduledDate: '2031-02-01T08:30:00Z',
			updateFields: {
				body: 'Changed',
				to: '+306948530932, +306948530933',
				ttl: 60,
				campaignName: 'Updated',
			},
		});
		expect(r.error).toBeUndefined();
		expect(t.received().map((q) => [q.method, q.path, q.body])).toEqual([
			['GET', `/campaigns/${trackingId}`, undefined],
			[
				'PUT',
				`/sms/${trackingId}`,
				{
					from: 'MyShop',
					body: 'Changed',
					to: ['+306948530932', '+306948530933'],
					campaignName: 'Updated',
					flash: false,
					respectQuietHours: false,
					ttl: 60,
					scheduledDate: '2031-02-01T08:30:00+00:00',
				},
			],
		]);
		expect(r.items[0].json).toMatchObject({
			trackingId,
			state: 'Scheduled',
			body: 'Changed',
			campaignName: 'Updated',
		});
		expect(r.items[0].pairedItem).toEqual({ item: 0 });
	});

	test('Update Scheduled Campaign with Send → Now sends the campaign without a date, so Routee sends it at once', async () => {
		const trackingId = await scheduledCampaign('Send me now');
		t.sandbox.clearRequests();
		const r = await t.run({
			resource: 'sms',
			operation: 'updateCampaign',
			trackingId,
			when: 'now',
		});
		expect(r.error).toBeUndefined();
		expect(t.received().map((q) => [q.method, q.path, q.body])).toEqual([
			['GET', `/campaigns/${trackingId}`, undefined],
			[
				'PUT',
				`/sms/${trackingId}`,
				{
					from: 'MyShop',
					body: 'Later',
					to: ['+306948530931'],
					campaignName: 'Send me now',
					flash: false,
					respectQuietHours: false,
				},
			],
		]);
		expect(r.items[0].json).toMatchObject({ trackingId, scheduledDate: null });
		expect(r.items[0].json.state).not.toBe('Scheduled');
	});

	test('Cancel Scheduled Campaign: DELETE /sms/{trackingId}', async () => {
		const trackingId = await scheduledCampaign('Delete me');
		t.sandbox.clearRequests();
		const r = await t.run({ resource: 'sms', operation: 'deleteCampaign', trackingId });
		expect(r.error).toBeUndefined();
		expect(t.received().map((q) => [q.method, q.path])).toEqual([['DELETE', `/sms/${trackingId}`]]);
		expect(r.items).toEqual([
			{
				json: expect.objectContaining({ trackingId, state: 'Cancelled' }),
				pairedItem: { item: 0 },
			},
		]);
	});
});

describe('issue 22: only documented keys by default; Update Scheduled Campaign checks only the changes', () => {
	test('N1: a Reminder saved with only its numbers sends minutesBefore (documented) but not minutesAfter, which n8n fills with 0 and no Routee page documents', async () => {
		// as n8n saves it: the fields left at their defaults (15, 0) are not in the workflow; n8n fills them at run time
		const saved = await t.run(
			smsCampaign({
				options: {
					scheduledDate: '2031-01-01T10:00:00Z',
					reminder: { values: { to: '+306948530999' } },
				},
			}),
		);
		const typed = await t.run(
			smsCampaign({
				options: {
					scheduledDate: '2031-01-01T10:00:00Z',
					reminder: { values: { to: '+306948530999', minutesBefore: 30, minutesAfter: 10 } },
				},
			}),
		);
		expect([saved.error, typed.error]).toEqual([undefined, undefined]);
		expect(
			t
				.received('POST', '/sms/campaign')
				.map((q) => [q.status, (q.body as { reminder?: unknown }).reminder]),
		).toEqual([
			// https://docs.routee.net/reference/send-bulk-messages documents reminder.minutesBefore and reminder.to only
			[200, { to: ['+306948530999'], minutesBefore: 15 }],
			// a value the user set is sent
			[200, { to: ['+306948530999'], minutesBefore: 30, minutesAfter: 10 }],
		]);
		expect(saved.items[0].json.reminder).toEqual({ to: ['+306948530999'], minutesBefore: 15 });
	});

	test('N1: the Minutes After field says Routee does not document it', () => {
		const options = new Routee().description.properties.find(
			(p) =>
				p.name === 'options' &&
				p.displayOptions?.show?.operation?.includes('sendCampaign') &&
				p.displayOptions?.show?.resource?.includes('sms'),
		)!.options as INodeProperties[];
		const reminder = options.find((o) => o.name === 'reminder') as unknown as {
			options: Array<{ values: INodeProperties[] }>;
		};
		const minutesAfter = reminder.options[0].values.find((v) => v.name === 'minutesAfter')!;
		expect(minutesAfter.default).toBe(0);
		expect(minutesAfter.description).toMatch(/^Not documented by Routee/);
		expect(minutesAfter.description).toMatch(/sent only when it is more than 0/);
	});

	test("N7: the campaign as Routee returned it is sent back as is (not re-checked), only the user's change is checked; Routee's answer is shown", async () => {
		const trackingId = await scheduledCampaign('Made in platform');
		// a campaign made in the Routee platform, with a name the API's rule (2-30 of A-Za-z0-9 space -) does not allow
		t.sandbox.routee.campaigns.get(trackingId)!.response.campaignName = 'Spring_Sale!';
		t.sandbox.clearRequests();
		const r = await t.run({
			resource: 'sms',
			operation: 'updateCampaign',
			trackingId,
			when: 'scheduled',
			scheduledDate: '2031-02-01T08:30:00Z',
			updateFields: { body: 'Changed' },
		});
		expect(t.received().map((q) => [q.method, q.path, q.status, q.body])).toEqual([
			['GET', `/campaigns/${trackingId}`, 200, undefined],
			[
				'PUT',
				`/sms/${trackingId}`,
				400,
				{
					from: 'MyShop',
					body: 'Changed',
					to: ['+306948530931'],
					campaignName: 'Spring_Sale!',
					flash: false,
					respectQuietHours: false,
					scheduledDate: '2031-02-01T08:30:00+00:00',
				},
			],
		]);
		// Routee's own answer, with its per-field detail (https://docs.routee.net/docs/generic-errors)
		expect(r.error?.name).toBe('NodeApiError');
		expect(r.error?.message).toBe('Routee refused the request (code 400000000): Validation Error!');
		expect(r.error?.description).toMatch(
			/^Routee's reasons: campaignName: must be 2–30 characters/,
		);
	});

	test('N7: a change the user makes is still checked before anything is sent', async () => {
		const r = await t.run({
			resource: 'sms',
			operation: 'updateCampaign',
			trackingId: 'abc',
			when: 'now',
			updateFields: { campaignName: 'x' },
		});
		expect(r.error?.message).toBe('Campaign Name is not valid [item 0]');
		expect(t.received()).toEqual([]);
	});
});

describe('SMS → tracking', () => {
	test('Get Message Tracking: GET /sms/tracking/single/{messageId}, one item per message part', async () => {
		const sent = await t.run({
			resource: 'sms',
			operation: 'send',
			from: 'MyShop',
			to: '+306948530980',
			body: 'x'.repeat(200),
		});
		const messageId = sent.items[0].json.trackingId as string;
		t.sandbox.clearRequests();
		const r = await t.run({ resource: 'sms', operation: 'getMessageTracking', messageId });
		expect(r.error).toBeUndefined();
		expect(t.received().map((q) => [q.method, q.path])).toEqual([
			['GET', `/sms/tracking/single/${messageId}`],
		]);
		expect(r.items.map((i) => [i.json.messageId, i.json.part, i.json.parts, i.pairedItem])).toEqual(
			[
				[messageId, 1, 2, { item: 0 }],
				[messageId, 2, 2, { item: 0 }],
			],
		);
		// Simplify (the default): the fields this response has (issue 22, N15: smsId, no createdAt, which
		// https://docs.routee.net/reference/smstrackingsingle does not list; the time is status.date, inside status);
		// off: every field Routee answers
		expect(Object.keys(r.items[0].json)).toEqual(
			['messageId', 'smsId', 'part', 'parts', 'label', 'to', 'from', 'status', 'price'].filter(
				(key) => key in r.items[0].json,
			),
		);
		expect(r.items[0].json).toMatchObject({
			smsId: expect.any(String),
			status: expect.any(Object),
		});
		expect(r.items[0].json).not.toHaveProperty('createdAt');
		expect(r.items[1].json.smsId).not.toBe(r.items[0].json.smsId);
		const raw = await t.run({
			resource: 'sms',
			operation: 'getMessageTracking',
			messageId,
			simplify: false,
		});
		expect(Object.keys(raw.items[0].json).length).toBeGreaterThan(10);
		// the same message part (its status may have moved on in between)
		expect(raw.items[0].json).toMatchObject({
			messageId,
			part: 1,
			parts: 2,
			to: '+306948530980',
			price: r.items[0].json.price,
		});
	});

	describe('Get Campaign Tracking', () => {
		let trackingId: string;
		const recipients = Array.from({ length: 2001 }, (_, i) => `+3069${String(i).padStart(8, '0')}`);
		beforeAll(async () => {
			t.sandbox.routee.balance = 1000;
			const r = await t.run(
				{
					resource: 'sms',
					operation: 'sendCampaign',
					from: 'MyShop',
					body: 'Big',
					to: '={{ $json.to }}',
				},
				{
					input: [item({ to: recipients })],
				},
			);
			expect(r.error).toBeUndefined();
			trackingId = r.items[0].json.trackingId as string;
		});

		test('Limit reads one page of the size needed', async () => {
			const r = await t.run({
				resource: 'sms',
				operation: 'getCampaignTracking',
				trackingId,
				returnAll: false,
				limit: 3,
			});
			expect(r.error).toBeUndefined();
			expect(t.received().map((q) => [q.method, q.path, q.query])).toEqual([
				['GET', `/sms/tracking/campaign/${trackingId}`, { page: '0', size: '3' }],
			]);
			expect(r.items).toHaveLength(3);
			expect(r.items.every((i) => i.json.campaignTrackingId === trackingId)).toBe(true);
			expect(
				r.items.every((i) => Object.keys(i.json).length <= 10 && i.json.status !== undefined),
			).toBe(true);
			expect(r.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
		});

		test('Return All pages through every entry', async () => {
			const r = await t.run({
				resource: 'sms',
				operation: 'getCampaignTracking',
				trackingId,
				returnAll: true,
			});
			expect(r.error).toBeUndefined();
			expect(t.received().map((q) => q.query)).toEqual([
				{ page: '0', size: '2000' },
				{ page: '1', size: '2000' },
			]);
			expect(r.items).toHaveLength(2001);
			expect(new Set(r.items.map((i) => i.json.to)).size).toBe(2001);
		});

		test('a Limit above one page reads two pages and stops at the limit', async () => {
			const r = await t.run({
				resource: 'sms',
				operation: 'getCampaignTracking',
				trackingId,
				returnAll: false,
				limit: 2000,
			});
			expect(r.items).toHaveLength(2000);
			expect(t.received()).toHaveLength(1);
		});
	});
});
