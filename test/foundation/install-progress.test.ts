// The progress of the n8n install (scripts/n8n/install.mjs), without installing n8n: a stand-in for npm that fetches
// for a moment, then only writes files (the quiet unpacking part, when the old counters froze for minutes), and a
// stand-in for the sqlite3 build. Each progress line must say what is happening, and something in it must move.
// scripts/ is ESM: run through a child `node`.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const INSTALL = pathToFileURL(path.resolve(__dirname, '../../scripts/n8n/install.mjs')).href;

let dir: string;
beforeAll(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'install-progress-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `body` (ESM, install.mjs's exports as `install`, `dir` the scratch folder) in a child node; its stdout lines. */
function inInstall(body: string): string[] {
	const file = path.join(dir, `run-${Date.now()}.mjs`);
	writeFileSync(
		file,
		`import * as install from '${INSTALL}';\nconst dir = ${JSON.stringify(dir)};\n${body}`,
	);
	return execFileSync(process.execPath, [file], { encoding: 'utf8', timeout: 60_000 })
		.split('\n')
		.filter(Boolean);
}

/** A command that writes a 20 kB file into `folder` every 100 ms for `ms`, printing `fetchLines` npm fetch lines first. */
const writer = (folder: string, ms: number, fetchLines: number) =>
	JSON.stringify([
		'-e',
		`const fs = require('fs'); const path = require('path');
for (let i = 0; i < ${fetchLines}; i++) console.log('npm http fetch GET 200 https://registry/x ' + i);
fs.mkdirSync(${JSON.stringify(folder)}, { recursive: true });
let n = 0; const t = setInterval(() => {
	const sub = path.join(${JSON.stringify(folder)}, 'pkg' + (n % 3));
	fs.mkdirSync(sub, { recursive: true });
	fs.writeFileSync(path.join(sub, 'f' + n++), Buffer.alloc(20000));
}, 100);
setTimeout(() => { clearInterval(t); }, ${ms});`,
	]);

const kB = (line: string, word: string) => Number(new RegExp(`(\\d+) kB ${word}`).exec(line)?.[1]);

test('npm install: downloading while it fetches, then "unpacking", with the bytes written still moving', () => {
	const lines = inInstall(`
let fetched = 0;
await install.run('npm install', process.execPath, ${writer(path.join(dir, 'a', 'node_modules'), 2500, 3)}, {
	cwd: dir,
	tickMs: 250,
	onOutput: (text) => (fetched += text.match(/http fetch GET/g)?.length ?? 0),
	status: install.npmInstallStatus(dir + '/a', () => fetched, { quietMs: 600 }),
});
`);
	const ticks = lines.filter((line) => / elapsed — /.test(line));
	expect(ticks.length).toBeGreaterThanOrEqual(5);
	expect(
		ticks.some((line) => /downloading packages from the registry: 3 registry fetches/.test(line)),
	).toBe(true);
	const unpacking = ticks.filter((line) => line.includes('unpacking the downloaded packages'));
	expect(unpacking.length).toBeGreaterThanOrEqual(2);
	// the fetch and package counters stand still there: the bytes written move
	const written = unpacking.map((line) => kB(line, 'written'));
	expect(written.every(Number.isFinite)).toBe(true);
	expect(written.at(-1)).toBeGreaterThan(written[0]);
	expect(unpacking[0]).toMatch(/CPU used \d+s/);
	expect(lines.at(-1)).toMatch(/npm install: done in \d+s/);
});

test('sqlite3 build: says it compiles SQLite and how long that usually takes, with what was built and the CPU used', () => {
	const lines = inInstall(`
const build = dir + '/b/node_modules/sqlite3/build';
await install.run('sqlite3 build', process.execPath, ${writer(path.join(dir, 'b', 'node_modules', 'sqlite3', 'build'), 1500, 0)}, {
	cwd: dir,
	tickMs: 250,
	status: install.sqliteBuildStatus(dir + '/b'),
});
`);
	const ticks = lines.filter((line) => / elapsed — /.test(line));
	expect(ticks.length).toBeGreaterThanOrEqual(3);
	for (const line of ticks)
		expect(line).toMatch(
			/compiling SQLite from source \(usually 1–5 minutes on 2 cores\): \d+ kB built, CPU used/,
		);
	const built = ticks.map((line) => kB(line, 'built'));
	expect(built.at(-1)).toBeGreaterThan(built[0]);
	// the newest process of the build is named (here the stand-in: node)
	expect(ticks.at(-1)).toMatch(/now: node/);
});
