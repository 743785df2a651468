import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Operation } from '../../../shared/action/execute';
import { executeCalls } from '../../helpers/contacts';
import { limitOf, pagingFields } from '../../helpers/lookup';
import { GROUP_PAGE_SIZE } from '../../transport/contacts-contract';

/** GET /groups/my/page?page&size (https://docs.routee.net/reference/retrieve-the-accounts-groups-in-paged-format): {name, size} each. */
export const getAll: Operation = {
	description: pagingFields,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeCalls(
			this,
			items,
			(itemIndex) => ({
				method: 'GET',
				path: '/groups/my/page',
				paged: { limit: limitOf(this, itemIndex), maxPageSize: GROUP_PAGE_SIZE },
			}),
			false,
		);
	},
};
