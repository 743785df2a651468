import type { IExecuteFunctions } from 'n8n-workflow';

import { toIsoWithOffset } from '../dates';
import { invalid } from '../http';

/**
 * A scheduled date field (n8n's date-time value) → ISO 8601 with offset, in the workflow's time zone unless
 * the value carries one; undefined when empty.
 *
 * A date at or before now is sent as it is, never refused here: Octopush documents that "As soon as the date you
 * have specified has passed, we will send your SMS"
 * (https://octopush.com/en/sms-gateway-api-documentation/scheduled-sms-sending/), and Routee's pages say nothing
 * of a past `scheduledDate` (https://docs.routee.net/reference/send-bulk-messages: "the scheduled date and time in
 * UTC"), so Routee's own answer is shown. `{{ $now }}` is therefore never "in the past".
 */
export function scheduledDateOf(
	context: IExecuteFunctions,
	itemIndex: number,
	label: string,
	value: unknown,
): string | undefined {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))
		return undefined;
	const iso = toIsoWithOffset(
		typeof value === 'string' ? value.trim() : value,
		context.getTimezone(),
	);
	if (typeof iso !== 'string')
		throw invalid(context, itemIndex, label, `is not a valid date-time: ${iso.error}`);
	return iso;
}
