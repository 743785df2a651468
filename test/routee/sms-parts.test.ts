// Issue 26: a long SMS is never a surprise on the bill. Routee bills each part of a message; the node counts them
// (3GPP TS 23.038 / 23.040), refuses more than Options → Max Parts per Message (at most 3 when not set, from node
// version 2 on) before anything is sent, and says in the output pane when a message goes out in several parts.

import type { IDataObject, ITaskData } from 'n8n-workflow';

import { smsSizeOf } from '../../nodes/Routee/helpers/sms-parts';
import { useTestbed } from '../support/testbed';
import { item, PHONE, sms, smsCampaign, startTestbed } from './setup';

const t = useTestbed(async () => await startTestbed({ deliveryDelayMs: 5 }));

const LONG = 'a'.repeat(2000); // 14 GSM-7 parts
const TWO_PARTS = 'b'.repeat(200);

/** The hints the node left for the output pane (n8n-core keeps them on the node's task data). */
function hintsOf(run: { run: { data: { resultData: { runData: Record<string, ITaskData[]> } } } }) {
	return (run.run.data.resultData.runData.Node?.[0]?.hints ?? []).map((hint) => hint.message);
}

describe('counting parts (GSM-7: 160, then 153 per part; UCS-2: 70, then 67)', () => {
	test.each(
		[
			['a'.repeat(160), 'GSM-7', 1],
			['a'.repeat(161), 'GSM-7', 2],
			['a'.repeat(306), 'GSM-7', 2],
			['a'.repeat(307), 'GSM-7', 3],
			// an extension-table character takes two septets: 80 × € is 160
			['€'.repeat(80), 'GSM-7', 1],
			['€'.repeat(81), 'GSM-7', 2],
			['ж'.repeat(70), 'UCS-2', 1],
			['ж'.repeat(71), 'UCS-2', 2],
			['ж'.repeat(135), 'UCS-2', 3],
			// one character outside GSM-7 makes the whole message UCS-2
			[`${'a'.repeat(100)}’`, 'UCS-2', 2],
		].map(([text, encoding, parts]) => [[...(text as string)].length, encoding, parts, text]),
	)('%#: %i characters are %s in %i part(s)', (_length, encoding, parts, text) => {
		expect(smsSizeOf(text as string)).toMatchObject({ encoding, parts });
	});

	test('with Transcode, characters outside GSM-7 count as one septet each (the fewest parts Routee can send)', () => {
		const text = 'ã'.repeat(200);
		expect(smsSizeOf(text)).toMatchObject({ encoding: 'UCS-2', parts: 3 });
		expect(smsSizeOf(text, true)).toMatchObject({ encoding: 'GSM-7', parts: 2 });
	});
});

describe('SMS → Send, node version 2', () => {
	test('a 2,000-character message is refused before anything is sent: it would be 14 billed parts', async () => {
		const run = await t.run(sms({ body: LONG }), { typeVersion: 2 });
		expect(run.error?.message).toBe('Body is not valid [item 0]');
		expect(run.error?.description).toBe(
			'Body needs 14 SMS parts (2000 GSM-7 characters, 153 per part), more than Max Parts per Message (3): Routee bills each part. Shorten the message, or raise Options → Max Parts per Message.',
		);
		expect(t.received('POST', '/sms')).toEqual([]);
	});

	test('with Max Parts per Message raised it is sent; the output carries the parts Routee counted and the pane says so', async () => {
		const run = await t.run(sms({ body: LONG, options: { maxParts: 20 } }), { typeVersion: 2 });
		expect(run.error).toBeUndefined();
		expect(t.received('POST', '/sms')).toHaveLength(1);
		expect((run.items[0].json.bodyAnalysis as IDataObject).parts).toBe(14);
		expect(hintsOf(run)).toEqual([
			"The message of item 0 is sent in more than one SMS part (up to 14): Routee bills each part. Routee's own count is in the output (bodyAnalysis → parts).",
		]);
	});

	test('a two-part message is within the default (3) and sent, with the hint; a one-part message has none', async () => {
		const run = await t.run(sms({ body: '={{ $json.text }}' }), {
			typeVersion: 2,
			input: [item({ text: 'Hello' }), item({ text: TWO_PARTS })],
		});
		expect(run.error).toBeUndefined();
		expect(t.received('POST', '/sms').map((r) => (r.body as IDataObject).body)).toEqual([
			'Hello',
			TWO_PARTS,
		]);
		expect(hintsOf(run)).toEqual([
			expect.stringMatching(/^The message of item 1 is sent in more than one SMS part \(up to 2\)/),
		]);
	});

	test('one item too long among three: nothing is sent, the error names that item', async () => {
		const run = await t.run(sms({ body: '={{ $json.text }}' }), {
			typeVersion: 2,
			input: [item({ text: 'Hello' }), item({ text: 'Hi' }), item({ text: LONG })],
		});
		expect(run.error?.message).toBe('Body is not valid [item 2]');
		expect(t.received('POST', '/sms')).toEqual([]);
	});
});

describe('a workflow saved with node version 1 keeps working', () => {
	test('the 2,000-character message is sent as before (no limit unless set), with the same request', async () => {
		const run = await t.run(sms({ body: LONG }), { typeVersion: 1 });
		expect(run.error).toBeUndefined();
		expect(t.received('POST', '/sms').map((r) => r.body)).toEqual([
			{ from: 'MyShop', to: PHONE, body: LONG },
		]);
		expect(hintsOf(run)).toEqual([expect.stringMatching(/up to 14/)]);
	});

	test('a limit the user set applies in version 1 too', async () => {
		const run = await t.run(sms({ body: TWO_PARTS, options: { maxParts: 1 } }), { typeVersion: 1 });
		expect(run.error?.description).toMatch(
			/^Body needs 2 SMS parts .*more than Max Parts per Message \(1\)/,
		);
		expect(t.received('POST', '/sms')).toEqual([]);
	});
});

describe('SMS → Send Campaign and Send and Wait for Delivery, node version 2', () => {
	test('a campaign whose text is too long is refused before anything is sent; [~label] placeholders count as empty', async () => {
		const refused = await t.run(smsCampaign({ body: LONG }), { typeVersion: 2 });
		expect(refused.error?.message).toBe('Body is not valid [item 0]');
		expect(t.received('POST', '/sms/campaign')).toEqual([]);
		// 459 characters of text plus a placeholder: 3 parts at the least, so within the default
		const text = `${'c'.repeat(459)}[~firstName]`;
		const sent = await t.run(smsCampaign({ body: text }), { typeVersion: 2 });
		expect(sent.error).toBeUndefined();
		expect(t.received('POST', '/sms/campaign').map((r) => (r.body as IDataObject).body)).toEqual([
			text,
		]);
	});

	test('Send and Wait for Delivery refuses a too-long message before anything is sent', async () => {
		const run = await t.run(
			{
				resource: 'sms',
				operation: 'waitForDelivery',
				from: 'MyShop',
				to: PHONE,
				body: LONG,
				options: {},
			},
			{ typeVersion: 2 },
		);
		expect(run.error?.message).toBe('Body is not valid [item 0]');
		expect(t.received('POST', '/sms')).toEqual([]);
	});
});
