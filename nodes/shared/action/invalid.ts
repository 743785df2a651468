import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

/** Where a value came from: the input item, and the recipient's position (from 1) when the item holds several. */
export interface Source {
	itemIndex: number;
	recipient?: number;
}

/** The field a body path names, as the user sees it, and for a recipient the item it came from. */
type LabelAt = (path: ReadonlyArray<string | number>) => { label: string; source?: Source };

/**
 * The error of an invalid value, raised before anything is sent, in n8n's shape: a short message ending with
 * the item ("Send At is not valid [item 0]"), and in `description` the rule and how to fix it
 * ("Send At is not a valid date-time: 'next tuesday' is not a date-time: use ISO 8601 …").
 */
export function invalid(
	context: IExecuteFunctions,
	where: number | Source,
	label: string,
	rule: string,
): NodeOperationError {
	const { itemIndex, recipient } =
		typeof where === 'number' ? { itemIndex: where, recipient: undefined } : where;
	const subject =
		recipient === undefined
			? label
			: label === 'Recipient'
				? `Recipient ${recipient}`
				: `${label} of recipient ${recipient}`;
	const description = `${subject} ${rule}`;
	return new NodeOperationError(context.getNode(), `${subject} is not valid [item ${itemIndex}]`, {
		itemIndex,
		description: /[.!?)]$/.test(description) ? description : `${description}.`,
	});
}

/** Checks a request body against its schema; the first problem becomes the `invalid` error of that field. */
export function assertBody<T extends z.ZodTypeAny>(
	context: IExecuteFunctions,
	schema: T,
	body: unknown,
	itemIndex: number,
	labelAt: LabelAt,
): z.infer<T> {
	const result = schema.safeParse(body);
	if (result.success) return result.data;
	const issue = result.error.issues[0];
	const { label, source } = labelAt(issue.path);
	throw invalid(context, source ?? itemIndex, label, issue.message);
}

/** A value from a fixed list; the message reads after the field's name: "must be one of a, b, got "c"". */
export function oneOf<T extends readonly [string, ...string[]]>(values: T) {
	return z.enum(values as unknown as [T[number], ...Array<T[number]>], {
		errorMap: (_issue, ctx) => ({
			message: `must be one of ${values.join(', ')}, got ${JSON.stringify(ctx.data)}`,
		}),
	});
}
