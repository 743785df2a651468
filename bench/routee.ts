// Benchmarks 2 and 3: Routee token reuse and conversation pacing, through the harness against the
// sandbox (in its own process). Run by ./index.ts in a fresh process:
//   node --import tsx bench/routee.ts

import { OutboundHttp } from '@n8n/backend-network';
import { Container } from '@n8n/di';
import type { INodeExecutionData } from 'n8n-workflow';

import { Harness } from '../test/harness';
import { reportToParent } from './lib/child';
import { SandboxProcess } from './lib/sandbox-process';

export interface RouteeResult {
	tokens: { sends: number; accepted: number; tokenRequests: number; executions: number }[];
	pacing: {
		calls: number;
		accepted: number;
		refused: number;
		spacingMs: number[];
		wallMs: number;
		roundTripMs: number[];
	};
}

/**
 * One round trip to the sandbox's Routee API with n8n-core's own HTTP client (what the node's request helper
 * uses, without n8n's credential handling): an authenticated GET, timed from the request to the parsed answer.
 */
async function roundTrip(url: string, token: string): Promise<number> {
	const started = performance.now();
	await Container.get(OutboundHttp)
		.requests()
		.request({ method: 'GET', url, headers: { authorization: `Bearer ${token}` }, json: true });
	return performance.now() - started;
}

async function accessToken(tokenUrl: string): Promise<string> {
	const res = await fetch(tokenUrl, {
		method: 'POST',
		headers: {
			authorization: `Basic ${Buffer.from('sandbox-app:sandbox-secret').toString('base64')}`,
			'content-type': 'application/x-www-form-urlencoded',
		},
		body: 'grant_type=client_credentials',
	});
	return ((await res.json()) as { access_token: string }).access_token;
}

const recipients = (n: number, offset = 0): INodeExecutionData[] =>
	Array.from({ length: n }, (_, i) => ({
		json: { to: `+3069${String(offset + i).padStart(8, '0')}` },
	}));

async function main(): Promise<void> {
	const sandbox = await SandboxProcess.start();
	await sandbox.reset();
	const harness = await Harness.create();
	const credential = harness.addCredential('routeeOAuth2Api', {
		applicationId: 'sandbox-app',
		applicationSecret: 'sandbox-secret',
		baseUrl: sandbox.urls.routeeBaseUrl,
		tokenUrl: sandbox.urls.routeeTokenUrl,
	});
	const run = async (parameters: Record<string, unknown>, input: INodeExecutionData[]) => {
		const r = await harness.runNode('routee', parameters as never, {
			credentials: { routeeOAuth2Api: credential },
			input,
		});
		if (r.error) throw r.error;
		return r;
	};
	const count = async (provider: string, method: string, path: string) =>
		(await sandbox.requests()).filter(
			(r) => r.provider === provider && r.method === method && r.path === path,
		);

	// 2. token reuse: 1,000 single SMS in one execution, then 10 executions of 100
	const sms = {
		resource: 'sms',
		operation: 'send',
		from: 'Bench',
		to: '={{ $json.to }}',
		body: 'Your code is 1234',
	};
	const tokens: RouteeResult['tokens'] = [];
	await run(sms, recipients(1000));
	tokens.push({
		sends: 1000,
		executions: 1,
		accepted: (await count('routee', 'POST', '/sms')).filter((r) => r.status === 200).length,
		tokenRequests: (await count('routee-auth', 'POST', '/oauth/token')).length,
	});
	await sandbox.reset();
	for (let e = 0; e < 10; e++) await run(sms, recipients(100, 1000 + e * 100));
	tokens.push({
		sends: 1000,
		executions: 10,
		accepted: (await count('routee', 'POST', '/sms')).filter((r) => r.status === 200).length,
		tokenRequests: (await count('routee-auth', 'POST', '/oauth/token')).length,
	});

	// 3. conversation pacing: 20 calls in one execution; the sandbox enforces Routee's 1 per second.
	// Baseline: 20 round trips to the same sandbox, the time the node adds to the 1 s it waits after each answer.
	await sandbox.reset();
	const bearer = await accessToken(sandbox.urls.routeeTokenUrl);
	const roundTripMs: number[] = [];
	for (let i = 0; i < 20; i++)
		roundTripMs.push(await roundTrip(`${sandbox.urls.routeeBaseUrl}/accounts/me/balance`, bearer));
	await sandbox.reset();
	const conversation = {
		resource: 'voice',
		operation: 'startConversation',
		from: 'Bench',
		toType: 'phone',
		to: '={{ $json.to }}',
		dialPlanSource: 'verbs',
		verbs: {
			verb: [
				{
					type: 'SAY',
					text: 'Your appointment is tomorrow at nine.',
					language: 'en-US',
					gender: 'female',
				},
			],
		},
	};
	const started = performance.now();
	await run(conversation, recipients(20, 5000));
	const wallMs = performance.now() - started;
	const posts = await count('routee', 'POST', '/voice/conversation');
	const accepted = posts.filter((r) => r.status === 200);
	const spacingMs = accepted.slice(1).map((r, i) => r.at - accepted[i].at);
	await sandbox.stop();

	reportToParent({
		tokens,
		pacing: {
			calls: 20,
			accepted: accepted.length,
			refused: posts.length - accepted.length,
			spacingMs,
			wallMs,
			roundTripMs,
		},
	} satisfies RouteeResult);
}

if (require.main === module) {
	main().catch((error: unknown) => {
		process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
		process.exit(1);
	});
}
