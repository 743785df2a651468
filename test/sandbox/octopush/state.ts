// Octopush account state: accounts, credit, account settings (callback URLs), lists, tickets, request ids.

import { randomBytes } from 'node:crypto';

import type { Json } from '../check';
import type { Contact } from './contract';

export const VOICE_PRICE_PER_CONTACT = 0.05;
export const SMS_PRICE_PER_PART: Record<string, number> = { sms_premium: 0.05, sms_low_cost: 0.03 };
export const REQUEST_ID_WINDOW_MS = 24 * 60 * 60 * 1000;
/**
 * VMS cancel rules (https://octopush-api.readme.io/reference/delete_public_apivoice_campaigncancel): "only allowed when the
 * campaign has fewer than 3 recipients", "limited to 1000 requests per month and per API user account", "Waiting
 * campaigns must still be scheduled more than 10 minutes in the future".
 */
export const CANCEL_MIN_AHEAD_MS = 10 * 60 * 1000;
export const CANCEL_MAX_RECIPIENTS = 2;
export const CANCELS_PER_MONTH = 1000;

/**
 * The account settings as `GET /user/campaign-parameters` shows them: three sections, each an object.
 * https://dev.octopush.com/en/sms-gateway-api-documentation/api-default-parameters/retrieve-configuration/
 * https://octopush-api.readme.io/reference/get_public_apiuserget_campaign_parameters (the same sections under
 * `GET /campaign/parameters`; its callbacks add `api_version` and `use_metadata_node_for_inbound`)
 */
export type AccountSettings = Record<string, Json>;

/** The documented GET paths of the account settings. */
export const SETTINGS_READ_PATHS = ['/user/campaign-parameters', '/campaign/parameters'] as const;

/** A fresh account: every documented key, no callback URL (the sandbox shows "none" as null). */
export function defaultSettings(): AccountSettings {
	return {
		sms_campaign_alert_parameters: {
			alert_type: 'sms_premium',
			alert_bound: 150,
			alert_email_to: 'alerts@example.com',
			alert_phone_number_to: '+33600000990',
		},
		campaign_parameters: {
			sender_for_sms_premium: 'Sandbox',
			sender_for_voice_sms: '33600000991',
			phone_number_for_test_sms: '+33600000992',
		},
		callbacks: {
			callback_url_for_inbounds: null,
			callback_url_for_deliveries: null,
			callback_url_for_blacklisted_numbers: null,
			callback_url_for_visits: null,
			email_for_inbounds: null,
		},
	};
}

export interface Ticket {
	ticketNumber: string;
	channel: 'voice_sms' | 'sms';
	/** 'send': /voice-campaign/send or /sms-campaign/send; 'list': on-list / on-tag (4 services). */
	kind: 'send' | 'list';
	text: string;
	recipients: Contact[];
	cost: number;
	unitPrice: number;
	estimatedDuration: number;
	sendAt: number | null;
	getBackPressedKeys: boolean;
	listName: string | null;
	/** list: computation ends at readyAt, then ready (or failed). */
	readyAt: number;
	computationFails: boolean;
	sent: boolean;
	cancelled: boolean;
	simulation: boolean;
}

export function ticketNumber(prefix: 'voice' | 'sms'): string {
	return `${prefix}_${randomBytes(7).toString('hex').slice(0, 13)}`;
}

export function estimatedDuration(contacts: number): number {
	return 30 * Math.max(1, Math.ceil(contacts / 100));
}

export class OctopushState {
	/** api-login → api-key. */
	readonly accounts = new Map<string, string>([['sandbox@example.com', 'sandbox-key']]);
	balance = 150;
	/** The account settings (alerts, campaign parameters, callbacks); PATCH replaces the sections it sends. */
	settings: AccountSettings = defaultSettings();
	/** The GET paths this account answers; delete one to make it answer 404 (as if that page were outdated). */
	readonly settingsReadPaths = new Set<string>(SETTINGS_READ_PATHS);
	/** Contact lists (list_name → numbers) and tags (tag_name → numbers); unknown names are empty. */
	readonly lists = new Map<string, string[]>([
		['sandbox-list', ['+33600000101', '+33600000102', '+33600000103']],
		['fail-list', ['+33600000201']],
	]);
	readonly tags = new Map<string, string[]>([['sandbox-tag', ['+33600000301', '+33600000302']]]);
	/**
	 * The account's contacts (number → the contact as last written by POST /contact/create); a list holds numbers.
	 * https://dev.octopush.com/en/sms-gateway-api-documentation/add-a-contact/
	 */
	readonly contacts = new Map<string, Contact>();
	/** Numbers that opted out (simulateStop adds to it): their delivery status is BLACKLISTED_NUMBER. */
	readonly blacklist = new Set<string>();
	readonly tickets = new Map<string, Ticket>();
	/** request_id → epoch ms of its first use. */
	readonly requestIds = new Map<string, number>();
	/** `<api-login> <YYYY-MM>` → VMS cancel requests that account made that month (UTC). */
	readonly voiceCancels = new Map<string, number>();
	/** number → last ticket sent to it (message_id of inbound / STOP callbacks). */
	readonly lastTicketByNumber = new Map<string, string>();

	/** The account's callback settings (a live view: edit it to set a URL by hand). */
	get callbacks(): Json {
		this.settings.callbacks ??= {};
		return this.settings.callbacks;
	}

	/** The URL a callback kind is POSTed to, or null when none is set. */
	callbackUrl(
		key:
			| 'callback_url_for_deliveries'
			| 'callback_url_for_inbounds'
			| 'callback_url_for_blacklisted_numbers',
	): string | null {
		const url = this.settings.callbacks?.[key];
		return typeof url === 'string' && url !== '' ? url : null;
	}

	/** True when `requestId` was already used within 24 h. */
	seenRequestId(requestId: string, now: number): boolean {
		const at = this.requestIds.get(requestId);
		if (at !== undefined && now - at < REQUEST_ID_WINDOW_MS) return true;
		return false;
	}

	rememberRequestId(requestId: string, now: number): void {
		this.requestIds.set(requestId, now);
	}

	/** Counts one VMS cancel request of `login`; returns how many it made this month, this one included. */
	countVoiceCancel(login: string, now: number): number {
		const key = `${login} ${new Date(now).toISOString().slice(0, 7)}`;
		const count = (this.voiceCancels.get(key) ?? 0) + 1;
		this.voiceCancels.set(key, count);
		return count;
	}
}
