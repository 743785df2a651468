import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { add } from './add.operation';
import { getAll } from './getAll.operation';
import { remove } from './remove.operation';

export const blacklistOperations = { add, getAll, remove };

export const blacklistDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['blacklist'] } },
		options: [
			{
				name: 'Add',
				value: 'add',
				description:
					"Blacklist contacts for a service: Routee's campaigns of that service skip them (e.g. after a STOP reply)",
				action: 'Add contacts to the opt out list',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many contacts that opted out of a service (its blacklist)',
				action: 'Get many opted out contacts',
			},
			{
				name: 'Remove',
				value: 'remove',
				description:
					'Take contacts off the blacklist of a service: they receive its campaigns again',
				action: 'Remove contacts from the opt out list',
			},
		],
		default: 'getAll',
	},
	...updateDisplayOptions(
		{ show: { resource: ['blacklist'], operation: ['add'] } },
		add.description,
	),
	...updateDisplayOptions(
		{ show: { resource: ['blacklist'], operation: ['getAll'] } },
		getAll.description,
	),
	...updateDisplayOptions(
		{ show: { resource: ['blacklist'], operation: ['remove'] } },
		remove.description,
	),
];
