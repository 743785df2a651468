import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Operation } from '../../../shared/action/execute';
import { executeCalls, groupLocator, groupPathOf } from '../../helpers/contacts';
import { limitOf, pagingFields } from '../../helpers/lookup';
import { GROUP_PAGE_SIZE } from '../../transport/contacts-contract';

/** GET /groups/my/{name}/contacts?page&size (https://docs.routee.net/reference/view-the-contacts-of-a-specified-group). */
export const getContacts: Operation = {
	description: [groupLocator('The group whose contacts to read'), ...pagingFields],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeCalls(
			this,
			items,
			(itemIndex) => ({
				method: 'GET',
				path: `/groups/my/${groupPathOf(this, itemIndex)}/contacts`,
				paged: { limit: limitOf(this, itemIndex), maxPageSize: GROUP_PAGE_SIZE },
			}),
			false,
		);
	},
};
