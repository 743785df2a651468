// End to end in real n8n: for each set-up (N8N_E2E_VERSIONS, default 2.40.7 and 2.35.7 in regular mode and
// 2.40.7 in queue mode: main + webhook process + 2 workers on Redis and PostgreSQL 17) one
// n8n is started headless on loopback with this package installed the way n8n installs a community
// package (packed tarball into <user folder>/.n8n/nodes), and driven through its CLI and REST API
// against the in-process provider sandbox. Run with `npm run test:e2e`.

import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';

import { Sandbox, type RecordedRequest } from '../sandbox';
import { EXAMPLE_EXPECTATIONS, type ExpectedRequest } from './example-expectations';
import {
	CREDENTIALS,
	declaredTypes,
	exampleStartTypes,
	loadExamples,
	productionBaseUrl,
	outputOf,
	PACKAGE_NAME,
	parseSetups,
	sandboxCredentials,
	startForVersion,
	type Example,
	type N8n,
} from './n8n';
import { registerApprovalTests } from './approval';
import { registerCallbackBodyTests } from './callback-bodies';
import { registerContactTests } from './contacts';
import { registerDateTests } from './dates';
import { registerQueueModeTests } from './queue-mode';
import { registerTriggerExampleTests, TRIGGER_EXAMPLE_CHAINS } from './trigger-examples';
import { registerTriggerTests } from './triggers';
import { registerWaitTests } from './wait';

const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';

/** Sandbox requests to the providers' APIs (token requests excluded: tokens are cached in the credential). */
function apiRequests(sandbox: Sandbox): RecordedRequest[] {
	return sandbox.requests.filter((r) => r.provider === 'routee' || r.provider === 'octopush');
}

/** Matches received requests against the expected sequence (a `repeats` entry matches 1..n in a row). */
function expectRequests(received: RecordedRequest[], expected: ExpectedRequest[]): void {
	const summary = received.map((r) => `${r.provider} ${r.method} ${r.path} → ${r.status}`);
	let index = 0;
	for (const step of expected) {
		const matches = (r: RecordedRequest | undefined) =>
			r !== undefined &&
			r.provider === step.provider &&
			r.method === step.method &&
			r.path === step.path;
		if (!matches(received[index])) {
			throw new Error(
				`expected ${step.provider} ${step.method} ${step.path} as request #${index + 1}; the sandbox received:\n${summary.join('\n')}`,
			);
		}
		if (step.body)
			expect({ request: summary[index], body: received[index].body }).toMatchObject({
				request: summary[index],
				body: step.body,
			});
		const accepted = received[index].status >= 200 && received[index].status < 300;
		expect({ request: summary[index], accepted }).toEqual({
			request: summary[index],
			accepted: true,
		});
		index += 1;
		while (step.repeats && matches(received[index])) index += 1;
	}
	if (index !== received.length)
		throw new Error(
			`unexpected extra requests after the expected ones:\n${summary.slice(index).join('\n')}`,
		);
}

// global-setup.mjs resolves the set-ups (and installs their versions) before jest collects the tests.
const SETUPS = parseSetups(process.env.N8N_E2E_VERSIONS ?? '');
if (SETUPS.length === 0)
	throw new Error('N8N_E2E_VERSIONS is not set: run the suite with `npm run test:e2e`');

let examples: Example[] = [];
beforeAll(async () => {
	examples = await loadExamples();
});
const START_TYPES = exampleStartTypes();

describe.each(SETUPS)('real n8n $label', (setup) => {
	const { version } = setup;
	let sandbox: Sandbox;
	let n8n: N8n;

	beforeAll(
		async () => {
			sandbox = await Sandbox.start({ deliveryDelayMs: 20, octopushComputationMs: 300 });
			n8n = await startForVersion(setup, sandbox);
		},
		15 * 60 * 1000,
	);

	afterAll(async () => {
		await n8n?.stop();
		await sandbox?.stop();
	});

	beforeEach(() => {
		sandbox.clearRequests();
		sandbox.clearFaults();
	});

	test('runs the expected n8n and Node versions', async () => {
		const settings = await n8n.request<{ versionCli: string }>('GET', '/rest/settings');
		expect(settings.versionCli).toBe(version);
		expect(n8n.nodeVersion).toMatch(version === '2.35.7' ? /^v22\./ : /^v24\./);
	});

	test('registers every node and credential type package.json declares (read from n8n)', async () => {
		const declared = declaredTypes();
		const nodeTypes = (await n8n.nodeTypes()).map((t) => t.name);
		const credentialTypes = (await n8n.credentialTypes()).map((t) => t.name);
		const ours = nodeTypes.filter(
			(name) => name.startsWith(`${PACKAGE_NAME}.`) && !name.endsWith('Tool'),
		);
		expect(ours.sort()).toEqual([...declared.nodes].sort());
		expect(credentialTypes).toEqual(expect.arrayContaining(declared.credentials));
		expect(n8n.logTail(1_000_000)).not.toMatch(/Failed to load package|Error loading package/);
	});

	test('action nodes are offered as AI tools, triggers are not', async () => {
		const nodeTypes = await n8n.nodeTypes();
		const ours = nodeTypes.filter((t) => t.name.startsWith(`${PACKAGE_NAME}.`));
		for (const type of ours.filter((t) => !t.name.endsWith('Tool'))) {
			const isTrigger = (type.group as string[]).includes('trigger');
			expect({ name: type.name, tool: ours.some((t) => t.name === `${type.name}Tool`) }).toEqual({
				name: type.name,
				tool: !isTrigger,
			});
		}
	});

	test('zod, luxon and n8n-workflow resolve from n8n itself in the installed layout', async () => {
		const installed = n8n.installedPackage.dir;
		expect(installed).toBe(
			path.join(n8n.userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME),
		);
		const installedJson = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8'));
		// n8n strips these before its `npm install`, so nothing but runtime dependencies could arrive.
		expect(installedJson).not.toHaveProperty('peerDependencies');
		expect(installedJson).not.toHaveProperty('devDependencies');
		expect(installedJson.dependencies ?? {}).toEqual({});
		expect(existsSync(path.join(installed, 'node_modules'))).toBe(false);

		const required = new Set<string>();
		const walk = (dir: string) => {
			for (const entry of readdirSync(dir, { withFileTypes: true })) {
				const file = path.join(dir, entry.name);
				if (entry.isDirectory()) walk(file);
				else if (entry.name.endsWith('.js')) {
					for (const match of readFileSync(file, 'utf8').matchAll(/require\("([^"]+)"\)/g)) {
						if (!match[1].startsWith('.')) required.add(match[1]);
					}
				}
			}
		};
		walk(path.join(installed, 'dist'));
		expect(
			[...required].filter(
				(m) => !['n8n-workflow', 'zod', 'luxon', 'crypto', 'node:crypto'].includes(m),
			),
		).toEqual([]);
		expect(required).toContain('zod');
		expect(required).toContain('luxon');
		// Every node file that requires zod or luxon was loaded by n8n: its types are registered (checked
		// above) and n8n logged no load failure; the example runs below execute the validation, the
		// scheduled-date runs and the trigger callbacks the date conversion.
		const nodeTypes = (await n8n.nodeTypes()).map((t) => t.name);
		expect(nodeTypes).toEqual(expect.arrayContaining(declaredTypes().nodes));
	});

	describe('credential test through n8n (POST /rest/credentials/test)', () => {
		const dataOf = (id: string) => sandboxCredentials(sandbox).find((c) => c.id === id)!;

		test('Routee: the sandbox application passes', async () => {
			const result = await n8n.testCredential(dataOf(CREDENTIALS.routee.id));
			expect(result).toEqual({
				status: 'OK',
				message: expect.stringMatching(/Connection successful/),
			});
			expect(
				sandbox.requestsTo('routee-auth', 'POST', '/oauth/token').length,
			).toBeGreaterThanOrEqual(1);
			expect(
				sandbox.requestsTo('routee', 'GET', '/accounts/me/balance').map((r) => r.status),
			).toEqual([200]);
		});

		test("Routee: a wrong secret fails with Routee's own message", async () => {
			const result = await n8n.testCredential(dataOf(CREDENTIALS.routeeWrong.id));
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(
				/Routee did not issue an access token \(HTTP 401\): Bad client credentials/,
			);
			expect(result.message).not.toContain('wrong-secret');
			expect(sandbox.requestsTo('routee')).toEqual([]);
		});

		test("Routee: a saved credential edited to a wrong secret fails its test with Routee's message (the stored token is not reused)", async () => {
			const { id, type } = CREDENTIALS.routeeEdited;
			// first test: n8n fetches a token and saves it in the credential
			expect((await n8n.testCredential(dataOf(id))).status).toBe('OK');
			// what the editor holds when the user opens the saved credential (secrets redacted), with a new secret typed in
			const saved = await n8n.request('GET', `/rest/credentials/${id}?includeData=true`);
			sandbox.clearRequests();
			const result = await n8n.testCredential({
				id,
				name: saved.name,
				type,
				data: { ...saved.data, applicationSecret: 'edited-wrong' },
			});
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(
				/Routee did not issue an access token \(HTTP 401\): Bad client credentials/,
			);
			expect(result.message).not.toContain('edited-wrong');
			const tokenRequests = sandbox.requestsTo('routee-auth', 'POST', '/oauth/token');
			expect(tokenRequests.length).toBeGreaterThanOrEqual(1);
			for (const request of tokenRequests) {
				expect(request.headers.authorization).toBe(
					`Basic ${Buffer.from(`${String(dataOf(id).data.applicationId)}:edited-wrong`).toString('base64')}`,
				);
			}
			// the token issued for the old secret never proved the edited values
			for (const request of sandbox.requestsTo('routee')) expect(request.status).not.toBe(200);
		});

		test('Octopush: the sandbox account passes', async () => {
			const result = await n8n.testCredential(dataOf(CREDENTIALS.octopush.id));
			expect(result).toEqual({
				status: 'OK',
				message: expect.stringMatching(/Connection successful/),
			});
			const [check] = sandbox.requestsTo('octopush', 'GET', '/wallet/check-balance');
			expect(check.status).toBe(200);
			expect(check.headers['api-login']).toBe(dataOf(CREDENTIALS.octopush.id).data.apiLogin);
		});

		test('Octopush: a wrong key fails with the 401 explanation', async () => {
			const result = await n8n.testCredential(dataOf(CREDENTIALS.octopushWrong.id));
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(
				/Octopush refused the API Login \/ API Key \(401 Unauthorized\)/,
			);
			const statuses = sandbox
				.requestsTo('octopush', 'GET', '/wallet/check-balance')
				.map((r) => r.status);
			expect(statuses.length).toBeGreaterThanOrEqual(1);
			expect(statuses.every((status) => status === 401)).toBe(true);
		});
	});

	describe('example workflows that start with a Manual Trigger (n8n import:workflow, then run as the editor runs them)', () => {
		beforeAll(async () => {
			// as the demo imports them: their URLs (the Routee Trigger examples' Production URLs) point at this n8n
			const runnable = (await loadExamples(productionBaseUrl(n8n))).filter(
				(e) => e.startType === MANUAL_TRIGGER,
			);
			if (runnable.length > 0) await n8n.importWorkflows(runnable.map((e) => e.workflow));
		}, 120000);

		test('every example starts with a Manual Trigger, a Webhook or one of our triggers, and each has its checks', () => {
			expect(examples.map((e) => e.file)).toEqual(Object.keys(START_TYPES));
			for (const example of examples) {
				const check =
					example.startType === MANUAL_TRIGGER
						? example.file in EXAMPLE_EXPECTATIONS
						: example.file in TRIGGER_EXAMPLE_CHAINS;
				expect({ file: example.file, startType: example.startType, hasChecks: check }).toEqual({
					file: example.file,
					startType: example.startType,
					hasChecks: true,
				});
			}
		});

		for (const [file, startType] of Object.entries(START_TYPES)) {
			if (startType !== MANUAL_TRIGGER) {
				test.skip(`${file}: starts with ${startType} — run below by publishing it and calling it (a new order, the sandbox's callbacks)`, () =>
					undefined);
				continue;
			}
			test(`${file} runs and the sandbox receives exactly the expected requests`, async () => {
				const example = examples.find((e) => e.file === file)!;
				const expectation = EXAMPLE_EXPECTATIONS[file];
				expect(expectation).toBeDefined();
				const run = await n8n.execute(example.workflow.id);
				expect({ status: run.status, error: run.data.resultData.error?.message }).toEqual({
					status: 'success',
					error: undefined,
				});
				const received = apiRequests(sandbox);
				expectRequests(received, expectation.requests);
				const items = outputOf(run, expectation.node);
				expect(items.every((item) => item.pairedItem !== undefined)).toBe(true);
				expectation.output(items, received);
				for (const request of sandbox.requestsTo('routee'))
					expect(String(request.headers.authorization)).toMatch(/^Bearer \S+$/);
			}, 120000);
		}
	});

	registerTriggerExampleTests(() => ({ n8n, sandbox, examples }));
	registerTriggerTests(() => ({ n8n, sandbox }));
	registerCallbackBodyTests(() => ({ n8n, sandbox }));
	registerDateTests(() => ({ n8n, sandbox }));
	registerContactTests(() => ({ n8n, sandbox }));
	registerWaitTests(() => ({ n8n, sandbox }));
	// AI Agent v3.1 and its Human review gates: n8n 2.40.7, regular and queue mode
	if (version === '2.40.7') registerApprovalTests(() => ({ n8n, sandbox }));
	if (setup.queue) registerQueueModeTests(() => ({ n8n, sandbox }));
});
