import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { executePerItem, type Operation } from '../../../shared/operation';
import { readTickets, ticketOrThrow } from '../../campaign/tickets';
import { octopushRequest } from '../../transport';

const description: INodeProperties[] = [
	{
		displayName: 'Ticket Number',
		name: 'ticketNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'voice_5f44ebf9e47b7',
		description:
			'The ticket_number of a scheduled frame (Send Campaign outputs one per frame). Only campaigns scheduled more than 10 minutes ahead can be cancelled.',
	},
];

/** DELETE /voice-campaign/cancel: cancels a scheduled voice SMS campaign (Octopush answers 204 No Content). */
export const cancel: Operation = {
	description,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		const tickets = readTickets(this, items.length);
		return await executePerItem(this, items, async (itemIndex) => {
			const ticketNumber = ticketOrThrow(tickets[itemIndex]);
			const response = await octopushRequest(this, 'DELETE', '/voice-campaign/cancel', itemIndex, {
				ticket_number: ticketNumber,
			});
			return { ticket_number: ticketNumber, ...response, cancelled: true };
		});
	},
};
