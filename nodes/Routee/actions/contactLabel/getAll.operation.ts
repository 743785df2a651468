import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { executeJobs, type Operation } from '../../../shared/action/execute';
import { routeeRequest } from '../../transport';

/**
 * GET /contacts/labels/my (https://docs.routee.net/reference/retrieve-the-accounts-contact-labels): the account's labels,
 * default and custom, which Routee answers as one object {name: type}; one output item per label.
 */
export const getAll: Operation = {
	description: [],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeJobs(this, items, {
			plan: () => undefined,
			run: async (_, { leadItem }) =>
				await routeeRequest(this, 'GET', '/contacts/labels/my', leadItem),
			output: (labels, { leadItem }) =>
				Object.entries(labels).map(([name, type]) => ({
					json: { name, type } as IDataObject,
					pairedItem: { item: leadItem },
				})),
		});
	},
};
