// Octopush → Contact (Create or Update, Delete) and Contact List (Create, Empty, Delete) against the sandbox, which
// plays the pages https://dev.octopush.com/en/sms-gateway-api-documentation/add-a-contact/ ,
// …/delete-a-contact/ , …/create-a-contact-list/ , https://octopush-api.readme.io/reference/post_public_apicontact_listsempty
// and https://dev.octopush.com/api-sms-documentation/supprimer-une-liste/ .

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { useTestbed } from '../support/testbed';
import { contactItems, startTestbed } from './setup';

const t = useTestbed(
	() => startTestbed({ octopushComputationMs: 0 }),
	(testbed) => {
		const { octopush } = testbed.sandbox;
		octopush.balance = 10_000;
		octopush.contacts.clear();
		octopush.blacklist.clear();
		octopush.lists.clear();
		octopush.lists.set('sandbox-list', ['+33600000101', '+33600000102', '+33600000103']);
		octopush.lists.set('fail-list', ['+33600000201']);
		testbed.sandbox.options.octopushComputationMs = 0;
	},
);

const upsert = (parameters: INodeParameters = {}): INodeParameters => ({
	resource: 'contact',
	operation: 'upsert',
	listName: 'crm',
	recipients: {
		recipient: [
			{ phoneNumber: '+33612345678', personalization: { firstName: 'Ada', param1: 'gold' } },
			{ phoneNumber: '+33698765432', personalization: { lastName: 'Turing' } },
		],
	},
	...parameters,
});

const allItems = (parameters: INodeParameters = {}): INodeParameters => ({
	resource: 'contact',
	operation: 'upsert',
	mode: 'allItems',
	listName: 'crm',
	phoneNumber: '={{ $json.phone }}',
	personalization: { firstName: '={{ $json.name }}', param1: '={{ $json.code }}' },
	...parameters,
});

const CREATE = '/contact/create';
const members = (list: string) => t.sandbox.octopush.lists.get(list);

describe('Contact → Create or Update', () => {
	test('one request per item: the body of the add-a-contact page, the list and the contacts on the account', async () => {
		const r = await t.run(
			upsert({ options: { doNotOverwrite: true, autoRemoveBlacklistedNumbers: true } }),
			{
				typeVersion: 2,
			},
		);
		expect(r.error).toBeUndefined();
		expect(t.bodies('POST', '/contact/create')).toEqual([
			{
				list_name: 'crm',
				contacts: [
					{ phone_number: '+33612345678', first_name: 'Ada', param1: 'gold' },
					{ phone_number: '+33698765432', last_name: 'Turing' },
				],
				auto_remove_blacklisted_numbers: true,
				do_not_overwrite: true,
			},
		]);
		expect(r.items).toEqual([
			{
				json: { list_name: 'crm', contacts: 2, frame: 1, frames: 1 },
				pairedItem: [{ item: 0 }],
			},
		]);
		expect(members('crm')).toEqual(['+33612345678', '+33698765432']);
		expect(t.sandbox.octopush.contacts.get('+33612345678')).toEqual({
			phone_number: '+33612345678',
			first_name: 'Ada',
			param1: 'gold',
		});
	});

	test('an existing contact is updated, or kept with Do Not Overwrite', async () => {
		await t.run(upsert());
		await t.run(
			upsert({
				recipients: {
					recipient: [{ phoneNumber: '+33612345678', personalization: { firstName: 'Grace' } }],
				},
				options: { doNotOverwrite: true },
			}),
		);
		expect(t.sandbox.octopush.contacts.get('+33612345678')?.first_name).toBe('Ada');
		await t.run(
			upsert({
				recipients: {
					recipient: [{ phoneNumber: '+33612345678', personalization: { firstName: 'Grace' } }],
				},
			}),
		);
		expect(t.sandbox.octopush.contacts.get('+33612345678')?.first_name).toBe('Grace');
	});

	test('all items → one request: 450 contacts go out in frames of 200, each output item paired with its contacts', async () => {
		const r = await t.run(allItems(), { input: contactItems(450) });
		expect(r.error).toBeUndefined();
		const bodies = t.bodies('POST', '/contact/create') as Array<{ contacts: unknown[] }>;
		expect(bodies.map((b) => b.contacts.length)).toEqual([200, 200, 50]);
		expect(bodies[2].contacts[49]).toEqual({
			phone_number: '+33610000449',
			first_name: 'Name449',
			param1: 'C449',
		});
		expect(r.items.map((i) => i.json)).toEqual([
			{ list_name: 'crm', contacts: 200, frame: 1, frames: 3 },
			{ list_name: 'crm', contacts: 200, frame: 2, frames: 3 },
			{ list_name: 'crm', contacts: 50, frame: 3, frames: 3 },
		]);
		expect(r.items[2].pairedItem).toHaveLength(50);
		expect((r.items[2].pairedItem as Array<{ item: number }>)[0]).toEqual({ item: 400 });
		expect(members('crm')).toHaveLength(450);
	});

	test('a missing phone number on item 3 of 5: nothing is sent, the error names the item', async () => {
		const r = await t.run(allItems(), { input: contactItems(5, { 3: { phone: '' } }) });
		expect(r.error?.message).toMatch(/Phone Number/);
		expect(r.error?.message).toMatch(/\[item 3\]/);
		expect(t.sandbox.requestsTo('octopush', 'POST', '/contact/create')).toHaveLength(0);
		expect(members('crm')).toBeUndefined();
	});

	test('a bad number in a later frame: nothing is sent (every frame is checked first)', async () => {
		const r = await t.run(allItems(), { input: contactItems(450, { 420: { phone: '12' } }) });
		expect(r.error?.message).toMatch(/\[item 420\]/);
		expect(t.sandbox.requestsTo('octopush', 'POST', '/contact/create')).toHaveLength(0);
	});

	test('a number listed twice is sent as listed (Octopush documents no rule against it: its answer decides)', async () => {
		const r = await t.run(allItems(), {
			input: contactItems(3, { 2: { phone: '+33610000000', name: 'Other' } }),
		});
		expect(r.error).toBeUndefined();
		const [body] = t.bodies('POST', '/contact/create') as Array<{ contacts: IDataObject[] }>;
		expect(body.contacts.map((c) => c.phone_number)).toEqual([
			'+33610000000',
			'+33610000001',
			'+33610000000',
		]);
	});

	test('a list name longer than 30 characters is refused before the request', async () => {
		const r = await t.run(upsert({ listName: 'x'.repeat(31) }));
		expect(r.error?.message).toMatch(/List Name/);
		expect(r.error?.message).toMatch(/\[item 0\]/);
		expect(t.sandbox.requests).toHaveLength(0);
	});

	test('frame 2 refused: the error says frame 1 was written and frame 3 was not sent', async () => {
		const armFrame2 = async () => {
			t.sandbox.injectFault({ provider: 'octopush', method: 'POST', path: CREATE, delayMs: 300 });
			for (let waited = 0; waited < 5000; waited += 5) {
				if (t.sandbox.requestsTo('octopush', 'POST', CREATE).length >= 1) break;
				await new Promise((resolve) => setTimeout(resolve, 5));
			}
			t.sandbox.injectFault({
				provider: 'octopush',
				method: 'POST',
				path: CREATE,
				status: 400,
				body: {
					code: 400,
					message: 'Payload validation error.',
					errors: { contacts: { code: 434, message: 'Bad contacts.' } },
				},
			});
		};
		const [r] = await Promise.all([t.run(allItems(), { input: contactItems(450) }), armFrame2()]);
		expect(r.error?.message).toMatch(/^Octopush refused frame 2 of 3: .*\[item 0\]$/);
		expect(r.error?.description).toMatch(
			/Already added to or updated in list "crm": frame 1 \(200 contacts\)/,
		);
		expect(t.sandbox.requestsTo('octopush', 'POST', CREATE).map((q) => q.status)).toEqual([
			201, 400,
		]);
		expect(members('crm')).toHaveLength(200);
	});

	test('continue on fail: an invalid item becomes an error item, the others are written', async () => {
		const r = await t.run(
			upsert({
				recipients: undefined,
				recipientsInput: 'json',
				recipientsJson: '={{ JSON.stringify([$json.phone]) }}',
			}),
			{
				continueOnFail: true,
				input: [{ json: { phone: '+33611111111' } }, { json: { phone: 'nope' } }],
			},
		);
		expect(r.error).toBeUndefined();
		expect(r.items[0].json).toEqual({ list_name: 'crm', contacts: 1, frame: 1, frames: 1 });
		expect(r.items[1]).toEqual({
			json: expect.objectContaining({ error: expect.stringMatching(/Phone Number.*\[item 1\]/) }),
			pairedItem: { item: 1 },
		});
		expect(members('crm')).toEqual(['+33611111111']);
	});

	test('as an AI agent tool (version 2): more contacts than Max Recipients per Tool Call are refused, nothing written', async () => {
		const recipients = {
			recipient: Array.from({ length: 11 }, (_, i) => ({
				phoneNumber: `+3361000000${String(i).padStart(2, '0')}`,
			})),
		};
		const r = await t.run(upsert({ recipients }), { asTool: true, typeVersion: 2 });
		expect(r.error?.message).toMatch(/more than Max Recipients per Tool Call \(10\)/);
		expect(t.sandbox.requests).toHaveLength(0);
	});
});

describe('Contact → Delete', () => {
	test('from a list: DELETE /contact/delete with phone_numbers and list_name; the contacts stay on the account', async () => {
		await t.run(upsert());
		t.sandbox.clearRequests();
		const r = await t.run({
			resource: 'contact',
			operation: 'delete',
			listName: 'crm',
			phoneNumbers: '+33612345678, 06 98 76 54 32',
			options: { defaultCountry: 'FR' },
		});
		expect(r.error).toBeUndefined();
		expect(t.bodies('DELETE', '/contact/delete')).toEqual([
			{ list_name: 'crm', phone_numbers: ['+33612345678', '+33698765432'] },
		]);
		expect(r.items).toEqual([
			{
				json: { list_name: 'crm', phone_numbers: 2, frame: 1, frames: 1 },
				pairedItem: [{ item: 0 }],
			},
		]);
		expect(members('crm')).toEqual([]);
		expect(t.sandbox.octopush.contacts.has('+33612345678')).toBe(true);
	});

	test('without a list: the contacts leave the account and every list', async () => {
		await t.run(upsert());
		const r = await t.run(
			{
				resource: 'contact',
				operation: 'delete',
				mode: 'allItems',
				phoneNumber: '={{ $json.phone }}',
			},
			{ input: [{ json: { phone: '+33612345678' } }] },
		);
		expect(r.error).toBeUndefined();
		expect(t.bodies('DELETE', '/contact/delete')).toEqual([{ phone_numbers: ['+33612345678'] }]);
		expect(members('crm')).toEqual(['+33698765432']);
		expect(t.sandbox.octopush.contacts.has('+33612345678')).toBe(false);
	});

	test('450 numbers go out in frames of 200 (the documented 1 to 200)', async () => {
		const r = await t.run(
			{
				resource: 'contact',
				operation: 'delete',
				mode: 'allItems',
				phoneNumber: '={{ $json.phone }}',
			},
			{ input: contactItems(450) },
		);
		expect(r.error).toBeUndefined();
		expect(
			(t.bodies('DELETE', '/contact/delete') as Array<{ phone_numbers: unknown[] }>).map(
				(b) => b.phone_numbers.length,
			),
		).toEqual([200, 200, 50]);
	});

	test("an unknown list: Octopush's answer, item-indexed", async () => {
		const r = await t.run({
			resource: 'contact',
			operation: 'delete',
			listName: 'no-such-list',
			phoneNumbers: '+33612345678',
		});
		expect(r.error?.message).toMatch(/Unknown contact list: no-such-list/);
		expect(r.error?.message).toMatch(/\[item 0\]$/);
		expect(r.error?.context?.itemIndex).toBe(0);
	});

	test('no phone number: refused before the request', async () => {
		const r = await t.run({
			resource: 'contact',
			operation: 'delete',
			listName: 'crm',
			phoneNumbers: '={{ $json.none }}',
		});
		expect(r.error?.message).toMatch(/Phone Numbers.*\[item 0\]/);
		expect(t.sandbox.requests).toHaveLength(0);
	});
});

describe('Contact List', () => {
	const list = (operation: string, parameters: INodeParameters = {}): INodeParameters => ({
		resource: 'contactList',
		operation,
		listName: 'crm',
		...parameters,
	});

	test('Create: POST /contact-list/create {list_name}; the list exists, empty', async () => {
		const r = await t.run(list('create'));
		expect(r.error).toBeUndefined();
		expect(t.bodies('POST', '/contact-list/create')).toEqual([{ list_name: 'crm' }]);
		expect(r.items).toEqual([
			{ json: { list_name: 'crm', created: true }, pairedItem: { item: 0 } },
		]);
		expect(members('crm')).toEqual([]);
	});

	test("Create a list that exists: Octopush's refusal, item-indexed", async () => {
		const r = await t.run(list('create', { listName: 'sandbox-list' }));
		expect(r.error?.message).toBe(
			'Octopush refused the request: List Name (list_name): A contact list named sandbox-list already exists. (code 452)',
		);
		expect(r.error?.context?.itemIndex).toBe(0);
	});

	test('Empty: POST /contact-list/empty; the list stays, its contacts stay on the account', async () => {
		await t.run(upsert());
		const r = await t.run(list('empty'));
		expect(r.error).toBeUndefined();
		expect(t.bodies('POST', '/contact-list/empty')).toEqual([{ list_name: 'crm' }]);
		expect(r.items[0].json).toEqual({
			list_name: 'crm',
			emptied: true,
			contacts_deleted_from_account: false,
		});
		expect(members('crm')).toEqual([]);
		expect(t.sandbox.octopush.contacts.size).toBe(2);
	});

	test('Empty with Delete Contacts From Account: delete_contacts true; the contacts leave the account', async () => {
		await t.run(upsert());
		const r = await t.run(list('empty', { deleteContacts: true }));
		expect(r.error).toBeUndefined();
		expect(t.bodies('POST', '/contact-list/empty')).toEqual([
			{ list_name: 'crm', delete_contacts: true },
		]);
		expect(t.sandbox.octopush.contacts.size).toBe(0);
	});

	test('Delete: DELETE /contact-list/delete {list_name}; the list is gone', async () => {
		const r = await t.run(list('delete', { listName: 'sandbox-list' }));
		expect(r.error).toBeUndefined();
		expect(t.bodies('DELETE', '/contact-list/delete')).toEqual([{ list_name: 'sandbox-list' }]);
		expect(r.items[0].json).toEqual({ list_name: 'sandbox-list', deleted: true });
		expect(members('sandbox-list')).toBeUndefined();
	});

	test("Empty or Delete an unknown list: Octopush's answer per item; with Continue On Fail the other items go on", async () => {
		const r = await t.run(list('delete', { listName: '={{ $json.list }}' }), {
			continueOnFail: true,
			input: [{ json: { list: 'nope' } }, { json: { list: 'fail-list' } }],
		});
		expect(r.error).toBeUndefined();
		expect(r.items[0]).toEqual({
			json: expect.objectContaining({ error: expect.stringMatching(/Unknown contact list: nope/) }),
			pairedItem: { item: 0 },
		});
		expect(r.items[1].json).toEqual({ list_name: 'fail-list', deleted: true });
		const empty = await t.run(list('empty', { listName: 'nope' }));
		expect(empty.error?.message).toMatch(/Unknown contact list: nope/);
	});

	test('an empty List Name is refused before the request', async () => {
		const r = await t.run(list('create', { listName: '  ' }));
		expect(r.error?.message).toMatch(/List Name.*\[item 0\]/);
		expect(t.sandbox.requests).toHaveLength(0);
	});
});

describe('Contact → Create or Update, then Voice List Campaign → Create and Send on that list', () => {
	test('the campaign reaches the contacts the node put in the list, with their first names', async () => {
		await t.run(list0('create'));
		const filled = await t.run(allItems({ listName: 'vip' }), { input: contactItems(3) });
		expect(filled.error).toBeUndefined();
		const created = await t.run(
			{
				resource: 'voiceListCampaign',
				operation: 'create',
				target: 'list',
				listName: 'vip',
				text: 'Hello {first_name}.',
				recipients: {},
				voiceLanguage: 'en-GB',
				voiceGender: 'female',
				waitAndSend: true,
				pollInterval: 1,
				timeout: 10,
			},
			{ typeVersion: 2 },
		);
		expect(created.error).toBeUndefined();
		expect(created.items[0].json).toMatchObject({
			sent: true,
			send_response: { number_of_contacts: 3 },
		});
		const ticket = t.sandbox.octopush.tickets.get(created.items[0].json.ticket_number as string);
		expect(ticket?.sent).toBe(true);
		expect(ticket?.recipients).toEqual([
			{ phone_number: '+33610000000', first_name: 'Name0', param1: 'C0' },
			{ phone_number: '+33610000001', first_name: 'Name1', param1: 'C1' },
			{ phone_number: '+33610000002', first_name: 'Name2', param1: 'C2' },
		]);
	});
});

function list0(operation: string): INodeParameters {
	return { resource: 'contactList', operation, listName: 'vip' };
}
