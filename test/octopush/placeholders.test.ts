import { placeholdersIn } from '../../nodes/Octopush/transport/contract';

describe('placeholdersIn', () => {
	const octopush = ['first_name', 'last_name', 'param1', 'param2', 'param3', 'param4', 'param5'];

	it.each([
		[
			'Hello {first_name} {last_name}, code {param1}',
			octopush,
			['first_name', 'last_name', 'param1'],
		],
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
});
