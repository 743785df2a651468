import { directFieldReader } from '../../nodes/shared/action/item-values';

const item = {
	phone: '+33612345678',
	n: 42,
	empty: '',
	contact: { 'first name': 'Zoé', city: { name: 'Lyon' } },
	codes: ['A1', 'B2'],
	'with.dot': 'dotted',
};

describe('directFieldReader', () => {
	it.each([
		['={{ $json.phone }}', '+33612345678'],
		['={{$json.phone}}', '+33612345678'],
		['={{ $json.n }}', 42],
		['={{ $json.empty }}', ''],
		['={{ $json.missing }}', undefined],
		['={{ $json.contact.city.name }}', 'Lyon'],
		['={{ $json.contact["first name"] }}', 'Zoé'],
		["={{ $json['contact']['city'] }}", { name: 'Lyon' }],
		['={{ $json.codes[1] }}', 'B2'],
		['={{ $json.codes[5] }}', undefined],
		['={{ $json["with.dot"] }}', 'dotted'],
		['={{ $json.phone.length }}', undefined],
		['={{ $json.missing.deeper }}', undefined],
		['a constant', 'a constant'],
		['', ''],
		[7, 7],
		[true, true],
	])('%j reads %j', (raw, expected) => {
		const reader = directFieldReader(raw);
		expect(reader).toBeDefined();
		expect(reader!(item)).toEqual(expected);
	});

	it.each([
		'={{ $json.phone.trim() }}',
		'={{ ($json.phone) }}',
		'={{ $json.phone }} ',
		'=+{{ $json.phone }}',
		'={{ $json.phone }}{{ $json.n }}',
		'={{ $json[key] }}',
		'={{ $json["a\\"b"] }}',
		'={{ $json.codes[i] }}',
		'={{ $json }}',
		'={{ $input.item.json.phone }}',
		'={{ $("Node").item.json.phone }}',
		'=phone',
	])('%j is left to n8n', (raw) => {
		expect(directFieldReader(raw)).toBeUndefined();
	});

	it('leaves non-scalar raw values to n8n', () => {
		expect(directFieldReader({ a: 1 })).toBeUndefined();
		expect(directFieldReader(undefined)).toBeUndefined();
	});
});
