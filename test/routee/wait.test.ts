// Routee → Voice → Call and Wait for Key Press and SMS → Send and Wait for Delivery: what the node sends (through
// n8n's engine: the execution ends `waiting`), and what its webhook() (n8n-core's WebhookContext, hosted like n8n
// serves the execution's resume URL) does with each callback: answer 200 and keep waiting, or resume.
// The whole loop in real n8n is test/e2e/wait.ts.

import type { IDataObject } from 'n8n-workflow';

import { TriggerHost } from '../triggers/host';
import { useTestbed } from '../support/testbed';
import { routee, token } from '../sandbox/test-client';
import { startTestbed } from './setup';

const t = useTestbed(
	async () => await startTestbed({ deliveryDelayMs: 5, conversationMinIntervalMs: 0 }),
);
const hosts: TriggerHost[] = [];
afterEach(async () => {
	await Promise.all(hosts.splice(0).map((host) => host.close()));
});

async function host(parameters: IDataObject): Promise<TriggerHost> {
	const started = await TriggerHost.start(t.harness, 'routee', {
		parameters: parameters as never,
		typeVersion: 1,
		credentials: { routeeOAuth2Api: t.credential },
	});
	hosts.push(started);
	return started;
}

async function until(check: () => boolean, what: string): Promise<void> {
	const deadline = Date.now() + 10_000;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

describe('Voice → Call and Wait for Key Press', () => {
	test('starts a conversation whose COLLECT event URL and OnCompletion callback are the resume URL, and the execution waits', async () => {
		const run = await t.run({
			resource: 'voice',
			operation: 'callAndWait',
			from: '+306948530920',
			to: '+33612345678',
			prompt: 'Press 1 to confirm',
			language: 'en-GB',
			gender: 'male',
			maxDigits: 2,
			submitOnHash: true,
			timeLimitMinutes: 5,
			options: { hangupDelay: 30 },
		});
		expect(run.status).toBe('waiting');
		const [request] = t.received('POST', '/voice/conversation');
		const body = request.body as IDataObject;
		const callback = body.callback as IDataObject;
		expect(callback).toEqual({
			url: expect.stringMatching(/\/form-waiting\//),
			strategy: 'OnCompletion',
		});
		expect(body).toMatchObject({
			to: { phone: '+33612345678' },
			from: '+306948530920',
			hangupDelay: 30,
			dialPlan: {
				verbs: [
					{
						type: 'SAY',
						message: { text: 'Press 1 to confirm', language: 'en-GB', gender: 'male' },
						repeat: 0,
						bargeIn: true,
					},
					{ type: 'COLLECT', eventUrl: callback.url, maxDigits: 2, submitOnHash: true },
				],
			},
		});
	});

	test("the prompt with Routee's Default voice sends no gender (optional in SAY)", async () => {
		const run = await t.run({
			resource: 'voice',
			operation: 'callAndWait',
			from: '+306948530920',
			to: '+33612345678',
			prompt: 'Appuyez sur 1',
			language: 'fr-FR',
			gender: '',
		});
		expect(run.status).toBe('waiting');
		const [request] = t.received('POST', '/voice/conversation');
		const [say] = ((request.body as IDataObject).dialPlan as { verbs: IDataObject[] }).verbs;
		expect(say.message).toEqual({ text: 'Appuyez sur 1', language: 'fr-FR' });
	});

	test('more than one input item is refused before anything is sent, with the fix', async () => {
		const run = await t.run(
			{
				resource: 'voice',
				operation: 'callAndWait',
				from: '+306948530920',
				to: '+33612345678',
				prompt: 'Hi',
				options: {},
			},
			{ input: [{ json: {} }, { json: {} }] },
		);
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/one input item per execution; it got 2/);
		expect(run.error?.description).toMatch(/Loop Over Items/);
		expect(t.received('POST', '/voice/conversation')).toEqual([]);
	});

	test.each([
		[
			'language',
			{ language: '={{ "fr" }}' },
			'Language',
			/^Language must be one of bg-BG, .*, got "fr"\.$/,
		],
		[
			'gender',
			{ gender: '={{ "robot" }}' },
			'Gender',
			'Gender must be one of female, male, got "robot".',
		],
		['prompt', { prompt: '={{ "" }}' }, 'Prompt', /^Prompt /],
		['max digits', { maxDigits: 0 }, 'Max Digits', /^Max Digits /],
	])(
		'a refused %s names the field as the panel does (no dial plan "Verb 1:"), before anything is sent',
		async (_what, change, label, description) => {
			const run = await t.run({
				resource: 'voice',
				operation: 'callAndWait',
				from: '+306948530920',
				to: '+33612345678',
				prompt: 'Press 1',
				language: 'en-GB',
				options: {},
				...change,
			});
			expect(run.status).toBe('error');
			expect(run.error?.message).toBe(`${label} is not valid [item 0]`);
			expect(run.error?.description).toEqual(
				typeof description === 'string' ? description : expect.stringMatching(description),
			);
			expect(t.received('POST', '/voice/conversation')).toEqual([]);
		},
	);

	test.each([
		['+33612345678', { digits: '1', keyPressed: true, answered: true, status: 'Completed' }],
		['+33612345602', { digits: '2', keyPressed: true, answered: true, status: 'Completed' }],
		['+33612345603', { digits: '', keyPressed: false, answered: true, status: 'Completed' }],
		['+33612340000', { digits: '', keyPressed: false, answered: false, status: 'NoAnswer' }],
		['+33612341111', { digits: '', keyPressed: false, answered: false, status: 'Busy' }],
	])(
		'the sandbox calls %s: the COLLECT event is answered 200 and does not resume; the final status resumes once',
		async (to, expected) => {
			const waiting = await host({ resource: 'voice', operation: 'callAndWait' });
			const bearer = await token(t.sandbox);
			const started = await routee(t.sandbox, bearer, 'POST', '/voice/conversation', {
				from: '+306948530920',
				to: { phone: to },
				dialPlan: {
					verbs: [
						{ type: 'SAY', message: { text: 'Press 1', language: 'en-GB' } },
						{ type: 'COLLECT', eventUrl: waiting.url, maxDigits: 1 },
					],
				},
				callback: { url: waiting.url, strategy: 'OnChange' },
			});
			expect(started.status).toBe(200);
			await until(() => waiting.executions.length === 1, 'the resume');
			await until(
				() => t.sandbox.callbacksSent.filter((c) => c.url === waiting.url).length >= 1,
				'the callbacks',
			);
			expect(waiting.executions[0]).toEqual([
				expect.objectContaining({
					...expected,
					to,
					timedOut: false,
					trackingId: (started.body as IDataObject).trackingId,
					messageId: expect.any(String),
				}),
			]);
			// every callback (OnChange statuses, the COLLECT event, the final status) was answered 200; only the final resumed
			const sent = t.sandbox.callbacksSent.filter((c) => c.url === waiting.url);
			expect(sent.every((c) => c.status === 200 && c.attempt === 1)).toBe(true);
			expect(waiting.calls.filter((c) => c.result?.workflowData !== undefined)).toHaveLength(1);
			expect(waiting.calls[waiting.calls.length - 1].result?.workflowData).toBeDefined();
		},
	);
});

describe('Voice → Call and Wait for Key Press: a call that ends "Unknown" (issue 22, R16)', () => {
	test('resumes at once instead of waiting until the time limit: its OnCompletion callback carries the final status only', async () => {
		// docs disagree whether Unknown is final (https://docs.routee.net/docs/voice-messaging-statuses)
		const waiting = await host({ resource: 'voice', operation: 'callAndWait' });
		const answer = await waiting.post({
			messageId: 'm-unknown',
			conversationTrackingId: 't-unknown',
			to: '+33612345678',
			from: '+306948530920',
			status: { name: 'Unknown', updatedDate: '2026-12-04T10:00:00Z' },
			duration: 0,
		});
		expect(answer.status).toBe(200);
		expect(waiting.executions).toEqual([
			[
				expect.objectContaining({
					status: 'Unknown',
					answered: false,
					digits: '',
					keyPressed: false,
					timedOut: false,
					messageId: 'm-unknown',
					trackingId: 't-unknown',
				}),
			],
		]);
		// no tracking was read: the call was not answered
		expect(t.received('GET')).toEqual([]);
	});
});

describe('Voice → Call and Wait for Key Press: what it outputs at the Time Limit (issue 28)', () => {
	const call = {
		resource: 'voice',
		operation: 'callAndWait',
		from: '+306948530920',
		to: '+33612345678',
		prompt: 'Press 1 to confirm',
		language: 'en-GB',
	};

	test('version 2: no status (none reached n8n in time), timedOut true', async () => {
		const run = await t.run(call, { typeVersion: 2 });
		expect(run.status).toBe('waiting');
		expect(run.items[0].json).toMatchObject({ status: null, timedOut: true, keyPressed: false });
	});

	test('version 1, as saved workflows have it: status "Unknown", timedOut true', async () => {
		const run = await t.run(call, { typeVersion: 1 });
		expect(run.items[0].json).toMatchObject({ status: 'Unknown', timedOut: true });
	});
});

describe('Voice → Call and Wait for Key Press: answering machines (Options → Voicemail Message)', () => {
	test('sends machineDetection Continue whose eventUrl is the resume URL marked as the machine event', async () => {
		const run = await t.run({
			resource: 'voice',
			operation: 'callAndWait',
			from: '+306948530920',
			to: '+33612345604',
			prompt: 'Press 1 to confirm',
			language: 'en-GB',
			gender: 'female',
			options: { voicemailMessage: 'We called about your order.' },
		});
		expect(run.status).toBe('waiting');
		const [request] = t.received('POST', '/voice/conversation');
		const body = request.body as IDataObject;
		const detection = body.machineDetection as IDataObject;
		expect(detection.strategy).toBe('Continue');
		const eventUrl = new URL(detection.eventUrl as string);
		const resumeUrl = new URL((body.callback as IDataObject).url as string);
		expect(`${eventUrl.origin}${eventUrl.pathname}`).toBe(
			`${resumeUrl.origin}${resumeUrl.pathname}`,
		);
		expect(
			JSON.parse(Buffer.from(eventUrl.searchParams.get('machine')!, 'base64url').toString()),
		).toEqual({
			text: 'We called about your order.',
			language: 'en-GB',
			gender: 'female',
		});
	});

	test('without a voicemail message no machine detection is asked for', async () => {
		await t.run({
			resource: 'voice',
			operation: 'callAndWait',
			from: '+306948530920',
			to: '+33612345678',
			prompt: 'Hi',
			options: {},
		});
		const [request] = t.received('POST', '/voice/conversation');
		expect((request.body as IDataObject).machineDetection).toBeUndefined();
	});

	test('a machine picks up: the event is answered with the voicemail SAY (a dialplan Routee runs) and the execution resumes at once with MachineDetected', async () => {
		const waiting = await host({ resource: 'voice', operation: 'callAndWait' });
		const voicemail = { text: 'We called about your order.', language: 'en-GB' };
		const eventUrl = `${waiting.url}?machine=${Buffer.from(JSON.stringify(voicemail)).toString('base64url')}`;
		const bearer = await token(t.sandbox);
		const started = await routee(t.sandbox, bearer, 'POST', '/voice/conversation', {
			from: '+306948530920',
			to: { phone: '+33612345604' },
			dialPlan: {
				verbs: [
					{ type: 'SAY', message: { text: 'Press 1', language: 'en-GB' } },
					{ type: 'COLLECT', eventUrl: waiting.url, maxDigits: 1 },
				],
			},
			callback: { url: waiting.url, strategy: 'OnCompletion' },
			machineDetection: { strategy: 'Continue', eventUrl },
		});
		expect(started.status).toBe(200);
		await until(() => waiting.executions.length === 1, 'the resume');
		expect(waiting.executions[0]).toEqual([
			expect.objectContaining({
				status: 'MachineDetected',
				machineDetected: true,
				answered: false,
				digits: '',
				to: '+33612345604',
				timedOut: false,
			}),
		]);
		await until(
			() =>
				t.sandbox.callbacksSent.some(
					(c) => c.kind === 'routee.conversation' && c.url === waiting.url,
				),
			'the final status',
		);
		const [machine] = t.sandbox.callbacksSent.filter(
			(c) => c.kind === 'routee.machine' && c.url === eventUrl,
		);
		expect(machine.status).toBe(200);
		expect(JSON.parse(machine.responseBody ?? '')).toEqual({
			verbs: [{ type: 'SAY', message: voicemail, repeat: 0, bargeIn: false }],
		});
		// the machine pressed nothing: no COLLECT event was sent; the call then completed
		expect(
			t.sandbox.callbacksSent.filter((c) => c.kind === 'routee.collect' && c.url === waiting.url),
		).toEqual([]);
		const [final] = t.sandbox.callbacksSent.filter(
			(c) => c.kind === 'routee.conversation' && c.url === waiting.url,
		);
		expect((final.body as { status: { name: string } }).status.name).toBe('Completed');
	});
});

describe('SMS → Send and Wait for Delivery', () => {
	test('sends one SMS whose OnCompletion callback is the resume URL, and the execution waits', async () => {
		const run = await t.run({
			resource: 'sms',
			operation: 'waitForDelivery',
			from: 'Shop',
			to: '+33612345678',
			body: 'Shipped',
			options: {},
		});
		expect(run.status).toBe('waiting');
		const [request] = t.received('POST', '/sms');
		expect(request.body).toEqual({
			from: 'Shop',
			to: '+33612345678',
			body: 'Shipped',
			callback: { url: expect.stringMatching(/\/form-waiting\//), strategy: 'OnCompletion' },
		});
	});

	const part = (n: number, of: number, status: string, reason?: IDataObject) => ({
		messageId: 'm-1',
		part: n,
		parts: of,
		to: '+33612345678',
		status: { name: status, ...(reason ? { reason } : {}), updatedDate: '2026-11-30T10:00:00Z' },
	});

	test('intermediate statuses and all but the last part are answered 200 and do not resume; the last final part resumes', async () => {
		const waiting = await host({ resource: 'sms', operation: 'waitForDelivery' });
		for (const body of [part(1, 2, 'Queued'), part(1, 2, 'Sent'), part(1, 2, 'Delivered')]) {
			expect((await waiting.post(body)).status).toBe(200);
		}
		expect(waiting.executions).toEqual([]);
		expect((await waiting.post(part(2, 2, 'Delivered'))).status).toBe(200);
		expect(waiting.executions).toEqual([
			[
				expect.objectContaining({
					delivered: true,
					status: 'Delivered',
					isFinal: true,
					timedOut: false,
					parts: 2,
				}),
			],
		]);
	});

	test('an undelivered message resumes with its reason', async () => {
		const waiting = await host({ resource: 'sms', operation: 'waitForDelivery' });
		await waiting.post(
			part(1, 1, 'Undelivered', {
				detailedStatus: 'Unknown Number',
				description: 'The number does not exist',
			}),
		);
		expect(waiting.executions).toEqual([
			[
				expect.objectContaining({
					delivered: false,
					status: 'Undelivered',
					reason: { detailedStatus: 'Unknown Number', description: 'The number does not exist' },
				}),
			],
		]);
	});
});
