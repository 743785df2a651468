import { runFrames } from '../../nodes/Octopush/helpers/frames';

const tick = async () => await new Promise((resolve) => setTimeout(resolve, 5));
const fail = (kind: string) => Object.assign(new Error(kind), { kind });
const classify = (error: unknown) => (error as { kind: 'duplicate' | 'refused' | 'unknown' }).kind;

describe('runFrames', () => {
	test('sends in order one at a time, stops after a refusal, never sends a frame twice', async () => {
		const sent: number[] = [];
		const outcomes = await runFrames(
			[0, 1, 2, 3],
			1,
			async (frame) => {
				sent.push(frame);
				await tick();
				if (frame === 1) throw fail('refused');
				return `ok${frame}`;
			},
			classify,
		);
		expect(sent).toEqual([0, 1]);
		expect(outcomes.map((o) => o.status)).toEqual(['sent', 'refused', 'not_sent', 'not_sent']);
	});

	test('a duplicate is "already accepted" and does not stop the others', async () => {
		const outcomes = await runFrames(
			[0, 1, 2],
			1,
			async (frame) => {
				if (frame === 0) throw fail('duplicate');
				return frame;
			},
			classify,
		);
		expect(outcomes.map((o) => o.status)).toEqual(['already_accepted', 'sent', 'sent']);
	});

	test('at most N in flight; after a failure frames under way finish and no new one starts', async () => {
		let inFlight = 0;
		let peak = 0;
		const started: number[] = [];
		const outcomes = await runFrames(
			[0, 1, 2, 3, 4, 5, 6],
			3,
			async (frame) => {
				started.push(frame);
				inFlight++;
				peak = Math.max(peak, inFlight);
				await tick();
				if (frame === 1) {
					inFlight--;
					throw fail('unknown');
				}
				await tick();
				inFlight--;
				return frame;
			},
			classify,
		);
		expect(peak).toBe(3);
		expect(started).toEqual([0, 1, 2]);
		expect(outcomes.map((o) => o.status)).toEqual([
			'sent',
			'unknown',
			'sent',
			'not_sent',
			'not_sent',
			'not_sent',
			'not_sent',
		]);
	});
});
