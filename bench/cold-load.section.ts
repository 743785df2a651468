// Benchmark 5 in the results table: cold load and dist/ size.

import { measureColdLoad } from './cold-load';
import type { Section } from './octopush.section';
import { ms, times } from './lib/table';

export function coldLoadSection(): Section {
	const r = measureColdLoad();
	const rows: Section['rows'] = [
		{
			benchmark: `5 cold load: require ${r.files} declared nodes + credentials (n8n-workflow, zod preloaded)`,
			measured: ms(r.oursMs),
			baseline:
				r.httpRequestMs !== undefined ? `n8n HTTP Request node ${ms(r.httpRequestMs)}` : '—',
			ratio: r.httpRequestMs !== undefined ? times(r.oursMs / r.httpRequestMs) : '—',
			target: '—',
			status: 'info',
		},
		{
			benchmark: '5 cold load incl. first require of n8n-workflow + zod',
			measured: ms(r.oursWithDependenciesMs),
			baseline: '—',
			ratio: '—',
			target: '—',
			status: 'info',
		},
		{
			benchmark: '5 size of dist/',
			measured: `${(r.dist.bytes / 1024).toFixed(0)} KiB in ${r.dist.files} files`,
			baseline: `JS only: ${(r.dist.jsBytes / 1024).toFixed(0)} KiB in ${r.dist.jsFiles} files`,
			ratio: '—',
			target: '—',
			status: 'info',
		},
	];
	return {
		rows,
		notes: [
			`Cold load: median of ${r.samples} fresh \`node\` processes each; the reference is ${r.httpRequestNote ?? 'not available'}.`,
		],
	};
}
