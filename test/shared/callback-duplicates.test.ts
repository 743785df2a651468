import { DuplicateWindow } from '../../nodes/shared/trigger/callback-duplicates';

describe('DuplicateWindow', () => {
	it('reports a key seen again within the window, and not after it', () => {
		const window = new DuplicateWindow(1000, 100);
		expect(window.seen('a', 0)).toBe(false);
		expect(window.seen('a', 999)).toBe(true);
		expect(window.seen('b', 999)).toBe(false);
		expect(window.seen('b', 2000)).toBe(false);
		expect(window.seen('a', 2500)).toBe(false);
	});

	it('counts the window from the last time a key was seen', () => {
		const window = new DuplicateWindow(1000, 100);
		const times = [0, 900, 1800, 2700, 3600];
		expect(times.map((now) => window.seen('retry', now))).toEqual([false, true, true, true, true]);
		expect(window.seen('retry', 4600)).toBe(false);
	});

	it('forgets expired keys, so memory follows the traffic', () => {
		const window = new DuplicateWindow(1000, 1_000_000);
		for (let index = 0; index < 500; index++) window.seen(`key-${index}`, index);
		expect(window.size).toBe(500);
		window.seen('late', 10_000);
		expect(window.size).toBe(1);
	});

	it('keeps at most maxEntries keys, dropping the least recently seen', () => {
		const window = new DuplicateWindow(60_000, 3);
		for (const key of ['a', 'b', 'c']) window.seen(key, 0);
		expect(window.seen('a', 1)).toBe(true);
		expect(window.seen('d', 2)).toBe(false);
		expect(window.size).toBe(3);
		expect(window.seen('b', 3)).toBe(false);
		expect(window.seen('a', 4)).toBe(true);
		expect(window.seen('d', 5)).toBe(true);
	});

	it('stays fast and bounded with 200,000 distinct keys', () => {
		const window = new DuplicateWindow(60_000, 10_000);
		const started = Date.now();
		for (let index = 0; index < 200_000; index++) window.seen(`message-${index}`, index);
		expect(window.size).toBe(10_000);
		expect(window.seen('message-199999', 200_000)).toBe(true);
		expect(window.seen('message-0', 200_000)).toBe(false);
		expect(Date.now() - started).toBeLessThan(2000);
	});

	it('does not grow when one key is repeated many times within the window', () => {
		const window = new DuplicateWindow(60_000, 10);
		const repeats = Array.from({ length: 100_000 }, (_, index) => window.seen('same', index));
		expect(repeats.filter(Boolean)).toHaveLength(99_999);
		expect(window.size).toBe(1);
		// the queue of sightings is private; reading it here is the only way to show it stays bounded
		expect((window as unknown as { queue: unknown[] }).queue.length).toBeLessThan(2000);
	});

	it.each([
		[0, 10],
		[-1, 10],
		[Number.NaN, 10],
		[1000, 0],
		[1000, 1.5],
	])('rejects windowMs %p with maxEntries %p', (windowMs, maxEntries) => {
		expect(() => new DuplicateWindow(windowMs, maxEntries)).toThrow('duplicate window');
	});
});
