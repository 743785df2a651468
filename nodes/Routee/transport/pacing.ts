import { sleep } from 'n8n-workflow';

interface Lane {
	/** When the lane's previous call was answered (or failed). */
	lastAnswerMs: number;
	/** Settles when the lane's latest call has been answered. */
	turn: Promise<void>;
}

const lanes = new Map<string, Lane>();

/**
 * Runs `call` in its lane, one call at a time in arrival order (also across executions running in this
 * process), and starts it at least `intervalMs` after the previous call of the lane was ANSWERED.
 *
 * Counting from the answer, not from the start, is what guarantees the spacing where it matters, at the
 * provider: a request reaches the provider before its answer comes back, and the next one leaves after
 * that answer plus the interval. However long a request took to arrive (a cold first connection, a token
 * fetched first, a loaded machine, a slow network), the next can never arrive closer than `intervalMs`.
 * The cost is one round trip per call on top of the interval.
 */
export async function inTurn<T>(
	lane: string,
	intervalMs: number,
	call: () => Promise<T>,
): Promise<T> {
	let state = lanes.get(lane);
	if (state === undefined) {
		state = { lastAnswerMs: Number.NEGATIVE_INFINITY, turn: Promise.resolve() };
		lanes.set(lane, state);
	}
	const previous = state.turn;
	let release = () => {};
	state.turn = new Promise<void>((resolve) => {
		release = resolve;
	});
	try {
		await previous;
		// a timer may fire a little early, so check again until the interval has really passed
		for (
			let wait = state.lastAnswerMs + intervalMs - Date.now();
			wait > 0;
			wait = state.lastAnswerMs + intervalMs - Date.now()
		) {
			await sleep(wait);
		}
		return await call();
	} finally {
		state.lastAnswerMs = Date.now();
		release();
	}
}
