// The results table: printed to the console and written to bench/results.md.

export type Status = 'pass' | 'miss' | 'info' | 'not measured';

export interface Row {
	benchmark: string;
	measured: string;
	baseline: string;
	ratio: string;
	target: string;
	status: Status;
}

const COLUMNS: Array<[keyof Row, string]> = [
	['benchmark', 'Benchmark'],
	['measured', 'Measured'],
	['baseline', 'Baseline (same run)'],
	['ratio', 'Ratio'],
	['target', 'Target'],
	['status', 'Result'],
];

export function consoleTable(rows: Row[]): string {
	const widths = COLUMNS.map(([key, title]) =>
		Math.max(title.length, ...rows.map((row) => row[key].length)),
	);
	const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ');
	return [
		line(COLUMNS.map(([, title]) => title)),
		widths.map((w) => '-'.repeat(w)).join('-+-'),
		...rows.map((row) => line(COLUMNS.map(([key]) => row[key]))),
	].join('\n');
}

export function markdownTable(rows: Row[]): string {
	const escape = (cell: string) => cell.replace(/\|/g, '\\|');
	return [
		`| ${COLUMNS.map(([, title]) => title).join(' | ')} |`,
		`|${COLUMNS.map(() => '---').join('|')}|`,
		...rows.map((row) => `| ${COLUMNS.map(([key]) => escape(row[key])).join(' | ')} |`),
	].join('\n');
}

export const ms = (value: number) =>
	value >= 10000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const times = (ratio: number) => `${ratio.toFixed(2)}×`;
export const count = (n: number) => n.toLocaleString('en-US');
