import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { executeJobs, type Operation } from '../../../shared/action/execute';
import { octopushRequest } from '../../transport';

export const getBalance: Operation = {
	description: [],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeJobs(this, items, {
			plan: () => undefined,
			run: async (_, { leadItem }) =>
				await octopushRequest(this, 'GET', '/wallet/check-balance', leadItem),
		});
	},
};
