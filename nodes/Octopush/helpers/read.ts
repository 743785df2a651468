import {
	jsonParse,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { itemValueReader } from '../../shared/action/item-values';
import { defaultCountryOf } from '../../shared/fields';
import { normalizePhoneNumber } from '../../shared/phone';
import { scheduledDateOf } from '../../shared/action/scheduled-date';
import { CONTACT_FIELDS, type Contact } from '../transport/contract';
import { labelOf } from '../labels';
import { CONTACT_PARAMETERS } from './fields';
import { invalid, type Source } from '../../shared/http';

export type { Mode } from '../../shared/action/execute';
import type { Mode } from '../../shared/action/execute';

/**
 * The contacts of a campaign, in order, and where each came from (for errors and output pairing).
 * Sources are derived, not stored: a 100,000-item campaign would otherwise keep two more objects per
 * contact alive until it is sent, which the garbage collector copies again and again.
 */
export interface Recipients {
	contacts: Contact[];
	sourceOf(position: number): Source;
}

/**
 * The recipients of a campaign: those listed in item `itemIndex`, or (all items mode) one per input item;
 * national numbers are read in the Default Country of item `itemIndex`'s options.
 */
export function readRecipients(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	mode: Mode,
	itemIndex: number,
): Recipients {
	const defaultCountry = defaultCountryOf(
		context.getNodeParameter('options', itemIndex, {}) as IDataObject,
	);
	if (mode === 'allItems') {
		const phoneNumber = itemValueReader(context, items, 'phoneNumber', '');
		const parameterOf: Record<string, string> = Object.fromEntries(
			Object.entries(CONTACT_PARAMETERS).map(([parameter, field]) => [field, parameter]),
		);
		// in CONTACT_FIELDS order, the order contactOf takes the values in
		const fieldReaders = CONTACT_FIELDS.map((field) =>
			itemValueReader(context, items, `personalization.${parameterOf[field]}`, ''),
		);
		// one array reused for every item: the values only live until the item's contact is built
		const values: unknown[] = [];
		const sourceOf = (position: number): Source => ({ itemIndex: position });
		const contacts = items.map((_, index) => {
			const phone = phoneNumber(index);
			for (let field = 0; field < fieldReaders.length; field++)
				values[field] = fieldReaders[field](index);
			return contactOf(context, phone, values, sourceOf(index), defaultCountry);
		});
		return { contacts, sourceOf };
	}
	const input = context.getNodeParameter('recipientsInput', itemIndex, 'fields') as string;
	const list =
		input === 'json' ? jsonRecipients(context, itemIndex) : listedRecipients(context, itemIndex);
	const sourceOf = (position: number): Source => ({ itemIndex, recipient: position + 1 });
	const contacts = list.map((raw, position) =>
		contactOf(
			context,
			raw.phone_number,
			CONTACT_FIELDS.map((field) => raw[field]),
			sourceOf(position),
			defaultCountry,
		),
	);
	return { contacts, sourceOf };
}

function listedRecipients(context: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const listed = context.getNodeParameter('recipients.recipient', itemIndex, []) as IDataObject[];
	return listed.map((entry) => {
		const raw: IDataObject = { phone_number: entry.phoneNumber };
		const personalization = (entry.personalization ?? {}) as IDataObject;
		for (const [parameter, field] of Object.entries(CONTACT_PARAMETERS))
			raw[field] = personalization[parameter];
		return raw;
	});
}

function jsonRecipients(context: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const value = context.getNodeParameter('recipientsJson', itemIndex, '[]') as unknown;
	let parsed: unknown = value;
	if (typeof value === 'string') {
		try {
			parsed = jsonParse(value === '' ? '[]' : value);
		} catch {
			throw invalid(context, { itemIndex }, 'Recipients (JSON)', 'is not valid JSON');
		}
	}
	if (!Array.isArray(parsed)) {
		throw invalid(
			context,
			{ itemIndex },
			'Recipients (JSON)',
			'must be an array of phone numbers or contacts',
		);
	}
	const allowed = ['phone_number', ...CONTACT_FIELDS] as string[];
	return parsed.map((entry: unknown, position) => {
		if (typeof entry === 'string' || typeof entry === 'number') return { phone_number: entry };
		const source = { itemIndex, recipient: position + 1 };
		if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
			throw invalid(
				context,
				source,
				'Recipient',
				'must be a phone number or an object with phone_number',
			);
		}
		const unknown = Object.keys(entry).filter((key) => !allowed.includes(key));
		if (unknown.length > 0) {
			throw invalid(
				context,
				source,
				'Recipient',
				`has unknown field ${unknown.map((key) => `"${key}"`).join(', ')}: use ${allowed.join(', ')}`,
			);
		}
		return entry as IDataObject;
	});
}

/** The contact of a phone number and the values of CONTACT_FIELDS (in that order), checked. */
function contactOf(
	context: IExecuteFunctions,
	phone: unknown,
	values: readonly unknown[],
	source: Source,
	defaultCountry: string,
): Contact {
	const number = typeof phone === 'string' || typeof phone === 'number' ? phone : '';
	const normalized = normalizePhoneNumber(number, defaultCountry || undefined);
	if (!normalized.ok) throw invalid(context, source, 'Phone Number', normalized.reason);
	const contact: Contact = { phone_number: normalized.e164 };
	for (let index = 0; index < CONTACT_FIELDS.length; index++) {
		const field = CONTACT_FIELDS[index];
		const value = values[index];
		if (value === undefined || value === null || value === '') continue;
		if (typeof value !== 'string' && typeof value !== 'number') {
			throw invalid(
				context,
				source,
				labelOf(field) ?? field,
				`must be text, got ${JSON.stringify(value)}`,
			);
		}
		contact[field] = String(value);
	}
	return contact;
}

/** Sender, Send At, Purpose and Simulation Mode of the campaign read from item `itemIndex`, as body fields. */
export function readCommonFields(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	const sender = String(context.getNodeParameter('sender', itemIndex, '') ?? '').trim();
	if (sender !== '') body.sender = sender;
	// a passed date is sent: Octopush sends at once (see scheduledDateOf)
	const sendAt = scheduledDateOf(context, itemIndex, 'Send At', options.sendAt);
	if (sendAt !== undefined) body.send_at = sendAt;
	if (options.purpose !== undefined && options.purpose !== '') body.purpose = options.purpose;
	if (options.simulationMode !== undefined) body.simulation_mode = options.simulationMode;
	return body;
}
