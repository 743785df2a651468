import type { INodeParameters } from 'n8n-workflow';

import { useTestbed } from '../support/testbed';
import { item, smsCampaign, startTestbed } from './setup';

const t = useTestbed(startTestbed, (testbed) => {
	testbed.sandbox.routee.balance = 100;
});

async function sentCampaignId(): Promise<string> {
	const r = await t.run(smsCampaign());
	return r.items[0].json.trackingId as string;
}

interface ProviderCase {
	name: string;
	code: string;
	httpCode: string;
	hint: string;
	/** Prepares the sandbox and returns the node parameters that meet the error. */
	arrange: () => Promise<INodeParameters>;
}

const cases: ProviderCase[] = [
	{
		name: 'not enough balance',
		code: '400001009',
		httpCode: '400',
		hint: 'Your Routee balance is too low for this send.',
		arrange: async () => {
			t.sandbox.routee.balance = 0;
			return smsCampaign();
		},
	},
	{
		name: 'invalid recipients (documented 400005000 with errors[])',
		code: '400005000',
		httpCode: '400',
		hint: 'Routee rejected the sender or the recipients',
		arrange: async () => {
			t.sandbox.injectFault({
				provider: 'routee',
				method: 'POST',
				path: '/sms/campaign',
				status: 400,
				body: {
					code: '400005000',
					developerMessage: 'The recipient numbers are not valid mobile numbers (errorCode: 008)',
					errors: [
						{ code: '008', developerMessage: 'Invalid mobile number', property: '+306948530920' },
					],
				},
			});
			return smsCampaign();
		},
	},
	{
		name: 'campaign name taken',
		code: '409009003',
		httpCode: '409',
		hint: 'A campaign with this name already exists',
		arrange: async () => {
			await t.run(smsCampaign({ options: { campaignName: 'Only once' } }));
			t.sandbox.clearRequests();
			return smsCampaign({ options: { campaignName: 'Only once' } });
		},
	},
	{
		name: 'campaign without recipients (empty group)',
		code: '400009004',
		httpCode: '400',
		hint: 'The campaign has no recipients',
		arrange: async () => smsCampaign({ to: '', groups: 'empty-group' }),
	},
	{
		name: 'unknown contact',
		code: '404002001',
		httpCode: '404',
		hint: 'A contact ID does not exist',
		arrange: async () => ({
			resource: 'voice',
			operation: 'sendCampaign',
			from: 'MyClinic',
			text: 'Hi',
			contacts: 'no-such-contact',
		}),
	},
	{
		name: 'unknown campaign',
		code: '404009001',
		httpCode: '404',
		hint: 'No campaign with this tracking ID exists',
		arrange: async () => ({
			resource: 'sms',
			operation: 'getCampaign',
			trackingId: 'no-such-campaign',
		}),
	},
	{
		name: 'campaign not scheduled',
		code: '400009002',
		httpCode: '400',
		hint: 'The campaign is not in state Scheduled',
		arrange: async () => {
			const trackingId = await sentCampaignId();
			t.sandbox.clearRequests();
			return { resource: 'sms', operation: 'deleteCampaign', trackingId };
		},
	},
	{
		name: 'unknown tracking',
		code: '404005000',
		httpCode: '404',
		hint: 'No tracking information exists for this ID',
		arrange: async () => ({
			resource: 'sms',
			operation: 'getMessageTracking',
			messageId: 'no-such-message',
		}),
	},
];

describe('provider errors become NodeApiError with the code, the message and a hint', () => {
	test.each(cases)('$code: $name', async ({ arrange, code, httpCode, hint }) => {
		const parameters = await arrange();
		const r = await t.run(parameters, { input: [item()] });
		expect(r.status).toBe('error');
		expect(r.error?.name).toBe('NodeApiError');
		expect(r.error?.message).toMatch(
			new RegExp(`^Routee refused the request \\(code ${code}\\): \\S`),
		);
		expect(r.error?.description).toContain(hint);
		expect(r.error?.httpCode).toBe(httpCode);
		expect(r.error?.context).toMatchObject({ itemIndex: 0, routeeCode: code });
		expect(t.received().every((q) => q.status >= 400)).toBe(true);
	});

	test('the numbers Routee names as invalid are listed', async () => {
		await cases[1].arrange();
		const r = await t.run(smsCampaign());
		expect(r.error?.description).toContain('Invalid: +306948530920');
	});

	test("R8: a Validation Error shows Routee's per-field detail, `properties` (https://docs.routee.net/docs/generic-errors)", async () => {
		// the page's own example body
		t.sandbox.injectFault({
			provider: 'routee',
			method: 'POST',
			path: '/sms/campaign',
			status: 400,
			body: {
				code: '400000000',
				developerMessage: 'Validation Error!',
				properties: { name: 'may not be empty', username: 'size must be between 6 and 15' },
			},
		});
		const r = await t.run(smsCampaign());
		expect(r.error?.name).toBe('NodeApiError');
		expect(r.error?.message).toBe('Routee refused the request (code 400000000): Validation Error!');
		expect(r.error?.description).toBe(
			"Routee's reasons: name: may not be empty; username: size must be between 6 and 15. Routee refused the value of a field (Validation Error): correct the field it names and run the node again.",
		);
		expect(r.error?.context).toMatchObject({ routeeCode: '400000000' });
	});

	test('with Continue On Fail a refused item carries the provider error and the others still run', async () => {
		const r = await t.run(
			{ resource: 'sms', operation: 'getCampaign', trackingId: '={{ $json.id }}' },
			{
				input: [item({ id: 'no-such-campaign' }), item({ id: await sentCampaignId() })],
				continueOnFail: true,
			},
		);
		expect(r.error).toBeUndefined();
		expect(r.items).toEqual([
			{
				json: {
					error: expect.stringMatching(/^Routee refused the request \(code 404009001\): /),
					description: 'No campaign with this tracking ID exists in your Routee account.',
				},
				pairedItem: { item: 0 },
			},
			{
				json: expect.objectContaining({ trackingId: expect.any(String), type: 'Sms' }),
				pairedItem: { item: 1 },
			},
		]);
	});

	test.each([401, 403])(
		'%i after the token was renewed once: an error with a hint, no endless retries',
		async (status) => {
			t.sandbox.injectFault({ provider: 'routee', path: '/accounts/me/balance', status, times: 2 });
			const tokens = t.tokenRequests().length;
			const r = await t.run({ resource: 'account', operation: 'getBalance' });
			expect(r.error?.name).toBe('NodeApiError');
			expect(r.error?.httpCode).toBe(String(status));
			expect(r.error?.description).toMatch(
				status === 401
					? /refused the access token even after fetching a new one/
					: /even with a new access token/,
			);
			expect(t.received().map((q) => q.status)).toEqual([status, status]);
			expect(t.tokenRequests().length).toBe(tokens + 1);
		},
	);
});

describe('a send whose outcome is unknown is never sent again', () => {
	test('the connection drops after Routee accepted the campaign: one POST, and the error says it may have been sent', async () => {
		t.sandbox.injectFault({
			provider: 'routee',
			method: 'POST',
			path: '/sms/campaign',
			reset: 'after',
		});
		const r = await t.run(smsCampaign());
		expect(r.status).toBe('error');
		expect(t.received('POST', '/sms/campaign')).toHaveLength(1);
		expect(r.error?.description).toContain('may or may not have been accepted');
	});

	test('a 500 on the second item: one POST each, and the error lists what this run already sent', async () => {
		// faults apply in the order they were armed: the first lets one request through, the second answers 500
		t.sandbox.injectFault({
			provider: 'routee',
			method: 'POST',
			path: '/voice/campaign',
			delayMs: 0,
		});
		t.sandbox.injectFault({
			provider: 'routee',
			method: 'POST',
			path: '/voice/campaign',
			status: 500,
			body: { code: '500000000', developerMessage: 'Internal error' },
		});
		const r = await t.run(
			{
				resource: 'voice',
				operation: 'sendCampaign',
				from: 'MyClinic',
				text: 'Hi',
				to: '={{ $json.phone }}',
			},
			{
				input: [
					item({ phone: '+306948530931' }),
					item({ phone: '+306948530932' }),
					item({ phone: '+306948530933' }),
				],
			},
		);
		expect(
			t.received('POST', '/voice/campaign').map((q) => [(q.body as { to: string[] }).to, q.status]),
		).toEqual([
			[['+306948530931'], 200],
			[['+306948530932'], 500],
		]);
		expect(r.error?.message).toBe('Routee refused the request (code 500000000): Internal error');
		expect(r.error?.context?.itemIndex).toBe(1);
		expect(r.error?.description).toContain('may or may not have been accepted');
		expect(r.error?.description).toMatch(
			/Already sent by this run: item 0 \(tracking ID [\w-]+\)\./,
		);
	});
});
