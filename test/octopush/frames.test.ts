import { frameRequestId, splitIntoFrames } from '../../nodes/Octopush/helpers/frames';

describe('splitIntoFrames', () => {
	const numbers = (count: number): number[] => Array.from({ length: count }, (_, index) => index);

	it.each([
		[0, 500, []],
		[1, 500, [1]],
		[500, 500, [500]],
		[501, 500, [500, 1]],
		[1000, 500, [500, 500]],
		[20_000, 500, Array(40).fill(500)],
		[1234, 200, [200, 200, 200, 200, 200, 200, 34]],
		[7, 3, [3, 3, 1]],
	])('%i items in frames of %i → sizes %j', (count, frameSize, sizes) => {
		const frames = splitIntoFrames(numbers(count), frameSize);
		expect(frames.map((frame) => frame.length)).toEqual(sizes);
		expect(frames.flat()).toEqual(numbers(count));
	});

	it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
		'rejects frame size %p',
		(frameSize) => {
			expect(() => splitIntoFrames([1, 2], frameSize)).toThrow(
				'frame size must be a whole number of at least 1',
			);
		},
	);
});

describe('frameRequestId', () => {
	it('is at most 20 characters of [a-zA-Z0-9_-], stable, and distinct for 10,000 frames', () => {
		const ids = Array.from({ length: 10_000 }, (_, index) =>
			frameRequestId('4711', 'node-uuid-1', index),
		);
		for (const id of ids) expect(id).toMatch(/^[a-zA-Z0-9_-]{1,20}$/);
		expect(new Set(ids).size).toBe(10_000);
		expect(
			Array.from({ length: 10_000 }, (_, index) => frameRequestId('4711', 'node-uuid-1', index)),
		).toEqual(ids);
	});

	it('is distinct across 10,000 executions', () => {
		const ids = Array.from({ length: 10_000 }, (_, execution) =>
			frameRequestId(String(execution), 'node', 0),
		);
		expect(new Set(ids).size).toBe(10_000);
	});

	it.each([
		[
			['1', 'a', 0],
			['1', 'a', 1],
		],
		[
			['1', 'a', 0],
			['2', 'a', 0],
		],
		[
			['1', 'a', 0],
			['1', 'b', 0],
		],
		[
			['1a', 'b', 0],
			['1', 'ab', 0],
		],
		[
			['', '', 0],
			['', '', 1],
		],
	] as Array<[[string, string, number], [string, string, number]]>)('%j and %j differ', (a, b) => {
		expect(frameRequestId(...a)).not.toBe(frameRequestId(...b));
	});

	it('keeps its shape for the largest frame index', () => {
		expect(frameRequestId('execution', 'node', 0)).toMatch(/^f[0-9a-z]{12}-0$/);
		expect(frameRequestId('execution', 'node', 999_999)).toMatch(/^f[0-9a-z]{12}-999999$/);
		expect(frameRequestId('execution', 'node', 999_999)).toHaveLength(20);
	});

	it('does not depend on anything but its inputs', () => {
		expect(frameRequestId('123', '8c0f6e5e-2d2a-4c55-9d2a-1c6b0e6f9a10', 3)).toBe(
			frameRequestId('123', '8c0f6e5e-2d2a-4c55-9d2a-1c6b0e6f9a10', 3),
		);
		expect(frameRequestId('123', 'node', 3).slice(0, 13)).toBe(
			frameRequestId('123', 'node', 4).slice(0, 13),
		);
	});

	it.each([-1, 1.5, 1_000_000, Number.NaN])('rejects frame index %p', (frameIndex) => {
		expect(() => frameRequestId('1', 'node', frameIndex)).toThrow(
			'frame index must be a whole number',
		);
	});
});
