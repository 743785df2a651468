import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { executeById, trackingIdField } from '../lookup';

/** GET /campaigns/{trackingId}: the campaign's details, state and message counts per status. */
export const getCampaign: Operation = {
	description: [trackingIdField('campaign')],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeById(this, items, { name: 'trackingId', label: 'Tracking ID' }, (id) => ({
			method: 'GET',
			path: `/campaigns/${id}`,
		}));
	},
};
