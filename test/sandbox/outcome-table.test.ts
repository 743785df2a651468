// The sandbox's outcome table (CALL_OUTCOMES in numbers.ts) is the one the demo's banner prints: it must say what the
// sandbox does, and the README and the examples' notes must repeat it as it is.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import {
	CALL_OUTCOMES,
	isAnsweringMachine,
	outcomeLines,
	outcomeOf,
	outcomeTableRows,
	pressedKeysOf,
} from './numbers';

const ROOT = path.resolve(__dirname, '../..');
const number = (ending: string | null) =>
	ending === null ? '+33612345678' : `+336123${'5'.repeat(8 - ending.length)}${ending}`;

test.each(CALL_OUTCOMES.map((row) => [row.ending ?? 'anything else', row]))(
	'ends %s: the row says what the sandbox does',
	(_, row) => {
		const to = number(row.ending);
		const outcome = outcomeOf(to);
		const expectedOutcome = /^not answered/.test(row.call)
			? 'unreachable'
			: /^busy/.test(row.call)
				? 'refused'
				: /^failed/.test(row.call)
					? 'failed'
					: 'ok';
		expect(outcome).toBe(expectedOutcome);
		expect(isAnsweringMachine(to)).toBe(Boolean(row.machineDetectionOnly));
		if (outcome === 'ok' && !row.machineDetectionOnly)
			expect(row.keys).toBe(pressedKeysOf(to, 1) === '' ? 'none' : `\`${pressedKeysOf(to, 1)}\``);
		else expect(row.keys).toBe('none');
	},
);

test('every ending the sandbox treats apart has its row (other numbers: answered, presses 1)', () => {
	for (const ending of ['0000', '1111', '2222', '02', '03', '04'])
		expect(CALL_OUTCOMES.map((row) => row.ending)).toContain(ending);
	expect(CALL_OUTCOMES.at(-1)).toMatchObject({ ending: null, keys: '`1`' });
	expect(pressedKeysOf(number('57'))).toBe('1');
	expect(outcomeOf(number('57'))).toBe('ok');
});

test("the README's table is the sandbox's, row for row", () => {
	const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
	const section = readme.slice(readme.indexOf("### The sandbox's outcomes"));
	const lines = section.split('\n');
	const first = lines.findIndex((line) => line.startsWith('|'));
	const end = lines.findIndex((line, i) => i > first && !line.startsWith('|'));
	const table = lines.slice(first, end);
	expect(table[0]).toBe('| the number ends with | the call | keys pressed |');
	expect(table.slice(2)).toEqual(outcomeTableRows());
});

test("the examples' notes list the outcomes that apply to them (04 only where a call detects machines)", () => {
	const dir = path.join(ROOT, 'examples');
	let checked = 0;
	for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
		const text = readFileSync(path.join(dir, file), 'utf8');
		const workflow = JSON.parse(text) as {
			nodes: Array<{ type: string; notes?: string; parameters: Record<string, unknown> }>;
		};
		const notes = workflow.nodes
			.map((node) =>
				node.type === 'n8n-nodes-base.stickyNote' ? node.parameters.content : node.notes,
			)
			.filter((note): note is string => typeof note === 'string' && /ends 0000/.test(note));
		if (notes.length === 0) continue;
		const detects = /"callAndWait"|"machineDetection"/.test(text);
		const rows = CALL_OUTCOMES.filter((row) => detects || !row.machineDetectionOnly);
		for (const note of notes) {
			const list = note.includes('\n- ')
				? outcomeLines(rows)
						.map((line) => `- ${line}`)
						.join('\n')
				: `Sandbox outcome by the number called: ${outcomeLines(rows).join(', ')}`;
			expect({ file, note }).toEqual({ file, note: expect.stringContaining(list) });
			if (!detects)
				expect({ file, note }).toEqual({ file, note: expect.not.stringContaining('ends 04') });
			checked++;
		}
	}
	expect(checked).toBeGreaterThanOrEqual(5);
});
