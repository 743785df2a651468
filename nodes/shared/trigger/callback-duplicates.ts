import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { canonicalJson } from './event-id';

/** Callbacks remembered per trigger node, and trigger nodes remembered per n8n process. */
const MAX_CALLBACKS_PER_TRIGGER = 20_000;
const MAX_TRIGGERS = 500;

/*
 * Kept in module memory, keyed by workflow id + node id. n8n offers a community node nothing shared by its
 * processes that could hold it soundly: the node's context has no cache or lock service, and the workflow's
 * static data (n8n 2.40.7, live-webhooks.js) is read from the database at each webhook call and written back
 * whole, without a lock, after it: two repeats arriving together (at one process or at two webhook processes in
 * queue mode) both read "not seen", and the later write erases what the earlier one added. The cost: the memory is
 * per n8n process, so a repeat that arrives after a restart, or at another webhook process in queue mode, still
 * starts an execution (at least once, never lost); every event carries an `eventId` (see event-id.ts) so a
 * follow-up can drop it.
 *
 * A callback counts as received only once n8n has recorded its execution (it answered the provider 2xx, see
 * callback-webhook.ts). Until then it is pending: a repeat arriving meanwhile waits for the first one's outcome,
 * and starts its own execution if n8n did not record the first (a failed database write, a crash, a provider
 * that gave up waiting), so a retry of a callback n8n lost is never dropped as a repeat.
 */
interface TriggerMemory {
	windowMs: number;
	recorded: DuplicateWindow;
	/** Callbacks whose execution n8n has not answered for yet: resolves true once it recorded it. */
	pending: Map<string, Promise<boolean>>;
}

const memories = new Map<string, TriggerMemory>();

/** A key that is equal for byte-for-byte repeats of a callback: the payload with its keys sorted. */
export function callbackKey(payload: IDataObject): string {
	return createHash('sha256').update(canonicalJson(payload)).digest('base64');
}

/**
 * A repeat of a callback this trigger already had recorded, or the first to claim it, which must `settle` the claim
 * with whether n8n recorded its execution.
 */
export type CallbackClaim = { repeat: true } | { repeat: false; settle(recorded: boolean): void };

const UNREMEMBERED: CallbackClaim = { repeat: false, settle: () => undefined };

function memoryOf(trigger: string, windowMs: number): TriggerMemory {
	let memory = memories.get(trigger);
	if (memory === undefined || memory.windowMs !== windowMs) {
		memory = {
			windowMs,
			recorded: new DuplicateWindow(windowMs, MAX_CALLBACKS_PER_TRIGGER),
			pending: new Map(),
		};
	}
	// re-inserting keeps the Map in least-recently-used order, so the oldest trigger goes first
	memories.delete(trigger);
	memories.set(trigger, memory);
	if (memories.size > MAX_TRIGGERS) memories.delete(memories.keys().next().value as string);
	return memory;
}

/**
 * Whether this trigger node already had `key` recorded within `windowMs` (a repeat: it counts as received again
 * now), else a claim on it. A repeat of a pending callback waits for that callback's outcome first.
 */
export async function claimCallback(
	trigger: string,
	key: string,
	windowMs: number,
	now: () => number = Date.now,
): Promise<CallbackClaim> {
	if (!(windowMs > 0)) return UNREMEMBERED;
	for (;;) {
		const memory = memoryOf(trigger, windowMs);
		if (memory.recorded.has(key, now())) {
			memory.recorded.seen(key, now());
			return { repeat: true };
		}
		const pending = memory.pending.get(key);
		if (pending === undefined) {
			let resolve: (recorded: boolean) => void = () => undefined;
			memory.pending.set(key, new Promise<boolean>((done) => (resolve = done)));
			let settled = false;
			return {
				repeat: false,
				settle(recorded) {
					if (settled) return;
					settled = true;
					memory.pending.delete(key);
					if (recorded) memory.recorded.seen(key, now());
					resolve(recorded);
				},
			};
		}
		// the first one's outcome decides: recorded, this is a repeat; not recorded, this one claims it
		await pending;
	}
}

interface Sighting {
	readonly key: string;
	readonly at: number;
}

const COMPACT_AFTER = 1024;

/**
 * Remembers keys for `windowMs` after they were last seen, at most `maxEntries` of them (the least recently
 * seen go first). Sightings queue up in time order, so expiry and eviction only look at the head of the queue;
 * a sighting superseded by a later one of the same key is skipped there and compacted away in bulk.
 * (Deleting from the head of a Map instead leaves holes that every later iteration walks over.)
 */
export class DuplicateWindow {
	private readonly latest = new Map<string, Sighting>();
	private queue: Sighting[] = [];
	private head = 0;

	constructor(
		private readonly windowMs: number,
		private readonly maxEntries: number,
	) {
		if (!(windowMs > 0))
			throw new Error(`duplicate window must be a positive duration, got ${windowMs}`);
		if (!Number.isInteger(maxEntries) || maxEntries < 1) {
			throw new Error(
				`duplicate window size must be a whole number of at least 1, got ${maxEntries}`,
			);
		}
	}

	/** True when `key` was seen less than `windowMs` before `nowMs`; either way it counts as seen now. */
	seen(key: string, nowMs: number): boolean {
		this.dropWhile((oldest) => nowMs - oldest.at >= this.windowMs);
		const previous = this.latest.get(key);
		const repeated = previous !== undefined && nowMs - previous.at < this.windowMs;
		const sighting = { key, at: nowMs };
		this.latest.set(key, sighting);
		this.queue.push(sighting);
		this.dropWhile(() => this.latest.size > this.maxEntries);
		this.compact();
		return repeated;
	}

	/** True when `key` was seen less than `windowMs` before `nowMs`; nothing is recorded. */
	has(key: string, nowMs: number): boolean {
		const previous = this.latest.get(key);
		return previous !== undefined && nowMs - previous.at < this.windowMs;
	}

	get size(): number {
		return this.latest.size;
	}

	private dropWhile(condition: (oldest: Sighting) => boolean): void {
		while (this.head < this.queue.length && condition(this.queue[this.head])) {
			const oldest = this.queue[this.head++];
			if (this.latest.get(oldest.key) === oldest) this.latest.delete(oldest.key);
		}
	}

	private compact(): void {
		const pending = this.queue.length - this.head;
		if (pending > 2 * this.latest.size + COMPACT_AFTER) {
			this.queue = this.queue
				.slice(this.head)
				.filter((sighting) => this.latest.get(sighting.key) === sighting);
			this.head = 0;
		} else if (this.head >= COMPACT_AFTER && this.head >= pending) {
			this.queue = this.queue.slice(this.head);
			this.head = 0;
		}
	}
}
