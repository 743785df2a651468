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

/**
 * What the sandbox does with a call, by the number's last digits: the one table the demo's banner prints, the README
 * ("The sandbox's outcomes") shows and the examples' notes repeat (test/sandbox/outcome-table.test.ts checks them and
 * checks each row against outcomeOf / pressedKeysOf / isAnsweringMachine). `ending` null: any other number.
 */
export interface CallOutcome {
	ending: string | null;
	/** The README's "the call" column. */
	call: string;
	/** The README's "keys pressed" column. */
	keys: string;
	/** One line of the banner and of the examples' notes, after "ends 0000 → ". */
	says: string;
	/** Only a conversation that asks to detect answering machines sees it (not a voice campaign). */
	machineDetectionOnly?: boolean;
}

export const CALL_OUTCOMES: readonly CallOutcome[] = [
	{
		ending: '0000',
		call: 'not answered (`NoAnswer`)',
		keys: 'none',
		says: 'not answered (NoAnswer)',
	},
	{ ending: '1111', call: 'busy (`Busy`)', keys: 'none', says: 'busy (Busy)' },
	{ ending: '2222', call: 'failed (`Failed`)', keys: 'none', says: 'call failed (Failed)' },
	{ ending: '02', call: 'answered (`Completed`)', keys: '`2`', says: 'answered, presses 2' },
	{ ending: '03', call: 'answered', keys: 'none', says: 'answered, presses nothing' },
	{
		ending: '04',
		call: "an answering machine picks up, when the call asks to detect one (*Call and Wait*'s Voicemail Message: `MachineDetected`; *Start Conversation*'s Machine Detection); else as any other",
		keys: 'none',
		says: "an answering machine, when the call looks for one (Call and Wait's Voicemail Message, Machine Detection)",
		machineDetectionOnly: true,
	},
	{ ending: null, call: 'answered', keys: '`1`', says: 'answered, presses 1' },
];

/** "ends 0000 → not answered (NoAnswer)", …, "anything else → answered, presses 1". */
export function outcomeLines(outcomes: readonly CallOutcome[] = CALL_OUTCOMES): string[] {
	return outcomes.map(
		({ ending, says }) => `${ending === null ? 'anything else' : `ends ${ending}`} → ${says}`,
	);
}

/** The README's table rows: "| `0000` | not answered (`NoAnswer`) | none |". */
export function outcomeTableRows(outcomes: readonly CallOutcome[] = CALL_OUTCOMES): string[] {
	return outcomes.map(
		({ ending, call, keys }) =>
			`| ${ending === null ? 'anything else' : `\`${ending}\``} | ${call} | ${keys} |`,
	);
}
