// Max Recipients per Tool Call (nodes/shared/action/tool-limit.ts): the Octopush Tool of version 2 refuses a campaign
// past the limit before it is sent; version 1 tools and the node in a workflow send as before.

import type { INodeParameters } from 'n8n-workflow';

import { useTestbed } from '../support/testbed';
import { startTestbed } from './setup';

const t = useTestbed(
	() => startTestbed({ octopushComputationMs: 100 }),
	(testbed) => {
		testbed.sandbox.octopush.balance = 10_000;
		testbed.sandbox.options.octopushComputationMs = 100;
	},
);

const recipients = (n: number) => ({
	recipient: Array.from({ length: n }, (_, i) => ({
		phoneNumber: `+3361${String(i).padStart(7, '0')}`,
	})),
});

const REFUSAL = (count: number, limit: number) =>
	`This tool call addresses ${count} recipients, more than Max Recipients per Tool Call (${limit}) [item 0]`;
const FIX =
	/^Nothing was sent\. This tool may address at most 10 recipients per call: raise Max Recipients per Tool Call on the tool node, or send the campaign from a workflow/;

const asTool = (typeVersion: number) => ({ asTool: true, typeVersion });

describe.each([
	[
		'SMS → Send Campaign',
		{ resource: 'sms', operation: 'sendCampaign', text: 'Hello', smsType: 'sms_premium' },
		'/sms-campaign/send',
	],
	[
		'Voice SMS → Send Campaign',
		{ resource: 'voiceSms', operation: 'sendCampaign', text: 'Hello' },
		'/voice-campaign/send',
	],
])('Octopush Tool, %s', (_name, base: INodeParameters, path) => {
	const campaign = (n: number, more: INodeParameters = {}) => ({
		...base,
		recipients: recipients(n),
		...more,
	});

	test('version 2: 11 recipients with the default limit of 10 are refused with the fix, and Octopush receives no request', async () => {
		const r = await t.run(campaign(11), asTool(2));
		expect(r.status).toBe('error');
		expect(r.error?.message).toBe(REFUSAL(11, 10));
		expect(r.error?.description).toMatch(FIX);
		expect(t.sandbox.requestsTo('octopush')).toEqual([]);
	});

	test('version 2: 11 recipients in Recipients (JSON) are refused too', async () => {
		const json = JSON.stringify(recipients(11).recipient.map((r) => r.phoneNumber));
		const r = await t.run({ ...base, recipientsInput: 'json', recipientsJson: json }, asTool(2));
		expect(r.error?.message).toBe(REFUSAL(11, 10));
		expect(t.sandbox.requestsTo('octopush')).toEqual([]);
	});

	test('version 2: 10 recipients are sent', async () => {
		const r = await t.run(campaign(10), asTool(2));
		expect(r.error).toBeUndefined();
		expect(t.bodies('POST', path)).toHaveLength(1);
		expect((t.bodies('POST', path)[0] as { recipients: unknown[] }).recipients).toHaveLength(10);
	});

	test('version 1 tool: 11 recipients are sent as before (no limit)', async () => {
		const r = await t.run(campaign(11), asTool(1));
		expect(r.error).toBeUndefined();
		expect((t.bodies('POST', path)[0] as { recipients: unknown[] }).recipients).toHaveLength(11);
	});

	test('the node in a workflow (not a tool), version 2: 11 recipients are sent', async () => {
		const r = await t.run(campaign(11), { typeVersion: 2 });
		expect(r.error).toBeUndefined();
		expect((t.bodies('POST', path)[0] as { recipients: unknown[] }).recipients).toHaveLength(11);
	});
});

describe('Octopush Tool, Voice List Campaign (version 2): the list as Octopush counts it, before the send', () => {
	// sandbox-list holds 3 contacts; with the 1 listed here the campaign has 4
	const create = (more: INodeParameters = {}): INodeParameters => ({
		resource: 'voiceListCampaign',
		operation: 'create',
		target: 'list',
		listName: 'sandbox-list',
		text: 'Hello',
		recipients: recipients(1),
		waitAndSend: true,
		pollInterval: 1,
		timeout: 10,
		...more,
	});
	const sends = () => t.sandbox.requestsTo('octopush', 'POST', '/voice-campaign-on-list/send');

	test('Create, then send: 4 contacts past a limit of 3 are refused before the send; the campaign is left unsent', async () => {
		const r = await t.run(create({ toolMaxRecipients: 3 }), asTool(2));
		expect(r.error?.message).toBe(REFUSAL(4, 3));
		expect(r.error?.description).toMatch(
			/Campaign voice_\w+ was created and is left unsent: send it with Voice List Campaign → Send from a workflow, or cancel it with Cancel\.$/,
		);
		expect(sends()).toEqual([]);
	});

	test('Create, then send: more listed recipients than the limit are refused before Create', async () => {
		const r = await t.run(create({ recipients: recipients(11) }), asTool(2));
		expect(r.error?.message).toBe(REFUSAL(11, 10));
		expect(t.sandbox.requestsTo('octopush')).toEqual([]);
	});

	test('Create, then send: within the limit it is sent', async () => {
		const r = await t.run(create({ toolMaxRecipients: 4 }), asTool(2));
		expect(r.error).toBeUndefined();
		expect(sends()).toHaveLength(1);
	});

	test('Create without sending is not limited; Send refuses the 4 contacts past a limit of 3', async () => {
		const created = await t.run(create({ waitAndSend: false }), asTool(2));
		expect(created.error).toBeUndefined();
		const ticket = created.items[0].json.ticket_number as string;
		await new Promise((resolve) => setTimeout(resolve, 200));
		const send = {
			resource: 'voiceListCampaign',
			operation: 'send',
			ticketNumber: ticket,
			target: 'list',
		};
		const refused = await t.run({ ...send, toolMaxRecipients: 3 }, asTool(2));
		expect(refused.error?.message).toBe(REFUSAL(4, 3));
		expect(refused.error?.description).not.toMatch(/left unsent/);
		expect(sends()).toEqual([]);
		const v1 = await t.run(send, asTool(1));
		expect(v1.error).toBeUndefined();
		expect(sends()).toHaveLength(1);
	});
});
