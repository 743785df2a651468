import type { IDataObject, IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { ROUTEE_DEFAULT_BASE_URL } from '../../../credentials/RouteeOAuth2Api.credentials';
import { asNodeError } from '../../shared/action/execute';
import {
	baseUrlOf,
	credentialsOf,
	type FailedAnswer,
	type Provider,
	type ProviderExplanation,
	requestTo,
} from '../../shared/http';
import { MAX_PAGE_SIZE } from './contract';

export const ROUTEE_CREDENTIAL = 'routeeOAuth2Api';

/** Plain-English hints for Routee's documented error codes (HTTP status + module + error). */
const ERROR_HINTS: Record<string, string> = {
	// Validation Error (https://docs.routee.net/docs/generic-errors): `properties` names each field
	'400000000':
		'Routee refused the value of a field (Validation Error): correct the field it names and run the node again.',
	'400001009':
		'Your Routee balance is too low for this send. Top up the account and run the node again.',
	'400005000':
		'Routee rejected the sender or the recipients: an invalid sender ID, no recipients, or at least one number that is not a valid mobile number (one invalid number blocks the whole send unless "Allow Invalid" is on).',
	'409009003':
		'A campaign with this name already exists in your Routee account. Campaign names must be unique.',
	'400009004':
		'The campaign has no recipients: the groups may be empty or every contact blacklisted.',
	'404002001':
		'A contact ID does not exist in your Routee account: pick the contact from the list, or read its ID with Contact → Get Many.',
	// contacts API (https://docs.routee.net/reference/update-a-contacts-details, /create-a-new-group, /create-labels):
	// 409002005 means both a mobile and a group name that exist; Routee's message says which
	'409002005':
		"It already exists in your Routee account (a contact with this mobile, or a group with this name: Routee's message says which). For a contact, use Contact → Create or Update (it updates the contact that has the mobile) or Contact → Update; for a group, pick the existing one.",
	'404002003':
		'No group with this name exists in your Routee account: pick it from the list, or create it with Group → Create.',
	'404002012':
		'A label of the contact is not defined in your Routee account: create it with Contact Label → Create, or correct its name.',
	'400002006': "A label's value does not fit the label: a Number label takes digits only.",
	'409002011': 'A label with this name already exists in your Routee account.',
	'400002014': 'The same label name is given more than once.',
	'400002007':
		"Routee refused the filters: check each filter's field name (a contact field such as firstName, or a label name) and operator.",
	'404009001': 'No campaign with this tracking ID exists in your Routee account.',
	'400009002': 'The campaign is not in state Scheduled, so it can no longer be changed or deleted.',
	'404005000': 'No tracking information exists for this ID.',
};

const STATUS_HINTS: Record<number, string> = {
	401: 'Routee refused the access token even after fetching a new one. Check the Application ID and Application Secret of the Routee credential.',
	403: 'Routee refused the call even with a new access token: the application may lack the permission for this service (check it in the Routee platform → Applications).',
	404: 'Routee found nothing under this ID or path.',
	429: 'Routee limits this call (voice conversations: 1 per second). Nothing was sent; try again in a moment.',
};

/**
 * n8n fetches a new token (the credential's preAuthentication) and resends the request once when
 * Routee answers one of these; Routee documents both for an expired or invalid token.
 */
const TOKEN_RENEWAL_STATUSES = [401, 403];

interface RouteeErrorBody {
	code?: string;
	developerMessage?: string;
	errors?: Array<{ code?: string; developerMessage?: string; property?: string }>;
	/**
	 * A Validation Error's detail: "An object having the name of the property as the key (which contains an invalid
	 * value) and the error message as the value" (https://docs.routee.net/docs/generic-errors).
	 */
	properties?: Record<string, unknown>;
}

/** `properties` of a Validation Error as "name: message" entries (texts only; anything else is shown as JSON). */
function fieldErrorsOf(properties: unknown): string[] {
	if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) return [];
	return Object.entries(properties as Record<string, unknown>).map(
		([name, message]) =>
			`${name}: ${typeof message === 'string' ? message : JSON.stringify(message)}`,
	);
}

/** Identifies the Routee account (application) of the node's credential, e.g. to pace its calls. */
export async function accountKey(context: IExecuteFunctions): Promise<string> {
	const credentials = await credentialsOf(context, ROUTEE_CREDENTIAL);
	return `${baseUrlOf(credentials, ROUTEE_DEFAULT_BASE_URL)}|${String(credentials.applicationId ?? '')}`;
}

/** Routee's answer to a failed call: its code and message, the hint, and the numbers it found invalid. */
function explainRouteeAnswer({ status, body }: FailedAnswer): ProviderExplanation {
	const answer = body as RouteeErrorBody | undefined;
	const code = answer?.code ?? answer?.errors?.[0]?.code;
	const providerMessage = answer?.developerMessage ?? answer?.errors?.[0]?.developerMessage;
	const invalidNumbers = answer?.errors?.map((e) => e.property).filter(Boolean);
	const fieldErrors = fieldErrorsOf(answer?.properties);
	const hint =
		(code ? ERROR_HINTS[code] : undefined) ?? (status ? STATUS_HINTS[status] : undefined);
	// the provider's message is the title; the description adds only what the title does not say
	const details = [
		fieldErrors.length ? `Routee's reasons: ${fieldErrors.join('; ')}.` : undefined,
		invalidNumbers?.length ? `Invalid: ${invalidNumbers.join(', ')}.` : undefined,
		hint,
	]
		.filter(Boolean)
		.join(' ');
	return {
		message: code
			? `Routee refused the request (code ${code}): ${providerMessage ?? 'no reason given'}`
			: status
				? `Routee answered HTTP ${status}${providerMessage ? `: ${providerMessage}` : ''}`
				: undefined,
		description: details || undefined,
		context: code ? { routeeCode: code } : undefined,
	};
}

/**
 * Every entry of a paged list (Spring pages: `content`, `last`, `totalPages`), or the first `limit` of them, read
 * with the largest page size that is needed (`maxPageSize`: the endpoint's, 2000 for tracking and contacts).
 */
export async function routeeGetPaged(
	context: IExecuteFunctions,
	path: string,
	itemIndex: number,
	limit?: number,
	maxPageSize = MAX_PAGE_SIZE,
): Promise<IDataObject[]> {
	const size = limit === undefined ? maxPageSize : Math.min(limit, maxPageSize);
	const entries: IDataObject[] = [];
	for (let page = 0; ; page++) {
		const response = await routeeRequest(context, 'GET', path, itemIndex, undefined, {
			page,
			size,
		});
		const content = Array.isArray(response.content) ? (response.content as IDataObject[]) : [];
		entries.push(...content);
		if (limit !== undefined && entries.length >= limit) return entries.slice(0, limit);
		const totalPages = typeof response.totalPages === 'number' ? response.totalPages : undefined;
		if (
			response.last === true ||
			content.length === 0 ||
			(totalPages !== undefined && page + 1 >= totalPages)
		) {
			return entries;
		}
	}
}

const ROUTEE: Provider = {
	credential: ROUTEE_CREDENTIAL,
	defaultBaseUrl: ROUTEE_DEFAULT_BASE_URL,
	credentialOptions: { preAuthenticationRetryStatusCode: TOKEN_RENEWAL_STATUSES },
	explain: explainRouteeAnswer,
};

/** Every call to Routee goes through here: authentication, base URL and error mapping. */
export const routeeRequest = requestTo(ROUTEE);

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
