// `npm run lint:n8n-node`: `n8n-node lint` (@n8n/node-cli, n8n's tool for community nodes) with the tool's own,
// unmodified configuration and strict mode, on each single-service package as its sources would be in a package of
// its own: its package.json, the default eslint.config.mjs, tsconfig.json, icons/, the folders of its nodes,
// nodes/shared, and its credentials, the callback secret under its provider's name (as scripts/packages.mjs stages
// it). That source view is written into tools/n8n-node-cli/work/<name>/, next to the tool's own install
// (tools/n8n-node-cli: `npm ci --ignore-scripts --prefix tools/n8n-node-cli`; kept out of the root tree, whose
// dependencies it would move). Fails on any lint error or strict-mode violation.

import { spawnSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

import { cleanEnv } from './n8n/install.mjs';
import {
	ownSecretOf,
	packageJsonOf,
	renameSecret,
	ROOT,
	SHARED_SECRET,
	SINGLE_SERVICE,
} from './packages.mjs';

const TOOL = join(ROOT, 'tools', 'n8n-node-cli');
const BIN = join(TOOL, 'node_modules', '.bin', 'n8n-node');
/** The eslint.config.mjs the tool generates; strict mode requires it unchanged. */
const DEFAULT_ESLINT_CONFIG =
	"import { config } from '@n8n/node-cli/eslint';\n\nexport default config;\n";

function filesUnder(dir) {
	return readdirSync(dir).flatMap((entry) => {
		const file = join(dir, entry);
		return statSync(file).isDirectory() ? filesUnder(file) : [file];
	});
}

/** Writes the source view of single-service package `name` into the tool's work folder; returns it. */
function writeSourceView(name) {
	const packageJson = packageJsonOf(name);
	const dir = join(TOOL, 'work', name);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(join(dir, 'credentials'), { recursive: true });
	for (const folder of [
		...new Set(packageJson.n8n.nodes.map((file) => basename(dirname(file)))),
		'shared',
	])
		cpSync(join(ROOT, 'nodes', folder), join(dir, 'nodes', folder), { recursive: true });
	let own;
	for (const file of packageJson.n8n.credentials) {
		const source = `${basename(file, '.js')}.ts`;
		const secret = /^(\w+)CallbackSecretApi\.credentials\.ts$/.exec(source);
		if (secret) {
			own = ownSecretOf(secret[1]);
			const shared = readFileSync(
				join(ROOT, 'credentials', `${SHARED_SECRET.className}.credentials.ts`),
				'utf8',
			);
			const icon = `icons/${own.provider.toLowerCase()}`;
			writeFileSync(
				join(dir, 'credentials', source),
				renameSecret(shared, own).text.replace(/icons\/routee(?=\.)/g, icon),
			);
		} else cpSync(join(ROOT, 'credentials', source), join(dir, 'credentials', source));
	}
	if (!own) throw new Error(`${name} declares no <Provider>CallbackSecretApi credential`);
	for (const file of filesUnder(join(dir, 'nodes')).filter((f) => f.endsWith('.ts'))) {
		const { text, count } = renameSecret(readFileSync(file, 'utf8'), own);
		if (count > 0) writeFileSync(file, text);
	}
	cpSync(join(ROOT, 'icons'), join(dir, 'icons'), { recursive: true });
	cpSync(join(ROOT, 'tsconfig.json'), join(dir, 'tsconfig.json'));
	writeFileSync(join(dir, 'package.json'), `${JSON.stringify(packageJson, null, '\t')}\n`);
	writeFileSync(join(dir, 'eslint.config.mjs'), DEFAULT_ESLINT_CONFIG);
	return dir;
}

if (!existsSync(BIN)) {
	process.stderr.write(
		'n8n-node is not installed: run `npm ci --ignore-scripts --prefix tools/n8n-node-cli`\n',
	);
	process.exit(1);
}
let failed = false;
for (const name of SINGLE_SERVICE) {
	const dir = writeSourceView(name);
	const result = spawnSync(BIN, ['lint'], { cwd: dir, env: cleanEnv(), encoding: 'utf8' });
	const output = `${result.stdout}${result.stderr}`;
	// n8n-node lint exits 0 when only warnings are left; strict mode and errors exit non-zero
	if (result.status !== 0) {
		failed = true;
		process.stderr.write(`FAIL ${name}: n8n-node lint\n${output}\n`);
	} else {
		const warnings = /(\d+) warnings?/.exec(output)?.[1] ?? '0';
		process.stdout.write(
			`PASS ${name}: n8n-node lint (strict, default config), ${warnings} warnings\n`,
		);
	}
}
if (failed) process.exit(1);
