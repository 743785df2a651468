import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Operation } from '../../../shared/action/execute';
import { executeCalls } from '../../helpers/contacts';
import { limitOf, pagingFields } from '../../helpers/lookup';
import { MAX_PAGE_SIZE } from '../../transport/contract';

/** GET /contacts/my?page&size (https://docs.routee.net/reference/retrieve-all-the-contacts): size at most 2000. */
export const getAll: Operation = {
	description: pagingFields,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeCalls(
			this,
			items,
			(itemIndex) => ({
				method: 'GET',
				path: '/contacts/my',
				paged: { limit: limitOf(this, itemIndex), maxPageSize: MAX_PAGE_SIZE },
			}),
			false,
		);
	},
};
