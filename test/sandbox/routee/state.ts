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

/** Blacklist services (https://docs.routee.net/reference/add-contacts-to-blacklist), in the docs' order. */
export const BLACKLIST_SERVICES = [
	'Sms',
	'Voice',
	'Viber',
	'TwoStep',
	'Lookup',
	'NumberValidator',
] as const;
export type BlacklistService = (typeof BLACKLIST_SERVICES)[number];

export const LABEL_TYPES = ['Text', 'Number'] as const;
export type LabelType = (typeof LABEL_TYPES)[number];
/** The account's default labels (sandbox choice of names: the Contact object's own fields), all Text. */
export const DEFAULT_LABELS = [
	'firstName',
	'lastName',
	'mobile',
	'email',
	'country',
	'vip',
] as const;

export interface RouteeContact {
	id: string;
	firstName: string | null;
	lastName: string | null;
	mobile: string;
	email: string | null;
	vip: boolean;
	/** Custom label values; the type is the label definition's. */
	labels: Array<{ name: string; value: string | number }>;
	/** In BLACKLIST_SERVICES order. */
	blacklistedServices: BlacklistService[];
}

export function newContact(id: string, mobile: string): RouteeContact {
	return {
		id,
		firstName: null,
		lastName: null,
		mobile,
		email: null,
		vip: false,
		labels: [],
		blacklistedServices: [],
	};
}

/** Adds the service to the contact's blacklist; false when it was already there. */
export function blacklistContact(contact: RouteeContact, service: BlacklistService): boolean {
	if (contact.blacklistedServices.includes(service)) return false;
	contact.blacklistedServices = BLACKLIST_SERVICES.filter(
		(s) => s === service || contact.blacklistedServices.includes(s),
	);
	return true;
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
	/**
	 * The account's contacts by id (Contacts API, and `contacts[]` of campaigns), in creation order. The seeded
	 * ids are not 24 hex characters (campaign tests name them); ids the sandbox creates are.
	 */
	readonly contacts = new Map<string, RouteeContact>(
		[
			['sandbox-contact-1', '+306900000201'],
			['sandbox-contact-2', '+306900000202'],
			['sandbox-contact-101', '+306900000101'],
			['sandbox-contact-102', '+306900000102'],
			['sandbox-contact-103', '+306900000103'],
		].map(([id, mobile]) => [id, newContact(id, mobile)]),
	);
	/** Group name → contact ids (for `groups[]` and /groups/my); unknown groups are empty in campaigns. */
	readonly groups = new Map<string, string[]>([
		['sandbox-group', ['sandbox-contact-101', 'sandbox-contact-102', 'sandbox-contact-103']],
		['empty-group', []],
	]);
	/** Custom contact labels (POST /contacts/labels/my): name → type. The default labels are DEFAULT_LABELS. */
	readonly labels = new Map<string, LabelType>();

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

	/** A new contact with a 24-hex id, stored. */
	addContact(mobile: string): RouteeContact {
		let id = randomBytes(12).toString('hex');
		while (this.contacts.has(id)) id = randomBytes(12).toString('hex');
		const contact = newContact(id, mobile);
		this.contacts.set(id, contact);
		return contact;
	}

	contactByMobile(mobile: string): RouteeContact | undefined {
		for (const contact of this.contacts.values()) if (contact.mobile === mobile) return contact;
		return undefined;
	}

	/** Names of the groups a contact is in, in group creation order. */
	groupsOf(id: string): string[] {
		return [...this.groups].filter(([, ids]) => ids.includes(id)).map(([name]) => name);
	}

	/** Mobiles of a group's contacts; an unknown group is empty. */
	groupMobiles(name: string): string[] {
		return (this.groups.get(name) ?? []).flatMap((id) => {
			const contact = this.contacts.get(id);
			return contact ? [contact.mobile] : [];
		});
	}

	/** Whether a contact with this mobile is blacklisted for the service (campaigns drop such numbers). */
	isBlacklisted(mobile: string, service: BlacklistService): boolean {
		return this.contactByMobile(mobile)?.blacklistedServices.includes(service) ?? false;
	}

	/**
	 * Test helper: blacklists a mobile for the services (default Sms and Voice), creating a contact for it
	 * when the account has none. Returns the contact.
	 */
	blacklistMobile(
		mobile: string,
		services: readonly BlacklistService[] = ['Sms', 'Voice'],
	): RouteeContact {
		const contact = this.contactByMobile(mobile) ?? this.addContact(mobile);
		for (const service of services) blacklistContact(contact, service);
		return contact;
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
