import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Operation } from '../../../shared/action/operation';
import { executeById, simplifyField, trackingIdField } from '../../helpers/lookup';

/**
 * What Simplify keeps of the campaign (https://docs.routee.net/reference/retrieve-details-for-a-campaign answers about 20
 * fields): who, what, when, its state and the message counts per status.
 */
const SIMPLIFIED = [
	'trackingId',
	'type',
	'campaignName',
	'state',
	'from',
	'body',
	'scheduledDate',
	'createdAt',
	'statuses',
	'cost',
] as const;

/** GET /campaigns/{trackingId}: the campaign's details, state and message counts per status. */
export const getCampaign: Operation = {
	description: [trackingIdField('campaign'), simplifyField],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeById(
			this,
			items,
			{ name: 'trackingId', label: 'Tracking ID' },
			(id) => ({ method: 'GET', path: `/campaigns/${id}` }),
			SIMPLIFIED,
		);
	},
};
