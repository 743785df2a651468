// Routee resource endpoints under /routee (replaces https://connect.routee.net): the route table and
// the handlers shared by SMS and voice campaigns (details, cancel, tracking pages, balance); the Contacts API
// (contacts, labels, groups, blacklist) is in contacts-routes.ts.

import { round } from '../check';
import { matchRoute, type Ctx, type Reply, type Route } from '../http';
import { authenticate } from './auth';
import { voiceTrackingPayload } from './callbacks';
import { contactRoutes } from './contacts-routes';
import { ROUTEE_CODES, checkPage, routeeFailure } from './contract';
import {
	campaignNotFound,
	campaignView,
	failed,
	findCampaign,
	notScheduled,
	ok,
	page,
	smsEntries,
	trackingNotFound,
	type RouteeDeps,
} from './common';
import {
	analyzeSmsCampaign,
	sendSingleSms,
	sendSmsCampaign,
	trackSingleSms,
	updateSmsCampaign,
} from './sms-routes';
import type { Campaign, SmsMessage, VoiceMessage } from './state';
import {
	actOnConversation,
	getConversation,
	sendVoiceCampaign,
	startConversation,
	trackVoiceMessage,
} from './voice-routes';

export type { RouteeDeps } from './common';

function cancelCampaign(deps: RouteeDeps, ctx: Ctx, type: Campaign['type']): Reply {
	const campaign = findCampaign(deps, ctx.params.trackingId, type);
	if (!campaign) return campaignNotFound(ctx.params.trackingId);
	if (campaign.state !== 'Scheduled') return notScheduled(campaign);
	campaign.state = 'Cancelled';
	campaign.version++;
	deps.state.balance = round(deps.state.balance + campaign.cost);
	return ok(campaignView(deps.state, campaign));
}

function trackCampaign(deps: RouteeDeps, ctx: Ctx, type: Campaign['type']): Reply {
	const campaign = findCampaign(deps, ctx.params.trackingId, type);
	if (!campaign) return trackingNotFound(ctx.params.trackingId);
	const paging = checkPage(ctx.query);
	if (!paging.ok) return failed(paging.failure);
	const entries =
		type === 'Sms'
			? campaign.messageIds.flatMap((id) =>
					smsEntries(deps.state.smsMessages.get(id) as SmsMessage),
				)
			: campaign.messageIds.map((id) =>
					voiceTrackingPayload(deps.state.voiceMessages.get(id) as VoiceMessage),
				);
	return ok(page(entries, paging.value.page, paging.value.size));
}

// ---------------------------------------------------------------- account

function balance(deps: RouteeDeps): Reply {
	return ok({
		balance: round(deps.state.balance),
		currency: { code: 'EUR', name: 'Euro', sign: '€' },
	});
}

// ---------------------------------------------------------------- dispatch

function routes(deps: RouteeDeps): Route<string>[] {
	return [
		{
			method: 'POST',
			pattern: '/sms/campaign',
			handler: (ctx, app) => sendSmsCampaign(deps, ctx, app),
		},
		{
			method: 'POST',
			pattern: '/sms/analyze/campaign',
			handler: (ctx) => analyzeSmsCampaign(deps, ctx),
		},
		{ method: 'POST', pattern: '/sms', handler: (ctx, app) => sendSingleSms(deps, ctx, app) },
		{
			method: 'PUT',
			pattern: '/sms/:trackingId',
			handler: (ctx, app) => updateSmsCampaign(deps, ctx, app),
		},
		{
			method: 'DELETE',
			pattern: '/sms/:trackingId',
			handler: (ctx) => cancelCampaign(deps, ctx, 'Sms'),
		},
		{
			method: 'GET',
			pattern: '/campaigns/:trackingId',
			handler: (ctx) => {
				const campaign = findCampaign(deps, ctx.params.trackingId);
				return campaign
					? ok(campaignView(deps.state, campaign))
					: campaignNotFound(ctx.params.trackingId);
			},
		},
		{
			method: 'GET',
			pattern: '/sms/tracking/single/:messageId',
			handler: (ctx) => trackSingleSms(deps, ctx),
		},
		{
			method: 'GET',
			pattern: '/sms/tracking/campaign/:trackingId',
			handler: (ctx) => trackCampaign(deps, ctx, 'Sms'),
		},
		{
			method: 'POST',
			pattern: '/voice/campaign',
			handler: (ctx, app) => sendVoiceCampaign(deps, ctx, app),
		},
		{
			method: 'DELETE',
			pattern: '/voice/campaign/:trackingId',
			handler: (ctx) => cancelCampaign(deps, ctx, 'Voice'),
		},
		{
			method: 'GET',
			pattern: '/voice/tracking/campaign/:trackingId',
			handler: (ctx) => trackCampaign(deps, ctx, 'Voice'),
		},
		{
			method: 'GET',
			pattern: '/voice/tracking/:messageId',
			handler: (ctx) => trackVoiceMessage(deps, ctx),
		},
		{
			method: 'POST',
			pattern: '/voice/conversation',
			handler: (ctx, app) => startConversation(deps, ctx, app),
		},
		{
			method: 'GET',
			pattern: '/voice/conversation/:trackingId',
			handler: (ctx) => getConversation(deps, ctx),
		},
		{
			method: 'PUT',
			pattern: '/voice/conversation/:messageId',
			handler: (ctx) => actOnConversation(deps, ctx),
		},
		{ method: 'GET', pattern: '/accounts/me/balance', handler: () => balance(deps) },
		...contactRoutes(deps),
	];
}

export function createRouteeHandler(deps: RouteeDeps): (ctx: Ctx) => Reply {
	const table = routes(deps);
	return (ctx) => {
		const match = matchRoute(table, ctx.method, ctx.path);
		if (match.kind === 'not-found') {
			return failed(
				routeeFailure(
					404,
					ROUTEE_CODES.notFound,
					`No such Routee endpoint: ${ctx.method} ${ctx.path}`,
				),
			);
		}
		if (match.kind === 'method-not-allowed') {
			return {
				...failed(
					routeeFailure(
						405,
						ROUTEE_CODES.methodNotAllowed,
						`Method ${ctx.method} not allowed on ${ctx.path}`,
					),
				),
				headers: { allow: match.allowed.join(', ') },
			};
		}
		const auth = authenticate(ctx, deps.state);
		if ('status' in auth) return auth;
		if (ctx.bodyError?.kind === 'media-type')
			return failed(routeeFailure(415, ROUTEE_CODES.unsupportedMedia, ctx.bodyError.message));
		if (ctx.bodyError)
			return failed(routeeFailure(400, ROUTEE_CODES.malformed, ctx.bodyError.message));
		if ((ctx.method === 'POST' || ctx.method === 'PUT') && ctx.body === undefined) {
			return failed(
				routeeFailure(400, ROUTEE_CODES.validation, 'The request body is required (JSON object)'),
			);
		}
		return match.handler({ ...ctx, params: match.params }, auth.applicationId);
	};
}
