// The three npm packages built from this one source tree (issue 23):
// - n8n-nodes-routee-octopush, the combined package (the root package.json, which is private: it is
//   published from its staged copy only);
// - n8n-nodes-routee and n8n-nodes-octopush, one service each, as n8n's verification asks ("each package
//   should integrate exactly one third-party service"), described by packages/<name>/package.json.
//
// `stagePackages()` (run by `npm run build`) copies, for each, the compiled files its package.json declares
// into build/<name>/: its nodes' folders, nodes/shared, its credentials, the icons they show, with package.json,
// README.md, CHANGELOG.md and LICENSE. Each staged package is then checked: every relative require resolves
// inside it, every credential its nodes declare is one of its own, and it holds no folder of another provider's
// nodes. `npm run pack` also packs each into build/<name>-<version>.tgz.
//
// The callback secret. In the combined package both triggers share the credential type
// 'routeeOctopushCallbackSecretApi' ('Routee/Octopush Callback Secret API'); saved workflows refer to it, so it
// stays as it is. A single-service package must stand alone, and both must install side by side in one n8n,
// where two packages declaring one credential type name clash. So each single-service package has its
// provider's own credential type, '<provider>CallbackSecretApi' ('<Provider> Callback Secret API'): the same
// class (credentials/RouteeOctopushCallbackSecretApi.credentials.ts) under that name, with its provider's icon,
// and the staged JavaScript names it wherever the combined package names the shared one (the trigger's
// declaration and the messages that tell the user which credential to create). Nothing else differs.
//
// CLI: node scripts/packages.mjs stage | pack

import { spawnSync } from 'node:child_process';
import {
	copyFileSync,
	cpSync,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { cleanEnv } from './n8n/install.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BUILD = join(ROOT, 'build');
export const COMBINED = 'n8n-nodes-routee-octopush';
/** The single-service packages, each described by packages/<name>/package.json. */
export const SINGLE_SERVICE = ['n8n-nodes-routee', 'n8n-nodes-octopush'];

/**
 * The `prepublishOnly` script of every published package: `npm publish` is refused anywhere but in
 * .github/workflows/release.yml, run for a version tag, with provenance (npm trusted publishing).
 * (The repository root is private and its .npmrc turns scripts off, hence the staged copies.)
 */
export const PUBLISH_GUARD =
	"node -e \"const e=process.env;if(e.GITHUB_ACTIONS!=='true'||!String(e.GITHUB_WORKFLOW_REF).includes('/.github/workflows/release.yml@refs/tags/v')||e.npm_config_provenance!=='true'){console.error('Refused: publish only through .github/workflows/release.yml from a version tag (npm trusted publishing, --provenance)');process.exit(1)}\"";

/** The combined package's shared callback-secret credential (class name, type name, display name). */
export const SHARED_SECRET = {
	className: 'RouteeOctopushCallbackSecretApi',
	name: 'routeeOctopushCallbackSecretApi',
	displayName: 'Routee/Octopush Callback Secret API',
};
const SHARED_SECRET_FILE = `dist/credentials/${SHARED_SECRET.className}.credentials`;

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** The package.json each package is published with. */
export function packageJsonOf(name) {
	if (name !== COMBINED) return readJson(join(ROOT, 'packages', name, 'package.json'));
	// The root's, as a published package: not private, no dev tooling, only the publish guard.
	const {
		private: _private,
		devDependencies: _dev,
		scripts: _scripts,
		...published
	} = readJson(join(ROOT, 'package.json'));
	return { ...published, scripts: { prepublishOnly: PUBLISH_GUARD } };
}

/** Where README.md and CHANGELOG.md of a package come from. */
function docsDirOf(name) {
	return name === COMBINED ? ROOT : join(ROOT, 'packages', name);
}

/** The node folder (dist/nodes/<Node>) of a declared node file. */
const nodeFolderOf = (file) => dirname(file);

function filesUnder(dir) {
	const out = [];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const file = join(dir, entry.name);
		if (entry.isDirectory()) out.push(...filesUnder(file));
		else out.push(file);
	}
	return out;
}

function copy(from, to) {
	mkdirSync(dirname(to), { recursive: true });
	copyFileSync(from, to);
}

/** The single-service package's own callback-secret credential, e.g. RouteeCallbackSecretApi for Routee. */
export function ownSecretOf(provider) {
	return {
		provider,
		className: `${provider}CallbackSecretApi`,
		name: `${provider.toLowerCase()}CallbackSecretApi`,
		displayName: `${provider} Callback Secret API`,
	};
}

/** `text` with the shared callback-secret credential's names replaced by `own`'s; counts the replacements. */
export function renameSecret(text, own) {
	let count = 0;
	let out = text;
	for (const key of ['className', 'name', 'displayName']) {
		out = out.split(SHARED_SECRET[key]).join(own[key]);
		count += text.split(SHARED_SECRET[key]).length - 1;
	}
	return { text: out, count };
}

/**
 * Gives the staged single-service package at `dir` its own callback-secret credential: writes its credential
 * files from the shared one's (renamed, with the provider's icon) and renames the shared one in every compiled
 * file that names it. A changed source is noticed: the shared credential must be where it was, and no mention
 * of it may remain.
 */
function useOwnCallbackSecret(dir, own) {
	const shared = join(ROOT, `${SHARED_SECRET_FILE}.js`);
	if (!existsSync(shared)) throw new Error(`${SHARED_SECRET_FILE}.js is missing: run the build`);
	const icon = `icons/${own.provider.toLowerCase()}`;
	for (const suffix of ['.js', '.d.ts']) {
		const { text, count } = renameSecret(
			readFileSync(join(ROOT, SHARED_SECRET_FILE + suffix), 'utf8'),
			own,
		);
		if (count === 0)
			throw new Error(`${SHARED_SECRET_FILE}${suffix} no longer names ${SHARED_SECRET.name}`);
		writeFileSync(
			join(dir, `dist/credentials/${own.className}.credentials${suffix}`),
			text.replace(/icons\/routee(?=\.)/g, icon).replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n'),
		);
	}
	for (const file of filesUnder(join(dir, 'dist')).filter((f) => /\.(js|d\.ts)$/.test(f))) {
		const { text, count } = renameSecret(readFileSync(file, 'utf8'), own);
		if (count === 0) continue;
		// its source map no longer matches
		writeFileSync(file, text.replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n'));
		rmSync(`${file}.map`, { force: true });
	}
	for (const file of filesUnder(join(dir, 'dist'))) {
		const text = readFileSync(file, 'utf8');
		for (const key of ['className', 'name', 'displayName'])
			if (text.includes(SHARED_SECRET[key]))
				throw new Error(`${relative(dir, file)} still names ${SHARED_SECRET[key]}`);
	}
}

/** The credential class a compiled credentials file exports (its class name is the file's name). */
function loadCredential(file) {
	const require = createRequire(import.meta.url);
	const exported = require(file)[basename(file, '.credentials.js')];
	if (typeof exported !== 'function') throw new Error(`${file} exports no credential class`);
	return new exported();
}

function loadNode(file) {
	const require = createRequire(import.meta.url);
	const exported = require(file)[basename(file, '.node.js')];
	if (typeof exported !== 'function') throw new Error(`${file} exports no node class`);
	return new exported();
}

/** Throws unless the staged package at `dir` is complete and holds only what it declares. */
export function checkStagedPackage(dir) {
	const packageJson = readJson(join(dir, 'package.json'));
	const problems = [];
	const files = filesUnder(join(dir, 'dist')).map((file) => relative(dir, file));

	// complete: every relative require resolves inside the package
	for (const file of files.filter((f) => f.endsWith('.js'))) {
		const source = readFileSync(join(dir, file), 'utf8');
		for (const [, target] of source.matchAll(/require\("(\.[^"]+)"\)/g)) {
			const base = resolve(dir, dirname(file), target);
			if (![base, `${base}.js`, `${base}.json`, join(base, 'index.js')].some((f) => existsSync(f)))
				problems.push(`${file} requires ${target}, which is not in the package`);
		}
		for (const [, icon] of source.matchAll(/file:((?:\.\.\/)+icons\/[\w.-]+\.svg)/g)) {
			if (!existsSync(resolve(dir, dirname(file), icon)))
				problems.push(`${file} shows ${icon}, which is not in the package`);
		}
	}

	// only its own nodes: dist/nodes holds the declared nodes' folders and nodes/shared
	const nodeFolders = new Set(packageJson.n8n.nodes.map((f) => basename(nodeFolderOf(f))));
	for (const folder of readdirSync(join(dir, 'dist', 'nodes'))) {
		if (folder !== 'shared' && !nodeFolders.has(folder))
			problems.push(`dist/nodes/${folder} is not a folder of a node this package declares`);
	}
	const credentialFiles = new Set(packageJson.n8n.credentials.map((f) => basename(f, '.js')));
	for (const file of readdirSync(join(dir, 'dist', 'credentials'))) {
		if (!credentialFiles.has(file.replace(/\.(js|d\.ts|js\.map)$/, '')))
			problems.push(`dist/credentials/${file} is not a credential this package declares`);
	}

	// every credential its nodes declare is one of its own
	const credentialNames = new Set(
		packageJson.n8n.credentials.map((file) => loadCredential(join(dir, file)).name),
	);
	for (const file of packageJson.n8n.nodes) {
		const node = loadNode(join(dir, file));
		for (const { name } of node.description.credentials ?? []) {
			if (!credentialNames.has(name))
				problems.push(`${file} declares credential ${name}, which this package does not provide`);
		}
	}

	if (problems.length > 0)
		throw new Error(`${packageJson.name} (${dir}):\n${problems.map((p) => `- ${p}`).join('\n')}`);
	return { name: packageJson.name, version: packageJson.version, files };
}

/** Stages one package into build/<name>/ (from a build: dist/ must exist); returns its folder. */
export function stagePackage(name) {
	const packageJson = packageJsonOf(name);
	const dir = join(BUILD, name);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const dist = join(ROOT, 'dist');
	if (!existsSync(dist)) throw new Error('dist/ is missing: run `npm run build` first');

	for (const folder of [...new Set(packageJson.n8n.nodes.map(nodeFolderOf)), 'dist/nodes/shared']) {
		if (!existsSync(join(ROOT, folder))) throw new Error(`${folder} is missing: run the build`);
		cpSync(join(ROOT, folder), join(dir, folder), { recursive: true });
	}
	let own;
	for (const file of packageJson.n8n.credentials) {
		const secret = /^dist\/credentials\/(\w+)CallbackSecretApi\.credentials\.js$/.exec(file);
		if (name !== COMBINED && secret) {
			own = ownSecretOf(secret[1]);
			continue;
		}
		const stem = file.replace(/\.js$/, '');
		if (!existsSync(join(ROOT, file))) throw new Error(`${file} is missing: run the build`);
		for (const suffix of ['.js', '.d.ts', '.js.map'])
			if (existsSync(join(ROOT, stem + suffix)))
				copy(join(ROOT, stem + suffix), join(dir, stem + suffix));
	}
	if (name !== COMBINED) {
		if (!own) throw new Error(`${name} declares no <Provider>CallbackSecretApi credential`);
		useOwnCallbackSecret(dir, own);
	}
	// the icons its nodes and credentials show
	for (const file of filesUnder(join(dir, 'dist')).filter((f) => f.endsWith('.js'))) {
		for (const [, icon] of readFileSync(file, 'utf8').matchAll(
			/file:(?:\.\.\/)+icons\/([\w.-]+\.svg)/g,
		))
			copy(join(dist, 'icons', icon), join(dir, 'dist', 'icons', icon));
	}

	writeFileSync(join(dir, 'package.json'), `${JSON.stringify(packageJson, null, '\t')}\n`);
	for (const doc of ['README.md', 'CHANGELOG.md']) copy(join(docsDirOf(name), doc), join(dir, doc));
	copy(join(ROOT, 'LICENSE'), join(dir, 'LICENSE'));
	checkStagedPackage(dir);
	return dir;
}

export function stagePackages() {
	return [COMBINED, ...SINGLE_SERVICE].map((name) => ({ name, dir: stagePackage(name) }));
}

/** `npm pack` of a staged package into `intoDir` (build/); returns the tarball path and the files it holds. */
export function packStaged(dir, intoDir = BUILD) {
	const result = spawnSync(
		'npm',
		['pack', '--json', '--ignore-scripts', '--pack-destination', intoDir],
		{
			cwd: dir,
			// not this project's npm settings from an enclosing `npm run`
			env: cleanEnv(),
			encoding: 'utf8',
		},
	);
	if (result.status !== 0) throw new Error(`npm pack failed in ${dir}:\n${result.stderr}`);
	const [{ filename, files }] = JSON.parse(result.stdout);
	return { tarball: join(intoDir, filename), files: files.map((f) => f.path) };
}

function main(command) {
	if (command !== 'stage' && command !== 'pack')
		throw new Error('usage: node scripts/packages.mjs stage | pack');
	for (const { name, dir } of stagePackages()) {
		const count = filesUnder(dir).length;
		if (command === 'stage') {
			process.stdout.write(`staged ${name}: ${relative(ROOT, dir)} (${count} files)\n`);
			continue;
		}
		const { tarball } = packStaged(dir);
		process.stdout.write(
			`packed ${name}: ${relative(ROOT, tarball)} (${(statSync(tarball).size / 1024).toFixed(0)} KB)\n`,
		);
	}
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
	try {
		main(process.argv[2]);
	} catch (error) {
		process.stderr.write(`${error.stack ?? error}\n`);
		process.exit(1);
	}
}
