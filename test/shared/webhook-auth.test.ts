import { secureEquals } from '../../nodes/shared/trigger/webhook-auth';

describe('secureEquals', () => {
	it.each([
		['s3cr3t', 's3cr3t', true],
		['', '', true],
		['pässwörd-€', 'pässwörd-€', true],
		['s3cr3t', 's3cr3T', false],
		['s3cr3t', 's3cr3t ', false],
		['s3cr3t', 's3cr', false],
		['s3cr3t', '', false],
		['', 's3cr3t', false],
		['e', 'é', false],
		['a'.repeat(10_000), 'a'.repeat(10_000), true],
		['a'.repeat(10_000), `${'a'.repeat(9_999)}b`, false],
	])('%j vs %j → %s', (a, b, expected) => {
		expect(secureEquals(a, b)).toBe(expected);
		expect(secureEquals(b, a)).toBe(expected);
	});
});
