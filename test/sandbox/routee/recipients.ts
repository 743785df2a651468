// Routee recipients: `to` + `contacts` + `groups` resolved against the account, and their analysis.

import { countryOf } from '../numbers';
import { ROUTEE_CODES, routeeFailure, type Checked, type RouteeFailure } from './contract';
import type { BlacklistService, RouteeState } from './state';

export interface Recipient {
	number: string;
	/** Groups the recipient was taken from (empty for `to` and `contacts`). */
	groups: string[];
}

export interface ResolvedRecipients {
	recipients: Recipient[];
	/** smsAnalysis / voiceAnalysis fields except bodyAnalysis / dialPlanAnalysis. */
	analysis: {
		contacts: Record<string, { recipient: string; recipientCountry: string; blacklisted: boolean }>;
		numberOfRecipients: number;
		recipientCountries: Record<string, string>;
		recipientsPerCountry: Record<string, number>;
		recipientsPerGroup: Record<string, number>;
		totalInGroups: number;
	};
}

/**
 * `service`: Sms for SMS campaigns, Voice for voice campaigns — a number whose contact is blacklisted for that
 * service is dropped (`blacklisted: true` in the analysis).
 */
export function resolveRecipients(
	state: RouteeState,
	request: { to: string[]; contacts: string[]; groups: string[] },
	service: BlacklistService,
): Checked<ResolvedRecipients> {
	const blacklisted = (mobile: string) => state.isBlacklisted(mobile, service);
	const missing = request.contacts.filter((id) => !state.contacts.has(id));
	if (missing.length) {
		return {
			ok: false,
			failure: routeeFailure(
				404,
				ROUTEE_CODES.contactMissing,
				`A contact id does not exist: ${missing.join(', ')}`,
				missing.map((id) => ({
					code: ROUTEE_CODES.contactMissing,
					developerMessage: 'Contact not found',
					property: id,
				})),
			),
		};
	}
	const byNumber = new Map<string, Recipient>();
	const add = (number: string, group?: string) => {
		if (blacklisted(number)) return;
		const existing = byNumber.get(number);
		if (existing) {
			if (group && existing.groups.length && !existing.groups.includes(group))
				existing.groups.push(group);
			return;
		}
		byNumber.set(number, { number, groups: group ? [group] : [] });
	};
	for (const number of request.to) add(number);
	const contacts: ResolvedRecipients['analysis']['contacts'] = {};
	for (const id of request.contacts) {
		const mobile = state.contacts.get(id)?.mobile as string;
		contacts[id] = {
			recipient: mobile,
			recipientCountry: countryOf(mobile),
			blacklisted: blacklisted(mobile),
		};
		add(mobile);
	}
	const direct = byNumber.size;
	const recipientsPerGroup: Record<string, number> = {};
	for (const group of request.groups) {
		const members = [...new Set(state.groupMobiles(group))].filter((n) => !blacklisted(n));
		recipientsPerGroup[group] = members.length;
		for (const number of members) add(number, group);
	}
	const recipients = [...byNumber.values()];
	const recipientCountries: Record<string, string> = {};
	const recipientsPerCountry: Record<string, number> = {};
	for (const { number } of recipients) {
		const country = countryOf(number);
		recipientCountries[number] = country;
		recipientsPerCountry[country] = (recipientsPerCountry[country] ?? 0) + 1;
	}
	return {
		ok: true,
		value: {
			recipients,
			analysis: {
				contacts,
				numberOfRecipients: recipients.length,
				recipientCountries,
				recipientsPerCountry,
				recipientsPerGroup,
				totalInGroups: recipients.length - direct,
			},
		},
	};
}

export function noRecipientsFailure(): { ok: false; failure: RouteeFailure } {
	return {
		ok: false,
		failure: routeeFailure(
			400,
			ROUTEE_CODES.noRecipients,
			'Your campaign has no recipients. Your groups might be empty or all contacts might be blacklisted.',
		),
	};
}

export function balanceFailure(
	cost: number,
	balance: number,
): { ok: false; failure: RouteeFailure } {
	return {
		ok: false,
		failure: routeeFailure(
			400,
			ROUTEE_CODES.balance,
			`You don't have enough balance to send the campaign (cost ${cost}, balance ${balance}).`,
		),
	};
}
