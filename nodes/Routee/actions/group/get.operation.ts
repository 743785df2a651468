import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Operation } from '../../../shared/action/execute';
import { executeCalls, groupLocator, groupPathOf } from '../../helpers/contacts';

/** GET /groups/my/{name} (https://docs.routee.net/reference/retrieve-one-of-the-accounts-groups): {name, size}. */
export const get: Operation = {
	description: [groupLocator('The group to read (its name and how many contacts it holds)')],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeCalls(
			this,
			items,
			(itemIndex) => ({ method: 'GET', path: `/groups/my/${groupPathOf(this, itemIndex)}` }),
			false,
		);
	},
};
