// Routee Contacts API request contract (contacts, labels, groups, blacklist), written from the Contacts
// reference pages of docs.routee.net (update-a-contacts-details, add-contacts-to-blacklist, create-labels,
// create-a-new-group, retrieve-the-accounts-groups-in-paged-format, view-the-contacts-of-a-specified-group,
// docs/error-codes) and, where those pages are missing, the secondary sources named in README — never from nodes/.

import { isObject, unknownKeys, type Json } from '../check';
import {
	Problems,
	ROUTEE_CODES,
	routeeFailure,
	type Checked,
	type RouteeFailure,
} from './contract';
import {
	BLACKLIST_SERVICES,
	DEFAULT_LABELS,
	LABEL_TYPES,
	type BlacklistService,
	type LabelType,
} from './state';

export const CONTACT_FIELDS = [
	'mobile',
	'firstName',
	'lastName',
	'email',
	'vip',
	'labels',
] as const;
/** Sandbox choice (the docs are silent): every example is E.164 with '+', so '+' and 7–15 digits. */
export const CONTACT_MOBILE = /^\+\d{7,15}$/;
/** create-labels: "May only contain alphanumeric characters." */
export const LABEL_NAME = /^[A-Za-z0-9]+$/;
export const GROUP_FIELDS = ['name', 'strategy', 'filters'] as const;
export const GROUP_STRATEGIES = ['None', 'Filtered', 'All'] as const;
export type GroupStrategy = (typeof GROUP_STRATEGIES)[number];
export const FILTER_KEYS = ['fieldName', 'searchTerm', 'searchOperator'] as const;
export const SEARCH_OPERATORS = ['is', 'is_not', 'contains', 'starts_with', 'ends_with'] as const;
export type SearchOperator = (typeof SEARCH_OPERATORS)[number];
/** Contact fields a group filter may name (besides the account's custom labels). */
export const FILTER_FIELDS = [
	'firstName',
	'lastName',
	'mobile',
	'email',
	'country',
	'vip',
] as const;

/** Services per blacklist operation, as each source lists them (see README). */
export const BLACKLIST_ADD_SERVICES: readonly BlacklistService[] = BLACKLIST_SERVICES;
export const BLACKLIST_GET_SERVICES: readonly BlacklistService[] = [
	'Sms',
	'Voice',
	'Viber',
	'TwoStep',
];
export const BLACKLIST_REMOVE_SERVICES: readonly BlacklistService[] = ['Sms', 'TwoStep'];

export interface LabelValue {
	name: string;
	value: string | number;
}

export interface ContactRequest {
	mobile: string;
	firstName: string | null;
	lastName: string | null;
	email: string | null;
	vip: boolean;
	labels: LabelValue[];
}

export interface GroupFilter {
	fieldName: string;
	searchTerm: string;
	searchOperator: SearchOperator;
}

export interface GroupRequest {
	name: string;
	strategy: GroupStrategy;
	filters: GroupFilter[];
}

const fail = <T>(failure: RouteeFailure): Checked<T> => ({ ok: false, failure });

/** Routee's Validation Error (400000000) with one property. */
export function validationFailure(property: string, message: string): RouteeFailure {
	const problems = new Problems();
	problems.add(property, message);
	return problems.failure() as RouteeFailure;
}

function optionalName(body: Json, key: string, problems: Problems): string | null {
	const value = body[key];
	if (value === undefined || value === null) return null;
	if (typeof value !== 'string' || value.length < 1 || value.length > 60)
		problems.add(key, 'must be a string of 1–60 characters');
	return typeof value === 'string' ? value : null;
}

/** POST /contacts/my and PUT /contacts/my/{id}: the body rules before the account's labels are consulted. */
export function checkContact(raw: unknown): Checked<ContactRequest> {
	if (!isObject(raw)) return fail(validationFailure('body', 'must be a JSON object (the contact)'));
	const problems = new Problems();
	problems.unknown(raw, CONTACT_FIELDS);
	if (raw.mobile === undefined || raw.mobile === null) problems.add('mobile', 'is required');
	else if (typeof raw.mobile !== 'string' || !CONTACT_MOBILE.test(raw.mobile))
		problems.add(
			'mobile',
			"must be '+' followed by 7–15 digits (E.164, e.g. +306984512777; the sandbox's rule)",
		);
	const firstName = optionalName(raw, 'firstName', problems);
	const lastName = optionalName(raw, 'lastName', problems);
	let email: string | null = null;
	if (raw.email !== undefined && raw.email !== null) {
		if (typeof raw.email !== 'string') problems.add('email', 'must be a string');
		else email = raw.email;
	}
	if (raw.vip !== undefined && raw.vip !== null && typeof raw.vip !== 'boolean')
		problems.add('vip', 'must be a boolean');
	const labels: LabelValue[] = [];
	if (raw.labels !== undefined && raw.labels !== null) {
		if (!Array.isArray(raw.labels)) problems.add('labels', 'must be an array of {name, value}');
		else
			raw.labels.forEach((label: unknown, i) => {
				const at = `labels[${i}]`;
				if (!isObject(label)) {
					problems.add(at, 'must be an object {name, value}');
					return;
				}
				problems.unknown(label, ['name', 'value'], `${at}.`);
				if (typeof label.name !== 'string' || !label.name)
					problems.add(`${at}.name`, 'is required (string)');
				const value = label.value;
				if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value)))
					problems.add(`${at}.value`, 'is required (string or number)');
				labels.push({ name: String(label.name), value: value as string | number });
			});
	}
	const generic = problems.failure();
	if (generic) return fail(generic);
	return {
		ok: true,
		value: {
			mobile: raw.mobile as string,
			firstName,
			lastName,
			email,
			vip: raw.vip === true,
			labels,
		},
	};
}

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function isNumeric(value: string | number): boolean {
	return typeof value === 'number' ? Number.isFinite(value) : NUMERIC.test(value.trim());
}

/**
 * A contact's label values against the account's custom label definitions (update-a-contacts-details errors):
 * an undefined label (default labels are the contact's own fields, not `labels`) → 404 404002012, a name
 * twice → 409 409002013, a non-numeric value of a Number label → 400 400002006.
 */
export function checkLabelValues(
	labels: LabelValue[],
	definitions: ReadonlyMap<string, LabelType>,
): RouteeFailure | null {
	const missing = labels.filter((l) => !definitions.has(l.name)).map((l) => l.name);
	if (missing.length)
		return routeeFailure(
			404,
			ROUTEE_CODES.labelMissing,
			`Custom field definition is not found: ${missing.join(', ')}`,
		);
	const names = labels.map((l) => l.name);
	const twice = names.filter((n, i) => names.indexOf(n) !== i);
	if (twice.length)
		return routeeFailure(
			409,
			ROUTEE_CODES.labelsShareName,
			`Some Custom fields share the same name: ${[...new Set(twice)].join(', ')}`,
		);
	const invalid = labels.filter((l) => definitions.get(l.name) === 'Number' && !isNumeric(l.value));
	if (invalid.length)
		return routeeFailure(
			400,
			ROUTEE_CODES.labelsInvalid,
			`Custom fields are invalid: ${invalid.map((l) => `${l.name} is a Number label, '${l.value}' is not a number`).join('; ')}`,
		);
	return null;
}

/** POST /contacts/labels/my: an array of {name, type}. */
export function checkLabelDefinitions(
	raw: unknown,
): Checked<Array<{ name: string; type: LabelType }>> {
	if (!Array.isArray(raw))
		return fail(validationFailure('body', 'must be a JSON array of {name, type}'));
	const problems = new Problems();
	const labels: Array<{ name: string; type: LabelType }> = [];
	raw.forEach((label: unknown, i) => {
		const at = `[${i}]`;
		if (!isObject(label)) {
			problems.add(at, 'must be an object {name, type}');
			return;
		}
		problems.unknown(label, ['name', 'type'], `${at}.`);
		if (typeof label.name !== 'string' || !LABEL_NAME.test(label.name))
			problems.add(`${at}.name`, 'is required: alphanumeric characters only');
		const type = label.type === undefined || label.type === null ? 'Text' : label.type;
		if (!LABEL_TYPES.includes(type as LabelType))
			problems.add(`${at}.type`, `must be one of ${LABEL_TYPES.join(', ')}`);
		labels.push({ name: String(label.name), type: type as LabelType });
	});
	const generic = problems.failure();
	if (generic) return fail(generic);
	const names = labels.map((l) => l.name);
	const twice = names.filter((n, i) => names.indexOf(n) !== i);
	if (twice.length)
		return fail(
			routeeFailure(
				400,
				ROUTEE_CODES.labelTwiceInRequest,
				`Label name exists more than once in the same request: ${[...new Set(twice)].join(', ')}`,
			),
		);
	return { ok: true, value: labels };
}

/**
 * The group and blacklist bodies: the sandbox accepts only a bare JSON array of strings (contact ids or group
 * names) — not `{"contacts": […]}` nor `[{"id": …}]` (see README).
 */
export function checkIdArray(raw: unknown, what: 'contact ids' | 'group names'): Checked<string[]> {
	const example = what === 'contact ids' ? '["<contact id>", …]' : '["<group name>", …]';
	if (!Array.isArray(raw))
		return fail(
			validationFailure(
				'body',
				`a JSON array of ${what} is expected, e.g. ${example} (the sandbox accepts only this form)`,
			),
		);
	const problems = new Problems();
	raw.forEach((item: unknown, i) => {
		if (typeof item !== 'string' || !item)
			problems.add(`[${i}]`, `must be a non-empty string (a JSON array of ${what} is expected)`);
	});
	const generic = problems.failure();
	if (generic) return fail(generic);
	return { ok: true, value: [...new Set(raw as string[])] };
}

export function checkService(
	service: string,
	allowed: readonly BlacklistService[],
): Checked<BlacklistService> {
	if (!allowed.includes(service as BlacklistService))
		return fail(validationFailure('service', `must be one of ${allowed.join(', ')}`));
	return { ok: true, value: service as BlacklistService };
}

function filtersInvalid(reason: string): RouteeFailure {
	return routeeFailure(400, ROUTEE_CODES.filtersInvalid, `Search filters are invalid: ${reason}`);
}

/** POST /groups/my. `labelNames`: the account's custom labels (a filter may name one). */
export function checkGroup(raw: unknown, labelNames: readonly string[]): Checked<GroupRequest> {
	if (!isObject(raw)) return fail(validationFailure('body', 'must be a JSON object (the group)'));
	const problems = new Problems();
	problems.unknown(raw, GROUP_FIELDS);
	if (typeof raw.name !== 'string' || raw.name.length < 2 || raw.name.length > 30)
		problems.add('name', 'is required: a string of 2–30 characters');
	const strategy = raw.strategy === undefined || raw.strategy === null ? 'None' : raw.strategy;
	if (!GROUP_STRATEGIES.includes(strategy as GroupStrategy))
		problems.add('strategy', `must be one of ${GROUP_STRATEGIES.join(', ')}`);
	const generic = problems.failure();
	if (generic) return fail(generic);
	const filters: GroupFilter[] = [];
	const rawFilters = raw.filters ?? [];
	if (!Array.isArray(rawFilters)) return fail(filtersInvalid('filters must be an array'));
	const fields: readonly string[] = [...FILTER_FIELDS, ...labelNames];
	for (const [i, filter] of rawFilters.entries()) {
		const at = `filters[${i}]`;
		if (!isObject(filter)) return fail(filtersInvalid(`${at} must be an object`));
		const unknown = unknownKeys(filter, FILTER_KEYS);
		if (unknown.length)
			return fail(filtersInvalid(`${at} has unknown field ${unknown.join(', ')}`));
		if (typeof filter.fieldName !== 'string' || !fields.includes(filter.fieldName))
			return fail(
				filtersInvalid(
					`${at}.fieldName must be one of ${fields.join(', ')} (a contact field or label)`,
				),
			);
		const term = filter.searchTerm;
		if (typeof term !== 'string' && typeof term !== 'number' && typeof term !== 'boolean')
			return fail(filtersInvalid(`${at}.searchTerm is required (string)`));
		const operator =
			filter.searchOperator === undefined || filter.searchOperator === null
				? 'is'
				: filter.searchOperator;
		if (!SEARCH_OPERATORS.includes(operator as SearchOperator))
			return fail(
				filtersInvalid(`${at}.searchOperator must be one of ${SEARCH_OPERATORS.join(', ')}`),
			);
		filters.push({
			fieldName: filter.fieldName,
			searchTerm: String(term),
			searchOperator: operator as SearchOperator,
		});
	}
	if (strategy === 'Filtered' && !filters.length)
		return fail(filtersInvalid('strategy Filtered needs at least one filter'));
	if (strategy !== 'Filtered' && filters.length)
		return fail(filtersInvalid(`filters apply only with strategy Filtered (strategy ${strategy})`));
	return {
		ok: true,
		value: { name: raw.name as string, strategy: strategy as GroupStrategy, filters },
	};
}

/** Label names known to the account: defaults + custom. */
export function allLabelNames(custom: ReadonlyMap<string, LabelType>): string[] {
	return [...DEFAULT_LABELS, ...custom.keys()];
}
