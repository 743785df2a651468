import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
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

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'api-login': '={{$credentials.apiLogin}}',
				'api-key': '={{$credentials.apiKey}}',
			},
		},
	};

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
