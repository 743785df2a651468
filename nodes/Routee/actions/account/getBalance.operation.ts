import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { executeJobs, type Operation } from '../../../shared/action/execute';
import { routeeRequest } from '../../transport';

export const getBalance: Operation = {
	description: [],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeJobs(this, items, {
			plan: () => undefined,
			run: async (_, { leadItem }) =>
				await routeeRequest(this, 'GET', '/accounts/me/balance', leadItem),
		});
	},
};
