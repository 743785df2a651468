// Peak resident set size while something runs, sampled from a worker thread so that samples are
// taken even while the main thread is busy with synchronous work (validating 100,000 items).

import { Worker } from 'node:worker_threads';

const SAMPLER = `
const { parentPort } = require('node:worker_threads');
let peak = process.memoryUsage.rss();
const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 5);
parentPort.on('message', () => { clearInterval(timer); parentPort.postMessage(Math.max(peak, process.memoryUsage.rss())); });
`;

export interface RssGrowth<T> {
	result: T;
	/** RSS before `work` started (after a full GC), bytes. */
	before: number;
	/** Highest RSS sampled while `work` ran, bytes. */
	peak: number;
	growth: number;
	/** JS heap still used after `work`, after a full GC, over the heap before it (what the run keeps), bytes. */
	heapRetained: number;
}

/** Runs `work` and reports the peak RSS growth over the RSS it started from. */
export async function measureRss<T>(work: () => Promise<T>): Promise<RssGrowth<T>> {
	const gc = (globalThis as { gc?: () => void }).gc;
	gc?.();
	const sampler = new Worker(SAMPLER, { eval: true });
	await new Promise((resolve) => sampler.once('online', resolve));
	const heapBefore = process.memoryUsage().heapUsed;
	const before = process.memoryUsage.rss();
	const result = await work();
	const peak = await new Promise<number>((resolve) => {
		sampler.once('message', resolve);
		sampler.postMessage('stop');
	});
	await sampler.terminate();
	gc?.();
	const heapRetained = process.memoryUsage().heapUsed - heapBefore;
	return { result, before, peak, growth: Math.max(0, peak - before), heapRetained };
}
