import type { IExecuteFunctions } from 'n8n-workflow';

import { normalizePhoneNumber } from '../phone';
import { invalid } from '../http';

/** One phone number as E.164, reading national formats with the default country. */
export function phoneNumberOf(
	context: IExecuteFunctions,
	itemIndex: number,
	label: string,
	value: unknown,
	defaultCountry: string,
): string {
	const raw = typeof value === 'string' || typeof value === 'number' ? value : '';
	const normalized = normalizePhoneNumber(raw, defaultCountry || undefined);
	if (!normalized.ok) throw invalid(context, itemIndex, label, normalized.reason);
	return normalized.e164;
}
