// Octopush delivery simulation and its callbacks: delivery reports, inbound replies, STOP opt-outs,
// each POSTed to the URL registered in the account's campaign parameters.

import { randomBytes } from 'node:crypto';

import type { CallbackSender } from '../callback-sender';
import type { Json } from '../check';
import { outcomeOf, pressedKeysOf, type Outcome } from '../numbers';
import type { Runtime } from '../runtime';
import type { SentCallback } from '../types';
import type { OctopushState, Ticket } from './state';

/**
 * Every delivery status Octopush documents, and whether it ends the delivery (written from the docs, not from nodes/):
 * https://dev.octopush.com/en/sms-gateway-api-documentation/callbacks/acknowledge-receipt/ (ACK, DELIVERED,
 * NOT_DELIVERED, NOT_ALLOWED, UNKNOWN_DELIVERY, BAD_DESTINATION, BLACKLISTED_NUMBER, UNDEFINED) and
 * https://octopush-api.readme.io/reference/get_callbacks-statuses (adds READ, OPENED, CLICKED, TRANSMITTED "received by
 * Email Gateway", ISP_SEND "sent to the ISP", PROCESSED "queued"; its email example shows SPAM_PRESUMPTION).
 * Not final: the ones that announce a later report (acknowledged, queued, passed on).
 */
export const OCTOPUSH_DELIVERY_STATUSES: Record<string, { final: boolean }> = {
	ACK: { final: false },
	PROCESSED: { final: false },
	TRANSMITTED: { final: false },
	ISP_SEND: { final: false },
	DELIVERED: { final: true },
	NOT_DELIVERED: { final: true },
	NOT_ALLOWED: { final: true },
	UNKNOWN_DELIVERY: { final: true },
	BAD_DESTINATION: { final: true },
	BLACKLISTED_NUMBER: { final: true },
	UNDEFINED: { final: true },
	READ: { final: true },
	OPENED: { final: true },
	CLICKED: { final: true },
	SPAM_PRESUMPTION: { final: true },
};

const STATUS_BY_OUTCOME: Record<Outcome, string> = {
	ok: 'DELIVERED',
	unreachable: 'NOT_DELIVERED',
	refused: 'NOT_ALLOWED',
	failed: 'BAD_DESTINATION',
};

/** Seconds a delivered voice message lasts, and the billed duration (per started 30 s). */
export const VMS_CALL_SECONDS = 12;
export const VMS_CHARGED_SECONDS = 30;
export const SIM_CARD_NUMBER = '+33700000000';

/** `Y-m-d H:i:s` (UTC), the date format of Octopush callbacks. */
export function octopushDate(ms: number): string {
	return new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
}

export function deliveryStatusOf(state: OctopushState, number: string): string {
	return state.blacklist.has(number) ? 'BLACKLISTED_NUMBER' : STATUS_BY_OUTCOME[outcomeOf(number)];
}

export function deliveryReport(
	state: OctopushState,
	ticket: Ticket,
	number: string,
	at: number,
	status = deliveryStatusOf(state, number),
): Json {
	const report: Json = {
		message_id: ticket.ticketNumber,
		number,
		status,
		delivery_date: octopushDate(at),
		channel: ticket.channel,
		unit_price: ticket.unitPrice,
		list_name: ticket.listName,
	};
	if (ticket.channel === 'voice_sms') {
		const delivered = status === 'DELIVERED';
		const meta: Json = {};
		if (ticket.getBackPressedKeys) meta.pressed_keys_code = delivered ? pressedKeysOf(number) : '';
		meta.call_duration = delivered ? VMS_CALL_SECONDS : 0;
		meta.charged_duration = delivered ? VMS_CHARGED_SECONDS : 0;
		report.meta_data = meta;
	}
	return report;
}

export class OctopushDelivery {
	constructor(
		private readonly state: OctopushState,
		private readonly runtime: Runtime,
		private readonly sender: CallbackSender,
		private readonly delayMs: () => number,
	) {}

	/** Delivers every recipient of a ticket (now, or at its send_at) and reports each to the deliveries URL. */
	start(ticket: Ticket): void {
		for (const contact of ticket.recipients)
			this.state.lastTicketByNumber.set(contact.phone_number, ticket.ticketNumber);
		const run = async () => {
			if (ticket.cancelled) return;
			await Promise.all(
				ticket.recipients.map(async (contact, i) => {
					await this.runtime.sleep(this.delayMs() * (1 + (i % 5)));
					if (this.runtime.isStopped || ticket.cancelled) return;
					const url = this.state.callbackUrl('callback_url_for_deliveries');
					if (!url) return;
					const body = deliveryReport(this.state, ticket, contact.phone_number, Date.now());
					await this.sender.send({ provider: 'octopush', kind: 'octopush.delivery', url, body });
				}),
			);
		};
		if (ticket.sendAt !== null) this.runtime.at(ticket.sendAt, run);
		else this.runtime.spawn(run);
	}

	/** One more delivery report of a ticket's recipient with the given status (e.g. an intermediate PROCESSED), POSTed now. */
	report(ticketNumber: string, number: string, status: string): Promise<SentCallback | undefined> {
		const ticket = this.state.tickets.get(ticketNumber);
		if (!ticket) return Promise.reject(new Error(`unknown ticket ${ticketNumber}`));
		const url = this.state.callbackUrl('callback_url_for_deliveries');
		if (!url)
			return Promise.reject(
				new Error(
					'no callback_url_for_deliveries is registered (PATCH /user/campaign-parameters/edit)',
				),
			);
		const body = deliveryReport(this.state, ticket, number, Date.now(), status);
		return this.sender.send({ provider: 'octopush', kind: 'octopush.delivery', url, body });
	}

	/** An SMS reply from `number`, POSTed to callback_url_for_inbounds. */
	inbound(number: string, text: string): Promise<SentCallback | undefined> {
		const url = this.state.callbackUrl('callback_url_for_inbounds');
		if (!url)
			return Promise.reject(
				new Error(
					'no callback_url_for_inbounds is registered (PATCH /user/campaign-parameters/edit)',
				),
			);
		const body = {
			message_id: this.messageIdFor(number),
			number,
			text,
			sim_card_number: SIM_CARD_NUMBER,
			reception_date: octopushDate(Date.now()),
		};
		return this.sender.send({ provider: 'octopush', kind: 'octopush.inbound', url, body });
	}

	/** A STOP opt-out from `number` (it becomes blacklisted), POSTed to callback_url_for_blacklisted_numbers. */
	stop(number: string, text: string): Promise<SentCallback | undefined> {
		this.state.blacklist.add(number);
		const url = this.state.callbackUrl('callback_url_for_blacklisted_numbers');
		if (!url)
			return Promise.reject(
				new Error(
					'no callback_url_for_blacklisted_numbers is registered (PATCH /user/campaign-parameters/edit)',
				),
			);
		const body = {
			message_id: this.messageIdFor(number),
			number,
			text,
			stop_date: octopushDate(Date.now()),
		};
		return this.sender.send({ provider: 'octopush', kind: 'octopush.stop', url, body });
	}

	private messageIdFor(number: string): string {
		return (
			this.state.lastTicketByNumber.get(number) ??
			`sms_${randomBytes(7).toString('hex').slice(0, 13)}`
		);
	}
}
