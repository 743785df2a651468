import type { IDataObject } from 'n8n-workflow';

import { OCTOPUSH_DEFAULT_BASE_URL } from '../../../credentials/OctopushApi.credentials';
import {
	type FailedAnswer,
	type Provider,
	type ProviderExplanation,
	requestTo,
} from '../../shared/http';
import { VOICE_LANGUAGES_URL, labelOf } from './contract';

const OCTOPUSH_CREDENTIAL = 'octopushApi';

/**
 * Hints for Octopush's error codes: the v1 code 442 (example answer on
 * https://octopush-api.readme.io/reference/post_public_apivoice_campaignsend) and the legacy numeric codes of
 * https://octopush.com/en/sms-gateway-api-documentation/return-codes/ (unverified in v1).
 */
const ERROR_HINTS: Record<number, string> = {
	442: `Octopush does not offer this voice language on your account. Choose one from the Voice Language list (the languages Octopush lists at ${VOICE_LANGUAGES_URL}).`,
	101: 'Octopush refused the API login / API key.',
	104: 'Your Octopush credit is too low for this send. Top up the account and run the node again.',
	// the legacy page's words for 106; the FR voice pages allow a space (see SENDER_RULE in contract.ts), so the node
	// sends one and this hint says what Octopush's own page asks for
	106: 'Octopush\'s return codes page says of 106: "You have entered the Sender incorrectly. 3 to 11 characters, chosen from 0 to 9, a to z, A to Z. No accent, space or punctuation." Remove any space or accent from Sender, or leave it empty for the default sender; a custom sender must also be allowed on your Octopush account.',
	107: 'The message text is missing.',
	117: 'None of the phone numbers is valid.',
	120: 'A request with the same Request ID was already sent in the last 24 hours, so Octopush refused it as a duplicate. Nothing was sent twice.',
	150: 'No country matches the prefix of a phone number.',
	151: 'Octopush does not serve the country of a phone number.',
};

const STATUS_HINTS: Record<number, string> = {
	401: 'Octopush refused the API login / API key. Check the Octopush credential.',
	403: 'Octopush forbids this call for your account (is the service, e.g. Voice SMS, enabled in Additional services?).',
};

/** Legacy code of "same request_id already sent" (unverified in v1, so a request_id error saying so counts too). */
const DUPLICATE_REQUEST_CODE = 120;

function isDuplicateRequest(body: OctopushErrorBody | undefined): boolean {
	if (body?.code === DUPLICATE_REQUEST_CODE) return true;
	return Object.entries(body?.errors ?? {}).some(
		([field, detail]) =>
			detail.code === DUPLICATE_REQUEST_CODE ||
			(field === 'request_id' && /duplicat|already/i.test(detail.message ?? '')),
	);
}

interface OctopushErrorBody {
	code?: number;
	message?: string;
	errors?: Record<string, { code?: number; message?: string }>;
}

/** Octopush's answer to a failed call: its field errors (named as the node's fields) or message, and the hint. */
function explainOctopushAnswer({ status, body }: FailedAnswer): ProviderExplanation {
	const answer = body as OctopushErrorBody | undefined;
	const fieldErrors = Object.entries(answer?.errors ?? {}).map(
		([field, detail]) =>
			`${labelOf(field) ? `${labelOf(field)} (${field})` : field}: ${detail.message ?? ERROR_HINTS[detail.code ?? -1] ?? 'invalid'}${detail.code ? ` (code ${detail.code})` : ''}`,
	);
	const codes = [answer?.code, ...Object.values(answer?.errors ?? {}).map((d) => d.code)];
	// a refused login is about the credential whatever code comes with it
	const statusHint = status ? STATUS_HINTS[status] : undefined;
	const codeHint = codes.map((c) => (c ? ERROR_HINTS[c] : undefined)).find(Boolean);
	const hint = status === 401 || status === 403 ? statusHint : (codeHint ?? statusHint);
	const reason = fieldErrors.length ? fieldErrors.join('; ') : answer?.message;
	return {
		message: fieldErrors.length
			? `Octopush refused the request: ${reason}`
			: answer?.message
				? `Octopush answered${status ? ` HTTP ${status}` : ''}: ${answer.message}`
				: undefined,
		description: hint,
		reason,
		kind: isDuplicateRequest(answer) ? 'duplicate' : undefined,
	};
}

const OCTOPUSH: Provider = {
	credential: OCTOPUSH_CREDENTIAL,
	defaultBaseUrl: OCTOPUSH_DEFAULT_BASE_URL,
	explain: explainOctopushAnswer,
};

/** Every call to Octopush goes through here: authentication headers, base URL and error mapping. */
export const octopushRequest = requestTo(OCTOPUSH);

/**
 * Octopush's answers read the same whatever the account's API generation names them (facts the sources
 * disagree on; each lives here and nowhere else).
 */

/** The ticket of a send: `ticket_number` in v1; older accounts answer `vocal_ticket` (voice) or `sms_ticket` (SMS). */
export function ticketOf(response: IDataObject): string | undefined {
	const ticket = response.ticket_number ?? response.vocal_ticket ?? response.sms_ticket;
	return typeof ticket === 'string' && ticket !== '' ? ticket : undefined;
}

/** A response with the ticket always under `ticket_number`, whichever name Octopush used. */
export function withTicketNumber(response: IDataObject): IDataObject {
	const ticket = ticketOf(response);
	return ticket === undefined ? response : { ...response, ticket_number: ticket };
}

export const LIST_STATUS = {
	computing: 'under_computation',
	ready: 'ready_to_be_sent',
	failed: 'failed',
} as const;

/**
 * https://dev.octopush.com/api-sms-documentation/vocal-sms-api/statut-de-sms-vocal-sur-liste/ lists `ready_to_be_sent`;
 * `ready_to_be_send` is read as the same status in case an account spells it so (no source shows it; harmless).
 */
export function normalizeListStatus(status: unknown): string | undefined {
	if (typeof status !== 'string') return undefined;
	return status === 'ready_to_be_send' ? LIST_STATUS.ready : status;
}
