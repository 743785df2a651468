// Routee account state: applications and tokens, balance, contacts/groups, campaigns, messages, conversations.

import { randomBytes } from 'node:crypto';

import type { Json } from '../check';
import type { CallbackSpec, ConversationRequest, TtsMessage } from './contract';

export const SMS_PART_PRICE = 0.05;
export const VOICE_CALL_PRICE = 0.1;

export const SMS_STATUSES = [
	'Queued',
	'Sent',
	'Unsent',
	'Failed',
	'Delivered',
	'Undelivered',
] as const;
export type SmsStatus = (typeof SMS_STATUSES)[number];
export const SMS_FINAL: readonly SmsStatus[] = ['Delivered', 'Undelivered', 'Failed', 'Unsent'];

export const VOICE_STATUSES = [
	'Queued',
	'Initiated',
	'Ringing',
	'InProgress',
	'Completed',
	'Busy',
	'NoAnswer',
	'Failed',
	'Unsent',
	'Terminated',
] as const;
export type VoiceStatus = (typeof VOICE_STATUSES)[number];
export const VOICE_FINAL: readonly VoiceStatus[] = [
	'Completed',
	'Busy',
	'NoAnswer',
	'Failed',
	'Unsent',
	'Terminated',
];

export type CampaignState = 'Scheduled' | 'Queued' | 'Running' | 'Finished' | 'Cancelled';

export interface SmsMessage {
	messageId: string;
	/** One smsId per part. */
	smsIds: string[];
	campaignTrackingId: string | null;
	campaignName: string | null;
	groups: string[];
	to: string;
	from: string;
	text: string;
	parts: number;
	label: string | null;
	status: SmsStatus;
	reason: { detailedStatus: string; description: string } | null;
	createdAt: string;
	updatedDate: string;
	callback: CallbackSpec | null;
	country: string;
	applicationName: string;
}

export interface VoiceMessage {
	messageId: string;
	campaignTrackingId: string | null;
	conversationTrackingId: string | null;
	campaignName: string | null;
	groups: string[];
	to: string;
	from: string;
	status: VoiceStatus;
	createdAt: string;
	updatedDate: string;
	duration: number;
	price: number;
	callback: CallbackSpec | null;
	country: string;
	applicationName: string;
	audioMessage: TtsMessage | null;
	fileURL: string | null;
	hangupDelay: number | null;
	respectQuietHours: boolean;
	/** Set by PUT /voice/conversation/{id}: the call ends as Terminated at its next step. */
	hangupRequested: boolean;
	/** A voice campaign's collectDtmfDigits: the callee presses keys once the call is answered. */
	collectDtmfDigits: boolean;
	/**
	 * The keys pressed (COLLECT, or a campaign with collectDtmfDigits), null while none were collected. Voice
	 * tracking answers them as `collectedTones` (https://docs.routee.net/reference/voicemessagetracking); the
	 * voice callback has no such field (https://docs.routee.net/docs/voice-callbacks).
	 */
	collectedTones: string | null;
}

export interface Campaign {
	type: 'Sms' | 'Voice';
	trackingId: string;
	createdAt: string;
	state: CampaignState;
	/** Bumped on every update so a stale scheduled start does nothing. */
	version: number;
	scheduledAt: number | null;
	campaignName: string | null;
	campaignCallback: CallbackSpec | null;
	/** Static response fields (everything but state, statuses, cost). */
	response: Json;
	/** The request body as received, merged with updates (PUT). */
	requestBody: Json;
	messageIds: string[];
	cost: number;
	applicationName: string;
	/** Serialises campaign-progress callbacks. */
	callbackChain: Promise<unknown>;
}

export interface Conversation {
	trackingId: string;
	messageId: string;
	request: ConversationRequest;
	response: Json;
}

interface Token {
	applicationId: string;
	expiresAt: number;
}

export function uuid(): string {
	const b = randomBytes(16);
	b[6] = (b[6] & 0x0f) | 0x40;
	b[8] = (b[8] & 0x3f) | 0x80;
	const h = b.toString('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export class RouteeState {
	/** applicationId → secret. */
	readonly applications = new Map<string, string>([['sandbox-app', 'sandbox-secret']]);
	tokensIssued = 0;
	tokenLifetimeSeconds = 3600;
	balance = 100;
	/** Contact id → mobile (for `contacts[]`). */
	readonly contacts = new Map<string, string>([
		['sandbox-contact-1', '+306900000201'],
		['sandbox-contact-2', '+306900000202'],
	]);
	/** Group name → mobiles (for `groups[]`); unknown groups are empty. */
	readonly groups = new Map<string, string[]>([
		['sandbox-group', ['+306900000101', '+306900000102', '+306900000103']],
		['empty-group', []],
	]);
	/** Blacklisted mobiles: excluded from campaigns (`blacklisted: true` in the analysis). */
	readonly blacklist = new Set<string>();

	readonly tokens = new Map<string, Token>();
	readonly campaigns = new Map<string, Campaign>();
	readonly smsMessages = new Map<string, SmsMessage>();
	readonly voiceMessages = new Map<string, VoiceMessage>();
	readonly conversations = new Map<string, Conversation>();
	lastConversationAt = Number.NEGATIVE_INFINITY;

	/** Every token issued so far answers 401 from now on. */
	expireAllTokens(): void {
		for (const token of this.tokens.values()) token.expiresAt = 0;
	}

	issueToken(applicationId: string, now: number): { token: string; expiresIn: number } {
		const token = randomBytes(24).toString('hex');
		this.tokens.set(token, { applicationId, expiresAt: now + this.tokenLifetimeSeconds * 1000 });
		this.tokensIssued++;
		return { token, expiresIn: this.tokenLifetimeSeconds };
	}

	/** The application a bearer token belongs to, or why it is refused. */
	checkToken(token: string, now: number): { applicationId: string } | { refused: string } {
		const found = this.tokens.get(token);
		if (!found) return { refused: 'Invalid access token' };
		if (found.expiresAt <= now) return { refused: 'Access token expired' };
		if (!this.applications.has(found.applicationId))
			return { refused: 'Application no longer exists' };
		return { applicationId: found.applicationId };
	}

	campaignNameTaken(name: string, exceptTrackingId?: string): boolean {
		for (const campaign of this.campaigns.values()) {
			if (
				campaign.trackingId !== exceptTrackingId &&
				campaign.state !== 'Cancelled' &&
				campaign.campaignName === name
			)
				return true;
		}
		return false;
	}
}
