import type {
	Failure,
	IAdditionalCredentialOptions,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

/*
 * The errors a user sees, and the requests that can fail with them:
 * - requests: a provider's call with the node's credential (read once per run), and the provider's refusal read
 *   into n8n's error with the fix (`requestTo`, `providerError`);
 * - invalid values: the error of a value the provider documents as invalid, raised before anything is sent
 *   (`invalid`, `assertBody`, `oneOf` for the contracts' schemas).
 */

// ——— requests ———

/**
 * The contexts a provider's transport serves: the action node, the triggers' hooks and webhooks, and the editor's
 * pick lists (a resource locator's list search).
 */
export type RequestContext =
	IExecuteFunctions | IHookFunctions | IWebhookFunctions | ILoadOptionsFunctions;

/** One credential read per node run: a context lives for one run of the node. */
const credentialsRead = new WeakMap<
	RequestContext,
	Map<string, Promise<ICredentialDataDecryptedObject>>
>();

/**
 * The node's credential of `type`, read once per run of the node. n8n would otherwise decrypt it again
 * for every request (a 100,000-recipient Octopush campaign makes 200); a token that n8n's preAuthentication
 * fetches is written into this same object, so later requests of the run use it.
 */
export async function credentialsOf(
	context: RequestContext,
	type: string,
): Promise<ICredentialDataDecryptedObject> {
	let byType = credentialsRead.get(context);
	if (byType === undefined) credentialsRead.set(context, (byType = new Map()));
	let read = byType.get(type);
	if (read === undefined) {
		read = context.getCredentials(type);
		byType.set(type, read);
		// a failed read is not kept: the next request asks again (and fails with n8n's own message)
		read.catch(() => byType?.delete(type));
	}
	return await read;
}

/** The credential's Base URL without a trailing slash, or the provider's default. */
export function baseUrlOf(
	credentials: ICredentialDataDecryptedObject,
	defaultBaseUrl: string,
): string {
	const configured = typeof credentials.baseUrl === 'string' ? credentials.baseUrl : '';
	return (configured || defaultBaseUrl).replace(/\/+$/, '');
}

/** n8n's authenticated request, with the credential read once per run (see `credentialsOf`). */
export async function requestWithCredential(
	context: RequestContext,
	type: string,
	credentials: ICredentialDataDecryptedObject,
	options: IHttpRequestOptions,
	extra: IAdditionalCredentialOptions = {},
): Promise<unknown> {
	const { id = '', name = '' } = context.getNode().credentials?.[type] ?? {};
	return (await context.helpers.httpRequestWithAuthentication.call(context, type, options, {
		...extra,
		credentialsDecrypted: { id: id ?? '', name, type, data: credentials },
	})) as unknown;
}

/** What a provider's requests need: its credential type, default base URL and how to read its errors. */
export interface Provider {
	credential: string;
	defaultBaseUrl: string;
	/** n8n's extra credential options, e.g. the statuses after which Routee's token is fetched again. */
	credentialOptions?: IAdditionalCredentialOptions;
	/** What the provider's answer to a failed call says (see `providerError`). */
	explain(answer: FailedAnswer): ProviderExplanation;
}

/**
 * The provider's request function: `(context, method, path, itemIndex, body?, qs?)` sends JSON with the
 * credential's authentication to the credential's base URL, and maps a failure to the provider's error.
 */
export function requestTo(provider: Provider) {
	return async function request(
		context: RequestContext,
		method: IHttpRequestMethods,
		path: string,
		itemIndex: number,
		// an array for the few endpoints whose body is a bare JSON array (e.g. Routee's contact IDs)
		body?: IDataObject | unknown[],
		qs?: IDataObject,
	): Promise<IDataObject> {
		const credentials = await credentialsOf(context, provider.credential);
		const url = `${baseUrlOf(credentials, provider.defaultBaseUrl)}${path}`;
		try {
			const response = await requestWithCredential(
				context,
				provider.credential,
				credentials,
				{ method, url, body: body as IHttpRequestOptions['body'], qs, json: true },
				provider.credentialOptions,
			);
			// a 204 No Content (e.g. Octopush's cancel) answers nothing
			return typeof response === 'object' && response !== null ? (response as IDataObject) : {};
		} catch (error) {
			throw providerError(context, error as JsonObject, itemIndex, provider.explain);
		}
	};
}

/** The provider's answer to a failed call: its HTTP status and its body, when it answered. */
export interface FailedAnswer {
	status?: number;
	body?: IDataObject;
}

/** What a provider makes of its answer to a failed call. */
export interface ProviderExplanation {
	/** The error's title, in the provider's words (n8n's own wording when undefined). */
	message?: string;
	/** What the title does not say: the fix, in plain words. */
	description?: string;
	/** Added to the error's context, e.g. the provider's error code. */
	context?: IDataObject;
	/** The provider's reason alone (its field errors or message), for errors that quote it (`reasonOf`). */
	reason?: string;
	/** Set when the answer says more than its status (e.g. Octopush's "request ID already used"). */
	kind?: FailureKind;
}

/**
 * How a failed call ended, for work that must never be sent twice: `refused` when the provider answered with a
 * 4xx (nothing was accepted), `duplicate` when it refused a request ID already used (an earlier identical
 * request was accepted), `unknown` when there was no answer or a 5xx (it may or may not have been accepted).
 */
export type FailureKind = 'refused' | 'duplicate' | 'unknown';

const failureKinds = new WeakMap<Error, FailureKind>();
const reasons = new WeakMap<Error, string>();

export function failureKindOf(error: unknown): FailureKind {
	return (error instanceof Error && failureKinds.get(error)) || 'unknown';
}

/** The provider's own reason for a failed call (its field errors or message), else the error's message. */
export function reasonOf(error: Error): string {
	return reasons.get(error) ?? error.message;
}

/**
 * Why a call failed, declared the n8n way (n8n-workflow `Failure`): a 429 is the provider's rate limit, a 401
 * (after n8n fetched a new token, for Routee) means the credential is wrong.
 */
function failureOf(status: number | undefined): Failure | undefined {
	if (status === 429) return { cause: 'rate-limited' };
	if (status === 401) return { cause: 'credential-invalid' };
	return undefined;
}

function responseBodyOf(error: unknown): IDataObject | undefined {
	const e = error as {
		response?: { data?: unknown };
		cause?: { response?: { data?: unknown } };
		context?: { data?: unknown };
	};
	const found = [e?.response?.data, e?.cause?.response?.data, e?.context?.data].find(
		(candidate) => typeof candidate === 'object' && candidate !== null,
	);
	return found as IDataObject | undefined;
}

/**
 * The error a user sees for a failed call: the provider's words as the title, the fix as the description, and
 * nothing of the request (see `requestFailureOf`); `failureKindOf` and `reasonOf` read it afterwards.
 */
export function providerError(
	context: RequestContext,
	error: JsonObject,
	itemIndex: number,
	explain: Provider['explain'],
): NodeApiError {
	// built from what n8n's wrapper wraps (re-wrapping a NodeApiError hands back the original), without the
	// request it holds: its headers and body carry secrets (see requestFailureOf)
	const source = requestFailureOf(error) as unknown as JsonObject;
	const status = statusOf(source) ?? statusOf(error);
	const explanation = explain({ status, body: responseBodyOf(error) ?? responseBodyOf(source) });
	const apiError = new NodeApiError(context.getNode(), source, {
		itemIndex,
		message: explanation.message,
		description: explanation.description,
		httpCode: status ? String(status) : undefined,
		failure: failureOf(status),
	});
	// NodeApiError puts a message of the body over the description it is given
	apiError.description = explanation.description ?? null;
	if (explanation.context) apiError.context = { ...apiError.context, ...explanation.context };
	if (explanation.reason) reasons.set(apiError, explanation.reason);
	failureKinds.set(
		apiError,
		explanation.kind ??
			(status !== undefined && status >= 400 && status < 500 ? 'refused' : 'unknown'),
	);
	return apiError;
}

/** What `requestFailureOf` keeps of the HTTP client's error. */
interface ClientFailure {
	name?: unknown;
	message?: unknown;
	stack?: unknown;
	/** The network error's code, e.g. ECONNRESET: n8n words its message from it. */
	code?: unknown;
	status?: unknown;
	response?: { status?: unknown; statusText?: unknown; data?: unknown };
}

/**
 * The failure of a request, for the provider's error to be built from: the client's message, network error code,
 * HTTP status and the provider's answer (status and body), and nothing else.
 *
 * Why rebuilt: the HTTP client's error holds the whole request (`config`: URL, headers with the Routee token or
 * the Octopush api-key, the body with n8n's resume URL and its signature or a trigger's callback secret; `request`:
 * the socket's request with the same headers), and a NodeApiError keeps the error it is built from as its
 * `cause`, which n8n's error reporter, a log line that prints the error or a debugger would show.
 */
export function requestFailureOf(error: unknown): Error {
	// httpRequestWithAuthentication wraps failures in a NodeApiError whose cause is the client's error
	const source = (error instanceof NodeApiError && error.cause ? error.cause : error) as
		ClientFailure | undefined;
	const message = typeof source?.message === 'string' ? source.message : String(source);
	const failure = new Error(message) as Error & ClientFailure;
	if (typeof source?.name === 'string') failure.name = source.name;
	if (typeof source?.stack === 'string') failure.stack = source.stack;
	if (typeof source?.code === 'string' || typeof source?.code === 'number')
		failure.code = source.code;
	if (typeof source?.status === 'number') failure.status = source.status;
	const response = source?.response;
	if (typeof response === 'object' && response !== null) {
		failure.response = {
			status: response.status,
			statusText: response.statusText,
			data: response.data,
		};
	}
	return failure;
}

/** The HTTP status of a failed request, from the client's error or n8n's wrapper. */
export function statusOf(error: unknown): number | undefined {
	const e = error as { response?: { status?: number }; httpCode?: string | null };
	const status = e?.response?.status ?? (e?.httpCode ? Number(e.httpCode) : undefined);
	return status !== undefined && Number.isFinite(status) ? status : undefined;
}

// ——— invalid values ———

/** Where a value came from: the input item, and the recipient's position (from 1) when the item holds several. */
export interface Source {
	itemIndex: number;
	recipient?: number;
}

/** The field a body path names, as the user sees it, and for a recipient the item it came from. */
type LabelAt = (path: ReadonlyArray<string | number>) => { label: string; source?: Source };

/**
 * The error of an invalid value, raised before anything is sent, in n8n's shape: a short message ending with
 * the item ("Send At is not valid [item 0]"), and in `description` the rule and how to fix it
 * ("Send At is not a valid date-time: 'next tuesday' is not a date-time: use ISO 8601 …").
 */
export function invalid(
	context: IExecuteFunctions,
	where: number | Source,
	label: string,
	rule: string,
): NodeOperationError {
	const { itemIndex, recipient } =
		typeof where === 'number' ? { itemIndex: where, recipient: undefined } : where;
	const subject =
		recipient === undefined
			? label
			: label === 'Recipient'
				? `Recipient ${recipient}`
				: `${label} of recipient ${recipient}`;
	const description = `${subject} ${rule}`;
	return new NodeOperationError(context.getNode(), `${subject} is not valid [item ${itemIndex}]`, {
		itemIndex,
		description: /[.!?)]$/.test(description) ? description : `${description}.`,
	});
}

/** Checks a request body against its schema; the first problem becomes the `invalid` error of that field. */
export function assertBody<T extends z.ZodTypeAny>(
	context: IExecuteFunctions,
	schema: T,
	body: unknown,
	itemIndex: number,
	labelAt: LabelAt,
): z.infer<T> {
	const result = schema.safeParse(body);
	if (result.success) return result.data;
	const issue = result.error.issues[0];
	const { label, source } = labelAt(issue.path);
	throw invalid(context, source ?? itemIndex, label, issue.message);
}

/** A value from a fixed list; the message reads after the field's name: "must be one of a, b, got "c"". */
export function oneOf<T extends readonly [string, ...string[]]>(values: T) {
	return z.enum(values as unknown as [T[number], ...Array<T[number]>], {
		errorMap: (_issue, ctx) => ({
			message: `must be one of ${values.join(', ')}, got ${JSON.stringify(ctx.data)}`,
		}),
	});
}
