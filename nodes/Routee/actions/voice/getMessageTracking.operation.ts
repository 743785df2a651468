import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { executeById, messageIdField } from '../lookup';

/** GET /voice/tracking/{messageId}: the status of one call of a voice campaign or conversation. */
export const getMessageTracking: Operation = {
	description: [messageIdField('call')],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeById(this, items, { name: 'messageId', label: 'Message ID' }, (id) => ({
			method: 'GET',
			path: `/voice/tracking/${id}`,
		}));
	},
};
