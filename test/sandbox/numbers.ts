// Phone numbers: E.164 check, a small country table, and the deterministic outcome of a recipient.

export const E164 = /^\+[1-9]\d{6,14}$/;

export function isE164(value: unknown): value is string {
	return typeof value === 'string' && E164.test(value);
}

const CALLING_CODES: Array<[string, string]> = [
	['1', 'US'],
	['7', 'RU'],
	['30', 'GR'],
	['31', 'NL'],
	['32', 'BE'],
	['33', 'FR'],
	['34', 'ES'],
	['36', 'HU'],
	['39', 'IT'],
	['40', 'RO'],
	['41', 'CH'],
	['43', 'AT'],
	['44', 'GB'],
	['45', 'DK'],
	['46', 'SE'],
	['47', 'NO'],
	['48', 'PL'],
	['49', 'DE'],
	['52', 'MX'],
	['55', 'BR'],
	['61', 'AU'],
	['81', 'JP'],
	['86', 'CN'],
	['91', 'IN'],
	['351', 'PT'],
	['352', 'LU'],
	['353', 'IE'],
	['357', 'CY'],
	['358', 'FI'],
	['359', 'BG'],
	['262', 'RE'],
	['590', 'GP'],
];

/** ISO 3166-1 alpha-2 of an E.164 number, or 'Unknown'. */
export function countryOf(number: string): string {
	const digits = number.replace(/^\+/, '');
	for (const length of [3, 2, 1]) {
		const hit = CALLING_CODES.find(([code]) => code.length === length && digits.startsWith(code));
		if (hit) return hit[1];
	}
	return 'Unknown';
}

/**
 * Deterministic outcome of a recipient, from the last digits of its number:
 * ...0000 → not reached, ...1111 → refused/busy, ...2222 → failed, anything else → success.
 */
export type Outcome = 'ok' | 'unreachable' | 'refused' | 'failed';

export function outcomeOf(number: string): Outcome {
	const digits = number.replace(/\D/g, '');
	if (digits.endsWith('0000')) return 'unreachable';
	if (digits.endsWith('1111')) return 'refused';
	if (digits.endsWith('2222')) return 'failed';
	return 'ok';
}

/**
 * Whether an answering machine picks up a call to `number` (Routee's machineDetection,
 * https://docs.routee.net/reference/perform-a-voice-conversation): numbers ending in 04. A machine presses no keys.
 */
export function isAnsweringMachine(number: string): boolean {
	return number.replace(/\D/g, '').endsWith('04');
}

/**
 * Keys the callee "presses" (Routee COLLECT collectedTones, Octopush pressed_keys_code):
 * ...02 → '2', ...03 → '' (nothing pressed), ...09 → '1234' (cut to maxDigits), anything else → '1'.
 */
export function pressedKeysOf(number: string, maxDigits = 30): string {
	const digits = number.replace(/\D/g, '');
	if (digits.endsWith('02')) return '2';
	if (digits.endsWith('03')) return '';
	if (digits.endsWith('09')) return '1234'.slice(0, Math.max(1, maxDigits));
	return '1';
}
