// Injected faults: status, latency, dropped connections before / after processing; matching and counting.

import { startReceiver } from './receiver';
import { Sandbox } from './server';
import { octopush, requestToken, routee, token } from './test-client';

describe('faults', () => {
	let sandbox: Sandbox;
	let bearer: string;
	const balance = () => routee(sandbox, bearer, 'GET', '/accounts/me/balance');

	beforeEach(async () => {
		sandbox = await Sandbox.start({ deliveryDelayMs: 5 });
		bearer = await token(sandbox);
		sandbox.clearRequests();
	});
	afterEach(() => sandbox.stop());

	test('status: answers the injected status `times` times, then normally', async () => {
		sandbox.injectFault({
			provider: 'routee',
			method: 'GET',
			path: '/accounts/me/balance',
			status: 503,
			times: 2,
		});
		const first = await balance();
		const second = await balance();
		const third = await balance();
		expect([first.status, second.status, third.status]).toEqual([503, 503, 200]);
		expect(first.body).toEqual({ code: '503000000', developerMessage: expect.any(String) });
		expect(third.body.balance).toBe(100);
		expect(sandbox.requestsTo('routee').map((r) => r.status)).toEqual([503, 503, 200]);
	});

	test('status with a custom body and headers, in the Octopush shape by default', async () => {
		sandbox.injectFault({
			provider: 'routee',
			status: 429,
			body: { code: '429000000', developerMessage: 'slow down' },
			headers: { 'retry-after': '2' },
		});
		const limited = await balance();
		expect(limited.status).toBe(429);
		expect(limited.body).toEqual({ code: '429000000', developerMessage: 'slow down' });
		expect(limited.headers.get('retry-after')).toBe('2');
		sandbox.injectFault({ provider: 'octopush', status: 500 });
		const failed = await octopush(sandbox, 'GET', '/wallet/check-balance');
		expect(failed.status).toBe(500);
		expect(failed.body).toEqual({ code: 500, message: expect.any(String), errors: {} });
	});

	test('a fault for a failing status changes no state', async () => {
		sandbox.injectFault({ provider: 'octopush', path: '/voice-campaign/send', status: 502 });
		const res = await octopush(sandbox, 'POST', '/voice-campaign/send', {
			text: 'Hi',
			recipients: [{ phone_number: '+33612345678' }],
		});
		expect(res.status).toBe(502);
		expect(sandbox.octopush.balance).toBe(150);
		expect(sandbox.octopush.tickets.size).toBe(0);
	});

	test('delay: the answer comes late, then normally', async () => {
		sandbox.injectFault({ provider: 'routee', path: '/accounts', delayMs: 300 });
		const started = Date.now();
		const slow = await balance();
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
		expect(slow.status).toBe(200);
		expect(slow.body.balance).toBe(100);
		const quick = Date.now();
		await balance();
		expect(Date.now() - quick).toBeLessThan(250);
	});

	test('delay + status: late and failing', async () => {
		sandbox.injectFault({ provider: 'routee-auth', delayMs: 150, status: 500 });
		const started = Date.now();
		const res = await requestToken(sandbox);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
		expect(res.status).toBe(500);
		expect(sandbox.routee.tokensIssued).toBe(1);
	});

	test('reset before: the connection drops and nothing happens', async () => {
		sandbox.injectFault({
			provider: 'routee',
			method: 'POST',
			path: '/sms/campaign',
			reset: 'before',
		});
		await expect(
			routee(sandbox, bearer, 'POST', '/sms/campaign', {
				from: 'Sandbox',
				body: 'Hi',
				to: ['+306900000001'],
			}),
		).rejects.toThrow();
		expect(sandbox.routee.campaigns.size).toBe(0);
		expect(sandbox.routee.balance).toBe(100);
		const [recorded] = sandbox.requestsTo('routee', 'POST', '/sms/campaign');
		expect(recorded).toEqual(
			expect.objectContaining({
				status: 0,
				dropped: 'before',
				body: expect.objectContaining({ body: 'Hi' }),
			}),
		);
		const retry = await routee(sandbox, bearer, 'POST', '/sms/campaign', {
			from: 'Sandbox',
			body: 'Hi',
			to: ['+306900000001'],
		});
		expect(retry.status).toBe(200);
	});

	test('reset after: the request is processed (campaign created, charged, delivered) but the answer is lost', async () => {
		const receiver = await startReceiver();
		try {
			await octopush(sandbox, 'PATCH', '/user/campaign-parameters/edit', {
				callbacks: { callback_url_for_deliveries: `${receiver.url}/dlr` },
			});
			sandbox.injectFault({
				provider: 'octopush',
				method: 'POST',
				path: '/voice-campaign/send',
				reset: 'after',
			});
			const body = {
				text: 'Hi',
				recipients: [{ phone_number: '+33612345678' }],
				request_id: 'frame-0',
			};
			await expect(octopush(sandbox, 'POST', '/voice-campaign/send', body)).rejects.toThrow();
			expect(sandbox.octopush.tickets.size).toBe(1);
			expect(sandbox.octopush.balance).toBe(149.95);
			const [recorded] = sandbox.requestsTo('octopush', 'POST', '/voice-campaign/send');
			expect(recorded).toEqual(expect.objectContaining({ status: 200, dropped: 'after' }));
			await sandbox.waitForCallbacks((s) => s.some((c) => c.kind === 'octopush.delivery'));
			expect(receiver.calls).toHaveLength(1);
			const retried = await octopush(sandbox, 'POST', '/voice-campaign/send', body);
			expect(retried.status).toBe(400);
			expect(retried.body.errors.request_id.code).toBe(120);
		} finally {
			await receiver.close();
		}
	});

	test('reset after on Routee: the campaign exists though the client saw an error', async () => {
		sandbox.injectFault({
			provider: 'routee',
			method: 'POST',
			path: '/sms/campaign',
			reset: 'after',
		});
		await expect(
			routee(sandbox, bearer, 'POST', '/sms/campaign', {
				from: 'Sandbox',
				body: 'Hi',
				to: ['+306900000001'],
				campaignName: 'Lost answer',
			}),
		).rejects.toThrow();
		expect(sandbox.routee.campaigns.size).toBe(1);
		const again = await routee(sandbox, bearer, 'POST', '/sms/campaign', {
			from: 'Sandbox',
			body: 'Hi',
			to: ['+306900000001'],
			campaignName: 'Lost answer',
		});
		expect(again.status).toBe(409);
	});

	test('matching: provider, method and path prefix; first matching fault applies; clearFaults', async () => {
		sandbox.injectFault({ provider: 'octopush', status: 418 });
		sandbox.injectFault({ provider: 'routee', method: 'POST', status: 500 });
		sandbox.injectFault({ provider: 'routee', path: '/accounts', status: 502 });
		sandbox.injectFault({ provider: 'routee', path: '/accounts/me/balance', status: 504 });
		expect((await balance()).status).toBe(502);
		expect((await balance()).status).toBe(504);
		expect((await balance()).status).toBe(200);
		sandbox.clearFaults();
		expect((await octopush(sandbox, 'GET', '/wallet/check-balance')).status).toBe(200);
		expect(
			(
				await routee(sandbox, bearer, 'POST', '/sms', {
					from: 'Sandbox',
					to: '+306900000001',
					body: 'Hi',
				})
			).status,
		).toBe(200);
	});

	test('a fault on the token endpoint', async () => {
		sandbox.injectFault({ provider: 'routee-auth', path: '/oauth/token', status: 503 });
		expect((await requestToken(sandbox)).status).toBe(503);
		expect((await requestToken(sandbox)).status).toBe(200);
	});

	test('invalid faults are refused', () => {
		expect(() => sandbox.injectFault({ times: 0, status: 500 })).toThrow(/times/);
	});
});
