import type { IExecuteFunctions } from 'n8n-workflow';
import type { z } from 'zod';

import { assertBody as assertBodyWith } from '../../shared/action/invalid';
import { labelOf } from '../labels';

export { invalid } from '../../shared/action/invalid';

/** Checks a Routee request body against its schema; the first problem names the field, the item and the rule. */
export function assertBody<T extends z.ZodTypeAny>(
	context: IExecuteFunctions,
	schema: T,
	body: unknown,
	itemIndex: number,
): z.infer<T> {
	return assertBodyWith(context, schema, body, itemIndex, (path) => ({ label: labelOf(path) }));
}
