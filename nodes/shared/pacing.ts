import { sleep } from 'n8n-workflow';

interface Lane {
	lastStartMs: number;
	turn: Promise<void>;
}

const lanes = new Map<string, Lane>();

/**
 * Waits until at least `intervalMs` have passed since the previous call in the same lane started, then
 * marks this start. Calls take turns in arrival order, also across executions running in this process.
 */
export async function waitForTurn(lane: string, intervalMs: number): Promise<void> {
	let current = lanes.get(lane);
	if (current === undefined) {
		current = { lastStartMs: Number.NEGATIVE_INFINITY, turn: Promise.resolve() };
		lanes.set(lane, current);
	}
	const state = current;
	const mine = state.turn.then(async () => {
		// a timer may fire a little early, so check again until the interval has really passed
		for (let wait = state.lastStartMs + intervalMs - Date.now(); wait > 0; wait = state.lastStartMs + intervalMs - Date.now()) {
			await sleep(wait);
		}
		state.lastStartMs = Date.now();
	});
	state.turn = mine;
	await mine;
}

/**
 * Counts the lane's interval from now instead of from the last start, for a call that arrived later than
 * it started (e.g. it first waited for a new access token).
 */
export function restartInterval(lane: string): void {
	const current = lanes.get(lane);
	if (current !== undefined) current.lastStartMs = Date.now();
}
