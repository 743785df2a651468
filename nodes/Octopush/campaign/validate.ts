import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { z } from 'zod';

import { FIELD_LABELS } from '../contract';

/** Where a value came from: the input item, and the recipient's position (from 1) when the item holds several. */
export interface Source {
	itemIndex: number;
	recipient?: number;
}

function where(source: Source): string {
	return source.recipient === undefined
		? `Item ${source.itemIndex}`
		: `Item ${source.itemIndex}, recipient ${source.recipient}`;
}

/** The error of an invalid value: "Item 3, recipient 2: Phone Number <rule>". */
export function invalid(
	context: IExecuteFunctions,
	source: Source,
	label: string,
	rule: string,
): NodeOperationError {
	return new NodeOperationError(context.getNode(), `${where(source)}: ${label} ${rule}`, {
		itemIndex: source.itemIndex,
	});
}

/**
 * Checks a request body against its contract. The first problem becomes an error naming the field,
 * the item (for a recipient: the item it came from) and the rule.
 */
export function assertBody<T extends z.ZodTypeAny>(
	context: IExecuteFunctions,
	schema: T,
	body: unknown,
	itemIndex: number,
	recipientSources: readonly Source[] = [],
): z.infer<T> {
	const result = schema.safeParse(body);
	if (result.success) return result.data;
	const issue = result.error.issues[0];
	const [key, index, field] = issue.path;
	if (key === 'recipients' && typeof index === 'number') {
		const source = recipientSources[index] ?? { itemIndex, recipient: index + 1 };
		throw invalid(context, source, FIELD_LABELS[String(field)] ?? 'Recipient', issue.message);
	}
	const label = key === undefined ? 'Request' : (FIELD_LABELS[String(key)] ?? String(key));
	throw invalid(context, { itemIndex }, label, issue.message);
}
