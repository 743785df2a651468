import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Operation } from '../../../shared/action/router';
import { contactLocator, executeCalls, locatorValue } from '../../helpers/contacts';

/** GET /contacts/my/{id} (https://docs.routee.net/reference/retrieve-details-about-a-contact). */
export const get: Operation = {
	description: [contactLocator('The contact to read')],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeCalls(
			this,
			items,
			(itemIndex) => ({
				method: 'GET',
				path: `/contacts/my/${encodeURIComponent(locatorValue(this, itemIndex, 'contact', 'Contact'))}`,
			}),
			false,
		);
	},
};
