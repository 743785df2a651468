export interface CountryDialing {
	readonly name: string;
	readonly callingCode: string;
	/** Dialled before a national number inside the country and dropped in E.164; empty when there is none. */
	readonly trunkPrefixes: readonly string[];
	/** Digits after the calling code (national significant number), min and max. */
	readonly nsnLengths: readonly [number, number];
	/** Italy keeps the 0 of its landline numbers after +39. */
	readonly nsnMayStartWithZero?: boolean;
	readonly nsnPattern?: RegExp;
	/** National number prefixes that belong to another calling code (French overseas departments). */
	readonly nsnRedirects?: Readonly<Record<string, string>>;
}

const NANP = /^[2-9]\d{2}[2-9]\d{6}$/;

const FRENCH_OVERSEAS: Record<string, string> = {
	'262': '262',
	'263': '262',
	'269': '262',
	'639': '262',
	'692': '262',
	'693': '262',
	'590': '590',
	'690': '590',
	'691': '590',
	'594': '594',
	'694': '594',
	'596': '596',
	'696': '596',
	'697': '596',
};

function country(
	name: string,
	callingCode: string,
	trunkPrefixes: string[],
	minLength: number,
	maxLength: number,
	extra: Partial<CountryDialing> = {},
): CountryDialing {
	return { name, callingCode, trunkPrefixes, nsnLengths: [minLength, maxLength], ...extra };
}

/** Keyed by ISO 3166-1 alpha-2 code. */
export const CALLING_CODES: Readonly<Record<string, CountryDialing>> = {
	AE: country('United Arab Emirates', '971', ['0'], 8, 9),
	AR: country('Argentina', '54', ['0'], 10, 11),
	AT: country('Austria', '43', ['0'], 4, 13),
	AU: country('Australia', '61', ['0'], 9, 10),
	BE: country('Belgium', '32', ['0'], 8, 9),
	BG: country('Bulgaria', '359', ['0'], 6, 9),
	BR: country('Brazil', '55', ['0'], 10, 11),
	CA: country('Canada', '1', ['1'], 10, 10, { nsnPattern: NANP }),
	CH: country('Switzerland', '41', ['0'], 9, 12),
	CL: country('Chile', '56', [], 9, 9),
	CN: country('China', '86', ['0'], 9, 12),
	CO: country('Colombia', '57', ['0'], 10, 10),
	CY: country('Cyprus', '357', [], 8, 8),
	CZ: country('Czechia', '420', [], 9, 9),
	DE: country('Germany', '49', ['0'], 5, 13),
	DK: country('Denmark', '45', [], 8, 8),
	DZ: country('Algeria', '213', ['0'], 8, 9),
	EE: country('Estonia', '372', [], 7, 8),
	EG: country('Egypt', '20', ['0'], 8, 10),
	ES: country('Spain', '34', [], 9, 9),
	FI: country('Finland', '358', ['0'], 5, 12),
	FR: country('France', '33', ['0'], 9, 9, { nsnRedirects: FRENCH_OVERSEAS }),
	GB: country('United Kingdom', '44', ['0'], 7, 10),
	GF: country('French Guiana', '594', ['0'], 9, 9),
	GP: country('Guadeloupe', '590', ['0'], 9, 9),
	GR: country('Greece', '30', [], 10, 10),
	HR: country('Croatia', '385', ['0'], 6, 9),
	HU: country('Hungary', '36', ['06'], 8, 9),
	ID: country('Indonesia', '62', ['0'], 7, 12),
	IE: country('Ireland', '353', ['0'], 7, 10),
	IL: country('Israel', '972', ['0'], 8, 10),
	IN: country('India', '91', ['0'], 10, 10),
	IS: country('Iceland', '354', [], 7, 9),
	IT: country('Italy', '39', [], 6, 11, { nsnMayStartWithZero: true }),
	JP: country('Japan', '81', ['0'], 9, 10),
	KE: country('Kenya', '254', ['0'], 9, 9),
	KR: country('South Korea', '82', ['0'], 8, 10),
	LI: country('Liechtenstein', '423', [], 7, 9),
	LT: country('Lithuania', '370', ['8', '0'], 8, 8),
	LU: country('Luxembourg', '352', [], 4, 11),
	LV: country('Latvia', '371', [], 8, 8),
	MA: country('Morocco', '212', ['0'], 9, 9),
	MC: country('Monaco', '377', [], 8, 9),
	MQ: country('Martinique', '596', ['0'], 9, 9),
	MT: country('Malta', '356', [], 8, 8),
	MX: country('Mexico', '52', [], 10, 10),
	MY: country('Malaysia', '60', ['0'], 8, 10),
	NG: country('Nigeria', '234', ['0'], 7, 10),
	NL: country('Netherlands', '31', ['0'], 9, 11),
	NO: country('Norway', '47', [], 8, 8),
	NZ: country('New Zealand', '64', ['0'], 8, 10),
	PE: country('Peru', '51', ['0'], 8, 9),
	PH: country('Philippines', '63', ['0'], 8, 10),
	PK: country('Pakistan', '92', ['0'], 8, 11),
	PL: country('Poland', '48', [], 9, 9),
	PT: country('Portugal', '351', [], 9, 9),
	RE: country('Réunion', '262', ['0'], 9, 9),
	RO: country('Romania', '40', ['0'], 9, 9),
	RU: country('Russia', '7', ['8'], 10, 10),
	SA: country('Saudi Arabia', '966', ['0'], 9, 10),
	SE: country('Sweden', '46', ['0'], 6, 10),
	SG: country('Singapore', '65', [], 8, 8),
	SI: country('Slovenia', '386', ['0'], 8, 8),
	SK: country('Slovakia', '421', ['0'], 6, 9),
	TH: country('Thailand', '66', ['0'], 8, 9),
	TN: country('Tunisia', '216', [], 8, 8),
	TR: country('Türkiye', '90', ['0'], 10, 10),
	UA: country('Ukraine', '380', ['0'], 9, 9),
	US: country('United States', '1', ['1'], 10, 10, { nsnPattern: NANP }),
	VN: country('Vietnam', '84', ['0'], 9, 10),
	YT: country('Mayotte', '262', ['0'], 9, 9),
	ZA: country('South Africa', '27', ['0'], 9, 9),
};

type PhoneNumberResult = { ok: true; e164: string } | { ok: false; reason: string };

// E.164: a country code (first digit not 0) and at most 15 digits in all (ITU-T E.164, https://www.itu.int/rec/T-REC-E.164).
// E.164 fixes no minimum; the shortest numbers in use are 4 digits after a 3-digit code, 7 in all (Niue +683 4002,
// https://en.wikipedia.org/wiki/Telephone_numbers_in_Niue), so 7 to 15 digits. The provider judges whether a number exists.
const E164 = /^\+[1-9]\d{6,14}$/;
const INTERNATIONAL_START = /^[\s([]*(\+|00)/;
const BRACKETED_TRUNK_ZERO = /[([]\s*0\s*[)\]]/g;
const SEPARATORS = /[\s.\-\u2010-\u2015\u2212()[\]/]/g;

export const COUNTRY_OPTIONS: Array<{ name: string; value: string }> = Object.entries(CALLING_CODES)
	.map(([code, entry]) => ({ name: `${entry.name} (+${entry.callingCode})`, value: code }))
	.sort((a, b) => a.name.localeCompare(b.name, 'en'));

export function isE164(value: string): boolean {
	return E164.test(value);
}

/**
 * Turns what people type into E.164: E.164 is kept as is, `00` becomes `+`, and national formats are read
 * with the calling code and trunk prefix of `defaultCountry` (ISO 3166-1 alpha-2).
 */
export function normalizePhoneNumber(
	input: string | number,
	defaultCountry?: string,
): PhoneNumberResult {
	// the common case, already E.164: the steps below would give it back unchanged (checked 100,000 times a campaign)
	if (typeof input === 'string' && isE164(input)) return { ok: true, e164: input };
	const raw = String(input).trim();
	if (raw === '') return { ok: false, reason: 'is empty: give a phone number' };

	const international = INTERNATIONAL_START.test(raw);
	// "+44 (0)20 …" repeats the trunk prefix for national callers; it is not part of the number
	const compact = (international ? raw.replace(BRACKETED_TRUNK_ZERO, '') : raw).replace(
		SEPARATORS,
		'',
	);
	if (!/^\+?\d+$/.test(compact)) {
		return {
			ok: false,
			reason: `may hold only digits, a leading +, spaces, dots, dashes and brackets, got '${raw}'`,
		};
	}

	if (compact.startsWith('+') || compact.startsWith('00')) {
		const e164 = compact.startsWith('+') ? compact : `+${compact.slice(2)}`;
		if (isE164(e164)) return { ok: true, e164 };
		return { ok: false, reason: `needs + and 7–15 digits, the first not 0 (E.164), got '${raw}'` };
	}

	const countryCode = (defaultCountry ?? '').trim().toUpperCase();
	if (countryCode === '') {
		if (compact.startsWith('0')) {
			return {
				ok: false,
				reason: `is a national number ('${raw}'): set a Default Country in Options to read it`,
			};
		}
		return {
			ok: false,
			reason: `needs + and 7–15 digits (E.164), or a Default Country in Options to read national numbers, got '${raw}'`,
		};
	}
	const country = CALLING_CODES[countryCode];
	if (country === undefined)
		return {
			ok: false,
			reason: `cannot be read: the Default Country '${defaultCountry}' is unknown`,
		};

	const nsn = nationalSignificantNumber(compact, country);
	const e164 =
		nsn === undefined
			? undefined
			: `+${country.nsnRedirects?.[nsn.slice(0, 3)] ?? country.callingCode}${nsn}`;
	if (e164 === undefined || !isE164(e164)) {
		return {
			ok: false,
			reason: `is not a ${country.name} number ('${raw}'): ${expectation(country)}`,
		};
	}
	return { ok: true, e164 };
}

function nationalSignificantNumber(digits: string, country: CountryDialing): string | undefined {
	const fits = (nsn: string): boolean =>
		nsn.length >= country.nsnLengths[0] &&
		nsn.length <= country.nsnLengths[1] &&
		(country.nsnMayStartWithZero === true || !nsn.startsWith('0')) &&
		(country.nsnPattern === undefined || country.nsnPattern.test(nsn));

	for (const trunk of country.trunkPrefixes) {
		if (digits.startsWith(trunk) && fits(digits.slice(trunk.length)))
			return digits.slice(trunk.length);
	}
	const withoutCallingCode = digits.startsWith(country.callingCode)
		? digits.slice(country.callingCode.length)
		: undefined;
	// where national numbers carry a trunk prefix, one without it more likely lost its + than its trunk prefix
	const candidates =
		country.trunkPrefixes.length > 0 ? [withoutCallingCode, digits] : [digits, withoutCallingCode];
	return candidates.find(
		(candidate): candidate is string => candidate !== undefined && fits(candidate),
	);
}

function expectation(country: CountryDialing): string {
	const [min, max] = country.nsnLengths;
	const digits = min === max ? `${min} digits` : `${min} to ${max} digits`;
	const trunk = country.trunkPrefixes[0];
	const national =
		trunk === undefined
			? `expected ${digits} (${country.name} has no trunk prefix)`
			: `expected ${digits} after the trunk prefix ${trunk}`;
	return `${national}, or an international number starting with +`;
}
