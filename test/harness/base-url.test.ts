// The harness's runs name an n8n address (resume URLs) on a port this process holds, never a fixed one such as
// n8n's default 127.0.0.1:5678: the sandbox's callbacks of `npm test` must not reach an n8n that `npm run demo`
// (or anything else) runs there.

import { createServer } from 'node:net';

import type { IDataObject } from 'n8n-workflow';

import { useTestbed } from '../support/testbed';
import { startTestbed } from '../routee/setup';

const t = useTestbed(async () => await startTestbed({ deliveryDelayMs: 5 }));

/** Whether another listener can bind `port` on 127.0.0.1 (it is released at once). */
function bindable(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

test('a waiting run resumes at the harness address: a port the test process holds, where callbacks find nobody', async () => {
	const { port } = new URL(t.harness.baseUrl);
	expect(['', '80', '4010', '5678', '5679']).not.toContain(port);
	// held by this process: neither the demo's n8n nor any other process can listen there
	expect(await bindable(Number(port))).toBe(false);

	const run = await t.run({
		resource: 'voice',
		operation: 'callAndWait',
		from: '+306948530920',
		to: '+33612345678',
		prompt: 'Press 1 to confirm',
		language: 'en-GB',
		gender: 'female',
		maxDigits: 1,
		timeLimitMinutes: 5,
	});
	expect(run.status).toBe('waiting');
	const [request] = t.received('POST', '/voice/conversation');
	const callbackUrl = String(((request.body as IDataObject).callback as IDataObject).url);
	expect(callbackUrl.startsWith(`${t.harness.baseUrl}/form-waiting/`)).toBe(true);

	// the sandbox's callbacks to it fail (the connection is closed at once): no n8n received them
	const deadline = Date.now() + 10_000;
	while (!t.sandbox.callbacksSent.some((c) => c.url.startsWith(t.harness.baseUrl))) {
		if (Date.now() > deadline) throw new Error('the sandbox sent no callback');
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
	const sent = t.sandbox.callbacksSent.filter((c) => c.url.startsWith(t.harness.baseUrl));
	expect(sent.map((c) => c.status)).toEqual(sent.map(() => 'error'));
});
