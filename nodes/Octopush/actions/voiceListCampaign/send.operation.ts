import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { executeJobs, type Operation } from '../../../shared/action/execute';
import {
	readTicket,
	ticketNumberField,
	assertListCampaignWithinToolLimit,
	assertReady,
	fetchListStatus,
	sendListCampaign,
	type Target,
	targetFields,
} from '../../helpers/tickets';
import { invalid } from '../../../shared/http';
import { toolMaxRecipientsField, toolRecipientLimit } from '../../../shared/action/tool-limit';

/** Sends ("validates") a campaign Octopush has finished preparing; refuses while it is not ready. */
export const send: Operation = {
	description: [ticketNumberField, ...targetFields, toolMaxRecipientsField],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		const limit = toolRecipientLimit(this);
		return await executeJobs(this, items, {
			plan: ({ leadItem }) => {
				const ticketNumber = readTicket(this, leadItem);
				let target = this.getNodeParameter('target', leadItem, 'list') as Target | 'fromInput';
				if (target === 'fromInput') {
					const fromCreate = items[leadItem]?.json?.target;
					if (fromCreate !== 'list' && fromCreate !== 'tag') {
						throw invalid(
							this,
							{ itemIndex: leadItem },
							'Campaign Target',
							`must be list or tag: the input item's target field (which Create outputs) is ${JSON.stringify(fromCreate ?? null)}. Send the output of Create, or choose Contact List or Tag`,
						);
					}
					target = fromCreate;
				}
				if (target !== 'list' && target !== 'tag') {
					throw invalid(
						this,
						{ itemIndex: leadItem },
						'Campaign Target',
						`must be list or tag, got ${JSON.stringify(target)}`,
					);
				}
				return { ticketNumber, target };
			},
			run: async ({ ticketNumber, target }, { leadItem }) => {
				const status = await fetchListStatus(this, ticketNumber, leadItem);
				assertReady(this, status, leadItem);
				// as a tool: the contacts Octopush counted, before the send (the status request sends nothing)
				assertListCampaignWithinToolLimit(this, status, leadItem, limit, false);
				return {
					ticket_number: ticketNumber,
					...(await sendListCampaign(this, ticketNumber, leadItem, target)),
				};
			},
		});
	},
};
