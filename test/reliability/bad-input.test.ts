// Bad input across both action nodes: every case stops with an error that names the field and the
// item (message and `itemIndex`), and the sandbox sees no request at all (not even a token request):
// validation happens before the first call.

import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { type BadInput, type Bed, expectItemError, startBed } from './setup';
import { routeeCases } from './routee-bad-input';

let bed: Bed;
beforeAll(async () => (bed = await startBed()));
afterAll(async () => {
	expect(await bed.stopAndListLeaks()).toEqual([]);
});
beforeEach(() => bed.sandbox.clearRequests());

const PHONE = '+33612345678';
const vms = (overrides: INodeParameters = {}): INodeParameters => ({
	resource: 'voiceSms',
	operation: 'sendCampaign',
	text: 'Hello {first_name}',
	recipients: { recipient: [{ phoneNumber: PHONE, personalization: { firstName: 'Ada' } }] },
	...overrides,
});
const sms = (overrides: INodeParameters = {}): INodeParameters =>
	vms({ resource: 'sms', text: 'Hi {first_name}', ...overrides });
/** One campaign for all input items: each item a contact { phone, name, code }. */
const all = (overrides: INodeParameters = {}): INodeParameters =>
	vms({
		mode: 'allItems',
		text: 'Hello {first_name}',
		phoneNumber: '={{ $json.phone }}',
		personalization: { firstName: '={{ $json.name }}', param1: '={{ $json.code }}' },
		...overrides,
	});
const contacts = (n: number, patch: Record<number, IDataObject> = {}): INodeExecutionData[] =>
	Array.from({ length: n }, (_, i) => ({
		json: {
			phone: `+3361234${String(i).padStart(4, '0')}`,
			name: `N${i}`,
			code: `C${i}`,
			...patch[i],
		},
	}));
/** Three items; item 2 carries `value` under `$json.v`, the others a valid `ok`. */
const third = (ok: string, value: string): INodeExecutionData[] => [
	{ json: { v: ok } },
	{ json: { v: ok } },
	{ json: { v: value } },
];
const listed = (
	...recipients: Array<{ phoneNumber: string; personalization?: Record<string, string> }>
) => ({ recipients: { recipient: recipients } });
const json = (value: string) => ({ recipientsInput: 'json', recipientsJson: value });

const octopushCases: BadInput[] = [
	// phone numbers
	{
		node: 'octopush',
		name: 'letters in a number (all items, item 3)',
		parameters: all(),
		input: contacts(5, { 3: { phone: '+33abc45678' } }),
		item: 3,
		field: 'Phone Number',
	},
	{
		node: 'octopush',
		name: 'an empty number (all items, item 1)',
		parameters: all(),
		input: contacts(3, { 1: { phone: '' } }),
		item: 1,
		field: 'Phone Number',
	},
	{
		node: 'octopush',
		name: 'a national number without default country',
		parameters: all(),
		input: contacts(3, { 2: { phone: '0612345678' } }),
		item: 2,
		field: 'Phone Number',
	},
	{
		node: 'octopush',
		name: 'E.164 with too few digits',
		parameters: all(),
		input: contacts(2, { 1: { phone: '+336123' } }),
		item: 1,
		field: 'Phone Number',
	},
	{
		node: 'octopush',
		name: 'E.164 with too many digits',
		parameters: all(),
		input: contacts(2, { 0: { phone: '+3361234567890123' } }),
		item: 0,
		field: 'Phone Number',
	},
	{
		node: 'octopush',
		name: 'E.164 country code starting with 0',
		parameters: all(),
		input: contacts(4, { 3: { phone: '+0612345678' } }),
		item: 3,
		field: 'Phone Number',
	},
	{
		node: 'octopush',
		name: 'a number that is an object',
		parameters: all(),
		input: contacts(2, { 1: { phone: { n: 1 } } }),
		item: 1,
		field: 'Phone Number',
	},
	{
		node: 'octopush',
		name: 'a bad number among listed recipients',
		parameters: vms(
			listed(
				{ phoneNumber: PHONE, personalization: { firstName: 'A' } },
				{ phoneNumber: '12ab', personalization: { firstName: 'B' } },
			),
		),
		item: 0,
		field: 'Phone Number',
	},
	{
		node: 'octopush',
		name: 'a number too short for the default country',
		parameters: vms({
			...listed({ phoneNumber: '06 12', personalization: { firstName: 'A' } }),
			options: { defaultCountry: 'FR' },
		}),
		item: 0,
		field: 'Phone Number',
	},
	{
		node: 'octopush',
		name: 'a bad number in recipients JSON of item 1',
		parameters: sms({ ...json('={{ JSON.stringify($json.r) }}'), text: 'Hi' }),
		input: [{ json: { r: [PHONE] } }, { json: { r: [PHONE, '555'] } }],
		item: 1,
		field: 'Phone Number',
	},
	// lengths
	{
		node: 'octopush',
		name: 'voice text over 1224 characters',
		parameters: vms({ text: 'a'.repeat(1225) }),
		item: 0,
		field: 'Text',
	},
	{
		node: 'octopush',
		name: 'SMS text over 1224 characters in item 2',
		parameters: sms({ text: '={{ $json.v }}', ...listed({ phoneNumber: PHONE }) }),
		input: third('Hi', 'b'.repeat(1300)),
		item: 2,
		field: 'Text',
	},
	{
		node: 'octopush',
		name: 'empty text in item 2',
		parameters: vms({ text: '={{ $json.v }}' }),
		input: third('Hello {first_name}', ''),
		item: 2,
		field: 'Text',
	},
	{
		node: 'octopush',
		name: 'a first name over 50 characters (item 4)',
		parameters: all(),
		input: contacts(6, { 4: { name: 'x'.repeat(51) } }),
		item: 4,
		field: 'First Name',
	},
	{
		node: 'octopush',
		name: 'a param over 50 characters in a listed recipient',
		parameters: vms(
			listed({ phoneNumber: PHONE, personalization: { firstName: 'A', param5: 'p'.repeat(60) } }),
		),
		item: 0,
		field: 'Param 5',
	},
	{
		node: 'octopush',
		name: 'a last name over 50 characters in recipients JSON',
		parameters: vms({
			text: 'Hi',
			...json(JSON.stringify([{ phone_number: PHONE, last_name: 'l'.repeat(51) }])),
		}),
		item: 0,
		field: 'Last Name',
	},
	// senders
	{
		node: 'octopush',
		name: 'a sender of 2 characters',
		parameters: vms({ sender: 'ab' }),
		item: 0,
		field: 'Sender',
	},
	{
		node: 'octopush',
		name: 'a sender of 12 characters',
		parameters: vms({ sender: 'ABCDEFGHIJKL' }),
		item: 0,
		field: 'Sender',
	},
	{
		node: 'octopush',
		name: 'a sender with a dash',
		parameters: sms({ sender: 'Shop-1' }),
		item: 0,
		field: 'Sender',
	},
	{
		node: 'octopush',
		name: 'a sender with an accent in item 2',
		parameters: sms({ sender: '={{ $json.v }}' }),
		input: third('Shop', 'Café'),
		item: 2,
		field: 'Sender',
	},
	// enums
	{
		node: 'octopush',
		name: 'a voice the docs list as unavailable (male, Swedish) in item 1',
		parameters: vms({ voiceLanguage: 'sv-SE', voiceGender: '={{ $json.v }}' }),
		input: [{ json: { v: 'female' } }, { json: { v: 'male' } }],
		item: 1,
		field: 'Voice Gender',
	},
	{
		node: 'octopush',
		name: 'a voice gender not in the list in item 2',
		parameters: vms({ voiceGender: '={{ $json.v }}' }),
		input: third('male', 'robot'),
		item: 2,
		field: 'Voice Gender',
	},
	{
		node: 'octopush',
		name: 'a purpose not in the list',
		parameters: sms({ options: { purpose: '={{ "spam" }}' } }),
		item: 0,
		field: 'Purpose',
	},
	{
		node: 'octopush',
		name: 'an SMS type not in the list',
		parameters: sms({ smsType: '={{ "sms_free" }}' }),
		item: 0,
		field: 'SMS Type',
	},
	{
		node: 'octopush',
		name: 'a list campaign target that is neither list nor tag',
		parameters: {
			...vms(),
			resource: 'voiceListCampaign',
			operation: 'create',
			target: '={{ "group" }}',
			listName: 'sandbox-list',
			tagName: 'sandbox-tag',
		},
		item: 0,
		field: 'Target',
	},
	// dates
	{
		node: 'octopush',
		name: 'an unparseable send-at',
		parameters: vms({ options: { sendAt: '={{ "next tuesday" }}' } }),
		item: 0,
		field: 'Send At',
	},
	{
		node: 'octopush',
		name: 'a send-at in the past in item 1',
		parameters: sms({ options: { sendAt: '={{ $json.v }}' } }),
		input: [{ json: { v: '2031-01-01T10:00:00Z' } }, { json: { v: '2021-01-01T10:00:00Z' } }],
		item: 1,
		field: 'Send At',
	},
	{
		node: 'octopush',
		name: 'a send-at with month 13',
		parameters: vms({ options: { sendAt: '={{ "2031-13-01T10:00:00+01:00" }}' } }),
		item: 0,
		field: 'Send At',
	},
	// recipient counts
	{
		node: 'octopush',
		name: 'no recipients listed',
		parameters: vms({ recipients: {} }),
		item: 0,
		field: 'Recipients',
	},
	{
		node: 'octopush',
		name: 'an empty recipients JSON array in item 1',
		parameters: sms({ text: 'Hi', ...json('={{ JSON.stringify($json.r) }}') }),
		input: [{ json: { r: [PHONE] } }, { json: { r: [] } }],
		item: 1,
		field: 'Recipients',
	},
	{
		node: 'octopush',
		name: 'a frame size of 0',
		parameters: all({ options: { frameSize: 0 } }),
		input: contacts(2),
		item: 0,
		field: 'Frame Size',
	},
	{
		node: 'octopush',
		name: 'a frame size over 500',
		parameters: vms({ options: { frameSize: 1000 } }),
		item: 0,
		field: 'Frame Size',
	},
	{
		node: 'octopush',
		name: 'frames in parallel over 10',
		parameters: vms({ options: { framesInParallel: 11 } }),
		item: 0,
		field: 'Frames in Parallel',
	},
	// JSON
	{
		node: 'octopush',
		name: 'recipients JSON that does not parse',
		parameters: vms({ text: 'Hi', ...json('[{"phone_number": "+33612345678",]') }),
		item: 0,
		field: 'Recipients (JSON)',
	},
	{
		node: 'octopush',
		name: 'recipients JSON that is an object',
		parameters: vms({ text: 'Hi', ...json('{"phone_number": "+33612345678"}') }),
		item: 0,
		field: 'Recipients (JSON)',
	},
	{
		node: 'octopush',
		name: 'a recipient in JSON with an unknown field',
		parameters: vms({ text: 'Hi', ...json('[{"phone": "+33612345678"}]') }),
		item: 0,
		field: 'Recipient',
	},
	{
		node: 'octopush',
		name: 'a recipient in JSON that is a boolean',
		parameters: vms({ text: 'Hi', ...json('[true]') }),
		item: 0,
		field: 'Recipient',
	},
	{
		node: 'octopush',
		name: 'a first name in JSON that is an object',
		parameters: vms({ ...json(JSON.stringify([{ phone_number: PHONE, first_name: { a: 1 } }])) }),
		item: 0,
		field: 'First Name',
	},
	// placeholders
	{
		node: 'octopush',
		name: 'a placeholder missing for one contact (all items, item 5)',
		parameters: all({ text: 'Hi {first_name}, code {param1}' }),
		input: contacts(7, { 5: { code: '' } }),
		item: 5,
		field: 'Param 1',
	},
	{
		node: 'octopush',
		name: 'a placeholder no recipient field fills',
		parameters: all({ text: 'Hi {last_name}' }),
		input: contacts(2),
		item: 0,
		field: 'Last Name',
	},
	{
		node: 'octopush',
		name: 'a placeholder missing for a listed recipient',
		parameters: vms({
			text: 'Dear {last_name}',
			...listed(
				{ phoneNumber: PHONE, personalization: { lastName: 'Roe' } },
				{ phoneNumber: '+33612345679' },
			),
		}),
		item: 0,
		field: 'Last Name',
	},
	{
		node: 'octopush',
		name: 'an SMS placeholder missing in recipients JSON',
		parameters: sms({ text: 'Hi {first_name}', ...json(JSON.stringify([PHONE])) }),
		item: 0,
		field: 'First Name',
	},
	// the rest
	{
		node: 'octopush',
		name: 'a sender with an underscore',
		parameters: vms({ sender: 'My_Shop' }),
		item: 0,
		field: 'Sender',
	},
	{
		node: 'octopush',
		name: 'two items with the same request id',
		parameters: vms({ options: { requestId: 'same-id' } }),
		input: [{ json: {} }, { json: {} }],
		item: 1,
		field: 'Request ID',
	},
	{
		node: 'octopush',
		name: 'a list campaign without a list name',
		parameters: {
			...vms(),
			resource: 'voiceListCampaign',
			operation: 'create',
			target: 'list',
			listName: '={{ "" }}',
		},
		item: 0,
		field: 'List Name',
	},
	{
		node: 'octopush',
		name: 'a blank ticket number in item 1',
		parameters: {
			resource: 'voiceListCampaign',
			operation: 'send',
			ticketNumber: '={{ $json.t }}',
		},
		input: [{ json: { t: 'voice_1' } }, { json: { t: ' ' } }],
		item: 1,
		field: 'Ticket Number',
	},
];

const cases: BadInput[] = [...octopushCases, ...routeeCases];

test('the table has at least 60 cases across both nodes', () => {
	expect(cases.length).toBeGreaterThanOrEqual(60);
	expect(new Set(cases.map((c) => c.node))).toEqual(new Set(['routee', 'octopush']));
});

describe('bad input: an error naming the field and the item, and nothing sent', () => {
	test.each(cases.map((c) => [`${c.node}: ${c.name}`, c] as const))('%s', async (_name, c) => {
		const result = await bed.run(c.node, c.parameters, { input: c.input });
		expectItemError(bed, result, c.item, c.field);
	});
});
