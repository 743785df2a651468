export interface TextAnalysis {
	encoding: 'GSM-7' | 'UCS-2';
	/** Unicode code points. */
	characters: number;
	/** Septets for GSM-7, UTF-16 code units for UCS-2. */
	units: number;
	parts: number;
	unsupportedGsmCharacters: string[];
}

// GSM 03.38 default alphabet without 0x1B, which is the escape to the extension table
const GSM_BASIC = new Set(
	'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
		'¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM_EXTENSION = new Set('\f^{}\\[~]|€');

const LIMITS = {
	'GSM-7': { single: 160, perPart: 153 },
	'UCS-2': { single: 70, perPart: 67 },
} as const;

export function isGsmCharacter(character: string): boolean {
	return GSM_BASIC.has(character) || GSM_EXTENSION.has(character);
}

/** Characters outside GSM 03.38 (basic set and extension table), each once, in order of appearance. */
export function nonGsmCharacters(text: string): string[] {
	const found = new Set<string>();
	for (const character of text) {
		if (!isGsmCharacter(character)) found.add(character);
	}
	return [...found];
}

export function analyzeText(text: string): TextAnalysis {
	const unsupported = nonGsmCharacters(text);
	const encoding = unsupported.length === 0 ? 'GSM-7' : 'UCS-2';
	const sizes = Array.from(text, (character) =>
		encoding === 'UCS-2' ? character.length : GSM_EXTENSION.has(character) ? 2 : 1,
	);
	const units = sizes.reduce((sum, size) => sum + size, 0);
	return {
		encoding,
		characters: sizes.length,
		units,
		parts: countParts(sizes, units, LIMITS[encoding]),
		unsupportedGsmCharacters: unsupported,
	};
}

// Concatenated parts never split an escape sequence or a surrogate pair, so a part may hold one unit less
function countParts(sizes: number[], units: number, limits: { single: number; perPart: number }): number {
	if (units === 0) return 0;
	if (units <= limits.single) return 1;
	let parts = 1;
	let used = 0;
	for (const size of sizes) {
		if (used + size > limits.perPart) {
			parts++;
			used = 0;
		}
		used += size;
	}
	return parts;
}
