// The Octopush node's bad-input table: every case stops with an error that names the item, the field and the
// rule, and the sandbox sees no request at all: validation happens before the first call. The bed is leak-checked:
// no secret may appear in anything these runs show.

// first: the leak capture must be recording before n8n loads
import { startLeakCheckedTestbed } from '../support/leak-checked-testbed';

import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { describeBadInput, type BadInputCase } from '../support/bad-input';
import { useTestbed } from '../support/testbed';
import { contactItems } from './setup';

const bed = useTestbed(startLeakCheckedTestbed);
const VOICE_LANGUAGES_URL =
	'https://dev.octopush.com/en/sms-gateway-api-documentation/voice-sms-api/send-voice-sms/';

const voice = (overrides: INodeParameters = {}): INodeParameters => ({
	resource: 'voiceSms',
	operation: 'sendCampaign',
	text: 'Hello {first_name}',
	recipients: {
		recipient: [{ phoneNumber: '+33612345678', personalization: { firstName: 'Ada' } }],
	},
	...overrides,
});
const allItems = (overrides: INodeParameters = {}): INodeParameters =>
	voice({
		mode: 'allItems',
		phoneNumber: '={{ $json.phone }}',
		personalization: { firstName: '={{ $json.name }}' },
		...overrides,
	});
const people = (...phones: string[]): INodeExecutionData[] =>
	phones.map((phone, i) => ({ json: { phone, name: `P${i}` } }));

const PHONE = '+33612345678';
const sms = (overrides: INodeParameters = {}): INodeParameters =>
	voice({ resource: 'sms', text: 'Hi {first_name}', ...overrides });
/** One campaign for all input items, each a contact `contactItems` makes: { phone, name, code }. */
const contactCampaign = (overrides: INodeParameters = {}): INodeParameters =>
	allItems({
		personalization: { firstName: '={{ $json.name }}', param1: '={{ $json.code }}' },
		...overrides,
	});
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

const cases: BadInputCase[] = [
	{
		name: 'a non-E.164 number in one of the items (all items mode)',
		parameters: allItems(),
		input: people('+33612345678', '+33612345679', '0612345678'),
		message: 'Phone Number is not valid [item 2]',
		description:
			"Phone Number is a national number ('0612345678'): set a Default Country in Options to read it.",
		itemIndex: 2,
	},
	{
		name: 'a non-E.164 number among the recipients of an item',
		parameters: voice({
			recipients: {
				recipient: [
					{ phoneNumber: '+33612345678', personalization: { firstName: 'A' } },
					{ phoneNumber: '12ab', personalization: { firstName: 'B' } },
				],
			},
		}),
		message: 'Phone Number of recipient 2 is not valid [item 0]',
		description:
			/^Phone Number of recipient 2 may hold only digits, a leading \+, spaces, dots, dashes and brackets, got '12ab'\.$/,
		itemIndex: 0,
	},
	{
		name: 'a number too short for its country, with a default country',
		parameters: voice({
			recipients: { recipient: [{ phoneNumber: '06 12', personalization: { firstName: 'A' } }] },
			options: { defaultCountry: 'FR' },
		}),
		message: 'Phone Number of recipient 1 is not valid [item 0]',
		description: /^Phone Number of recipient 1 is not a France number \('06 12'\): expected /,
		itemIndex: 0,
	},
	{
		name: 'no recipients',
		parameters: voice({ recipients: {} }),
		message: 'Recipients is not valid [item 0]',
		description: 'Recipients must not be empty: add at least one recipient.',
		itemIndex: 0,
	},
	{
		name: 'recipients JSON that is not an array',
		parameters: voice({
			recipientsInput: 'json',
			recipientsJson: '{"phone_number": "+33612345678"}',
		}),
		message: 'Recipients (JSON) is not valid [item 0]',
		description: 'Recipients (JSON) must be an array of phone numbers or contacts.',
		itemIndex: 0,
	},
	{
		name: 'a recipient in JSON with an unknown field',
		parameters: voice({
			text: 'Hi',
			recipientsInput: 'json',
			recipientsJson: '[{"phone": "+33612345678"}]',
		}),
		message: 'Recipient 1 is not valid [item 0]',
		description: /^Recipient 1 has unknown field "phone": use phone_number, first_name/,
		itemIndex: 0,
		field: 'Recipient',
	},
	{
		// a literal empty Text is refused by n8n itself ("Parameter "Text" is required"); an expression can still be empty
		name: 'empty text',
		parameters: voice({ text: '={{ $json.missing ?? "" }}' }),
		message: 'Text is not valid [item 0]',
		description: 'Text must not be empty.',
		itemIndex: 0,
	},
	{
		name: 'text over 1224 characters',
		parameters: voice({ text: 'a'.repeat(1225) }),
		message: 'Text is not valid [item 0]',
		description: 'Text must be at most 1224 characters, it has 1225.',
		itemIndex: 0,
	},
	{
		name: 'a placeholder used but missing for one recipient',
		parameters: allItems({
			text: 'Hi {first_name}, code {param1}',
			personalization: { firstName: '={{ $json.name }}', param1: '={{ $json.code }}' },
		}),
		input: [
			{ json: { phone: '+33612345678', name: 'A', code: 'X1' } },
			{ json: { phone: '+33612345679', name: 'B', code: 'X2' } },
			{ json: { phone: '+33612345670', name: 'C' } },
		],
		message: 'Param 1 is not valid [item 2]',
		// issue 22, N5: the fix names the option that sends or skips such recipients
		description:
			'Param 1 is missing, but the text uses the placeholder {param1}: give every recipient a value, or set Options → Recipients Missing a Placeholder Value to Send or Skip Them.',
		itemIndex: 2,
	},
	{
		name: 'a placeholder missing for an item in the second frame (all items mode)',
		parameters: allItems({
			text: 'Hi {first_name}, code {param1}',
			personalization: { firstName: '={{ $json.name }}', param1: '={{ $json.code }}' },
			options: { frameSize: 2 },
		}),
		input: [
			{ json: { phone: '+33612345671', name: 'A', code: 'X1' } },
			{ json: { phone: '+33612345672', name: 'B', code: 'X2' } },
			{ json: { phone: '+33612345673', name: 'C', code: 'X3' } },
			{ json: { phone: '+33612345674', name: 'D' } },
			{ json: { phone: '+33612345675', name: 'E', code: 'X5' } },
		],
		message: 'Param 1 is not valid [item 3]',
		// issue 22, N5: the fix names the option that sends or skips such recipients
		description:
			'Param 1 is missing, but the text uses the placeholder {param1}: give every recipient a value, or set Options → Recipients Missing a Placeholder Value to Send or Skip Them.',
		itemIndex: 3,
	},
	{
		name: 'a param over 50 characters for a recipient in the second frame of an item',
		parameters: voice({
			recipients: {
				recipient: ['+33612345671', '+33612345672', '+33612345673', '+33612345674'].map(
					(phoneNumber, i) => ({
						phoneNumber,
						personalization: { firstName: 'A', param2: i === 3 ? 'x'.repeat(51) : 'ok' },
					}),
				),
			},
			options: { frameSize: 2 },
		}),
		message: 'Param 2 of recipient 4 is not valid [item 0]',
		description: 'Param 2 of recipient 4 must be at most 50 characters.',
		itemIndex: 0,
	},
	{
		name: 'a param over 50 characters',
		parameters: voice({
			recipients: {
				recipient: [
					{
						phoneNumber: '+33612345678',
						personalization: { firstName: 'A', param2: 'x'.repeat(51) },
					},
				],
			},
		}),
		message: 'Param 2 of recipient 1 is not valid [item 0]',
		description: 'Param 2 of recipient 1 must be at most 50 characters.',
		itemIndex: 0,
	},
	{
		name: 'a sender of 2 characters',
		parameters: voice({ sender: 'ab' }),
		message: 'Sender is not valid [item 0]',
		description: 'Sender must be 3 to 11 letters, digits or spaces (a-zA-Z0-9 and space)',
		itemIndex: 0,
		field: 'Sender',
	},
	{
		name: 'a sender with a dash',
		parameters: voice({ sender: 'My-Shop' }),
		message: 'Sender is not valid [item 0]',
		description: 'Sender must be 3 to 11 letters, digits or spaces (a-zA-Z0-9 and space)',
		itemIndex: 0,
	},
	{
		name: 'a sender of 12 characters',
		parameters: voice({ sender: 'My Shop 1234' }),
		message: 'Sender is not valid [item 0]',
		description: 'Sender must be 3 to 11 letters, digits or spaces (a-zA-Z0-9 and space)',
		itemIndex: 0,
		field: 'Sender',
	},
	{
		name: 'a purpose not in the list',
		parameters: voice({ options: { purpose: '={{ "spam" }}' } }),
		message: 'Purpose is not valid [item 0]',
		description: 'Purpose must be one of alert, wholesale, got "spam".',
		itemIndex: 0,
	},
	{
		name: 'a voice gender not in the list',
		parameters: voice({ voiceGender: '={{ "robot" }}' }),
		message: 'Voice Gender is not valid [item 0]',
		description: 'Voice Gender must be one of female, male, got "robot".',
		itemIndex: 0,
	},
	{
		name: 'a voice the docs list as unavailable (male, Swedish)',
		parameters: voice({ voiceLanguage: 'sv-SE', voiceGender: 'male' }),
		message: `Voice Gender is not valid [item 0]`,
		description: `Voice Gender must be female for Swedish (Sweden) (sv-SE): Octopush lists no male voice for it (${VOICE_LANGUAGES_URL})`,
		itemIndex: 0,
	},
	{
		name: 'a voice the docs list as unavailable (male, Korean), by expression',
		parameters: voice({ voiceLanguage: '={{ "ko-KR" }}', voiceGender: '={{ "male" }}' }),
		message: `Voice Gender is not valid [item 0]`,
		description: `Voice Gender must be female for Korean (South Korea) (ko-KR): Octopush lists no male voice for it (${VOICE_LANGUAGES_URL})`,
		itemIndex: 0,
	},
	{
		name: 'an SMS type not in the list',
		parameters: sms({ text: 'Hi', smsType: '={{ "sms_free" }}' }),
		message: 'SMS Type is not valid [item 0]',
		description: 'SMS Type must be one of sms_premium, sms_low_cost, got "sms_free".',
		itemIndex: 0,
		field: 'SMS Type',
	},
	{
		name: 'an unparseable send-at',
		parameters: voice({ options: { sendAt: '={{ "next tuesday" }}' } }),
		message: 'Send At is not valid [item 0]',
		description: /^Send At is not a valid date-time: 'next tuesday' is not a date-time/,
		itemIndex: 0,
		field: 'Send At',
	},
	{
		name: 'a frame size of 0',
		parameters: voice({ options: { frameSize: 0 } }),
		message: 'Frame Size is not valid [item 0]',
		description: 'Frame Size must be a whole number from 1 to 500, got 0.',
		itemIndex: 0,
	},
	{
		name: 'a frame size over 500',
		parameters: voice({ options: { frameSize: 501 } }),
		message: 'Frame Size is not valid [item 0]',
		description: 'Frame Size must be a whole number from 1 to 500, got 501.',
		itemIndex: 0,
		field: 'Frame Size',
	},
	{
		name: 'frames in parallel out of range',
		parameters: voice({ options: { framesInParallel: 0 } }),
		message: 'Frames in Parallel is not valid [item 0]',
		description: 'Frames in Parallel must be a whole number from 1 to 10, got 0.',
		itemIndex: 0,
	},
	{
		name: 'two items with the same request id',
		parameters: voice({ options: { requestId: 'same' } }),
		input: [{ json: {} }, { json: {} }],
		message: 'Request ID is not valid [item 1]',
		description:
			'Request ID "same" is already used by the campaign of item 0: each campaign needs its own.',
		itemIndex: 1,
		field: 'Request ID',
	},
	{
		name: 'the second item is invalid: the first is not sent either',
		parameters: voice({ text: '={{ $json.text }}' }),
		input: [{ json: { text: 'Fine {first_name}' } }, { json: { text: '' } }],
		message: 'Text is not valid [item 1]',
		description: 'Text must not be empty.',
		itemIndex: 1,
	},
	{
		name: 'a list campaign without a list name',
		parameters: {
			...voice(),
			resource: 'voiceListCampaign',
			operation: 'create',
			target: 'list',
			listName: '={{ "" }}',
		},
		message: 'List Name is not valid [item 0]',
		description: 'List Name must not be empty.',
		itemIndex: 0,
		field: 'List Name',
	},
	{
		name: 'a list campaign with a voice the docs list as unavailable (male, Swedish)',
		parameters: {
			...voice(),
			resource: 'voiceListCampaign',
			operation: 'create',
			listName: 'sandbox-list',
			voiceLanguage: 'sv-SE',
			voiceGender: 'male',
		},
		message: `Voice Gender is not valid [item 0]`,
		description: `Voice Gender must be female for Swedish (Sweden) (sv-SE): Octopush lists no male voice for it (${VOICE_LANGUAGES_URL})`,
		itemIndex: 0,
	},
	{
		name: 'a list campaign poll interval under 1 second',
		parameters: {
			...voice(),
			resource: 'voiceListCampaign',
			operation: 'create',
			listName: 'sandbox-list',
			waitAndSend: true,
			pollInterval: 0,
		},
		message: 'Poll Interval (Seconds) is not valid [item 0]',
		description: 'Poll Interval (Seconds) must be a number of seconds of at least 1, got 0.',
		itemIndex: 0,
	},
	{
		name: 'an empty ticket number',
		parameters: {
			resource: 'voiceListCampaign',
			operation: 'send',
			ticketNumber: '={{ $json.ticket }}',
		},
		input: [{ json: { ticket: 'voice_1' } }, { json: { ticket: ' ' } }],
		message: 'Ticket Number is not valid [item 1]',
		description: 'Ticket Number must not be empty.',
		itemIndex: 1,
	},

	// rows checked by the item and the field their error names
	// phone numbers
	{
		name: 'letters in a number (all items, item 3)',
		parameters: contactCampaign(),
		input: contactItems(5, { 3: { phone: '+33abc45678' } }),
		itemIndex: 3,
		field: 'Phone Number',
	},
	{
		name: 'an empty number (all items, item 1)',
		parameters: contactCampaign(),
		input: contactItems(3, { 1: { phone: '' } }),
		itemIndex: 1,
		field: 'Phone Number',
	},
	{
		name: 'a national number without default country',
		parameters: contactCampaign(),
		input: contactItems(3, { 2: { phone: '0612345678' } }),
		itemIndex: 2,
		field: 'Phone Number',
	},
	{
		name: 'E.164 with too few digits',
		parameters: contactCampaign(),
		input: contactItems(2, { 1: { phone: '+336123' } }),
		itemIndex: 1,
		field: 'Phone Number',
	},
	{
		name: 'E.164 with too many digits',
		parameters: contactCampaign(),
		input: contactItems(2, { 0: { phone: '+3361234567890123' } }),
		itemIndex: 0,
		field: 'Phone Number',
	},
	{
		name: 'E.164 country code starting with 0',
		parameters: contactCampaign(),
		input: contactItems(4, { 3: { phone: '+0612345678' } }),
		itemIndex: 3,
		field: 'Phone Number',
	},
	{
		name: 'a number that is an object',
		parameters: contactCampaign(),
		input: contactItems(2, { 1: { phone: { n: 1 } } }),
		itemIndex: 1,
		field: 'Phone Number',
	},
	{
		name: 'a bad number among listed recipients',
		parameters: voice(
			listed(
				{ phoneNumber: PHONE, personalization: { firstName: 'A' } },
				{ phoneNumber: '12ab', personalization: { firstName: 'B' } },
			),
		),
		itemIndex: 0,
		field: 'Phone Number',
	},
	{
		name: 'a number too short for the default country',
		parameters: voice({
			...listed({ phoneNumber: '06 12', personalization: { firstName: 'A' } }),
			options: { defaultCountry: 'FR' },
		}),
		itemIndex: 0,
		field: 'Phone Number',
	},
	{
		name: 'a bad number in recipients JSON of item 1',
		parameters: sms({ ...json('={{ JSON.stringify($json.r) }}'), text: 'Hi' }),
		input: [{ json: { r: [PHONE] } }, { json: { r: [PHONE, '555'] } }],
		itemIndex: 1,
		field: 'Phone Number',
	},
	// lengths
	{
		name: 'voice text over 1224 characters',
		parameters: voice({ text: 'a'.repeat(1225) }),
		itemIndex: 0,
		field: 'Text',
	},
	{
		name: 'SMS text over 1224 characters in item 2',
		parameters: sms({ text: '={{ $json.v }}', ...listed({ phoneNumber: PHONE }) }),
		input: third('Hi', 'b'.repeat(1300)),
		itemIndex: 2,
		field: 'Text',
	},
	{
		name: 'empty text in item 2',
		parameters: voice({ text: '={{ $json.v }}' }),
		input: third('Hello {first_name}', ''),
		itemIndex: 2,
		field: 'Text',
	},
	{
		name: 'a first name over 50 characters (item 4)',
		parameters: contactCampaign(),
		input: contactItems(6, { 4: { name: 'x'.repeat(51) } }),
		itemIndex: 4,
		field: 'First Name',
	},
	{
		name: 'a param over 50 characters in a listed recipient',
		parameters: voice(
			listed({ phoneNumber: PHONE, personalization: { firstName: 'A', param5: 'p'.repeat(60) } }),
		),
		itemIndex: 0,
		field: 'Param 5',
	},
	{
		name: 'a last name over 50 characters in recipients JSON',
		parameters: voice({
			text: 'Hi',
			...json(JSON.stringify([{ phone_number: PHONE, last_name: 'l'.repeat(51) }])),
		}),
		itemIndex: 0,
		field: 'Last Name',
	},
	// senders
	{
		name: 'a sender with a dash (SMS)',
		parameters: sms({ sender: 'Shop-1' }),
		itemIndex: 0,
		field: 'Sender',
	},
	{
		name: 'a sender with an accent in item 2',
		parameters: sms({ sender: '={{ $json.v }}' }),
		input: third('Shop', 'Café'),
		itemIndex: 2,
		field: 'Sender',
	},
	// enums
	{
		name: 'a voice the docs list as unavailable (male, Swedish) in item 1',
		parameters: voice({ voiceLanguage: 'sv-SE', voiceGender: '={{ $json.v }}' }),
		input: [{ json: { v: 'female' } }, { json: { v: 'male' } }],
		itemIndex: 1,
		field: 'Voice Gender',
	},
	{
		name: 'a voice gender not in the list in item 2',
		parameters: voice({ voiceGender: '={{ $json.v }}' }),
		input: third('male', 'robot'),
		itemIndex: 2,
		field: 'Voice Gender',
	},
	{
		name: 'a purpose not in the list (SMS)',
		parameters: sms({ options: { purpose: '={{ "spam" }}' } }),
		itemIndex: 0,
		field: 'Purpose',
	},
	{
		name: 'a list campaign target that is neither list nor tag',
		parameters: {
			...voice(),
			resource: 'voiceListCampaign',
			operation: 'create',
			target: '={{ "group" }}',
			listName: 'sandbox-list',
			tagName: 'sandbox-tag',
		},
		itemIndex: 0,
		field: 'Target',
	},
	// dates
	{
		name: 'a send-at with month 13',
		parameters: voice({ options: { sendAt: '={{ "2031-13-01T10:00:00+01:00" }}' } }),
		itemIndex: 0,
		field: 'Send At',
	},
	// recipient counts
	{
		name: 'no recipients listed',
		parameters: voice({ recipients: {} }),
		itemIndex: 0,
		field: 'Recipients',
	},
	{
		name: 'an empty recipients JSON array in item 1',
		parameters: sms({ text: 'Hi', ...json('={{ JSON.stringify($json.r) }}') }),
		input: [{ json: { r: [PHONE] } }, { json: { r: [] } }],
		itemIndex: 1,
		field: 'Recipients',
	},
	{
		name: 'a frame size of 0 (all items)',
		parameters: contactCampaign({ options: { frameSize: 0 } }),
		input: contactItems(2),
		itemIndex: 0,
		field: 'Frame Size',
	},
	{
		name: 'frames in parallel over 10',
		parameters: voice({ options: { framesInParallel: 11 } }),
		itemIndex: 0,
		field: 'Frames in Parallel',
	},
	// JSON
	{
		name: 'recipients JSON that does not parse',
		parameters: voice({ text: 'Hi', ...json('[{"phone_number": "+33612345678",]') }),
		itemIndex: 0,
		field: 'Recipients (JSON)',
	},
	{
		name: 'recipients JSON that is an object',
		parameters: voice({ text: 'Hi', ...json('{"phone_number": "+33612345678"}') }),
		itemIndex: 0,
		field: 'Recipients (JSON)',
	},
	{
		name: 'a recipient in JSON that is a boolean',
		parameters: voice({ text: 'Hi', ...json('[true]') }),
		itemIndex: 0,
		field: 'Recipient',
	},
	{
		name: 'a first name in JSON that is an object',
		parameters: voice({ ...json(JSON.stringify([{ phone_number: PHONE, first_name: { a: 1 } }])) }),
		itemIndex: 0,
		field: 'First Name',
	},
	// placeholders
	{
		name: 'a placeholder missing for one contact (all items, item 5)',
		parameters: contactCampaign({ text: 'Hi {first_name}, code {param1}' }),
		input: contactItems(7, { 5: { code: '' } }),
		itemIndex: 5,
		field: 'Param 1',
	},
	{
		name: 'a placeholder no recipient field fills',
		parameters: contactCampaign({ text: 'Hi {last_name}' }),
		input: contactItems(2),
		itemIndex: 0,
		field: 'Last Name',
	},
	{
		name: 'a placeholder missing for a listed recipient',
		parameters: voice({
			text: 'Dear {last_name}',
			...listed(
				{ phoneNumber: PHONE, personalization: { lastName: 'Roe' } },
				{ phoneNumber: '+33612345679' },
			),
		}),
		itemIndex: 0,
		field: 'Last Name',
	},
	{
		name: 'an SMS placeholder missing in recipients JSON',
		parameters: sms({ text: 'Hi {first_name}', ...json(JSON.stringify([PHONE])) }),
		itemIndex: 0,
		field: 'First Name',
	},
	// the rest
	{
		name: 'a sender with an underscore',
		parameters: voice({ sender: 'My_Shop' }),
		itemIndex: 0,
		field: 'Sender',
	},
	{
		name: 'a blank ticket number in item 1',
		parameters: {
			resource: 'voiceListCampaign',
			operation: 'send',
			ticketNumber: '={{ $json.t }}',
		},
		input: [{ json: { t: 'voice_1' } }, { json: { t: ' ' } }],
		itemIndex: 1,
		field: 'Ticket Number',
	},
	{
		name: 'Contact → Create or Update: a missing phone number in item 1 (all items)',
		parameters: {
			resource: 'contact',
			operation: 'upsert',
			mode: 'allItems',
			listName: 'crm',
			phoneNumber: '={{ $json.phone }}',
		},
		input: [{ json: { phone: PHONE } }, { json: { phone: '' } }],
		itemIndex: 1,
		field: 'Phone Number',
	},
	{
		name: 'Contact List → Create: a list name of 31 characters',
		parameters: { resource: 'contactList', operation: 'create', listName: 'x'.repeat(31) },
		itemIndex: 0,
		field: 'List Name',
	},
	{
		name: 'Contact → Delete: a national number without a Default Country',
		parameters: {
			resource: 'contact',
			operation: 'delete',
			listName: 'crm',
			phoneNumbers: '+33612345678, 0612345678',
		},
		itemIndex: 0,
		field: 'Phone Number',
	},
];

// 67 since issue 22 (N6): a Send At in the past is sent, no longer refused (two rows gone)
test('the table has at least 67 cases', () => {
	expect(cases.length).toBeGreaterThanOrEqual(67);
});

describeBadInput(
	'bad input: a clear item-indexed error, and nothing is sent',
	() => bed.node('octopush'),
	cases,
);
