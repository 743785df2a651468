import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { z } from 'zod';

import { defaultCountryOf } from '../../shared/fields';
import { itemValueReader } from '../../shared/action/item-values';
import { executeJobs, type Job, type Mode } from '../../shared/action/execute';
import {
	bundleOf,
	copyOptions,
	listOf,
	optionsOf,
	phoneListOf,
	scheduleAndCallbacksOf,
} from './fields';
import { failureKindOf, invalid } from '../../shared/http';
import { routeeRequest } from '../transport';
import { phoneNumberOf } from '../../shared/action/phone-number';
import { assertBody } from '../transport/contract';
import { uncountableRecipients } from '../../shared/action/tool-limit';

interface CampaignOperation {
	path: string;
	schema: z.ZodTypeAny;
	/** Whether the request sends messages (false for the analysis). */
	sends: boolean;
	/** The request body without its recipients, read from item `itemIndex`. */
	readBody(context: IExecuteFunctions, itemIndex: number): IDataObject;
}

interface Recipients {
	to: string[];
	contacts: string[];
	groups: string[];
}

function withRecipients(body: IDataObject, recipients: Recipients): IDataObject {
	const result = { ...body };
	if (recipients.to.length > 0) result.to = recipients.to;
	if (recipients.contacts.length > 0) result.contacts = recipients.contacts;
	if (recipients.groups.length > 0) result.groups = recipients.groups;
	return result;
}

function itemRecipients(context: IExecuteFunctions, itemIndex: number): Recipients {
	const country = defaultCountryOf(optionsOf(context, itemIndex));
	const field = (name: string) => context.getNodeParameter(name, itemIndex, '') as unknown;
	return {
		to: phoneListOf(context, itemIndex, 'To', field('to'), country),
		contacts: listOf(context, itemIndex, 'Contact IDs', field('contacts')),
		groups: listOf(context, itemIndex, 'Groups', field('groups')),
	};
}

/** The recipient input item `itemIndex` is (its Recipient Type and Recipient), in "one campaign for all input items" mode. */
function recipientOfItem(
	context: IExecuteFunctions,
	itemIndex: number,
	country: string,
	type: unknown,
	value: unknown,
): Recipients {
	if (type === 'contact') {
		const [contact, ...more] = listOf(context, itemIndex, 'Recipient', value);
		if (contact === undefined)
			throw invalid(context, itemIndex, 'Recipient', 'must not be empty: give a Routee contact ID');
		if (more.length > 0)
			throw invalid(context, itemIndex, 'Recipient', 'must be one contact ID per item');
		return { to: [], contacts: [contact], groups: [] };
	}
	return {
		to: [phoneNumberOf(context, itemIndex, 'Recipient', value, country)],
		contacts: [],
		groups: [],
	};
}

/** The campaign's body: its fields from the lead item, its recipients from the job's items. */
function planCampaign(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	operation: CampaignOperation,
	mode: Mode,
	job: Job,
	leaveOut: (itemIndex: number, error: Error) => void,
): IDataObject {
	const base = operation.readBody(context, job.leadItem);
	if (mode === 'perItem') {
		const body = withRecipients(base, itemRecipients(context, job.leadItem));
		return assertBody(context, operation.schema, body, job.leadItem) as IDataObject;
	}
	const country = defaultCountryOf(optionsOf(context, job.leadItem));
	const recipients: Recipients = { to: [], contacts: [], groups: [] };
	const typeOf = itemValueReader(context, items, 'recipientType', 'phone');
	const valueOf = itemValueReader(context, items, 'recipient', '');
	for (const itemIndex of job.itemIndexes) {
		try {
			const recipient = recipientOfItem(
				context,
				itemIndex,
				country,
				typeOf(itemIndex),
				valueOf(itemIndex),
			);
			recipients.to.push(...recipient.to);
			recipients.contacts.push(...recipient.contacts);
		} catch (error) {
			leaveOut(itemIndex, error as Error);
		}
	}
	if (job.itemIndexes.length === 0) return {};
	return assertBody(
		context,
		operation.schema,
		withRecipients(base, recipients),
		job.itemIndexes[0],
	) as IDataObject;
}

/**
 * How many recipients a campaign body addresses, for Max Recipients per Tool Call: each phone number and each contact
 * ID is one (a Routee contact is one person with one mobile). Groups are refused: only Routee knows a group's size,
 * and only when it sends. Analyze answers `totalInGroups` for an SMS campaign, but it is a separate request whose
 * count a group may outgrow before the send, and voice campaigns have no analysis at all
 * (https://docs.routee.net/reference/send-a-voice-campaign), so a count from it would be a guess, not a bound.
 */
export function routeeRecipientCount(
	context: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
	limit: number,
): number {
	const listed = (key: string) => (Array.isArray(body[key]) ? (body[key] as unknown[]).length : 0);
	if (listed('groups') > 0) {
		throw uncountableRecipients(
			context,
			itemIndex,
			'Groups',
			'Only Routee knows how many contacts a group holds when it sends',
			limit,
		);
	}
	return listed('to') + listed('contacts');
}

/** Sends one campaign per input item, or one for all input items; every request is validated first. */
export async function executeCampaign(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	operation: CampaignOperation,
): Promise<INodeExecutionData[]> {
	const mode = context.getNodeParameter('mode', 0, 'perItem') as Mode;
	return await executeJobs(context, items, {
		mode,
		plan: (job, leaveOut) => planCampaign(context, items, operation, mode, job, leaveOut),
		run: async (body, job) =>
			await routeeRequest(context, 'POST', operation.path, job.leadItem, body),
		sends: operation.sends,
		describe: (result) =>
			Array.isArray(result) ? undefined : `tracking ID ${String(result.trackingId)}`,
		explain: (error) => (operation.sends ? unknownOutcome(error) : undefined),
		// an analysis sends nothing: only a send is bounded in tool mode
		...(operation.sends
			? {
					recipients: (body: IDataObject, job: Job, limit: number) =>
						routeeRecipientCount(context, job.leadItem, body, limit),
				}
			: {}),
	});
}

/** What to tell the user when a send may or may not have been accepted. */
export function unknownOutcome(error: Error): string | undefined {
	return failureKindOf(error) === 'unknown'
		? 'Routee gave no usable answer, so this request may or may not have been accepted: check Routee (e.g. its tracking) before sending it again.'
		: undefined;
}

/** The reminder (a test SMS before/after the campaign) from its bundle. */
function reminderOf(
	context: IExecuteFunctions,
	itemIndex: number,
	options: IDataObject,
): IDataObject | undefined {
	const bundle = bundleOf(options, 'reminder');
	if (bundle === undefined) return undefined;
	const reminder: IDataObject = {
		to: phoneListOf(
			context,
			itemIndex,
			'Reminder: Phone Numbers',
			bundle.to,
			defaultCountryOf(options),
		),
	};
	copyOptions(bundle, reminder, { minutesBefore: 'minutesBefore' });
	// `minutesAfter` is in no Routee page (https://docs.routee.net/reference/send-bulk-messages documents
	// `reminder.minutesBefore` and `reminder.to` only; a third-party SDK has it): n8n fills the field's default 0 into
	// every saved reminder, so 0 (the default, which n8n does not even save) is not sent; a value the user set is.
	const after = bundle.minutesAfter;
	const unset =
		after === undefined ||
		after === null ||
		after === 0 ||
		(typeof after === 'string' && after.trim() === '');
	if (!unset) reminder.minutesAfter = typeof after === 'string' ? after.trim() : after;
	return reminder;
}

function fallbackValuesOf(options: IDataObject): IDataObject | undefined {
	const entries = ((options.fallbackValues as IDataObject | undefined)?.values ??
		[]) as IDataObject[];
	if (entries.length === 0) return undefined;
	return Object.fromEntries(
		entries.map((entry) => [String(entry.label ?? '').trim(), entry.value ?? '']),
	);
}

/** The campaign fields of an SMS campaign body read from the Options, shared with Update Scheduled Campaign. */
export function smsCampaignOptions(
	context: IExecuteFunctions,
	itemIndex: number,
	options: IDataObject,
): IDataObject {
	const body: IDataObject = {};
	copyOptions(options, body, {
		campaignName: 'campaignName',
		flash: 'flash',
		respectQuietHours: 'respectQuietHours',
		ttl: 'ttl',
		allowInvalid: 'allowInvalid',
		transcode: 'transcode',
	});
	Object.assign(body, scheduleAndCallbacksOf(context, itemIndex, options));
	const reminder = reminderOf(context, itemIndex, options);
	if (reminder) body.reminder = reminder;
	const fallbackValues = fallbackValuesOf(options);
	if (fallbackValues) body.fallbackValues = fallbackValues;
	return body;
}
