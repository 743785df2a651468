import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { secureEquals } from './secure-compare';

/**
 * Authentication of whoever POSTs to a trigger's webhook. Neither provider signs its callbacks, so the
 * trigger can require a shared secret that only the configured callback URL (or a proxy) carries.
 */
export type CallerAuthentication = 'none' | 'queryToken' | 'headerToken' | 'basicAuth';

export interface CallerAuthSettings {
	method: CallerAuthentication;
	tokenParameter: string;
	token: string;
	headerName: string;
	headerValue: string;
	user: string;
	password: string;
}

export type CallerCheck = { ok: true } | { ok: false; status: 401 | 403; message: string; challenge?: string };

/** The parts of an incoming request the check reads (n8n's express request has them all). */
export interface CallerRequest {
	headers: Record<string, string | string[] | undefined>;
	query?: unknown;
	url?: string;
}

const show = (method: CallerAuthentication) => ({ show: { callerAuthentication: [method] } });

export const callerAuthenticationProperties: INodeProperties[] = [
	{
		displayName: 'Caller Authentication',
		name: 'callerAuthentication',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Basic Auth',
				value: 'basicAuth',
				description: 'The callback URL carries user:password@ and arrives as an Authorization: Basic header',
			},
			{
				name: 'Header Token',
				value: 'headerToken',
				description: 'A header with a shared secret, added by a proxy in front of n8n',
			},
			{
				name: 'None',
				value: 'none',
				description: 'Anyone who knows the webhook URL can post events',
			},
			{
				name: 'Secret Token in URL',
				value: 'queryToken',
				description: 'The callback URL ends with ?token= followed by a secret',
			},
		],
		default: 'none',
		description:
			'How the trigger recognises the provider: it signs nothing, so the callback URL can carry a secret. Calls without it get 401, calls with a wrong one 403, and start no execution.',
	},
	{
		displayName: 'Query Parameter Name',
		name: 'queryParameterName',
		type: 'string',
		default: 'token',
		required: true,
		displayOptions: show('queryToken'),
		description: 'Name of the query parameter that carries the secret',
	},
	{
		displayName: 'Secret Token',
		name: 'token',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		displayOptions: show('queryToken'),
		description: 'A long random value that the callback URL carries as ?token=YOUR_SECRET',
	},
	{
		displayName: 'Header Name',
		name: 'headerName',
		type: 'string',
		default: 'X-Callback-Token',
		required: true,
		displayOptions: show('headerToken'),
	},
	{
		displayName: 'Header Value',
		name: 'headerValue',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		displayOptions: show('headerToken'),
		description: 'The secret the header must carry',
	},
	{
		displayName: 'User',
		name: 'basicAuthUser',
		type: 'string',
		default: '',
		required: true,
		displayOptions: show('basicAuth'),
	},
	{
		displayName: 'Password',
		name: 'basicAuthPassword',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		displayOptions: show('basicAuth'),
	},
];

/** Reads the settings from the node parameters (`get` is getNodeParameter with a fallback). */
export function readCallerAuthSettings(get: (name: string, fallback: string) => unknown): CallerAuthSettings {
	const text = (name: string, fallback = '') => String(get(name, fallback) ?? '');
	return {
		method: text('callerAuthentication', 'none') as CallerAuthentication,
		tokenParameter: text('queryParameterName', 'token').trim(),
		token: text('token'),
		headerName: text('headerName', 'X-Callback-Token').trim().toLowerCase(),
		headerValue: text('headerValue'),
		user: text('basicAuthUser'),
		password: text('basicAuthPassword'),
	};
}

const missing = (message: string, challenge?: string): CallerCheck => ({ ok: false, status: 401, message, challenge });
const wrong = (message: string): CallerCheck => ({ ok: false, status: 403, message });
const notConfigured: CallerCheck = {
	ok: false,
	status: 403,
	message: 'Forbidden: the trigger requires a secret but none is configured',
};

function single(value: unknown): string | undefined | null {
	if (value === undefined) return undefined;
	if (Array.isArray(value)) return value.length === 1 && typeof value[0] === 'string' ? value[0] : null;
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
	switch (settings.method) {
		case 'queryToken': {
			if (settings.token === '' || settings.tokenParameter === '') return notConfigured;
			const given = queryValue(request, settings.tokenParameter);
			if (given === undefined) return missing(`Unauthorized: the '${settings.tokenParameter}' query parameter is missing`);
			if (given === null || !secureEquals(given, settings.token)) return wrong('Forbidden: wrong token');
			return { ok: true };
		}
		case 'headerToken': {
			if (settings.headerValue === '' || settings.headerName === '') return notConfigured;
			const given = single(request.headers[settings.headerName]);
			if (given === undefined) return missing(`Unauthorized: the '${settings.headerName}' header is missing`);
			if (given === null || !secureEquals(given, settings.headerValue)) return wrong('Forbidden: wrong header value');
			return { ok: true };
		}
		case 'basicAuth': {
			if (settings.user === '' || settings.password === '') return notConfigured;
			const challenge = 'Basic realm="callbacks"';
			const header = single(request.headers.authorization);
			if (header === undefined) return missing('Unauthorized: Basic authentication required', challenge);
			const match = /^Basic\s+(\S+)\s*$/i.exec(header ?? '');
			if (match === null) return missing('Unauthorized: Basic authentication required', challenge);
			const given = Buffer.from(match[1], 'base64').toString('utf8');
			if (!secureEquals(given, `${settings.user}:${settings.password}`)) return wrong('Forbidden: wrong user or password');
			return { ok: true };
		}
		case 'none':
			return { ok: true };
		default:
			return wrong(`Forbidden: unknown caller authentication '${String(settings.method)}'`);
	}
}

/**
 * The URL the provider must call: the webhook URL plus the query secret, or with user:password@ for Basic
 * auth (HTTP clients turn URL credentials into an Authorization header). A header token cannot ride in a URL.
 */
export function callbackUrlFor(webhookUrl: string, settings: CallerAuthSettings): string {
	const url = new URL(webhookUrl);
	if (settings.method === 'queryToken') url.searchParams.set(settings.tokenParameter, settings.token);
	if (settings.method === 'basicAuth') {
		url.username = settings.user;
		url.password = settings.password;
	}
	return url.toString();
}
