import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalid } from '../../shared/http';
import { CONTACT_FIELDS, type Contact, placeholdersIn, labelOf } from '../transport/contract';
import type { Recipients } from './fields';

/*
 * A recipient without a value for a placeholder the text uses ({first_name} with no first name).
 * Octopush calls the contact fields optional: "These parameters are optional. They may also contain only one data
 * item." and its examples send `"param2": null`
 * (https://dev.octopush.com/en/sms-gateway-api-documentation/personalized-sendings-publipostage/). What it renders
 * for a missing value is not documented; the field is left empty. So such a recipient is sent by default
 * (node version 2), and the user can skip it or stop the campaign instead.
 */

export type MissingValues = 'send' | 'skip' | 'stop';

/** The node version from which a missing value is sent by default; version 1 keeps stopping the campaign. */
const SEND_BY_DEFAULT_FROM_VERSION = 2;

/** The choice of item `itemIndex`'s options, or the node version's default. */
export function missingValuesOf(context: IExecuteFunctions, options: IDataObject): MissingValues {
	const chosen = options.missingPlaceholderValues;
	if (chosen === 'send' || chosen === 'skip' || chosen === 'stop') return chosen;
	return context.getNode().typeVersion >= SEND_BY_DEFAULT_FROM_VERSION ? 'send' : 'stop';
}

/** The placeholders of `text` that `contact` has no value for. */
function missingIn(contact: Contact, used: readonly string[]): string[] {
	return used.filter((field) => (contact[field as keyof Contact] ?? '') === '');
}

/** The recipients to send, and how many lacked a value (for the output; none with Stop, which throws instead). */
export interface PlaceholderOutcome {
	recipients: Recipients;
	/** The output fields that count them, or undefined with Stop (version 1 outputs nothing new). */
	counts?: IDataObject;
}

/**
 * Applies the choice: with Stop, the first recipient without a value is refused as before ("First Name is missing,
 * but the text uses the placeholder {first_name}"); with Skip, those recipients are left out; with Send, all go.
 */
export function applyMissingValues(
	context: IExecuteFunctions,
	itemIndex: number,
	text: string,
	recipients: Recipients,
	choice: MissingValues,
	/** Whether the campaign needs at least one recipient (a list campaign has its list's contacts). */
	required: boolean,
): PlaceholderOutcome {
	const used = placeholdersIn(text, CONTACT_FIELDS);
	const missing: number[] = [];
	if (used.length > 0) {
		recipients.contacts.forEach((contact, position) => {
			const fields = missingIn(contact, used);
			if (fields.length === 0) return;
			if (choice === 'stop') {
				throw invalid(
					context,
					recipients.sourceOf(position),
					labelOf(fields[0]) ?? fields[0],
					`is missing, but the text uses the placeholder {${fields[0]}}: give every recipient a value, or set Options → Recipients Missing a Placeholder Value to Send or Skip Them`,
				);
			}
			missing.push(position);
		});
	}
	if (choice === 'stop') return { recipients };
	const counts: IDataObject = {
		recipients_missing_placeholder_values: missing.length,
		recipients_skipped: choice === 'skip' ? missing.length : 0,
	};
	if (choice === 'send' || missing.length === 0) return { recipients, counts };
	const left = new Set(missing);
	const kept: number[] = [];
	for (let position = 0; position < recipients.contacts.length; position++)
		if (!left.has(position)) kept.push(position);
	if (kept.length === 0 && required) {
		throw invalid(
			context,
			itemIndex,
			'Recipients',
			`were all skipped: none has a value for every placeholder the text uses (${used.map((f) => `{${f}}`).join(', ')}). Give them values, or set Options → Recipients Missing a Placeholder Value to Send`,
		);
	}
	return {
		recipients: {
			contacts: kept.map((position) => recipients.contacts[position]),
			sourceOf: (position) => recipients.sourceOf(kept[position]),
		},
		counts,
	};
}
