import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { z } from 'zod';

import { labelOf } from './contract';

/** The error of an invalid value: "Item 3: To (entry 2) <rule>", raised before anything is sent. */
export function invalid(context: IExecuteFunctions, itemIndex: number, label: string, rule: string): NodeOperationError {
	return new NodeOperationError(context.getNode(), `Item ${itemIndex}: ${label} ${rule}`, { itemIndex });
}

/** Checks a request body against its contract; the first problem names the field, the item and the rule. */
export function assertBody<T extends z.ZodTypeAny>(
	context: IExecuteFunctions,
	schema: T,
	body: unknown,
	itemIndex: number,
): z.infer<T> {
	const result = schema.safeParse(body);
	if (result.success) return result.data;
	const issue = result.error.issues[0];
	throw invalid(context, itemIndex, labelOf(issue.path), issue.message);
}
