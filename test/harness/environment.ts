import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// n8n-core writes its instance settings under N8N_USER_FOLDER (else the home folder).
if (!process.env.N8N_USER_FOLDER) {
	const userFolder = mkdtempSync(path.join(tmpdir(), 'n8n-harness-'));
	process.env.N8N_USER_FOLDER = userFolder;
	process.once('exit', () => rmSync(userFolder, { recursive: true, force: true }));
}

// n8n-core 2.x uses Promise.withResolvers, which Node 20 lacks.
const promiseWithResolvers = Promise as unknown as { withResolvers?: () => unknown };
if (typeof promiseWithResolvers.withResolvers !== 'function') {
	promiseWithResolvers.withResolvers = function withResolvers<T>() {
		let resolve!: (value: T | PromiseLike<T>) => void;
		let reject!: (reason?: unknown) => void;
		const promise = new Promise<T>((res, rej) => {
			resolve = res;
			reject = rej;
		});
		return { promise, resolve, reject };
	};
}
