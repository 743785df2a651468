import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Operation } from '../../../shared/action/execute';
import { executeCampaignTracking, pagingFields, trackingIdField } from '../../helpers/lookup';

/** GET /voice/tracking/campaign/{trackingId}: the status of every call of a voice campaign, page by page. */
export const getCampaignTracking: Operation = {
	description: [trackingIdField('voice campaign'), ...pagingFields],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeCampaignTracking(this, items, (id) => `/voice/tracking/campaign/${id}`);
	},
};
