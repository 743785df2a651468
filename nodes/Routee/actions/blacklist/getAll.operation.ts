import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Operation } from '../../../shared/action/execute';
import { executeCalls, serviceField, serviceOf } from '../../helpers/contacts';

/**
 * GET /contacts/my/blacklist/{service} (https://docs.routee.net/reference/get-blacklisted-contacts-for-service): every
 * contact that opted out of the service, one output item each (Routee answers them all at once, not in pages).
 */
export const getAll: Operation = {
	description: [serviceField],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeCalls(
			this,
			items,
			(itemIndex) => ({
				method: 'GET',
				path: `/contacts/my/blacklist/${serviceOf(this, itemIndex)}`,
			}),
			false,
		);
	},
};
