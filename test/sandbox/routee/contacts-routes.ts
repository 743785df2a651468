// Routee Contacts API endpoints: contacts, labels, groups and per-service blacklists (/contacts/…, /groups/…).
// Facts and the sandbox's choices where the docs are silent: README, "Routee contacts".

import type { Json } from '../check';
import type { Ctx, Reply, Route } from '../http';
import { countryOf } from '../numbers';
import { checkPage, ROUTEE_CODES, routeeFailure } from './contract';
import {
	BLACKLIST_ADD_SERVICES,
	BLACKLIST_GET_SERVICES,
	BLACKLIST_REMOVE_SERVICES,
	FILTER_FIELDS,
	allLabelNames,
	checkContact,
	checkGroup,
	checkIdArray,
	checkLabelDefinitions,
	checkLabelValues,
	checkService,
	validationFailure,
	type ContactRequest,
	type GroupFilter,
} from './contacts-contract';
import { failed, ok, page, type RouteeDeps } from './common';
import { DEFAULT_LABELS, blacklistContact, type RouteeContact, type RouteeState } from './state';

const contactNotFound = (ids: string[]) =>
	failed(routeeFailure(404, ROUTEE_CODES.contactMissing, `Contact not found: ${ids.join(', ')}`));
const groupNotFound = (names: string[]) =>
	failed(
		routeeFailure(
			404,
			ROUTEE_CODES.groupMissing,
			`The contact group is not found: ${names.join(', ')}`,
		),
	);

function countryField(mobile: string): string | null {
	const country = countryOf(mobile);
	return country === 'Unknown' ? null : country;
}

/** The Contact object (update-a-contacts-details, RESPONSE PARAMETERS). */
export function contactView(state: RouteeState, contact: RouteeContact): Json {
	return {
		id: contact.id,
		firstName: contact.firstName,
		lastName: contact.lastName,
		mobile: contact.mobile,
		email: contact.email,
		country: countryField(contact.mobile),
		vip: contact.vip,
		groups: state.groupsOf(contact.id),
		blacklistedServices: [...contact.blacklistedServices],
		labels: contact.labels.map(({ name, value }) => ({
			name,
			type: state.labels.get(name) ?? 'Text',
			value,
		})),
	};
}

function groupView(state: RouteeState, name: string): Json {
	return { name, size: (state.groups.get(name) ?? []).length };
}

/** The value of a contact field or label, as text (null when unset). */
function fieldValue(contact: RouteeContact, field: string): string | null {
	switch (field) {
		case 'id':
		case 'mobile':
			return contact[field];
		case 'firstName':
		case 'lastName':
		case 'email':
			return contact[field];
		case 'country':
			return countryField(contact.mobile);
		case 'vip':
			return String(contact.vip);
		default: {
			const label = contact.labels.find((l) => l.name === field);
			return label ? String(label.value) : null;
		}
	}
}

/** Sandbox choice: filters are ANDed, compared case-insensitively; an unset field is ''. */
function matchesFilters(contact: RouteeContact, filters: GroupFilter[]): boolean {
	return filters.every(({ fieldName, searchTerm, searchOperator }) => {
		const value = (fieldValue(contact, fieldName) ?? '').toLowerCase();
		const term = searchTerm.toLowerCase();
		switch (searchOperator) {
			case 'is':
				return value === term;
			case 'is_not':
				return value !== term;
			case 'contains':
				return value.includes(term);
			case 'starts_with':
				return value.startsWith(term);
			case 'ends_with':
				return value.endsWith(term);
		}
		return false;
	});
}

function missingContacts(state: RouteeState, ids: string[]): string[] {
	return ids.filter((id) => !state.contacts.has(id));
}

function deleteContactRecord(state: RouteeState, id: string): void {
	state.contacts.delete(id);
	for (const [name, ids] of state.groups)
		state.groups.set(
			name,
			ids.filter((member) => member !== id),
		);
}

// ---------------------------------------------------------------- contacts

/** Checks a create / update body against the account; `except`: the contact being updated. */
function checkContactBody(
	state: RouteeState,
	body: unknown,
	except?: RouteeContact,
): { ok: true; value: ContactRequest } | { ok: false; reply: Reply } {
	const checked = checkContact(body);
	if (!checked.ok) return { ok: false, reply: failed(checked.failure) };
	const labels = checkLabelValues(checked.value.labels, state.labels);
	if (labels) return { ok: false, reply: failed(labels) };
	const owner = state.contactByMobile(checked.value.mobile);
	if (owner && owner !== except)
		return {
			ok: false,
			reply: failed(
				routeeFailure(
					409,
					ROUTEE_CODES.contactMobileTaken,
					`Contact mobile already exists: ${checked.value.mobile} (contact ${owner.id})`,
				),
			),
		};
	return { ok: true, value: checked.value };
}

/** Full replace (sandbox reading of a silent page): a field not sent is cleared, vip false, labels []. */
function assignContact(contact: RouteeContact, request: ContactRequest): void {
	contact.mobile = request.mobile;
	contact.firstName = request.firstName;
	contact.lastName = request.lastName;
	contact.email = request.email;
	contact.vip = request.vip;
	contact.labels = request.labels.map(({ name, value }) => ({ name, value }));
}

function createContact(deps: RouteeDeps, ctx: Ctx): Reply {
	const { state } = deps;
	const checked = checkContactBody(state, ctx.body);
	if (!checked.ok) return checked.reply;
	const contact = state.addContact(checked.value.mobile);
	assignContact(contact, checked.value);
	return ok(contactView(state, contact));
}

function listContacts(deps: RouteeDeps, ctx: Ctx): Reply {
	const paging = checkPage(ctx.query, 20);
	if (!paging.ok) return failed(paging.failure);
	const views = [...deps.state.contacts.values()].map((c) => contactView(deps.state, c));
	return ok(page(views, paging.value.page, paging.value.size));
}

function getContact(deps: RouteeDeps, ctx: Ctx): Reply {
	const contact = deps.state.contacts.get(ctx.params.id);
	return contact ? ok(contactView(deps.state, contact)) : contactNotFound([ctx.params.id]);
}

function updateContact(deps: RouteeDeps, ctx: Ctx): Reply {
	const { state } = deps;
	const contact = state.contacts.get(ctx.params.id);
	if (!contact) return contactNotFound([ctx.params.id]);
	const checked = checkContactBody(state, ctx.body, contact);
	if (!checked.ok) return checked.reply;
	assignContact(contact, checked.value);
	return ok(contactView(state, contact));
}

function deleteContact(deps: RouteeDeps, ctx: Ctx): Reply {
	const { state } = deps;
	const contact = state.contacts.get(ctx.params.id);
	if (!contact) return contactNotFound([ctx.params.id]);
	const view = contactView(state, contact);
	deleteContactRecord(state, contact.id);
	return ok(view);
}

/** HEAD /contacts/my/mobile?value=: 200 when a contact has the mobile, 404 otherwise (never a body). */
function contactExists(deps: RouteeDeps, ctx: Ctx): Reply {
	const value = ctx.query.value;
	if (value === undefined) return { status: 400 };
	return { status: deps.state.contactByMobile(value) ? 200 : 404 };
}

// ---------------------------------------------------------------- labels

function listLabels(deps: RouteeDeps): Reply {
	const labels: Record<string, string> = {};
	for (const name of DEFAULT_LABELS) labels[name] = 'Text';
	for (const [name, type] of deps.state.labels) labels[name] = type;
	return ok(labels);
}

function createLabels(deps: RouteeDeps, ctx: Ctx): Reply {
	const { state } = deps;
	const checked = checkLabelDefinitions(ctx.body);
	if (!checked.ok) return failed(checked.failure);
	const known = allLabelNames(state.labels);
	const existing = checked.value.filter((l) => known.includes(l.name)).map((l) => l.name);
	if (existing.length)
		return failed(
			routeeFailure(
				409,
				ROUTEE_CODES.labelExists,
				`Label Definition already exists: ${existing.join(', ')}`,
			),
		);
	for (const { name, type } of checked.value) state.labels.set(name, type);
	return ok(checked.value);
}

// ---------------------------------------------------------------- groups

function createGroup(deps: RouteeDeps, ctx: Ctx): Reply {
	const { state } = deps;
	const checked = checkGroup(ctx.body, [...state.labels.keys()]);
	if (!checked.ok) return failed(checked.failure);
	const { name, strategy, filters } = checked.value;
	if (state.groups.has(name))
		return failed(
			routeeFailure(409, ROUTEE_CODES.groupExists, `The contact group already exists: ${name}`),
		);
	const contacts = [...state.contacts.values()];
	const members =
		strategy === 'None'
			? []
			: strategy === 'All'
				? contacts
				: contacts.filter((c) => matchesFilters(c, filters));
	state.groups.set(
		name,
		members.map((c) => c.id),
	);
	return ok(groupView(state, name));
}

function listGroups(deps: RouteeDeps): Reply {
	return ok([...deps.state.groups.keys()].map((name) => groupView(deps.state, name)));
}

function pageGroups(deps: RouteeDeps, ctx: Ctx): Reply {
	const paging = checkPage(ctx.query, 10);
	if (!paging.ok) return failed(paging.failure);
	const views = [...deps.state.groups.keys()].map((name) => groupView(deps.state, name));
	return ok(page(views, paging.value.page, paging.value.size));
}

function getGroup(deps: RouteeDeps, ctx: Ctx): Reply {
	return deps.state.groups.has(ctx.params.name)
		? ok(groupView(deps.state, ctx.params.name))
		: groupNotFound([ctx.params.name]);
}

const SORT = /^([^,]+)(?:,(asc|desc))?$/i;

function groupContacts(deps: RouteeDeps, ctx: Ctx): Reply {
	const { state } = deps;
	const ids = state.groups.get(ctx.params.name);
	if (!ids) return groupNotFound([ctx.params.name]);
	const paging = checkPage(ctx.query, 10);
	if (!paging.ok) return failed(paging.failure);
	const contacts = ids.flatMap((id) => {
		const contact = state.contacts.get(id);
		return contact ? [contact] : [];
	});
	if (ctx.query.sort !== undefined) {
		const match = SORT.exec(ctx.query.sort);
		const fields: string[] = ['id', ...FILTER_FIELDS, ...state.labels.keys()];
		if (!match || !fields.includes(match[1]))
			return failed(
				validationFailure(
					'sort',
					`must be a label name (${fields.join(', ')}), optionally followed by ,asc or ,desc`,
				),
			);
		const field = match[1];
		const direction = match[2]?.toLowerCase() === 'desc' ? -1 : 1;
		const numeric = state.labels.get(field) === 'Number';
		contacts.sort((a, b) => {
			const x = fieldValue(a, field);
			const y = fieldValue(b, field);
			if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
			const order = numeric ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
			return order * direction;
		});
	}
	const views = contacts.map((c) => contactView(state, c));
	return ok(page(views, paging.value.page, paging.value.size));
}

function deleteGroups(deps: RouteeDeps, ctx: Ctx): Reply {
	const { state } = deps;
	const flag = ctx.query.deleteContacts;
	if (flag !== undefined && flag !== 'true' && flag !== 'false')
		return failed(validationFailure('deleteContacts', 'must be true or false'));
	const deleteContacts = flag === 'true';
	const names = checkIdArray(ctx.body, 'group names');
	if (!names.ok) return failed(names.failure);
	const missing = names.value.filter((name) => !state.groups.has(name));
	if (missing.length) return groupNotFound(missing);
	return ok(
		names.value.map((name) => {
			if (deleteContacts)
				for (const id of state.groups.get(name) ?? []) deleteContactRecord(state, id);
			state.groups.delete(name);
			return { name, deletedContacts: deleteContacts };
		}),
	);
}

function changeGroupContacts(deps: RouteeDeps, ctx: Ctx, change: 'add' | 'remove'): Reply {
	const { state } = deps;
	const members = state.groups.get(ctx.params.name);
	if (!members) return groupNotFound([ctx.params.name]);
	const ids = checkIdArray(ctx.body, 'contact ids');
	if (!ids.ok) return failed(ids.failure);
	const missing = missingContacts(state, ids.value);
	if (missing.length) return contactNotFound(missing);
	state.groups.set(
		ctx.params.name,
		change === 'add'
			? [...members, ...ids.value.filter((id) => !members.includes(id))]
			: members.filter((id) => !ids.value.includes(id)),
	);
	return ok(groupView(state, ctx.params.name));
}

// ---------------------------------------------------------------- blacklist

function addToBlacklist(deps: RouteeDeps, ctx: Ctx): Reply {
	const { state } = deps;
	const service = checkService(ctx.params.service, BLACKLIST_ADD_SERVICES);
	if (!service.ok) return failed(service.failure);
	const ids = checkIdArray(ctx.body, 'contact ids');
	if (!ids.ok) return failed(ids.failure);
	const missing = missingContacts(state, ids.value);
	if (missing.length) return contactNotFound(missing);
	let updated = 0;
	for (const id of ids.value)
		if (blacklistContact(state.contacts.get(id) as RouteeContact, service.value)) updated++;
	return ok({ updated });
}

function listBlacklist(deps: RouteeDeps, ctx: Ctx): Reply {
	const { state } = deps;
	const service = checkService(ctx.params.service, BLACKLIST_GET_SERVICES);
	if (!service.ok) return failed(service.failure);
	return ok(
		[...state.contacts.values()]
			.filter((c) => c.blacklistedServices.includes(service.value))
			.map((c) => contactView(state, c)),
	);
}

function unblacklist(contact: RouteeContact, service: string): boolean {
	const before = contact.blacklistedServices.length;
	contact.blacklistedServices = contact.blacklistedServices.filter((s) => s !== service);
	return contact.blacklistedServices.length !== before;
}

function removeFromBlacklist(deps: RouteeDeps, ctx: Ctx): Reply {
	const { state } = deps;
	const service = checkService(ctx.params.service, BLACKLIST_REMOVE_SERVICES);
	if (!service.ok) return failed(service.failure);
	const ids = checkIdArray(ctx.body, 'contact ids');
	if (!ids.ok) return failed(ids.failure);
	const missing = missingContacts(state, ids.value);
	if (missing.length) return contactNotFound(missing);
	const updated = ids.value.filter((id) =>
		unblacklist(state.contacts.get(id) as RouteeContact, service.value),
	).length;
	return ok({ updated });
}

function removeGroupsFromBlacklist(deps: RouteeDeps, ctx: Ctx): Reply {
	const { state } = deps;
	const service = checkService(ctx.params.service, BLACKLIST_REMOVE_SERVICES);
	if (!service.ok) return failed(service.failure);
	const names = checkIdArray(ctx.body, 'group names');
	if (!names.ok) return failed(names.failure);
	const missing = names.value.filter((name) => !state.groups.has(name));
	if (missing.length) return groupNotFound(missing);
	return ok(
		names.value.map((name) => ({
			updated: (state.groups.get(name) ?? []).filter((id) => {
				const contact = state.contacts.get(id);
				return contact ? unblacklist(contact, service.value) : false;
			}).length,
		})),
	);
}

// ---------------------------------------------------------------- route table

export function contactRoutes(deps: RouteeDeps): Route<string>[] {
	const route = (method: string, pattern: string, handler: (ctx: Ctx) => Reply) => ({
		method,
		pattern,
		handler,
	});
	return [
		route('POST', '/contacts/my', (ctx) => createContact(deps, ctx)),
		route('GET', '/contacts/my', (ctx) => listContacts(deps, ctx)),
		route('HEAD', '/contacts/my/mobile', (ctx) => contactExists(deps, ctx)),
		route('GET', '/contacts/my/:id', (ctx) => getContact(deps, ctx)),
		route('PUT', '/contacts/my/:id', (ctx) => updateContact(deps, ctx)),
		route('DELETE', '/contacts/my/:id', (ctx) => deleteContact(deps, ctx)),
		route('GET', '/contacts/labels/my', () => listLabels(deps)),
		route('POST', '/contacts/labels/my', (ctx) => createLabels(deps, ctx)),
		route('POST', '/contacts/my/blacklist/:service', (ctx) => addToBlacklist(deps, ctx)),
		route('GET', '/contacts/my/blacklist/:service', (ctx) => listBlacklist(deps, ctx)),
		route('DELETE', '/contacts/my/blacklist/:service', (ctx) => removeFromBlacklist(deps, ctx)),
		route('DELETE', '/contacts/my/blacklist/:service/groups', (ctx) =>
			removeGroupsFromBlacklist(deps, ctx),
		),
		route('POST', '/groups/my', (ctx) => createGroup(deps, ctx)),
		route('GET', '/groups/my', () => listGroups(deps)),
		route('DELETE', '/groups/my', (ctx) => deleteGroups(deps, ctx)),
		// before /groups/my/:name: a group named "page" is read through the page endpoint
		route('GET', '/groups/my/page', (ctx) => pageGroups(deps, ctx)),
		route('GET', '/groups/my/:name', (ctx) => getGroup(deps, ctx)),
		route('GET', '/groups/my/:name/contacts', (ctx) => groupContacts(deps, ctx)),
		route('POST', '/groups/my/:name/contacts', (ctx) => changeGroupContacts(deps, ctx, 'add')),
		route('DELETE', '/groups/my/:name/contacts', (ctx) => changeGroupContacts(deps, ctx, 'remove')),
	];
}
