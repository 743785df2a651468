import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Operation } from '../../../shared/action/execute';
import { executeById, trackingIdField } from '../../helpers/lookup';

/** GET /voice/conversation/{trackingId}: a conversation as it was started. */
export const getConversation: Operation = {
	description: [trackingIdField('conversation')],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeById(this, items, { name: 'trackingId', label: 'Tracking ID' }, (id) => ({
			method: 'GET',
			path: `/voice/conversation/${id}`,
		}));
	},
};
