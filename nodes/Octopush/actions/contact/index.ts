import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { deleteContacts } from './delete.operation';
import { upsert } from './upsert.operation';

export const contactOperations = { upsert, delete: deleteContacts };

export const contactDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{
				name: 'Create or Update',
				value: 'upsert',
				// the wording n8n's community scanner requires of an upsert (n8n-nodes-base/node-param-description-wrong-for-upsert)
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Add or update contacts in a contact list',
			},
			{
				name: 'Delete',
				value: 'delete',
				description:
					'Delete contacts by phone number from a contact list, or from the whole Octopush account when no list is given; they get no further list campaigns',
				action: 'Delete contacts from a contact list or the account',
			},
		],
		default: 'upsert',
	},
	...updateDisplayOptions(
		{ show: { resource: ['contact'], operation: ['upsert'] } },
		upsert.description,
	),
	...updateDisplayOptions(
		{ show: { resource: ['contact'], operation: ['delete'] } },
		deleteContacts.description,
	),
];
