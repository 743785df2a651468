import {
	conversationBody,
	voiceCampaignBody,
	labelOf,
} from '../../nodes/Routee/transport/contract';
// the node file registers the labels of its fields
import '../../nodes/Routee/Routee.node';

// The UI cannot produce some shapes (a selector picks one dial-plan source); the contract still refuses them.

const issue = (result: {
	success: boolean;
	error?: { issues: Array<{ path: Array<string | number>; message: string }> };
}) =>
	result.success
		? undefined
		: { field: labelOf(result.error!.issues[0].path), message: result.error!.issues[0].message };

test('a conversation with both a dial plan and a dial-plan URL is refused', () => {
	const result = conversationBody.safeParse({
		to: { phone: '+306948530920' },
		from: '+306948530900',
		dialPlan: { verbs: [{ type: 'PLAY', fileURL: 'https://example.com/a.wav' }] },
		dialPlanUrl: 'https://example.com/plan.json',
	});
	expect(issue(result)).toEqual({
		field: 'Dial Plan',
		message: 'and Dial Plan URL are both set: give only one of them',
	});
});

test('a conversation recipient with both a phone number and a SIP URI is refused', () => {
	const result = conversationBody.safeParse({
		to: { phone: '+306948530920', sip: 'sip:a@b.c' },
		from: '+306948530900',
		dialPlanUrl: 'https://example.com/plan.json',
	});
	expect(issue(result)).toEqual({
		field: 'To',
		message: 'must be exactly one of a phone number, a SIP URI or a Viber number',
	});
});

test('the voice campaign name goes under `name`, the documented request key (campaignName is only in the response)', () => {
	const body = {
		from: 'MyClinic',
		to: ['+306948530920'],
		fileURL: 'https://example.com/a.wav',
		name: 'Reminders',
	};
	expect(voiceCampaignBody.safeParse(body).success).toBe(true);
	expect(
		issue(voiceCampaignBody.safeParse({ ...body, name: undefined, campaignName: 'Reminders' }))
			?.message,
	).toMatch(/^Unrecognized key/);
});

test('field labels of body paths', () => {
	expect(labelOf(['ttl'])).toBe('TTL (Minutes)');
	expect(labelOf(['to', 2])).toBe('To (entry 3)');
	expect(labelOf(['callback', 'url'])).toBe('Callback: URL');
	expect(labelOf(['dialPlan', 'verbs', 1, 'message', 'text'])).toBe('Verb 2: Text');
	expect(labelOf(['dialPlan', 'verbs', 0, 'to', 'phone'])).toBe('Verb 1: To');
	expect(labelOf(['dialPlan', 'verbs', 0, 'machineDetection', 'eventUrl'])).toBe(
		'Verb 1: Machine Detection: Event URL',
	);
	expect(labelOf(['reminder', 'to', 0])).toBe('Reminder: Phone Numbers (entry 1)');
});
