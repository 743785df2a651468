// Routee OAuth2 client-credentials tokens and Octopush header credentials.

import { Sandbox } from './server';
import { basic, octopush, requestToken, routee, sleep, token } from './test-client';

describe('Routee token endpoint', () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await Sandbox.start();
	});
	afterEach(() => sandbox.stop());

	test('issues a bearer token for the default application and counts it', async () => {
		const res = await requestToken(sandbox);
		expect(res.status).toBe(200);
		expect(res.body).toEqual({
			access_token: expect.stringMatching(/^\S{20,}$/),
			token_type: 'Bearer',
			expires_in: 3600,
			scope: expect.any(String),
			permissions: [],
		});
		expect(sandbox.routee.tokensIssued).toBe(1);
		const second = await requestToken(sandbox);
		expect(second.body.access_token).not.toBe(res.body.access_token);
		expect(sandbox.routee.tokensIssued).toBe(2);
		const balance = await routee(sandbox, res.body.access_token, 'GET', '/accounts/me/balance');
		expect(balance.status).toBe(200);
	});

	test('expires_in follows tokenLifetimeSeconds and the token dies on the real clock', async () => {
		sandbox.routee.tokenLifetimeSeconds = 1;
		const res = await requestToken(sandbox);
		expect(res.body.expires_in).toBe(1);
		expect(
			(await routee(sandbox, res.body.access_token, 'GET', '/accounts/me/balance')).status,
		).toBe(200);
		await sleep(1100);
		const expired = await routee(sandbox, res.body.access_token, 'GET', '/accounts/me/balance');
		expect(expired.status).toBe(401);
		expect(expired.body).toEqual({
			code: '401000000',
			developerMessage: expect.stringMatching(/expired/i),
		});
	});

	test('a wrong secret is refused with 401 and a Routee message', async () => {
		const res = await requestToken(sandbox, 'sandbox-app', 'not-the-secret');
		expect(res.status).toBe(401);
		expect(res.body).toEqual({
			error: 'invalid_client',
			error_description: 'Bad client credentials',
			developerMessage: 'Bad client credentials',
		});
		expect(sandbox.routee.tokensIssued).toBe(0);
	});

	test('an unknown application is refused with 401', async () => {
		const res = await requestToken(sandbox, 'someone-else', 'sandbox-secret');
		expect(res.status).toBe(401);
		expect(res.body.error).toBe('invalid_client');
	});

	test('extra applications can be added', async () => {
		sandbox.routee.applications.set('second-app', 's3cret');
		const res = await requestToken(sandbox, 'second-app', 's3cret');
		expect(res.status).toBe(200);
	});

	test.each([
		['no grant_type', '', 400, 'invalid_request'],
		['grant_type password', 'grant_type=password', 400, 'unsupported_grant_type'],
	])('%s (form %j) → %i %s', async (_, form, status, error) => {
		const res = await requestToken(sandbox, 'sandbox-app', 'sandbox-secret', form);
		expect(res.status).toBe(status);
		expect(res.body).toEqual(
			expect.objectContaining({
				error,
				error_description: expect.any(String),
				developerMessage: expect.any(String),
			}),
		);
	});

	test('a JSON token request is refused (the endpoint is form-encoded)', async () => {
		const res = await fetch(sandbox.routeeTokenUrl, {
			method: 'POST',
			headers: {
				authorization: basic('sandbox-app', 'sandbox-secret'),
				'content-type': 'application/json',
			},
			body: JSON.stringify({ grant_type: 'client_credentials' }),
		});
		expect(res.status).toBe(400);
	});

	test('without Basic auth the token endpoint answers 401', async () => {
		const res = await fetch(sandbox.routeeTokenUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'grant_type=client_credentials',
		});
		expect(res.status).toBe(401);
	});

	test('resources need a valid bearer token', async () => {
		const none = await routee(sandbox, null, 'GET', '/accounts/me/balance');
		expect(none.status).toBe(401);
		expect(none.body).toEqual({ code: '401000000', developerMessage: expect.any(String) });
		const forged = await routee(sandbox, 'forged-token', 'GET', '/accounts/me/balance');
		expect(forged.status).toBe(401);
		expect(forged.body.code).toBe('401000000');
	});

	test('expireAllTokens: every token issued so far answers 401, a new token works', async () => {
		const first = await token(sandbox);
		const second = await token(sandbox);
		sandbox.routee.expireAllTokens();
		for (const old of [first, second]) {
			const res = await routee(sandbox, old, 'POST', '/sms', {
				from: 'Sandbox',
				to: '+306900000001',
				body: 'Hi',
			});
			expect(res.status).toBe(401);
			expect(res.body).toEqual({ code: '401000000', developerMessage: expect.any(String) });
		}
		expect(sandbox.routee.smsMessages.size).toBe(0);
		const fresh = await token(sandbox);
		const res = await routee(sandbox, fresh, 'GET', '/accounts/me/balance');
		expect(res.status).toBe(200);
		expect(
			sandbox.requestsTo('routee', 'GET', '/accounts/me/balance').map((r) => r.status),
		).toEqual([200]);
		expect(sandbox.requestsTo('routee', 'POST', '/sms').map((r) => r.status)).toEqual([401, 401]);
	});

	test('token requests are recorded under routee-auth', async () => {
		await requestToken(sandbox);
		await requestToken(sandbox, 'sandbox-app', 'bad');
		const recorded = sandbox.requestsTo('routee-auth');
		expect(recorded.map((r) => [r.method, r.path, r.status])).toEqual([
			['POST', '/oauth/token', 200],
			['POST', '/oauth/token', 401],
		]);
		expect(recorded[0].body).toEqual({ grant_type: 'client_credentials' });
		expect(recorded[0].headers.authorization).toBe(basic('sandbox-app', 'sandbox-secret'));
	});
});

describe('Octopush credentials', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await Sandbox.start();
	});
	afterAll(() => sandbox.stop());

	test('the default account reads its balance', async () => {
		const res = await octopush(sandbox, 'GET', '/wallet/check-balance');
		expect(res.status).toBe(200);
		expect(res.body).toEqual({ amount: 150, unit: 'euros' });
	});

	test.each([
		['a wrong api-key', { login: 'sandbox@example.com', key: 'wrong' }],
		['an unknown api-login', { login: 'nobody@example.com', key: 'sandbox-key' }],
		['no headers', null],
	])('%s → 401 in the documented failure shape', async (_, credentials) => {
		const res = await octopush(
			sandbox,
			'POST',
			'/sms-campaign/send',
			{ text: 'Hi', recipients: [{ phone_number: '+33612345678' }] },
			credentials,
		);
		expect(res.status).toBe(401);
		expect(res.body).toEqual({
			code: 401,
			message: 'Unauthorized.',
			errors: { 'api-key': { code: 101, message: expect.any(String) } },
		});
		expect(sandbox.octopush.tickets.size).toBe(0);
	});
});
