import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

export const ROUTEE_CREDENTIAL = 'routeeOAuth2Api';
const DEFAULT_BASE_URL = 'https://connect.routee.net';

/** Plain-English hints for Routee's documented error codes (HTTP status + module + error). */
const ERROR_HINTS: Record<string, string> = {
	'400001009': 'Your Routee balance is too low for this send. Top up the account and run the node again.',
	'400005000':
		'Routee rejected the sender or the recipients: an invalid sender ID, no recipients, or at least one number that is not a valid mobile number (one invalid number blocks the whole send unless "Allow Invalid" is on).',
	'409009003': 'A campaign with this name already exists in your Routee account. Campaign names must be unique.',
	'400009004': 'The campaign has no recipients: the groups may be empty or every contact blacklisted.',
	'404002001': 'A contact ID does not exist in your Routee account.',
	'404009001': 'No campaign with this tracking ID exists in your Routee account.',
	'400009002': 'The campaign is not in state Scheduled, so it can no longer be changed or deleted.',
	'404005000': 'No tracking information exists for this ID.',
};

interface RouteeErrorBody {
	code?: string;
	developerMessage?: string;
	errors?: Array<{ code?: string; developerMessage?: string; property?: string }>;
}

async function baseUrl(context: IExecuteFunctions): Promise<string> {
	const credentials = await context.getCredentials(ROUTEE_CREDENTIAL);
	return ((credentials.baseUrl as string) || DEFAULT_BASE_URL).replace(/\/+$/, '');
}

/** Every call to Routee goes through here: authentication, base URL and error mapping. */
export async function routeeRequest(
	context: IExecuteFunctions,
	method: IHttpRequestMethods,
	path: string,
	itemIndex: number,
	body?: IDataObject,
	qs?: IDataObject,
): Promise<IDataObject> {
	const url = `${await baseUrl(context)}${path}`;
	try {
		return (await context.helpers.httpRequestWithAuthentication.call(context, ROUTEE_CREDENTIAL, {
			method,
			url,
			body,
			qs,
			json: true,
		})) as IDataObject;
	} catch (error) {
		throw routeeApiError(context, error as JsonObject, itemIndex);
	}
}

function responseBodyOf(error: JsonObject): RouteeErrorBody | undefined {
	const candidates = [
		(error as { response?: { data?: unknown } }).response?.data,
		(error as { cause?: { response?: { data?: unknown } } }).cause?.response?.data,
		(error as { context?: { data?: unknown } }).context?.data,
	];
	const found = candidates.find((c) => typeof c === 'object' && c !== null);
	return found as RouteeErrorBody | undefined;
}

export function routeeApiError(context: IExecuteFunctions, error: JsonObject, itemIndex: number): NodeApiError {
	// httpRequestWithAuthentication already wraps failures in a NodeApiError; re-wrapping that would
	// hand back the original unchanged, so build ours from what it wraps.
	const source = (error instanceof NodeApiError && error.cause ? error.cause : error) as JsonObject;
	const body = responseBodyOf(error) ?? responseBodyOf(source);
	const code = body?.code ?? body?.errors?.[0]?.code;
	const providerMessage = body?.developerMessage ?? body?.errors?.[0]?.developerMessage;
	const invalid = body?.errors?.map((e) => e.property).filter(Boolean);
	const hint = code ? ERROR_HINTS[code] : undefined;
	const details = [providerMessage, invalid?.length ? `Invalid: ${invalid.join(', ')}` : undefined, hint]
		.filter(Boolean)
		.join(' — ');
	return new NodeApiError(context.getNode(), source, {
		itemIndex,
		message: code ? `Routee error ${code}: ${providerMessage ?? 'request refused'}` : undefined,
		description: details || undefined,
	});
}
