import { startFixture, useTestbed } from '../support/testbed';

describe('credentials through the engine, against the sandbox', () => {
	const t = useTestbed(startFixture);

	const routee = (secret = 'sandbox-secret') => ({
		applicationId: 'sandbox-app',
		applicationSecret: secret,
		baseUrl: t.sandbox.routeeBaseUrl,
		tokenUrl: t.sandbox.routeeTokenUrl,
	});
	const octopush = (key = 'sandbox-key') => ({
		apiLogin: 'sandbox@example.com',
		apiKey: key,
		baseUrl: t.sandbox.octopushBaseUrl,
	});
	const items = (n: number) => Array.from({ length: n }, (_, i) => ({ json: { i } }));

	test('a Routee token is fetched once and reused for many requests and later executions', async () => {
		const credential = t.harness.addCredential('routeeOAuth2Api', routee(), 'routee-reuse');
		const tokensBefore = t.sandbox.routee.tokensIssued;

		const first = await t.harness.runNode(
			'routee',
			{ resource: 'account', operation: 'getBalance' },
			{
				credentials: { routeeOAuth2Api: credential },
				input: items(25),
			},
		);
		const second = await t.harness.runNode(
			'routee',
			{ resource: 'account', operation: 'getBalance' },
			{
				credentials: { routeeOAuth2Api: credential },
				input: items(5),
			},
		);

		expect(first.error).toBeUndefined();
		expect(second.error).toBeUndefined();
		expect(t.sandbox.routee.tokensIssued - tokensBefore).toBe(1);
		expect(t.sandbox.requestsTo('routee-auth')).toHaveLength(1);
		const balanceCalls = t.sandbox.requestsTo('routee', 'GET', '/accounts/me/balance');
		expect(balanceCalls).toHaveLength(30);
		const authorizations = new Set(balanceCalls.map((r) => r.headers.authorization));
		expect(authorizations.size).toBe(1);
		expect([...authorizations][0]).toMatch(/^Bearer \S+$/);
		expect(first.items).toHaveLength(25);
		expect(first.items[24]).toEqual({
			json: {
				balance: t.sandbox.routee.balance,
				currency: expect.objectContaining({ code: expect.any(String) }),
			},
			pairedItem: { item: 24 },
		});
	});

	test('an expired Routee token (401) is renewed once and the request succeeds', async () => {
		const credential = t.harness.addCredential('routeeOAuth2Api', routee(), 'routee-expiry');
		await t.harness.runNode(
			'routee',
			{ resource: 'account', operation: 'getBalance' },
			{
				credentials: { routeeOAuth2Api: credential },
			},
		);
		t.sandbox.routee.expireAllTokens();
		t.sandbox.clearRequests();

		const result = await t.harness.runNode(
			'routee',
			{ resource: 'account', operation: 'getBalance' },
			{
				credentials: { routeeOAuth2Api: credential },
				input: items(3),
			},
		);

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(3);
		expect(t.sandbox.requestsTo('routee-auth')).toHaveLength(1);
		const statuses = t.sandbox
			.requestsTo('routee', 'GET', '/accounts/me/balance')
			.map((r) => r.status);
		expect(statuses).toEqual([401, 200, 200, 200]);
	});

	test('the Routee token request uses Basic auth and the client-credentials grant', async () => {
		const credential = t.harness.addCredential('routeeOAuth2Api', routee(), 'routee-grant');
		await t.harness.runNode(
			'routee',
			{ resource: 'account', operation: 'getBalance' },
			{
				credentials: { routeeOAuth2Api: credential },
			},
		);
		const [tokenRequest] = t.sandbox.requestsTo('routee-auth');
		expect(tokenRequest.method).toBe('POST');
		expect(tokenRequest.headers.authorization).toBe(
			`Basic ${Buffer.from('sandbox-app:sandbox-secret').toString('base64')}`,
		);
		expect(String(tokenRequest.headers['content-type'])).toContain(
			'application/x-www-form-urlencoded',
		);
		expect(tokenRequest.rawBody).toBe('grant_type=client_credentials');
	});

	test("a wrong Routee secret fails the node with Routee's message and sends nothing else", async () => {
		const credential = t.harness.addCredential(
			'routeeOAuth2Api',
			routee('wrong'),
			'routee-bad-secret',
		);
		const result = await t.harness.runNode(
			'routee',
			{ resource: 'account', operation: 'getBalance' },
			{
				credentials: { routeeOAuth2Api: credential },
			},
		);
		expect(result.error?.message).toMatch(/Routee did not issue an access token \(HTTP 401\)/);
		expect(t.sandbox.requestsTo('routee')).toHaveLength(0);
		expect(JSON.stringify(result.run.data)).not.toContain('"wrong"');
	});

	test.each([
		['routeeOAuth2Api', () => routee(), 'OK', /Connection successful/],
		[
			'routeeOAuth2Api',
			() => routee('wrong'),
			'Error',
			/Routee did not issue an access token \(HTTP 401\): .+/,
		],
		['octopushApi', () => octopush(), 'OK', /Connection successful/],
		[
			'octopushApi',
			() => octopush('wrong'),
			'Error',
			/Octopush refused the API Login \/ API Key \(401 Unauthorized\)/,
		],
	])('credential test of %s answers %s', async (type, data, status, message) => {
		const result = await t.harness.testCredential(type, data());
		expect(result.status).toBe(status);
		expect(result.message).toMatch(message);
	});

	test("the Routee credential test shows the provider's own message for a wrong secret", async () => {
		const direct = await fetch(t.sandbox.routeeTokenUrl, {
			method: 'POST',
			headers: {
				authorization: `Basic ${Buffer.from('sandbox-app:wrong').toString('base64')}`,
				'content-type': 'application/x-www-form-urlencoded',
			},
			body: 'grant_type=client_credentials',
		});
		const providerBody = (await direct.json()) as Record<string, string>;
		const providerMessage =
			providerBody.error_description ?? providerBody.developerMessage ?? providerBody.message;
		expect(providerMessage).toEqual(expect.any(String));

		const result = await t.harness.testCredential('routeeOAuth2Api', routee('wrong'));
		expect(result.status).toBe('Error');
		expect(result.message).toContain(providerMessage);
		expect(result.message).not.toContain('wrong');
	});

	describe('a saved Routee credential that the user edits', () => {
		/** A saved credential that has been used once, so it holds a token (as in n8n after the first run). */
		const savedAndUsed = async (id: string) => {
			const credential = t.harness.addCredential('routeeOAuth2Api', routee(), id);
			const first = await t.harness.runNode(
				'routee',
				{ resource: 'account', operation: 'getBalance' },
				{
					credentials: { routeeOAuth2Api: credential },
				},
			);
			expect(first.error).toBeUndefined();
			const stored = t.harness.storedCredentialData(id);
			expect(stored.accessToken).toEqual(expect.any(String));
			t.sandbox.clearRequests();
			return { credential, stored };
		};

		test("its test with a wrong secret fails with Routee's message, although a token is stored", async () => {
			const { stored } = await savedAndUsed('routee-edit-test');
			// what the editor sends: the saved values (hidden token included) with the new secret
			const result = await t.harness.testCredential(
				'routeeOAuth2Api',
				{ ...stored, applicationSecret: 'wrong' },
				'routee-edit-test',
			);
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(
				/Routee did not issue an access token \(HTTP 401\): Bad client credentials/,
			);
			expect(result.message).not.toContain('wrong');
			const [tokenRequest] = t.sandbox.requestsTo('routee-auth');
			expect(tokenRequest.headers.authorization).toBe(
				`Basic ${Buffer.from('sandbox-app:wrong').toString('base64')}`,
			);
			// the stale token never reached Routee with the edited values
			for (const request of t.sandbox.requestsTo('routee'))
				expect(request.headers.authorization).toBeUndefined();
		});

		test('every test of an unchanged credential fetches a new token, and the request that proves it carries that token', async () => {
			const { stored } = await savedAndUsed('routee-retest');
			const result = await t.harness.testCredential('routeeOAuth2Api', stored, 'routee-retest');
			expect(result).toEqual({
				status: 'OK',
				message: expect.stringMatching(/Connection successful/),
			});
			expect(t.sandbox.requestsTo('routee-auth')).toHaveLength(1);
			const balance = t.sandbox.requestsTo('routee', 'GET', '/accounts/me/balance');
			expect(balance.map((r) => r.status)).toEqual([200]);
			const renewed = t.harness.storedCredentialData('routee-retest').accessToken;
			expect(renewed).not.toBe(stored.accessToken);
			expect(balance[0].headers.authorization).toBe(`Bearer ${String(renewed)}`);
		});

		test("saved with a wrong secret, the next run fails with Routee's message instead of reusing the old token", async () => {
			const { credential, stored } = await savedAndUsed('routee-edit-run');
			t.harness.addCredential(
				'routeeOAuth2Api',
				{ ...stored, applicationSecret: 'wrong' },
				'routee-edit-run',
			);
			const result = await t.harness.runNode(
				'routee',
				{ resource: 'account', operation: 'getBalance' },
				{
					credentials: { routeeOAuth2Api: credential },
				},
			);
			expect(result.error?.message).toMatch(
				/Routee did not issue an access token \(HTTP 401\): Bad client credentials/,
			);
			expect(
				t.sandbox.requestsTo('routee', 'GET', '/accounts/me/balance').map((r) => r.status),
			).toEqual([401]);
		});

		test('saved with another valid application, the next run uses a token of that application', async () => {
			t.sandbox.routee.applications.set('second-app', 'second-secret');
			const { credential, stored } = await savedAndUsed('routee-switch-app');
			t.harness.addCredential(
				'routeeOAuth2Api',
				{ ...stored, applicationId: 'second-app', applicationSecret: 'second-secret' },
				'routee-switch-app',
			);
			const result = await t.harness.runNode(
				'routee',
				{ resource: 'account', operation: 'getBalance' },
				{
					credentials: { routeeOAuth2Api: credential },
				},
			);
			expect(result.error).toBeUndefined();
			const [tokenRequest] = t.sandbox.requestsTo('routee-auth');
			expect(tokenRequest.headers.authorization).toBe(
				`Basic ${Buffer.from('second-app:second-secret').toString('base64')}`,
			);
			const renewed = t.harness.storedCredentialData('routee-switch-app');
			expect(renewed.accessToken).not.toBe(stored.accessToken);
			// what the token was issued for is kept as a hash, not as a second copy of the secret
			expect(renewed.tokenFingerprint).toMatch(/^[0-9a-f]{64}$/);
			expect(renewed.tokenFingerprint).not.toBe(stored.tokenFingerprint);
		});
	});

	test('Octopush requests carry the api-login and api-key headers', async () => {
		const credential = t.harness.addCredential('octopushApi', octopush(), 'octopush-headers');
		const result = await t.harness.runNode(
			'octopush',
			{ resource: 'account', operation: 'getBalance' },
			{
				credentials: { octopushApi: credential },
			},
		);
		expect(result.error).toBeUndefined();
		const [request] = t.sandbox.requestsTo('octopush', 'GET', '/wallet/check-balance');
		expect(request.headers['api-login']).toBe('sandbox@example.com');
		expect(request.headers['api-key']).toBe('sandbox-key');
		expect(result.items).toEqual([
			{ json: { amount: t.sandbox.octopush.balance, unit: 'euros' }, pairedItem: { item: 0 } },
		]);
	});

	test('a wrong Octopush key fails the node with a credential hint', async () => {
		const credential = t.harness.addCredential('octopushApi', octopush('wrong'), 'octopush-wrong');
		const result = await t.harness.runNode(
			'octopush',
			{ resource: 'account', operation: 'getBalance' },
			{
				credentials: { octopushApi: credential },
			},
		);
		expect(result.error?.message).toMatch(/Octopush/);
		expect(`${result.error?.message} ${result.error?.description}`).toMatch(
			/API login \/ API key/i,
		);
	});
});
