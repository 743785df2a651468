// Routee endpoints: happy paths return the documented fields; state-dependent errors; simulated statuses.

import {
	CONVERSATION_FIELDS,
	SMS_CAMPAIGN_FIELDS,
	VOICE_CAMPAIGN_FIELDS,
} from '../support/routee-documented-fields';
import { Sandbox } from './server';
import { ISO, UUID, future, routee, sleep, token, until } from './test-client';

const SMS_STATUS_KEYS = ['Queued', 'Sent', 'Unsent', 'Failed', 'Delivered', 'Undelivered'];
const ANALYSIS_FIELDS = [
	'contacts',
	'numberOfRecipients',
	'recipientCountries',
	'recipientsPerCountry',
	'recipientsPerGroup',
	'totalInGroups',
];

describe('Routee endpoints', () => {
	let sandbox: Sandbox;
	let bearer: string;
	const call = (method: string, path: string, body?: unknown) =>
		routee(sandbox, bearer, method, path, body);
	const finished = (trackingId: string) =>
		until(async () => (await call('GET', `/campaigns/${trackingId}`)).body.state === 'Finished');

	beforeEach(async () => {
		sandbox = await Sandbox.start({ deliveryDelayMs: 5, conversationMinIntervalMs: 0 });
		bearer = await token(sandbox);
	});
	afterEach(() => sandbox.stop());

	describe('SMS campaign', () => {
		test('POST /sms/campaign returns every documented field and charges parts × recipients', async () => {
			const res = await call('POST', '/sms/campaign', {
				from: 'Sandbox',
				body: 'Καλημέρα [~firstName]',
				to: ['+306900000001', '+33612345678'],
				groups: ['sandbox-group'],
				contacts: ['sandbox-contact-1'],
				campaignName: 'Spring sale 2030',
				fallbackValues: { firstName: 'friend' },
				ttl: 60,
				callback: { url: 'http://127.0.0.1:9/cb', strategy: 'OnCompletion' },
			});
			expect(res.status).toBe(200);
			expect(Object.keys(res.body).sort()).toEqual([...SMS_CAMPAIGN_FIELDS].sort());
			expect(res.body).toEqual(
				expect.objectContaining({
					trackingId: expect.stringMatching(UUID),
					createdAt: expect.stringMatching(ISO),
					type: 'Sms',
					state: 'Queued',
					scheduledDate: null,
					campaignName: 'Spring sale 2030',
					ttl: 60,
					cost: 0.3,
				}),
			);
			expect(Object.keys(res.body.statuses).sort()).toEqual([...SMS_STATUS_KEYS].sort());
			expect(res.body.statuses.Queued).toBe(6);
			const analysis = res.body.smsAnalysis;
			for (const field of ANALYSIS_FIELDS) expect(analysis).toHaveProperty(field);
			expect(analysis.numberOfRecipients).toBe(6);
			expect(analysis.totalInGroups).toBe(3);
			expect(analysis.recipientsPerGroup).toEqual({ 'sandbox-group': 3 });
			expect(analysis.recipientsPerCountry).toEqual({ GR: 5, FR: 1 });
			expect(analysis.recipientCountries['+33612345678']).toBe('FR');
			expect(analysis.contacts['sandbox-contact-1']).toEqual({
				recipient: '+306900000201',
				recipientCountry: 'GR',
				blacklisted: false,
			});
			expect(analysis.bodyAnalysis).toEqual({
				characters: 21,
				parts: 1,
				unicode: true,
				unsupportedGSMCharacters: expect.arrayContaining(['α', 'λ', 'μ', 'έ', 'ρ']),
			});
			expect(sandbox.routee.balance).toBe(99.7);
			const balance = await call('GET', '/accounts/me/balance');
			expect(balance.body).toEqual({
				balance: 99.7,
				currency: { code: 'EUR', name: 'Euro', sign: '€' },
			});
		});

		test('body analysis: GSM-7 160 / 153 per part, UCS-2 70 / 67, transcoding', async () => {
			const analyze = async (body: string) =>
				(
					await call('POST', '/sms/analyze/campaign', {
						from: 'Sandbox',
						body,
						to: ['+306900000001'],
					})
				).body.bodyAnalysis;
			expect(await analyze('a'.repeat(160))).toEqual(
				expect.objectContaining({ parts: 1, unicode: false }),
			);
			expect(await analyze('a'.repeat(161))).toEqual(expect.objectContaining({ parts: 2 }));
			expect(await analyze('a'.repeat(307))).toEqual(expect.objectContaining({ parts: 3 }));
			expect(await analyze('€'.repeat(80))).toEqual(
				expect.objectContaining({ parts: 1, characters: 80 }),
			);
			expect(await analyze('€'.repeat(81))).toEqual(expect.objectContaining({ parts: 2 }));
			expect(await analyze('ж'.repeat(70))).toEqual(
				expect.objectContaining({ parts: 1, unicode: true }),
			);
			expect(await analyze('ж'.repeat(71))).toEqual(expect.objectContaining({ parts: 2 }));
			expect(await analyze('ж'.repeat(135))).toEqual(expect.objectContaining({ parts: 3 }));
			expect(await analyze('Ça coûte “cher”')).toEqual(
				expect.objectContaining({
					unicode: true,
					transcode: { message: 'Ça coute "cher"', parts: 1 },
				}),
			);
		});

		test('POST /sms/analyze/campaign returns the analysis and cost, sends and charges nothing', async () => {
			const res = await call('POST', '/sms/analyze/campaign', {
				from: 'Sandbox',
				body: 'x'.repeat(200),
				to: ['+306900000001'],
				groups: ['sandbox-group'],
			});
			expect(res.status).toBe(200);
			for (const field of [...ANALYSIS_FIELDS, 'bodyAnalysis', 'cost'])
				expect(res.body).toHaveProperty(field);
			expect(res.body.numberOfRecipients).toBe(4);
			expect(res.body.bodyAnalysis.parts).toBe(2);
			expect(res.body.cost).toBe(0.4);
			expect(sandbox.routee.balance).toBe(100);
			expect(sandbox.routee.campaigns.size).toBe(0);
		});

		test('statuses follow the recipient number: 0000 Undelivered, 1111 Failed, 2222 Unsent, else Delivered', async () => {
			const res = await call('POST', '/sms/campaign', {
				from: 'Sandbox',
				body: 'Hi',
				to: ['+306900000001', '+306900000000', '+306900001111', '+306900002222'],
			});
			await finished(res.body.trackingId);
			const details = await call('GET', `/campaigns/${res.body.trackingId}`);
			expect(details.body.state).toBe('Finished');
			expect(details.body.statuses).toEqual({
				Queued: 0,
				Sent: 0,
				Unsent: 1,
				Failed: 1,
				Delivered: 1,
				Undelivered: 1,
			});
			const page = await call(
				'GET',
				`/sms/tracking/campaign/${res.body.trackingId}?page=0&size=10`,
			);
			const byNumber = Object.fromEntries(
				page.body.content.map((e: { to: string; status: unknown }) => [e.to, e.status]),
			);
			expect(byNumber['+306900000000']).toEqual({
				name: 'Undelivered',
				reason: { detailedStatus: 'Unknown Number', description: expect.any(String) },
				updatedDate: expect.stringMatching(ISO),
			});
			expect(byNumber['+306900001111']).toEqual(expect.objectContaining({ name: 'Failed' }));
			expect(byNumber['+306900002222']).toEqual(expect.objectContaining({ name: 'Unsent' }));
			expect(byNumber['+306900000001']).toEqual(expect.objectContaining({ name: 'Delivered' }));
		});

		test('campaign tracking is a Spring page of message parts', async () => {
			const res = await call('POST', '/sms/campaign', {
				from: '306900000999',
				body: 'y'.repeat(170),
				to: ['+306900000001', '+306900000002', '+306900000003'],
			});
			expect(res.status).toBe(200);
			const page = await call('GET', `/sms/tracking/campaign/${res.body.trackingId}?page=1&size=4`);
			expect(page.status).toBe(200);
			expect(page.body).toEqual(
				expect.objectContaining({
					totalElements: 6,
					totalPages: 2,
					last: true,
					number: 1,
					size: 4,
				}),
			);
			expect(page.body.content).toHaveLength(2);
			const first = await call(
				'GET',
				`/sms/tracking/campaign/${res.body.trackingId}?page=0&size=4`,
			);
			expect(first.body.last).toBe(false);
			expect(first.body.content[0]).toEqual(
				expect.objectContaining({
					messageId: expect.stringMatching(UUID),
					smsId: expect.stringMatching(UUID),
					campaignTrackingId: res.body.trackingId,
					part: 1,
					parts: 2,
					to: '+306900000001',
					from: '306900000999',
					body: 'y'.repeat(170),
					status: expect.objectContaining({ name: expect.any(String) }),
				}),
			);
			expect(
				(await call('GET', '/sms/tracking/campaign/00000000-0000-4000-8000-000000000000')).body
					.code,
			).toBe('404005000');
		});

		test('duplicate campaign name → 409 409009003; not enough balance → 400 400001009', async () => {
			const body = {
				from: 'Sandbox',
				body: 'Hi',
				to: ['+306900000001'],
				campaignName: 'Once only',
			};
			expect((await call('POST', '/sms/campaign', body)).status).toBe(200);
			const again = await call('POST', '/sms/campaign', body);
			expect(again.status).toBe(409);
			expect(again.body).toEqual({
				code: '409009003',
				developerMessage: expect.stringContaining('Once only'),
			});
			sandbox.routee.balance = 0.04;
			const poor = await call('POST', '/sms/campaign', { ...body, campaignName: 'Another one' });
			expect(poor.status).toBe(400);
			expect(poor.body).toEqual({ code: '400001009', developerMessage: expect.any(String) });
			expect(sandbox.routee.balance).toBe(0.04);
		});

		test('contacts and groups: unknown contact → 404 404002001, only empty groups → 400 400009004', async () => {
			const unknown = await call('POST', '/sms/campaign', {
				from: 'Sandbox',
				body: 'Hi',
				contacts: ['nobody'],
			});
			expect(unknown.status).toBe(404);
			expect(unknown.body.code).toBe('404002001');
			const empty = await call('POST', '/sms/campaign', {
				from: 'Sandbox',
				body: 'Hi',
				groups: ['empty-group'],
			});
			expect(empty.status).toBe(400);
			expect(empty.body.code).toBe('400009004');
		});

		test('allowInvalid sends to the valid numbers only', async () => {
			const res = await call('POST', '/sms/campaign', {
				from: 'Sandbox',
				body: 'Hi',
				to: ['+306900000001', 'not-a-number'],
				allowInvalid: true,
			});
			expect(res.status).toBe(200);
			expect(res.body.smsAnalysis.numberOfRecipients).toBe(1);
			expect(res.body.to).toEqual(['+306900000001']);
		});

		test('scheduled: state Scheduled, PUT updates it, PUT without scheduledDate sends now, DELETE cancels', async () => {
			const scheduled = await call('POST', '/sms/campaign', {
				from: 'Sandbox',
				body: 'Later',
				to: ['+306900000001'],
				scheduledDate: future(3_600_000),
			});
			expect(scheduled.status).toBe(200);
			expect(scheduled.body.state).toBe('Scheduled');
			expect(scheduled.body.scheduledDate).toMatch(ISO);
			const id = scheduled.body.trackingId;

			const moved = await call('PUT', `/sms/${id}`, {
				body: 'Later still',
				scheduledDate: future(7_200_000),
			});
			expect(moved.status).toBe(200);
			expect(moved.body).toEqual(
				expect.objectContaining({ trackingId: id, state: 'Scheduled', body: 'Later still' }),
			);
			expect(Date.parse(moved.body.scheduledDate)).toBeGreaterThan(
				Date.parse(scheduled.body.scheduledDate),
			);

			const now = await call('PUT', `/sms/${id}`, { body: 'Now' });
			expect(now.status).toBe(200);
			expect(now.body.state).toBe('Queued');
			expect(now.body.scheduledDate).toBeNull();
			await finished(id);
			expect((await call('GET', `/campaigns/${id}`)).body.statuses.Delivered).toBe(1);
			expect((await call('DELETE', `/sms/${id}`)).body.code).toBe('400009002');

			const other = await call('POST', '/sms/campaign', {
				from: 'Sandbox',
				body: 'Later',
				to: ['+306900000001'],
				scheduledDate: future(3_600_000),
			});
			const balanceBefore = sandbox.routee.balance;
			const deleted = await call('DELETE', `/sms/${other.body.trackingId}`);
			expect(deleted.status).toBe(200);
			expect(deleted.body.state).toBe('Cancelled');
			expect(sandbox.routee.balance).toBe(balanceBefore + 0.05);
			expect((await call('DELETE', `/sms/${other.body.trackingId}`)).body.code).toBe('400009002');
			expect((await call('DELETE', '/sms/00000000-0000-4000-8000-000000000000')).body.code).toBe(
				'404009001',
			);
		});

		test('a scheduled campaign starts by itself at its date', async () => {
			const res = await call('POST', '/sms/campaign', {
				from: 'Sandbox',
				body: 'Soon',
				to: ['+306900000001'],
				scheduledDate: future(600),
			});
			expect(res.body.state).toBe('Scheduled');
			await sleep(200);
			expect((await call('GET', `/campaigns/${res.body.trackingId}`)).body.state).toBe('Scheduled');
			await finished(res.body.trackingId);
			const details = await call('GET', `/campaigns/${res.body.trackingId}`);
			expect(details.body.state).toBe('Finished');
			expect(details.body.statuses.Delivered).toBe(1);
		});
	});

	describe('single SMS', () => {
		test('POST /sms returns its fields; tracking returns one entry per part', async () => {
			const res = await call('POST', '/sms', {
				from: 'Sandbox',
				to: '+306900000001',
				body: 'z'.repeat(200),
				label: 'otp',
				ttl: 10,
			});
			expect(res.status).toBe(200);
			expect(res.body).toEqual({
				trackingId: expect.stringMatching(UUID),
				createdAt: expect.stringMatching(ISO),
				from: 'Sandbox',
				to: '+306900000001',
				body: 'z'.repeat(200),
				status: 'Queued',
				bodyAnalysis: { characters: 200, parts: 2, unicode: false, unsupportedGSMCharacters: [] },
				flash: false,
				label: 'otp',
				callback: null,
				ttl: 10,
			});
			await until(
				async () =>
					(await call('GET', `/sms/tracking/single/${res.body.trackingId}`)).body[0].status.name ===
					'Delivered',
			);
			const tracking = await call('GET', `/sms/tracking/single/${res.body.trackingId}`);
			expect(tracking.status).toBe(200);
			expect(tracking.body).toHaveLength(2);
			expect(tracking.body.map((p: { part: number }) => p.part)).toEqual([1, 2]);
			expect(new Set(tracking.body.map((p: { messageId: string }) => p.messageId))).toEqual(
				new Set([res.body.trackingId]),
			);
			expect(tracking.body[0].smsId).not.toBe(tracking.body[1].smsId);
			expect(tracking.body[0]).toEqual(
				expect.objectContaining({
					label: 'otp',
					status: expect.objectContaining({ name: 'Delivered' }),
					price: 0.05,
				}),
			);
			expect(sandbox.routee.balance).toBe(99.9);
		});
	});

	describe('voice campaign', () => {
		test('POST /voice/campaign returns its documented fields; statuses follow the number', async () => {
			const res = await call('POST', '/voice/campaign', {
				from: '+306900000999',
				to: ['+306900000001', '+306900000000', '+306900001111', '+306900002222'],
				name: 'Voice reminder',
				message: { text: 'Your appointment is tomorrow', language: 'en-GB', gender: 'female' },
				collectDtmfDigits: true,
				collectDtmfAwaitSeconds: 5,
			});
			expect(res.status).toBe(200);
			expect(Object.keys(res.body).sort()).toEqual([...VOICE_CAMPAIGN_FIELDS].sort());
			expect(res.body).toEqual(
				expect.objectContaining({
					trackingId: expect.stringMatching(UUID),
					type: 'Voice',
					state: 'Queued',
					campaignName: 'Voice reminder',
					cost: 0.4,
					message: { text: 'Your appointment is tomorrow', language: 'en-GB', gender: 'female' },
					fileURL: null,
				}),
			);
			expect(res.body.voiceAnalysis).toEqual(
				expect.objectContaining({ numberOfRecipients: 4, dialPlanAnalysis: expect.any(Object) }),
			);
			await finished(res.body.trackingId);
			const page = await call(
				'GET',
				`/voice/tracking/campaign/${res.body.trackingId}?page=0&size=10`,
			);
			expect(page.status).toBe(200);
			expect(page.body.totalElements).toBe(4);
			const byNumber = Object.fromEntries(
				page.body.content.map((m: { to: string; status: { name: string } }) => [
					m.to,
					m.status.name,
				]),
			);
			expect(byNumber).toEqual({
				'+306900000001': 'Completed',
				'+306900000000': 'NoAnswer',
				'+306900001111': 'Busy',
				'+306900002222': 'Failed',
			});
			const one = page.body.content.find((m: { to: string }) => m.to === '+306900000001');
			const single = await call('GET', `/voice/tracking/${one.messageId}`);
			expect(single.status).toBe(200);
			expect(single.body).toEqual(
				expect.objectContaining({
					messageId: one.messageId,
					campaignTrackingId: res.body.trackingId,
					duration: 12,
					status: expect.objectContaining({ name: 'Completed' }),
				}),
			);
			expect((await call('GET', `/campaigns/${res.body.trackingId}`)).body.state).toBe('Finished');
			expect(
				(await call('GET', '/voice/tracking/00000000-0000-4000-8000-000000000000')).body.code,
			).toBe('404005000');
		});

		test('the campaign name comes as name (the response calls it campaignName); fileURL instead of message; scheduled voice campaigns can be deleted', async () => {
			const res = await call('POST', '/voice/campaign', {
				from: 'Shop',
				to: ['+306900000001'],
				name: 'By name',
				fileURL: 'https://example.com/msg.wav',
				scheduledDate: future(3_600_000),
			});
			expect(res.status).toBe(200);
			expect(res.body).toEqual(
				expect.objectContaining({
					campaignName: 'By name',
					fileURL: 'https://example.com/msg.wav',
					message: null,
					state: 'Scheduled',
				}),
			);
			const deleted = await call('DELETE', `/voice/campaign/${res.body.trackingId}`);
			expect(deleted.status).toBe(200);
			expect(deleted.body.state).toBe('Cancelled');
			expect((await call('DELETE', `/voice/campaign/${res.body.trackingId}`)).body.code).toBe(
				'400009002',
			);
		});

		test('not enough balance for the calls → 400 400001009', async () => {
			sandbox.routee.balance = 0.15;
			const res = await call('POST', '/voice/campaign', {
				from: 'Shop',
				to: ['+306900000001', '+306900000002'],
				message: { text: 'Hi', language: 'en-US' },
			});
			expect(res.status).toBe(400);
			expect(res.body.code).toBe('400001009');
		});
	});

	describe('voice conversation', () => {
		const conversation = {
			from: '+306900000999',
			to: { phone: '+306900000001' },
			dialPlan: {
				verbs: [
					{
						type: 'SAY',
						message: { text: 'Press 1', language: 'en-US', gender: 'female' },
						bargeIn: true,
					},
				],
			},
			hangupDelay: 30,
			maxDuration: 120,
			machineDetection: { strategy: 'Hangup' },
		};

		test('POST /voice/conversation returns its documented fields; GET returns it', async () => {
			const res = await call('POST', '/voice/conversation', conversation);
			expect(res.status).toBe(200);
			expect(Object.keys(res.body).sort()).toEqual([...CONVERSATION_FIELDS].sort());
			expect(res.body).toEqual(
				expect.objectContaining({
					trackingId: expect.stringMatching(UUID),
					direction: 'Outbound',
					to: { phone: '+306900000001' },
					dialPlanUrl: null,
					hangupDelay: 30,
					maxDuration: 120,
					createdAt: expect.stringMatching(ISO),
				}),
			);
			const got = await call('GET', `/voice/conversation/${res.body.trackingId}`);
			expect(got.status).toBe(200);
			expect(got.body).toEqual(res.body);
			expect(
				(await call('GET', '/voice/conversation/00000000-0000-4000-8000-000000000000')).status,
			).toBe(404);
		});

		test('PUT hangup ends a running call as Terminated; a second action → 400', async () => {
			sandbox.options.deliveryDelayMs = 200;
			const res = await call('POST', '/voice/conversation', conversation);
			const messageId = sandbox.routee.conversations.get(res.body.trackingId)?.messageId as string;
			await sleep(50);
			const hangup = await call('PUT', `/voice/conversation/${messageId}`, { action: 'hangup' });
			expect(hangup.status).toBe(200);
			const tracking = await call('GET', `/voice/tracking/${messageId}`);
			expect(tracking.body).toEqual(
				expect.objectContaining({
					conversationTrackingId: res.body.trackingId,
					status: expect.objectContaining({ name: 'Terminated' }),
				}),
			);
			const again = await call('PUT', `/voice/conversation/${messageId}`, { action: 'reject' });
			expect(again.status).toBe(400);
			expect(again.body.code).toBe('400013001');
			await sleep(900);
			expect((await call('GET', `/voice/tracking/${messageId}`)).body.status.name).toBe(
				'Terminated',
			);
		});

		test('rate limit: a second conversation within the interval → 429 with a Routee error naming the limit', async () => {
			sandbox.options.conversationMinIntervalMs = 1000;
			const first = await call('POST', '/voice/conversation', conversation);
			expect(first.status).toBe(200);
			const second = await call('POST', '/voice/conversation', conversation);
			expect(second.status).toBe(429);
			expect(second.body).toEqual({
				code: '429013000',
				developerMessage: expect.stringContaining('1 request per 1000 ms'),
			});
			expect(second.headers.get('retry-after')).toBe('1');
			expect(sandbox.routee.conversations.size).toBe(1);
			await sleep(1000);
			const third = await call('POST', '/voice/conversation', conversation);
			expect(third.status).toBe(200);
		});
	});

	test('unknown Routee path → 404 JSON; wrong method → 405; non-JSON body → 415', async () => {
		const unknown = await call('GET', '/sms/nothing/here');
		expect(unknown.status).toBe(404);
		expect(unknown.body).toEqual({ code: '404000000', developerMessage: expect.any(String) });
		const method = await call('GET', '/sms/campaign');
		expect(method.status).toBe(405);
		const text = await fetch(`${sandbox.routeeBaseUrl}/sms`, {
			method: 'POST',
			headers: { authorization: `Bearer ${bearer}`, 'content-type': 'text/plain' },
			body: 'hi',
		});
		expect(text.status).toBe(415);
		const broken = await fetch(`${sandbox.routeeBaseUrl}/sms`, {
			method: 'POST',
			headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
			body: '{"from":',
		});
		expect(broken.status).toBe(400);
		const outside = await fetch(`${sandbox.url}/elsewhere`);
		expect(outside.status).toBe(404);
		expect(await outside.json()).toEqual({ code: 404, message: expect.any(String) });
	});
});
