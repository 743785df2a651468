// Octopush endpoints under /octopush/v1/public (replaces https://api.octopush.com/v1/public).

import { round, type Json } from '../check';
import { smsParts } from '../gsm';
import { headerValue, matchRoute, type Ctx, type Reply, type Route } from '../http';
import type { OctopushDelivery } from './callbacks';
import {
	OCTOPUSH_CODES,
	VALIDATION_MESSAGE,
	checkContactCreate,
	checkContactDelete,
	checkListBody,
	checkListCreate,
	checkSettingsEdit,
	checkSmsSend,
	checkTicketBody,
	checkVoiceSend,
	fieldFailure,
	octopushFailure,
	type Contact,
	type OctopushFailure,
	type SendRequest,
} from './contract';
import {
	CANCEL_MAX_RECIPIENTS,
	CANCEL_MIN_AHEAD_MS,
	CANCELS_PER_MONTH,
	SMS_PRICE_PER_PART,
	VOICE_PRICE_PER_CONTACT,
	estimatedDuration,
	ticketNumber,
	type OctopushState,
	type Ticket,
} from './state';

export interface OctopushDeps {
	state: OctopushState;
	delivery: OctopushDelivery;
	computationMs: () => number;
}

const failed = (failure: OctopushFailure): Reply => ({
	status: failure.status,
	body: failure.body,
});
const unknownTicket = (ticket: string) =>
	failed(
		fieldFailure(
			'ticket_number',
			OCTOPUSH_CODES.unknownTicket,
			`Unknown ticket number: ${ticket}.`,
		),
	);

function notEnoughCredit(cost: number, balance: number): Reply {
	return failed(
		octopushFailure(400, 'Not enough credit.', {
			credit: {
				code: OCTOPUSH_CODES.notEnoughCredit,
				message: `Not enough credit: the campaign costs ${cost}, the balance is ${balance}.`,
			},
		}),
	);
}

function duplicateRequestId(): Reply {
	return failed(
		fieldFailure('request_id', OCTOPUSH_CODES.duplicateRequestId, 'Same request_id already sent'),
	);
}

/** Checks request_id de-duplication and credit, charges, and records the ticket; returns the failure reply if any. */
function accept(
	deps: OctopushDeps,
	request: SendRequest,
	ticket: Ticket,
	now: number,
	charge: boolean,
): Reply | null {
	const { state } = deps;
	if (request.requestId && !request.simulation) {
		if (state.seenRequestId(request.requestId, now)) return duplicateRequestId();
	}
	if (charge && !request.simulation) {
		if (ticket.cost > state.balance) return notEnoughCredit(ticket.cost, state.balance);
		state.balance = round(state.balance - ticket.cost);
	}
	if (request.requestId && !request.simulation) state.rememberRequestId(request.requestId, now);
	state.tickets.set(ticket.ticketNumber, ticket);
	return null;
}

function newTicket(
	request: SendRequest,
	channel: Ticket['channel'],
	kind: Ticket['kind'],
	recipients: Contact[],
	unitPrice: number,
): Ticket {
	return {
		ticketNumber: ticketNumber(channel === 'sms' ? 'sms' : 'voice'),
		channel,
		kind,
		text: request.text,
		recipients,
		cost: round(recipients.length * unitPrice),
		unitPrice,
		estimatedDuration: estimatedDuration(recipients.length),
		sendAt: request.sendAt,
		getBackPressedKeys: request.getBackPressedKeys,
		listName: request.listName ?? request.tagName,
		readyAt: 0,
		computationFails: false,
		sent: false,
		cancelled: false,
		simulation: request.simulation,
	};
}

// ---------------------------------------------------------------- VMS and SMS campaigns

function sendVoice(deps: OctopushDeps, ctx: Ctx): Reply {
	const checked = checkVoiceSend(ctx.body, ctx.now);
	if (!checked.ok) return failed(checked.failure);
	const ticket = newTicket(
		checked.value,
		'voice_sms',
		'send',
		checked.value.recipients,
		VOICE_PRICE_PER_CONTACT,
	);
	const refused = accept(deps, checked.value, ticket, ctx.now, true);
	if (refused) return refused;
	ticket.sent = true;
	if (!ticket.simulation) deps.delivery.start(ticket);
	return {
		status: 200,
		body: {
			ticket_number: ticket.ticketNumber,
			number_of_contacts: ticket.recipients.length,
			total_cost: ticket.cost,
			estimated_duration: ticket.estimatedDuration,
			residual_credit: deps.state.balance,
		},
	};
}

function sendSms(deps: OctopushDeps, ctx: Ctx): Reply {
	const checked = checkSmsSend(ctx.body, ctx.now);
	if (!checked.ok) return failed(checked.failure);
	const request = checked.value;
	const parts = smsParts(request.text);
	const ticket = newTicket(
		request,
		'sms',
		'send',
		request.recipients,
		round(parts * SMS_PRICE_PER_PART[request.type ?? 'sms_premium']),
	);
	const refused = accept(deps, request, ticket, ctx.now, true);
	if (refused) return refused;
	ticket.sent = true;
	if (!ticket.simulation) deps.delivery.start(ticket);
	return {
		status: 200,
		body: {
			ticket_number: ticket.ticketNumber,
			number_of_contacts: ticket.recipients.length,
			total_cost: ticket.cost,
			number_of_sms_needed: parts * ticket.recipients.length,
			residual_credit: deps.state.balance,
		},
	};
}

/** The three documented rules (see state.ts); the refusal's code and wording are the sandbox's (the docs give none). */
function cancelVoice(deps: OctopushDeps, ctx: Ctx, login: string): Reply {
	const checked = checkTicketBody(ctx.body);
	if (!checked.ok) return failed(checked.failure);
	const notCancellable = (message: string) =>
		failed(fieldFailure('ticket_number', OCTOPUSH_CODES.notCancellable, message));
	if (deps.state.countVoiceCancel(login, ctx.now) > CANCELS_PER_MONTH) {
		return notCancellable(
			`Cancellation is limited to ${CANCELS_PER_MONTH} requests per month and per API user account.`,
		);
	}
	const ticket = deps.state.tickets.get(checked.value);
	if (!ticket || ticket.kind !== 'send' || ticket.channel !== 'voice_sms' || ticket.cancelled)
		return unknownTicket(checked.value);
	if (ticket.recipients.length > CANCEL_MAX_RECIPIENTS) {
		return notCancellable(
			`Cancellation is only allowed when the campaign has fewer than ${CANCEL_MAX_RECIPIENTS + 1} recipients (this one has ${ticket.recipients.length}).`,
		);
	}
	if (ticket.sendAt === null || ticket.sendAt - ctx.now <= CANCEL_MIN_AHEAD_MS) {
		return notCancellable(
			'Waiting campaigns must still be scheduled more than 10 minutes in the future.',
		);
	}
	ticket.cancelled = true;
	if (!ticket.simulation) deps.state.balance = round(deps.state.balance + ticket.cost);
	return { status: 204 };
}

// ---------------------------------------------------------------- voice campaign on a list / tag

function createOnList(deps: OctopushDeps, ctx: Ctx, target: 'list_name' | 'tag_name'): Reply {
	const checked = checkListCreate(ctx.body, ctx.now, target);
	if (!checked.ok) return failed(checked.failure);
	const request = checked.value;
	const name = (request.listName ?? request.tagName) as string;
	const members = (target === 'list_name' ? deps.state.lists : deps.state.tags).get(name) ?? [];
	const byNumber = new Map<string, Contact>();
	// a list member is read with the fields Contact → Create or Update gave it
	for (const number of members)
		byNumber.set(number, deps.state.contacts.get(number) ?? { phone_number: number });
	for (const contact of request.recipients) byNumber.set(contact.phone_number, contact);
	const ticket = newTicket(
		request,
		'voice_sms',
		'list',
		[...byNumber.values()],
		VOICE_PRICE_PER_CONTACT,
	);
	ticket.readyAt = ctx.now + deps.computationMs();
	ticket.computationFails = name === 'fail-list' || byNumber.size === 0;
	const refused = accept(deps, request, ticket, ctx.now, false);
	if (refused) return refused;
	return { status: 201, body: { ticket_number: ticket.ticketNumber } };
}

function listStatusOf(
	ticket: Ticket,
	now: number,
): 'under_computation' | 'ready_to_be_sent' | 'failed' {
	if (now < ticket.readyAt) return 'under_computation';
	return ticket.computationFails ? 'failed' : 'ready_to_be_sent';
}

function findListTicket(deps: OctopushDeps, ticketNumber: string): Ticket | null {
	const ticket = deps.state.tickets.get(ticketNumber);
	return ticket && ticket.kind === 'list' && !ticket.cancelled ? ticket : null;
}

function listStatus(deps: OctopushDeps, ctx: Ctx): Reply {
	const number = ctx.query.ticket_number;
	if (!number)
		return failed(
			fieldFailure('ticket_number', OCTOPUSH_CODES.unknownTicket, 'ticket_number is required.'),
		);
	const ticket = findListTicket(deps, number);
	if (!ticket) return unknownTicket(number);
	const status = listStatusOf(ticket, ctx.now);
	const computed = status === 'ready_to_be_sent';
	return {
		status: 200,
		body: {
			number_of_contacts: computed ? ticket.recipients.length : 0,
			cost: computed ? ticket.cost : 0,
			estimated_duration: computed ? ticket.estimatedDuration : 0,
			status,
		},
	};
}

/**
 * POST /voice-campaign-on-list/send and /voice-campaign-on-tag/send
 * (https://dev.octopush.com/api-sms-documentation/vocal-sms-api/confirmer-un-sms-vocal-sur-liste/). Whether either
 * refuses the other kind's ticket is not documented, so both send any list or tag ticket.
 */
function listSend(deps: OctopushDeps, ctx: Ctx): Reply {
	const checked = checkTicketBody(ctx.body);
	if (!checked.ok) return failed(checked.failure);
	const ticket = findListTicket(deps, checked.value);
	if (!ticket) return unknownTicket(checked.value);
	const status = listStatusOf(ticket, ctx.now);
	if (status !== 'ready_to_be_sent') {
		return failed(
			octopushFailure(400, 'Campaign is not ready to be sent.', {
				ticket_number: {
					code: OCTOPUSH_CODES.notReady,
					message: `Campaign is not ready to be sent (status ${status}); wait for ready_to_be_sent.`,
				},
			}),
		);
	}
	if (ticket.sent)
		return failed(
			fieldFailure('ticket_number', OCTOPUSH_CODES.alreadySent, 'This campaign was already sent.'),
		);
	const { state } = deps;
	if (!ticket.simulation) {
		if (ticket.cost > state.balance) return notEnoughCredit(ticket.cost, state.balance);
		state.balance = round(state.balance - ticket.cost);
	}
	ticket.sent = true;
	if (!ticket.simulation) deps.delivery.start(ticket);
	return {
		status: 200,
		body: {
			ticket_number: ticket.ticketNumber,
			number_of_contacts: ticket.recipients.length,
			total_cost: ticket.cost,
			estimated_duration: ticket.estimatedDuration,
			residual_credit: state.balance,
		},
	};
}

function listCancel(deps: OctopushDeps, ctx: Ctx): Reply {
	const checked = checkTicketBody(ctx.body);
	if (!checked.ok) return failed(checked.failure);
	const ticket = findListTicket(deps, checked.value);
	if (!ticket) return unknownTicket(checked.value);
	if (ticket.sent && (ticket.sendAt === null || ticket.sendAt - ctx.now <= CANCEL_MIN_AHEAD_MS)) {
		return failed(
			fieldFailure(
				'ticket_number',
				OCTOPUSH_CODES.notCancellable,
				'This campaign was already sent.',
			),
		);
	}
	if (ticket.sent && !ticket.simulation)
		deps.state.balance = round(deps.state.balance + ticket.cost);
	ticket.cancelled = true;
	return { status: 204 };
}

// ---------------------------------------------------------------- account

/** GET /user/campaign-parameters or /campaign/parameters: the whole settings (404 for a path the account lacks). */
function readSettings(deps: OctopushDeps, ctx: Ctx): Reply {
	if (!deps.state.settingsReadPaths.has(ctx.path.replace(/\/+$/, ''))) return notFound(ctx);
	return { status: 200, body: structuredClone(deps.state.settings) };
}

/**
 * PATCH /user/campaign-parameters/edit. No page says whether a section is merged or replaced (the documented example
 * sends every section whole), so the sandbox takes the stricter reading: each section sent REPLACES the stored one,
 * and a key left out of it is gone. Sections not sent are kept.
 * https://dev.octopush.com/en/sms-gateway-api-documentation/api-default-parameters/modify-configuration/
 */
function editSettings(deps: OctopushDeps, ctx: Ctx): Reply {
	const checked = checkSettingsEdit(ctx.body, deps.state.settings);
	if (!checked.ok) return failed(checked.failure);
	Object.assign(deps.state.settings, checked.value);
	return { status: 200, body: structuredClone(deps.state.settings) };
}

function notFound(ctx: Ctx): Reply {
	return failed(
		octopushFailure(404, 'Not found.', {
			path: { code: 404, message: `No such Octopush endpoint: ${ctx.method} ${ctx.path}` },
		}),
	);
}

// ---------------------------------------------------------------- contacts and lists

const unknownList = (name: string) =>
	failed(
		fieldFailure('list_name', OCTOPUSH_CODES.unknownList, `Unknown contact list: ${name}.`, 404),
	);

/**
 * POST /contact/create (https://dev.octopush.com/en/sms-gateway-api-documentation/add-a-contact/). The list is created
 * when missing (https://octopush-api.readme.io/reference/post_public_apicontactscreate: "list name you want to
 * create"); do_not_overwrite keeps an existing contact's values; auto_remove_blacklisted_numbers leaves out
 * blacklisted numbers. No answer is documented: 201 without a body, as /contact-list/create answers.
 */
function createContacts(deps: OctopushDeps, ctx: Ctx): Reply {
	const checked = checkContactCreate(ctx.body);
	if (!checked.ok) return failed(checked.failure);
	const { state } = deps;
	const request = checked.value;
	const numbers: string[] = [];
	for (const contact of request.contacts) {
		const number = contact.phone_number;
		if (request.autoRemoveBlacklisted && state.blacklist.has(number)) continue;
		if (!(request.doNotOverwrite && state.contacts.has(number)))
			state.contacts.set(number, { ...contact });
		numbers.push(number);
	}
	const add = (map: Map<string, string[]>, name: string | null) => {
		if (name === null) return;
		const members = map.get(name) ?? [];
		for (const number of numbers) if (!members.includes(number)) members.push(number);
		map.set(name, members);
	};
	add(state.lists, request.listName);
	add(state.tags, request.tagName);
	return { status: 201 };
}

/** DELETE /contact/delete (https://dev.octopush.com/en/sms-gateway-api-documentation/delete-a-contact/): 204. */
function deleteContacts(deps: OctopushDeps, ctx: Ctx): Reply {
	const checked = checkContactDelete(ctx.body);
	if (!checked.ok) return failed(checked.failure);
	const { state } = deps;
	const { listName, phoneNumbers } = checked.value;
	if (listName !== null) {
		const members = state.lists.get(listName);
		if (!members) return unknownList(listName);
		state.lists.set(
			listName,
			members.filter((number) => !phoneNumbers.includes(number)),
		);
		return { status: 204 };
	}
	// without list_name: "delete one or more contacts from your account"
	for (const number of phoneNumbers) state.contacts.delete(number);
	for (const map of [state.lists, state.tags])
		for (const [name, members] of map)
			map.set(
				name,
				members.filter((number) => !phoneNumbers.includes(number)),
			);
	return { status: 204 };
}

/** POST /contact-list/create (https://dev.octopush.com/en/sms-gateway-api-documentation/create-a-contact-list/): 201. */
function createList(deps: OctopushDeps, ctx: Ctx): Reply {
	const checked = checkListBody(ctx.body, false);
	if (!checked.ok) return failed(checked.failure);
	const { listName } = checked.value;
	if (deps.state.lists.has(listName))
		return failed(
			fieldFailure(
				'list_name',
				OCTOPUSH_CODES.listExists,
				`A contact list named ${listName} already exists.`,
				409,
			),
		);
	deps.state.lists.set(listName, []);
	return { status: 201 };
}

/** POST /contact-list/empty (https://octopush-api.readme.io/reference/post_public_apicontact_listsempty). */
function emptyList(deps: OctopushDeps, ctx: Ctx): Reply {
	const checked = checkListBody(ctx.body, true);
	if (!checked.ok) return failed(checked.failure);
	const { state } = deps;
	const { listName, deleteContacts: fromAccount } = checked.value;
	const members = state.lists.get(listName);
	if (!members) return unknownList(listName);
	state.lists.set(listName, []);
	if (fromAccount) {
		for (const number of members) state.contacts.delete(number);
		for (const map of [state.lists, state.tags])
			for (const [name, others] of map)
				map.set(
					name,
					others.filter((number) => !members.includes(number)),
				);
	}
	return { status: 204 };
}

/** DELETE /contact-list/delete (https://dev.octopush.com/api-sms-documentation/supprimer-une-liste/): 204. */
function deleteList(deps: OctopushDeps, ctx: Ctx): Reply {
	const checked = checkListBody(ctx.body, false);
	if (!checked.ok) return failed(checked.failure);
	const { listName } = checked.value;
	if (!deps.state.lists.has(listName)) return unknownList(listName);
	deps.state.lists.delete(listName);
	return { status: 204 };
}

// ---------------------------------------------------------------- dispatch

function routes(deps: OctopushDeps): Route<string>[] {
	return [
		{
			method: 'GET',
			pattern: '/wallet/check-balance',
			handler: () => ({ status: 200, body: { amount: deps.state.balance, unit: 'euros' } }),
		},
		{ method: 'POST', pattern: '/voice-campaign/send', handler: (ctx) => sendVoice(deps, ctx) },
		{
			method: 'DELETE',
			pattern: '/voice-campaign/cancel',
			handler: (ctx, login) => cancelVoice(deps, ctx, login),
		},
		{
			method: 'POST',
			pattern: '/voice-campaign-on-list/create',
			handler: (ctx) => createOnList(deps, ctx, 'list_name'),
		},
		{
			method: 'POST',
			pattern: '/voice-campaign-on-tag/create',
			handler: (ctx) => createOnList(deps, ctx, 'tag_name'),
		},
		{
			method: 'GET',
			pattern: '/voice-campaign-on-list/status',
			handler: (ctx) => listStatus(deps, ctx),
		},
		{
			method: 'POST',
			pattern: '/voice-campaign-on-list/send',
			handler: (ctx) => listSend(deps, ctx),
		},
		{
			method: 'POST',
			pattern: '/voice-campaign-on-tag/send',
			handler: (ctx) => listSend(deps, ctx),
		},
		{
			method: 'DELETE',
			pattern: '/voice-campaign-on-list/cancel',
			handler: (ctx) => listCancel(deps, ctx),
		},
		{ method: 'POST', pattern: '/sms-campaign/send', handler: (ctx) => sendSms(deps, ctx) },
		{ method: 'POST', pattern: '/contact/create', handler: (ctx) => createContacts(deps, ctx) },
		{ method: 'DELETE', pattern: '/contact/delete', handler: (ctx) => deleteContacts(deps, ctx) },
		{ method: 'POST', pattern: '/contact-list/create', handler: (ctx) => createList(deps, ctx) },
		{ method: 'POST', pattern: '/contact-list/empty', handler: (ctx) => emptyList(deps, ctx) },
		{ method: 'DELETE', pattern: '/contact-list/delete', handler: (ctx) => deleteList(deps, ctx) },
		{
			method: 'GET',
			pattern: '/user/campaign-parameters',
			handler: (ctx) => readSettings(deps, ctx),
		},
		{ method: 'GET', pattern: '/campaign/parameters', handler: (ctx) => readSettings(deps, ctx) },
		{
			method: 'PATCH',
			pattern: '/user/campaign-parameters/edit',
			handler: (ctx) => editSettings(deps, ctx),
		},
	];
}

export function createOctopushHandler(deps: OctopushDeps): (ctx: Ctx) => Reply {
	const table = routes(deps);
	return (ctx) => {
		const match = matchRoute(table, ctx.method, ctx.path);
		if (match.kind === 'not-found') return notFound(ctx);
		if (match.kind === 'method-not-allowed') {
			const reply = failed(
				octopushFailure(405, 'Method not allowed.', {
					method: { code: 405, message: `Allowed: ${match.allowed.join(', ')}` },
				}),
			);
			return { ...reply, headers: { allow: match.allowed.join(', ') } };
		}
		const login = headerValue(ctx, 'api-login');
		const key = headerValue(ctx, 'api-key');
		if (!login || !key || deps.state.accounts.get(login) !== key) {
			return failed(
				octopushFailure(401, 'Unauthorized.', {
					'api-key': {
						code: OCTOPUSH_CODES.badLogin,
						message: 'Bad api-login or api-key: send both headers with the values of your account.',
					},
				}),
			);
		}
		if (ctx.bodyError?.kind === 'media-type') {
			return failed(
				octopushFailure(415, 'Unsupported media type.', {
					'content-type': { code: 415, message: ctx.bodyError.message },
				}),
			);
		}
		if (ctx.bodyError)
			return failed(
				octopushFailure(400, VALIDATION_MESSAGE, {
					body: { code: OCTOPUSH_CODES.malformed, message: ctx.bodyError.message },
				}),
			);
		return match.handler({ ...ctx, params: match.params }, login);
	};
}
