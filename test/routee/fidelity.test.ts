// Issue 12, Routee items 10, 12–15: the node sends what Routee documents and refuses only what it
// documents as invalid. Each test names the documentation it follows.

import type { INodeParameters, INodeProperties } from 'n8n-workflow';

import { Routee } from '../../nodes/Routee/Routee.node';
import { useTestbed } from '../support/testbed';
import { startTestbed, voiceCampaign } from './setup';

const t = useTestbed(startTestbed);

const conversation = (
	verbs: INodeParameters[],
	overrides: INodeParameters = {},
): INodeParameters => ({
	resource: 'voice',
	operation: 'startConversation',
	from: '+306948530900',
	toType: 'phone',
	to: '+306948531201',
	dialPlanSource: 'verbs',
	verbs: { verb: verbs },
	...overrides,
});
const say = {
	type: 'SAY',
	text: 'Hello',
	language: 'en-GB',
	gender: 'female',
	repeat: 0,
	bargeIn: false,
};

/** The node's field `name` of the operation, as the n8n editor shows it. */
function field(resource: string, operation: string, name: string): INodeProperties {
	const all = new Routee().description.properties;
	const shown = (p: INodeProperties) =>
		p.displayOptions?.show?.resource?.includes(resource) &&
		p.displayOptions?.show?.operation?.includes(operation);
	const found = all.filter(shown).find((p) => p.name === name);
	if (!found) throw new Error(`no field ${name} in ${resource} → ${operation}`);
	return found;
}
const optionOf = (resource: string, operation: string, name: string) =>
	(field(resource, operation, 'options').options as INodeProperties[]).find(
		(o) => o.name === name,
	)!;

describe('10. voice campaign name: the request key is `name` (https://docs.routee.net/reference/send-a-voice-campaign)', () => {
	test("the body carries `name`; a second campaign with the same name gets Routee's 409009003, shown clearly", async () => {
		const first = await t.run(voiceCampaign({ options: { campaignName: 'Clinic reminders' } }));
		expect(first.error).toBeUndefined();
		expect(t.received('POST', '/voice/campaign').map((q) => [q.status, q.body])).toEqual([
			[
				200,
				{
					from: '+306948530900',
					message: { text: 'Hello', language: 'en-GB', gender: 'female' },
					to: ['+306948530920'],
					name: 'Clinic reminders',
				},
			],
		]);
		expect(first.items[0].json).toMatchObject({ campaignName: 'Clinic reminders' });

		const second = await t.run(
			voiceCampaign({ to: '+306948531202', options: { campaignName: 'Clinic reminders' } }),
		);
		expect(t.received('POST', '/voice/campaign').map((q) => q.status)).toEqual([200, 409]);
		expect(second.error?.name).toBe('NodeApiError');
		expect(second.error?.message).toBe(
			'Routee refused the request (code 409009003): Your account already has a campaign with the given name: Clinic reminders',
		);
		expect(second.error?.description).toContain(
			'A campaign with this name already exists in your Routee account. Campaign names must be unique.',
		);
		expect(second.error?.httpCode).toBe('409');
	});
});

describe('12. dial-plan verbs as documented', () => {
	test('a DIAL hang-up delay over 60 s is sent (DIAL: "Min value: 1", no maximum; https://docs.routee.net/reference/dial-verb)', async () => {
		const dial = {
			type: 'DIAL',
			dialFrom: '+306948530900',
			dialToType: 'phone',
			dialTo: '+306948531203',
			dialOptions: { hangupDelay: 120 },
		};
		const r = await t.run(conversation([say, dial]));
		expect(r.error).toBeUndefined();
		const [post] = t.received('POST', '/voice/conversation');
		expect(post.status).toBe(200);
		expect((post.body as { dialPlan: { verbs: unknown[] } }).dialPlan.verbs[1]).toEqual({
			type: 'DIAL',
			from: '+306948530900',
			to: { phone: '+306948531203' },
			hangupDelay: 120,
		});
	});

	test("the DIAL hang-up delay field has no maximum; the conversation's own stays 1–60", () => {
		const verbs = field('voice', 'startConversation', 'verbs').options as Array<{
			values: INodeProperties[];
		}>;
		const dialOptions = verbs[0].values.find((v) => v.name === 'dialOptions')!
			.options as INodeProperties[];
		expect(dialOptions.find((o) => o.name === 'hangupDelay')!.typeOptions).toEqual({ minValue: 1 });
		expect(optionOf('voice', 'startConversation', 'hangupDelay').typeOptions).toEqual({
			minValue: 1,
			maxValue: 60,
		});
	});

	test('SAY without a gender and COLLECT without an event URL are sent, from the UI and from JSON (say-verb, collect-verb)', async () => {
		const ui = await t.run(
			conversation([
				{ ...say, gender: '' },
				{ type: 'COLLECT', eventUrl: '', maxDigits: 1, submitOnHash: false },
			]),
		);
		const json = await t.run(
			conversation([], {
				dialPlanSource: 'json',
				dialPlanJson: JSON.stringify({
					verbs: [
						{ type: 'SAY', message: { text: 'Hi', language: 'en-US' } },
						{ type: 'COLLECT', maxDigits: 2 },
					],
				}),
			}),
		);
		expect([ui.error, json.error]).toEqual([undefined, undefined]);
		expect(
			t
				.received('POST', '/voice/conversation')
				.map((q) => [q.status, (q.body as { dialPlan: unknown }).dialPlan]),
		).toEqual([
			[
				200,
				{
					verbs: [
						{
							type: 'SAY',
							message: { text: 'Hello', language: 'en-GB' },
							repeat: 0,
							bargeIn: false,
						},
						{ type: 'COLLECT', maxDigits: 1, submitOnHash: false },
					],
				},
			],
			[
				200,
				{
					verbs: [
						{ type: 'SAY', message: { text: 'Hi', language: 'en-US' } },
						{ type: 'COLLECT', maxDigits: 2 },
					],
				},
			],
		]);
	});

	test("the SAY gender offers Routee's default (no gender sent)", () => {
		const verbs = field('voice', 'startConversation', 'verbs').options as Array<{
			values: INodeProperties[];
		}>;
		const gender = verbs[0].values.find((v) => v.name === 'gender')!;
		expect(gender.options).toEqual([
			{ name: 'Female', value: 'female' },
			{ name: 'Male', value: 'male' },
			{ name: "Routee's Default", value: '' },
		]);
	});
});

describe('13. WAV URLs: any http(s) URL; the content must be WAV (https://docs.routee.net/docs/other-voice-messaging-concept)', () => {
	const wav = 'https://cdn.example.com/audio/4711?format=wav';

	test('a campaign and a PLAY verb with a WAV URL whose path does not end in .wav are sent', async () => {
		const campaign = await t.run(voiceCampaign({ messageType: 'audioFile', fileUrl: wav }));
		const call = await t.run(
			conversation([{ type: 'PLAY', fileUrl: wav, repeat: 0, bargeIn: false }]),
		);
		expect([campaign.error, call.error]).toEqual([undefined, undefined]);
		expect(t.received().map((q) => [q.path, q.status])).toEqual([
			['/voice/campaign', 200],
			['/voice/conversation', 200],
		]);
		expect(t.received('POST', '/voice/campaign')[0].body).toMatchObject({ fileURL: wav });
		expect(t.received('POST', '/voice/conversation')[0].body).toMatchObject({
			dialPlan: { verbs: [{ type: 'PLAY', fileURL: wav, repeat: 0, bargeIn: false }] },
		});
	});

	test('the WAV File URL fields say the URL must point to a WAV file', () => {
		expect(field('voice', 'sendCampaign', 'fileUrl').description).toMatch(
			/must point to a WAV file/,
		);
		const verbs = field('voice', 'startConversation', 'verbs').options as Array<{
			values: INodeProperties[];
		}>;
		expect(verbs[0].values.find((v) => v.name === 'fileUrl')!.description).toMatch(
			/must point to a WAV file/,
		);
	});
});

describe('14. voice sender: numeric is documented, an alphanumeric one shows as "Unknown" (other-voice-messaging-concept)', () => {
	test('an alphanumeric sender is still sent, and the From field says recipients then see "Unknown"', async () => {
		const r = await t.run(voiceCampaign({ from: 'MyClinic' }));
		expect(r.error).toBeUndefined();
		expect(t.received('POST', '/voice/campaign')[0]).toMatchObject({
			status: 200,
			body: expect.objectContaining({ from: 'MyClinic' }),
		});
		for (const operation of ['sendCampaign', 'startConversation']) {
			const description = field('voice', operation, 'from').description;
			expect(description).toMatch(/at most 16 digits/);
			expect(description).toMatch(/recipients then see "Unknown"/);
		}
	});
});

describe('15. TTL and label as Routee documents them (https://docs.routee.net/reference/send-single-sms)', () => {
	const sms = (options: INodeParameters = {}): INodeParameters => ({
		resource: 'sms',
		operation: 'send',
		from: 'MyShop',
		to: '+306948531210',
		body: 'Hi',
		options,
	});

	test("without the TTL option no ttl is sent (Routee then tries for 72 h); added, it shows Routee's default, 4320", async () => {
		const r = await t.run(sms());
		const campaign = await t.run({
			resource: 'sms',
			operation: 'sendCampaign',
			from: 'MyShop',
			body: 'Hi',
			to: '+306948531211',
		});
		expect([r.error, campaign.error]).toEqual([undefined, undefined]);
		for (const request of t.received()) expect(request.body).not.toHaveProperty('ttl');
		expect(optionOf('sms', 'send', 'ttl').default).toBe(4320);
		expect(optionOf('sms', 'sendCampaign', 'ttl').default).toBe(4320);
	});

	test('a label of 350 characters is sent; 351 is refused before anything is sent, naming the rule and its source', async () => {
		const ok = await t.run(sms({ label: 'l'.repeat(350) }));
		expect(ok.error).toBeUndefined();
		expect(t.received('POST', '/sms')[0]).toMatchObject({
			status: 200,
			body: expect.objectContaining({ label: 'l'.repeat(350) }),
		});
		t.sandbox.clearRequests();
		const refused = await t.run(sms({ label: 'l'.repeat(351) }));
		expect(refused.error?.message).toBe('Label is not valid [item 0]');
		expect(refused.error?.description).toBe(
			'Label must be at most 350 characters (https://docs.routee.net/reference/send-single-sms), it has 351.',
		);
		expect(t.sandbox.requests).toEqual([]);
	});
});
