// GSM 03.38 (GSM-7) vs UCS-2 analysis of an SMS body: characters, parts, unicode, transcoding.

const GSM_BASIC =
	'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
	'¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '^{}\\[~]|€\f';

const BASIC = new Set([...GSM_BASIC]);
const EXTENDED = new Set([...GSM_EXTENDED]);

/** Characters Routee-like transcoding replaces by GSM-7 look-alikes. */
const TRANSCODE: Record<string, string> = {
	á: 'a',
	â: 'a',
	ã: 'a',
	ç: 'c',
	ê: 'e',
	ë: 'e',
	í: 'i',
	î: 'i',
	ï: 'i',
	ó: 'o',
	ô: 'o',
	õ: 'o',
	ú: 'u',
	û: 'u',
	ý: 'y',
	ÿ: 'y',
	Á: 'A',
	À: 'A',
	Â: 'A',
	Ã: 'A',
	È: 'E',
	Ê: 'E',
	Ë: 'E',
	Í: 'I',
	Ì: 'I',
	Î: 'I',
	Ï: 'I',
	Ó: 'O',
	Ò: 'O',
	Ô: 'O',
	Õ: 'O',
	Ú: 'U',
	Ù: 'U',
	Û: 'U',
	Ý: 'Y',
	œ: 'oe',
	Œ: 'OE',
	'‘': "'",
	'’': "'",
	'‚': "'",
	'“': '"',
	'”': '"',
	'„': '"',
	'–': '-',
	'—': '-',
	'…': '...',
	'\u00a0': ' ',
	'«': '"',
	'»': '"',
};

export function isGsm7(text: string): boolean {
	return [...text].every((c) => BASIC.has(c) || EXTENDED.has(c));
}

export function unsupportedGsmCharacters(text: string): string[] {
	return [...new Set([...text].filter((c) => !BASIC.has(c) && !EXTENDED.has(c)))];
}

/** Number of SMS parts: GSM-7 160 per single / 153 per part, UCS-2 70 / 67 (UTF-16 units). */
export function smsParts(text: string): number {
	if (isGsm7(text)) {
		const septets = [...text].reduce((n, c) => n + (EXTENDED.has(c) ? 2 : 1), 0);
		return septets <= 160 ? 1 : Math.ceil(septets / 153);
	}
	const units = text.length;
	return units <= 70 ? 1 : Math.ceil(units / 67);
}

export function transcode(text: string): string | null {
	const out = [...text].map((c) => (BASIC.has(c) || EXTENDED.has(c) ? c : TRANSCODE[c])).join('');
	return [...text].every((c) => BASIC.has(c) || EXTENDED.has(c) || c in TRANSCODE) ? out : null;
}

export interface BodyAnalysis {
	characters: number;
	parts: number;
	transcode?: { message: string; parts: number };
	unicode: boolean;
	unsupportedGSMCharacters: string[];
}

export function analyzeBody(text: string): BodyAnalysis {
	const unicode = !isGsm7(text);
	const analysis: BodyAnalysis = {
		characters: [...text].length,
		parts: smsParts(text),
		unicode,
		unsupportedGSMCharacters: unsupportedGsmCharacters(text),
	};
	if (unicode) {
		const message = transcode(text);
		if (message !== null) analysis.transcode = { message, parts: smsParts(message) };
	}
	return analysis;
}
