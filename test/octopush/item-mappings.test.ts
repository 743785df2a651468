import type { INodeParameters } from 'n8n-workflow';

import { useTestbed } from '../support/testbed';
import { startTestbed } from './setup';

// In "One Campaign for All Input Items" mode the node reads plain `{{ $json.path }}` mappings straight
// from the items instead of asking n8n to resolve them per item (nodes/shared/action/item-values.ts). Here
// the same mappings written so that only n8n can resolve them (wrapped in parentheses) must give the
// same request bodies and the same errors.

const t = useTestbed(startTestbed, (testbed) => {
	testbed.sandbox.octopush.balance = 10_000;
});

const items = [
	{
		json: {
			phone: '+33612345678',
			name: 'Ann',
			contact: { 'first name': 'Zoé' },
			codes: ['A1', 'B2'],
			n: 42,
		},
	},
	{ json: { phone: '0612345670', contact: { 'first name': 'Léa' }, codes: ['C3'], n: 7 } },
	{ json: { phone: 33612345671, name: 'Bob', contact: { 'first name': '' }, codes: [], n: 0 } },
];

function campaign(wrap: (path: string) => string): INodeParameters {
	return {
		resource: 'voiceSms',
		operation: 'sendCampaign',
		mode: 'allItems',
		text: 'Hello, your number is {param2} ({param3})',
		phoneNumber: wrap('$json.phone'),
		personalization: {
			firstName: wrap('$json.contact["first name"]'),
			lastName: wrap('$json.name'),
			param1: wrap('$json.codes[0]'),
			param2: wrap('$json.n'),
			param3: 'same for all',
		},
		options: { defaultCountry: 'FR' },
	};
}

const plain = (path: string) => `={{ ${path} }}`;
const forN8n = (path: string) => `={{ (${path}) }}`;

describe('Octopush all-items mappings read from the items', () => {
	test('plain mappings give the same body as n8n resolving them', async () => {
		const fast = await t.run(campaign(plain), { input: items, executionId: 'mappings' });
		expect(fast.error).toBeUndefined();
		const [fastBody] = t.bodies('POST', '/voice-campaign/send') as Array<{ recipients: unknown[] }>;
		t.sandbox.clearRequests();
		const slow = await t.run(campaign(forN8n), { input: items, executionId: 'mappings-n8n' });
		expect(slow.error).toBeUndefined();
		const [slowBody] = t.bodies('POST', '/voice-campaign/send') as Array<{ recipients: unknown[] }>;

		expect(fastBody.recipients).toEqual([
			{
				phone_number: '+33612345678',
				first_name: 'Zoé',
				last_name: 'Ann',
				param1: 'A1',
				param2: '42',
				param3: 'same for all',
			},
			{
				phone_number: '+33612345670',
				first_name: 'Léa',
				param1: 'C3',
				param2: '7',
				param3: 'same for all',
			},
			{ phone_number: '+33612345671', last_name: 'Bob', param2: '0', param3: 'same for all' },
		]);
		expect(slowBody.recipients).toEqual(fastBody.recipients);
		expect(fast.items.map((i) => i.pairedItem)).toEqual(slow.items.map((i) => i.pairedItem));
	});

	test('a bad value gives the same item-indexed error either way, and nothing is sent', async () => {
		const bad = [...items.slice(0, 2), { json: { ...items[2].json, phone: 'call me' } }];
		const fast = await t.run(campaign(plain), { input: bad });
		const slow = await t.run(campaign(forN8n), { input: bad });
		expect(fast.error?.message).toBe('Phone Number is not valid [item 2]');
		expect(fast.error?.description).toBe(
			"Phone Number may hold only digits, a leading +, spaces, dots, dashes and brackets, got 'call me'.",
		);
		expect(slow.error?.description).toBe(fast.error?.description);
		expect(slow.error?.message).toBe(fast.error?.message);
		expect((fast.error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(2);
		expect(t.bodies('POST', '/voice-campaign/send')).toHaveLength(0);
	});
});
