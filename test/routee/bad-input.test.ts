// The Routee node's bad-input table: every case stops with an error that names the item, the field and the rule,
// and the sandbox sees no request at all (not even a token request): validation happens before the first call.
// The bed is leak-checked: no secret may appear in anything these runs show.

// first: the leak capture must be recording before n8n loads
import { startLeakCheckedTestbed } from '../support/leak-checked-testbed';

import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { describeBadInput, type BadInputCase } from '../support/bad-input';
import { useTestbed } from '../support/testbed';
import { item, PHONE, sms, smsCampaign, voiceCampaign } from './setup';

const bed = useTestbed(startLeakCheckedTestbed);

const say = {
	type: 'SAY',
	text: 'Hello',
	language: 'en-GB',
	gender: 'female',
	repeat: 0,
	bargeIn: false,
};
const dial = (to: string) => ({
	type: 'DIAL',
	dialFrom: '+306948530900',
	dialToType: 'phone',
	dialTo: to,
});
const conversation = (overrides: INodeParameters = {}): INodeParameters => ({
	resource: 'voice',
	operation: 'startConversation',
	from: '+306948530900',
	toType: 'phone',
	to: '+306948530920',
	dialPlanSource: 'verbs',
	verbs: { verb: [say] },
	...overrides,
});
const approval = (overrides: INodeParameters = {}): INodeParameters => ({
	resource: 'voice',
	operation: 'sendAndWait',
	from: '+306948530900',
	to: '+306948530920',
	message: 'The agent wants to refund 120 euros.',
	language: 'en-GB',
	options: {},
	...overrides,
});
const people = (...phones: string[]): INodeExecutionData[] =>
	phones.map((phone) => item({ phone }));
/** Three items; item 2 carries `bad` under `$json.v`, the others `ok`. */
const third = (ok: string, bad: string): INodeExecutionData[] => [
	{ json: { v: ok } },
	{ json: { v: ok } },
	{ json: { v: bad } },
];
const options = (values: INodeParameters) => ({ options: values });

const cases: BadInputCase[] = [
	// phone numbers
	{
		name: 'a non-E.164 number among the To numbers',
		parameters: smsCampaign({ to: '+306948530920, 6948530921' }),
		message: 'To (entry 2) is not valid [item 0]',
		description:
			"To (entry 2) needs + and 7–15 digits (E.164), or a Default Country in Options to read national numbers, got '6948530921'.",
		itemIndex: 0,
	},
	{
		name: 'a non-E.164 number in the third item of a campaign for all items',
		parameters: smsCampaign({ mode: 'allItems', recipient: '={{ $json.phone }}' }),
		input: people('+306948530920', '+306948530921', '0612345678'),
		message: 'Recipient is not valid [item 2]',
		description:
			"Recipient is a national number ('0612345678'): set a Default Country in Options to read it.",
		itemIndex: 2,
	},
	{
		name: 'a non-E.164 number in the second of two items, one request per item (nothing is sent for the first either)',
		parameters: sms({ body: 'Hi', to: '={{ $json.phone }}' }),
		input: people('+306948530920', '+30 69 ab'),
		message: 'To is not valid [item 1]',
		description:
			/^To may hold only digits, a leading \+, spaces, dots, dashes and brackets, got '\+30 69 ab'\.$/,
		itemIndex: 1,
	},
	{
		name: 'a number too short for the default country',
		parameters: voiceCampaign({ to: '06 12', options: { defaultCountry: 'FR' } }),
		message: 'To is not valid [item 0]',
		description: /^To is not a France number \('06 12'\): expected /,
		itemIndex: 0,
	},
	{
		name: 'a non-E.164 conversation recipient',
		parameters: conversation({ to: '12345' }),
		message: 'To is not valid [item 0]',
		description:
			/^To needs \+ and 7–15 digits \(E\.164\), or a Default Country in Options to read national numbers, got '12345'\.$/,
		itemIndex: 0,
	},
	{
		name: 'a non-E.164 number in a DIAL verb',
		parameters: conversation({ verbs: { verb: [say, dial('0044 12')] } }),
		message: 'Verb 2: To is not valid [item 0]',
		description:
			/^Verb 2: To needs \+ and 7–15 digits, the first not 0 \(E\.164\), got '0044 12'\.$/,
		itemIndex: 0,
	},
	{
		name: 'a non-E.164 reminder number',
		parameters: smsCampaign({ options: { reminder: { values: { to: 'abc', minutesBefore: 5 } } } }),
		message: 'Reminder: Phone Numbers is not valid [item 0]',
		description:
			/^Reminder: Phone Numbers may hold only digits, a leading \+, spaces, dots, dashes and brackets, got 'abc'\.$/,
		itemIndex: 0,
	},
	// recipients
	{
		name: 'no recipients in an SMS campaign',
		parameters: smsCampaign({ to: '' }),
		message: 'Recipients is not valid [item 0]',
		description:
			'Recipients must not be empty: give at least one phone number, contact ID or group.',
		itemIndex: 0,
	},
	{
		name: 'no recipients in a voice campaign (expressions that give nothing)',
		parameters: voiceCampaign({ to: '={{ $json.none }}', groups: '={{ [] }}' }),
		message: 'Recipients is not valid [item 0]',
		description:
			'Recipients must not be empty: give at least one phone number, contact ID or group.',
		itemIndex: 0,
	},
	{
		name: 'an item without a recipient in a campaign for all items',
		parameters: voiceCampaign({ mode: 'allItems', recipient: '={{ $json.phone }}' }),
		input: [item({ phone: '+306948530920' }), item({})],
		message: 'Recipient is not valid [item 1]',
		description: 'Recipient is empty: give a phone number.',
		itemIndex: 1,
	},
	{
		name: 'more than 1000 numbers in a voice campaign',
		parameters: voiceCampaign({
			to: '={{ Array.from({ length: 1001 }, (_, i) => "+3069" + String(i).padStart(8, "0")) }}',
		}),
		message: 'To is not valid [item 0]',
		description: 'To must hold at most 1000 numbers.',
		itemIndex: 0,
	},
	// senders
	{
		name: 'an alphanumeric sender over 11 characters',
		parameters: smsCampaign({ from: 'MyVeryLongShop' }),
		message: 'From is not valid [item 0]',
		description:
			'From must be a number of at most 16 digits (without +) or at most 11 characters with a letter (latin letters, digits, spaces, . & -), got "MyVeryLongShop".',
		itemIndex: 0,
	},
	{
		name: 'a numeric sender over 16 digits',
		parameters: sms({ from: '12345678901234567', body: 'Hi' }),
		message: 'From is not valid [item 0]',
		description:
			/^From must be a number of at most 16 digits \(without \+\) .*, got "12345678901234567"\.$/,
		itemIndex: 0,
	},
	{
		name: 'a voice sender over 11 characters',
		parameters: voiceCampaign({ from: 'My Clinic Athens' }),
		message: 'From is not valid [item 0]',
		description:
			/^From must be a number of at most 16 digits \(\+ allowed\) .*, got "My Clinic Athens"\.$/,
		itemIndex: 0,
	},
	// campaign name
	{
		name: 'a campaign name of 1 character',
		parameters: smsCampaign({ options: { campaignName: 'A' } }),
		message: 'Campaign Name is not valid [item 0]',
		description: 'Campaign Name must be 2 to 30 characters: latin letters, digits, spaces and -.',
		itemIndex: 0,
		field: 'Campaign Name',
	},
	{
		name: 'a campaign name of 31 characters',
		parameters: voiceCampaign({ options: { campaignName: 'x'.repeat(31) } }),
		message: 'Campaign Name is not valid [item 0]',
		description: 'Campaign Name must be 2 to 30 characters: latin letters, digits, spaces and -.',
		itemIndex: 0,
	},
	{
		name: 'a campaign name with a character Routee does not allow',
		parameters: smsCampaign({ options: { campaignName: 'Sale!' } }),
		message: 'Campaign Name is not valid [item 0]',
		description: 'Campaign Name must be 2 to 30 characters: latin letters, digits, spaces and -.',
		itemIndex: 0,
	},
	// TTL
	{
		name: 'TTL 0',
		parameters: smsCampaign({ options: { ttl: 0 } }),
		message: 'TTL (Minutes) is not valid [item 0]',
		description: 'TTL (Minutes) must be a whole number from 1 to 4320, got 0.',
		itemIndex: 0,
	},
	{
		name: 'TTL 4321',
		parameters: sms({ body: 'Hi', options: { ttl: 4321 } }),
		message: 'TTL (Minutes) is not valid [item 0]',
		description: 'TTL (Minutes) must be a whole number from 1 to 4320, got 4321.',
		itemIndex: 0,
	},
	// text to speech
	{
		name: 'text to speech over 1000 characters',
		parameters: voiceCampaign({ text: 'a'.repeat(1001) }),
		message: 'Text is not valid [item 0]',
		description: 'Text must be at most 1000 characters, it has 1001.',
		itemIndex: 0,
	},
	{
		name: 'a language not in the list',
		parameters: voiceCampaign({ language: '={{ "xx-XX" }}' }),
		message: 'Language is not valid [item 0]',
		description: /^Language must be one of bg-BG, de-DE, .*, got "xx-XX"\.$/,
		itemIndex: 0,
	},
	{
		name: 'a gender not in the list (SAY verb)',
		parameters: conversation({ verbs: { verb: [{ ...say, gender: '={{ "robot" }}' }] } }),
		message: 'Verb 1: Gender is not valid [item 0]',
		description: 'Verb 1: Gender must be one of female, male, got "robot".',
		itemIndex: 0,
	},
	// WAV files
	{
		name: 'a WAV URL that is not http(s)',
		parameters: voiceCampaign({
			messageType: 'audioFile',
			fileUrl: 'ftp://example.com/message.wav',
		}),
		message: 'WAV File URL is not valid [item 0]',
		description:
			'WAV File URL must be an http(s) URL (of a WAV file), got "ftp://example.com/message.wav".',
		itemIndex: 0,
	},
	{
		name: 'a PLAY URL that is not http(s)',
		parameters: conversation({
			verbs: { verb: [{ type: 'PLAY', fileUrl: 'file:///tmp/music.wav' }] },
		}),
		message: 'Verb 1: WAV File URL is not valid [item 0]',
		description:
			'Verb 1: WAV File URL must be an http(s) URL (of a WAV file), got "file:///tmp/music.wav".',
		itemIndex: 0,
	},
	// message or file
	{
		name: 'text to speech with a blank text',
		parameters: voiceCampaign({ text: '  ' }),
		message: 'Text is not valid [item 0]',
		description: 'Text is missing: give the Text to read (text to speech) or a WAV File URL.',
		itemIndex: 0,
		field: 'Text',
	},
	// dial plans
	{
		name: 'neither a dial plan nor a dial-plan URL',
		parameters: conversation({ dialPlanSource: 'url', dialPlanUrl: '' }),
		message: 'Dial Plan is not valid [item 0]',
		description: 'Dial Plan is missing: give the verbs of a dial plan or a Dial Plan URL.',
		itemIndex: 0,
	},
	{
		name: 'an empty verb list',
		parameters: conversation({ verbs: {} }),
		message: 'Verbs is not valid [item 0]',
		description: 'Verbs must not be empty: add at least one verb (SAY, PLAY, DIAL or COLLECT)',
		itemIndex: 0,
		field: 'Verbs',
	},
	{
		name: 'two DIAL verbs',
		parameters: conversation({
			verbs: { verb: [dial('+306948530930'), say, dial('+306948530931')] },
		}),
		message: 'Verbs is not valid [item 0]',
		description: 'Verbs may hold at most one DIAL verb, it has 2 (verbs 1, 3)',
		itemIndex: 0,
	},
	{
		name: 'two DIAL verbs in a raw JSON dial plan',
		parameters: conversation({
			dialPlanSource: 'json',
			dialPlanJson: JSON.stringify([
				{ type: 'DIAL', from: '+306948530900', to: { phone: '+306948530930' } },
				{ type: 'DIAL', from: '+306948530900', to: { phone: '+306948530931' } },
			]),
		}),
		message: 'Verbs is not valid [item 0]',
		description: 'Verbs may hold at most one DIAL verb, it has 2 (verbs 1, 2)',
		itemIndex: 0,
	},
	{
		name: 'malformed raw JSON dial plan',
		parameters: conversation({
			dialPlanSource: 'json',
			dialPlanJson: '{\n  "verbs": [\n    { "type": "SAY", }\n  ]\n}',
		}),
		message: 'Dial Plan (JSON) is not valid [item 0]',
		description: /^Dial Plan \(JSON\) is not valid JSON at position 36 \(line 3, column 22\): /,
		itemIndex: 0,
	},
	{
		name: 'truncated raw JSON dial plan',
		parameters: conversation({ dialPlanSource: 'json', dialPlanJson: '{"verbs": [' }),
		message: 'Dial Plan (JSON) is not valid [item 0]',
		description: /^Dial Plan \(JSON\) is not valid JSON at position 11 \(line 1, column 12\): /,
		itemIndex: 0,
	},
	{
		name: 'a raw JSON verb of an unknown type',
		parameters: conversation({
			dialPlanSource: 'json',
			dialPlanJson: '{"verbs": [{"type": "SING"}]}',
		}),
		message: 'Verb 1: Verb Type is not valid [item 0]',
		description: 'Verb 1: Verb Type must be one of SAY, PLAY, DIAL, COLLECT.',
		itemIndex: 0,
	},
	// hang-up delay
	{
		name: 'hang-up delay 0',
		parameters: conversation({ options: { hangupDelay: 0 } }),
		message: 'Hang-Up Delay is not valid [item 0]',
		description: 'Hang-Up Delay must be a whole number from 1 to 60, got 0.',
		itemIndex: 0,
	},
	{
		name: 'hang-up delay 0 in a DIAL verb (DIAL: min 1, no maximum)',
		parameters: conversation({
			verbs: { verb: [{ ...dial('+306948530930'), dialOptions: { hangupDelay: 0 } }] },
		}),
		message: 'Verb 1: Hang-Up Delay is not valid [item 0]',
		description: 'Verb 1: Hang-Up Delay must be a whole number at least 1, got 0.',
		itemIndex: 0,
	},
	// dates
	{
		name: 'an unparseable scheduled date',
		parameters: voiceCampaign({ options: { scheduledDate: '={{ "next tuesday" }}' } }),
		message: 'Scheduled Date is not valid [item 0]',
		description: /^Scheduled Date is not a valid date-time: 'next tuesday' is not a date-time/,
		itemIndex: 0,
	},
	// callbacks
	{
		name: 'a callback URL that is not http(s)',
		parameters: smsCampaign({ options: { callback: { values: { url: 'ftp://example.com/cb' } } } }),
		message: 'Callback: URL is not valid [item 0]',
		description: 'Callback: URL must be an http(s) URL, got "ftp://example.com/cb".',
		itemIndex: 0,
	},
	{
		name: 'a campaign callback URL without a scheme',
		parameters: voiceCampaign({
			options: { campaignCallback: { values: { url: 'example.com/cb', strategy: 'OnChange' } } },
		}),
		message: 'Campaign Callback: URL is not valid [item 0]',
		description: 'Campaign Callback: URL must be an http(s) URL, got "example.com/cb".',
		itemIndex: 0,
	},
	{
		name: 'a COLLECT event URL that is not http(s)',
		parameters: conversation({ verbs: { verb: [{ type: 'COLLECT', eventUrl: 'mailto:a@b.c' }] } }),
		message: 'Verb 1: Event URL is not valid [item 0]',
		description: 'Verb 1: Event URL must be an http(s) URL, got "mailto:a@b.c".',
		itemIndex: 0,
	},
	{
		name: 'a callback with a strategy and an empty URL',
		parameters: smsCampaign({
			options: { callback: { values: { url: ' ', strategy: 'OnCompletion' } } },
		}),
		message: 'Callback: URL is not valid [item 0]',
		description: /^Callback: URL must not be empty/,
		itemIndex: 0,
	},
	{
		name: 'machine detection Continue without an event URL',
		parameters: conversation({
			options: { machineDetection: { values: { strategy: 'Continue' } } },
		}),
		message: 'Machine Detection: Event URL is not valid [item 0]',
		description:
			/^Machine Detection: Event URL is required with strategy Continue \(the URL answers with the dial plan to run\)/,
		itemIndex: 0,
	},
	// IDs and paging
	{
		name: 'an empty tracking ID',
		parameters: { resource: 'sms', operation: 'getCampaign', trackingId: '={{ $json.none }}' },
		message: 'Tracking ID is not valid [item 0]',
		description: 'Tracking ID must not be empty.',
		itemIndex: 0,
	},
	{
		// a literal empty date is refused by n8n itself ("Parameter "Scheduled Date" is required"); an expression can still be empty
		name: 'Update Scheduled Campaign without a date',
		parameters: {
			resource: 'sms',
			operation: 'updateCampaign',
			trackingId: 'abc',
			when: 'scheduled',
			scheduledDate: '={{ $json.none }}',
		},
		message: 'Scheduled Date is not valid [item 0]',
		description: 'Scheduled Date must not be empty: set a date, or choose Send → Now.',
		itemIndex: 0,
	},

	// Voice → Call for Approval (operation value sendAndWait)
	{
		name: 'Call for Approval with an empty Message',
		parameters: approval({ message: '={{ $json.none }}' }),
		message: 'Message is not valid [item 0]',
		description:
			'Message is empty: write what the person is asked to approve, in a Human review gate for example with {{ $tool.name }} and {{ $tool.parameters }}.',
		itemIndex: 0,
	},
	{
		name: 'Call for Approval to a national number without default country',
		parameters: approval({ to: '6948530920' }),
		message: 'To is not valid [item 0]',
		itemIndex: 0,
	},

	// rows checked by the item and the field their error names
	// phone numbers
	{
		name: 'a non-E.164 number in item 2 (single SMS)',
		parameters: sms({ to: '={{ $json.v }}' }),
		input: third(PHONE, '6948530920'),
		itemIndex: 2,
		field: 'To',
	},
	{
		name: 'letters in a campaign number (entry 2)',
		parameters: smsCampaign({ to: `${PHONE}, +30694853abc` }),
		itemIndex: 0,
		field: 'To',
	},
	{
		name: 'a national number without default country (all items, item 3)',
		parameters: smsCampaign({ mode: 'allItems', recipient: '={{ $json.v }}' }),
		input: [
			{ json: { v: PHONE } },
			{ json: { v: PHONE } },
			{ json: { v: PHONE } },
			{ json: { v: '069 4853 0920' } },
		],
		itemIndex: 3,
		field: 'Recipient',
	},
	{
		name: 'a voice campaign number too short',
		parameters: voiceCampaign({ to: '+3069' }),
		itemIndex: 0,
		field: 'To',
	},
	{
		name: 'a conversation to a number that is not one',
		parameters: conversation({ to: 'call me' }),
		itemIndex: 0,
		field: 'To',
	},
	{
		name: 'a bad reminder number',
		parameters: smsCampaign(
			options({ scheduledDate: '2031-01-01T10:00:00Z', reminder: { values: { to: 'nobody' } } }),
		),
		itemIndex: 0,
		field: 'Reminder: Phone Numbers',
	},
	// recipients
	{
		name: 'an SMS campaign without recipients in item 1',
		parameters: smsCampaign({ to: '={{ $json.v }}' }),
		input: [{ json: { v: PHONE } }, { json: { v: '' } }],
		itemIndex: 1,
		field: 'Recipients',
	},
	{
		name: 'a voice campaign without recipients',
		parameters: voiceCampaign({ to: '' }),
		itemIndex: 0,
		field: 'Recipients',
	},
	// senders
	{
		name: 'an alphanumeric sender over 11 characters (single SMS)',
		parameters: sms({ from: 'MyGreatShop1' }),
		itemIndex: 0,
		field: 'From',
	},
	{
		name: 'a numeric sender over 16 digits (SMS campaign)',
		parameters: smsCampaign({ from: '12345678901234567' }),
		itemIndex: 0,
		field: 'From',
	},
	{
		name: 'an empty sender in item 2',
		parameters: sms({ from: '={{ $json.v }}' }),
		input: third('Shop', ''),
		itemIndex: 2,
		field: 'From',
	},
	// lengths and ranges
	{
		name: 'a campaign name over 30 characters',
		parameters: voiceCampaign(options({ campaignName: 'c'.repeat(31) })),
		itemIndex: 0,
		field: 'Campaign Name',
	},
	{
		name: 'a campaign name with forbidden characters',
		parameters: smsCampaign(options({ campaignName: 'Promo <b>!</b>' })),
		itemIndex: 0,
		field: 'Campaign Name',
	},
	{
		name: 'a TTL of 0 minutes',
		parameters: sms(options({ ttl: 0 })),
		itemIndex: 0,
		field: 'TTL',
	},
	{
		name: 'a TTL over 4320 minutes',
		parameters: smsCampaign(options({ ttl: 4321 })),
		itemIndex: 0,
		field: 'TTL',
	},
	{
		name: 'text-to-speech text over 1000 characters',
		parameters: voiceCampaign({ text: 't'.repeat(1001) }),
		itemIndex: 0,
		field: 'Text',
	},
	{
		name: 'a hang-up delay of 61 seconds',
		parameters: conversation(options({ hangupDelay: 61 })),
		itemIndex: 0,
		field: 'Hang-Up Delay',
	},
	{
		name: 'a hang-up delay of 0 in a voice campaign',
		parameters: voiceCampaign(options({ hangupDelay: 0 })),
		itemIndex: 0,
		field: 'Hang-Up Delay',
	},
	// enums
	{
		name: 'a voice language not in the list',
		parameters: voiceCampaign({ language: '={{ "xx-XX" }}' }),
		itemIndex: 0,
		field: 'Language',
	},
	{
		name: 'a voice gender not in the list in item 2',
		parameters: voiceCampaign({ gender: '={{ $json.v }}' }),
		input: third('female', 'robot'),
		itemIndex: 2,
		field: 'Gender',
	},
	{
		name: 'a callback strategy not in the list',
		parameters: sms(
			options({
				callback: { values: { url: 'https://example.com/cb', strategy: '={{ "Sometimes" }}' } },
			}),
		),
		itemIndex: 0,
		field: 'Callback',
	},
	// URLs and message
	{
		name: 'a WAV file URL that is not http(s)',
		parameters: voiceCampaign({ messageType: 'audioFile', fileUrl: 'ftp://example.com/a.wav' }),
		itemIndex: 0,
		field: 'WAV File URL',
	},
	{
		name: 'a single-SMS label over 350 characters',
		parameters: sms(options({ label: 'l'.repeat(351) })),
		itemIndex: 0,
		field: 'Label',
	},
	{
		name: 'a callback URL that is mailto:',
		parameters: smsCampaign(options({ callback: { values: { url: 'mailto:ops@example.com' } } })),
		itemIndex: 0,
		field: 'Callback: URL',
	},
	// dates
	{
		name: 'an unparseable scheduled date in item 1',
		parameters: voiceCampaign(options({ scheduledDate: '={{ $json.v }}' })),
		input: [{ json: { v: '2031-01-01T10:00:00Z' } }, { json: { v: 'soon' } }],
		itemIndex: 1,
		field: 'Scheduled Date',
	},
	// dial plans
	{
		name: 'two DIAL verbs in a row',
		parameters: conversation({ verbs: { verb: [dial('+306948530921'), dial('+306948530922')] } }),
		itemIndex: 0,
		field: 'DIAL',
	},
	{
		name: 'a malformed JSON dial plan',
		parameters: conversation({
			dialPlanSource: 'json',
			dialPlanJson: '{"verbs": [{"type": "SAY", }]}',
		}),
		itemIndex: 0,
		field: 'Dial Plan',
	},
	{
		name: 'a dial plan URL that is not http(s)',
		parameters: conversation({ dialPlanSource: 'url', dialPlanUrl: 'file:///etc/plan.json' }),
		itemIndex: 0,
		field: 'Dial Plan URL',
	},
	// contacts, groups and opt-outs (issue 29)
	{
		name: 'Contact → Create, an item without a mobile (n8n itself refuses the empty field)',
		parameters: { resource: 'contact', operation: 'create', mobile: '={{ $json.phone }}' },
		input: [item({})],
		message: 'Mobile is not valid [item 0]',
		description: /^Mobile /,
		itemIndex: 0,
	},
	{
		name: 'Contact → Create, a last name over 60 characters in the second item',
		parameters: {
			resource: 'contact',
			operation: 'create',
			mobile: '={{ $json.phone }}',
			additionalFields: { lastName: "={{ $json.phone.endsWith('1') ? 'x'.repeat(61) : 'Ok' }}" },
		},
		input: people('+306948530920', '+306948530921'),
		message: 'Last Name is not valid [item 1]',
		description: 'Last Name must be at most 60 characters.',
		itemIndex: 1,
	},
	{
		name: 'Contact → Get By Mobile, a number that is none',
		parameters: {
			resource: 'contact',
			operation: 'get',
			contact: { __rl: true, mode: 'mobile', value: 'abc' },
		},
		message: 'Contact is not valid [item 0]',
		description: /^Contact may hold only digits/,
		itemIndex: 0,
	},
	{
		name: 'Group → Add Contacts to a group name of one character',
		parameters: {
			resource: 'group',
			operation: 'addContacts',
			group: { __rl: true, mode: 'name', value: 'x' },
			contactIds: 'id-1',
		},
		message: 'Group is not valid [item 0]',
		description: /^Group must be 2 to 30 characters/,
		itemIndex: 0,
	},
	{
		name: 'Opt-Out → Add, an item without contact IDs',
		parameters: {
			resource: 'blacklist',
			operation: 'add',
			service: 'Sms',
			contactIds: '={{ $json.ids }}',
		},
		input: [item({ ids: [] })],
		message: 'Contact IDs is not valid [item 0]',
		description: 'Contact IDs must hold at least one contact ID.',
		itemIndex: 0,
	},
];

// 70 since issue 22 (N6): a Scheduled Date in the past is sent and Routee answers (test/routee/scheduled-date.test.ts)
test('the table has at least 70 cases', () => {
	expect(cases.length).toBeGreaterThanOrEqual(70);
});

describeBadInput(
	'bad input: a clear error naming the item, the field and the rule; nothing is sent',
	() => bed.node('routee'),
	cases,
);

describe('Continue On Fail: the invalid item carries its error, the others still run', () => {
	test('one request per item', async () => {
		const r = await bed.run('routee', sms({ body: 'Hi', to: '={{ $json.phone }}' }), {
			input: people('+306948530920', 'not a number', '+306948530922'),
			continueOnFail: true,
		});
		expect(r.error).toBeUndefined();
		expect(bed.sandbox.requestsTo('routee').map((q) => (q.body as { to: string }).to)).toEqual([
			'+306948530920',
			'+306948530922',
		]);
		expect(r.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(r.items[0].json.trackingId).toEqual(expect.any(String));
		expect(r.items[1].json).toEqual({
			error: 'To is not valid [item 1]',
			description:
				"To may hold only digits, a leading +, spaces, dots, dashes and brackets, got 'not a number'.",
		});
		expect(r.items[2].json.trackingId).toEqual(expect.any(String));
	});

	test('one campaign for all items: the campaign goes to the valid items, the invalid one gets its error', async () => {
		const r = await bed.run(
			'routee',
			smsCampaign({ mode: 'allItems', recipient: '={{ $json.phone }}' }),
			{
				input: people('+306948530920', '123', '+306948530922'),
				continueOnFail: true,
			},
		);
		expect(r.error).toBeUndefined();
		expect(bed.sandbox.requestsTo('routee').map((q) => (q.body as { to: string[] }).to)).toEqual([
			['+306948530920', '+306948530922'],
		]);
		expect(r.items).toHaveLength(2);
		expect(r.items[0]).toEqual({
			json: expect.objectContaining({ trackingId: expect.any(String) }),
			pairedItem: [{ item: 0 }, { item: 2 }],
		});
		expect(r.items[1]).toEqual({
			json: {
				error: 'Recipient is not valid [item 1]',
				description: expect.stringMatching(/^Recipient needs \+ and 7–15 digits \(E\.164\)/),
			},
			pairedItem: { item: 1 },
		});
	});

	test('one campaign for all items with an invalid campaign field: one error item for all items, nothing sent', async () => {
		const r = await bed.run(
			'routee',
			smsCampaign({ mode: 'allItems', recipient: '={{ $json.phone }}', options: { ttl: 0 } }),
			{
				input: people('+306948530920', '+306948530921'),
				continueOnFail: true,
			},
		);
		expect(r.items).toEqual([
			{
				json: {
					error: 'TTL (Minutes) is not valid [item 0]',
					description: 'TTL (Minutes) must be a whole number from 1 to 4320, got 0.',
				},
				pairedItem: [{ item: 0 }, { item: 1 }],
			},
		]);
		expect(bed.sandbox.requests).toEqual([]);
	});
});
