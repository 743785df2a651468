import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { create } from './create.operation';
import { deleteList } from './delete.operation';
import { empty } from './empty.operation';

export const contactListOperations = { create, empty, delete: deleteList };

export const contactListDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contactList'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description:
					'Create an empty contact list on the Octopush account (fill it with Contact → Create or Update); sends nothing',
				action: 'Create a contact list',
			},
			{
				name: 'Delete',
				value: 'delete',
				description:
					'Delete a contact list from the Octopush account; list campaigns can no longer use it',
				action: 'Delete a contact list',
			},
			{
				name: 'Empty',
				value: 'empty',
				description:
					'Take every contact out of a contact list, keeping the list (and, with Delete Contacts From Account, delete those contacts from the account)',
				action: 'Empty a contact list',
			},
		],
		default: 'create',
	},
	...updateDisplayOptions(
		{ show: { resource: ['contactList'], operation: ['create'] } },
		create.description,
	),
	...updateDisplayOptions(
		{ show: { resource: ['contactList'], operation: ['empty'] } },
		empty.description,
	),
	...updateDisplayOptions(
		{ show: { resource: ['contactList'], operation: ['delete'] } },
		deleteList.description,
	),
];
