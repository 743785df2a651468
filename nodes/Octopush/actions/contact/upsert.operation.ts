import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { defaultCountryOption, modeField, optionsCollection } from '../../../shared/fields';
import type { Operation } from '../../../shared/action/execute';
import { toolMaxRecipientsField } from '../../../shared/action/tool-limit';
import {
	executeContactWrite,
	listNameField,
	readListName,
	type ContactWrite,
} from '../../helpers/contacts';
import { recipientFields, readRecipients } from '../../helpers/fields';
import { contactCreateBody, MAX_CONTACTS_PER_CREATE } from '../../transport/contract';

/** The recipient fields of the campaigns, read by the same code, described as the contacts they are here. */
const contactDescriptions: Record<string, string> = {
	recipients: `The contacts to add to the list, or to update when the number is already a contact. Any number: they are sent in frames of at most ${MAX_CONTACTS_PER_CREATE}.`,
	recipientsJson:
		'An array of phone numbers, or of contacts with phone_number, first_name, last_name and param1 to param5, e.g. [{"phone_number": "+33612345678", "first_name": "Ada"}]',
	phoneNumber:
		"The phone number of the contact each input item is, usually its phone field dragged here from the input. In E.164 format, such as +33612345678; national formats such as 06 12 34 56 78 are accepted with the 'Default Country' option.",
	personalization:
		"The contact's first name, last name and Param 1 to 5 (at most 50 characters each), usually expressions on each input item's fields; a campaign's text uses them as {first_name}, {last_name}, {param1} …",
};

const description: INodeProperties[] = [
	{
		...modeField,
		options: [
			{
				name: 'One Request for All Input Items',
				value: 'allItems',
				description:
					'Each input item is one contact (e.g. the rows of a CRM export), sent in as few requests as possible; List Name and the options are read from the first item',
			},
			{
				name: 'One Request per Input Item',
				value: 'perItem',
				description: 'Each input item lists its own contacts and list',
			},
		],
	},
	listNameField('Name of the Octopush contact list the contacts are added to'),
	...recipientFields().map((field) =>
		contactDescriptions[field.name]
			? { ...field, description: contactDescriptions[field.name] }
			: field,
	),
	toolMaxRecipientsField,
	optionsCollection([
		{
			// https://dev.octopush.com/en/sms-gateway-api-documentation/add-a-contact/: "the blacklisted numbers will be automatically removed from your list of numbers"
			displayName: 'Auto Remove Blacklisted Numbers',
			name: 'autoRemoveBlacklistedNumbers',
			type: 'boolean',
			default: false,
			description:
				'Whether Octopush leaves out the numbers on your blacklist (who answered STOP) instead of adding them to the list',
		},
		defaultCountryOption('06 12 34 56 78'),
		{
			// https://dev.octopush.com/en/sms-gateway-api-documentation/add-a-contact/: "if you try to add a contact whose number already exist, instead of overwriting it with your new data, we will ignore it"
			displayName: 'Do Not Overwrite',
			name: 'doNotOverwrite',
			type: 'boolean',
			default: false,
			description:
				'Whether a number that is already a contact keeps its current first name, last name and params (Octopush ignores the new values) instead of being updated',
		},
	]),
];

/** POST /contact/create (https://dev.octopush.com/en/sms-gateway-api-documentation/add-a-contact/). */
const write: ContactWrite = {
	method: 'POST',
	path: '/contact/create',
	schema: contactCreateBody,
	verb: 'added to or updated in',
	key: 'contacts',
	frameSize: MAX_CONTACTS_PER_CREATE,
	read(context, items, mode, leadItem) {
		const options = context.getNodeParameter('options', leadItem, {}) as IDataObject;
		const listName = readListName(context, leadItem);
		const base: IDataObject = { list_name: listName };
		if (options.autoRemoveBlacklistedNumbers !== undefined)
			base.auto_remove_blacklisted_numbers = options.autoRemoveBlacklistedNumbers;
		if (options.doNotOverwrite !== undefined) base.do_not_overwrite = options.doNotOverwrite;
		const read = readRecipients(context, items, mode, leadItem);
		return { listName, entries: read.contacts, sourceOf: read.sourceOf, base };
	},
};

export const upsert: Operation = {
	description,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeContactWrite(this, items, write);
	},
};
