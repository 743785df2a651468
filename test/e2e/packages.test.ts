// The single-service packages (issue 23) in real n8n, installed the way n8n installs a community package (packed
// tarball of build/<name>/, written by `npm run build`, see scripts/packages.mjs):
// - n8n-nodes-routee and n8n-nodes-octopush side by side in one n8n: both load, each node runs (an example
//   workflow of each action node, a callback through each trigger with its provider's own callback-secret
//   credential), and those credentials pass their test through n8n;
// - the combined n8n-nodes-routee-octopush together with n8n-nodes-routee (on the first version only): what n8n
//   does with two packages that declare the same credential type (the README's "Which package to install").
// Regular mode only; one n8n at a time, about a minute per version.

import { existsSync } from 'node:fs';
import path from 'node:path';

import { Sandbox, type RecordedRequest } from '../sandbox';
import { EXAMPLE_EXPECTATIONS } from './example-expectations';
import {
	CALLBACK_SECRET,
	CREDENTIALS,
	loadExamples,
	outputOf,
	parseSetups,
	ROOT,
	sandboxCredentials,
	scripts,
	type N8n,
	type WorkflowJson,
} from './n8n';

const COMBINED = 'n8n-nodes-routee-octopush';
const ROUTEE = 'n8n-nodes-routee';
const OCTOPUSH = 'n8n-nodes-octopush';
const stagedDir = (name: string) => path.join(ROOT, 'build', name);

const SETUPS = parseSetups(process.env.N8N_E2E_VERSIONS ?? '').filter((setup) => !setup.queue);

/** Each single-service package's own callback secret, as imported into n8n. */
const OWN_SECRETS = {
	routee: {
		id: 'routee-own-secret',
		name: 'Routee callback secret',
		type: 'routeeCallbackSecretApi',
	},
	octopush: {
		id: 'octopush-own-secret',
		name: 'Octopush callback secret',
		type: 'octopushCallbackSecretApi',
	},
} as const;

/** A copy of an example workflow whose nodes of the combined package are those of `packageName`. */
function forPackage(workflow: WorkflowJson, packageName: string, id: string): WorkflowJson {
	const copy = JSON.parse(JSON.stringify(workflow)) as WorkflowJson;
	copy.id = id;
	copy.name = `${workflow.name} (${packageName})`;
	for (const node of copy.nodes)
		node.type = String(node.type).replace(`${COMBINED}.`, `${packageName}.`);
	return copy;
}

function triggerWorkflow(
	id: string,
	type: string,
	webhookId: string,
	parameters: Record<string, unknown>,
	credentials: Record<string, unknown>,
): WorkflowJson {
	return {
		id,
		name: type,
		nodes: [
			{
				id: `${id}-trigger`,
				name: 'Trigger',
				type,
				typeVersion: 2,
				position: [0, 0],
				webhookId,
				parameters,
				credentials,
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

async function post(url: string, body: unknown): Promise<{ status: number; text: string }> {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	return { status: response.status, text: await response.text() };
}

/** The provider API requests (not token requests), a request repeated in a row (polling) once. */
function apiCalls(sandbox: Sandbox): string[] {
	const requests = sandbox.requests.filter(
		(r: RecordedRequest) => r.provider === 'routee' || r.provider === 'octopush',
	);
	for (const r of requests) expect(`${r.path} → ${r.status}`).toMatch(/ → 2\d\d$/);
	return requests
		.map((r) => `${r.provider} ${r.method} ${r.path}`)
		.filter((call, index, all) => call !== all[index - 1]);
}

async function runExample(
	n8n: N8n,
	sandbox: Sandbox,
	file: string,
	workflow: WorkflowJson,
): Promise<void> {
	sandbox.clearRequests();
	const expectation = EXAMPLE_EXPECTATIONS[file];
	const run = await n8n.execute(workflow.id);
	expect({ status: run.status, error: run.data.resultData.error?.message }).toEqual({
		status: 'success',
		error: undefined,
	});
	expect(apiCalls(sandbox)).toEqual(
		expectation.requests.map((r) => `${r.provider} ${r.method} ${r.path}`),
	);
	expectation.output(outputOf(run, expectation.node), sandbox.requests);
}

async function startWith(version: string, sandbox: Sandbox, packages: string[]): Promise<N8n> {
	for (const name of packages)
		if (!existsSync(path.join(stagedDir(name), 'package.json')))
			throw new Error(`build/${name} is missing: run \`npm run build\` first`);
	const { startN8n } = await scripts();
	const n8n = await startN8n({
		version,
		packageDir: packages.map(stagedDir),
		log: (line) => process.stdout.write(`${line}\n`),
	});
	try {
		await n8n.importCredentials([
			...sandboxCredentials(sandbox).filter((c) => c.type !== CREDENTIALS.callbackSecret.type),
			...Object.values(OWN_SECRETS).map((c) => ({ ...c, data: { secret: CALLBACK_SECRET } })),
		]);
	} catch (error) {
		await n8n.stop({ keep: true });
		throw error;
	}
	return n8n;
}

const registered = async (n8n: N8n, prefix: string) =>
	(await n8n.nodeTypes())
		.map((t) => t.name)
		.filter((name) => name.startsWith(`${prefix}.`) && !name.endsWith('Tool'))
		.sort();

describe.each(SETUPS)('single-service packages in real n8n $label', ({ version }) => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await Sandbox.start({ deliveryDelayMs: 20, octopushComputationMs: 300 });
	});
	afterAll(async () => {
		await sandbox?.stop();
	});

	describe(`${ROUTEE} and ${OCTOPUSH} installed side by side`, () => {
		let n8n: N8n;

		beforeAll(
			async () => {
				n8n = await startWith(version, sandbox, [ROUTEE, OCTOPUSH]);
			},
			15 * 60 * 1000,
		);
		afterAll(async () => {
			await n8n?.stop();
		});
		beforeEach(() => {
			sandbox.clearRequests();
			sandbox.clearFaults();
		});

		test('n8n registers the nodes and credentials of both, and loads them without error', async () => {
			expect(await registered(n8n, ROUTEE)).toEqual([
				`${ROUTEE}.routee`,
				`${ROUTEE}.routeeTrigger`,
			]);
			expect(await registered(n8n, OCTOPUSH)).toEqual([
				`${OCTOPUSH}.octopush`,
				`${OCTOPUSH}.octopushTrigger`,
			]);
			const credentialTypes = (await n8n.credentialTypes()).map((t) => t.name);
			expect(credentialTypes).toEqual(
				expect.arrayContaining([
					'routeeOAuth2Api',
					'routeeCallbackSecretApi',
					'octopushApi',
					'octopushCallbackSecretApi',
				]),
			);
			expect(credentialTypes).not.toContain(CREDENTIALS.callbackSecret.type);
			expect(n8n.logTail(1_000_000)).not.toMatch(/Failed to load package|Error loading package/);
			expect(n8n.installedPackages?.map((p) => p.name)).toEqual([ROUTEE, OCTOPUSH]);
		});

		test("each package's callback-secret credential passes its test through n8n", async () => {
			for (const own of Object.values(OWN_SECRETS)) {
				const result = await n8n.testCredential({ ...own, data: { secret: CALLBACK_SECRET } });
				expect({ type: own.type, ...result }).toEqual({
					type: own.type,
					status: 'OK',
					message: expect.stringMatching(/The secret can be used/),
				});
			}
		});

		test.each([
			['Routee', 'routee-sms-send.json', ROUTEE, 'e2esingleroutee1'],
			['Octopush', 'octopush-sms-campaign.json', OCTOPUSH, 'e2esingleoctop1'],
		])(
			'%s: examples/%s runs with the node of its single-service package',
			async (_provider, file, packageName, id) => {
				const example = (await loadExamples()).find((e) => e.file === file);
				if (!example) throw new Error(`examples/${file} is missing`);
				const workflow = forPackage(example.workflow, packageName, id);
				await n8n.importWorkflows([workflow]);
				await runExample(n8n, sandbox, file, workflow);
			},
		);

		test.each([
			[
				'Routee Trigger',
				`${ROUTEE}.routeeTrigger`,
				{ events: ['smsStatus'], callerAuthentication: 'queryToken' },
				{ routeeCallbackSecretApi: { id: OWN_SECRETS.routee.id, name: OWN_SECRETS.routee.name } },
				{
					messageId: 'e2e-single-routee',
					smsId: 'e2e-single-routee-1',
					part: 1,
					parts: 1,
					to: '+306900000001',
					status: { name: 'Delivered', updatedDate: '2026-12-04T10:00:00.000Z' },
				},
				'e2esingleroutt1',
			],
			[
				'Octopush Trigger',
				`${OCTOPUSH}.octopushTrigger`,
				{ registration: 'manual', events: ['smsDelivery'], callerAuthentication: 'queryToken' },
				{
					octopushCallbackSecretApi: {
						id: OWN_SECRETS.octopush.id,
						name: OWN_SECRETS.octopush.name,
					},
				},
				{
					message_id: 'sms_e2e_single',
					number: '+33612345678',
					status: 'DELIVERED',
					delivery_date: '2026-12-04 10:00:00',
					channel: 'sms',
				},
				'e2esingleoctt1',
			],
		])(
			'%s with its own callback-secret credential: a callback with the token starts one execution, one without is refused 401',
			async (_name, type, parameters, credentials, callback, id) => {
				const webhookId = `e2e-single-${id}`;
				await n8n.importWorkflows([triggerWorkflow(id, type, webhookId, parameters, credentials)]);
				await n8n.activate(id);
				try {
					const url = n8n.webhookUrl(`${webhookId}/webhook`);
					expect((await post(url, callback)).status).toBe(401);
					expect(await post(`${url}?token=${CALLBACK_SECRET}`, callback)).toEqual({
						status: 200,
						text: '',
					});
					const [execution] = await n8n.waitForExecutions(id, 1);
					expect(execution.status).toBe('success');
					expect(outputOf(execution, 'Trigger')[0].json).toMatchObject({ isFinal: true });
				} finally {
					await n8n.deactivate(id).catch(() => undefined);
				}
			},
		);
	});

	(version === SETUPS[0]?.version ? describe : describe.skip)(
		`${COMBINED} and ${ROUTEE} installed together (measured; the README says to install one or the other)`,
		() => {
			let n8n: N8n;

			beforeAll(
				async () => {
					n8n = await startWith(version, sandbox, [COMBINED, ROUTEE]);
				},
				15 * 60 * 1000,
			);
			afterAll(async () => {
				await n8n?.stop();
			});

			test('n8n loads both and runs both, but lists the shared credential type twice (last loaded wins)', async () => {
				const routeeCredentials = (await n8n.credentialTypes()).filter(
					(t) => t.name === 'routeeOAuth2Api',
				) as Array<{ name: string; supportedNodes?: string[] }>;
				const example = (await loadExamples()).find((e) => e.file === 'routee-sms-send.json')!;
				const combined = forPackage(example.workflow, COMBINED, 'e2ebothcombined');
				const single = forPackage(example.workflow, ROUTEE, 'e2ebothsingle01');
				await n8n.importWorkflows([combined, single]);
				const runs: Record<string, string> = {};
				for (const workflow of [combined, single]) {
					const run = await n8n.execute(workflow.id);
					runs[workflow.name] = run.status + (run.data.resultData.error?.message ?? '');
				}
				const measured = {
					nodes: [...(await registered(n8n, COMBINED)), ...(await registered(n8n, ROUTEE))],
					routeeOAuth2Api: routeeCredentials.map((t) => t.supportedNodes ?? []),
					loadErrors: n8n
						.logTail(1_000_000)
						.match(/.*(Failed to load package|Error loading package).*/g),
					runs,
					credentialTest: await n8n.testCredential(
						sandboxCredentials(sandbox).find((c) => c.id === CREDENTIALS.routee.id)!,
					),
				};
				process.stdout.write(`MEASURED ${JSON.stringify(measured, null, 2)}\n`);
				expect(measured.nodes).toEqual([
					`${COMBINED}.octopush`,
					`${COMBINED}.octopushTrigger`,
					`${COMBINED}.routee`,
					`${COMBINED}.routeeTrigger`,
					`${ROUTEE}.routee`,
					`${ROUTEE}.routeeTrigger`,
				]);
				expect(measured.loadErrors).toBeNull();
				expect(Object.values(runs)).toEqual(['success', 'success']);
				expect(measured.credentialTest.status).toBe('OK');
				// the editor's list of credential types shows "Routee OAuth2 API" twice
				expect(measured.routeeOAuth2Api).toHaveLength(2);
			});
		},
	);
});
