import type { IExecuteFunctions } from 'n8n-workflow';

import { isInPast, toIsoWithOffset } from '../dates';
import { invalid } from './invalid';

/**
 * A scheduled date field (n8n's date-time value) → ISO 8601 with offset, in the workflow's time zone unless
 * the value carries one; undefined when empty. A date in the past is refused with `ifPast` as the fix.
 */
export function futureDateOf(
	context: IExecuteFunctions,
	itemIndex: number,
	label: string,
	value: unknown,
	ifPast: string,
): string | undefined {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))
		return undefined;
	const iso = toIsoWithOffset(
		typeof value === 'string' ? value.trim() : value,
		context.getTimezone(),
	);
	if (typeof iso !== 'string')
		throw invalid(context, itemIndex, label, `is not a valid date-time: ${iso.error}`);
	if (isInPast(iso, Date.now()))
		throw invalid(context, itemIndex, label, `is in the past (${iso}): ${ifPast}`);
	return iso;
}
