import { CALLING_CODES } from '../../nodes/shared/phone';
import { COUNTRY_OPTIONS, isE164, normalizePhoneNumber } from '../../nodes/shared/phone';

describe('isE164', () => {
	it.each([
		['+33612345678', true],
		['+12025550123', true],
		['+4915112345678', true],
		['+12345678', true],
		['+123456789012345', true],
		// issue 22 (N8): E.164 fixes no 8-digit minimum; the shortest plans have 4 digits after a 3-digit code
		['+6834002', true],
		['+2902158', true],
		['+1234567', true],
		['+123456', false],
		['+1234567890123456', false],
		['+0612345678', false],
		['33612345678', false],
		['+33 6 12 34 56 78', false],
		['+33-612345678', false],
		['', false],
	])('%s → %s', (value, expected) => {
		expect(isE164(value)).toBe(expected);
	});
});

describe('normalizePhoneNumber', () => {
	it.each([
		// E.164 and international forms, with or without a default country
		['+33612345678', undefined, '+33612345678'],
		['+33 6 12 34 56 78', undefined, '+33612345678'],
		['+33 (0)6 12 34 56 78', undefined, '+33612345678'],
		['(+44) 7700 900123', undefined, '+447700900123'],
		['+44 (0) 20 7946 0018', 'FR', '+442079460018'],
		['0033 6 12 34 56 78', undefined, '+33612345678'],
		['00 44 7700 900123', 'FR', '+447700900123'],
		['+1 (415) 555-2671', 'GB', '+14155552671'],
		// France
		['06 12 34 56 78', 'FR', '+33612345678'],
		['06.12.34.56.78', 'FR', '+33612345678'],
		['06-12-34-56-78', 'fr', '+33612345678'],
		['01 23 45 67 89', 'FR', '+33123456789'],
		['612345678', 'FR', '+33612345678'],
		['33612345678', 'FR', '+33612345678'],
		['0692 12 34 56', 'FR', '+262692123456'],
		['0690 12 34 56', 'FR', '+590690123456'],
		['0696 12 34 56', 'FR', '+596696123456'],
		['0594 12 34 56', 'FR', '+594594123456'],
		['0692 12 34 56', 'RE', '+262692123456'],
		// United Kingdom
		['07700 900123', 'GB', '+447700900123'],
		['020 7946 0018', 'GB', '+442079460018'],
		['447700900123', 'GB', '+447700900123'],
		// Greece has no trunk prefix
		['6912345678', 'GR', '+306912345678'],
		['210 123 4567', 'GR', '+302101234567'],
		['306912345678', 'GR', '+306912345678'],
		// Italy keeps the 0 of landlines
		['347 123 4567', 'IT', '+393471234567'],
		['06 1234 5678', 'IT', '+390612345678'],
		['02 1234567', 'IT', '+39021234567'],
		['393471234567', 'IT', '+393471234567'],
		// North America
		['(415) 555-2671', 'US', '+14155552671'],
		['415.555.2671', 'US', '+14155552671'],
		['1 415 555 2671', 'US', '+14155552671'],
		['1-604-555-1234', 'CA', '+16045551234'],
		['604 555 1234', 'CA', '+16045551234'],
		// other trunk prefixes
		['06 20 123 4567', 'HU', '+36201234567'],
		['8 (916) 123-45-67', 'RU', '+79161234567'],
		['79161234567', 'RU', '+79161234567'],
		['8 612 34567', 'LT', '+37061234567'],
		['0 612 34567', 'LT', '+37061234567'],
		// Europe
		['0151 12345678', 'DE', '+4915112345678'],
		['030/1234567', 'DE', '+49301234567'],
		['4915112345678', 'DE', '+4915112345678'],
		['0664 1234567', 'AT', '+436641234567'],
		['079 123 45 67', 'CH', '+41791234567'],
		['0470 12 34 56', 'BE', '+32470123456'],
		['06-12345678', 'NL', '+31612345678'],
		['612 34 56 78', 'ES', '+34612345678'],
		['912 345 678', 'PT', '+351912345678'],
		['512 345 678', 'PL', '+48512345678'],
		['20 12 34 56', 'DK', '+4520123456'],
		['412 34 567', 'NO', '+4741234567'],
		['070-123 45 67', 'SE', '+46701234567'],
		['040 123 4567', 'FI', '+358401234567'],
		['087 123 4567', 'IE', '+353871234567'],
		['0722 123 456', 'RO', '+40722123456'],
		['0888 123 456', 'BG', '+359888123456'],
		['091 234 5678', 'HR', '+385912345678'],
		['0905 123 456', 'SK', '+421905123456'],
		['031 234 567', 'SI', '+38631234567'],
		['601 123 456', 'CZ', '+420601123456'],
		['99 123456', 'CY', '+35799123456'],
		['9912 3456', 'MT', '+35699123456'],
		['2123 4567', 'LV', '+37121234567'],
		['5123 4567', 'EE', '+37251234567'],
		['621 123 456', 'LU', '+352621123456'],
		['611 1234', 'IS', '+3546111234'],
		['0532 123 45 67', 'TR', '+905321234567'],
		['050 123 4567', 'UA', '+380501234567'],
		// rest of the world
		['0412 345 678', 'AU', '+61412345678'],
		['021 123 4567', 'NZ', '+64211234567'],
		['050-123-4567', 'IL', '+972501234567'],
		['050 123 4567', 'AE', '+971501234567'],
		['050 123 4567', 'SA', '+966501234567'],
		['082 123 4567', 'ZA', '+27821234567'],
		['0803 123 4567', 'NG', '+2348031234567'],
		['0712 345678', 'KE', '+254712345678'],
		['010 1234 5678', 'EG', '+201012345678'],
		['0612-345678', 'MA', '+212612345678'],
		['20 123 456', 'TN', '+21620123456'],
		['0551 23 45 67', 'DZ', '+213551234567'],
		['98765 43210', 'IN', '+919876543210'],
		['098765 43210', 'IN', '+919876543210'],
		['0301 2345678', 'PK', '+923012345678'],
		['138 0013 8000', 'CN', '+8613800138000'],
		['090-1234-5678', 'JP', '+819012345678'],
		['010-1234-5678', 'KR', '+821012345678'],
		['8123 4567', 'SG', '+6581234567'],
		['012-345 6789', 'MY', '+60123456789'],
		['081 234 5678', 'TH', '+66812345678'],
		['091 234 56 78', 'VN', '+84912345678'],
		['0917 123 4567', 'PH', '+639171234567'],
		['0812-3456-7890', 'ID', '+6281234567890'],
		['(11) 91234-5678', 'BR', '+5511912345678'],
		['011 91234 5678', 'BR', '+5511912345678'],
		['55 1234 5678', 'MX', '+525512345678'],
		['011 1234-5678', 'AR', '+541112345678'],
		['9 1234 5678', 'CL', '+56912345678'],
		['321 1234567', 'CO', '+573211234567'],
		['912 345 678', 'PE', '+51912345678'],
		[33612345678, 'FR', '+33612345678'],
	])('%s in %s → %s', (input, country, e164) => {
		expect(normalizePhoneNumber(input, country)).toEqual({ ok: true, e164 });
	});

	it.each([
		['', 'FR', 'is empty: give a phone number'],
		['   ', undefined, 'is empty: give a phone number'],
		[
			'0612',
			undefined,
			"is a national number ('0612'): set a Default Country in Options to read it",
		],
		[
			'06 12 34 56 78',
			undefined,
			"is a national number ('06 12 34 56 78'): set a Default Country in Options to read it",
		],
		[
			'612345678',
			undefined,
			"needs + and 7–15 digits (E.164), or a Default Country in Options to read national numbers, got '612345678'",
		],
		['0612', 'FR', "is not a France number ('0612'): expected 9 digits after the trunk prefix 0"],
		['06 12 34 56 78 9', 'FR', 'is not a France number'],
		['+0612345678', 'FR', "needs + and 7–15 digits, the first not 0 (E.164), got '+0612345678'"],
		['+33 6 12', undefined, "needs + and 7–15 digits, the first not 0 (E.164), got '+33 6 12'"],
		['+33 6 12 34 56 78 90 12 34', undefined, 'needs + and 7–15 digits'],
		['0033 0', 'FR', 'needs + and 7–15 digits'],
		[
			'call 0612345678',
			'FR',
			'may hold only digits, a leading +, spaces, dots, dashes and brackets',
		],
		['06 12 34 56 78 ext 2', 'FR', 'only digits'],
		['33+612345678', 'FR', 'only digits'],
		['0612345678', 'XX', "cannot be read: the Default Country 'XX' is unknown"],
		[
			'0612345678',
			'ES',
			"is not a Spain number ('0612345678'): expected 9 digits (Spain has no trunk prefix)",
		],
		['447700900123', 'FR', 'is not a France number'],
		[
			'123-456-7890',
			'US',
			"is not a United States number ('123-456-7890'): expected 10 digits after the trunk prefix 1",
		],
		['555-0123', 'US', 'is not a United States number'],
		['07700 900123 4', 'GB', 'is not a United Kingdom number'],
		['691234567', 'GR', 'expected 10 digits (Greece has no trunk prefix)'],
		['0 11 15 1234-5678', 'AR', 'is not a Argentina number'],
	])('%s in %s fails: %s', (input, country, reason) => {
		const result = normalizePhoneNumber(input, country);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.reason).toContain(reason);
	});

	it('always suggests the international form when a national number does not fit', () => {
		const result = normalizePhoneNumber('0612', 'FR');
		expect(result).toEqual({
			ok: false,
			reason:
				"is not a France number ('0612'): expected 9 digits after the trunk prefix 0, or an international number starting with +",
		});
	});

	it('every result it accepts is E.164', () => {
		for (const code of Object.keys(CALLING_CODES)) {
			const entry = CALLING_CODES[code];
			const national = '9'.repeat(Math.max(entry.nsnLengths[0], 8 - entry.callingCode.length));
			const result = normalizePhoneNumber(national, code);
			if (result.ok) expect(isE164(result.e164)).toBe(true);
		}
	});
});

describe('calling codes', () => {
	const required = [
		'AT',
		'BE',
		'BG',
		'HR',
		'CY',
		'CZ',
		'DK',
		'EE',
		'FI',
		'FR',
		'DE',
		'GR',
		'HU',
		'IE',
		'IT',
		'LV',
		'LT',
		'LU',
		'MT',
		'NL',
		'PL',
		'PT',
		'RO',
		'SK',
		'SI',
		'ES',
		'SE',
		'IS',
		'LI',
		'NO',
		'GB',
		'CH',
		'US',
		'CA',
		'AU',
		'NZ',
		'TR',
		'RU',
		'UA',
		'IL',
		'AE',
		'SA',
		'ZA',
		'NG',
		'KE',
		'EG',
		'MA',
		'TN',
		'DZ',
		'IN',
		'PK',
		'CN',
		'JP',
		'KR',
		'SG',
		'MY',
		'TH',
		'VN',
		'PH',
		'ID',
		'BR',
		'MX',
		'AR',
		'CL',
		'CO',
		'PE',
	];

	it('covers every required country', () => {
		expect(required.filter((code) => CALLING_CODES[code] === undefined)).toEqual([]);
	});

	it.each(Object.entries(CALLING_CODES))('%s is well formed', (code, entry) => {
		expect(code).toMatch(/^[A-Z]{2}$/);
		expect(entry.callingCode).toMatch(/^[1-9]\d{0,2}$/);
		for (const trunk of entry.trunkPrefixes) expect(trunk).toMatch(/^\d{1,2}$/);
		expect(entry.nsnLengths[0]).toBeLessThanOrEqual(entry.nsnLengths[1]);
		expect(entry.callingCode.length + entry.nsnLengths[1]).toBeLessThanOrEqual(15);
	});

	it.each([
		['GR', []],
		['IT', []],
		['ES', []],
		['FR', ['0']],
		['GB', ['0']],
		['HU', ['06']],
		['RU', ['8']],
		['US', ['1']],
	])('%s trunk prefixes are %j', (code, trunks) => {
		expect(CALLING_CODES[code].trunkPrefixes).toEqual(trunks);
	});
});

describe('COUNTRY_OPTIONS', () => {
	it('lists every country once, sorted by name, with its calling code', () => {
		expect(COUNTRY_OPTIONS).toHaveLength(Object.keys(CALLING_CODES).length);
		expect(new Set(COUNTRY_OPTIONS.map((option) => option.value)).size).toBe(
			COUNTRY_OPTIONS.length,
		);
		const names = COUNTRY_OPTIONS.map((option) => option.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
		expect(COUNTRY_OPTIONS).toContainEqual({ name: 'France (+33)', value: 'FR' });
		expect(COUNTRY_OPTIONS).toContainEqual({ name: 'Greece (+30)', value: 'GR' });
		expect(COUNTRY_OPTIONS[0]).toEqual({ name: 'Algeria (+213)', value: 'DZ' });
	});
});
