// Routee OAuth2 client-credentials token endpoint, and the bearer check of every resource.

import { headerValue, type Ctx, type Reply } from '../http';
import { isObject } from '../check';
import { ROUTEE_CODES } from './contract';
import type { RouteeState } from './state';

function oauthError(status: number, error: string, description: string): Reply {
	return { status, body: { error, error_description: description, developerMessage: description } };
}

function basicCredentials(ctx: Ctx): { id: string; secret: string } | null {
	const header = headerValue(ctx, 'authorization');
	const match = /^Basic\s+(.+)$/i.exec(header ?? '');
	if (!match) return null;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return null;
	return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

/** POST /routee-auth/oauth/token */
export function handleTokenRequest(ctx: Ctx, state: RouteeState): Reply {
	if (ctx.method !== 'POST' || ctx.path !== '/oauth/token') {
		return {
			status: 404,
			body: {
				code: ROUTEE_CODES.notFound,
				developerMessage: `No such endpoint: ${ctx.method} ${ctx.path}`,
			},
		};
	}
	const credentials = basicCredentials(ctx);
	if (!credentials)
		return oauthError(
			401,
			'unauthorized',
			'Full authentication is required: send Authorization: Basic base64(applicationId:applicationSecret)',
		);
	if (state.applications.get(credentials.id) !== credentials.secret)
		return oauthError(401, 'invalid_client', 'Bad client credentials');
	const type = (headerValue(ctx, 'content-type') ?? '').toLowerCase();
	if (!type.includes('application/x-www-form-urlencoded')) {
		return oauthError(
			400,
			'invalid_request',
			'The token request must be form-encoded (application/x-www-form-urlencoded)',
		);
	}
	const form = isObject(ctx.body) ? ctx.body : {};
	if (form.grant_type === undefined || form.grant_type === '')
		return oauthError(400, 'invalid_request', 'Missing grant type');
	if (form.grant_type !== 'client_credentials')
		return oauthError(
			400,
			'unsupported_grant_type',
			`Unsupported grant type: ${String(form.grant_type)}`,
		);
	const { token, expiresIn } = state.issueToken(credentials.id, ctx.now);
	return {
		status: 200,
		body: {
			access_token: token,
			token_type: 'Bearer',
			expires_in: expiresIn,
			scope:
				typeof form.scope === 'string' && form.scope
					? form.scope
					: 'account contact report sms voice',
			permissions: [],
		},
	};
}

/** The calling application, or the 401 Routee answers for a missing/unknown/expired token. */
export function authenticate(ctx: Ctx, state: RouteeState): { applicationId: string } | Reply {
	const header = headerValue(ctx, 'authorization');
	const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
	if (!match) {
		return {
			status: 401,
			body: {
				code: ROUTEE_CODES.unauthorized,
				developerMessage:
					'Full authentication is required: send Authorization: Bearer <access_token>',
			},
		};
	}
	const checked = state.checkToken(match[1], ctx.now);
	if ('refused' in checked)
		return {
			status: 401,
			body: { code: ROUTEE_CODES.unauthorized, developerMessage: checked.refused },
		};
	return checked;
}
