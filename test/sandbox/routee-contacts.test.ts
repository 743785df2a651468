// Routee Contacts API in the sandbox: contacts, labels, groups, per-service blacklists, and their effect on campaigns.

import { Sandbox } from './server';
import { routee, token, until } from './test-client';

const HEX24 = /^[0-9a-f]{24}$/;
const PAGE_KEYS = [
	'content',
	'first',
	'last',
	'number',
	'numberOfElements',
	'size',
	'totalElements',
	'totalPages',
];
const CONTACT_KEYS = [
	'blacklistedServices',
	'country',
	'email',
	'firstName',
	'groups',
	'id',
	'labels',
	'lastName',
	'mobile',
	'vip',
];

describe('Routee Contacts API', () => {
	let sandbox: Sandbox;
	let bearer: string;
	const call = (method: string, path: string, body?: unknown) =>
		routee(sandbox, bearer, method, path, body);
	const create = async (body: Record<string, unknown>) => {
		const res = await call('POST', '/contacts/my', body);
		expect(res.status).toBe(200);
		return res.body as { id: string; mobile: string };
	};
	const validation = (property: string) => ({
		code: '400000000',
		developerMessage: 'Validation Error!',
		properties: { [property]: expect.any(String) },
	});

	beforeEach(async () => {
		sandbox = await Sandbox.start({ deliveryDelayMs: 5, conversationMinIntervalMs: 0 });
		bearer = await token(sandbox);
	});
	afterEach(() => sandbox.stop());

	describe('contacts', () => {
		test('POST /contacts/my answers the Contact object (24-hex id, country from the calling code)', async () => {
			await call('POST', '/contacts/labels/my', [
				{ name: 'company' },
				{ name: 'age', type: 'Number' },
			]);
			const res = await call('POST', '/contacts/my', {
				mobile: '+306984512777',
				firstName: 'John',
				lastName: 'Doe',
				email: 'j@example.com',
				vip: true,
				labels: [
					{ name: 'company', value: 'ACME' },
					{ name: 'age', value: '42' },
				],
			});
			expect(res.status).toBe(200);
			expect(Object.keys(res.body).sort()).toEqual(CONTACT_KEYS);
			expect(res.body).toEqual({
				id: expect.stringMatching(HEX24),
				firstName: 'John',
				lastName: 'Doe',
				mobile: '+306984512777',
				email: 'j@example.com',
				country: 'GR',
				vip: true,
				groups: [],
				blacklistedServices: [],
				labels: [
					{ name: 'company', type: 'Text', value: 'ACME' },
					{ name: 'age', type: 'Number', value: '42' },
				],
			});
			for (const [mobile, country] of [
				['+33612345678', 'FR'],
				['+447700900123', 'GB'],
				['+12025550123', 'US'],
				['+9991234567', null],
			] as const) {
				const contact = await call('POST', '/contacts/my', { mobile });
				expect(contact.body).toEqual(
					expect.objectContaining({ mobile, country, vip: false, firstName: null, labels: [] }),
				);
			}
		});

		test('create errors: mobile missing or not +digits → 400000000, duplicate mobile → 409002005, labels → 404002012 / 400002006 / 409002013', async () => {
			expect((await call('POST', '/contacts/my', { firstName: 'A' })).body).toEqual(
				validation('mobile'),
			);
			for (const mobile of ['306984512777', '+30 698 451', '+123456', '+1234567890123456', 42]) {
				const res = await call('POST', '/contacts/my', { mobile });
				expect(res.status).toBe(400);
				expect(res.body).toEqual(validation('mobile'));
			}
			const long = await call('POST', '/contacts/my', {
				mobile: '+306900000999',
				firstName: '',
				lastName: 'x'.repeat(61),
				vip: 'yes',
				country: 'GR',
			});
			expect(long.status).toBe(400);
			expect(Object.keys(long.body.properties).sort()).toEqual([
				'country',
				'firstName',
				'lastName',
				'vip',
			]);
			const dup = await call('POST', '/contacts/my', { mobile: '+306900000201' });
			expect(dup.status).toBe(409);
			expect(dup.body).toEqual({
				code: '409002005',
				developerMessage: expect.stringContaining('Contact mobile already exists'),
			});
			const undefinedLabel = await call('POST', '/contacts/my', {
				mobile: '+306900000998',
				labels: [{ name: 'company', value: 'ACME' }],
			});
			expect(undefinedLabel.status).toBe(404);
			expect(undefinedLabel.body.code).toBe('404002012');
			await call('POST', '/contacts/labels/my', [
				{ name: 'company', type: 'Text' },
				{ name: 'age', type: 'Number' },
			]);
			const notNumber = await call('POST', '/contacts/my', {
				mobile: '+306900000998',
				labels: [{ name: 'age', value: 'forty' }],
			});
			expect(notNumber.status).toBe(400);
			expect(notNumber.body.code).toBe('400002006');
			const twice = await call('POST', '/contacts/my', {
				mobile: '+306900000998',
				labels: [
					{ name: 'company', value: 'A' },
					{ name: 'company', value: 'B' },
				],
			});
			expect(twice.status).toBe(409);
			expect(twice.body.code).toBe('409002013');
			expect(sandbox.routee.contactByMobile('+306900000998')).toBeUndefined();
		});

		test('GET /contacts/my pages (default size 20, 1–2000), GET /contacts/my/{id}, unknown id → 404002001', async () => {
			for (let i = 0; i < 20; i++)
				await create({ mobile: `+3069100000${String(i).padStart(2, '0')}` });
			const first = await call('GET', '/contacts/my');
			expect(first.status).toBe(200);
			expect(Object.keys(first.body).sort()).toEqual(PAGE_KEYS);
			expect(first.body).toEqual(
				expect.objectContaining({
					totalElements: 25,
					totalPages: 2,
					size: 20,
					number: 0,
					first: true,
					last: false,
					numberOfElements: 20,
				}),
			);
			expect(first.body.content[0]).toEqual(
				expect.objectContaining({
					id: 'sandbox-contact-1',
					mobile: '+306900000201',
					groups: [],
				}),
			);
			expect(first.body.content[2]).toEqual(
				expect.objectContaining({ mobile: '+306900000101', groups: ['sandbox-group'] }),
			);
			const second = await call('GET', '/contacts/my?page=2&size=10');
			expect(second.body).toEqual(
				expect.objectContaining({ number: 2, size: 10, numberOfElements: 5, last: true }),
			);
			for (const query of ['size=0', 'size=2001', 'page=-1', 'size=abc']) {
				const bad = await call('GET', `/contacts/my?${query}`);
				expect(bad.status).toBe(400);
				expect(bad.body.code).toBe('400000000');
			}
			const one = await call('GET', '/contacts/my/sandbox-contact-2');
			expect(one.status).toBe(200);
			expect(one.body.mobile).toBe('+306900000202');
			const missing = await call('GET', '/contacts/my/0123456789abcdef01234567');
			expect(missing.status).toBe(404);
			expect(missing.body).toEqual({
				code: '404002001',
				developerMessage: expect.stringContaining('Contact not found'),
			});
		});

		test('PUT /contacts/my/{id} is a full replace keeping id, groups and blacklistedServices', async () => {
			await call('POST', '/contacts/labels/my', [{ name: 'company' }]);
			const contact = await create({
				mobile: '+306900000301',
				firstName: 'Ann',
				lastName: 'Lee',
				email: 'ann@example.com',
				vip: true,
				labels: [{ name: 'company', value: 'ACME' }],
			});
			await call('POST', '/groups/my', { name: 'Keep me' });
			await call('POST', `/groups/my/${encodeURIComponent('Keep me')}/contacts`, [contact.id]);
			await call('POST', '/contacts/my/blacklist/Viber', [contact.id]);
			const put = await call('PUT', `/contacts/my/${contact.id}`, {
				mobile: '+306900000302',
				firstName: 'Anna',
			});
			expect(put.status).toBe(200);
			expect(put.body).toEqual({
				id: contact.id,
				firstName: 'Anna',
				lastName: null,
				mobile: '+306900000302',
				email: null,
				country: 'GR',
				vip: false,
				groups: ['Keep me'],
				blacklistedServices: ['Viber'],
				labels: [],
			});
			expect((await call('GET', `/contacts/my/${contact.id}`)).body).toEqual(put.body);
			const noMobile = await call('PUT', `/contacts/my/${contact.id}`, { firstName: 'X' });
			expect(noMobile.body).toEqual(validation('mobile'));
			const taken = await call('PUT', `/contacts/my/${contact.id}`, { mobile: '+306900000201' });
			expect(taken.status).toBe(409);
			expect(taken.body.code).toBe('409002005');
			const same = await call('PUT', `/contacts/my/${contact.id}`, { mobile: '+306900000302' });
			expect(same.status).toBe(200);
			const unknown = await call('PUT', '/contacts/my/nobody', { mobile: '+306900000303' });
			expect(unknown.status).toBe(404);
			expect(unknown.body.code).toBe('404002001');
		});

		test('DELETE /contacts/my/{id} answers the deleted contact and removes it from its groups', async () => {
			const res = await call('DELETE', '/contacts/my/sandbox-contact-101');
			expect(res.status).toBe(200);
			expect(res.body).toEqual(
				expect.objectContaining({
					id: 'sandbox-contact-101',
					mobile: '+306900000101',
					groups: ['sandbox-group'],
				}),
			);
			expect((await call('GET', '/groups/my/sandbox-group')).body).toEqual({
				name: 'sandbox-group',
				size: 2,
			});
			expect((await call('GET', '/contacts/my/sandbox-contact-101')).status).toBe(404);
			expect((await call('DELETE', '/contacts/my/sandbox-contact-101')).body.code).toBe(
				'404002001',
			);
		});

		test('HEAD /contacts/my/mobile?value= → 200 when a contact has it, 404 otherwise, no body', async () => {
			const there = await call(
				'HEAD',
				`/contacts/my/mobile?value=${encodeURIComponent('+306900000201')}`,
			);
			expect(there.status).toBe(200);
			expect(there.body).toBeUndefined();
			const absent = await call(
				'HEAD',
				`/contacts/my/mobile?value=${encodeURIComponent('+306900000999')}`,
			);
			expect(absent.status).toBe(404);
			expect(absent.body).toBeUndefined();
			// an unencoded '+' is read as a space, as form decoding does
			expect((await call('HEAD', '/contacts/my/mobile?value=+306900000201')).status).toBe(404);
		});
	});

	describe('labels', () => {
		test('GET /contacts/labels/my maps default and custom labels to their types; POST creates them', async () => {
			const before = await call('GET', '/contacts/labels/my');
			expect(before.status).toBe(200);
			expect(before.body).toEqual({
				firstName: 'Text',
				lastName: 'Text',
				mobile: 'Text',
				email: 'Text',
				country: 'Text',
				vip: 'Text',
			});
			const created = await call('POST', '/contacts/labels/my', [
				{ name: 'Company', type: 'Text' },
				{ name: 'age', type: 'Number' },
				{ name: 'city' },
			]);
			expect(created.status).toBe(200);
			expect(created.body).toEqual([
				{ name: 'Company', type: 'Text' },
				{ name: 'age', type: 'Number' },
				{ name: 'city', type: 'Text' },
			]);
			expect((await call('GET', '/contacts/labels/my')).body).toEqual(
				expect.objectContaining({ Company: 'Text', age: 'Number', city: 'Text' }),
			);
		});

		test('label errors: existing → 409002011, twice in the request → 400002014, non-alphanumeric / bad type → 400000000', async () => {
			await call('POST', '/contacts/labels/my', [{ name: 'company' }]);
			for (const name of ['company', 'firstName']) {
				const again = await call('POST', '/contacts/labels/my', [{ name }]);
				expect(again.status).toBe(409);
				expect(again.body).toEqual({
					code: '409002011',
					developerMessage: expect.stringContaining('Label Definition already exists'),
				});
			}
			const twice = await call('POST', '/contacts/labels/my', [{ name: 'x1' }, { name: 'x1' }]);
			expect(twice.status).toBe(400);
			expect(twice.body.code).toBe('400002014');
			expect((await call('POST', '/contacts/labels/my', [{ name: 'my label' }])).body).toEqual(
				validation('[0].name'),
			);
			expect(
				(await call('POST', '/contacts/labels/my', [{ name: 'ok', type: 'Date' }])).body,
			).toEqual(validation('[0].type'));
			expect((await call('POST', '/contacts/labels/my', { name: 'ok' })).body).toEqual(
				validation('body'),
			);
			expect(sandbox.routee.labels.has('x1')).toBe(false);
		});
	});

	describe('groups', () => {
		test('POST /groups/my (None / All), GET /groups/my, /groups/my/{name}, 409002005, 404002003, name 2–30', async () => {
			const created = await call('POST', '/groups/my', { name: 'My friends' });
			expect(created.status).toBe(200);
			expect(created.body).toEqual({ name: 'My friends', size: 0 });
			const all = await call('POST', '/groups/my', { name: 'Everyone', strategy: 'All' });
			expect(all.body).toEqual({ name: 'Everyone', size: 5 });
			const list = await call('GET', '/groups/my');
			expect(list.body).toEqual([
				{ name: 'sandbox-group', size: 3 },
				{ name: 'empty-group', size: 0 },
				{ name: 'My friends', size: 0 },
				{ name: 'Everyone', size: 5 },
			]);
			const one = await call('GET', `/groups/my/${encodeURIComponent('My friends')}`);
			expect(one.body).toEqual({ name: 'My friends', size: 0 });
			const again = await call('POST', '/groups/my', { name: 'My friends' });
			expect(again.status).toBe(409);
			expect(again.body).toEqual({
				code: '409002005',
				developerMessage: expect.stringContaining('The contact group already exists'),
			});
			const missing = await call('GET', '/groups/my/nope');
			expect(missing.status).toBe(404);
			expect(missing.body).toEqual({
				code: '404002003',
				developerMessage: expect.stringContaining('The contact group is not found'),
			});
			for (const body of [
				{ name: 'x' },
				{ name: 'x'.repeat(31) },
				{},
				{ name: 'ok', strategy: 'Some' },
			]) {
				const bad = await call('POST', '/groups/my', body);
				expect(bad.status).toBe(400);
				expect(bad.body.code).toBe('400000000');
			}
			const contacts = await call('GET', '/contacts/my/sandbox-contact-1');
			expect(contacts.body.groups).toEqual(['Everyone']);
		});

		test('Filtered groups apply the filters (ANDed, default operator is); invalid filters → 400002007', async () => {
			await call('POST', '/contacts/labels/my', [{ name: 'company' }]);
			await create({
				mobile: '+33612340001',
				firstName: 'Marie',
				labels: [{ name: 'company', value: 'ACME' }],
			});
			await create({ mobile: '+33612340002', firstName: 'Marc', vip: true });
			await create({
				mobile: '+447700900003',
				firstName: 'Mary',
				labels: [{ name: 'company', value: 'acme' }],
			});
			const french = await call('POST', '/groups/my', {
				name: 'French Ma',
				strategy: 'Filtered',
				filters: [
					{ fieldName: 'country', searchTerm: 'FR' },
					{ fieldName: 'firstName', searchTerm: 'Ma', searchOperator: 'starts_with' },
				],
			});
			expect(french.body).toEqual({ name: 'French Ma', size: 2 });
			const acme = await call('POST', '/groups/my', {
				name: 'ACME',
				strategy: 'Filtered',
				filters: [{ fieldName: 'company', searchTerm: 'ACME', searchOperator: 'is' }],
			});
			expect(acme.body.size).toBe(2);
			const vip = await call('POST', '/groups/my', {
				name: 'VIPs',
				strategy: 'Filtered',
				filters: [{ fieldName: 'vip', searchTerm: 'true' }],
			});
			expect(vip.body.size).toBe(1);
			const notGreek = await call('POST', '/groups/my', {
				name: 'Not Greek',
				strategy: 'Filtered',
				filters: [{ fieldName: 'mobile', searchTerm: '+30', searchOperator: 'is_not' }],
			});
			expect(notGreek.body.size).toBe(8);
			const ends = await call('POST', '/groups/my', {
				name: 'Ends',
				strategy: 'Filtered',
				filters: [
					{ fieldName: 'mobile', searchTerm: '0002', searchOperator: 'ends_with' },
					{ fieldName: 'firstName', searchTerm: 'ar', searchOperator: 'contains' },
				],
			});
			expect(ends.body.size).toBe(1);
			for (const filters of [
				[{ fieldName: 'shoeSize', searchTerm: '42' }],
				[{ fieldName: 'firstName', searchTerm: 'A', searchOperator: 'like' }],
				[{ fieldName: 'firstName' }],
				[{ fieldName: 'firstName', searchTerm: 'A', extra: 1 }],
				[],
				'firstName=A',
			]) {
				const bad = await call('POST', '/groups/my', {
					name: 'Bad',
					strategy: 'Filtered',
					filters,
				});
				expect(bad.status).toBe(400);
				expect(bad.body).toEqual({
					code: '400002007',
					developerMessage: expect.stringContaining('Search filters are invalid'),
				});
			}
			const noStrategy = await call('POST', '/groups/my', {
				name: 'Bad',
				filters: [{ fieldName: 'firstName', searchTerm: 'A' }],
			});
			expect(noStrategy.body.code).toBe('400002007');
		});

		test('GET /groups/my/page (default size 10) and /groups/my/{name}/contacts (default 10, sort)', async () => {
			for (let i = 0; i < 10; i++) await call('POST', '/groups/my', { name: `group ${i}` });
			const first = await call('GET', '/groups/my/page');
			expect(first.status).toBe(200);
			expect(Object.keys(first.body).sort()).toEqual(PAGE_KEYS);
			expect(first.body).toEqual(
				expect.objectContaining({
					totalElements: 12,
					totalPages: 2,
					size: 10,
					number: 0,
					last: false,
				}),
			);
			expect(first.body.content[0]).toEqual({ name: 'sandbox-group', size: 3 });
			const second = await call('GET', '/groups/my/page?page=1&size=5');
			expect(second.body.content).toEqual([
				{ name: 'group 3', size: 0 },
				{ name: 'group 4', size: 0 },
				{ name: 'group 5', size: 0 },
				{ name: 'group 6', size: 0 },
				{ name: 'group 7', size: 0 },
			]);
			expect((await call('GET', '/groups/my/page?size=2001')).status).toBe(400);

			const names = ['Zoe', 'adam', 'Mia'];
			const ids: string[] = [];
			for (const [i, firstName] of names.entries())
				ids.push((await create({ mobile: `+30691000010${i}`, firstName })).id);
			await call('POST', '/groups/my/group%200/contacts', ids);
			const contacts = await call('GET', '/groups/my/group%200/contacts?size=2&sort=firstName');
			expect(contacts.status).toBe(200);
			expect(Object.keys(contacts.body).sort()).toEqual(PAGE_KEYS);
			expect(contacts.body).toEqual(
				expect.objectContaining({ totalElements: 3, totalPages: 2, size: 2, numberOfElements: 2 }),
			);
			expect(contacts.body.content.map((c: { firstName: string }) => c.firstName)).toEqual([
				'Mia',
				'Zoe',
			]);
			expect(Object.keys(contacts.body.content[0]).sort()).toEqual(CONTACT_KEYS);
			const desc = await call('GET', '/groups/my/group%200/contacts?sort=firstName,desc');
			expect(desc.body.size).toBe(10);
			expect(desc.body.content.map((c: { firstName: string }) => c.firstName)).toEqual([
				'adam',
				'Zoe',
				'Mia',
			]);
			expect((await call('GET', '/groups/my/group%200/contacts?sort=shoeSize')).body).toEqual(
				validation('sort'),
			);
			expect((await call('GET', '/groups/my/nope/contacts')).body.code).toBe('404002003');
		});

		test('POST / DELETE /groups/my/{name}/contacts change membership; a bare array of ids only', async () => {
			const path = `/groups/my/${encodeURIComponent('My list')}/contacts`;
			await call('POST', '/groups/my', { name: 'My list' });
			const added = await call('POST', path, ['sandbox-contact-1', 'sandbox-contact-2']);
			expect(added.status).toBe(200);
			expect(added.body).toEqual({ name: 'My list', size: 2 });
			const again = await call('POST', path, ['sandbox-contact-1']);
			expect(again.body).toEqual({ name: 'My list', size: 2 });
			expect((await call('GET', '/contacts/my/sandbox-contact-1')).body.groups).toEqual([
				'My list',
			]);
			const unknown = await call('POST', path, ['sandbox-contact-101', 'nobody']);
			expect(unknown.status).toBe(404);
			expect(unknown.body).toEqual({
				code: '404002001',
				developerMessage: expect.stringContaining('nobody'),
			});
			expect((await call('GET', '/groups/my/My%20list')).body.size).toBe(2);
			for (const body of [{ contacts: ['sandbox-contact-1'] }, [{ id: 'sandbox-contact-1' }]]) {
				const wrongShape = await call('POST', path, body);
				expect(wrongShape.status).toBe(400);
				expect(wrongShape.body.code).toBe('400000000');
				expect(JSON.stringify(wrongShape.body.properties)).toContain(
					'JSON array of contact ids is expected',
				);
			}
			const removed = await call('DELETE', path, ['sandbox-contact-1']);
			expect(removed.body).toEqual({ name: 'My list', size: 1 });
			expect((await call('GET', '/contacts/my/sandbox-contact-1')).status).toBe(200);
			expect(
				(await call('POST', '/groups/my/nope/contacts', ['sandbox-contact-1'])).body.code,
			).toBe('404002003');
			expect((await call('DELETE', '/groups/my/nope/contacts', ['sandbox-contact-1'])).status).toBe(
				404,
			);
		});

		test('DELETE /groups/my?deleteContacts= with a body of names → [{name, deletedContacts}]', async () => {
			await call('POST', '/groups/my', { name: 'Kept contacts' });
			await call('POST', '/groups/my/Kept%20contacts/contacts', ['sandbox-contact-1']);
			const kept = await call('DELETE', '/groups/my', ['Kept contacts']);
			expect(kept.status).toBe(200);
			expect(kept.body).toEqual([{ name: 'Kept contacts', deletedContacts: false }]);
			expect((await call('GET', '/contacts/my/sandbox-contact-1')).body.groups).toEqual([]);
			const missing = await call('DELETE', '/groups/my', ['empty-group', 'nope']);
			expect(missing.status).toBe(404);
			expect(missing.body.code).toBe('404002003');
			expect((await call('GET', '/groups/my/empty-group')).status).toBe(200);
			const gone = await call('DELETE', '/groups/my?deleteContacts=true', [
				'sandbox-group',
				'empty-group',
			]);
			expect(gone.body).toEqual([
				{ name: 'sandbox-group', deletedContacts: true },
				{ name: 'empty-group', deletedContacts: true },
			]);
			expect((await call('GET', '/contacts/my/sandbox-contact-102')).status).toBe(404);
			expect((await call('GET', '/contacts/my')).body.totalElements).toBe(2);
			expect((await call('DELETE', '/groups/my?deleteContacts=yes', ['x'])).body).toEqual(
				validation('deleteContacts'),
			);
			expect((await call('DELETE', '/groups/my')).body).toEqual(validation('body'));
		});
	});

	describe('blacklist', () => {
		test('POST / GET / DELETE /contacts/my/blacklist/{service} and DELETE …/{service}/groups', async () => {
			const add = await call('POST', '/contacts/my/blacklist/Sms', [
				'sandbox-contact-1',
				'sandbox-contact-101',
			]);
			expect(add.status).toBe(200);
			expect(add.body).toEqual({ updated: 2 });
			expect(
				(await call('POST', '/contacts/my/blacklist/Sms', ['sandbox-contact-1'])).body,
			).toEqual({ updated: 0 });
			await call('POST', '/contacts/my/blacklist/TwoStep', ['sandbox-contact-101']);
			for (const service of ['Voice', 'Viber', 'Lookup', 'NumberValidator'])
				expect(
					(await call('POST', `/contacts/my/blacklist/${service}`, ['sandbox-contact-2'])).body,
				).toEqual({ updated: 1 });
			expect(
				(await call('GET', '/contacts/my/sandbox-contact-2')).body.blacklistedServices,
			).toEqual(['Voice', 'Viber', 'Lookup', 'NumberValidator']);
			const list = await call('GET', '/contacts/my/blacklist/Sms');
			expect(list.status).toBe(200);
			expect(list.body.map((c: { id: string }) => c.id)).toEqual([
				'sandbox-contact-1',
				'sandbox-contact-101',
			]);
			expect(Object.keys(list.body[0]).sort()).toEqual(CONTACT_KEYS);
			expect(list.body[1].blacklistedServices).toEqual(['Sms', 'TwoStep']);
			expect((await call('GET', '/contacts/my/blacklist/Viber')).body).toHaveLength(1);

			const removed = await call('DELETE', '/contacts/my/blacklist/Sms', ['sandbox-contact-1']);
			expect(removed.body).toEqual({ updated: 1 });
			const group = await call('DELETE', '/contacts/my/blacklist/TwoStep/groups', [
				'sandbox-group',
			]);
			expect(group.status).toBe(200);
			expect(group.body).toEqual([{ updated: 1 }]);
			expect(
				(await call('GET', '/contacts/my/sandbox-contact-101')).body.blacklistedServices,
			).toEqual(['Sms']);
			const smsGroup = await call('DELETE', '/contacts/my/blacklist/Sms/groups', [
				'sandbox-group',
				'empty-group',
			]);
			expect(smsGroup.body).toEqual([{ updated: 1 }, { updated: 0 }]);
		});

		test('blacklist errors: services per operation, unknown ids / groups, body shape', async () => {
			const cases: Array<[string, string, unknown]> = [
				['POST', '/contacts/my/blacklist/SMS', ['sandbox-contact-1']],
				['POST', '/contacts/my/blacklist/Email', ['sandbox-contact-1']],
				['GET', '/contacts/my/blacklist/Lookup', undefined],
				['GET', '/contacts/my/blacklist/NumberValidator', undefined],
				['DELETE', '/contacts/my/blacklist/Voice', ['sandbox-contact-1']],
				['DELETE', '/contacts/my/blacklist/Viber', ['sandbox-contact-1']],
				['DELETE', '/contacts/my/blacklist/Voice/groups', ['sandbox-group']],
			];
			for (const [method, path, body] of cases) {
				const res = await call(method, path, body);
				expect([method, path, res.status]).toEqual([method, path, 400]);
				expect(res.body).toEqual(validation('service'));
			}
			const unknown = await call('POST', '/contacts/my/blacklist/Sms', [
				'sandbox-contact-1',
				'nobody',
			]);
			expect(unknown.status).toBe(404);
			expect(unknown.body.code).toBe('404002001');
			expect(sandbox.routee.contacts.get('sandbox-contact-1')?.blacklistedServices).toEqual([]);
			expect((await call('DELETE', '/contacts/my/blacklist/Sms', ['nobody'])).body.code).toBe(
				'404002001',
			);
			expect((await call('DELETE', '/contacts/my/blacklist/Sms/groups', ['nope'])).body.code).toBe(
				'404002003',
			);
			for (const body of [{ contacts: ['sandbox-contact-1'] }, [{ id: 'sandbox-contact-1' }]]) {
				const res = await call('POST', '/contacts/my/blacklist/Sms', body);
				expect(res.status).toBe(400);
				expect(res.body.code).toBe('400000000');
				expect(JSON.stringify(res.body.properties)).toContain(
					'JSON array of contact ids is expected',
				);
			}
			expect((await call('DELETE', '/contacts/my/blacklist/Sms')).status).toBe(400);
		});
	});

	describe('campaigns', () => {
		test('a campaign to a group skips contacts blacklisted for its service only', async () => {
			await call('POST', '/contacts/my/blacklist/Sms', ['sandbox-contact-101']);
			await call('POST', '/contacts/my/blacklist/Voice', ['sandbox-contact-102']);
			const sms = await call('POST', '/sms/campaign', {
				from: 'Sandbox',
				body: 'Hi',
				groups: ['sandbox-group'],
				contacts: ['sandbox-contact-101'],
			});
			expect(sms.status).toBe(200);
			expect(sms.body.smsAnalysis.numberOfRecipients).toBe(2);
			expect(sms.body.smsAnalysis.recipientsPerGroup).toEqual({ 'sandbox-group': 2 });
			expect(sms.body.smsAnalysis.contacts['sandbox-contact-101']).toEqual(
				expect.objectContaining({ recipient: '+306900000101', blacklisted: true }),
			);
			expect(Object.keys(sms.body.smsAnalysis.recipientCountries).sort()).toEqual([
				'+306900000102',
				'+306900000103',
			]);
			const voice = await call('POST', '/voice/campaign', {
				from: '+306900000000',
				groups: ['sandbox-group'],
				message: { text: 'Hello', language: 'en-US', gender: 'female' },
			});
			expect(voice.status).toBe(200);
			expect(Object.keys(voice.body.voiceAnalysis.recipientCountries).sort()).toEqual([
				'+306900000101',
				'+306900000103',
			]);
			await until(
				async () =>
					(await call('GET', `/campaigns/${sms.body.trackingId}`)).body.state === 'Finished',
			);
		});

		test('groups and contacts created over the API feed campaigns; unknown groups stay empty; blacklistMobile helper', async () => {
			const contact = await create({ mobile: '+306900000401' });
			await call('POST', '/groups/my', { name: 'New list' });
			await call('POST', '/groups/my/New%20list/contacts', [contact.id]);
			const sms = await call('POST', '/sms/analyze/campaign', {
				from: 'Sandbox',
				body: 'Hi',
				groups: ['New list', 'no such group'],
			});
			expect(sms.status).toBe(200);
			expect(sms.body.recipientsPerGroup).toEqual({ 'New list': 1, 'no such group': 0 });
			sandbox.routee.blacklistMobile('+306900000401', ['Sms']);
			sandbox.routee.blacklistMobile('+306900000999');
			expect((await call('GET', `/contacts/my/${contact.id}`)).body.blacklistedServices).toEqual([
				'Sms',
			]);
			const after = await call('POST', '/sms/analyze/campaign', {
				from: 'Sandbox',
				body: 'Hi',
				to: ['+306900000999', '+306900000998'],
				groups: ['New list'],
			});
			expect(after.body.numberOfRecipients).toBe(1);
			expect(after.body.recipientsPerGroup).toEqual({ 'New list': 0 });
		});
	});
});
