// Benchmarks 2 and 3 in the results table: Routee token reuse and conversation pacing.

import { runChild } from './lib/child';
import { count, ms, times, type Row } from './lib/table';
import type { Section } from './octopush.section';
import type { RouteeResult } from './routee';

export async function routeeSection(log: (line: string) => void): Promise<Section> {
	log('routee: 1,000 sends (one execution, then ten), 20 conversation calls');
	const r = await runChild<RouteeResult>('routee.ts');
	const rows: Row[] = [];
	for (const t of r.tokens) {
		rows.push({
			benchmark: `2 Routee token reuse: ${count(t.sends)} SMS sends in ${t.executions} execution${t.executions > 1 ? 's' : ''}${t.executions > 1 ? ' (after the run above)' : ''}`,
			measured: `${t.tokenRequests} token request${t.tokenRequests === 1 ? '' : 's'}`,
			baseline: `${count(t.accepted)} sends accepted`,
			ratio: '—',
			target: t.executions > 1 ? '0 (token kept in the credential)' : '1',
			status:
				t.accepted === t.sends && t.tokenRequests === (t.executions > 1 ? 0 : 1) ? 'pass' : 'miss',
		});
	}
	const { spacingMs, accepted, refused, calls, roundTripMs } = r.pacing;
	const min = Math.min(...spacingMs);
	const mean = spacingMs.reduce((a, b) => a + b, 0) / spacingMs.length;
	const roundTrip = roundTripMs.reduce((a, b) => a + b, 0) / roundTripMs.length;
	rows.push({
		benchmark: `3 Routee conversation pacing: ${calls} calls, spacing min (arrivals at the sandbox)`,
		measured: `${(min / 1000).toFixed(3)} s`,
		baseline: 'Routee limit 1 request / 1.000 s',
		ratio: times(min / 1000),
		target: '≥ 1.00 s always',
		status: min >= 1000 ? 'pass' : 'miss',
	});
	rows.push({
		benchmark: `3 Routee conversation pacing: spacing mean (${accepted} accepted, ${refused} refused with 429)`,
		measured: `${(mean / 1000).toFixed(3)} s`,
		baseline: `1 s + one round trip (${roundTrip.toFixed(1)} ms, mean of ${roundTripMs.length})`,
		ratio: times(mean / (1000 + roundTrip)),
		target: '≤ 1 s + one round trip',
		status: mean <= 1000 + roundTrip && refused === 0 ? 'pass' : 'miss',
	});
	return {
		rows,
		notes: [
			`Conversation pacing: spacings ${spacingMs.map((s) => s).join(', ')} ms (the sandbox records arrivals with 1 ms resolution); 20 calls took ${ms(r.pacing.wallMs)}. The node starts each call 1,000 ms after the previous one was answered (nodes/Routee/transport/index.ts), so no two arrivals can be closer than 1 s however long a request takes to arrive (cold connection, token fetch, loaded machine), and each spacing is 1 s plus that call's round trip. The round trip baseline is ${roundTripMs.map((v) => v.toFixed(1)).join(', ')} ms: an authenticated GET to the same sandbox with n8n-core's own HTTP client, the one the node's requests go through; the node's own round trip also includes n8n's request helper around that client (loading and applying the credential) and the 1 ms timer resolution.`,
		],
	};
}
