import { contactProblem, voiceCampaignSendBody } from '../../nodes/Octopush/transport/contract';

describe('contactProblem (the recipient contract)', () => {
	it.each([
		[{ phone_number: '+33612345678' }],
		[{ phone_number: '+33612345678', first_name: 'Ann', last_name: '', param5: 'x'.repeat(50) }],
	])('accepts %j', (contact) => {
		expect(contactProblem(contact)).toBeUndefined();
	});

	it.each([
		['a string', '+33612345678', '', 'must be an object with phone_number, got "+33612345678"'],
		['null', null, '', 'must be an object with phone_number, got null'],
		[
			'an unknown field',
			{ phone_number: '+33612345678', phone: '1' },
			'',
			'has unknown field "phone": use phone_number, first_name, last_name, param1, param2, param3, param4, param5',
		],
		[
			'no phone number',
			{ first_name: 'Ann' },
			'phone_number',
			'must be an E.164 phone number such as +33612345678, got undefined',
		],
		[
			'a national number',
			{ phone_number: '0612345678' },
			'phone_number',
			'must be an E.164 phone number such as +33612345678, got "0612345678"',
		],
		[
			'a number-typed phone',
			{ phone_number: 33612345678 },
			'phone_number',
			'must be an E.164 phone number such as +33612345678, got 33612345678',
		],
		[
			'a number in a text field',
			{ phone_number: '+33612345678', param1: 5 },
			'param1',
			'must be text, got 5',
		],
		[
			'a field over 50 characters',
			{ phone_number: '+33612345678', last_name: 'x'.repeat(51) },
			'last_name',
			'must be at most 50 characters',
		],
	])('refuses %s', (_name, contact, field, rule) => {
		expect(contactProblem(contact)).toEqual({ field, rule });
	});

	it('the frame body reports the first bad recipient at its position', () => {
		const result = voiceCampaignSendBody.safeParse({
			text: 'Hello',
			type: 'voice_sms',
			recipients: [
				{ phone_number: '+33612345678' },
				{ phone_number: '+33612345679', param2: 'y'.repeat(51) },
				{ phone_number: 'bad' },
			],
		});
		expect(result.success).toBe(false);
		expect(result.error?.issues).toEqual([
			{
				code: 'custom',
				fatal: true,
				path: ['recipients', 1, 'param2'],
				message: 'must be at most 50 characters',
			},
		]);
	});

	it('the frame body bounds the number of recipients', () => {
		const many = Array.from({ length: 501 }, () => ({ phone_number: '+33612345678' }));
		const tooMany = voiceCampaignSendBody.safeParse({
			text: 'Hello',
			type: 'voice_sms',
			recipients: many,
		});
		const none = voiceCampaignSendBody.safeParse({
			text: 'Hello',
			type: 'voice_sms',
			recipients: [],
		});
		expect(tooMany.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
			[['recipients'], 'must hold at most 500 recipients per request'],
		]);
		expect(none.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
			[['recipients'], 'must not be empty: add at least one recipient'],
		]);
	});
});
