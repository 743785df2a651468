import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Operation } from '../../../shared/action/execute';
import { contactLocator, contactRefOf, executeCalls } from '../../helpers/contacts';

/** GET /contacts/my/{id} (https://docs.routee.net/reference/retrieve-details-about-a-contact). */
export const get: Operation = {
	description: [contactLocator('The contact to read')],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeCalls(
			this,
			items,
			(itemIndex) => ({
				method: 'GET',
				path: '/contacts/my/{contact}',
				contact: contactRefOf(this, itemIndex),
			}),
			false,
		);
	},
};
