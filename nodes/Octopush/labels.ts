import type { IExecuteFunctions } from 'n8n-workflow';
import type { z } from 'zod';

import { FieldLabels } from '../shared/action/field-labels';
import { assertBody as assertBodyWith, type Source } from '../shared/http';

/**
 * The node's fields as the user sees them, for the errors that name a field: the labels (registered by
 * Octopush.node.ts with its properties), the label of a request body key, and the body check that uses them.
 */

/** The labels of the node's fields, registered by Octopush.node.ts with its properties. */
export const octopushLabels = new FieldLabels();

/** Body fields whose panel field is not simply the body name in camelCase. */
const FIELD_OF_BODY_KEY: Record<string, string> = {
	type: 'smsType',
};

/**
 * The UI name of an Octopush body field (`send_at` → "Send At", `first_name` → "First Name"), for our
 * validation errors and Octopush's; undefined when no field of the panel sets it.
 */
export function labelOf(bodyKey: string): string | undefined {
	return octopushLabels.get(
		FIELD_OF_BODY_KEY[bodyKey] ??
			bodyKey.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()),
	);
}

/**
 * Checks an Octopush request body against its schema. The first problem names the field, the item (for a
 * recipient: the item it came from, and its position) and the rule.
 */
export function assertBody<T extends z.ZodTypeAny>(
	context: IExecuteFunctions,
	schema: T,
	body: unknown,
	itemIndex: number,
	/** Where the recipient at a position of `body.recipients` came from. */
	recipientSource?: (position: number) => Source,
): z.infer<T> {
	return assertBodyWith(context, schema, body, itemIndex, ([key, index, field]) => {
		// the contacts of POST /contact/create are read as recipients are (helpers/read.ts)
		if ((key === 'recipients' || key === 'contacts') && typeof index === 'number') {
			const source = recipientSource?.(index) ?? { itemIndex, recipient: index + 1 };
			return { label: labelOf(String(field)) ?? 'Recipient', source };
		}
		return { label: key === undefined ? 'Request' : (labelOf(String(key)) ?? String(key)) };
	});
}
