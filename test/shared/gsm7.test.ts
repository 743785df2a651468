import { analyzeText, isGsmCharacter, nonGsmCharacters } from '../../nodes/shared/gsm7';

const GSM_BASIC =
	'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
	'¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '\f^{}\\[~]|€';

describe('GSM 03.38 character set', () => {
	it('has the 127 basic characters (0x1B is the escape) and the 10 extension characters', () => {
		expect([...GSM_BASIC]).toHaveLength(127);
		expect([...GSM_EXTENSION]).toHaveLength(10);
		expect(nonGsmCharacters(GSM_BASIC + GSM_EXTENSION)).toEqual([]);
	});

	it.each([
		['é', true],
		['è', true],
		['É', true],
		['à', true],
		['Ç', true],
		['ß', true],
		['Δ', true],
		['Ω', true],
		['€', true],
		['\n', true],
		['ê', false],
		['ç', false],
		['á', false],
		['â', false],
		['\u2126', false],
		['\u001b', false],
		['\t', false],
		['`', false],
		['’', false],
		['“', false],
		['\u00a0', false],
		['😀', false],
	])('%j is GSM: %s', (character, expected) => {
		expect(isGsmCharacter(character)).toBe(expected);
	});
});

describe('analyzeText', () => {
	it.each([
		// text, encoding, characters, units, parts
		['', 'GSM-7', 0, 0, 0],
		['Hello', 'GSM-7', 5, 5, 1],
		['a'.repeat(160), 'GSM-7', 160, 160, 1],
		['a'.repeat(161), 'GSM-7', 161, 161, 2],
		['a'.repeat(306), 'GSM-7', 306, 306, 2],
		['a'.repeat(307), 'GSM-7', 307, 307, 3],
		['a'.repeat(459), 'GSM-7', 459, 459, 3],
		['a'.repeat(460), 'GSM-7', 460, 460, 4],
		['€', 'GSM-7', 1, 2, 1],
		['€'.repeat(80), 'GSM-7', 80, 160, 1],
		['€'.repeat(81), 'GSM-7', 81, 162, 2],
		['a'.repeat(159) + '€', 'GSM-7', 160, 161, 2],
		['{[~]}|^\\\f', 'GSM-7', 9, 18, 1],
		['Prix: 10€ – ', 'UCS-2', 12, 12, 1],
		['Café à 2€', 'GSM-7', 9, 10, 1],
		['Crème brûlée', 'UCS-2', 12, 12, 1],
		['ê', 'UCS-2', 1, 1, 1],
		['ê'.repeat(70), 'UCS-2', 70, 70, 1],
		['ê'.repeat(71), 'UCS-2', 71, 71, 2],
		['ê'.repeat(134), 'UCS-2', 134, 134, 2],
		['ê'.repeat(135), 'UCS-2', 135, 135, 3],
		['😀', 'UCS-2', 1, 2, 1],
		['😀'.repeat(35), 'UCS-2', 35, 70, 1],
		['😀'.repeat(36), 'UCS-2', 36, 72, 2],
		['Hi 👋🏽', 'UCS-2', 5, 7, 1],
		['Γειά σου', 'UCS-2', 8, 8, 1],
		['Привет', 'UCS-2', 6, 6, 1],
	])('%j → %s, %i characters, %i units, %i parts', (text, encoding, characters, units, parts) => {
		expect(analyzeText(text)).toMatchObject({ encoding, characters, units, parts });
	});

	it('never splits an escape sequence across parts', () => {
		// 152 septets then € (2 septets) does not fit the first 153-septet part
		const text = 'a'.repeat(152) + '€' + 'a'.repeat(10);
		expect(analyzeText(text)).toMatchObject({ units: 164, parts: 2 });
		// 306 septets would fill two parts exactly, but the first can only hold 152 of them
		const tight = 'a'.repeat(152) + '€' + 'a'.repeat(152);
		expect(analyzeText(tight)).toMatchObject({ units: 306, parts: 3 });
	});

	it('never splits a surrogate pair across parts', () => {
		const text = 'ê'.repeat(66) + '😀' + 'ê'.repeat(66);
		expect(analyzeText(text)).toMatchObject({ encoding: 'UCS-2', units: 134, parts: 3 });
	});

	it('lists unsupported characters once each, in order of appearance', () => {
		expect(analyzeText('Ça coûte 5€ — très ça ! 😀 ç')).toMatchObject({
			encoding: 'UCS-2',
			unsupportedGsmCharacters: ['û', '—', 'ç', '😀'],
		});
		expect(analyzeText('Hello {name}').unsupportedGsmCharacters).toEqual([]);
	});
});

describe('nonGsmCharacters', () => {
	it.each([
		['plain text', []],
		['crème', []],
		['forêt, façade', ['ê', 'ç']],
		['“quoted” ‘single’', ['“', '”', '‘', '’']],
		['tab\there', ['\t']],
		['👍👍👍', ['👍']],
	])('%j → %j', (text, expected) => {
		expect(nonGsmCharacters(text)).toEqual(expected);
	});
});
