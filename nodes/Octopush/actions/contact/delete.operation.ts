import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { itemValueReader } from '../../../shared/action/item-values';
import { invalid, type Source } from '../../../shared/http';
import {
	defaultCountryOf,
	defaultCountryOption,
	modeField,
	optionsCollection,
} from '../../../shared/fields';
import { normalizePhoneNumber } from '../../../shared/phone';
import type { Operation } from '../../../shared/action/execute';
import { toolMaxRecipientsField } from '../../../shared/action/tool-limit';
import {
	executeContactWrite,
	listNameField,
	readListName,
	type ContactWrite,
} from '../../helpers/contacts';
import { contactDeleteBody, MAX_CONTACTS_PER_DELETE } from '../../transport/contract';

const description: INodeProperties[] = [
	{
		...modeField,
		options: [
			{
				name: 'One Request for All Input Items',
				value: 'allItems',
				description:
					'Each input item is one phone number to delete; List Name and the options are read from the first item',
			},
			{
				name: 'One Request per Input Item',
				value: 'perItem',
				description: 'Each input item lists its own phone numbers',
			},
		],
	},
	listNameField(
		'The list the numbers are removed from. Empty: the contacts are deleted from the whole Octopush account (every list)',
		false,
	),
	{
		displayName: 'Phone Numbers',
		name: 'phoneNumbers',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +33612345678, +33698765432',
		description: `The numbers to delete, separated by commas or new lines (or an array from an expression); in E.164 format unless Default Country is set. Any number: they are sent in frames of at most ${MAX_CONTACTS_PER_DELETE}.`,
		displayOptions: { hide: { mode: ['allItems'] } },
	},
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +33612345678',
		description:
			'The phone number each input item is, usually its phone field dragged here from the input',
		displayOptions: { show: { mode: ['allItems'] } },
	},
	toolMaxRecipientsField,
	optionsCollection([defaultCountryOption('06 12 34 56 78')]),
];

function numberOf(
	context: IExecuteFunctions,
	value: unknown,
	source: Source,
	country: string,
): string {
	const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	const normalized = normalizePhoneNumber(text, country || undefined);
	if (!normalized.ok) throw invalid(context, source, 'Phone Number', normalized.reason);
	return normalized.e164;
}

/** DELETE /contact/delete (https://dev.octopush.com/en/sms-gateway-api-documentation/delete-a-contact/). */
const write: ContactWrite = {
	method: 'DELETE',
	path: '/contact/delete',
	schema: contactDeleteBody,
	verb: 'deleted from',
	key: 'phone_numbers',
	frameSize: MAX_CONTACTS_PER_DELETE,
	read(context, items, mode, leadItem) {
		const options = context.getNodeParameter('options', leadItem, {}) as IDataObject;
		const country = defaultCountryOf(options);
		const listName = readListName(context, leadItem);
		const base: IDataObject = listName === '' ? {} : { list_name: listName };
		if (mode === 'allItems') {
			const phoneNumber = itemValueReader(context, items, 'phoneNumber', '');
			const sourceOf = (position: number): Source => ({ itemIndex: position });
			const entries = items.map((_, index) =>
				numberOf(context, phoneNumber(index), sourceOf(index), country),
			);
			return { listName: listName || undefined, entries, sourceOf, base };
		}
		const value = context.getNodeParameter('phoneNumbers', leadItem, '') as unknown;
		const raw = Array.isArray(value)
			? (value as unknown[])
			: String(value ?? '')
					.split(/[,\n;]/)
					.map((part) => part.trim())
					.filter((part) => part !== '');
		const sourceOf = (position: number): Source => ({
			itemIndex: leadItem,
			recipient: position + 1,
		});
		const entries = raw.map((number, position) =>
			numberOf(context, number, sourceOf(position), country),
		);
		return { listName: listName || undefined, entries, sourceOf, base };
	},
};

export const deleteContacts: Operation = {
	description,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeContactWrite(this, items, write);
	},
};
