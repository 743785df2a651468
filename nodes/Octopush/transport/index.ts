import type { IExecuteFunctions, IHookFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { OCTOPUSH_DEFAULT_BASE_URL } from '../../../credentials/OctopushApi.credentials';
import { type Provider, requestFailureOf, requestTo, statusOf } from '../../shared/http';
import { VOICE_LANGUAGES_URL } from './contract';
import { labelOf } from '../labels';

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
	106: 'The sender is not allowed: 3 to 11 letters, digits or spaces, and Octopush must allow custom senders on your account.',
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

/** How a failed call ended, for work that must never be sent twice. */
type OctopushFailureKind =
	/** Octopush refused the request_id as already used: an earlier identical request was accepted. */
	| 'duplicate'
	/** Octopush answered with a 4xx: the request was not accepted. */
	| 'refused'
	/** No answer, or a 5xx: the request may or may not have been accepted. */
	| 'unknown';

const failureKinds = new WeakMap<Error, OctopushFailureKind>();
/** What Octopush said, without our prefix: its field errors, or its message. */
const reasons = new WeakMap<Error, string>();

export function failureKindOf(error: unknown): OctopushFailureKind {
	return (error instanceof Error && failureKinds.get(error)) || 'unknown';
}

/** Octopush's own reason for a failed call (its field errors or message), else the error's message. */
export function reasonOf(error: Error): string {
	return reasons.get(error) ?? error.message;
}

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

/** The node, or the Octopush Trigger when it registers its callback URLs. */
type OctopushContext = IExecuteFunctions | IHookFunctions;

function responseBodyOf(error: unknown): OctopushErrorBody | undefined {
	const e = error as { response?: { data?: unknown }; context?: { data?: unknown } };
	const data = e?.response?.data ?? e?.context?.data;
	return typeof data === 'object' && data !== null ? (data as OctopushErrorBody) : undefined;
}

function octopushApiError(
	context: OctopushContext,
	error: JsonObject,
	itemIndex: number,
): NodeApiError {
	// built from what n8n's wrapper wraps (re-wrapping a NodeApiError hands back the original), without the
	// request it holds: its headers and body carry secrets (see requestFailureOf)
	const source = requestFailureOf(error) as unknown as JsonObject;
	const body = responseBodyOf(error) ?? responseBodyOf(source);
	const status = statusOf(source) ?? statusOf(error);
	const fieldErrors = Object.entries(body?.errors ?? {}).map(
		([field, detail]) =>
			`${labelOf(field) ? `${labelOf(field)} (${field})` : field}: ${detail.message ?? ERROR_HINTS[detail.code ?? -1] ?? 'invalid'}${detail.code ? ` (code ${detail.code})` : ''}`,
	);
	const codes = [body?.code, ...Object.values(body?.errors ?? {}).map((d) => d.code)];
	// a refused login is about the credential whatever code comes with it
	const statusHint = status ? STATUS_HINTS[status] : undefined;
	const codeHint = codes.map((c) => (c ? ERROR_HINTS[c] : undefined)).find(Boolean);
	const hint = status === 401 || status === 403 ? statusHint : (codeHint ?? statusHint);
	const reason = fieldErrors.length ? fieldErrors.join('; ') : body?.message;
	const message = fieldErrors.length
		? `Octopush refused the request: ${reason}`
		: body?.message
			? `Octopush answered${status ? ` HTTP ${status}` : ''}: ${body.message}`
			: undefined;
	const apiError = new NodeApiError(context.getNode(), source, {
		itemIndex,
		message,
		description: hint,
		httpCode: status ? String(status) : undefined,
		failure:
			status === 429
				? { cause: 'rate-limited' }
				: status === 401
					? { cause: 'credential-invalid' }
					: undefined,
	});
	// NodeApiError puts the body's `message` over the description it is given
	apiError.description = hint ?? null;
	if (reason) reasons.set(apiError, reason);
	failureKinds.set(
		apiError,
		isDuplicateRequest(body)
			? 'duplicate'
			: status !== undefined && status >= 400 && status < 500
				? 'refused'
				: 'unknown',
	);
	return apiError;
}

const OCTOPUSH: Provider<OctopushContext> = {
	credential: OCTOPUSH_CREDENTIAL,
	defaultBaseUrl: OCTOPUSH_DEFAULT_BASE_URL,
	apiError: octopushApiError,
};

/** Every call to Octopush goes through here: authentication headers, base URL and error mapping. */
export const octopushRequest = requestTo(OCTOPUSH);
