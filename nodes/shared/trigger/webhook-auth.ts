import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	IHookFunctions,
	INodeCredentialTestResult,
	INodeProperties,
	INodePropertyOptions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { createHash, createHmac, timingSafeEqual } from 'crypto';

/**
 * Authentication of whoever POSTs to a trigger's webhook. Neither provider signs its callbacks, so the
 * trigger can require a shared secret that only the callback URL it was given carries, as `?token=…`.
 *
 * Only what the providers can produce is offered. Both call exactly the URL they are given, so a query
 * parameter reaches the trigger. A header token would need a proxy, and neither Routee nor Octopush
 * documents turning user:password@ in a callback URL into an Authorization header, so Basic auth is not
 * offered either.
 */
export type CallerAuthSettings =
	{ method: 'none' } | { method: 'queryToken'; secret: string; generated?: true };

/** The Caller Authentication value of a secret the trigger derives itself (see `GeneratedSecret`). */
const GENERATED_TOKEN = 'generatedToken';

/**
 * Where a trigger that registers its own URL takes the secret from: an HMAC-SHA256, keyed with a secret field of
 * the credential it registers with, of its webhook id. Never stored anywhere (not in the workflow, nor in its
 * static data, so no export carries it), the same in every n8n process, different for every trigger node; a
 * changed key gives a new secret, registered at the next activation.
 */
export interface GeneratedSecret {
	credentialType: string;
	field: string;
}

/** The credential type (this package's own) that holds the secret. */
const CALLBACK_SECRET_TYPE = 'routeeOctopushCallbackSecretApi';
/** The name of the query parameter that carries the secret. */
const TOKEN_PARAMETER = 'token';

type CallerCheck = { ok: true } | { ok: false; status: 401 | 403; message: string };

/** The parts of an incoming request the check reads (n8n's express request has them all). */
interface CallerRequest {
	headers: Record<string, string | string[] | undefined>;
	query?: unknown;
	url?: string;
}

const NONE_OPTION: INodePropertyOptions = {
	name: 'None',
	value: 'none',
	description: 'Anyone who knows the webhook URL can post events',
};
const QUERY_TOKEN_OPTION: INodePropertyOptions = {
	name: 'Secret Token in URL',
	value: 'queryToken',
	description:
		"The callback URL ends with ?token= followed by the secret of a 'Routee/Octopush Callback Secret API' credential",
};
const QUERY_TOKEN_HINT =
	"With 'Secret Token in URL', paste the Production URL followed by ?token= and your secret";

/** The Caller Authentication parameter with the given choices ('None' by default unless `extra` says otherwise). */
function callerAuthentication(
	choices: INodePropertyOptions[],
	extra: Pick<INodeProperties, 'hint' | 'displayOptions'> & { default?: string },
): INodeProperties {
	return {
		displayName: 'Caller Authentication',
		name: 'callerAuthentication',
		type: 'options',
		noDataExpression: true,
		options: choices,
		default: 'none',
		description:
			'How the trigger recognizes the provider: it signs nothing, so the callback URL can carry a secret. Calls without it get 401, calls with a wrong one 403, and start no execution.',
		...extra,
	};
}

export const callerAuthenticationProperties: INodeProperties[] = [
	callerAuthentication([NONE_OPTION, QUERY_TOKEN_OPTION], { hint: QUERY_TOKEN_HINT }),
];

type Shown = NonNullable<INodeProperties['displayOptions']>['show'];

/**
 * Caller Authentication for a trigger that can register its URL with the provider itself: when it does
 * (`registersItself`), a secret it generates (see `GeneratedSecret`) is the default, since the user never handles
 * the URL; otherwise (`pastedByHand`) the usual choice.
 */
export function callerAuthenticationWithGenerated(
	registersItself: Shown,
	pastedByHand: Shown,
): INodeProperties[] {
	const generated: INodePropertyOptions = {
		name: 'Generated Secret in URL',
		value: GENERATED_TOKEN,
		description:
			'The URL the trigger registers carries a secret derived from the API key of its credential: nothing to set up',
	};
	return [
		callerAuthentication([generated, QUERY_TOKEN_OPTION, NONE_OPTION], {
			default: GENERATED_TOKEN,
			displayOptions: { show: registersItself },
		}),
		callerAuthentication([NONE_OPTION, QUERY_TOKEN_OPTION], {
			hint: QUERY_TOKEN_HINT,
			displayOptions: { show: pastedByHand },
		}),
	];
}

const MOVED =
	`Caller authentication moved to a credential: create a 'Routee/Octopush Callback Secret API' credential with your secret, ` +
	`set Caller Authentication to 'Secret Token in URL' (or 'None') and select the credential in this trigger`;

/** Why a workflow saved before the secret moved to a credential cannot authenticate callers any more. */
function legacyProblem(method: string): string | null {
	if (method === 'none' || method === 'queryToken') return null;
	if (method === GENERATED_TOKEN)
		return "'Generated Secret in URL' works only with Registration 'Automatic (API)': the trigger registers the URL that carries it. With Manual registration choose 'Secret Token in URL' (or 'None').";
	return `${MOVED}. '${method}' is no longer offered: neither Routee nor Octopush can send it, so the callback URL must carry ?${TOKEN_PARAMETER}=YOUR_SECRET.`;
}

type Context = IHookFunctions | IWebhookFunctions;

/**
 * How long a webhook process keeps a callback secret it read. n8n reads a credential from its database on
 * every call; under a flood of callbacks (a campaign's delivery reports) that read competes with the
 * executions' own writes (SQLite: measured in test/reliability/trigger-flood-n8n.test.ts, executions
 * stalled). A secret the user changes takes effect within this time.
 */
const SECRET_CACHE_MS = 10_000;
const secretCache = new Map<string, { secret: string; until: number }>();

/** A secret read from (or derived from) the credential `type` of the node, cached per credential and purpose. */
async function cachedSecret(
	context: Context,
	type: string,
	purpose: string,
	secretOf: (credential: IDataObject) => string,
): Promise<string> {
	const id = context.getNode().credentials?.[type]?.id;
	const cacheKey = id ? `${type}:${id}:${purpose}` : undefined;
	const cached = cacheKey ? secretCache.get(cacheKey) : undefined;
	if (cached !== undefined && cached.until > Date.now()) return cached.secret;
	const secret = secretOf((await context.getCredentials(type)) ?? {});
	// hooks (activation, test listen) always read it fresh; only the webhook path reuses it
	if (cacheKey && secret !== '' && 'getRequestObject' in context)
		secretCache.set(cacheKey, { secret, until: Date.now() + SECRET_CACHE_MS });
	return secret;
}

async function callbackSecretOf(context: Context): Promise<string> {
	return await cachedSecret(context, CALLBACK_SECRET_TYPE, 'secret', (credential) =>
		typeof credential.secret === 'string' ? credential.secret : '',
	);
}

/** The generated secret of this trigger node (see `GeneratedSecret`): URL-safe, 32 characters. */
async function generatedSecretOf(context: Context, from: GeneratedSecret): Promise<string> {
	const webhookId = context.getNode().webhookId ?? context.getNode().id;
	return await cachedSecret(
		context,
		from.credentialType,
		`generated:${webhookId}`,
		(credential) => {
			const key = credential[from.field];
			if (typeof key !== 'string' || key === '') return '';
			return createHmac('sha256', key)
				.update(`n8n-nodes-routee-octopush callback secret\n${webhookId}`)
				.digest('base64url')
				.slice(0, 32);
		},
	);
}

/**
 * Reads the mode and, for Secret Token in URL, the secret from the credential. Throws a NodeOperationError
 * saying what to change when the node still has a mode of the old parameters or no usable credential.
 */
export async function readCallerAuthSettings(
	context: Context,
	generated?: GeneratedSecret,
): Promise<CallerAuthSettings> {
	const method = String(context.getNodeParameter('callerAuthentication', 'none'));
	if (method === GENERATED_TOKEN && generated !== undefined) {
		let secret = '';
		try {
			secret = await generatedSecretOf(context, generated);
		} catch {
			// n8n's own message does not say which credential is meant
		}
		if (secret === '')
			throw new NodeOperationError(
				context.getNode(),
				`'Generated Secret in URL' derives the secret from the ${generated.field} of the trigger's credential, which this trigger cannot read: select the credential, or choose another Caller Authentication.`,
			);
		return { method: 'queryToken', secret, generated: true };
	}
	const legacy = legacyProblem(method);
	if (legacy !== null) throw new NodeOperationError(context.getNode(), legacy);
	if (method === 'none') return { method: 'none' };
	let secret = '';
	try {
		secret = await callbackSecretOf(context);
	} catch {
		// n8n's own message ("Node does not have any credentials set") does not say which credential is meant
		throw new NodeOperationError(context.getNode(), `${MOVED}.`);
	}
	if (secret === '') {
		throw new NodeOperationError(
			context.getNode(),
			"The 'Routee/Octopush Callback Secret API' credential of this trigger has an empty Secret: open the credential and enter a long random value.",
		);
	}
	return { method: 'queryToken', secret };
}

function single(value: unknown): string | undefined | null {
	if (value === undefined) return undefined;
	if (Array.isArray(value))
		return value.length === 1 && typeof value[0] === 'string' ? value[0] : null;
	return typeof value === 'string' ? value : null;
}

function queryValue(request: CallerRequest, name: string): string | undefined | null {
	if (typeof request.query === 'object' && request.query !== null) {
		return single((request.query as IDataObject)[name]);
	}
	const values = new URL(request.url ?? '/', 'http://localhost').searchParams.getAll(name);
	return values.length === 0 ? undefined : single(values);
}

/** Checks the caller in constant time: 401 when the secret is absent, 403 when it is wrong. */
export function checkCaller(settings: CallerAuthSettings, request: CallerRequest): CallerCheck {
	if (settings.method === 'none') return { ok: true };
	const given = queryValue(request, TOKEN_PARAMETER);
	if (given === undefined)
		return {
			ok: false,
			status: 401,
			message: `Unauthorized: the '${TOKEN_PARAMETER}' query parameter is missing`,
		};
	if (given === null || !secureEquals(given, settings.secret))
		return { ok: false, status: 403, message: 'Forbidden: wrong token' };
	return { ok: true };
}

/** The URL the provider must call: the webhook URL plus `?token=` and the secret with Secret Token in URL. */
export function callbackUrlFor(webhookUrl: string, settings: CallerAuthSettings): string {
	const url = new URL(webhookUrl);
	if (settings.method === 'queryToken') url.searchParams.set(TOKEN_PARAMETER, settings.secret);
	return url.toString();
}

const URL_SAFE = /^[A-Za-z0-9._~-]+$/;
const MIN_SECRET_LENGTH = 16;

/**
 * The credential test of 'Routee/Octopush Callback Secret API' (nothing to call: the secret authenticates the
 * providers to n8n): long enough to resist guessing, and pasteable into a callback URL as it is.
 */
export async function callbackSecretTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const secret = typeof credential.data?.secret === 'string' ? credential.data.secret : '';
	if (secret.length < MIN_SECRET_LENGTH) {
		return {
			status: 'Error',
			message: `The secret has ${secret.length} characters: use a random value of at least ${MIN_SECRET_LENGTH}.`,
		};
	}
	if (!URL_SAFE.test(secret)) {
		return {
			status: 'Error',
			message:
				'The secret must be pasted into callback URLs as it is: use only letters, digits, - . _ and ~.',
		};
	}
	return {
		status: 'OK',
		message:
			'The secret can be used: add ?token=YOUR_SECRET to the trigger URL you give the provider.',
	};
}

/** Constant-time string equality; comparing digests hides the length of the secret too. */
export function secureEquals(a: string, b: string): boolean {
	const digestA = createHash('sha256').update(a, 'utf8').digest();
	const digestB = createHash('sha256').update(b, 'utf8').digest();
	return timingSafeEqual(digestA, digestB);
}
