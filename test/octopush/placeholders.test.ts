import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { placeholdersIn } from '../../nodes/Octopush/transport/contract';
import { useTestbed } from '../support/testbed';
import { contactItems, startTestbed } from './setup';

describe('placeholdersIn', () => {
	const octopush = ['first_name', 'last_name', 'param1', 'param2', 'param3', 'param4', 'param5'];

	it.each([
		[
			'Hello {first_name} {last_name}, code {param1}',
			octopush,
			['first_name', 'last_name', 'param1'],
		],
		['{param2} then {first_name} and {param2} again', octopush, ['param2', 'first_name']],
		['No placeholders here', octopush, []],
		['{firstname} is a typo, {First_Name} another', octopush, []],
		['{ first_name } has spaces', octopush, []],
		['{{first_name}}', octopush, ['first_name']],
		['Hi {first_name} {unknown}', undefined, ['first_name', 'unknown']],
		['Hi {first_name}', [], []],
	])('%j with %j → %j', (text, names, expected) => {
		expect(placeholdersIn(text, names)).toEqual(expected);
	});
});

// Issue 22, N5: a recipient without a value for a placeholder the text uses. Octopush calls these fields optional
// ("These parameters are optional.", https://dev.octopush.com/en/sms-gateway-api-documentation/personalized-sendings-publipostage/):
// from node version 2 such a recipient is sent (the field left out) by default; the option skips or stops instead;
// a node saved with version 1 keeps stopping the campaign, and sends the same request as before when nothing is missing.
describe('recipients missing a placeholder value (node runs)', () => {
	const t = useTestbed(startTestbed, (testbed) => {
		testbed.sandbox.octopush.balance = 10_000;
	});
	const campaign = (options: INodeParameters = {}): INodeParameters => ({
		resource: 'sms',
		operation: 'sendCampaign',
		mode: 'allItems',
		text: 'Hi {first_name}',
		phoneNumber: '={{ $json.phone }}',
		personalization: { firstName: '={{ $json.name }}' },
		options,
	});
	// item 1 has no first name
	const input = contactItems(3, { 1: { name: '' } });

	test('version 2 sends them by default (no first_name sent), and the totals count them', async () => {
		const r = await t.run(campaign(), { input, typeVersion: 2 });
		expect(r.error).toBeUndefined();
		expect(t.bodies('POST', '/sms-campaign/send')).toEqual([
			expect.objectContaining({
				recipients: [
					{ phone_number: '+33610000000', first_name: 'Name0' },
					{ phone_number: '+33610000001' },
					{ phone_number: '+33610000002', first_name: 'Name2' },
				],
			}),
		]);
		expect(r.items[0].json.campaign_totals).toEqual(
			expect.objectContaining({
				recipients_missing_placeholder_values: 1,
				recipients_skipped: 0,
				number_of_contacts: 3,
			}),
		);
		expect(r.items[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('Skip Them leaves them out of the request and out of the pairing, and counts them', async () => {
		const r = await t.run(campaign({ missingPlaceholderValues: 'skip' }), {
			input,
			typeVersion: 2,
		});
		expect(r.error).toBeUndefined();
		expect(t.bodies('POST', '/sms-campaign/send')).toEqual([
			expect.objectContaining({
				recipients: [
					{ phone_number: '+33610000000', first_name: 'Name0' },
					{ phone_number: '+33610000002', first_name: 'Name2' },
				],
			}),
		]);
		expect(r.items[0].json.campaign_totals).toEqual(
			expect.objectContaining({
				recipients_missing_placeholder_values: 1,
				recipients_skipped: 1,
				number_of_contacts: 2,
			}),
		);
		expect(r.items[0].pairedItem).toEqual([{ item: 0 }, { item: 2 }]);
	});

	test('Skip Them with every recipient missing a value sends nothing and says why', async () => {
		const r = await t.run(campaign({ missingPlaceholderValues: 'skip' }), {
			input: contactItems(2, { 0: { name: '' }, 1: { name: '' } }),
			typeVersion: 2,
		});
		expect(r.error?.message).toBe('Recipients is not valid [item 0]');
		expect(r.error?.description).toBe(
			'Recipients were all skipped: none has a value for every placeholder the text uses ({first_name}). Give them values, or set Options → Recipients Missing a Placeholder Value to Send.',
		);
		expect(t.sandbox.requests).toEqual([]);
	});

	test('Stop the Campaign names the first recipient without a value, and nothing is sent', async () => {
		const r = await t.run(campaign({ missingPlaceholderValues: 'stop' }), {
			input,
			typeVersion: 2,
		});
		expect(r.error?.message).toBe('First Name is not valid [item 1]');
		expect(r.error?.description).toBe(
			'First Name is missing, but the text uses the placeholder {first_name}: give every recipient a value, or set Options → Recipients Missing a Placeholder Value to Send or Skip Them.',
		);
		expect(t.sandbox.requests).toEqual([]);
	});

	test('a workflow saved with version 1 still stops on a missing value, and can choose Send', async () => {
		const stopped = await t.run(campaign(), { input, typeVersion: 1 });
		expect(stopped.error?.message).toBe('First Name is not valid [item 1]');
		expect(t.sandbox.requests).toEqual([]);
		const sent = await t.run(campaign({ missingPlaceholderValues: 'send' }), {
			input,
			typeVersion: 1,
		});
		expect(sent.error).toBeUndefined();
		expect(t.bodies('POST', '/sms-campaign/send')).toHaveLength(1);
	});

	test('a workflow saved with version 1 with every value present sends the same request and output as before', async () => {
		const full = contactItems(2);
		const v1 = await t.run(campaign(), { input: full, typeVersion: 1, executionId: 'n5-v1' });
		const v2 = await t.run(campaign(), { input: full, typeVersion: 2, executionId: 'n5-v2' });
		const [bodyV1, bodyV2] = (t.bodies('POST', '/sms-campaign/send') as IDataObject[]).map(
			({ request_id: _id, ...body }) => body,
		);
		expect(bodyV2).toEqual(bodyV1);
		// version 1 outputs no new field: the totals are those of before issue 22
		expect(Object.keys(v1.items[0].json.campaign_totals as IDataObject)).not.toContain(
			'recipients_skipped',
		);
		expect(v2.items[0].json.campaign_totals).toEqual(
			expect.objectContaining({ recipients_missing_placeholder_values: 0 }),
		);
	});

	test('Voice List Campaign → Create (version 2) sends them too and counts them', async () => {
		const r = await t.run(
			{
				resource: 'voiceListCampaign',
				operation: 'create',
				target: 'list',
				listName: 'sandbox-list',
				text: 'Dear {last_name}',
				recipients: {
					recipient: [
						{ phoneNumber: '+33612345678', personalization: { lastName: 'Roe' } },
						{ phoneNumber: '+33612345679' },
					],
				},
			},
			{ typeVersion: 2 },
		);
		expect(r.error).toBeUndefined();
		expect(t.bodies('POST', '/voice-campaign-on-list/create')).toEqual([
			expect.objectContaining({
				recipients: [
					{ phone_number: '+33612345678', last_name: 'Roe' },
					{ phone_number: '+33612345679' },
				],
			}),
		]);
		expect(r.items[0].json).toEqual(
			expect.objectContaining({
				target: 'list',
				recipients_missing_placeholder_values: 1,
				recipients_skipped: 0,
			}),
		);
	});
});
