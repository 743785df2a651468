// `npm pack` of a built package into a temporary folder, and unpacking of the tarball — what n8n
// does before installing a community package, and what its verification scanner lints.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { cleanEnv } from './n8n/install.mjs';

/** Packs `packageDir` (which must be built) into a new temp folder; returns the tarball path. */
export function packPackage(packageDir, intoDir = mkdtempSync(join(tmpdir(), 'n8n-pack-'))) {
	const result = spawnSync(
		'npm',
		['pack', '--json', '--ignore-scripts', '--pack-destination', intoDir],
		{
			cwd: packageDir,
			// Not this project's npm settings from an enclosing `npm run` (npm_config_local_prefix would pack it instead).
			env: cleanEnv(),
			encoding: 'utf8',
		},
	);
	if (result.status !== 0) throw new Error(`npm pack failed in ${packageDir}:\n${result.stderr}`);
	const [{ filename }] = JSON.parse(result.stdout);
	return join(intoDir, filename);
}

/** Extracts the tarball's `package/` folder into `targetDir` (created). */
export function unpackTarball(tarball, targetDir) {
	mkdirSync(targetDir, { recursive: true });
	const result = spawnSync('tar', ['-xzf', tarball, '-C', targetDir, '--strip-components=1'], {
		encoding: 'utf8',
	});
	if (result.status !== 0) throw new Error(`tar failed for ${tarball}:\n${result.stderr}`);
	return targetDir;
}
