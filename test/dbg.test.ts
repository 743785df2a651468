import { Harness } from './harness';
import { Sandbox } from './sandbox';
import { TriggerHost } from './triggers/host';
test('x', async () => {
	const h = await Harness.create();
	const sandbox = await Sandbox.start({});
	const cred = h.addCredential(
		'octopushApi',
		{ apiLogin: 'a@example.com', apiKey: 'k', baseUrl: sandbox.octopushBaseUrl },
		'o',
	);
	const t = await TriggerHost.start(h, 'octopushTrigger', {
		parameters: { events: ['smsDelivery'] },
		credentials: { octopushApi: cred },
		typeVersion: 3,
	});
	console.log(t.node.typeVersion, await t.hook('create'));
	console.log(
		JSON.stringify(sandbox.octopush.callbacks),
		JSON.stringify(sandbox.requests.map((r) => [r.method, r.path, r.body])),
	);
	await t.close();
	await sandbox.stop();
});
