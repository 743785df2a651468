// Max Recipients per Tool Call (nodes/shared/action/tool-limit.ts): the Routee Tool of version 2 refuses a campaign
// past the limit before any request; version 1 tools and the node in a workflow send as before.

import type { INodeParameters } from 'n8n-workflow';

import { useTestbed } from '../support/testbed';
import { smsCampaign, startTestbed, voiceCampaign } from './setup';

const t = useTestbed(startTestbed);

/** `n` distinct Greek mobile numbers, comma-separated as the To field takes them. */
const numbers = (n: number) =>
	Array.from({ length: n }, (_, i) => `+3069485309${String(i).padStart(2, '0')}`).join(', ');

const REFUSAL =
	/^This tool call addresses 11 recipients, more than Max Recipients per Tool Call \(10\) \[item 0\]$/;
const FIX =
	/^Nothing was sent\. This tool may address at most 10 recipients per call: raise Max Recipients per Tool Call on the tool node, or send the campaign from a workflow with the node itself \(not its Tool variant\)/;

const asTool = (typeVersion: number) => ({ asTool: true, typeVersion });

describe.each([
	['SMS → Send Campaign', smsCampaign, '/sms/campaign'],
	['Voice → Send Campaign', voiceCampaign, '/voice/campaign'],
])('Routee Tool, %s', (_name, campaign: (o?: INodeParameters) => INodeParameters, path) => {
	test('version 2: 11 recipients with the default limit of 10 are refused with the fix, and Routee receives no request', async () => {
		const r = await t.run(campaign({ to: numbers(11) }), asTool(2));
		expect(r.status).toBe('error');
		expect(r.error?.message).toMatch(REFUSAL);
		expect(r.error?.description).toMatch(FIX);
		expect(r.error?.context?.itemIndex).toBe(0);
		expect(t.received()).toEqual([]);
		expect(t.tokenRequests()).toEqual([]);
	});

	test('version 2: 10 recipients (numbers and contact IDs together) are sent', async () => {
		const r = await t.run(campaign({ to: numbers(9), contacts: 'sandbox-contact-1' }), asTool(2));
		expect(r.error).toBeUndefined();
		const [request] = t.received('POST', path);
		expect(request.body).toMatchObject({ contacts: ['sandbox-contact-1'] });
		expect((request.body as { to: string[] }).to).toHaveLength(9);
	});

	test('version 2: a raised limit lets the 11 through', async () => {
		const r = await t.run(campaign({ to: numbers(11), toolMaxRecipients: 11 }), asTool(2));
		expect(r.error).toBeUndefined();
		expect((t.received('POST', path)[0].body as { to: string[] }).to).toHaveLength(11);
	});

	test('version 2: groups are refused (only Routee knows their size), nothing is sent', async () => {
		const r = await t.run(campaign({ to: '', groups: 'sandbox-group' }), asTool(2));
		expect(r.error?.message).toBe(
			"Groups cannot be used when this node is an AI agent's tool [item 0]",
		);
		expect(r.error?.description).toMatch(
			/^Only Routee knows how many contacts a group holds when it sends, so Max Recipients per Tool Call \(10\) cannot be checked\. Nothing was sent\..*give phone numbers instead/,
		);
		expect(t.received()).toEqual([]);
	});

	test('version 1 tool: 11 recipients are sent as before (no limit)', async () => {
		const r = await t.run(campaign({ to: numbers(11) }), asTool(1));
		expect(r.error).toBeUndefined();
		expect((t.received('POST', path)[0].body as { to: string[] }).to).toHaveLength(11);
	});

	test('the node in a workflow (not a tool), version 2: 11 recipients are sent', async () => {
		const r = await t.run(campaign({ to: numbers(11) }), { typeVersion: 2 });
		expect(r.error).toBeUndefined();
		expect((t.received('POST', path)[0].body as { to: string[] }).to).toHaveLength(11);
	});
});

describe('Routee Tool, SMS → Update Scheduled Campaign (version 2)', () => {
	async function scheduled(to: string): Promise<string> {
		const r = await t.run(
			smsCampaign({ to, options: { scheduledDate: '2031-01-01T09:00:00+02:00' } }),
			{ typeVersion: 2 },
		);
		expect(r.error).toBeUndefined();
		t.sandbox.clearRequests();
		return r.items[0].json.trackingId as string;
	}

	const update = (trackingId: string, updateFields: INodeParameters) => ({
		resource: 'sms',
		operation: 'updateCampaign',
		trackingId,
		when: 'scheduled',
		scheduledDate: '2031-01-02T09:00:00+02:00',
		updateFields,
	});

	test('11 numbers in the changes are refused before any request', async () => {
		const trackingId = await scheduled(numbers(1));
		const r = await t.run(update(trackingId, { to: numbers(11) }), asTool(2));
		expect(r.error?.message).toMatch(REFUSAL);
		expect(t.received()).toEqual([]);
	});

	test("the campaign's own recipients count: 10 already there plus 1 contact added is refused before the PUT", async () => {
		const trackingId = await scheduled(numbers(10));
		const r = await t.run(update(trackingId, { contacts: 'sandbox-contact-1' }), asTool(2));
		expect(r.error?.message).toMatch(REFUSAL);
		expect(t.received().map((q) => `${q.method} ${q.path}`)).toEqual([
			`GET /campaigns/${trackingId}`,
		]);
	});

	test('within the limit the update is sent', async () => {
		const trackingId = await scheduled(numbers(9));
		const r = await t.run(update(trackingId, { contacts: 'sandbox-contact-1' }), asTool(2));
		expect(r.error).toBeUndefined();
		expect(t.received('PUT')).toHaveLength(1);
	});
});

test('Analyze sends nothing, so the tool is not limited', async () => {
	const r = await t.run(
		{ resource: 'sms', operation: 'analyze', from: 'MyShop', body: 'Hi', to: numbers(11) },
		asTool(2),
	);
	expect(r.error).toBeUndefined();
});
