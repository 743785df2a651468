import type { IDataObject } from 'n8n-workflow';

/**
 * Octopush's answers read the same whatever the account's API generation names them (facts the sources
 * disagree on; each lives here and nowhere else).
 */

/** The ticket of a send: `ticket_number` in v1; older accounts answer `vocal_ticket` (voice) or `sms_ticket` (SMS). */
export function ticketOf(response: IDataObject): string | undefined {
	const ticket = response.ticket_number ?? response.vocal_ticket ?? response.sms_ticket;
	return typeof ticket === 'string' && ticket !== '' ? ticket : undefined;
}

/** A response with the ticket always under `ticket_number`, whichever name Octopush used. */
export function withTicketNumber(response: IDataObject): IDataObject {
	const ticket = ticketOf(response);
	return ticket === undefined ? response : { ...response, ticket_number: ticket };
}

export const LIST_STATUS = {
	computing: 'under_computation',
	ready: 'ready_to_be_sent',
	failed: 'failed',
} as const;

/**
 * https://dev.octopush.com/api-sms-documentation/vocal-sms-api/statut-de-sms-vocal-sur-liste/ lists `ready_to_be_sent`;
 * `ready_to_be_send` is read as the same status in case an account spells it so (no source shows it; harmless).
 */
export function normalizeListStatus(status: unknown): string | undefined {
	if (typeof status !== 'string') return undefined;
	return status === 'ready_to_be_send' ? LIST_STATUS.ready : status;
}
