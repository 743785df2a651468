import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { LIST_STATUS, normalizeListStatus } from '../../contract';
import { octopushRequest } from '../../transport';

/** The ticket of a voice list campaign, as Get Status, Send and Delete ask for it. */
export const ticketNumberField: INodeProperties = {
	displayName: 'Ticket Number',
	name: 'ticketNumber',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'voice_5f44ebf9e47b7',
	description: 'The ticket_number that Create returned',
};

/** GET /voice-campaign-on-list/status: number_of_contacts, cost, estimated_duration, status (normalized). */
export async function fetchListStatus(
	context: IExecuteFunctions,
	ticketNumber: string,
	itemIndex: number,
): Promise<IDataObject> {
	const response = await octopushRequest(context, 'GET', '/voice-campaign-on-list/status', itemIndex, undefined, {
		ticket_number: ticketNumber,
	});
	return { ticket_number: ticketNumber, ...response, status: normalizeListStatus(response.status) ?? response.status };
}

/** Fails with a clear message unless the campaign is ready to be sent. */
export function assertReady(context: IExecuteFunctions, status: IDataObject, itemIndex: number): void {
	if (status.status === LIST_STATUS.ready) return;
	const ticket = String(status.ticket_number);
	if (status.status === LIST_STATUS.failed) {
		throw new NodeOperationError(
			context.getNode(),
			`Item ${itemIndex}: voice list campaign ${ticket} failed while Octopush prepared it (status "failed"), so it cannot be sent`,
			{ itemIndex, description: 'Check the list or tag, the text and the credit, then create the campaign again.' },
		);
	}
	throw new NodeOperationError(
		context.getNode(),
		`Item ${itemIndex}: voice list campaign ${ticket} is not ready to be sent yet (status "${String(status.status)}")`,
		{
			itemIndex,
			description:
				'Octopush is still preparing it. Try again in a moment, or use Create with "Wait Until Ready, Then Send".',
		},
	);
}

/** POST /voice-campaign-on-list/send: "validate" the campaign, which sends it. */
export async function sendListCampaign(
	context: IExecuteFunctions,
	ticketNumber: string,
	itemIndex: number,
): Promise<IDataObject> {
	return await octopushRequest(context, 'POST', '/voice-campaign-on-list/send', itemIndex, {
		ticket_number: ticketNumber,
	});
}
