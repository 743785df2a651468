import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Operation } from '../../../shared/action/execute';
import {
	executeById,
	messageIdField,
	SIMPLIFIED_SMS_MESSAGE_TRACKING,
	simplifyField,
} from '../../helpers/lookup';

/** GET /sms/tracking/single/{messageId}: the status of one SMS, one output item per message part. */
export const getMessageTracking: Operation = {
	description: [messageIdField('SMS'), simplifyField],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeById(
			this,
			items,
			{ name: 'messageId', label: 'Message ID' },
			(id) => ({ method: 'GET', path: `/sms/tracking/single/${id}` }),
			SIMPLIFIED_SMS_MESSAGE_TRACKING,
		);
	},
};
