import { CALLING_CODES, type CountryDialing } from './calling-codes';

type PhoneNumberResult = { ok: true; e164: string } | { ok: false; reason: string };

const E164 = /^\+[1-9]\d{7,14}$/;
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
		return { ok: false, reason: `needs + and 8–15 digits, the first not 0 (E.164), got '${raw}'` };
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
			reason: `needs + and 8–15 digits (E.164), or a Default Country in Options to read national numbers, got '${raw}'`,
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
