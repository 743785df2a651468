import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

// Issue 21: following one operation end to end takes at most 10 files. The files counted are the ones a reader
// opens from the node's execute (or a trigger's webhook method) to the HTTP request and back: the node file, the
// router, the resource's index, and every file the operation file imports, directly or not. An upper bound: an
// imported file counts even when the operation uses one function of it.
//
// Not counted, as in the architecture review of 2026-12-03 (§4.1): leaf helpers whose names tell enough, and
// credentials. The review's list (phone, dates, scheduled-date, direct-field → item-values, field-labels,
// placeholders), plus three files of the same kind written since: shared/fields.ts (the Mode, Default Country and
// Options fields both nodes show), phone-number.ts (reads a phone number field) and tool-limit.ts (Max Recipients
// per Tool Call, which only an AI agent's tool has).
const ROOT = path.resolve(__dirname, '../..');
const LEAVES = new Set([
	'nodes/shared/phone.ts',
	'nodes/shared/dates.ts',
	'nodes/shared/fields.ts',
	'nodes/shared/action/field-labels.ts',
	'nodes/shared/action/item-values.ts',
	'nodes/shared/action/scheduled-date.ts',
	'nodes/shared/action/phone-number.ts',
	'nodes/shared/action/tool-limit.ts',
	'nodes/Octopush/helpers/placeholders.ts',
]);
const MAX_FILES = 10;

/** The project files `file` imports (relative imports, `.ts` or `/index.ts`). */
function importsOf(file: string): string[] {
	const text = readFileSync(path.join(ROOT, file), 'utf8');
	const found: string[] = [];
	for (const [, specifier] of text.matchAll(/from\s+'(\.[^']*)'/g)) {
		const base = path.join(path.dirname(file), specifier);
		const resolved = [`${base}.ts`, `${base}/index.ts`].find((candidate) =>
			existsSync(path.join(ROOT, candidate)),
		);
		if (resolved) found.push(resolved);
	}
	return found;
}

/** `entries` and everything `start` imports, without leaves and credentials. */
function filesToRead(entries: string[], start: string): string[] {
	const seen = new Set<string>();
	const todo = [start];
	while (todo.length > 0) {
		const file = todo.pop() as string;
		if (seen.has(file)) continue;
		seen.add(file);
		todo.push(...importsOf(file));
	}
	return [...new Set([...entries, ...seen])]
		.filter((file) => !LEAVES.has(file) && !file.startsWith('credentials/'))
		.sort();
}

describe('following one operation end to end (issue 21)', () => {
	test.each([
		{
			operation: 'Octopush → Voice SMS → Send Campaign',
			entries: [
				'nodes/Octopush/Octopush.node.ts',
				'nodes/Octopush/actions/router.ts',
				'nodes/Octopush/actions/voiceSms/index.ts',
			],
			start: 'nodes/Octopush/actions/voiceSms/sendCampaign.operation.ts',
		},
		{
			// execute() starts the call; webhook() (helpers/wait.ts, imported by the operation) resumes the execution
			operation: 'Routee → Voice → Call and Wait for Key Press',
			entries: [
				'nodes/Routee/Routee.node.ts',
				'nodes/Routee/actions/router.ts',
				'nodes/Routee/actions/voice/index.ts',
			],
			start: 'nodes/Routee/actions/voice/callAndWait.operation.ts',
		},
		{
			operation: 'Octopush Trigger registration',
			entries: ['nodes/OctopushTrigger/OctopushTrigger.node.ts'],
			start: 'nodes/OctopushTrigger/registration.ts',
		},
	])('$operation: at most 10 files', ({ entries, start }) => {
		for (const file of [...entries, start]) expect(existsSync(path.join(ROOT, file))).toBe(true);
		const files = filesToRead(entries, start);
		if (files.length > MAX_FILES) {
			throw new Error(`${files.length} files to read (at most ${MAX_FILES}):\n${files.join('\n')}`);
		}
		expect(files.length).toBeLessThanOrEqual(MAX_FILES);
	});

	test('the walk follows the imports through the helpers down to the request, and leaves the leaves out', () => {
		const files = filesToRead(
			['nodes/Octopush/Octopush.node.ts'],
			'nodes/Octopush/actions/voiceSms/sendCampaign.operation.ts',
		);
		expect(files).toEqual(
			expect.arrayContaining([
				'nodes/Octopush/helpers/frames.ts',
				'nodes/Octopush/transport/index.ts',
				'nodes/shared/http.ts',
			]),
		);
		expect(files).not.toContain('nodes/shared/phone.ts');
	});
});
