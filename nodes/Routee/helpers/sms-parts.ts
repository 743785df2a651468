import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalid } from '../../shared/http';
import { routeeLabels } from '../transport/contract';

// How many SMS a text is sent as, so that a long message is never a surprise on the bill: Routee bills each part
// ("parts" in its bodyAnalysis, https://docs.routee.net/reference/send-single-sms).
//
// The GSM 7-bit default alphabet and its extension table are those of 3GPP TS 23.038 §6.2.1 (an extension character
// takes two septets: the escape and itself). One SMS holds 160 septets or 70 UCS-2 characters; a part of a longer
// message gives 7 septets / 3 characters to the concatenation header (3GPP TS 23.040 §9.2.3.24.1), leaving 153 / 67.

const GSM_DEFAULT_ALPHABET = new Set(
	[
		'@£$¥èéùìòÇ\nØø\rÅå',
		'Δ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ',
		' !"#¤%&\'()*+,-./',
		'0123456789:;<=>?',
		'¡ABCDEFGHIJKLMNO',
		'PQRSTUVWXYZÄÖÑÜ§',
		'¿abcdefghijklmno',
		'pqrstuvwxyzäöñüà',
	].join(''),
);
const GSM_EXTENSION_TABLE = new Set(['\f', '^', '{', '}', '\\', '[', '~', ']', '|', '€']);

const SINGLE = { gsm: 160, ucs2: 70 };
const PER_PART = { gsm: 153, ucs2: 67 };

/** Options → Max Parts per Message, when not set, from node version 2 on (version 1 has no limit). */
export const DEFAULT_MAX_PARTS = 3;

export interface SmsSize {
	encoding: 'GSM-7' | 'UCS-2';
	/** Septets (GSM-7) or UTF-16 code units (UCS-2). */
	length: number;
	parts: number;
}

/**
 * The size of a text as an SMS. With Transcode, Routee replaces characters outside GSM-7 by look-alikes where it can
 * (which ones it does not document), so the text is counted as if every character were one septet: the fewest
 * parts it can take.
 */
export function smsSizeOf(text: string, transcode = false): SmsSize {
	const characters = [...text];
	const gsm = characters.every((c) => GSM_DEFAULT_ALPHABET.has(c) || GSM_EXTENSION_TABLE.has(c));
	if (gsm || transcode) {
		const length = characters.reduce((n, c) => n + (GSM_EXTENSION_TABLE.has(c) ? 2 : 1), 0);
		return { encoding: 'GSM-7', length, parts: partsOf(length, 'gsm') };
	}
	return { encoding: 'UCS-2', length: text.length, parts: partsOf(text.length, 'ucs2') };
}

function partsOf(length: number, encoding: 'gsm' | 'ucs2'): number {
	if (length <= SINGLE[encoding]) return 1;
	return Math.ceil(length / PER_PART[encoding]);
}

export const maxPartsOption: INodeProperties = {
	displayName: 'Max Parts per Message',
	name: 'maxParts',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: DEFAULT_MAX_PARTS,
	description: `Refuse, before anything is sent, a message that needs more SMS parts than this: Routee bills each part (a part holds 153 GSM-7 characters, or 67 in unicode). When not set: at most ${DEFAULT_MAX_PARTS} (nodes added before version 2 of this node: no limit).`,
};

/** Campaign personalization, `[~firstName]`: its value is only known at Routee. */
const LABEL_PLACEHOLDER = /\[~[^\]]*\]/g;

/**
 * Refuses a message that needs more parts than Options → Max Parts per Message allows, before anything is sent, and
 * returns its size. A campaign's `[~label]` placeholders count as empty (the fewest parts the text can take), so a
 * refusal is always right; Routee's answer (bodyAnalysis) says the real count.
 */
export function checkSmsParts(
	context: IExecuteFunctions,
	itemIndex: number,
	text: string,
	options: IDataObject,
): SmsSize {
	const size = smsSizeOf(text.replace(LABEL_PLACEHOLDER, ''), options.transcode === true);
	const limit =
		typeof options.maxParts === 'number'
			? options.maxParts
			: context.getNode().typeVersion >= 2
				? DEFAULT_MAX_PARTS
				: undefined;
	if (limit !== undefined && size.parts > limit) {
		const perPart = size.encoding === 'GSM-7' ? PER_PART.gsm : PER_PART.ucs2;
		throw invalid(
			context,
			itemIndex,
			routeeLabels.get('body') ?? 'Body',
			`needs ${size.parts} SMS parts (${size.length} ${size.encoding} characters, ${perPart} per part), more than Max Parts per Message (${limit}): Routee bills each part. Shorten the message, or raise Options → Max Parts per Message`,
		);
	}
	return size;
}

/** What the output pane says when messages go out in more than one part each. */
export function partsHint(
	sizes: ReadonlyArray<{ itemIndex: number; size: SmsSize }>,
): string | undefined {
	const long = sizes.filter(({ size }) => size.parts > 1);
	if (long.length === 0) return undefined;
	const most = Math.max(...long.map(({ size }) => size.parts));
	const which =
		long.length === 1
			? `The message of item ${long[0].itemIndex} is`
			: `${long.length} messages are`;
	return `${which} sent in more than one SMS part (up to ${most}): Routee bills each part. Routee's own count is in the output (bodyAnalysis → parts).`;
}
