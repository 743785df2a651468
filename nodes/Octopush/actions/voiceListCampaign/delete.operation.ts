import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { executeJobs, type Operation } from '../../../shared/action/execute';
import { readTicket, ticketNumberField } from '../../helpers/tickets';
import { octopushRequest } from '../../transport';

/** DELETE /voice-campaign-on-list/cancel: deletes a campaign that was not sent (Octopush answers 204 No Content). */
export const deleteCampaign: Operation = {
	description: [ticketNumberField],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await executeJobs(this, items, {
			plan: ({ leadItem }) => readTicket(this, leadItem),
			run: async (ticketNumber, { leadItem }) => {
				const response = await octopushRequest(
					this,
					'DELETE',
					'/voice-campaign-on-list/cancel',
					leadItem,
					{
						ticket_number: ticketNumber,
					},
				);
				return { ticket_number: ticketNumber, ...response, deleted: true };
			},
		});
	},
};
