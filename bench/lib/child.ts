// Runs one measurement in a fresh Node process (a clean heap, so its RSS growth is its own); the
// child prints its result as one `BENCH-RESULT <json>` line on stdout.

import { spawn } from 'node:child_process';
import path from 'node:path';

const RESULT_PREFIX = 'BENCH-RESULT ';

export async function runChild<T>(
	script: string,
	args: string[] = [],
	env: NodeJS.ProcessEnv = {},
): Promise<T> {
	const child = spawn(
		process.execPath,
		[
			'--expose-gc',
			'--max-old-space-size=6144',
			'--import',
			'tsx',
			path.join(__dirname, '..', script),
			...args,
		],
		{ stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } },
	);
	let stdout = '';
	child.stdout.on('data', (chunk: Buffer) => {
		stdout += chunk.toString();
	});
	const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
	const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
	if (code !== 0 || !line)
		throw new Error(`${script} ${args.join(' ')} exited ${code}:\n${stdout.slice(-3000)}`);
	return JSON.parse(line.slice(RESULT_PREFIX.length)) as T;
}

/** In the child: hands the result to the parent. */
export function reportToParent(result: unknown): void {
	process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}
