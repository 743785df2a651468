// Callbacks the sandbox POSTs like the providers: retries, strategies, SMS parts, voice, COLLECT, Octopush reports.

import { startReceiver, type Receiver } from './receiver';
import { Sandbox } from './server';
import { octopush, routee, sleep, token } from './test-client';
import type { SentCallback } from './types';

describe('callbacks', () => {
	let sandbox: Sandbox;
	let receiver: Receiver;
	let bearer: string;
	const call = (method: string, path: string, body?: unknown) =>
		routee(sandbox, bearer, method, path, body);
	const of = (kind: SentCallback['kind']) => (sent: SentCallback[]) =>
		sent.filter((c) => c.kind === kind);

	beforeEach(async () => {
		sandbox = await Sandbox.start({ deliveryDelayMs: 10, conversationMinIntervalMs: 0 });
		receiver = await startReceiver();
		bearer = await token(sandbox);
	});
	afterEach(async () => {
		await sandbox.stop();
		await receiver.close();
	});

	describe('retries', () => {
		const sendOne = () =>
			call('POST', '/sms', {
				from: 'Sandbox',
				to: '+306900000001',
				body: 'Hi',
				callback: { url: `${receiver.url}/sms`, strategy: 'OnCompletion' },
			});

		test('a receiver answering 500 twice then 200 gets exactly 3 attempts', async () => {
			receiver.answer([500, 500, 200]);
			expect((await sendOne()).status).toBe(200);
			await sandbox.waitForCallbacks((sent) => sent.some((c) => c.status === 200));
			await sleep(150);
			expect(receiver.calls.map((c) => c.status)).toEqual([500, 500, 200]);
			expect(sandbox.callbacksSent.map((c) => [c.attempt, c.status])).toEqual([
				[1, 500],
				[2, 500],
				[3, 200],
			]);
			const bodies = receiver.calls.map((c) => JSON.stringify(c.body));
			expect(new Set(bodies).size).toBe(1);
		});

		test('a receiver always answering 500 gets exactly 6 attempts (1 + 5 retries)', async () => {
			receiver.answer([500]);
			await sendOne();
			await sandbox.waitForCallbacks((sent) => sent.length >= 6);
			await sleep(400);
			expect(receiver.calls).toHaveLength(6);
			expect(sandbox.callbacksSent.map((c) => c.attempt)).toEqual([1, 2, 3, 4, 5, 6]);
		});

		test('a 204 is not a 200: Routee retries it too', async () => {
			receiver.answer([204, 200]);
			await sendOne();
			await sandbox.waitForCallbacks((sent) => sent.some((c) => c.status === 200));
			expect(receiver.calls.map((c) => c.status)).toEqual([204, 200]);
		});

		test('an unreachable receiver is recorded as error attempts', async () => {
			const closed = await startReceiver();
			await closed.close();
			await call('POST', '/sms', {
				from: 'Sandbox',
				to: '+306900000001',
				body: 'Hi',
				callback: { url: `${closed.url}/gone`, strategy: 'OnCompletion' },
			});
			const sent = await sandbox.waitForCallbacks((s) => s.length >= 6);
			expect(sent.every((c) => c.status === 'error' && typeof c.error === 'string')).toBe(true);
		});
	});

	describe('Routee SMS', () => {
		test('OnChange posts every status, OnCompletion only the final one', async () => {
			const numbers = ['+306900000001', '+306900000000', '+306900001111'];
			await call('POST', '/sms/campaign', {
				from: 'Sandbox',
				body: 'Hi',
				to: numbers,
				callback: { url: `${receiver.url}/change`, strategy: 'OnChange' },
			});
			await call('POST', '/sms/campaign', {
				from: 'Sandbox',
				body: 'Hi',
				to: numbers,
				callback: { url: `${receiver.url}/final`, strategy: 'OnCompletion' },
			});
			await sandbox.waitForCallbacks((sent) => of('routee.sms')(sent).length >= 8 + 3);
			await sleep(100);
			type Sms = { to: string; status: { name: string; reason?: { detailedStatus: string } } };
			const statusesOf = (prefix: string, to: string) =>
				receiver
					.callsTo(prefix)
					.map((c) => c.body as Sms)
					.filter((b) => b.to === to)
					.map((b) => b.status.name);
			expect(statusesOf('/change', '+306900000001')).toEqual(['Queued', 'Sent', 'Delivered']);
			expect(statusesOf('/change', '+306900000000')).toEqual(['Queued', 'Sent', 'Undelivered']);
			expect(statusesOf('/change', '+306900001111')).toEqual(['Queued', 'Failed']);
			expect(statusesOf('/final', '+306900000001')).toEqual(['Delivered']);
			expect(statusesOf('/final', '+306900000000')).toEqual(['Undelivered']);
			expect(statusesOf('/final', '+306900001111')).toEqual(['Failed']);
			const undelivered = receiver
				.callsTo('/final')
				.map((c) => c.body as Sms)
				.find((b) => b.to === '+306900000000');
			expect(undelivered?.status.reason?.detailedStatus).toBe('Unknown Number');
		});

		test('a multi-part SMS posts one callback per part with a shared messageId', async () => {
			const text = 'Long message. '.repeat(15);
			const res = await call('POST', '/sms/campaign', {
				from: 'Sandbox',
				body: text,
				to: ['+306900000001'],
				campaignName: 'Parts',
				callback: { url: `${receiver.url}/parts`, strategy: 'OnCompletion' },
			});
			expect(res.body.smsAnalysis.bodyAnalysis.parts).toBe(2);
			await sandbox.waitForCallbacks((sent) => sent.length >= 2);
			await sleep(100);
			const bodies = receiver.calls.map((c) => c.body as Record<string, unknown>);
			expect(bodies).toHaveLength(2);
			expect(bodies.map((b) => b.part)).toEqual([1, 2]);
			expect(new Set(bodies.map((b) => b.messageId)).size).toBe(1);
			expect(new Set(bodies.map((b) => b.smsId)).size).toBe(2);
			for (const body of bodies) {
				expect(body).toEqual(
					expect.objectContaining({
						messageId: expect.any(String),
						smsId: expect.any(String),
						campaignTrackingId: res.body.trackingId,
						parts: 2,
						label: null,
						to: '+306900000001',
						from: 'Sandbox',
						country: 'GR',
						operator: expect.any(String),
						groups: [],
						campaignName: 'Parts',
						status: {
							name: 'Delivered',
							reason: expect.any(Object),
							updatedDate: expect.any(String),
						},
						message: text,
						applicationName: 'sandbox-app',
						latency: expect.any(Number),
						price: 0.05,
						direction: 'Outbound',
						originatingService: 'Sms',
					}),
				);
			}
		});

		test('campaign progress: OnChange posts each state, OnCompletion only Finished', async () => {
			const to = ['+306900000001', '+306900000002'];
			await call('POST', '/sms/campaign', {
				from: 'Sandbox',
				body: 'Hi',
				to,
				campaignName: 'Progress A',
				campaignCallback: { url: `${receiver.url}/progress-all`, strategy: 'OnChange' },
			});
			await call('POST', '/sms/campaign', {
				from: 'Sandbox',
				body: 'Hi',
				to,
				campaignName: 'Progress B',
				campaignCallback: { url: `${receiver.url}/progress-end`, strategy: 'OnCompletion' },
			});
			await sandbox.waitForCallbacks(
				(sent) =>
					of('routee.sms-campaign')(sent).filter(
						(c) => (c.body as { campaignStatus: string }).campaignStatus === 'Finished',
					).length === 2,
			);
			await sleep(50);
			const states = (prefix: string) =>
				receiver.callsTo(prefix).map((c) => (c.body as { campaignStatus: string }).campaignStatus);
			expect(states('/progress-all')).toEqual(['Queued', 'Running', 'Finished']);
			expect(states('/progress-end')).toEqual(['Finished']);
			expect(receiver.callsTo('/progress-end')[0].body).toEqual({
				trackingId: expect.any(String),
				name: 'Progress B',
				totalRecipients: 2,
				campaignStatus: 'Finished',
				messageStatuses: expect.objectContaining({ Delivered: 2, Queued: 0 }),
				callbackInfo: { url: `${receiver.url}/progress-end`, strategy: 'OnCompletion' },
			});
		});
	});

	describe('Routee voice', () => {
		test('voice campaign message callbacks carry the documented fields, per strategy', async () => {
			await call('POST', '/voice/campaign', {
				from: '+306900000999',
				to: ['+306900000001', '+306900000000'],
				name: 'Voice cb',
				message: { text: 'Hello', language: 'en-US', gender: 'male' },
				callback: { url: `${receiver.url}/voice`, strategy: 'OnChange' },
			});
			await sandbox.waitForCallbacks((sent) => of('routee.voice')(sent).length >= 9);
			type Voice = { to: string; status: { name: string } };
			const statuses = (to: string) =>
				receiver.calls
					.map((c) => c.body as Voice)
					.filter((b) => b.to === to)
					.map((b) => b.status.name);
			expect(statuses('+306900000001')).toEqual([
				'Queued',
				'Initiated',
				'Ringing',
				'InProgress',
				'Completed',
			]);
			expect(statuses('+306900000000')).toEqual(['Queued', 'Initiated', 'Ringing', 'NoAnswer']);
			const completed = receiver.calls
				.map((c) => c.body as Record<string, unknown>)
				.find((b) => (b as Voice).status.name === 'Completed');
			expect(completed).toEqual({
				messageId: expect.any(String),
				campaignTrackingId: expect.any(String),
				to: '+306900000001',
				groups: [],
				campaignName: 'Voice cb',
				from: '+306900000999',
				country: 'GR',
				applicationName: 'sandbox-app',
				price: 0.1,
				originatingService: 'Voice',
				status: { name: 'Completed', updatedDate: expect.any(String) },
				direction: 'Outbound',
				audioMessage: { text: 'Hello', language: 'en-US', gender: 'male' },
				fileURL: null,
				hangupDelay: null,
				respectQuietHours: false,
				duration: 12,
				createdAt: expect.any(String),
				chargeInterval: 1,
			});
		});

		test('conversation: status callbacks, and COLLECT posts the tones the callee pressed to the eventUrl', async () => {
			receiver.answer((c) =>
				c.path === '/collect'
					? {
							status: 200,
							body: { verbs: [{ type: 'SAY', message: { text: 'Thanks', language: 'en-US' } }] },
						}
					: 200,
			);
			const conversation = (to: string) => ({
				from: '+306900000999',
				to: { phone: to },
				dialPlan: {
					verbs: [
						{
							type: 'SAY',
							message: {
								text: 'Press 1 to confirm, 2 to cancel',
								language: 'en-US',
								gender: 'female',
							},
						},
						{
							type: 'COLLECT',
							eventUrl: `${receiver.url}/collect`,
							maxDigits: 1,
							submitOnHash: false,
						},
					],
				},
				callback: { url: `${receiver.url}/status`, strategy: 'OnCompletion' },
			});
			const first = await call('POST', '/voice/conversation', conversation('+306900000001'));
			const second = await call('POST', '/voice/conversation', conversation('+306900000002'));
			const busy = await call('POST', '/voice/conversation', conversation('+306900001111'));
			expect([first.status, second.status, busy.status]).toEqual([200, 200, 200]);
			await sandbox.waitForCallbacks(
				(sent) =>
					of('routee.conversation')(sent).length >= 3 && of('routee.collect')(sent).length >= 2,
			);
			await sleep(50);
			const collected = receiver.callsTo('/collect').map((c) => c.body as Record<string, string>);
			expect(collected).toHaveLength(2);
			const toFirst = collected.find((b) => b.to === '+306900000001');
			const messageId = sandbox.routee.conversations.get(first.body.trackingId)?.messageId;
			expect(toFirst).toEqual({
				from: '+306900000999',
				to: '+306900000001',
				messageId,
				conversationTrackingId: first.body.trackingId,
				collectedTones: '1',
			});
			expect(collected.find((b) => b.to === '+306900000002')?.collectedTones).toBe('2');
			expect(
				sandbox.callbacksSent.find((c) => c.kind === 'routee.collect')?.responseBody,
			).toContain('Thanks');
			const finals = receiver
				.callsTo('/status')
				.map((c) => c.body as { to: string; status: { name: string } });
			expect(Object.fromEntries(finals.map((b) => [b.to, b.status.name]))).toEqual({
				'+306900000001': 'Completed',
				'+306900000002': 'Completed',
				'+306900001111': 'Busy',
			});
			expect(receiver.callsTo('/status')[0].body).toEqual(
				expect.objectContaining({
					messageId: expect.any(String),
					conversationTrackingId: expect.any(String),
					from: '+306900000999',
					direction: 'Outbound',
					originatingService: expect.any(String),
					respectQuietHours: false,
					duration: expect.any(Number),
					price: expect.any(Number),
				}),
			);
		});
	});

	describe('Routee key presses in voice tracking (https://docs.routee.net/reference/voicemessagetracking)', () => {
		test('a campaign with collectDtmfDigits: the callbacks carry no tones, GET /voice/tracking/{id} has collectedTones for answered calls', async () => {
			const campaign = await call('POST', '/voice/campaign', {
				from: '+306900000999',
				to: ['+306900000001', '+306900000102', '+306900000103', '+306900000000'],
				message: { text: 'Press 1', language: 'en-US', gender: 'male' },
				collectDtmfDigits: true,
				callback: { url: `${receiver.url}/voice`, strategy: 'OnCompletion' },
			});
			expect(campaign.status).toBe(200);
			await sandbox.waitForCallbacks((sent) => of('routee.voice')(sent).length >= 4);
			// the documented voice callback has no collectedTones (https://docs.routee.net/docs/voice-callbacks)
			expect(
				receiver.calls.every((c) => !Object.keys(c.body as object).includes('collectedTones')),
			).toBe(true);
			const tones: Record<string, unknown> = {};
			for (const c of receiver.calls) {
				const body = c.body as { messageId: string; to: string };
				const tracking = await call('GET', `/voice/tracking/${body.messageId}`);
				tones[body.to] = tracking.body.collectedTones;
			}
			expect(tones).toEqual({
				'+306900000001': '1',
				'+306900000102': '2',
				'+306900000103': '',
				'+306900000000': undefined,
			});
			const page = await call(
				'GET',
				`/voice/tracking/campaign/${campaign.body.trackingId}?page=0&size=10`,
			);
			const listed = Object.fromEntries(
				page.body.content.map((m: { to: string; collectedTones?: string }) => [
					m.to,
					m.collectedTones,
				]),
			);
			expect(listed).toEqual(tones);
		});

		test("without collectDtmfDigits the tracking has no collectedTones; a conversation's tracking has the COLLECT tones", async () => {
			const campaign = await call('POST', '/voice/campaign', {
				from: '+306900000999',
				to: ['+306900000001'],
				message: { text: 'Hello', language: 'en-US', gender: 'male' },
				callback: { url: `${receiver.url}/voice`, strategy: 'OnCompletion' },
			});
			const conversation = await call('POST', '/voice/conversation', {
				from: '+306900000999',
				to: { phone: '+306900000009' },
				dialPlan: {
					verbs: [{ type: 'COLLECT', eventUrl: `${receiver.url}/collect`, maxDigits: 4 }],
				},
				callback: { url: `${receiver.url}/status`, strategy: 'OnCompletion' },
			});
			await sandbox.waitForCallbacks(
				(sent) =>
					of('routee.voice')(sent).length >= 1 && of('routee.conversation')(sent).length >= 1,
			);
			const campaignCall = receiver.callsTo('/voice')[0].body as { messageId: string };
			expect(
				(await call('GET', `/voice/tracking/${campaignCall.messageId}`)).body,
			).not.toHaveProperty('collectedTones');
			const messageId = sandbox.routee.conversations.get(
				conversation.body.trackingId as string,
			)?.messageId;
			expect(campaign.status).toBe(200);
			expect((await call('GET', `/voice/tracking/${messageId}`)).body.collectedTones).toBe('1234');
		});
	});

	describe('Routee inbound SMS (https://docs.routee.net/docs/inbound-messages-mo)', () => {
		test('simulateRouteeInboundSms posts the documented payload to the given URL', async () => {
			const sent = await sandbox.simulateRouteeInboundSms(
				`${receiver.url}/inbound`,
				'+306999999999',
				'+306911111111',
				'Yes please',
			);
			expect(sent).toMatchObject({
				provider: 'routee',
				kind: 'routee.inbound',
				status: 200,
				attempt: 1,
			});
			expect(receiver.callsTo('/inbound').map((c) => c.body)).toEqual([
				{
					messageId: expect.stringMatching(/^[0-9a-f-]{36}$/),
					from: '+306999999999',
					to: '+306911111111',
					message: 'Yes please',
					parts: 1,
					originatingService: 'Sms',
					direction: 'Inbound',
					receivedDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/),
				},
			]);
		});
	});

	describe('Octopush', () => {
		const register = (callbacks: Record<string, string | null>) =>
			octopush(sandbox, 'PATCH', '/user/campaign-parameters/edit', { callbacks });

		test('delivery reports go to the URL set through PATCH campaign-parameters/edit, with voice fields in meta_data', async () => {
			await octopush(sandbox, 'POST', '/voice-campaign/send', {
				text: 'Before',
				recipients: [{ phone_number: '+33612340001' }],
			});
			await sleep(100);
			expect(sandbox.callbacksSent).toHaveLength(0);

			expect((await register({ callback_url_for_deliveries: `${receiver.url}/dlr` })).status).toBe(
				200,
			);
			const sent = await octopush(sandbox, 'POST', '/voice-campaign/send', {
				text: 'Press 1 to confirm',
				recipients: [
					{ phone_number: '+33612340001' },
					{ phone_number: '+33612340000' },
					{ phone_number: '+33612340002' },
				],
				get_back_pressed_keys: true,
			});
			await sandbox.waitForCallbacks((s) => s.length >= 3);
			const reports = Object.fromEntries(
				receiver.callsTo('/dlr').map((c) => [(c.body as { number: string }).number, c.body]),
			);
			expect(reports['+33612340001']).toEqual({
				message_id: sent.body.ticket_number,
				number: '+33612340001',
				status: 'DELIVERED',
				delivery_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
				channel: 'voice_sms',
				unit_price: 0.05,
				list_name: null,
				meta_data: { pressed_keys_code: '1', call_duration: 12, charged_duration: 30 },
			});
			expect(reports['+33612340000']).toEqual(
				expect.objectContaining({
					status: 'NOT_DELIVERED',
					meta_data: { pressed_keys_code: '', call_duration: 0, charged_duration: 0 },
				}),
			);
			expect(reports['+33612340002']).toEqual(
				expect.objectContaining({
					status: 'DELIVERED',
					meta_data: expect.objectContaining({ pressed_keys_code: '2' }),
				}),
			);
		});

		test('SMS delivery reports have no voice fields; a list campaign reports its list_name', async () => {
			await register({ callback_url_for_deliveries: `${receiver.url}/dlr` });
			sandbox.options.octopushComputationMs = 0;
			await octopush(sandbox, 'POST', '/sms-campaign/send', {
				text: 'Hi',
				recipients: [{ phone_number: '+33612341111' }],
			});
			const list = await octopush(sandbox, 'POST', '/voice-campaign-on-list/create', {
				list_name: 'sandbox-list',
				text: 'Hello',
			});
			await sleep(10);
			expect(
				(
					await octopush(sandbox, 'POST', '/voice-campaign-on-list/send', {
						ticket_number: list.body.ticket_number,
					})
				).status,
			).toBe(200);
			await sandbox.waitForCallbacks((s) => s.length >= 4);
			const sms = receiver.calls
				.map((c) => c.body as Record<string, unknown>)
				.find((b) => b.channel === 'sms');
			expect(sms).toEqual({
				message_id: expect.stringMatching(/^sms_/),
				number: '+33612341111',
				status: 'NOT_ALLOWED',
				delivery_date: expect.any(String),
				channel: 'sms',
				unit_price: 0.05,
				list_name: null,
			});
			const listed = receiver.calls
				.map((c) => c.body as Record<string, unknown>)
				.filter((b) => b.channel === 'voice_sms');
			expect(listed).toHaveLength(3);
			expect(
				listed.every(
					(b) => b.list_name === 'sandbox-list' && b.message_id === list.body.ticket_number,
				),
			).toBe(true);
			expect(listed[0].meta_data).not.toHaveProperty('pressed_keys_code');
		});

		test('delivery reports are retried like Routee callbacks', async () => {
			receiver.answer([500, 200]);
			await register({ callback_url_for_deliveries: `${receiver.url}/dlr` });
			await octopush(sandbox, 'POST', '/voice-campaign/send', {
				text: 'Hi',
				recipients: [{ phone_number: '+33612340001' }],
			});
			await sandbox.waitForCallbacks((s) => s.some((c) => c.status === 200));
			expect(receiver.calls.map((c) => c.status)).toEqual([500, 200]);
		});

		test('simulateInbound and simulateStop post to the inbound and blacklist URLs; a STOP number is then blacklisted', async () => {
			await register({
				callback_url_for_inbounds: `${receiver.url}/in`,
				callback_url_for_blacklisted_numbers: `${receiver.url}/stop`,
				callback_url_for_deliveries: `${receiver.url}/dlr`,
			});
			const sms = await octopush(sandbox, 'POST', '/sms-campaign/send', {
				text: 'Reply YES',
				recipients: [{ phone_number: '+33612345678' }],
			});
			await sandbox.waitForCallbacks((s) => s.some((c) => c.kind === 'octopush.delivery'));
			const inbound = await sandbox.simulateInbound('+33612345678', 'YES');
			expect(inbound?.status).toBe(200);
			expect(receiver.callsTo('/in')[0].body).toEqual({
				message_id: sms.body.ticket_number,
				number: '+33612345678',
				text: 'YES',
				sim_card_number: expect.any(String),
				reception_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
			});
			await sandbox.simulateStop('+33612345678');
			expect(receiver.callsTo('/stop')[0].body).toEqual({
				message_id: sms.body.ticket_number,
				number: '+33612345678',
				text: 'STOP',
				stop_date: expect.any(String),
			});
			await octopush(sandbox, 'POST', '/sms-campaign/send', {
				text: 'Again',
				recipients: [{ phone_number: '+33612345678' }],
			});
			await sandbox.waitForCallbacks(
				(s) => s.filter((c) => c.kind === 'octopush.delivery').length >= 2,
			);
			const statuses = receiver.callsTo('/dlr').map((c) => (c.body as { status: string }).status);
			expect(statuses).toEqual(['DELIVERED', 'BLACKLISTED_NUMBER']);
		});

		test('simulateInbound without a registered URL rejects', async () => {
			await expect(sandbox.simulateInbound('+33612345678', 'Hi')).rejects.toThrow(
				/callback_url_for_inbounds/,
			);
		});
	});

	test('waitForCallbacks rejects with a summary when the condition is not met', async () => {
		await expect(sandbox.waitForCallbacks((s) => s.length > 0, 100)).rejects.toThrow(
			/0 callback attempts/,
		);
	});
});
