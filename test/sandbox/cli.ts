// `npm run sandbox`: runs the sandbox on PORT (default 4010) until SIGINT / SIGTERM.

import { Sandbox } from './server';

async function main(): Promise<void> {
	const port = Number(process.env.PORT ?? 4010);
	const sandbox = await Sandbox.start({ port });
	const [[appId, secret]] = [...sandbox.routee.applications];
	const [[login, key]] = [...sandbox.octopush.accounts];
	const lines = [
		`Routee + Octopush sandbox listening on ${sandbox.url}`,
		'',
		`Routee base URL     ${sandbox.routeeBaseUrl}`,
		`Routee token URL    ${sandbox.routeeTokenUrl}`,
		`  application id    ${appId}`,
		`  application secret ${secret}`,
		`Octopush base URL   ${sandbox.octopushBaseUrl}`,
		`  api-login         ${login}`,
		`  api-key           ${key}`,
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
