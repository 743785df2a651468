import type { IExecuteFunctions } from 'n8n-workflow';

import { asNodeError } from '../../shared/operation';
import { ticketBody } from '../contract';
import { assertBody } from './validate';

/**
 * The Ticket Number of every item, checked before the first request. An invalid one stops the node,
 * or with Continue On Fail is handed back as its item's error.
 */
export function readTickets(context: IExecuteFunctions, count: number): Array<{ ticket_number: string } | Error> {
	return Array.from({ length: count }, (_, itemIndex) => {
		try {
			const ticket = String(context.getNodeParameter('ticketNumber', itemIndex, '') ?? '').trim();
			return assertBody(context, ticketBody, { ticket_number: ticket }, itemIndex);
		} catch (error) {
			if (!context.continueOnFail()) throw asNodeError(context, error as Error, itemIndex);
			return error as Error;
		}
	});
}

export function ticketOrThrow(ticket: { ticket_number: string } | Error): string {
	if (ticket instanceof Error) throw ticket;
	return ticket.ticket_number;
}
