import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { routeeRequest } from '../transport';
import { GROUP_PAGE_SIZE } from '../transport/contacts-contract';
import { groupOption } from './listSearch';

/**
 * The Groups pick list of the campaign operations (version 3): every group of the account, read page by page from
 * GET /groups/my/page (https://docs.routee.net/reference/retrieve-the-accounts-groups-in-paged-format), with its size.
 */
export async function getGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const options: INodePropertyOptions[] = [];
	for (let page = 0; ; page++) {
		const response = await routeeRequest(this, 'GET', '/groups/my/page', 0, undefined, {
			page,
			size: GROUP_PAGE_SIZE,
		});
		const content = Array.isArray(response.content) ? (response.content as IDataObject[]) : [];
		options.push(...content.map(groupOption));
		if (response.last === true || content.length === 0) return options;
	}
}
