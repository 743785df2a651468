// `npm run sandbox`: runs the sandbox on PORT (default 4010) until SIGINT / SIGTERM, and prints the URLs and
// credentials to put in n8n's credentials.
// - Beside a running `npm run demo` (and PORT not set): starts no second sandbox; prints the demo's sandbox URLs
//   (the ones the demo's n8n must use: its Octopush account and calls live there) and exits.
// - PORT taken by anything else: listens on a free port instead and says so.

import { Sandbox } from './server';
import { runningDemos } from '../../scripts/demo-data.mjs';

interface Urls {
	url: string;
	routeeBaseUrl: string;
	routeeTokenUrl: string;
	octopushBaseUrl: string;
}

/** The sandbox's fixed credentials (every sandbox has the same). */
async function sandboxCredentials(): Promise<{
	appId: string;
	secret: string;
	login: string;
	key: string;
}> {
	const probe = await Sandbox.start({ port: 0 });
	try {
		const [[appId, secret]] = [...probe.routee.applications];
		const [[login, key]] = [...probe.octopush.accounts];
		return { appId, secret, login, key };
	} finally {
		await probe.stop();
	}
}

async function describe(urls: Urls): Promise<string[]> {
	const { appId, secret, login, key } = await sandboxCredentials();
	return [
		`Routee base URL     ${urls.routeeBaseUrl}`,
		`Routee token URL    ${urls.routeeTokenUrl}`,
		`  application id    ${appId}`,
		`  application secret ${secret}`,
		`Octopush base URL   ${urls.octopushBaseUrl}`,
		`  api-login         ${login}`,
		`  api-key           ${key}`,
	];
}

function listenError(error: unknown): string | undefined {
	return (error as NodeJS.ErrnoException | undefined)?.code;
}

async function main(): Promise<void> {
	const explicitPort = process.env.PORT !== undefined && process.env.PORT !== '';
	if (!explicitPort) {
		const [demo] = runningDemos();
		if (demo?.sandbox) {
			const lines = [
				`\`npm run demo\` (pid ${demo.pid}) is running; its sandbox listens on ${demo.sandbox.url}.`,
				'Use these in the demo\'s n8n (they are what its "Routee sandbox" and "Octopush sandbox" credentials hold):',
				'',
				...(await describe(demo.sandbox)),
				'',
				'No second sandbox was started. For a separate one: PORT=4011 npm run sandbox (PORT=0: any free port).',
			];
			process.stdout.write(`${lines.join('\n')}\n`);
			return;
		}
	}
	const wanted = Number(process.env.PORT || 4010);
	let sandbox: Sandbox;
	let note = '';
	try {
		sandbox = await Sandbox.start({ port: wanted });
	} catch (error) {
		if (listenError(error) !== 'EADDRINUSE') throw error;
		sandbox = await Sandbox.start({ port: 0 });
		note = `127.0.0.1:${wanted} is taken (by another sandbox or program): this sandbox listens on ${sandbox.url} instead.`;
	}
	const lines = [
		...(note ? [note, ''] : []),
		`Routee + Octopush sandbox listening on ${sandbox.url}`,
		'',
		...(await describe(sandbox)),
		'',
		'Recipients ending 0000 / 1111 / 2222 fail (see test/sandbox/README.md). Ctrl+C to stop.',
	];
	process.stdout.write(`${lines.join('\n')}\n`);
	let stopping = false;
	const shutdown = () => {
		if (stopping) return;
		stopping = true;
		sandbox.stop().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', shutdown);
	process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
	process.stderr.write(`sandbox failed to start: ${String(error)}\n`);
	process.exit(1);
});
