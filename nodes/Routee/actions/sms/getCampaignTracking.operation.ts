import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Operation } from '../../../shared/action/execute';
import {
	executeCampaignTracking,
	pagingFields,
	SIMPLIFIED_SMS_TRACKING,
	simplifyField,
	trackingIdField,
} from '../../helpers/lookup';

/** GET /sms/tracking/campaign/{trackingId}: the status of every message part of a campaign, page by page. */
export const getCampaignTracking: Operation = {
	description: [trackingIdField('SMS campaign'), ...pagingFields, simplifyField],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeCampaignTracking(
			this,
			items,
			(id) => `/sms/tracking/campaign/${id}`,
			SIMPLIFIED_SMS_TRACKING,
		);
	},
};
