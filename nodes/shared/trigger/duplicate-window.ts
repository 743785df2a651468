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
