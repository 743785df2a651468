import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { create } from './create.operation';
import { deleteContact } from './delete.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { update } from './update.operation';
import { upsert } from './upsert.operation';

export const contactOperations = { create, delete: deleteContact, get, getAll, update, upsert };

export const contactDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description:
					'Create a contact in the Routee account (one per mobile); add it to groups with Group → Add Contacts. Sends nothing.',
				action: 'Create a contact',
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				// the wording n8n's community scanner requires of an upsert (n8n-nodes-base/node-param-description-wrong-for-upsert)
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update a contact',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a contact from the Routee account and its groups',
				action: 'Delete a contact',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a contact: name, mobile, labels, groups and the services it opted out of',
				action: 'Get a contact',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many contacts of the Routee account',
				action: 'Get many contacts',
			},
			{
				name: 'Update',
				value: 'update',
				description: "Change a contact's mobile, name, email, VIP flag or label values",
				action: 'Update a contact',
			},
		],
		default: 'create',
	},
	...updateDisplayOptions(
		{ show: { resource: ['contact'], operation: ['create'] } },
		create.description,
	),
	...updateDisplayOptions(
		{ show: { resource: ['contact'], operation: ['delete'] } },
		deleteContact.description,
	),
	...updateDisplayOptions({ show: { resource: ['contact'], operation: ['get'] } }, get.description),
	...updateDisplayOptions(
		{ show: { resource: ['contact'], operation: ['getAll'] } },
		getAll.description,
	),
	...updateDisplayOptions(
		{ show: { resource: ['contact'], operation: ['update'] } },
		update.description,
	),
	...updateDisplayOptions(
		{ show: { resource: ['contact'], operation: ['upsert'] } },
		upsert.description,
	),
];
