import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { executePerItem, type Operation } from '../../../shared/operation';
import { octopushRequest } from '../../transport';

export const getBalance: Operation = {
	description: [],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executePerItem(this, items, async (itemIndex) =>
			octopushRequest(this, 'GET', '/wallet/check-balance', itemIndex),
		);
	},
};
