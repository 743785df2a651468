// Secrets never appear in what a user or an operator reads: node output, errors (as n8n persists and
// shows them), run data, console, stdout/stderr, n8n's log lines. Every suite in this folder asserts
// it over what it captured; this one first proves the capture sees every channel, then drives the
// paths most likely to leak a credential: refused credentials, provider errors, faults, Continue On
// Fail, token renewal.

import { capture, reachable } from '../support/capture';

import type { INodeParameters } from 'n8n-workflow';
import { LoggerProxy } from 'n8n-workflow';

import {
	OCTOPUSH_KEY,
	ROUTEE_SECRET,
	startLeakCheckedTestbed,
} from '../support/leak-checked-testbed';
import { useTestbed } from '../support/testbed';
import { callbackSecret, TriggerHost } from '../triggers/host';

const bed = useTestbed(startLeakCheckedTestbed);

const vms = {
	resource: 'voiceSms',
	operation: 'sendCampaign',
	text: 'Hello',
	recipients: { recipient: [{ phoneNumber: '+33612345678' }] },
};

async function eventually(check: () => boolean, timeoutMs = 3000): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) return false;
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	return true;
}

describe('the capture sees every channel (so the leak checks can fail)', () => {
	test.each([
		['console.log', (canary: string) => console.log(`value ${canary}`)],
		['console.error', (canary: string) => console.error(new Error(canary))],
		['process.stdout', (canary: string) => process.stdout.write(`${canary}\n`)],
		['process.stderr', (canary: string) => process.stderr.write(`${canary}\n`)],
		["n8n's logger", (canary: string) => LoggerProxy.error(`failed with ${canary}`)],
	])('%s', async (_channel, write) => {
		const canary = `canary-${Math.random().toString(36).slice(2)}`;
		write(canary);
		expect(await eventually(() => capture.leaks([canary]).length > 0)).toBe(true);
	});

	test('node output and run data', async () => {
		bed.sandbox.octopush.balance = 1234.5;
		const r = await bed.run('octopush', { resource: 'account', operation: 'getBalance' });
		expect(r.error).toBeUndefined();
		// the balance is no secret, but shows that run output is captured
		expect(capture.texts.some((text) => text.includes('1234.5'))).toBe(true);
	});
});

describe("the triggers' callback secret never shows", () => {
	const secret = 'callback-Secret-0d9e4b7a2c';
	const smsReport = {
		message_id: 'sms_secret_1',
		number: '+33612345678',
		status: 'DELIVERED',
		delivery_date: '2024-05-01 14:03:00',
		channel: 'sms',
	};

	test('not in the workflow, the output, the answers to wrong callers, nor the message of an old configuration', async () => {
		const trigger = await TriggerHost.start(bed.harness, 'octopushTrigger', {
			parameters: {
				registration: 'manual',
				events: ['smsDelivery'],
				callerAuthentication: 'queryToken',
			},
			credentials: callbackSecret(bed.harness, secret),
		});
		const old = await TriggerHost.start(bed.harness, 'routeeTrigger', {
			parameters: {
				events: ['smsStatus'],
				callerAuthentication: 'queryToken',
				queryParameterName: 'key',
				token: secret,
			},
		});
		try {
			// the workflow as n8n exports it: the node refers to the credential by id and name only
			capture.add('trigger workflow node', trigger.node);
			const answers = [
				await trigger.post(smsReport, { suffix: `?token=${secret}` }),
				await trigger.post(smsReport, { suffix: `?token=${secret.slice(0, -1)}` }),
				await trigger.post(smsReport),
				await old.post({ messageId: 'm1' }, { suffix: `?key=${secret}&token=${secret}` }),
			];
			expect(answers.map((a) => a.status)).toEqual([200, 403, 401, 500]);
			capture.add('trigger answers', answers);
			capture.add('trigger executions', trigger.executions);
			expect(trigger.executions).toHaveLength(1);
			const error = (await old.hook('checkExists').catch((e: unknown) => e)) as Error;
			expect(error.message).toMatch(/Caller authentication moved to a credential/);
			capture.add('old configuration activation error', {
				message: error.message,
				description: (error as { description?: unknown }).description,
			});
			expect(capture.leaks([secret])).toEqual([]);
		} finally {
			await trigger.close();
			await old.close();
		}
	});
});

describe('Octopush: the API key never shows', () => {
	test('a wrong API key: the 401 error names the credential, not the key', async () => {
		const wrong = bed.harness.addCredential(
			'octopushApi',
			{
				apiLogin: 'reliability@example.com',
				apiKey: 'wrong-Key-5e2f7a91c3',
				baseUrl: bed.sandbox.octopushBaseUrl,
			},
			'octopush-wrong',
		);
		const r = await bed.harness.runNode('octopush', vms, { credentials: { octopushApi: wrong } });
		capture.addRun('octopush wrong key', r);
		expect(r.status).toBe('error');
		expect(bed.sandbox.requests[0].headers['api-key']).toBe('wrong-Key-5e2f7a91c3');
		expect(capture.leaks(['wrong-Key-5e2f7a91c3'])).toEqual([]);
	});

	test('a provider error, with and without Continue On Fail', async () => {
		bed.sandbox.injectFault({ provider: 'octopush', status: 500, times: 2 });
		const failed = await bed.run('octopush', vms);
		expect(failed.status).toBe('error');
		const continued = await bed.run('octopush', vms, { continueOnFail: true });
		expect(continued.items[0].json.error).toEqual(expect.any(String));
		expect(bed.sandbox.requests.every((r) => r.headers['api-key'] === OCTOPUSH_KEY)).toBe(true);
	});

	test('a dropped connection and a validation error', async () => {
		bed.sandbox.injectFault({ provider: 'octopush', reset: 'before' });
		expect((await bed.run('octopush', vms)).status).toBe('error');
		expect((await bed.run('octopush', { ...vms, sender: 'x' })).status).toBe('error');
	});
});

describe('Routee: the application secret and the tokens never show', () => {
	const balance = { resource: 'account', operation: 'getBalance' };

	test('a token is fetched and used', async () => {
		const r = await bed.run('routee', balance);
		expect(r.error).toBeUndefined();
		// the secret and the token did travel (so their absence from every output means something)
		const [tokenRequest] = bed.sandbox.requestsTo('routee-auth');
		expect(tokenRequest.headers.authorization).toBe(
			`Basic ${Buffer.from(`reliability-app:${ROUTEE_SECRET}`).toString('base64')}`,
		);
		const [call] = bed.sandbox.requestsTo('routee');
		const token = String(call.headers.authorization).replace(/^Bearer /, '');
		expect(bed.sandbox.routee.tokens.has(token)).toBe(true);
		expect(capture.leaks([token])).toEqual([]);
	});

	test('an expired token is renewed; the old and the new token stay out of every output', async () => {
		bed.sandbox.routee.expireAllTokens();
		const r = await bed.run('routee', balance);
		expect(r.error).toBeUndefined();
		expect(bed.sandbox.requestsTo('routee-auth')).toHaveLength(1);
	});

	test('a wrong application secret: the token request is refused, the error does not echo the secret', async () => {
		const wrong = bed.harness.addCredential(
			'routeeOAuth2Api',
			{
				applicationId: 'reliability-app',
				applicationSecret: 'wrong-Secret-0d9b7c55aa',
				baseUrl: bed.sandbox.routeeBaseUrl,
				tokenUrl: bed.sandbox.routeeTokenUrl,
			},
			'routee-wrong',
		);
		const r = await bed.harness.runNode('routee', balance, {
			credentials: { routeeOAuth2Api: wrong },
		});
		capture.addRun('routee wrong secret', r);
		expect(r.status).toBe('error');
		expect(
			capture.leaks([
				'wrong-Secret-0d9b7c55aa',
				Buffer.from('reliability-app:wrong-Secret-0d9b7c55aa').toString('base64'),
			]),
		).toEqual([]);
	});

	test('provider errors and faults, with and without Continue On Fail', async () => {
		bed.sandbox.injectFault({ provider: 'routee', status: 500 });
		expect((await bed.run('routee', balance)).status).toBe('error');
		bed.sandbox.injectFault({ provider: 'routee', status: 401, times: 5 });
		const refused = await bed.run('routee', balance, { continueOnFail: true });
		expect(refused.items[0].json.error).toEqual(expect.any(String));
		bed.sandbox.injectFault({ provider: 'routee', reset: 'before' });
		expect((await bed.run('routee', balance)).status).toBe('error');
	});
});

describe("a refused Call and Wait / Send and Wait / Call for Approval: the resume URL's signature and the access token are in no error", () => {
	// n8n appends the execution's resume token to the resume URL as ?signature=…: anyone with it can resume
	const SIGNATURE = 'resume-Signature-5b1e9d07c4';
	const callAndWait = {
		resource: 'voice',
		operation: 'callAndWait',
		from: '+306948530920',
		to: '+33612345678',
		prompt: 'Press 1 to confirm',
		options: {},
	};
	const callForApproval = {
		resource: 'voice',
		operation: 'sendAndWait',
		from: '+306948530920',
		to: '+33612345678',
		message: 'The agent wants to refund 120 euros.',
		options: {},
	};
	const sendAndWait = {
		resource: 'sms',
		operation: 'waitForDelivery',
		from: 'Shop',
		to: '+33612345678',
		body: 'Your order has shipped.',
		options: {},
	};
	let balance: number;
	beforeEach(() => (balance = bed.sandbox.routee.balance));
	afterEach(() => (bed.sandbox.routee.balance = balance));

	test.each([
		[
			'Call and Wait refused (HTTP 400, balance too low)',
			callAndWait,
			'/voice/conversation',
			(): void => {
				bed.sandbox.routee.balance = 0;
			},
			/^Routee refused the request \(code 400001009\): .+/,
		],
		[
			'Call and Wait, HTTP 500',
			callAndWait,
			'/voice/conversation',
			(): void =>
				bed.sandbox.injectFault({ provider: 'routee', path: '/voice/conversation', status: 500 }),
			/^Routee refused the request \(code 500000000\): .+/,
		],
		[
			'Call and Wait, connection dropped',
			callAndWait,
			'/voice/conversation',
			(): void =>
				bed.sandbox.injectFault({
					provider: 'routee',
					path: '/voice/conversation',
					reset: 'before',
				}),
			/connection to the server was closed unexpectedly/,
		],
		[
			'Call for Approval refused (HTTP 400, balance too low)',
			callForApproval,
			'/voice/conversation',
			(): void => {
				bed.sandbox.routee.balance = 0;
			},
			/^Routee refused the request \(code 400001009\): .+/,
		],
		[
			'Call for Approval, HTTP 500',
			callForApproval,
			'/voice/conversation',
			(): void =>
				bed.sandbox.injectFault({ provider: 'routee', path: '/voice/conversation', status: 500 }),
			/^Routee refused the request \(code 500000000\): .+/,
		],
		[
			'Send and Wait refused (HTTP 400, balance too low)',
			sendAndWait,
			'/sms',
			(): void => {
				bed.sandbox.routee.balance = 0;
			},
			/^Routee refused the request \(code 400001009\): .+/,
		],
	])('%s', async (_case, parameters, path, arrange, message) => {
		arrange();
		const r = await bed.run('routee', parameters, { resumeToken: SIGNATURE });
		expect(r.status).toBe('error');
		expect(r.error?.message).toMatch(message);
		// both travelled with the refused request, so their absence below means something
		const [sent] = bed.sandbox.requestsTo('routee', 'POST', path);
		expect(JSON.stringify(sent.body)).toContain(`signature=${SIGNATURE}`);
		const token = String(sent.headers.authorization).replace(/^Bearer /, '');
		expect(bed.sandbox.routee.tokens.has(token)).toBe(true);
		// the error the node threw, whole (its cause included), as n8n-core reported it
		const thrown = bed.reported.at(-1);
		expect(thrown?.message).toBe(r.error?.message);
		const everything = reachable(thrown);
		expect(everything).toContain(r.error?.message);
		expect(everything).not.toContain(SIGNATURE);
		expect(everything).not.toContain(token);
		// nor in the run data n8n saves, the output, the console or n8n's log
		expect(capture.leaks([SIGNATURE, token, ROUTEE_SECRET])).toEqual([]);
	});

	test("Octopush refused: the api-key is in no error (the error keeps Octopush's answer)", async () => {
		bed.sandbox.injectFault({
			provider: 'octopush',
			status: 400,
			body: {
				code: 1,
				message: 'invalid',
				errors: { sender: { code: 106, message: 'invalid sender' } },
			},
		});
		const r = await bed.run('octopush', vms);
		expect(r.status).toBe('error');
		expect(r.error?.message).toMatch(/invalid sender \(code 106\)/);
		expect(bed.sandbox.requests[0].headers['api-key']).toBe(OCTOPUSH_KEY);
		const thrown = bed.reported.at(-1);
		expect(thrown?.message).toBe(r.error?.message);
		expect(reachable(thrown)).not.toContain(OCTOPUSH_KEY);
		expect(capture.leaks([OCTOPUSH_KEY])).toEqual([]);
	});
});

describe("Octopush Trigger: the callback secret and the account's previous URLs never show", () => {
	const CALLBACK_TOKEN = 'cb-Token-4d7e1a90bb';
	const BASIC_PASSWORD = 'cb-Pass-81c2f6d0e3';
	const CRM_SECRET = 'crm-Secret-9a1b33c7';
	const crmUrl = `https://crm.example.com/octopush/dlr?key=${CRM_SECRET}`;
	const leaked = () =>
		capture.leaks([CALLBACK_TOKEN, BASIC_PASSWORD, CRM_SECRET, encodeURIComponent(BASIC_PASSWORD)]);
	const hosts: TriggerHost[] = [];
	afterEach(async () => {
		bed.sandbox.clearFaults();
		await Promise.all(hosts.splice(0).map((h) => h.close()));
	});

	async function trigger(parameters: INodeParameters): Promise<TriggerHost> {
		const started = await TriggerHost.start(bed.harness, 'octopushTrigger', {
			parameters: { events: ['smsDelivery'], callerAuthentication: 'queryToken', ...parameters },
			credentials: {
				octopushApi: bed.credentials.octopushApi,
				...callbackSecret(bed.harness, CALLBACK_TOKEN),
			},
		});
		hosts.push(started);
		return started;
	}

	/** The error a hook threw, recorded as n8n would persist and show it. */
	async function failure(label: string, run: Promise<boolean>): Promise<string> {
		const error = await run.then(
			() => undefined,
			(e: Error & { description?: string }) => e,
		);
		expect(error).toBeInstanceOf(Error);
		capture.add(label, {
			message: error?.message,
			description: error?.description,
			stack: error?.stack,
			reachable: reachable(error),
		});
		return String(error?.message);
	}

	const setDeliveries = (url: string | null) =>
		Object.assign(bed.sandbox.octopush.callbacks, { callback_url_for_deliveries: url });
	const PATCH = {
		provider: 'octopush' as const,
		method: 'PATCH',
		path: '/user/campaign-parameters/edit',
	};

	test('a refused activation: the manual steps show the URL with a placeholder, and Octopush echoing the URL is redacted', async () => {
		setDeliveries(crmUrl);
		const t = await trigger({});
		bed.sandbox.injectFault({
			...PATCH,
			status: 400,
			times: 5,
			body: { message: `invalid callback_url_for_deliveries: ${t.url}?token=${CALLBACK_TOKEN}` },
		});
		const message = await failure('activation refused', t.hook('create'));
		expect(message).toContain(
			`paste ${t.url}?token=YOUR_SECRET as the URL for delivery reports (with your secret in place of the placeholders).`,
		);
		expect(message).toContain(`invalid callback_url_for_deliveries: ${t.url}?token=HIDDEN`);
		expect(leaked()).toEqual([]);
	});

	test('a previous URL with user:password in it: shown as USER:PASSWORD', async () => {
		setDeliveries(`https://octopush:${BASIC_PASSWORD}@crm.example.com/octopush/dlr`);
		const t = await trigger({});
		await t.hook('create');
		bed.sandbox.injectFault({ ...PATCH, status: 500, times: 5 });
		const message = await failure('restore failed, userinfo', t.hook('delete'));
		expect(message).toContain(
			'delivery reports: https://USER:PASSWORD@crm.example.com/octopush/dlr.',
		);
		bed.sandbox.clearFaults();
		await t.hook('delete');
		expect(leaked()).toEqual([]);
	});

	test('a failed restore names the previous URLs without their secrets', async () => {
		setDeliveries(crmUrl);
		const t = await trigger({});
		await t.hook('create');
		bed.sandbox.injectFault({ ...PATCH, status: 500, times: 5 });
		const message = await failure('restore failed', t.hook('delete'));
		expect(message).toContain('delivery reports: https://crm.example.com/octopush/dlr?key=HIDDEN.');
		bed.sandbox.clearFaults();
		await t.hook('delete');
		expect(bed.sandbox.octopush.callbacks.callback_url_for_deliveries).toBe(crmUrl);
		expect(leaked()).toEqual([]);
	});

	test('test listen: a refused test registration and a failed test restore show no secret', async () => {
		setDeliveries(null);
		const t = await trigger({});
		bed.sandbox.injectFault({
			...PATCH,
			status: 403,
			times: 1,
			body: { message: `refused ${t.testUrl}?token=${CALLBACK_TOKEN}` },
		});
		const refused = await failure('test registration refused', t.testHook('create'));
		expect(refused).toContain(`${t.testUrl}?token=YOUR_SECRET`);
		await t.testHook('delete');
		await t.startTestListen();
		expect(bed.sandbox.octopush.callbacks.callback_url_for_deliveries).toBe(
			`${t.testUrl}?token=${CALLBACK_TOKEN}`,
		);
		bed.sandbox.injectFault({ ...PATCH, status: 500, times: 5 });
		const message = await failure('test restore failed', t.testHook('delete'));
		expect(message).toContain(
			'Octopush did not let the trigger restore the previous callback URLs',
		);
		bed.sandbox.clearFaults();
		setDeliveries(null);
		expect(leaked()).toEqual([]);
	});
});
