import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, showFor } from '../../../shared/action/router';
import { getBalance } from './getBalance.operation';

export const accountOperations = { getBalance };

export const accountDescription: INodeProperties[] = [
	operationSelector(
		'account',
		[
			{
				name: 'Get Balance',
				value: 'getBalance',
				description: 'Get the balance and currency of the Octopush account (amount and unit)',
				action: 'Get the account balance',
			},
		],
		'getBalance',
	),
	...showFor('account', 'getBalance', getBalance.description),
];
