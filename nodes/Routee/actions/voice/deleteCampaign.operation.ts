import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Operation } from '../../../shared/action/execute';
import { executeById, trackingIdField } from '../../helpers/lookup';

/** DELETE /voice/campaign/{trackingId}: cancels a voice campaign that is still Scheduled. */
export const deleteCampaign: Operation = {
	description: [trackingIdField('scheduled voice campaign')],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeById(this, items, { name: 'trackingId', label: 'Tracking ID' }, (id) => ({
			method: 'DELETE',
			path: `/voice/campaign/${id}`,
		}));
	},
};
