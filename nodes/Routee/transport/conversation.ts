import type { IDataObject, IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { asNodeError } from '../../shared/action/execute';
import { accountKey, routeeRequest } from './index';

// Routee voice conversations (Call and Wait, Start Conversation): starting one, paced to Routee's rate limit
// and re-sent after a refusal for the rate, and reading a call's tracking (with the keys the callee pressed).

/**
 * Routee: "NOTE: limit 1 request per second" (https://docs.routee.net/reference/perform-a-voice-conversation).
 * Counted from the previous request's answer (see `inTurn`), so arrivals from this n8n process are never closer.
 */
const CONVERSATION_INTERVAL_MS = 1000;

/**
 * How often a call refused for the rate is sent, and the waits before each re-send: 1, 2, 4 and 8 s after the
 * refusal (each stretched by up to a fifth at random, so two workers that collided do not collide again): at
 * most 18 s of waiting in all.
 *
 * Why re-send at all: the pace above holds per n8n process. In queue mode several workers start
 * conversations with the same account, each paced on its own, so together they can exceed Routee's limit
 * and one of them is refused.
 */
export const CONVERSATION_ATTEMPTS = 5;
const FIRST_BACKOFF_MS = 1000;
const BACKOFF_JITTER = 0.2;

/**
 * Only a refusal for the rate is re-sent: HTTP 429 Too Many Requests (RFC 6585 §4), an answer that says the
 * request was not processed. Routee documents the limit but no status for exceeding it (its status-codes page,
 * https://docs.routee.net/docs/status-codes, lists 200/400/401/404/409/500), so 429 is the one answer that
 * proves nothing was started. A timeout, a dropped connection or a 5xx may come after Routee started the
 * call: those are never re-sent.
 */
function isRateRefusal(error: unknown): boolean {
	return error instanceof NodeApiError && error.httpCode === '429';
}

function backoffMs(retry: number): number {
	return FIRST_BACKOFF_MS * 2 ** (retry - 1) * (1 + Math.random() * BACKOFF_JITTER);
}

/**
 * POST /voice/conversation, paced per Routee application (credential) in this process ("limit 1 reqest per second",
 * https://docs.routee.net/reference/perform-a-voice-conversation, says no more: whether Routee counts per application or
 * per account is not documented, and the node cannot tell which applications share an account), and re-sent after a
 * refusal for the rate (see `CONVERSATION_ATTEMPTS`). After the last refusal the error says nothing was started and what to change.
 */
export async function startConversationRequest(
	context: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
): Promise<IDataObject> {
	const lane = `routee-conversation|${await accountKey(context)}`;
	for (let attempt = 1; ; attempt++) {
		// a re-send waits its back-off counted from the refusal's answer, in the lane, so this process adds no
		// other conversation request to the account meanwhile
		const interval =
			attempt === 1
				? CONVERSATION_INTERVAL_MS
				: Math.max(CONVERSATION_INTERVAL_MS, backoffMs(attempt - 1));
		try {
			return await inTurn(
				lane,
				interval,
				async () => await routeeRequest(context, 'POST', '/voice/conversation', itemIndex, body),
			);
		} catch (error) {
			if (!isRateRefusal(error)) throw asNodeError(context, error as Error, itemIndex);
			if (attempt < CONVERSATION_ATTEMPTS) continue;
			const refusal = error as NodeApiError;
			refusal.message = `Routee refused the call ${CONVERSATION_ATTEMPTS} times for its rate limit (1 conversation request per second): nothing was started`;
			refusal.description = [
				'Other workflows, or other n8n workers in queue mode, are starting conversations with the same Routee account at the same time. ' +
					`Each refusal was re-sent after a growing wait (about 15 s in all), and every re-send was refused again.`,
				'Fix: start fewer conversations at once on this account (e.g. one workflow that starts them, or fewer workers running such workflows), then run the node again for this item.',
			].join(' ');
			throw refusal;
		}
	}
}

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

/**
 * The keys the callee pressed, from voice tracking's `collectedTones` ("The collected DTMF tones during the
 * call", https://docs.routee.net/reference/voicemessagetracking): '' when nothing was pressed, null when the
 * tracking has no tones. The voice campaign callback carries none (https://docs.routee.net/docs/voice-callbacks).
 */
function digitsOf(tracking: IDataObject): string | null {
	const tones = tracking.collectedTones;
	if (typeof tones === 'number' && Number.isFinite(tones)) return String(tones);
	return typeof tones === 'string' ? tones : null;
}

/** GET /voice/tracking/{messageId} (https://docs.routee.net/reference/voicemessagetracking), with its `digits`. */
export async function voiceTracking(
	context: IExecuteFunctions | IWebhookFunctions,
	messageId: string,
	itemIndex: number,
): Promise<IDataObject> {
	const tracking = await routeeRequest(context, 'GET', `/voice/tracking/${messageId}`, itemIndex);
	return { ...tracking, digits: digitsOf(tracking) };
}
