// `npm run lint:packages`: the package.json of every package built from this tree (scripts/packages.mjs) has
// the shape the `n8n-node` tool generates and n8n's verification asks for, and versions move in step:
// - the root (n8n-nodes-routee-octopush) is private: it is published only from its staged copy;
// - each published package.json: an `n8n-nodes-` name, the `n8n-community-node-package` keyword, MIT,
//   `files: ["dist"]`, `n8n.n8nNodesApiVersion: 1`, `n8n.strict: true`, only peer `n8n-workflow: "*"`, no
//   runtime (or other) dependencies, only the `prepublishOnly` publish guard as script, the root's version;
// - a single-service package declares nodes and credentials of one provider only, and its nodes are exactly
//   that provider's nodes of the combined package; between them, the single-service packages hold every node.
// Also n8n's scanner rules (@n8n/scan-community-package) on each single-service package.json. Needs no build.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { analyzePackage } from '@n8n/scan-community-package/scanner/scanner.mjs';

import { COMBINED, PUBLISH_GUARD, ROOT, SINGLE_SERVICE, packageJsonOf } from './packages.mjs';

const problems = [];
const fail = (name, message) => problems.push(`${name}: ${message}`);
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
if (root.name !== COMBINED) fail('package.json', `name is not ${COMBINED}`);
if (root.private !== true)
	fail('package.json', 'must be "private": true (publish the staged copy: npm run pack)');

const ALLOWED_KEYS = new Set([
	'name',
	'version',
	'description',
	'license',
	'homepage',
	'keywords',
	'author',
	'repository',
	'engines',
	'main',
	'scripts',
	'files',
	'n8n',
	'peerDependencies',
]);

/** The source file a declared dist file is compiled from. */
const sourceOf = (file) => file.replace(/^dist\//, '').replace(/\.js$/, '.ts');
const providerOf = (file) =>
	/\/(Routee|Octopush)[A-Za-z0-9]*\.(node|credentials)\.js$/.exec(file)?.[1];

for (const name of [COMBINED, ...SINGLE_SERVICE]) {
	const pkg = packageJsonOf(name);
	if (pkg.name !== name) fail(name, `name is ${pkg.name}`);
	if (!/^n8n-nodes-/.test(pkg.name)) fail(name, 'name must start with n8n-nodes-');
	if (pkg.version !== root.version)
		fail(name, `version ${pkg.version} is not the root's ${root.version}: versions move in step`);
	for (const key of Object.keys(pkg))
		if (!ALLOWED_KEYS.has(key)) fail(name, `unexpected field "${key}"`);
	for (const key of ['description', 'homepage', 'author', 'repository'])
		if (!pkg[key]) fail(name, `${key} is missing`);
	if (!pkg.keywords?.includes('n8n-community-node-package'))
		fail(name, 'keywords lack n8n-community-node-package');
	if (pkg.license !== 'MIT') fail(name, 'license must be MIT');
	if (!same(pkg.files, ['dist'])) fail(name, 'files must be ["dist"]');
	if (!same(pkg.peerDependencies, { 'n8n-workflow': '*' }))
		fail(name, 'peerDependencies must be exactly { "n8n-workflow": "*" }');
	if (!same(pkg.scripts, { prepublishOnly: PUBLISH_GUARD }))
		fail(name, 'scripts must be only the prepublishOnly guard of scripts/packages.mjs');
	if (pkg.repository?.url !== root.repository.url)
		fail(name, 'repository.url must be the root repository (n8n checks it against the provenance)');
	const n8n = pkg.n8n ?? {};
	if (n8n.n8nNodesApiVersion !== 1) fail(name, 'n8n.n8nNodesApiVersion must be 1');
	if (n8n.strict !== true) fail(name, 'n8n.strict must be true');
	if (!n8n.nodes?.length) fail(name, 'n8n.nodes is empty');
	for (const file of [...(n8n.nodes ?? []), ...(n8n.credentials ?? [])]) {
		if (!/^dist\/(nodes\/(\w+)\/\2\.node|credentials\/\w+\.credentials)\.js$/.test(file))
			fail(
				name,
				`${file} is not dist/nodes/<Node>/<Node>.node.js or dist/credentials/<Name>.credentials.js`,
			);
		// a single-service package's callback secret is derived from the shared one at staging
		const derived = name !== COMBINED && /CallbackSecretApi\.credentials\.js$/.test(file);
		if (!derived && !existsSync(join(ROOT, sourceOf(file))))
			fail(name, `${file}: ${sourceOf(file)} does not exist`);
	}
	if (name === COMBINED) continue;
	const providers = new Set([...(n8n.nodes ?? []), ...(n8n.credentials ?? [])].map(providerOf));
	if (providers.size !== 1 || providers.has(undefined))
		fail(
			name,
			`declares nodes or credentials of ${[...providers].join(', ')}: one service per package`,
		);
	const [provider] = providers;
	const expected = root.n8n.nodes.filter((file) => providerOf(file) === provider);
	if (!same([...n8n.nodes].sort(), [...expected].sort()))
		fail(name, `nodes must be the combined package's ${provider} nodes: ${expected.join(', ')}`);
	if (!n8n.credentials?.includes(`dist/credentials/${provider}CallbackSecretApi.credentials.js`))
		fail(
			name,
			`declares no ${provider}CallbackSecretApi credential (its trigger's callback secret)`,
		);
}
// n8n's scanner rules on each single-service package's root, where the scanner finds it by name
for (const name of SINGLE_SERVICE) {
	const result = await analyzePackage(join(ROOT, 'packages', name), ['package.json']);
	if (!result.passed) fail(name, `n8n's scanner: ${result.message}\n${result.details ?? ''}`);
}
const covered = SINGLE_SERVICE.flatMap((name) => packageJsonOf(name).n8n?.nodes ?? []);
for (const file of root.n8n.nodes)
	if (!covered.includes(file)) fail('packages', `no single-service package holds ${file}`);

if (problems.length > 0) {
	process.stderr.write(`package.json check failed:\n${problems.map((p) => `- ${p}`).join('\n')}\n`);
	process.exit(1);
}
process.stdout.write(
	`package.json check: ${[COMBINED, ...SINGLE_SERVICE].join(', ')} at ${root.version}\n`,
);
