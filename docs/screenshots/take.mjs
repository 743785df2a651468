// Takes the README's screenshots: each node's panel in the n8n editor, the loop example's execution, the AI agent
// recipes' canvases and the approval page of Octopush → SMS → Send for Approval, in headless Chromium, against
// what `npm run demo` starts (the sandbox and a real n8n with this package and the examples imported).
//
//   apt-get install chromium                                          (Debian's package)
//   npm i --prefix /tmp/shots-tools --ignore-scripts playwright-core  (kept out of this package)
//   PLAYWRIGHT_CORE_DIR=/tmp/shots-tools/node_modules/playwright-core npx tsx docs/screenshots/take.mjs [file.png …]
//
// With file names (e.g. agent-call-and-wait.png approval-page.png), takes only those (either of the loop's two
// takes both); without, all of them.
// Environment: CHROMIUM (default /usr/bin/chromium), DEMO_N8N_VERSION (default 2.40.7).

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { Sandbox } from '../../test/sandbox/index.ts';
import { importDemoContent } from '../../scripts/examples.mjs';
import { DEFAULT_VERSION } from '../../scripts/n8n/install.mjs';
import { n8nId, OWNER, startN8n } from '../../scripts/n8n/start.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));

/** The screenshots named on the command line (none: all). */
const ONLY = process.argv.slice(2);
const wanted = (file) => ONLY.length === 0 || ONLY.includes(file);

/** Which example workflow and node each screenshot opens; `execute`: run the node against the sandbox first. */
const SHOTS = [
	{
		file: 'routee.png',
		example: 'routee-voice-conversation.json',
		nodeType: 'routee',
		execute: true,
	},
	{
		file: 'octopush.png',
		example: 'octopush-voice-sms-campaign.json',
		nodeType: 'octopush',
		execute: true,
	},
	{
		file: 'routee-trigger.png',
		example: 'trigger-routee-call-not-answered-send-sms.json',
		nodeType: 'routeeTrigger',
	},
	{
		file: 'octopush-trigger.png',
		example: 'trigger-octopush-pressed-1-update-crm.json',
		nodeType: 'octopushTrigger',
	},
	{ file: 'routee-call-and-wait.png', example: 'order-call-and-wait.json', nodeType: 'routee' },
];

/** The one-workflow loop, as its Executions tab shows it: waiting for the call, then resumed and finished. */
const LOOP = {
	example: 'order-call-and-wait.json',
	path: 'new-order',
	waiting: 'execution-waiting.png',
	resumed: 'execution-resumed.png',
};

/*
 * The README's "Use with AI agents" recipes: workflows defined here (not in examples/, whose every workflow the test
 * suite runs). The agent never runs: the OpenAI credential is a dummy one, the canvas is all a reader needs.
 */
const PACKAGE = 'n8n-nodes-routee-octopush';
const OPENAI_DUMMY = {
	id: 'openai-dummy',
	name: 'OpenAI (dummy key)',
	type: 'openAiApi',
	data: { apiKey: 'sk-screenshots-only' },
};
const ROUTEE = { routeeOAuth2Api: { id: 'routee-sandbox', name: 'Routee sandbox' } };
const OCTOPUSH = { octopushApi: { id: 'octopush-sandbox', name: 'Octopush sandbox' } };

const START = {
	id: 'start',
	name: 'Start',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** Start → AI Agent (prompt `text`) with an OpenAI model and `tools` (nodes), `toolConnections` wiring them. */
function agentWorkflow(name, text, tools, toolConnections) {
	return {
		id: n8nId(`screenshot:${name}`),
		name,
		nodes: [
			START,
			{
				id: 'agent',
				name: 'AI Agent',
				type: '@n8n/n8n-nodes-langchain.agent',
				typeVersion: 3.1,
				position: [240, 0],
				parameters: { promptType: 'define', text, options: {} },
			},
			{
				id: 'model',
				name: 'OpenAI Chat Model',
				type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
				typeVersion: 1.2,
				position: [160, 220],
				parameters: { model: { __rl: true, mode: 'id', value: 'gpt-4o-mini' }, options: {} },
				credentials: { openAiApi: { id: OPENAI_DUMMY.id, name: OPENAI_DUMMY.name } },
			},
			...tools,
		],
		connections: {
			Start: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			'OpenAI Chat Model': {
				ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]],
			},
			...toolConnections,
		},
		settings: { executionOrder: 'v1' },
	};
}

/** `node` → `to` as an agent's tool (`to` is the agent, or a Human review gate in front of it). */
const toolOf = (node, to) => ({ [node]: { ai_tool: [[{ node: to, type: 'ai_tool', index: 0 }]] } });

/** Canvases of the agent recipes; `open`: the node whose parameters show beside it; `height`: a taller window. */
const AGENT_SHOTS = [
	{
		file: 'agent-call-and-wait.png',
		open: 'Call the customer',
		height: 1360, // down to Time Limit
		workflow: agentWorkflow(
			'Agent that confirms appointments by calling',
			"Confirm tomorrow's 10:00 appointment with the customer at +33612345678 by phone; if they do not confirm, say so.",
			[
				{
					id: 'call-tool',
					name: 'Call the customer',
					type: `${PACKAGE}.routeeTool`,
					typeVersion: 2,
					position: [400, 220],
					parameters: {
						descriptionType: 'manual',
						toolDescription:
							'Calls the customer, reads the prompt and returns the key they pressed (1 = confirmed, 2 = cancel)',
						resource: 'voice',
						operation: 'callAndWait',
						from: '+306948530920',
						// what n8n writes when a field's "Let the model define this parameter" button is pressed
						to: "={{ /*n8n-auto-generated-fromAI-override*/ $fromAI('To', `The customer's phone number, in international format`, 'string') }}",
						prompt:
							"={{ /*n8n-auto-generated-fromAI-override*/ $fromAI('Prompt', `What the call says, ending with: press 1 to confirm, 2 to cancel`, 'string') }}",
						language: 'en-GB',
						maxDigits: 1,
						timeLimitMinutes: 5,
						options: {},
					},
					credentials: ROUTEE,
				},
			],
			toolOf('Call the customer', 'AI Agent'),
		),
	},
	{
		file: 'agent-approval-by-phone.png',
		workflow: agentWorkflow(
			'Agent whose refund SMS needs an approval by phone',
			'Refund order 4411 and tell the customer by SMS.',
			[
				{
					id: 'gate',
					name: 'Approve by phone',
					type: `${PACKAGE}.routeeHitlTool`,
					typeVersion: 2,
					position: [400, 220],
					parameters: { from: '+306948530920', to: '+33612345678', language: 'en-GB', options: {} },
					credentials: ROUTEE,
				},
				{
					id: 'sms-tool',
					name: 'Send refund SMS',
					type: `${PACKAGE}.routeeTool`,
					typeVersion: 2,
					position: [400, 440],
					parameters: {
						descriptionType: 'manual',
						toolDescription: 'Send the customer an SMS that the refund is on its way',
						resource: 'sms',
						operation: 'send',
						from: 'MyShop',
						to: '+33612349999',
						body: 'Your refund of 120 euros is on its way.',
						options: {},
					},
					credentials: ROUTEE,
				},
			],
			{
				...toolOf('Send refund SMS', 'Approve by phone'),
				...toolOf('Approve by phone', 'AI Agent'),
			},
		),
	},
];

/** The page an approver opens from the SMS of Octopush → SMS → Send for Approval, at a phone's size. */
const APPROVER = '+33612345678';
const APPROVAL = {
	file: 'approval-page.png',
	workflow: {
		id: n8nId('screenshot:approval-page'),
		name: 'Approval by SMS',
		nodes: [
			START,
			{
				id: 'approval',
				name: 'Send for approval',
				type: `${PACKAGE}.octopush`,
				typeVersion: 2,
				position: [240, 0],
				parameters: {
					resource: 'sms',
					operation: 'sendAndWait',
					to: APPROVER,
					message: 'Refund 120 euros to order 4411?',
					options: {},
				},
				credentials: OCTOPUSH,
			},
		],
		connections: { Start: { main: [[{ node: 'Send for approval', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	},
};

function loadPlaywright() {
	const dir = process.env.PLAYWRIGHT_CORE_DIR;
	const require = createRequire(dir ? join(dir, 'package.json') : import.meta.url);
	try {
		return require(dir ?? 'playwright-core');
	} catch {
		throw new Error(
			'playwright-core not found: see the install line at the top of docs/screenshots/take.mjs',
		);
	}
}

async function logIn(page, baseUrl) {
	await page.goto(`${baseUrl}/signin`);
	await page
		.locator('input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]')
		.first()
		.fill(OWNER.email);
	await page.locator('input[type="password"]').first().fill(OWNER.password);
	await page.keyboard.press('Enter');
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30000 });
}

/** Closes what n8n may pop up over the editor on a fresh instance (what's new, tours, banners). */
async function dismissPopups(page) {
	for (let i = 0; i < 3; i++) {
		const close = page.locator(
			'.el-dialog__headerbtn, .el-message-box__headerbtn, [data-test-id="banner-close"], [data-test-id="close-button"]',
		);
		if ((await close.count()) === 0) return;
		await close
			.first()
			.click({ timeout: 2000 })
			.catch(() => undefined);
		await page.waitForTimeout(300);
	}
}

async function shoot(page, baseUrl, examples, { file, example, nodeType, execute }) {
	const { workflow } = examples.find((e) => e.file === example);
	const node = workflow.nodes.find((n) => n.type === `n8n-nodes-routee-octopush.${nodeType}`);
	if (!node) throw new Error(`${example} has no ${nodeType} node`);
	// n8n opens a node's panel (NDV) when its id is in the workflow URL.
	await page.goto(`${baseUrl}/workflow/${workflow.id}/${node.id}`);
	await page.locator('[data-test-id="ndv"]').first().waitFor({ state: 'visible', timeout: 60000 });
	await dismissPopups(page);
	if (execute) {
		await page.locator('[data-test-id="ndv"] [data-test-id="node-execute-button"]').first().click();
		// the output panel shows what the sandbox answered
		await page.getByText('No output data').waitFor({ state: 'hidden', timeout: 60000 });
	}
	await page.waitForTimeout(1500); // icons and the parameter list settle
	await page.screenshot({ path: join(HERE, file) });
	process.stdout.write(`saved docs/screenshots/${file} (${workflow.name} → ${node.name})\n`);
}

/** Posts a new order to the loop example's production URL and screenshots its execution waiting, then resumed. */
async function shootLoop(page, n8n, sandbox, examples) {
	const { workflow } = examples.find((e) => e.file === LOOP.example);
	sandbox.options.deliveryDelayMs = 8000; // the call rings and is answered slowly enough to see it waiting
	const posted = await fetch(`${n8n.baseUrl}/webhook/${LOOP.path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ orderId: 'A-1001', phone: '+33612345601' }),
	});
	if (!posted.ok) throw new Error(`POST /webhook/${LOOP.path} answered ${posted.status}`);
	let executionId;
	for (let i = 0; i < 120 && executionId === undefined; i++) {
		executionId = (await n8n.executions(workflow.id)).find((e) => e.status === 'waiting')?.id;
		if (executionId === undefined) await new Promise((resolve) => setTimeout(resolve, 250));
	}
	if (executionId === undefined) throw new Error('the loop example never waited');
	const view = async (file) => {
		await page.goto(`${n8n.baseUrl}/workflow/${workflow.id}/executions/${executionId}`);
		// the execution preview is an iframe: wait (at most 30 s) until some frame shows the node, then a moment more
		for (let i = 0; i < 60; i++) {
			const shown = await Promise.all(
				page.frames().map((frame) =>
					frame
						.getByText('Call and wait for key press')
						.count()
						.catch(() => 0),
				),
			);
			if (shown.some((count) => count > 0)) break;
			await page.waitForTimeout(500);
		}
		await page.waitForTimeout(2500);
		await dismissPopups(page);
		await page.screenshot({ path: join(HERE, file) });
		process.stdout.write(
			`saved docs/screenshots/${file} (${workflow.name}, execution ${executionId})\n`,
		);
	};
	await view(LOOP.waiting);
	await n8n.waitForExecution(executionId, 120000);
	await view(LOOP.resumed);
}

/**
 * An agent recipe's canvas; with `open`, that node selected and its parameters in the editor's focus panel, beside
 * the canvas. n8n 2.40 shows a node's parameters there in its experiment "ndv_in_focus_panel" (else only the
 * parameters one pins there): localStorage N8N_EXPERIMENT_OVERRIDES turns it on in this browser, for this shot.
 */
async function shootAgent(page, baseUrl, { file, open, height, workflow }) {
	const viewport = page.viewportSize();
	if (height) await page.setViewportSize({ ...viewport, height });
	const experiments = open ? { ndv_in_focus_panel: 'variant' } : {};
	await page.evaluate(
		(value) => localStorage.setItem('N8N_EXPERIMENT_OVERRIDES', value),
		JSON.stringify(experiments),
	);
	try {
		await page.goto(`${baseUrl}/workflow/${workflow.id}`);
		await page
			.locator('[data-test-id="canvas-node"]')
			.first()
			.waitFor({ state: 'visible', timeout: 60000 });
		await dismissPopups(page);
		if (open) {
			await page.locator('[data-test-id="canvas-node"]').filter({ hasText: open }).first().click();
			await page.locator('[data-test-id="toggle-focus-panel-button"]').click();
			await page.locator('[data-test-id="focus-panel"]').first().waitFor({ state: 'visible' });
			await page.locator('[data-test-id="zoom-to-fit"]').click(); // the canvas fits what the panel leaves
		}
		await page.waitForTimeout(2000); // icons, edges and the parameter list settle
		await page.screenshot({ path: join(HERE, file) });
	} finally {
		await page.evaluate(() => localStorage.removeItem('N8N_EXPERIMENT_OVERRIDES'));
		await page.setViewportSize(viewport);
	}
	process.stdout.write(
		`saved docs/screenshots/${file} (${workflow.name}${open ? ` → ${open}` : ''})\n`,
	);
}

/** Runs the approval workflow (it waits), reads the link at the end of the SMS the sandbox got and opens it. */
async function shootApprovalPage(browser, n8n, sandbox) {
	const { file, workflow } = APPROVAL;
	const started = await n8n.request('POST', `/rest/workflows/${workflow.id}/run`, {
		triggerToStartFrom: { name: START.name },
	});
	if (!started?.executionId) throw new Error(`n8n did not start ${workflow.name}`);
	let link;
	for (let i = 0; i < 120 && link === undefined; i++) {
		const sms = sandbox
			.requestsTo('octopush', 'POST', '/sms-campaign/send')
			.find((r) => r.body?.recipients?.[0]?.phone_number === APPROVER);
		link = /Approve or decline: (\S+)$/.exec(String(sms?.body?.text ?? ''))?.[1];
		if (link === undefined) await new Promise((resolve) => setTimeout(resolve, 250));
	}
	if (link === undefined) throw new Error(`${workflow.name}: no approval SMS reached the sandbox`);
	const phone = await browser.newPage({ viewport: { width: 390, height: 700 }, isMobile: true });
	try {
		await phone.goto(link);
		await phone.locator('button[value="approve"]').waitFor({ state: 'visible' }); // not pressed
		await phone.screenshot({ path: join(HERE, file) });
	} finally {
		await phone.close();
	}
	process.stdout.write(`saved docs/screenshots/${file} (${workflow.name}, the link of its SMS)\n`);
}

async function main() {
	const known = [...SHOTS, ...AGENT_SHOTS, APPROVAL].map((shot) => shot.file);
	const unknown = ONLY.filter(
		(file) => !known.includes(file) && file !== LOOP.waiting && file !== LOOP.resumed,
	);
	if (unknown.length > 0) throw new Error(`no such screenshot: ${unknown.join(', ')}`);
	const { chromium } = loadPlaywright();
	const sandbox = await Sandbox.start();
	const n8n = await startN8n({ version: process.env.DEMO_N8N_VERSION || DEFAULT_VERSION });
	let browser;
	try {
		const examples = await importDemoContent(n8n, sandbox);
		await n8n.importCredentials([OPENAI_DUMMY]);
		await n8n.importWorkflows([...AGENT_SHOTS.map((shot) => shot.workflow), APPROVAL.workflow]);
		browser = await chromium.launch({
			executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
			// Playwright gives the browser a fresh temporary profile.
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
			],
		});
		const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
		await logIn(page, n8n.baseUrl);
		for (const shot of SHOTS.filter((s) => wanted(s.file)))
			await shoot(page, n8n.baseUrl, examples, shot);
		if (wanted(LOOP.waiting) || wanted(LOOP.resumed)) await shootLoop(page, n8n, sandbox, examples);
		for (const shot of AGENT_SHOTS.filter((s) => wanted(s.file)))
			await shootAgent(page, n8n.baseUrl, shot);
		if (wanted(APPROVAL.file)) await shootApprovalPage(browser, n8n, sandbox);
	} finally {
		await browser?.close();
		await n8n.stop();
		await sandbox.stop();
	}
}

main().catch((error) => {
	process.stderr.write(`screenshots failed: ${error.stack ?? error}\n`);
	process.exit(1);
});
