// Routee → Contact, Group, Opt-Out (Blacklist) and Contact Label against the sandbox, which plays Routee's contacts
// API from its pages (docs/providers.md, "Routee contacts"), and the pick lists of the Contact and Group fields.

import type { INodeParameters } from 'n8n-workflow';

import { useTestbed } from '../support/testbed';
import { item, startTestbed } from './setup';

const t = useTestbed(startTestbed);

const createContact = (mobile: string, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'contact',
	operation: 'create',
	mobile,
	...extra,
});

/** Creates a contact through the node and answers its ID. */
async function newContact(mobile: string, extra: INodeParameters = {}): Promise<string> {
	const r = await t.run(createContact(mobile, extra));
	expect(r.error).toBeUndefined();
	return r.items[0].json.id as string;
}

let groupCounter = 0;
/** A fresh group name (the sandbox keeps groups across the file's tests). */
const freshGroup = () => `crm-${++groupCounter}-${Date.now() % 100000}`;

async function newGroup(name: string): Promise<void> {
	const r = await t.run({ resource: 'group', operation: 'create', groupName: name });
	expect(r.error).toBeUndefined();
}

const byName = (name: string) => ({ __rl: true, mode: 'name', value: name });
const byId = (id: string) => ({ __rl: true, mode: 'id', value: id });

let mobileCounter = 0;
/** A mobile no other test of the file uses (Routee keeps one contact per mobile). */
const freshMobile = () => `+3069410${String(++mobileCounter).padStart(5, '0')}`;

describe('Contact → Create', () => {
	test('POST /contacts/my with the fields set; the output is the contact Routee answers, with its ID', async () => {
		const mobile = freshMobile();
		const r = await t.run(
			createContact(mobile, {
				additionalFields: {
					firstName: ' Ada ',
					lastName: 'Lovelace',
					email: 'ada@example.com',
					vip: true,
				},
			}),
		);
		expect(r.error).toBeUndefined();
		expect(t.received('POST', '/contacts/my').map((request) => request.body)).toEqual([
			{ mobile, firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', vip: true },
		]);
		expect(r.items).toEqual([
			{
				json: expect.objectContaining({
					id: expect.any(String),
					mobile,
					firstName: 'Ada',
					lastName: 'Lovelace',
					vip: true,
					groups: [],
					blacklistedServices: [],
				}),
				pairedItem: { item: 0 },
			},
		]);
	});

	test('a national number is read with Options → Default Country; one request per item', async () => {
		const r = await t.run(
			createContact('={{ $json.phone }}', { options: { defaultCountry: 'GR' } }),
			{ input: [item({ phone: '6941099001' }), item({ phone: '6941099002' })] },
		);
		expect(r.error).toBeUndefined();
		expect(t.received('POST', '/contacts/my').map((request) => request.body)).toEqual([
			{ mobile: '+306941099001' },
			{ mobile: '+306941099002' },
		]);
		expect(r.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('a mobile that is no phone number, or a first name over 60 characters, is refused before any request', async () => {
		const bad = await t.run(createContact('call me'));
		expect(bad.error?.message).toBe('Mobile is not valid [item 0]');
		const long = await t.run(
			createContact(freshMobile(), { additionalFields: { firstName: 'x'.repeat(61) } }),
		);
		expect(long.error?.message).toBe('First Name is not valid [item 0]');
		expect(long.error?.description).toBe('First Name must be at most 60 characters.');
		expect(t.received()).toEqual([]);
	});

	test("a mobile that already has a contact: Routee's 409002005 with what to do; Continue On Fail gives an error item", async () => {
		const mobile = freshMobile();
		await newContact(mobile);
		const r = await t.run(createContact(mobile), { continueOnFail: true });
		expect(r.error).toBeUndefined();
		expect(r.items[0].json.error).toMatch(/^Routee refused the request \(code 409002005\)/);
		expect(r.items[0].json.description).toMatch(/Contact → Update/);
	});

	test("labels: a value of a label the account defines is kept; an unknown label gets Routee's 404002012 and the fix", async () => {
		const name = `tier${Date.now() % 100000}`;
		const created = await t.run({
			resource: 'contactLabel',
			operation: 'create',
			labelName: name,
			labelType: 'Text',
		});
		expect(created.error).toBeUndefined();
		expect(t.received('POST', '/contacts/labels/my')[0].body).toEqual([{ name, type: 'Text' }]);

		const r = await t.run(
			createContact(freshMobile(), {
				additionalFields: { labels: { label: [{ name, value: 'gold' }] } },
			}),
		);
		expect(r.error).toBeUndefined();
		expect(r.items[0].json.labels).toEqual([expect.objectContaining({ name, value: 'gold' })]);

		const unknown = await t.run(
			createContact(freshMobile(), {
				additionalFields: { labels: { label: [{ name: 'nosuchlabel', value: 'x' }] } },
			}),
		);
		expect(unknown.error?.message).toMatch(/code 404002012/);
		expect(unknown.error?.description).toMatch(/Contact Label → Create/);
	});
});

describe('Contact → Create or Update (a CRM that sends the same customer again)', () => {
	const upsert = (mobile: string, extra: INodeParameters = {}): INodeParameters => ({
		resource: 'contact',
		operation: 'upsert',
		mobile,
		...extra,
	});

	test('a new mobile: one POST /contacts/my, the created contact out', async () => {
		const mobile = freshMobile();
		t.sandbox.clearRequests();
		const r = await t.run(upsert(mobile, { additionalFields: { firstName: 'Grace' } }));
		expect(r.error).toBeUndefined();
		expect(t.received().map((request) => `${request.method} ${request.path}`)).toEqual([
			'POST /contacts/my',
		]);
		expect(t.received('POST')[0].body).toEqual({ mobile, firstName: 'Grace' });
		expect(r.items).toEqual([
			{
				json: expect.objectContaining({ id: expect.any(String), mobile, firstName: 'Grace' }),
				pairedItem: { item: 0 },
			},
		]);
	});

	test("a mobile that has a contact: Routee's 409, then that contact gets the fields given on top of its own (as Update); still one contact", async () => {
		const mobile = freshMobile();
		const id = await newContact(mobile, {
			additionalFields: { firstName: 'Grace', email: 'grace@example.com', vip: true },
		});
		t.sandbox.clearRequests();
		const r = await t.run(
			upsert(mobile, { additionalFields: { lastName: 'Hopper', firstName: 'Amazing Grace' } }),
		);
		expect(r.error).toBeUndefined();
		expect(
			t.received().map((request) => `${request.method} ${request.path} → ${request.status}`),
		).toEqual([
			'POST /contacts/my → 409',
			'GET /contacts/my → 200',
			`GET /contacts/my/${id} → 200`,
			`PUT /contacts/my/${id} → 200`,
		]);
		expect(t.received('PUT')[0].body).toEqual({
			mobile,
			firstName: 'Amazing Grace',
			lastName: 'Hopper',
			email: 'grace@example.com',
			vip: true,
			labels: [],
		});
		expect(r.items).toEqual([
			{
				json: expect.objectContaining({
					id,
					mobile,
					firstName: 'Amazing Grace',
					lastName: 'Hopper',
					email: 'grace@example.com',
				}),
				pairedItem: { item: 0 },
			},
		]);
		expect(t.sandbox.routee.contactByMobile(mobile)).toMatchObject({
			id,
			firstName: 'Amazing Grace',
			lastName: 'Hopper',
		});
	});

	test('the same CRM export run twice (a retried execution): the second run creates nothing and each item keeps its pairing', async () => {
		const mobiles = [freshMobile(), freshMobile()];
		const input = mobiles.map((phone, n) => item({ phone, name: `Customer ${n}` }));
		const parameters = upsert('={{ $json.phone }}', {
			additionalFields: { firstName: '={{ $json.name }}' },
		});
		const first = await t.run(parameters, { input });
		expect(first.error).toBeUndefined();
		t.sandbox.clearRequests();
		const again = await t.run(parameters, { input });
		expect(again.error).toBeUndefined();
		expect(t.received('POST').map((request) => request.status)).toEqual([409, 409]);
		expect(t.received('PUT')).toHaveLength(2);
		expect(again.items.map((i) => [i.json.id, i.pairedItem])).toEqual(
			first.items.map((i) => [i.json.id, i.pairedItem]),
		);
	});

	test('an export with the same new customer twice, after an item that read the contacts: the second finds the contact the first created', async () => {
		const existing = freshMobile();
		await newContact(existing);
		const fresh = freshMobile();
		t.sandbox.clearRequests();
		const r = await t.run(
			upsert('={{ $json.phone }}', { additionalFields: { firstName: '={{ $json.name }}' } }),
			{
				input: [
					item({ phone: existing, name: 'Known' }),
					item({ phone: fresh, name: 'New' }),
					item({ phone: fresh, name: 'New again' }),
				],
			},
		);
		expect(r.error).toBeUndefined();
		expect(t.received('POST').map((request) => request.status)).toEqual([409, 200, 409]);
		expect(r.items.map((i) => [i.json.mobile, i.json.firstName])).toEqual([
			[existing, 'Known'],
			[fresh, 'New'],
			[fresh, 'New again'],
		]);
		expect(r.items[1].json.id).toBe(r.items[2].json.id);
		// the contact the run created is known to it: the account's contacts are read once
		expect(t.received('GET', '/contacts/my')).toHaveLength(1);
	});

	test('a refusal other than 409 is shown as Routee gave it, and nothing else is sent (an unknown label: 404002012)', async () => {
		const mobile = freshMobile();
		t.sandbox.clearRequests();
		const r = await t.run(
			upsert(mobile, {
				additionalFields: { labels: { label: [{ name: 'noSuchLabel', value: 'x' }] } },
			}),
		);
		expect(r.error?.message).toMatch(/^Routee refused the request \(code 404002012\)/);
		expect(t.received().map((request) => request.method)).toEqual(['POST']);
	});

	test('a mobile that is no phone number is refused before any request', async () => {
		t.sandbox.clearRequests();
		const r = await t.run(upsert('call me'));
		expect(r.error?.message).toBe('Mobile is not valid [item 0]');
		expect(t.received()).toEqual([]);
	});
});

describe('Contact → Get, Get Many, Update, Delete', () => {
	test('Get reads the contact picked by ID; Get Many reads pages until the limit', async () => {
		const id = await newContact(freshMobile(), { additionalFields: { firstName: 'Grace' } });
		const got = await t.run({ resource: 'contact', operation: 'get', contact: byId(id) });
		expect(got.items[0].json).toMatchObject({ id, firstName: 'Grace' });
		expect(t.received('GET', `/contacts/my/${id}`)).toHaveLength(1);

		const some = await t.run({ resource: 'contact', operation: 'getAll', limit: 2 });
		expect(some.items).toHaveLength(2);
		expect(t.received('GET', '/contacts/my').map((request) => request.query)).toEqual([
			{ page: '0', size: '2' },
		]);
		const all = await t.run({ resource: 'contact', operation: 'getAll', returnAll: true });
		expect(all.items.map((i) => i.json.id)).toContain(id);
	});

	test('Update sends the contact back whole with the changes on top; a label changes by name, the others stay', async () => {
		const mobile = freshMobile();
		const label = `plan${Date.now() % 100000}`;
		const other = `${label}b`;
		for (const name of [label, other])
			await t.run({ resource: 'contactLabel', operation: 'create', labelName: name });
		const id = await newContact(mobile, {
			additionalFields: {
				firstName: 'Alan',
				email: 'alan@example.com',
				vip: true,
				labels: {
					label: [
						{ name: label, value: 'basic' },
						{ name: other, value: 'kept' },
					],
				},
			},
		});
		t.sandbox.clearRequests();
		const r = await t.run({
			resource: 'contact',
			operation: 'update',
			contact: byId(id),
			updateFields: { lastName: 'Turing', labels: { label: [{ name: label, value: 'pro' }] } },
		});
		expect(r.error).toBeUndefined();
		expect(t.received().map((request) => `${request.method} ${request.path}`)).toEqual([
			`GET /contacts/my/${id}`,
			`PUT /contacts/my/${id}`,
		]);
		expect(t.received('PUT')[0].body).toEqual({
			mobile,
			firstName: 'Alan',
			lastName: 'Turing',
			email: 'alan@example.com',
			vip: true,
			labels: [
				{ name: label, value: 'pro' },
				{ name: other, value: 'kept' },
			],
		});
		expect(r.items[0].json).toMatchObject({ id, lastName: 'Turing', email: 'alan@example.com' });
	});

	test('By Mobile: Routee says whether a contact has it (HEAD), then the node finds it among the contacts; Update reads a national number with Default Country', async () => {
		const mobile = freshMobile();
		const id = await newContact(mobile, { additionalFields: { firstName: 'Byron' } });
		t.sandbox.clearRequests();
		const got = await t.run({
			resource: 'contact',
			operation: 'get',
			contact: { __rl: true, mode: 'mobile', value: mobile },
		});
		expect(got.error).toBeUndefined();
		expect(got.items[0].json).toMatchObject({ id, mobile, firstName: 'Byron' });
		expect(t.received().map((request) => `${request.method} ${request.path}`)).toEqual([
			'HEAD /contacts/my/mobile',
			'GET /contacts/my',
			`GET /contacts/my/${id}`,
		]);
		expect(t.received('HEAD')[0].query).toEqual({ value: mobile });
		expect(t.received('GET', '/contacts/my')[0].query).toEqual({ page: '0', size: '2000' });

		const updated = await t.run({
			resource: 'contact',
			operation: 'update',
			contact: { __rl: true, mode: 'mobile', value: mobile.replace('+30', '') },
			updateFields: { lastName: 'Lord' },
			options: { defaultCountry: 'GR' },
		});
		expect(updated.error).toBeUndefined();
		expect(updated.items[0].json).toMatchObject({ id, lastName: 'Lord' });
	});

	test("By Mobile for many items: the account's contacts are read once for the run, not once per item", async () => {
		const mobiles = [freshMobile(), freshMobile(), freshMobile()];
		for (const mobile of mobiles) await newContact(mobile);
		t.sandbox.clearRequests();
		const r = await t.run(
			{
				resource: 'contact',
				operation: 'get',
				contact: { __rl: true, mode: 'mobile', value: '={{ $json.phone }}' },
			},
			{ input: mobiles.map((phone) => item({ phone })) },
		);
		expect(r.error).toBeUndefined();
		expect(r.items.map((i) => i.json.mobile)).toEqual(mobiles);
		expect(t.received('HEAD')).toHaveLength(3);
		expect(t.received('GET', '/contacts/my')).toHaveLength(1);
	});

	test('By Mobile, a number no contact has: the error says so after one HEAD, and nothing is changed', async () => {
		const r = await t.run({
			resource: 'contact',
			operation: 'delete',
			contact: { __rl: true, mode: 'mobile', value: '+306949999999' },
		});
		expect(r.error?.message).toBe(
			'No contact of the Routee account has the mobile +306949999999 [item 0]',
		);
		expect(r.error?.description).toMatch(/Contact → Create/);
		expect(t.received().map((request) => request.method)).toEqual(['HEAD']);
	});

	test('Update refuses an invalid change before reading anything', async () => {
		const r = await t.run({
			resource: 'contact',
			operation: 'update',
			contact: byId('anything'),
			updateFields: { mobile: 'not a number' },
		});
		expect(r.error?.message).toBe('Mobile is not valid [item 0]');
		expect(t.received()).toEqual([]);
	});

	test("Delete removes the contact; an unknown ID gets Routee's 404002001 and the fix", async () => {
		const id = await newContact(freshMobile());
		const r = await t.run({ resource: 'contact', operation: 'delete', contact: byId(id) });
		expect(r.error).toBeUndefined();
		expect(r.items[0].json.id).toBe(id);
		const again = await t.run({ resource: 'contact', operation: 'get', contact: byId(id) });
		expect(again.error?.message).toMatch(/code 404002001/);
		expect(again.error?.description).toMatch(/pick the contact from the list/);
	});
});

describe('Group', () => {
	test('a CRM fills a group: Create, Add Contacts, and an SMS campaign to the group reaches its members', async () => {
		const group = freshGroup();
		await newGroup(group);
		expect(t.received('POST', '/groups/my')[0].body).toEqual({ name: group, strategy: 'None' });
		const ids = [await newContact(freshMobile()), await newContact(freshMobile())];
		const mobiles = await Promise.all(
			ids.map(
				async (id) =>
					(await t.run({ resource: 'contact', operation: 'get', contact: byId(id) })).items[0].json
						.mobile,
			),
		);

		const added = await t.run({
			resource: 'group',
			operation: 'addContacts',
			group: byName(group),
			contactIds: ids.join(', '),
		});
		expect(added.error).toBeUndefined();
		expect(t.received('POST', `/groups/my/${group}/contacts`)[0].body).toEqual(ids);
		expect(added.items[0].json).toEqual({ name: group, size: 2 });

		const got = await t.run({ resource: 'group', operation: 'get', group: byName(group) });
		expect(got.items[0].json).toEqual({ name: group, size: 2 });
		const members = await t.run({
			resource: 'group',
			operation: 'getContacts',
			group: byName(group),
			returnAll: true,
		});
		expect(members.items.map((i) => i.json.id).sort()).toEqual([...ids].sort());

		const campaign = await t.run({
			resource: 'sms',
			operation: 'sendCampaign',
			from: 'MyShop',
			body: 'Hello',
			to: '',
			groups: group,
		});
		expect(campaign.error).toBeUndefined();
		const reached = [...t.sandbox.routee.smsMessages.values()]
			.filter((m) => m.campaignTrackingId === campaign.items[0].json.trackingId)
			.map((m) => m.to);
		expect(reached.sort()).toEqual([...mobiles].sort());
	});

	test('One Request for All Input Items: a CRM export of contacts goes into the group in one request; an item without an ID is left out with its error', async () => {
		const group = freshGroup();
		await newGroup(group);
		const ids = [await newContact(freshMobile()), await newContact(freshMobile())];
		t.sandbox.clearRequests();
		const r = await t.run(
			{
				resource: 'group',
				operation: 'addContacts',
				mode: 'allItems',
				group: byName(group),
				contactIds: '={{ $json.id }}',
			},
			{ input: [item({ id: ids[0] }), item({}), item({ id: ids[1] })], continueOnFail: true },
		);
		expect(t.received().map((request) => [request.method, request.path, request.body])).toEqual([
			['POST', `/groups/my/${group}/contacts`, ids],
		]);
		expect(r.items).toEqual([
			{ json: { name: group, size: 2 }, pairedItem: [{ item: 0 }, { item: 2 }] },
			{
				json: {
					error: 'Contact IDs is not valid [item 1]',
					description: 'Contact IDs must hold at least one contact ID.',
				},
				pairedItem: { item: 1 },
			},
		]);

		const optOut = await t.run(
			{
				resource: 'blacklist',
				operation: 'add',
				mode: 'allItems',
				service: 'Voice',
				contactIds: '={{ $json.id }}',
			},
			{ input: ids.map((id) => item({ id })) },
		);
		expect(optOut.items).toEqual([
			{ json: { updated: 2 }, pairedItem: [{ item: 0 }, { item: 1 }] },
		]);
		expect(t.received('POST', '/contacts/my/blacklist/Voice')[0].body).toEqual(ids);
	});

	test('Remove Contacts takes them out of the group, not the account; Delete removes the group', async () => {
		const group = freshGroup();
		await newGroup(group);
		const id = await newContact(freshMobile());
		await t.run({
			resource: 'group',
			operation: 'addContacts',
			group: byName(group),
			contactIds: id,
		});
		const removed = await t.run({
			resource: 'group',
			operation: 'removeContacts',
			group: byName(group),
			contactIds: [id] as never,
		});
		expect(removed.items[0].json).toEqual({ name: group, size: 0 });
		expect(t.received('DELETE', `/groups/my/${group}/contacts`)[0].body).toEqual([id]);
		expect(
			(await t.run({ resource: 'contact', operation: 'get', contact: byId(id) })).error,
		).toBeUndefined();

		const deleted = await t.run({ resource: 'group', operation: 'delete', group: byName(group) });
		expect(deleted.error).toBeUndefined();
		const [request] = t.received('DELETE', '/groups/my');
		expect(request.body).toEqual([group]);
		expect(request.query).toEqual({ deleteContacts: 'false' });
		const gone = await t.run({ resource: 'group', operation: 'get', group: byName(group) });
		expect(gone.error?.message).toMatch(/code 404002003/);
		expect(gone.error?.description).toMatch(/Group → Create/);
	});

	test('Create with every contact, or the contacts matching filters', async () => {
		const lastName = `Zed${Date.now() % 100000}`;
		await newContact(freshMobile(), { additionalFields: { lastName } });
		const group = freshGroup();
		const r = await t.run({
			resource: 'group',
			operation: 'create',
			groupName: group,
			strategy: 'Filtered',
			filters: { filter: [{ fieldName: 'lastName', searchOperator: 'is', searchTerm: lastName }] },
		});
		expect(r.error).toBeUndefined();
		expect(t.received('POST', '/groups/my')[0].body).toEqual({
			name: group,
			strategy: 'Filtered',
			filters: [{ fieldName: 'lastName', searchOperator: 'is', searchTerm: lastName }],
		});
		expect(r.items[0].json).toEqual({ name: group, size: 1 });
	});

	test('refused before any request: a name of 1 character, no contact IDs', async () => {
		const short = await t.run({ resource: 'group', operation: 'create', groupName: 'x' });
		expect(short.error?.message).toBe('Name is not valid [item 0]');
		expect(short.error?.description).toBe('Name must be 2 to 30 characters.');
		const noIds = await t.run({
			resource: 'group',
			operation: 'addContacts',
			group: byName('sandbox-group'),
			contactIds: ' , ',
		});
		expect(noIds.error?.message).toBe('Contact IDs is not valid [item 0]');
		expect(t.received()).toEqual([]);
	});

	test("Filtered without a filter is sent (no page says it is refused): Routee's answer is shown with the fix", async () => {
		const r = await t.run({
			resource: 'group',
			operation: 'create',
			groupName: freshGroup(),
			strategy: 'Filtered',
		});
		expect(t.received('POST', '/groups/my')[0].body).toMatchObject({
			strategy: 'Filtered',
			filters: [],
		});
		expect(r.error?.message).toMatch(/^Routee refused the request \(code 400002007\)/);
		expect(r.error?.description).toMatch(/filter/);
	});

	test("a name that exists: Routee's 409002005 and the fix", async () => {
		const group = freshGroup();
		await newGroup(group);
		const r = await t.run({ resource: 'group', operation: 'create', groupName: group });
		expect(r.error?.message).toMatch(/code 409002005/);
		expect(r.error?.description).toMatch(/pick the existing one/);
	});

	test('Get Many lists the groups with their sizes', async () => {
		const group = freshGroup();
		await newGroup(group);
		const r = await t.run({ resource: 'group', operation: 'getAll', returnAll: true });
		expect(r.items.map((i) => i.json)).toContainEqual({ name: group, size: 0 });
		expect(t.received('GET', '/groups/my/page')[0].query).toEqual({ page: '0', size: '100' });
	});
});

describe('Opt-Out (Blacklist)', () => {
	test('Add blacklists contacts for SMS: Get Many lists them and the next SMS campaign to their group skips them; Remove brings them back', async () => {
		const group = freshGroup();
		await newGroup(group);
		const optedOut = freshMobile();
		const staying = freshMobile();
		const ids = [await newContact(optedOut), await newContact(staying)];
		await t.run({
			resource: 'group',
			operation: 'addContacts',
			group: byName(group),
			contactIds: ids.join(','),
		});

		const added = await t.run({
			resource: 'blacklist',
			operation: 'add',
			service: 'Sms',
			contactIds: ids[0],
		});
		expect(added.error).toBeUndefined();
		expect(t.received('POST', '/contacts/my/blacklist/Sms')[0].body).toEqual([ids[0]]);
		expect(added.items[0].json).toEqual({ updated: 1 });

		const listed = await t.run({ resource: 'blacklist', operation: 'getAll', service: 'Sms' });
		expect(listed.items.map((i) => i.json.mobile)).toContain(optedOut);
		expect(listed.items.map((i) => i.json.mobile)).not.toContain(staying);

		const sendToGroup = async () => {
			const campaign = await t.run({
				resource: 'sms',
				operation: 'sendCampaign',
				from: 'MyShop',
				body: 'Sale',
				to: '',
				groups: group,
			});
			expect(campaign.error).toBeUndefined();
			return [...t.sandbox.routee.smsMessages.values()]
				.filter((m) => m.campaignTrackingId === campaign.items[0].json.trackingId)
				.map((m) => m.to);
		};
		expect(await sendToGroup()).toEqual([staying]);

		const removed = await t.run({
			resource: 'blacklist',
			operation: 'remove',
			service: 'Sms',
			contactIds: ids[0],
		});
		expect(removed.error).toBeUndefined();
		expect(t.received('DELETE', '/contacts/my/blacklist/Sms')[0].body).toEqual([ids[0]]);
		expect((await sendToGroup()).sort()).toEqual([optedOut, staying].sort());
	});
});

describe('Contact Label → Get Many', () => {
	test('one item per label with its type', async () => {
		const name = `pts${Date.now() % 100000}`;
		await t.run({
			resource: 'contactLabel',
			operation: 'create',
			labelName: name,
			labelType: 'Number',
		});
		const r = await t.run({ resource: 'contactLabel', operation: 'getAll' });
		expect(r.items.map((i) => i.json)).toContainEqual({ name, type: 'Number' });
		expect(r.items.every((i) => JSON.stringify(i.pairedItem) === '{"item":0}')).toBe(true);
	});

	test('a label name with other than latin letters and digits is refused before any request', async () => {
		const r = await t.run({ resource: 'contactLabel', operation: 'create', labelName: 'my label' });
		expect(r.error?.message).toBe('Name is not valid [item 0]');
		expect(t.received()).toEqual([]);
	});
});

describe('pick lists (resource locators) as the editor loads them', () => {
	const search = async (method: string, filter?: string, paginationToken?: string) =>
		await t.harness.listSearch('routee', method, {
			parameters: { resource: 'group', operation: 'get' },
			credentials: { routeeOAuth2Api: t.credential },
			filter,
			paginationToken,
		});

	test('groups: name and size, filtered by what the user typed', async () => {
		const group = freshGroup();
		await newGroup(group);
		const all = await search('searchGroups');
		expect(all.results).toContainEqual({ name: `${group} (0 contacts)`, value: group });
		const filtered = await search('searchGroups', group.toUpperCase());
		expect(filtered.results).toEqual([{ name: `${group} (0 contacts)`, value: group }]);
	});

	test('contacts: name and mobile, the ID as the value; the next page on scrolling', async () => {
		const mobile = freshMobile();
		const id = await newContact(mobile, {
			additionalFields: { firstName: 'Pick', lastName: 'Me' },
		});
		const found = await search('searchContacts', 'pick me');
		expect(found.results).toEqual([{ name: `Pick Me (${mobile})`, value: id }]);
		// more than a page of contacts: the list asks for the next one with the token it got
		for (let n = 0; n < 100; n++)
			t.sandbox.routee.addContact(`+3069420${String(n).padStart(5, '0')}`);
		const first = await search('searchContacts');
		expect(first.paginationToken).toBe('1');
		const second = await search('searchContacts', undefined, first.paginationToken);
		expect(second.results.length).toBeGreaterThan(0);
		expect(t.received('GET', '/contacts/my').map((request) => request.query.page)).toEqual([
			'0',
			'0',
			'1',
		]);
	});
});

describe("version 3: Groups of the campaign operations is a pick list of the account's groups", () => {
	test('the list holds every group with its size, read page by page', async () => {
		const group = freshGroup();
		await newGroup(group);
		t.sandbox.clearRequests();
		const options = await t.harness.loadOptions('routee', 'getGroups', {
			parameters: { resource: 'sms', operation: 'sendCampaign' },
			credentials: { routeeOAuth2Api: t.credential },
			typeVersion: 3,
		});
		expect(options).toContainEqual({ name: 'sandbox-group (3 contacts)', value: 'sandbox-group' });
		expect(options).toContainEqual({ name: `${group} (0 contacts)`, value: group });
		expect(t.received('GET', '/groups/my/page').map((request) => request.query)).toEqual([
			{ page: '0', size: '100' },
		]);
	});

	test.each([
		[
			'SMS → Send Campaign',
			{ resource: 'sms', operation: 'sendCampaign', from: 'MyShop', body: 'Hi' },
			'/sms/campaign',
		],
		[
			'Voice → Send Campaign',
			{
				resource: 'voice',
				operation: 'sendCampaign',
				from: '+306948530900',
				text: 'Hi',
				campaignName: 'pick list',
			},
			'/voice/campaign',
		],
	])(
		'%s: the groups picked (version 3) reach Routee as the typed names of a version-2 node do',
		async (_name, campaign, path) => {
			const picked = await t.run(
				{ ...campaign, to: '', groups: ['sandbox-group', 'empty-group'] },
				{ typeVersion: 3 },
			);
			expect(picked.error).toBeUndefined();
			const typed = await t.run(
				{
					...campaign,
					to: '',
					groups: 'sandbox-group, empty-group',
					...('campaignName' in campaign ? { campaignName: 'typed names' } : {}),
				},
				{ typeVersion: 2 },
			);
			expect(typed.error).toBeUndefined();
			const [v3, v2] = t
				.received('POST', path)
				.map((request) => request.body as Record<string, unknown>);
			expect(v3.groups).toEqual(['sandbox-group', 'empty-group']);
			expect({ ...v3, name: undefined }).toEqual({ ...v2, name: undefined });
		},
	);
});

describe('as an AI agent tool (version 2)', () => {
	test('Add Contacts past Max Recipients per Tool Call is refused before any request', async () => {
		const ids = Array.from({ length: 11 }, (_, n) => `id-${n}`);
		const r = await t.run(
			{
				resource: 'group',
				operation: 'addContacts',
				group: byName('sandbox-group'),
				contactIds: ids.join(','),
			},
			{ asTool: true, typeVersion: 2 },
		);
		expect(r.error?.message).toMatch(
			/addresses 11 recipients, more than Max Recipients per Tool Call \(10\)/,
		);
		expect(t.received()).toEqual([]);
	});
});
