import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ROUTEE_DEFAULT_BASE_URL } from '../../../credentials/RouteeOAuth2Api.credentials';
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
		"It already exists in your Routee account (a contact with this mobile, or a group with this name: Routee's message says which). For a contact, change it with Contact → Update; for a group, pick the existing one.",
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
