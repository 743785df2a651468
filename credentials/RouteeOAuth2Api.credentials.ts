import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
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

	documentationUrl = 'https://docs.routee.net/docs/authorize-your-application';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
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
			return { accessToken: response.access_token };
		} catch (error) {
			throw new Error(describeTokenFailure(error as TokenFailure));
		}
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.accessToken}}' },
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{($credentials.baseUrl || "https://connect.routee.net").replace(/\\/+$/, "")}}',
			url: '/accounts/me/balance',
		},
	};
}
