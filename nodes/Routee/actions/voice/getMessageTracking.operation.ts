import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { executeJobs, type Operation } from '../../../shared/action/execute';
import { pathId } from '../../helpers/fields';
import { messageIdField } from '../../helpers/lookup';
import { voiceTracking } from '../../transport';

/** The status of one call of a voice campaign or conversation, plus `digits`: the keys pressed during it. */
export const getMessageTracking: Operation = {
	description: [messageIdField('call')],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeJobs(this, items, {
			plan: ({ leadItem }) => pathId(this, leadItem, 'messageId', 'Message ID'),
			run: async (messageId, { leadItem }) => await voiceTracking(this, messageId, leadItem),
		});
	},
};
