// Benchmark 1 in the results table: Octopush VMS campaigns of 10k / 100k / 300k recipients, and the
// HTTP Request node comparison. Each measurement runs in a fresh process (./lib/child.ts).

import { runChild } from './lib/child';
import { findNodesBase } from './lib/n8n-http-request';
import { count, mb, ms, times, type Row } from './lib/table';
import type { HttpRequestComparison } from './octopush-vs-http-request';
import type { VmsResult } from './octopush-vms';

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The issue's target for the 100,000-recipient campaign: node wall time ≤ 1.3× the bare-fetch floor. */
const TARGET_RATIO = 1.3;
const NODE = 'the node';
const N8N = 'n8n';
const REST = 'n8n client in the run vs alone';

interface OverheadPart {
	what: string;
	whose: typeof NODE | typeof N8N | typeof REST;
	ms: number;
}

/** The node's wall time over the fetch floor, split by ./lib/octopush-phases.ts's marks. */
function overheadParts(r: VmsResult, fetchMs: number, clientMs: number): OverheadPart[] {
	const p = r.phases;
	return [
		{ what: 'engine before the node (paired-item lineage)', whose: N8N, ms: p.engineBeforeNodeMs },
		{ what: 'planning every frame', whose: NODE, ms: p.planMs },
		{ what: 'around each request', whose: NODE, ms: p.sendMs - p.requestHelperMs },
		{
			what: 'httpRequestWithAuthentication beyond its client',
			whose: N8N,
			ms: p.requestHelperMs - p.clientMs,
		},
		{ what: 'n8n-core client vs fetch', whose: N8N, ms: clientMs - fetchMs },
		{ what: 'the same client slower inside the run', whose: REST, ms: p.clientMs - clientMs },
		{ what: 'output items', whose: NODE, ms: p.outputMs },
		{ what: 'engine after the node', whose: N8N, ms: p.engineAfterNodeMs },
	];
}

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
		target: `≤ ${TARGET_RATIO.toFixed(2)}×`,
		status: ratio <= TARGET_RATIO ? 'pass' : 'miss',
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
	const parts = overheadParts(main, fetchMs, clientMs);
	for (const part of parts) {
		rows.push({
			benchmark: `1 … ${part.what} (${part.whose})`,
			measured: ms(part.ms),
			baseline: '—',
			ratio: `${Math.round((part.ms / (main.nodeMs - fetchMs)) * 100)} % of the time over fetch`,
			target: '—',
			status: 'info',
		});
	}
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
	const sum = (whose: string) =>
		parts.filter((part) => part.whose === whose).reduce((total, part) => total + part.ms, 0);
	const nodeOwn = sum(NODE);
	const n8nOwn = sum(N8N);
	// what the run would take if the node's own work cost nothing: the part of the ratio no node can remove
	const withoutNodeRatio = (main.nodeMs - nodeOwn) / fetchMs;
	rows.push({
		benchmark: '1 … the same run without the node’s own share (n8n’s engine and client only)',
		measured: ms(main.nodeMs - nodeOwn),
		baseline: `${ms(fetchMs)} (fetch)`,
		ratio: times(withoutNodeRatio),
		target: '—',
		status: 'info',
	});
	notes.push(
		[
			`Octopush wall time ${ratio <= TARGET_RATIO ? 'within' : 'over'} the target: ${times(ratio)} the bare fetch floor (target ≤ ${TARGET_RATIO.toFixed(2)}×, i.e. ≤ ${ms(fetchMs * TARGET_RATIO)} here).`,
			`Where the ${ms(main.nodeMs - fetchMs)} over fetch go, measured in the same run by clock marks around the node's execute, its planning and its requests (bench/lib/octopush-phases.ts): ${parts.map((part) => `${part.what} ${ms(part.ms)}`).join('; ')}.`,
			`The node's own share is ${ms(nodeOwn)}: reading, normalizing and checking all ${count(main.recipients)} contacts, the request IDs and ${main.frames} bodies before the first request (validate-all-then-send), and the few calls around each request. n8n's share is ${ms(n8nOwn)}: the engine copies every input item to add its paired-item lineage before any node runs, n8n-core's HTTP client was ${ms(Math.abs(clientMs - fetchMs))} ${clientMs >= fetchMs ? 'slower' : 'faster'} than fetch in this run (it opens a new TCP connection per request: the sandbox counted ${main.connections.node} new connections for the node's ${main.frames} frames, ${main.connections.fetch} for fetch's, which keeps its connection alive), and httpRequestWithAuthentication's own work around the client.`,
			`The rest, ${ms(sum(REST))}, is n8n-core's client taking ${sum(REST) >= 0 ? 'longer' : 'less time'} inside the run than alone right after it (${ms(main.phases.clientMs)} vs ${ms(clientMs)}, the same ${main.frames} bodies, one request at a time). No node code runs while a request is under way (its work around each request is the row above), and holding the input items alone did not make the client slower in a separate check (the same bodies posted while 300,000 more objects were live: no consistent difference). It is the most variable part on this shared 2-core machine: from about −80 ms to +1,100 ms across the runs of 2026-11-30. A \`--trace-gc\` run (2026-11-30) points at garbage collection: while the execution holds the 100,000 items, young-generation collections take 10–39 ms each (about 150 ms during the node's run), against 7–33 ms while the baselines run.`,
			`So the run without the node's own share reads ${times(withoutNodeRatio)} fetch: ${withoutNodeRatio > TARGET_RATIO ? `the ≤ ${TARGET_RATIO.toFixed(2)}× target is out of reach of any node run by n8n's engine with n8n's HTTP client in this run; the node adds ${times(main.nodeMs / (main.nodeMs - nodeOwn))} to that` : `the node's own share decides whether the target is met`}.`,
			`Before the change of 2026-11-30 (measured with the same marks and warm-up, two runs each, on this machine under load): planning 543–946 ms, now 266–268 ms (contacts built straight from the item readers, no per-contact wrapper objects, E.164 numbers not re-normalized); httpRequestWithAuthentication beyond its client 236–322 ms, now 13–16 ms (the credential's declarative \`authenticate\` made n8n resolve its two header expressions for every request; it is now a function that sets the same headers). That morning's quiet-machine run, with a 4-frame warm-up, read 2159 ms (1.78×). n8n-core getNodeParameter is ${ms(main.parameterMs)} of the run: in "One Campaign for All Input Items" mode plain \`{{ $json.field }}\` mappings are read straight from the items (nodes/shared/action/item-values.ts); before that change this row read 32.4 s (21.6×), 85 % of it in getNodeParameter.`,
		].join(' '),
	);
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
