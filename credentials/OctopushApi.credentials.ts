import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

export const OCTOPUSH_DEFAULT_BASE_URL = 'https://api.octopush.com/v1/public';

export class OctopushApi implements ICredentialType {
	name = 'octopushApi';

	displayName = 'Octopush API';

	icon: Icon = { light: 'file:../icons/octopush.svg', dark: 'file:../icons/octopush.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-routee-octopush/n8n-nodes-routee-octopush#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'API Login',
			name: 'apiLogin',
			type: 'string',
			placeholder: 'e.g. name@email.com',
			required: true,
			default: '',
			description: 'The e-mail address of your Octopush account',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'Your API key, from the API & Integrations page of your Octopush account',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: OCTOPUSH_DEFAULT_BASE_URL,
			description: 'Change only to point the node at a test server',
		},
	];

	/**
	 * The api-login and api-key headers of every request. A function, not n8n's declarative `generic`
	 * form: n8n resolves a generic form's `{{$credentials.…}}` expressions again for every request
	 * (about 0.3 ms each, 0.6 ms a request), and a 100,000-recipient campaign makes 200 requests.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		requestOptions.headers = {
			...requestOptions.headers,
			'api-login': String(credentials.apiLogin ?? ''),
			'api-key': String(credentials.apiKey ?? ''),
		};
		return requestOptions;
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{($credentials.baseUrl || "${OCTOPUSH_DEFAULT_BASE_URL}").replace(/\\/+$/, "")}}`,
			url: '/wallet/check-balance',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Octopush refused the API Login / API Key (401 Unauthorized). Copy both from the API & Integrations page of your Octopush account.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: 'Octopush answered 403 Forbidden: this API key may not use the API.',
				},
			},
		],
	};
}
