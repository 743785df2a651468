import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getBalance } from './getBalance.operation';

export const accountOperations = { getBalance };

export const accountDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{
				name: 'Get Balance',
				value: 'getBalance',
				description: 'Get the balance and currency of the Routee account (read only)',
				action: 'Get the account balance',
			},
		],
		default: 'getBalance',
	},
	...updateDisplayOptions(
		{ show: { resource: ['account'], operation: ['getBalance'] } },
		getBalance.description,
	),
];
