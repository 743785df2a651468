// The Routee rows of the bad-input table (bad-input.test.ts).

import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { BadInput } from './setup';

const PHONE = '+306948530920';
const smsCampaign = (overrides: INodeParameters = {}): INodeParameters => ({
	resource: 'sms',
	operation: 'sendCampaign',
	from: 'Shop',
	body: 'Hello',
	to: PHONE,
	...overrides,
});
const sms = (overrides: INodeParameters = {}): INodeParameters => ({
	resource: 'sms',
	operation: 'send',
	from: 'Shop',
	to: PHONE,
	body: 'Hello',
	...overrides,
});
const voiceCampaign = (overrides: INodeParameters = {}): INodeParameters => ({
	resource: 'voice',
	operation: 'sendCampaign',
	from: 'Shop',
	text: 'Hello',
	to: PHONE,
	...overrides,
});
const say = { type: 'SAY', text: 'Hello', language: 'en-US', gender: 'female' };
const conversation = (overrides: INodeParameters = {}): INodeParameters => ({
	resource: 'voice',
	operation: 'startConversation',
	from: 'Shop',
	toType: 'phone',
	to: PHONE,
	dialPlanSource: 'verbs',
	verbs: { verb: [say] },
	...overrides,
});
const options = (values: INodeParameters) => ({ options: values });
/** Three items; item 2 carries `bad` under `$json.v`, the others `ok`. */
const third = (ok: string, bad: string): INodeExecutionData[] => [
	{ json: { v: ok } },
	{ json: { v: ok } },
	{ json: { v: bad } },
];
const dial = (to: string) => ({ type: 'DIAL', dialFrom: 'Shop', dialToType: 'phone', dialTo: to });

export const routeeCases: BadInput[] = [
	// phone numbers
	{
		node: 'routee',
		name: 'a non-E.164 number in item 2 (single SMS)',
		parameters: sms({ to: '={{ $json.v }}' }),
		input: third(PHONE, '6948530920'),
		item: 2,
		field: 'To',
	},
	{
		node: 'routee',
		name: 'letters in a campaign number (entry 2)',
		parameters: smsCampaign({ to: `${PHONE}, +30694853abc` }),
		item: 0,
		field: 'To',
	},
	{
		node: 'routee',
		name: 'a national number without default country (all items, item 3)',
		parameters: smsCampaign({ mode: 'allItems', recipient: '={{ $json.v }}' }),
		input: [
			{ json: { v: PHONE } },
			{ json: { v: PHONE } },
			{ json: { v: PHONE } },
			{ json: { v: '069 4853 0920' } },
		],
		item: 3,
		field: 'Recipient',
	},
	{
		node: 'routee',
		name: 'a voice campaign number too short',
		parameters: voiceCampaign({ to: '+3069' }),
		item: 0,
		field: 'To',
	},
	{
		node: 'routee',
		name: 'a conversation to a number that is not one',
		parameters: conversation({ to: 'call me' }),
		item: 0,
		field: 'To',
	},
	{
		node: 'routee',
		name: 'a bad reminder number',
		parameters: smsCampaign(
			options({ scheduledDate: '2031-01-01T10:00:00Z', reminder: { values: { to: 'nobody' } } }),
		),
		item: 0,
		field: 'Reminder: Phone Numbers',
	},
	// recipients
	{
		node: 'routee',
		name: 'an SMS campaign without recipients in item 1',
		parameters: smsCampaign({ to: '={{ $json.v }}' }),
		input: [{ json: { v: PHONE } }, { json: { v: '' } }],
		item: 1,
		field: 'Recipients',
	},
	{
		node: 'routee',
		name: 'a voice campaign without recipients',
		parameters: voiceCampaign({ to: '' }),
		item: 0,
		field: 'Recipients',
	},
	// senders
	{
		node: 'routee',
		name: 'an alphanumeric sender over 11 characters',
		parameters: sms({ from: 'MyGreatShop1' }),
		item: 0,
		field: 'From',
	},
	{
		node: 'routee',
		name: 'a numeric sender over 16 digits',
		parameters: smsCampaign({ from: '12345678901234567' }),
		item: 0,
		field: 'From',
	},
	{
		node: 'routee',
		name: 'an empty sender in item 2',
		parameters: sms({ from: '={{ $json.v }}' }),
		input: third('Shop', ''),
		item: 2,
		field: 'From',
	},
	// lengths and ranges
	{
		node: 'routee',
		name: 'a campaign name of 1 character',
		parameters: smsCampaign(options({ campaignName: 'x' })),
		item: 0,
		field: 'Campaign Name',
	},
	{
		node: 'routee',
		name: 'a campaign name over 30 characters',
		parameters: voiceCampaign(options({ campaignName: 'c'.repeat(31) })),
		item: 0,
		field: 'Campaign Name',
	},
	{
		node: 'routee',
		name: 'a campaign name with forbidden characters',
		parameters: smsCampaign(options({ campaignName: 'Promo <b>!</b>' })),
		item: 0,
		field: 'Campaign Name',
	},
	{
		node: 'routee',
		name: 'a TTL of 0 minutes',
		parameters: sms(options({ ttl: 0 })),
		item: 0,
		field: 'TTL',
	},
	{
		node: 'routee',
		name: 'a TTL over 4320 minutes',
		parameters: smsCampaign(options({ ttl: 4321 })),
		item: 0,
		field: 'TTL',
	},
	{
		node: 'routee',
		name: 'text-to-speech text over 1000 characters',
		parameters: voiceCampaign({ text: 't'.repeat(1001) }),
		item: 0,
		field: 'Text',
	},
	{
		node: 'routee',
		name: 'a hang-up delay of 61 seconds',
		parameters: conversation(options({ hangupDelay: 61 })),
		item: 0,
		field: 'Hang-Up Delay',
	},
	{
		node: 'routee',
		name: 'a hang-up delay of 0 in a voice campaign',
		parameters: voiceCampaign(options({ hangupDelay: 0 })),
		item: 0,
		field: 'Hang-Up Delay',
	},
	// enums
	{
		node: 'routee',
		name: 'a voice language not in the list',
		parameters: voiceCampaign({ language: '={{ "xx-XX" }}' }),
		item: 0,
		field: 'Language',
	},
	{
		node: 'routee',
		name: 'a voice gender not in the list in item 2',
		parameters: voiceCampaign({ gender: '={{ $json.v }}' }),
		input: third('female', 'robot'),
		item: 2,
		field: 'Gender',
	},
	{
		node: 'routee',
		name: 'a callback strategy not in the list',
		parameters: sms(
			options({
				callback: { values: { url: 'https://example.com/cb', strategy: '={{ "Sometimes" }}' } },
			}),
		),
		item: 0,
		field: 'Callback',
	},
	// URLs and message
	{
		node: 'routee',
		name: 'a WAV file URL that is not http(s)',
		parameters: voiceCampaign({ messageType: 'audioFile', fileUrl: 'ftp://example.com/a.wav' }),
		item: 0,
		field: 'WAV File URL',
	},
	{
		node: 'routee',
		name: 'a single-SMS label over 350 characters',
		parameters: sms(options({ label: 'l'.repeat(351) })),
		item: 0,
		field: 'Label',
	},
	{
		node: 'routee',
		name: 'text to speech with a blank text',
		parameters: voiceCampaign({ text: '  ' }),
		item: 0,
		field: 'Text',
	},
	{
		node: 'routee',
		name: 'a callback URL that is not http(s)',
		parameters: smsCampaign(options({ callback: { values: { url: 'mailto:ops@example.com' } } })),
		item: 0,
		field: 'Callback: URL',
	},
	// dates
	{
		node: 'routee',
		name: 'a scheduled date in the past',
		parameters: smsCampaign(options({ scheduledDate: '2020-05-01T10:00:00Z' })),
		item: 0,
		field: 'Scheduled Date',
	},
	{
		node: 'routee',
		name: 'an unparseable scheduled date in item 1',
		parameters: voiceCampaign(options({ scheduledDate: '={{ $json.v }}' })),
		input: [{ json: { v: '2031-01-01T10:00:00Z' } }, { json: { v: 'soon' } }],
		item: 1,
		field: 'Scheduled Date',
	},
	// dial plans
	{
		node: 'routee',
		name: 'an empty verb list',
		parameters: conversation({ verbs: {} }),
		item: 0,
		field: 'Verbs',
	},
	{
		node: 'routee',
		name: 'two DIAL verbs',
		parameters: conversation({ verbs: { verb: [dial('+306948530921'), dial('+306948530922')] } }),
		item: 0,
		field: 'DIAL',
	},
	{
		node: 'routee',
		name: 'a malformed JSON dial plan',
		parameters: conversation({
			dialPlanSource: 'json',
			dialPlanJson: '{"verbs": [{"type": "SAY", }]}',
		}),
		item: 0,
		field: 'Dial Plan',
	},
	{
		node: 'routee',
		name: 'a dial plan URL that is not http(s)',
		parameters: conversation({ dialPlanSource: 'url', dialPlanUrl: 'file:///etc/plan.json' }),
		item: 0,
		field: 'Dial Plan URL',
	},
];
