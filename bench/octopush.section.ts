// Benchmark 1 in the results table: Octopush VMS campaigns of 10k / 100k / 300k recipients, and the
// HTTP Request node comparison. Each measurement runs in a fresh process (./lib/child.ts).

import { runChild } from './lib/child';
import { findNodesBase } from './lib/n8n-http-request';
import { count, mb, ms, times, type Row } from './lib/table';
import type { HttpRequestComparison } from './octopush-vs-http-request';
import type { VmsResult } from './octopush-vms';

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export interface Section {
	rows: Row[];
	notes: string[];
}

export async function octopushSection(
	sizes: number[],
	httpItems: number,
	log: (line: string) => void,
): Promise<Section> {
	const rows: Row[] = [];
	const notes: string[] = [];
	const results: VmsResult[] = [];
	for (const size of sizes) {
		log(`octopush: ${count(size)} recipients through the harness, then the bare fetch baseline`);
		results.push(await runChild<VmsResult>('octopush-vms.ts', [String(size)]));
	}
	const main = results.find((r) => r.recipients === 100_000) ?? results[results.length - 1];
	for (const r of results) {
		if (
			r.accepted.recipients !== r.recipients ||
			r.accepted.distinct !== r.recipients ||
			!r.bodiesIdentical
		) {
			throw new Error(
				`octopush ${r.recipients}: the sandbox accepted ${JSON.stringify(r.accepted)}, bodies identical: ${r.bodiesIdentical}`,
			);
		}
	}
	const label = (r: VmsResult) => `${count(r.recipients)} recipients → ${r.frames} frames`;

	const fetchMs = median(main.fetchMs);
	const ratio = main.nodeMs / fetchMs;
	rows.push({
		benchmark: `1 Octopush VMS ${label(main)}: wall time vs bare fetch`,
		measured: ms(main.nodeMs),
		baseline: `${ms(fetchMs)} (fetch, median of ${main.fetchMs.length})`,
		ratio: times(ratio),
		target: '≤ 1.10×',
		status: ratio <= 1.1 ? 'pass' : 'miss',
	});
	const clientMs = median(main.n8nClientMs);
	rows.push({
		benchmark: `1 … floor: n8n-core's own HTTP client posting the same ${main.frames} bodies`,
		measured: ms(clientMs),
		baseline: `${ms(fetchMs)} (fetch)`,
		ratio: times(clientMs / fetchMs),
		target: '—',
		status: 'info',
	});
	rows.push({
		benchmark:
			'1 … node vs that floor (reading + checking every contact, credentials per request, run data)',
		measured: ms(main.nodeMs),
		baseline: `${ms(clientMs)} (n8n-core client)`,
		ratio: times(main.nodeMs / clientMs),
		target: '—',
		status: 'info',
	});
	rows.push({
		benchmark: `1 … of which n8n-core getNodeParameter (${count(main.parameterCalls)} calls)`,
		measured: `${ms(main.parameterMs)} (${Math.round((main.parameterMs / main.nodeMs) * 100)} %)`,
		baseline: '—',
		ratio: '—',
		target: '—',
		status: 'info',
	});
	rows.push({
		benchmark: `1 Octopush VMS ${label(main)}: peak RSS growth`,
		measured: mb(main.rssGrowth),
		baseline: `RSS before ${mb(main.rssBefore)}; heap kept after GC +${mb(main.heapRetained)}`,
		ratio: '—',
		target: '≤ 150 MB',
		status: main.rssGrowth <= 150 * 1024 * 1024 ? 'pass' : 'miss',
	});
	if (ratio > 1.1) {
		notes.push(
			`Octopush wall time target missed by ${times(ratio / 1.1)} (${times(ratio)} vs ≤ 1.10×). Not in the HTTP client: n8n-core's own client posting the very same ${main.frames} bodies (no expressions, no credentials) takes ${times(clientMs / fetchMs)} the fetch time, although it opens a new TCP connection per request (the sandbox counted ${main.connections.node} connections for the node's ${main.frames} frames, ${main.connections.fetch} for fetch's, which keeps its connection alive). The node's ${ms(main.nodeMs - clientMs)} over that floor is work the bare client never does. Measured once with temporary timers in the built node (not part of this script): about 270 ms building the campaign (reading, normalizing and checking ${count(main.recipients)} contacts, request ids, bodies), about 450 ms in n8n's request helper beyond the client (\`httpRequestWithAuthentication\` loads the credential and applies it for every request; its two header expressions are a small part: a function \`authenticate\` instead measured about 80 ms less, within noise, and was not kept), and the rest in the engine (it copies all ${count(main.recipients)} input items to add paired-item lineage before the node runs) and garbage collection. n8n-core getNodeParameter is ${ms(main.parameterMs)} of it: in "One Campaign for All Input Items" mode plain \`{{ $json.field }}\` mappings are read straight from the items (nodes/shared/direct-field.ts); before that change this row read 32.4 s (21.6×), 85 % of it in getNodeParameter.`,
		);
	}
	if (main.rssGrowth > 150 * 1024 * 1024) {
		notes.push(
			`Octopush peak RSS target missed by ${mb(main.rssGrowth - 150 * 1024 * 1024)} (${mb(main.rssGrowth)} vs ≤ 150 MB) for ${count(main.recipients)} recipients: after a full GC the finished run keeps only +${mb(main.heapRetained)} of JS heap, so most of the peak is short-lived garbage (V8 grows the heap before it collects); it grows with the item count (see the growth rows).`,
		);
	}
	const smallest = results[0];
	const perRecipient = (r: VmsResult) => r.nodeMs / r.recipients;
	for (const r of results) {
		rows.push({
			benchmark: `1 growth: ${label(r)}`,
			measured: `${ms(r.nodeMs)}, ${(perRecipient(r) * 1000) | 0} µs/recipient, RSS +${mb(r.rssGrowth)}`,
			baseline: `fetch ${ms(median(r.fetchMs))}`,
			ratio: `${times(perRecipient(r) / perRecipient(smallest))} per recipient vs ${count(smallest.recipients)}`,
			target: 'linear (≤ 1.5× per recipient)',
			status:
				r === smallest ? 'info' : perRecipient(r) / perRecipient(smallest) <= 1.5 ? 'pass' : 'miss',
		});
	}
	if (!sizes.includes(1_000_000)) {
		notes.push(
			`1M recipients not measured: at the measured ${Math.round(perRecipient(main) * 1000)} µs per recipient a 1,000,000-item run would take about ${Math.round((perRecipient(main) * 1e6) / 60000)} min of node time on this machine; the largest size run is ${count(sizes[sizes.length - 1])} (set BENCH_SIZES=10000,100000,1000000 to run it).`,
		);
	}

	const nodesBase = findNodesBase();
	if ('missing' in nodesBase) {
		rows.push({
			benchmark: '1 vs n8n HTTP Request node (per item, batching)',
			measured: '—',
			baseline: '—',
			ratio: '—',
			target: '≥ 5× faster',
			status: 'not measured',
		});
		notes.push(`HTTP Request comparison not measured: ${nodesBase.missing}.`);
	} else {
		log(
			`octopush: ${count(httpItems)} items, our node vs n8n's HTTP Request node (${nodesBase.nodesBaseVersion})`,
		);
		const c = await runChild<HttpRequestComparison>('octopush-vs-http-request.ts', [
			String(httpItems),
		]);
		if (c.perItemAccepted !== httpItems || c.chunkedAccepted !== httpItems)
			throw new Error(`HTTP Request comparison lost recipients: ${JSON.stringify(c)}`);
		const speedup = c.perItemMs / c.nodeMs;
		rows.push({
			benchmark: `1 vs n8n HTTP Request node, ${count(httpItems)} items, one POST per item (batching 500 / 1 ms)`,
			measured: `node ${ms(c.nodeMs)}`,
			baseline: `HTTP Request ${ms(c.perItemMs)} (${count(c.perItemRequests)} requests)`,
			ratio: `${times(speedup)} faster`,
			target: '≥ 5× faster',
			status: speedup >= 5 ? 'pass' : 'miss',
		});
		rows.push({
			benchmark: `1 vs n8n HTTP Request node, ${count(httpItems)} items pre-grouped 500 per item (grouping free)`,
			measured: `node ${ms(c.nodeMs)}`,
			baseline: `HTTP Request ${ms(c.chunkedMs)} (${count(c.chunkedRequests)} requests)`,
			ratio:
				c.chunkedMs >= c.nodeMs
					? `${times(c.chunkedMs / c.nodeMs)} faster`
					: `${times(c.nodeMs / c.chunkedMs)} slower`,
			target: '—',
			status: 'info',
		});
		if (speedup < 5) {
			notes.push(
				`HTTP Request comparison target (≥ 5× faster) missed: ${times(speedup)}. The HTTP Request node resolves about a dozen parameters and sends one request per item; ours reads plain mappings straight from the items and sends one request per 500.`,
			);
		}
		const list = (values: number[]) => values.map((v) => ms(v)).join(', ');
		notes.push(
			`HTTP Request node: ${c.nodesBase}, loaded from the cached real n8n install into the harness's engine (bench/lib/n8n-http-request.ts). Best of ${c.all.nodeMs.length} alternating runs each — our node: ${list(c.all.nodeMs)}; HTTP Request one POST per item: ${list(c.all.perItemMs)}; pre-grouped: ${list(c.all.chunkedMs)}. The per-item workflow creates ${count(httpItems)} one-recipient campaigns where ours creates ${Math.ceil(httpItems / 500)} of 500; the pre-grouped one needs the grouping done elsewhere (a Code node, which the harness cannot run) and is as fast as its 20 requests because the engine resolves its expressions 20 times instead of ${count(httpItems * 2)}.`,
		);
	}
	return { rows, notes };
}
