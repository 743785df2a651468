import type { INodeParameters } from 'n8n-workflow';

import { useTestbed } from '../support/testbed';
import { CONVERSATION_FIELDS, VOICE_CAMPAIGN_FIELDS } from '../support/routee-documented-fields';
import { item, startTestbed, tomorrowLocal } from './setup';

const t = useTestbed(startTestbed);

const conversation = (overrides: INodeParameters): INodeParameters => ({
	resource: 'voice',
	operation: 'startConversation',
	from: '+306948530900',
	toType: 'phone',
	to: '+306948531001',
	...overrides,
});

async function startCall(to: string): Promise<{ trackingId: string; messageId: string }> {
	const r = await t.run(
		conversation({ to, dialPlanSource: 'url', dialPlanUrl: 'https://example.com/plan.json' }),
	);
	expect(r.error).toBeUndefined();
	const trackingId = r.items[0].json.trackingId as string;
	const message = [...t.sandbox.routee.voiceMessages.values()].find(
		(m) => m.conversationTrackingId === trackingId,
	);
	return { trackingId, messageId: message!.messageId };
}

describe('Voice → Send Campaign', () => {
	test('text to speech, one request per item: every documented field reaches POST /voice/campaign', async () => {
		const r = await t.run({
			resource: 'voice',
			operation: 'sendCampaign',
			mode: 'perItem',
			from: '+306948530900',
			text: 'Your appointment is tomorrow at 10. Press 1 to confirm.',
			language: 'el-GR',
			gender: 'male',
			to: '+306948531010',
			contacts: 'sandbox-contact-1',
			groups: 'sandbox-group',
			options: {
				campaignName: 'Reminders 1',
				scheduledDate: '2030-06-01T10:00:00+03:00',
				respectQuietHours: true,
				hangupDelay: 30,
				callback: { values: { url: 'https://example.com/voice', strategy: 'OnCompletion' } },
				campaignCallback: { values: { url: 'https://example.com/campaign', strategy: 'OnChange' } },
				collectKeyPresses: { values: { collect: true, waitSeconds: 5 } },
			},
		});
		expect(r.error).toBeUndefined();
		expect(t.received().map((q) => [q.method, q.path, q.body])).toEqual([
			[
				'POST',
				'/voice/campaign',
				{
					from: '+306948530900',
					message: {
						text: 'Your appointment is tomorrow at 10. Press 1 to confirm.',
						language: 'el-GR',
						gender: 'male',
					},
					to: ['+306948531010'],
					contacts: ['sandbox-contact-1'],
					groups: ['sandbox-group'],
					name: 'Reminders 1',
					scheduledDate: '2030-06-01T10:00:00+03:00',
					respectQuietHours: true,
					hangupDelay: 30,
					callback: { url: 'https://example.com/voice', strategy: 'OnCompletion' },
					campaignCallback: { url: 'https://example.com/campaign', strategy: 'OnChange' },
					collectDtmfDigits: true,
					collectDtmfAwaitSeconds: 5,
				},
			],
		]);
		expect(r.items).toHaveLength(1);
		expect(Object.keys(r.items[0].json)).toEqual(expect.arrayContaining(VOICE_CAMPAIGN_FIELDS));
		expect(r.items[0].json).toMatchObject({
			trackingId: expect.any(String),
			type: 'Voice',
			state: 'Scheduled',
			campaignName: 'Reminders 1',
			voiceAnalysis: { numberOfRecipients: 5 },
		});
		expect(r.items[0].pairedItem).toEqual({ item: 0 });
	});

	test('a WAV file for all items: each item is one recipient of a single campaign', async () => {
		const r = await t.run(
			{
				resource: 'voice',
				operation: 'sendCampaign',
				mode: 'allItems',
				from: 'MyClinic',
				messageType: 'audioFile',
				fileUrl: 'https://example.com/reminder.wav',
				recipient: '={{ $json.phone }}',
				options: { defaultCountry: 'GR' },
			},
			{ input: [item({ phone: '6948531020' }), item({ phone: '+306948531021' })] },
		);
		expect(r.error).toBeUndefined();
		expect(t.received().map((q) => q.body)).toEqual([
			{
				from: 'MyClinic',
				fileURL: 'https://example.com/reminder.wav',
				to: ['+306948531020', '+306948531021'],
			},
		]);
		expect(r.items).toEqual([
			{
				json: expect.objectContaining({
					fileURL: 'https://example.com/reminder.wav',
					message: null,
					state: 'Queued',
				}),
				pairedItem: [{ item: 0 }, { item: 1 }],
			},
		]);
	});

	test('Cancel Scheduled Campaign: DELETE /voice/campaign/{trackingId}; Get Campaign: GET /campaigns/{trackingId}', async () => {
		const sent = await t.run({
			resource: 'voice',
			operation: 'sendCampaign',
			from: 'MyClinic',
			text: 'Later',
			to: '+306948531030',
			options: { scheduledDate: tomorrowLocal() },
		});
		const trackingId = sent.items[0].json.trackingId as string;
		t.sandbox.clearRequests();
		const deleted = await t.run({ resource: 'voice', operation: 'deleteCampaign', trackingId });
		expect(deleted.error).toBeUndefined();
		const got = await t.run({ resource: 'voice', operation: 'getCampaign', trackingId });
		expect(t.received().map((q) => [q.method, q.path])).toEqual([
			['DELETE', `/voice/campaign/${trackingId}`],
			['GET', `/campaigns/${trackingId}`],
		]);
		expect(deleted.items).toEqual([
			{
				json: expect.objectContaining({ trackingId, state: 'Cancelled' }),
				pairedItem: { item: 0 },
			},
		]);
		expect(got.items).toEqual([
			{
				json: expect.objectContaining({ trackingId, type: 'Voice', state: 'Cancelled' }),
				pairedItem: { item: 0 },
			},
		]);
	});

	test('Get Campaign Tracking and Get Message Tracking', async () => {
		const sent = await t.run({
			resource: 'voice',
			operation: 'sendCampaign',
			from: 'MyClinic',
			text: 'Hello',
			to: '+306948531040, +306948531041, +306948531042',
		});
		const trackingId = sent.items[0].json.trackingId as string;
		t.sandbox.clearRequests();
		const tracking = await t.run({
			resource: 'voice',
			operation: 'getCampaignTracking',
			trackingId,
			returnAll: false,
			limit: 2,
		});
		expect(tracking.error).toBeUndefined();
		expect(tracking.items).toHaveLength(2);
		expect(tracking.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		const messageId = tracking.items[0].json.messageId as string;
		const message = await t.run({ resource: 'voice', operation: 'getMessageTracking', messageId });
		expect(t.received().map((q) => [q.method, q.path, q.query])).toEqual([
			['GET', `/voice/tracking/campaign/${trackingId}`, { page: '0', size: '2' }],
			['GET', `/voice/tracking/${messageId}`, {}],
		]);
		expect(message.items).toEqual([
			{
				json: expect.objectContaining({
					messageId,
					campaignTrackingId: trackingId,
					to: tracking.items[0].json.to,
				}),
				pairedItem: { item: 0 },
			},
		]);
	});
});

describe('issue 22: voice campaigns as Routee documents them', () => {
	test("N9/R4: message.gender is optional (https://docs.routee.net/reference/send-a-voice-campaign): Routee's Default and an empty expression send none; a saved Female still sends female", async () => {
		const base = {
			resource: 'voice',
			operation: 'sendCampaign',
			from: '+306948530900',
			text: 'Hello',
			to: '+306948530920',
		};
		const byDefault = await t.run({ ...base, gender: '' });
		const empty = await t.run({ ...base, gender: '={{ $json.none }}' });
		// a workflow saved before: gender left at its default (female), so not in the saved parameters
		const saved = await t.run(base);
		expect([byDefault.error, empty.error, saved.error]).toEqual([undefined, undefined, undefined]);
		expect(
			t
				.received('POST', '/voice/campaign')
				.map((q) => [q.status, (q.body as INodeParameters).message]),
		).toEqual([
			[200, { text: 'Hello', language: 'en-GB' }],
			[200, { text: 'Hello', language: 'en-GB' }],
			[200, { text: 'Hello', language: 'en-GB', gender: 'female' }],
		]);
		expect(byDefault.items[0].json.trackingId).toEqual(expect.any(String));
	});

	test('N8: the shortest E.164 numbers (4 digits after a 3-digit code, Niue +683) are sent', async () => {
		const r = await t.run({
			resource: 'voice',
			operation: 'sendCampaign',
			from: '+306948530900',
			text: 'Hello',
			to: '+6834002, +2902158',
		});
		expect(r.error).toBeUndefined();
		expect(
			t.received('POST', '/voice/campaign').map((q) => [q.status, (q.body as INodeParameters).to]),
		).toEqual([[200, ['+6834002', '+2902158']]]);
	});
});

describe('Voice → Start Conversation', () => {
	test('verbs built in the UI, in order, with every field; the output is the response', async () => {
		const r = await t.run(
			conversation({
				to: '={{ $json.phone }}',
				dialPlanSource: 'verbs',
				verbs: {
					verb: [
						{
							type: 'SAY',
							text: 'Hello {{name}}',
							language: 'en-GB',
							gender: 'female',
							repeat: 1,
							bargeIn: true,
						},
						{ type: 'PLAY', fileUrl: 'https://example.com/music.wav', repeat: 0, bargeIn: false },
						{
							type: 'COLLECT',
							eventUrl: 'https://example.com/keys',
							maxDigits: 1,
							submitOnHash: true,
						},
						{
							type: 'DIAL',
							dialFrom: '+306948530900',
							dialToType: 'phone',
							dialTo: '6948531099',
							dialOptions: {
								hangupDelay: 15,
								maxDuration: 600,
								callback: { values: { url: 'https://example.com/dial', strategy: 'OnCompletion' } },
								record: true,
								recordingFormat: 'WAV',
								recordingCallbackUrl: 'https://example.com/recording',
								machineDetection: {
									values: { strategy: 'Continue', eventUrl: 'https://example.com/machine' },
								},
							},
						},
					],
				},
				options: {
					defaultCountry: 'GR',
					callback: { values: { url: 'https://example.com/call', strategy: 'OnChange' } },
					hangupDelay: 25,
					maxDuration: 300,
					machineDetection: { values: { strategy: 'Hangup' } },
				},
			}),
			{ input: [item({ phone: '6948531050' })] },
		);
		expect(r.error).toBeUndefined();
		const expected = {
			to: { phone: '+306948531050' },
			from: '+306948530900',
			dialPlan: {
				verbs: [
					{
						type: 'SAY',
						message: { text: 'Hello {{name}}', language: 'en-GB', gender: 'female' },
						repeat: 1,
						bargeIn: true,
					},
					{ type: 'PLAY', fileURL: 'https://example.com/music.wav', repeat: 0, bargeIn: false },
					{
						type: 'COLLECT',
						eventUrl: 'https://example.com/keys',
						maxDigits: 1,
						submitOnHash: true,
					},
					{
						type: 'DIAL',
						from: '+306948530900',
						to: { phone: '+306948531099' },
						hangupDelay: 15,
						maxDuration: 600,
						record: true,
						recordingFormat: 'WAV',
						recordingCallbackUrl: 'https://example.com/recording',
						callback: { url: 'https://example.com/dial', strategy: 'OnCompletion' },
						machineDetection: { strategy: 'Continue', eventUrl: 'https://example.com/machine' },
					},
				],
			},
			callback: { url: 'https://example.com/call', strategy: 'OnChange' },
			hangupDelay: 25,
			maxDuration: 300,
			machineDetection: { strategy: 'Hangup' },
		};
		expect(t.received().map((q) => [q.method, q.path, q.body])).toEqual([
			['POST', '/voice/conversation', expected],
		]);
		expect(r.items).toHaveLength(1);
		expect(Object.keys(r.items[0].json)).toEqual(expect.arrayContaining(CONVERSATION_FIELDS));
		expect(r.items[0].json).toMatchObject({
			trackingId: expect.any(String),
			direction: 'Outbound',
			to: { phone: '+306948531050' },
		});
		expect(r.items[0].json.dialPlan).toEqual(expected.dialPlan);
		expect(r.items[0].pairedItem).toEqual({ item: 0 });
	});

	test('a raw JSON dial plan to a SIP URI, and a dial-plan URL to a Viber number', async () => {
		const plan = {
			verbs: [{ type: 'SAY', message: { text: 'Hi', language: 'fr-FR', gender: 'male' } }],
		};
		const sip = await t.run(
			conversation({
				toType: 'sip',
				to: 'sip:alice@example.com:5060',
				dialPlanSource: 'json',
				dialPlanJson: JSON.stringify(plan, null, 2),
			}),
		);
		const viber = await t.run(
			conversation({
				toType: 'viber',
				to: '306971234567',
				dialPlanSource: 'url',
				dialPlanUrl: 'https://example.com/plan.json',
			}),
		);
		expect(sip.error).toBeUndefined();
		expect(viber.error).toBeUndefined();
		expect(t.received().map((q) => q.body)).toEqual([
			{ to: { sip: 'sip:alice@example.com:5060' }, from: '+306948530900', dialPlan: plan },
			{
				to: { viber: '306971234567' },
				from: '+306948530900',
				dialPlanUrl: 'https://example.com/plan.json',
			},
		]);
		expect(sip.items[0].json).toMatchObject({
			to: { sip: 'sip:alice@example.com:5060' },
			dialPlan: plan,
		});
		expect(viber.items[0].json).toMatchObject({
			to: { viber: '306971234567' },
			dialPlanUrl: 'https://example.com/plan.json',
		});
	});

	test('Get Conversation, Hang Up, and Get Message Tracking of the call', async () => {
		const { trackingId, messageId } = await startCall('+306948531060');
		t.sandbox.clearRequests();
		const got = await t.run({ resource: 'voice', operation: 'getConversation', trackingId });
		const hungUp = await t.run({
			resource: 'voice',
			operation: 'hangUp',
			messageId,
			callAction: 'hangup',
		});
		const tracked = await t.run({ resource: 'voice', operation: 'getMessageTracking', messageId });
		expect([got.error, hungUp.error, tracked.error]).toEqual([undefined, undefined, undefined]);
		expect(t.received().map((q) => [q.method, q.path, q.body])).toEqual([
			['GET', `/voice/conversation/${trackingId}`, undefined],
			['PUT', `/voice/conversation/${messageId}`, { action: 'hangup' }],
			['GET', `/voice/tracking/${messageId}`, undefined],
		]);
		expect(got.items).toEqual([
			{
				json: expect.objectContaining({ trackingId, to: { phone: '+306948531060' } }),
				pairedItem: { item: 0 },
			},
		]);
		expect(hungUp.items).toEqual([
			{ json: expect.objectContaining({ trackingId }), pairedItem: { item: 0 } },
		]);
		expect(tracked.items).toEqual([
			{
				json: expect.objectContaining({
					messageId,
					conversationTrackingId: trackingId,
					status: expect.objectContaining({ name: 'Terminated' }),
				}),
				pairedItem: { item: 0 },
			},
		]);
	});

	test('Reject sends the reject action', async () => {
		const { messageId } = await startCall('+306948531070');
		t.sandbox.clearRequests();
		const r = await t.run({
			resource: 'voice',
			operation: 'hangUp',
			messageId,
			callAction: 'reject',
		});
		expect(r.error).toBeUndefined();
		expect(t.received().map((q) => [q.method, q.path, q.body])).toEqual([
			['PUT', `/voice/conversation/${messageId}`, { action: 'reject' }],
		]);
	});
});
