import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { create } from './create.operation';
import { getAll } from './getAll.operation';

export const contactLabelOperations = { create, getAll };

export const contactLabelDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contactLabel'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description:
					'Define a label (a contact field of your own, e.g. company) that contacts hold values of and campaigns write with [~name]',
				action: 'Create a contact label',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many labels of the Routee account, default and custom, with their types',
				action: 'Get many contact labels',
			},
		],
		default: 'getAll',
	},
	...updateDisplayOptions(
		{ show: { resource: ['contactLabel'], operation: ['create'] } },
		create.description,
	),
	...updateDisplayOptions(
		{ show: { resource: ['contactLabel'], operation: ['getAll'] } },
		getAll.description,
	),
];
