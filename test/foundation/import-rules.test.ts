import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// The import rules of `npm run lint` (.dependency-cruiser.cjs): the tree passes them, and a tree that breaks each
// of them (the import circles and the upward imports the package had before issue 21) fails them.
const ROOT = path.resolve(__dirname, '../..');
const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs');
const CLI = path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

function cruise(cwd: string): { ok: boolean; output: string } {
	try {
		const output = execFileSync(
			process.execPath,
			[CLI, '--config', CONFIG, '--output-type', 'err', 'nodes'],
			{ cwd, encoding: 'utf8', stdio: 'pipe' },
		);
		return { ok: true, output };
	} catch (error) {
		const failure = error as { stdout?: string; stderr?: string };
		return { ok: false, output: `${failure.stdout ?? ''}${failure.stderr ?? ''}` };
	}
}

/** A tree in which every rule is broken once, by files named after what they break. */
const BROKEN: Record<string, string> = {
	// the label circle of 2026-12-03 (labels.ts read the descriptions, the operations read labels.ts), where the
	// labels live now: the transport's contract
	'nodes/Octopush/transport/contract.ts':
		"import { smsDescription } from '../actions/sms';\nexport const labels = smsDescription;\n",
	'nodes/Octopush/actions/sms/index.ts':
		"import { send } from './send.operation';\nexport const smsDescription = [send];\n",
	'nodes/Octopush/actions/sms/send.operation.ts':
		"import { labels } from '../../transport/contract';\nexport const send = labels;\n",
	// a helper and a trigger that import an operation
	'nodes/Routee/actions/voice/index.ts':
		"import { track } from './track.operation';\nimport { other } from '../sms/other.operation';\nexport const voice = [track, other];\n",
	'nodes/Routee/actions/voice/track.operation.ts': 'export const track = 1;\n',
	'nodes/Routee/actions/sms/other.operation.ts': 'export const other = 1;\n',
	'nodes/Routee/helpers/wait.ts':
		"import { track } from '../actions/voice/track.operation';\nexport const wait = track;\n",
	'nodes/RouteeTrigger/RouteeTrigger.node.ts':
		"import { track } from '../Routee/actions/voice/track.operation';\nexport const trigger = track;\n",
	// transport that reads a helper, a shared kit that reads a provider
	'nodes/Routee/transport/index.ts':
		"import { wait } from '../helpers/wait';\nexport const transport = wait;\n",
	'nodes/shared/action/execute.ts':
		"import { transport } from '../../Routee/transport';\nexport const execute = transport;\n",
};

describe('import rules (npm run lint:imports)', () => {
	test('the package follows them', () => {
		const { ok, output } = cruise(ROOT);
		expect(output).toContain('no dependency violations found');
		expect(ok).toBe(true);
	});

	test('a circle, an operation imported from outside its resource index and upward imports fail them', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'import-rules-'));
		try {
			writeFileSync(
				path.join(dir, 'tsconfig.json'),
				JSON.stringify({ compilerOptions: { module: 'commonjs', moduleResolution: 'node' } }),
			);
			for (const [file, text] of Object.entries(BROKEN)) {
				mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
				writeFileSync(path.join(dir, file), text);
			}
			const { ok, output } = cruise(dir);
			expect(ok).toBe(false);
			for (const rule of [
				'no-circular',
				'operation-only-from-its-index',
				'operation-from-another-resource',
				'helpers-not-up',
				'transport-not-up',
				'trigger-uses-transport-only',
				'shared-not-up',
			]) {
				expect(output).toContain(`error ${rule}:`);
			}
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
