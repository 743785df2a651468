import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { addContacts } from './addContacts.operation';
import { create } from './create.operation';
import { deleteGroup } from './delete.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { getContacts } from './getContacts.operation';
import { removeContacts } from './removeContacts.operation';

export const groupOperations = {
	addContacts,
	create,
	delete: deleteGroup,
	get,
	getAll,
	getContacts,
	removeContacts,
};

export const groupDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['group'] } },
		options: [
			{
				name: 'Add Contacts',
				value: 'addContacts',
				description:
					'Add contacts to a group; a campaign to the group then reaches them. Sends nothing.',
				action: 'Add contacts to a group',
			},
			{
				name: 'Create',
				value: 'create',
				description:
					'Create a group of contacts: empty, of every contact, or of the contacts matching filters',
				action: 'Create a group',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a group (and, if chosen, its contacts) from the Routee account',
				action: 'Delete a group',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a group: its name and how many contacts it holds',
				action: 'Get a group',
			},
			{
				name: 'Get Contacts',
				value: 'getContacts',
				description: 'Get the contacts of a group',
				action: 'Get the contacts of a group',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many groups of the Routee account',
				action: 'Get many groups',
			},
			{
				name: 'Remove Contacts',
				value: 'removeContacts',
				description: 'Take contacts out of a group; they stay in the account',
				action: 'Remove contacts from a group',
			},
		],
		default: 'addContacts',
	},
	...updateDisplayOptions(
		{ show: { resource: ['group'], operation: ['addContacts'] } },
		addContacts.description,
	),
	...updateDisplayOptions(
		{ show: { resource: ['group'], operation: ['create'] } },
		create.description,
	),
	...updateDisplayOptions(
		{ show: { resource: ['group'], operation: ['delete'] } },
		deleteGroup.description,
	),
	...updateDisplayOptions({ show: { resource: ['group'], operation: ['get'] } }, get.description),
	...updateDisplayOptions(
		{ show: { resource: ['group'], operation: ['getAll'] } },
		getAll.description,
	),
	...updateDisplayOptions(
		{ show: { resource: ['group'], operation: ['getContacts'] } },
		getContacts.description,
	),
	...updateDisplayOptions(
		{ show: { resource: ['group'], operation: ['removeContacts'] } },
		removeContacts.description,
	),
];
