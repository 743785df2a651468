// `npm run scan`: the two passes of n8n's community-package verification scanner
// (@n8n/scan-community-package analyzePackageByName), run offline on this checkout:
// 1. the source tree with the scanner's SOURCE_FILE_PATTERNS (package.json, nodes/, credentials/);
// 2. the unpacked `npm pack` tarball with ['**/*.js', 'package.json'].
// Both must report no ESLint error. Also fails when package.json declares runtime `dependencies`
// (n8n installs a community package with `npm install` of exactly those).
// Needs a build (dist/) for the tarball pass: `npm run build` first.

import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

import { packPackage, unpackTarball } from './pack.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function report(label, result) {
	process.stdout.write(
		`${result.passed ? 'PASS' : 'FAIL'} ${label}${result.message ? `: ${result.message}` : ''}\n`,
	);
	if (!result.passed && result.details) process.stdout.write(`${result.details}\n`);
	return result.passed;
}

async function main() {
	const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
	let passed = true;

	const dependencies = Object.keys(packageJson.dependencies ?? {});
	passed =
		report('package.json has no runtime dependencies', {
			passed: dependencies.length === 0,
			message: dependencies.length
				? `runtime dependencies are not allowed: ${dependencies.join(', ')}`
				: undefined,
		}) && passed;

	passed =
		report(
			`source tree (${SOURCE_FILE_PATTERNS.join(', ')})`,
			await analyzePackage(ROOT, SOURCE_FILE_PATTERNS),
		) && passed;

	for (const file of packageJson.n8n?.nodes ?? []) {
		if (!existsSync(join(ROOT, file)))
			throw new Error(`${file} is missing: run \`npm run build\` first`);
	}
	const tarball = packPackage(ROOT);
	const unpacked = unpackTarball(tarball, join(dirname(tarball), 'package'));
	try {
		passed =
			report(
				`packed tarball ${tarball.split('/').pop()} (**/*.js, package.json)`,
				await analyzePackage(unpacked, ['**/*.js', 'package.json']),
			) && passed;
	} finally {
		rmSync(dirname(tarball), { recursive: true, force: true });
	}

	if (!passed) {
		process.stdout.write('n8n verification scan failed.\n');
		process.exit(1);
	}
	process.stdout.write('n8n verification scan: 0 errors.\n');
}

main().catch((error) => {
	process.stderr.write(`${error.stack ?? error}\n`);
	process.exit(1);
});
