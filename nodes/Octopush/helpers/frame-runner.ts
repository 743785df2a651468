/**
 * What became of one frame of a framed send.
 * - `sent`: accepted now.
 * - `already_accepted`: the provider refused it as a duplicate of an earlier, accepted request.
 * - `refused`: the provider answered that it did not accept it.
 * - `unknown`: no usable answer: it may or may not have been accepted.
 * - `not_sent`: never sent, because an earlier frame failed.
 */
export type FrameOutcome<R> =
	| { status: 'sent'; response: R }
	| { status: 'already_accepted'; error: Error }
	| { status: 'refused' | 'unknown'; error: Error }
	| { status: 'not_sent' };

type FailureKind = 'duplicate' | 'refused' | 'unknown';

/**
 * Sends frames in order, at most `concurrency` at a time. After a frame is refused or ends without a
 * usable answer no further frame is started (frames already under way finish), so the caller can
 * report exactly which frames were accepted. Never sends a frame twice.
 */
export async function runFrames<F, R>(
	frames: readonly F[],
	concurrency: number,
	send: (frame: F, index: number) => Promise<R>,
	classify: (error: unknown) => FailureKind,
): Promise<Array<FrameOutcome<R>>> {
	const outcomes: Array<FrameOutcome<R>> = frames.map(() => ({ status: 'not_sent' }));
	let next = 0;
	let stopped = false;

	const worker = async (): Promise<void> => {
		while (!stopped && next < frames.length) {
			const index = next++;
			try {
				outcomes[index] = { status: 'sent', response: await send(frames[index], index) };
			} catch (error) {
				const kind = classify(error);
				if (kind === 'duplicate') {
					outcomes[index] = { status: 'already_accepted', error: error as Error };
				} else {
					outcomes[index] = { status: kind, error: error as Error };
					stopped = true;
				}
			}
		}
	};

	const workers = Math.max(1, Math.min(Math.floor(concurrency), frames.length));
	await Promise.all(Array.from({ length: workers }, worker));
	return outcomes;
}
