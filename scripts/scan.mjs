// `npm run scan`: the two passes of n8n's community-package verification scanner
// (@n8n/scan-community-package analyzePackageByName), run offline on this checkout, for each of the three
// packages built from it (scripts/packages.mjs):
// 1. the package's root in the source tree (what the scanner finds by name in the provenance's source: the
//    repository root for n8n-nodes-routee-octopush, packages/<name>/ for the single-service ones) with the
//    scanner's SOURCE_FILE_PATTERNS (package.json, nodes/, credentials/);
// 2. the unpacked `npm pack` tarball of the staged package with ['**/*.js', 'package.json'].
// Both must report no ESLint error. Also fails when a package.json declares runtime `dependencies`
// (n8n installs a community package with `npm install` of exactly those), and when a single-service tarball
// holds a file of the other provider's nodes or credentials.
// Needs a build (dist/) for the tarball pass: `npm run build` first.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

import { COMBINED, ROOT, SINGLE_SERVICE, packStaged, stagePackages } from './packages.mjs';
import { unpackTarball } from './pack.mjs';

/** What a single-service package must not hold: the other provider's node folders and credentials. */
const FOREIGN = {
	'n8n-nodes-routee': /^dist\/(nodes\/Octopush|credentials\/Octopush|icons\/octopush)/,
	'n8n-nodes-octopush': /^dist\/(nodes\/Routee|credentials\/Routee|icons\/routee)/,
};

function report(label, result) {
	process.stdout.write(
		`${result.passed ? 'PASS' : 'FAIL'} ${label}${result.message ? `: ${result.message}` : ''}\n`,
	);
	if (!result.passed && result.details) process.stdout.write(`${result.details}\n`);
	return result.passed;
}

/** The package's root in the source tree, as the scanner finds it by name (findPackageRoot). */
const sourceRootOf = (name) => (name === COMBINED ? ROOT : join(ROOT, 'packages', name));

async function main() {
	let passed = true;
	const staged = stagePackages();
	const packDir = mkdtempSync(join(tmpdir(), 'n8n-scan-'));
	try {
		for (const { name, dir } of staged) {
			const sourceRoot = sourceRootOf(name);
			const packageJson = JSON.parse(readFileSync(join(sourceRoot, 'package.json'), 'utf8'));
			const dependencies = Object.keys(packageJson.dependencies ?? {});
			passed =
				report(`${name}: package.json has no runtime dependencies`, {
					passed: dependencies.length === 0,
					message: dependencies.length
						? `runtime dependencies are not allowed: ${dependencies.join(', ')}`
						: undefined,
				}) && passed;

			passed =
				report(
					`${name}: source tree at ${sourceRoot === ROOT ? '.' : sourceRoot.slice(ROOT.length + 1)} (${SOURCE_FILE_PATTERNS.join(', ')})`,
					await analyzePackage(sourceRoot, SOURCE_FILE_PATTERNS),
				) && passed;

			const { tarball, files } = packStaged(dir, packDir);
			if (SINGLE_SERVICE.includes(name)) {
				const foreign = files.filter((file) => FOREIGN[name].test(file));
				passed =
					report(`${name}: the tarball holds no file of the other provider`, {
						passed: foreign.length === 0,
						message: foreign.length ? foreign.join(', ') : `${files.length} files`,
					}) && passed;
			}
			const unpacked = unpackTarball(tarball, join(packDir, name));
			passed =
				report(
					`${name}: packed tarball ${tarball.split('/').pop()} (**/*.js, package.json)`,
					await analyzePackage(unpacked, ['**/*.js', 'package.json']),
				) && passed;
		}
	} finally {
		rmSync(packDir, { recursive: true, force: true });
	}

	if (!passed) {
		process.stdout.write('n8n verification scan failed.\n');
		process.exit(1);
	}
	process.stdout.write(`n8n verification scan: 0 errors in ${staged.length} packages.\n`);
}

main().catch((error) => {
	process.stderr.write(`${error.stack ?? error}\n`);
	process.exit(1);
});
