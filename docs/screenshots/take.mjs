// Takes the README's screenshots: each node's panel in the n8n editor, in headless Chromium, against
// what `npm run demo` starts (the sandbox and a real n8n with this package and the examples imported).
//
//   apt-get install chromium                                          (Debian's package)
//   npm i --prefix /tmp/shots-tools --ignore-scripts playwright-core  (kept out of this package)
//   PLAYWRIGHT_CORE_DIR=/tmp/shots-tools/node_modules/playwright-core npx tsx docs/screenshots/take.mjs
//
// Environment: CHROMIUM (default /usr/bin/chromium), DEMO_N8N_VERSION (default 2.40.7).

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { Sandbox } from '../../test/sandbox/index.ts';
import { importDemoContent } from '../../scripts/examples.mjs';
import { DEFAULT_VERSION } from '../../scripts/n8n/install.mjs';
import { OWNER, startN8n } from '../../scripts/n8n/start.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));

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

async function main() {
	const { chromium } = loadPlaywright();
	const sandbox = await Sandbox.start();
	const n8n = await startN8n({ version: process.env.DEMO_N8N_VERSION || DEFAULT_VERSION });
	let browser;
	try {
		const examples = await importDemoContent(n8n, sandbox);
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
		for (const shot of SHOTS) await shoot(page, n8n.baseUrl, examples, shot);
		await shootLoop(page, n8n, sandbox, examples);
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
