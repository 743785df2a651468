// What `npm run demo` prints: the banner (what to click, the sandbox's URLs and outcomes, what is kept on stop) and
// the lines that follow the sandbox's traffic. Separate from scripts/demo.mjs so the unit tests read it without
// starting anything (test/foundation/demo-text.test.ts). Runs under tsx (the outcome table is the sandbox's).

import { CALL_OUTCOMES, outcomeLines } from '../test/sandbox/numbers.ts';
import { CRM_STAND_IN, startsByItself } from './examples.mjs';

/** The login the demo's n8n is set up with (scripts/n8n/start.mjs's OWNER). */
const DEFAULT_OWNER = { email: 'owner@example.com', password: 'Sandbox-Passw0rd' };

/** `url` with the values of its secret query parameters (the callback `token`, a resume URL's `signature`) masked. */
export function withoutSecrets(url) {
	return url.replace(/([?&](?:token|signature)=)[^&#\s]*/gi, '$1…');
}

/** The console line of one callback the sandbox sent. */
export function callbackLine(callback) {
	return `  sandbox → callback ${callback.kind} to ${withoutSecrets(callback.url)} → ${callback.status}`;
}

/** The console line of one request the sandbox received. */
export function requestLine(request) {
	return `  sandbox ← ${request.method} /${request.provider}${request.path} → ${request.status || '…'}`;
}

/** The curl command that posts a new order, as a CRM would. */
export const orderCommand = (url, orderId, phone) =>
	`curl -X POST ${url} -H 'content-type: application/json' -d '{"orderId":"${orderId}","phone":"${phone}"}'`;

/** The Production URL a published example starts on (its Webhook's path, or its trigger's URL), or undefined. */
function startUrl(n8n, workflow) {
	if (!startsByItself(workflow)) return undefined;
	const webhook = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.webhook');
	if (webhook) return n8n.webhookUrl(webhook.parameters.path);
	const trigger = workflow.nodes.find((node) => /Trigger$/.test(node.type));
	const token = trigger.parameters.callerAuthentication === 'queryToken' ? '?token=…' : '';
	return `${n8n.webhookUrl(`${trigger.webhookId}/webhook`)}${token}`;
}

/** The sandbox URLs a credential needs (README "Pointing at the sandbox" says the same). */
export function sandboxUrlLines(sandbox, indent = '    ') {
	return [
		`${indent}Routee Base URL     ${sandbox.routeeBaseUrl}`,
		`${indent}Routee Token URL    ${sandbox.routeeTokenUrl}`,
		`${indent}Octopush Base URL   ${sandbox.octopushBaseUrl}`,
	];
}

/** What stopping keeps and deletes: said in the banner before it happens (`stopped`: said again once stopped). */
export function keptDataLines(dataDir, { stopped = false } = {}) {
	return [
		stopped
			? "  Kept for the next `npm run demo`: n8n's workflows, credentials, executions and log, in"
			: "  Ctrl-C keeps n8n's data for the next `npm run demo`: workflows, credentials, executions and n8n's log stay in",
		`    ${dataDir}`,
		'  `npm run demo -- --reset` deletes that folder and starts afresh (the examples as shipped).',
	];
}

/**
 * What to click: the story of the examples, with this n8n's URLs (README "Try it: npm run demo" says the same).
 * `n8n`: { baseUrl, webhookUrl(path), logFile }; `sandbox`: { url, routeeBaseUrl, routeeTokenUrl, octopushBaseUrl }.
 */
export function banner({
	version,
	n8n,
	sandbox,
	examples,
	stepDelayMs,
	dataDir,
	owner = DEFAULT_OWNER,
}) {
	const byFile = Object.fromEntries(examples.map((e) => [e.file, e.workflow]));
	const name = (file) => `"${byFile[file].name}"`;
	const link = (file) => `${n8n.baseUrl}/workflow/${byFile[file].id}`;
	const hook = (path) => n8n.webhookUrl(path);
	const seconds = (steps) => Math.round((steps * stepDelayMs) / 1000);
	const lines = [
		'────────────────────────────────────────────────────────────────────────',
		`  n8n ${version} is running:  ${n8n.baseUrl}`,
		`  Log in with:               ${owner.email}  /  ${owner.password}`,
		`  Provider sandbox:          ${sandbox.url} (plays Routee and Octopush; credentials "Routee sandbox",`,
		'                             "Octopush sandbox" and "Callback secret (sandbox)" point at it)',
		'  A credential of your own pointing at the sandbox needs (IDs and keys: README "Pointing at the sandbox"):',
		...sandboxUrlLines(sandbox),
		'',
		`  The sandbox answers a call by the number called, ${stepDelayMs / 1000} s per step (SANDBOX_STEP_DELAY_MS=${stepDelayMs}):`,
		...outcomeLines(CALL_OUTCOMES).map((line) => `    ${line}`),
		'',
		'  Workflows (Overview → Workflows):',
	];
	for (const { file, workflow } of examples) {
		lines.push(
			`    • ${workflow.name}${startsByItself(workflow) ? '   [published]' : ''}`,
			`        ${link(file)}   (examples/${file})`,
		);
		const startsOn = startUrl(n8n, workflow);
		if (startsOn) lines.push(`        starts on POST ${startsOn}`);
	}
	lines.push(
		'',
		'  The story, by clicking:',
		`  1. One workflow. Open ${name('order-call-and-wait.json')} and click "Execute workflow".`,
		'     The pinned order (phone +33612345601) starts it; "Call and wait for key press" waits while the sandbox',
		`     rings, answers and presses 1 (about ${seconds(4)} s), then "Update the CRM" runs. Open ${name(CRM_STAND_IN)}`,
		'     → Executions: the update is there. Edit the pinned phone (e.g. +33612340000: not answered → "Send SMS"),',
		'     or post orders to its production URL as a CRM would:',
		`       ${orderCommand(hook('new-order'), 'A-1002', '+33612340000')}`,
		'     and open the workflow\'s Executions (a waiting execution shows "Waiting" until the call ends).',
		`  2. Two workflows. ${name('order-call-then-triggers.json')} only starts the call (same clicks,`,
		`     or: ${orderCommand(hook('new-order-call'), 'B-1001', '+33612345601')}).`,
		`     Its key presses go to the Production URL of ${name('trigger-routee-key-pressed-update-crm.json')}`,
		`     (→ the CRM), its call status to ${name('trigger-routee-call-not-answered-send-sms.json')}`,
		'     (not answered or busy → SMS). Open their Executions.',
		`  3. Run ${name('routee-voice-conversation.json')}: its key presses go to the same key-press trigger (→ the CRM).`,
		`  4. Run ${name('octopush-voice-sms-campaign.json')}: its delivery reports go to the published`,
		`     ${name('trigger-octopush-pressed-1-update-crm.json')} (its URL is registered in the sandbox's Octopush`,
		'     account); each callee who pressed 1 is updated in the CRM.',
		'  The other Routee / Octopush examples run at once with "Execute workflow"; double-click a node to see what the',
		'  provider answered. The requests the sandbox receives and the callbacks it sends are printed below',
		'  (callback tokens and resume-URL signatures masked).',
		'  Each trigger starts only on the callback kinds in its Events: another kind (e.g. an SMS status sent to a trigger',
		`  that listens to key presses) starts nothing, and n8n's log says so: ${n8n.logFile}`,
		'  Credentials → "Routee sandbox" → "Test" runs n8n\'s own credential test against the sandbox.',
		'',
		...keptDataLines(dataDir),
		'  Ctrl-C stops n8n and the sandbox.',
		'────────────────────────────────────────────────────────────────────────',
	);
	return lines;
}
