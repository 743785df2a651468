import { getPath, placeholdersIn } from '../../nodes/shared/recipients';

describe('getPath', () => {
	const json = {
		phone: '+33612345678',
		contact: { first_name: 'Ada', address: { city: 'Paris' }, empty: '', zero: 0, nothing: null },
		phones: ['+33612345678', { number: '+447700900123' }],
		'first.name': 'Grace',
		first: { name: 'not this one' },
	};

	it.each([
		['phone', '+33612345678'],
		['contact.first_name', 'Ada'],
		['contact.address.city', 'Paris'],
		['contact.empty', ''],
		['contact.zero', 0],
		['contact.nothing', null],
		['phones[0]', '+33612345678'],
		['phones.0', '+33612345678'],
		['phones[1].number', '+447700900123'],
		[' phone ', '+33612345678'],
		['first.name', 'Grace'],
		['contact', json.contact],
		['missing', undefined],
		['contact.missing.deeper', undefined],
		['phone.length', undefined],
		['phones[5]', undefined],
		['contact.toString', undefined],
		['__proto__', undefined],
		['constructor.name', undefined],
		['', undefined],
	])('%j → %j', (path, expected) => {
		expect(getPath(json, path)).toEqual(expected);
	});

	it.each([null, undefined, 'text', 42])('returns undefined inside %p', (value) => {
		expect(getPath(value, 'a.b')).toBeUndefined();
	});
});

describe('placeholdersIn', () => {
	const octopush = ['first_name', 'last_name', 'param1', 'param2', 'param3', 'param4', 'param5'];

	it.each([
		['Hello {first_name} {last_name}, code {param1}', octopush, ['first_name', 'last_name', 'param1']],
		['{param2} then {first_name} and {param2} again', octopush, ['param2', 'first_name']],
		['No placeholders here', octopush, []],
		['{firstname} is a typo, {First_Name} another', octopush, []],
		['{ first_name } has spaces', octopush, []],
		['{{first_name}}', octopush, ['first_name']],
		['Hi {first_name} {unknown}', undefined, ['first_name', 'unknown']],
		['Hi {first_name}', [], []],
	])('%j with %j → %j', (text, names, expected) => {
		expect(placeholdersIn(text, names)).toEqual(expected);
	});

	it('reads Routee [~label] placeholders with the tilde-brackets syntax', () => {
		expect(placeholdersIn('Hi [~firstName], {first_name} [~code] [~firstName]', undefined, 'tilde-brackets')).toEqual([
			'firstName',
			'code',
		]);
		expect(placeholdersIn('Hi [~firstName] [~code]', ['code'], 'tilde-brackets')).toEqual(['code']);
	});
});
