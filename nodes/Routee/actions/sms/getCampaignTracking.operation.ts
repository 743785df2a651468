import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { executeCampaignTracking, pagingFields, trackingIdField } from '../lookup';

/** GET /sms/tracking/campaign/{trackingId}: the status of every message part of a campaign, page by page. */
export const getCampaignTracking: Operation = {
	description: [trackingIdField('SMS campaign'), ...pagingFields],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeCampaignTracking(this, items, (id) => `/sms/tracking/campaign/${id}`);
	},
};
