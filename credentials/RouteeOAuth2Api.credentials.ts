import { createHash } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

export const ROUTEE_DEFAULT_BASE_URL = 'https://connect.routee.net';
export const ROUTEE_DEFAULT_TOKEN_URL = 'https://auth.routee.net/oauth/token';

interface TokenFailure {
	message?: string;
	response?: { status?: number; data?: unknown };
	cause?: { response?: { status?: number; data?: unknown } };
}

/**
 * Which application ID, secret and token URL a token was issued for. Stored (encrypted, with the
 * credential) beside the token, so that editing any of them makes the stored token unusable at once
 * instead of working on until it expires. A hash, so the secret itself is not written twice.
 */
function tokenFingerprint(credentials: ICredentialDataDecryptedObject): string {
	const tokenUrl = (credentials.tokenUrl as string) || ROUTEE_DEFAULT_TOKEN_URL;
	return createHash('sha256')
		.update(JSON.stringify([credentials.applicationId, credentials.applicationSecret, tokenUrl]))
		.digest('hex');
}

function describeTokenFailure(error: TokenFailure): string {
	const response = error.response ?? error.cause?.response;
	const data = response?.data as Record<string, unknown> | string | undefined;
	const providerMessage =
		typeof data === 'object' && data !== null
			? (data.error_description ?? data.developerMessage ?? data.message ?? data.error)
			: data;
	const status = response?.status ? ` (HTTP ${response.status})` : '';
	return `Routee did not issue an access token${status}: ${String(providerMessage ?? error.message)}. Check the Application ID and Application Secret (Routee platform → Applications).`;
}

export class RouteeOAuth2Api implements ICredentialType {
	name = 'routeeOAuth2Api';

	displayName = 'Routee OAuth2 API';

	icon: Icon = { light: 'file:../icons/routee.svg', dark: 'file:../icons/routee.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-routee-octopush/n8n-nodes-routee-octopush#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Token Issued For',
			name: 'tokenFingerprint',
			type: 'hidden',
			typeOptions: { password: true },
			default: '',
		},
		{
			displayName: 'Application ID',
			name: 'applicationId',
			type: 'string',
			required: true,
			default: '',
			description: 'The application ID from the Applications menu of the Routee platform',
		},
		{
			displayName: 'Application Secret',
			name: 'applicationSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'The application secret from the Applications menu of the Routee platform',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: ROUTEE_DEFAULT_BASE_URL,
			description: 'Change only to point the node at a test server',
		},
		{
			displayName: 'Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: ROUTEE_DEFAULT_TOKEN_URL,
			description: 'Change only to point the node at a test server',
		},
	];

	// Client-credentials grant: n8n calls this when the token is empty and again after a 401,
	// and stores the result in the hidden expirable field.
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		try {
			const response = (await this.helpers.httpRequest({
				method: 'POST',
				url: (credentials.tokenUrl as string) || ROUTEE_DEFAULT_TOKEN_URL,
				auth: {
					username: credentials.applicationId as string,
					password: credentials.applicationSecret as string,
				},
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				body: 'grant_type=client_credentials',
				json: true,
			})) as { access_token?: string };
			if (!response?.access_token) {
				throw new Error('the token response has no access_token');
			}
			return {
				accessToken: response.access_token,
				tokenFingerprint: tokenFingerprint(credentials),
			};
		} catch (error) {
			throw new Error(describeTokenFailure(error as TokenFailure));
		}
	}

	// In a node, n8n fetches a token only when the stored one is empty or a request was refused with 401
	// (a credential test always fetches one). A token issued for other values (the user has just edited
	// the ID, secret or token URL) is therefore not sent: Routee answers 401, n8n fetches a new token with
	// the current values and sends the request again, so a wrong ID or secret shows Routee's refusal at
	// once instead of the old token working on until it expires.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const headers = { ...(requestOptions.headers ?? {}) };
		const issuedForThese = credentials.tokenFingerprint === tokenFingerprint(credentials);
		if (issuedForThese && credentials.accessToken)
			headers.Authorization = `Bearer ${credentials.accessToken as string}`;
		else delete headers.Authorization;
		return { ...requestOptions, headers };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{($credentials.baseUrl || "${ROUTEE_DEFAULT_BASE_URL}").replace(/\\/+$/, "")}}`,
			url: '/accounts/me/balance',
		},
	};
}
