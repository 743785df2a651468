import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared/action/execute';
import { conversationActionBody } from '../../transport/contract';
import { executeById, messageIdField } from '../../helpers/lookup';

const description: INodeProperties[] = [
	messageIdField('conversation call'),
	{
		displayName: 'Action',
		name: 'callAction',
		type: 'options',
		options: [
			{ name: 'Hang Up', value: 'hangup', description: 'End a call in progress' },
			{ name: 'Reject', value: 'reject', description: 'Refuse a call that is ringing' },
		],
		default: 'hangup',
	},
];

/** PUT /voice/conversation/{messageId} {action}: ends or refuses a call. */
export const hangUp: Operation = {
	description,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeById(
			this,
			items,
			{ name: 'messageId', label: 'Message ID' },
			(id, itemIndex) => ({
				method: 'PUT',
				path: `/voice/conversation/${id}`,
				body: { action: this.getNodeParameter('callAction', itemIndex) as string },
				schema: conversationActionBody,
			}),
		);
	},
};
