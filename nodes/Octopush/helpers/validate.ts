import type { IExecuteFunctions } from 'n8n-workflow';
import type { z } from 'zod';

import { assertBody as assertBodyWith, type Source } from '../../shared/action/invalid';
import { labelOf } from '../labels';

export { invalid, type Source } from '../../shared/action/invalid';

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
		if (key === 'recipients' && typeof index === 'number') {
			const source = recipientSource?.(index) ?? { itemIndex, recipient: index + 1 };
			return { label: labelOf(String(field)) ?? 'Recipient', source };
		}
		return { label: key === undefined ? 'Request' : (labelOf(String(key)) ?? String(key)) };
	});
}
