import type { INodeProperties } from 'n8n-workflow';

import { senderField } from '../../helpers/fields';

/** Fields the SMS operations share. */

export const smsSenderField = senderField(
	'The sender: at most 11 characters with a letter (e.g. your brand), or a number of at most 16 digits written without + (e.g. a number rented from Routee)',
);

export const smsBodyField: INodeProperties = {
	displayName: 'Body',
	name: 'body',
	type: 'string',
	typeOptions: { rows: 4 },
	required: true,
	default: '',
	description:
		"The message. Personalize it with [~label] placeholders, e.g. [~firstName], filled from the labels of Routee contacts (or the 'Fallback Values' option).",
};
