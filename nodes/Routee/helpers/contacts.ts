import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { asNodeError, executeJobs, type Mode } from '../../shared/action/execute';
import { invalid, statusOf } from '../../shared/http';
import { phoneNumberOf } from '../../shared/action/phone-number';
import { defaultCountryOf, modeField } from '../../shared/fields';
import { routeeGetPaged, routeeRequest } from '../transport';
import { MAX_PAGE_SIZE, assertBody } from '../transport/contract';
import { BLACKLIST_SERVICES, contactBody, GROUP_NAME_LENGTH } from '../transport/contacts-contract';
import { listOf, optionsOf } from './fields';

/*
 * Routee's contacts API (contacts, groups, labels, blacklist) as the Contact, Group, Contact Label and Opt-Out
 * operations use it: their fields (pick lists for contacts and groups, which the node's methods/listSearch.ts
 * fills), reading them, and the one-request-per-item run most of them are.
 */

/** A resource locator field: picked from a list the node's `searchMethod` fills, or typed (`typed` mode). */
function locator(
	name: 'contact' | 'group',
	searchMethod: string,
	typed: Array<{ mode: string; displayName: string; placeholder: string }>,
	description: string,
): INodeProperties {
	return {
		displayName: name === 'contact' ? 'Contact' : 'Group',
		name,
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: searchMethod, searchable: true },
			},
			...typed.map(({ mode, displayName, placeholder }) => ({
				displayName,
				name: mode,
				type: 'string' as const,
				placeholder,
			})),
		],
	};
}

/**
 * A contact: picked from the account's contacts (name and mobile shown), its ID, or its mobile (what a CRM or a
 * STOP reply knows; looked up in the account, see `contactIdOf`).
 */
export const contactLocator = (description: string): INodeProperties =>
	locator(
		'contact',
		'searchContacts',
		[
			{ mode: 'id', displayName: 'By ID', placeholder: 'e.g. 57c3dc0a0cf2d47a564a2af1' },
			{ mode: 'mobile', displayName: 'By Mobile', placeholder: 'e.g. +306948530920' },
		],
		description,
	);

/** A group: picked from the account's groups (size shown), or its name (Routee names a group by its name). */
export const groupLocator = (description: string): INodeProperties =>
	locator(
		'group',
		'searchGroups',
		[{ mode: 'name', displayName: 'By Name', placeholder: 'e.g. customers' }],
		description,
	);

export const contactIdsField = (description: string): INodeProperties => ({
	displayName: 'Contact IDs',
	name: 'contactIds',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 57c3dc0a0cf2d47a564a2af1, 57c3dc0a0cf2d47a564a2af2',
	description: `${description}, separated by commas or an array from an expression (e.g. the ID field of Contact → Create's output)`,
});

/** The contact fields Create and Update share (Update shows them under Update Fields). */
export const contactDetailFields: INodeProperties[] = [
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		default: '',
		description: 'At most 60 characters',
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		default: '',
		description: 'At most 60 characters',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'e.g. name@email.com',
		default: '',
	},
	{
		displayName: 'VIP',
		name: 'vip',
		type: 'boolean',
		default: false,
		description: 'Whether Routee treats the contact as VIP',
	},
	{
		displayName: 'Labels',
		name: 'labels',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add label',
		default: {},
		description:
			'Values of the labels defined in your Routee account (Contact Label → Get Many lists them); an SMS campaign writes them into its text with [~name]',
		options: [
			{
				displayName: 'Label',
				name: 'label',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. company',
					},
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
];

/** The mobile of a contact: E.164, or national with Options → Default Country (as every phone field). */
export const mobileField: INodeProperties = {
	displayName: 'Mobile',
	name: 'mobile',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. +306948530920',
	description:
		"The contact's mobile number in E.164 (+ and country code), or in national format with Options → Default Country. Routee keeps one contact per mobile.",
};

/** A contact's fields as Routee's body names them, from the fields the user set (empty ones left out). */
export function contactDetailsOf(
	context: IExecuteFunctions,
	itemIndex: number,
	values: IDataObject,
): IDataObject {
	const details: IDataObject = {};
	for (const key of ['firstName', 'lastName', 'email'] as const) {
		const value = values[key];
		if (typeof value === 'string' ? value.trim() !== '' : value !== undefined && value !== null)
			details[key] = typeof value === 'string' ? value.trim() : value;
	}
	if (values.vip !== undefined) details.vip = values.vip;
	const labels = (values.labels as { label?: IDataObject[] } | undefined)?.label;
	if (labels !== undefined) {
		details.labels = labels.map((label, position) => {
			const name = typeof label.name === 'string' ? label.name.trim() : label.name;
			if (name === '' || name === undefined)
				throw invalid(
					context,
					itemIndex,
					`Labels (entry ${position + 1}): Name`,
					'must not be empty',
				);
			return { name, value: label.value === undefined ? '' : String(label.value) };
		});
	}
	return details;
}

/** The contact's Mobile as E.164. */
export function mobileOf(
	context: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	options: IDataObject,
): string {
	return phoneNumberOf(context, itemIndex, 'Mobile', value, defaultCountryOf(options));
}

/** A whole contact body, checked against Routee's contact fields (the field named as the panel names it). */
export function checkedContactBody(
	context: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
): IDataObject {
	return assertBody(context, contactBody, body, itemIndex) as IDataObject;
}

/** The checked body of Create and Create or Update for item `itemIndex`: its Mobile and Additional Fields. */
export function newContactBodyOf(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const additional = context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	return checkedContactBody(context, itemIndex, {
		mobile: mobileOf(
			context,
			itemIndex,
			context.getNodeParameter('mobile', itemIndex, ''),
			optionsOf(context, itemIndex),
		),
		...contactDetailsOf(context, itemIndex, additional),
	});
}

/** The fields of Routee's contact that a PUT sends back (the rest, e.g. groups and country, Routee keeps itself). */
function writableFieldsOf(contact: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const key of ['mobile', 'firstName', 'lastName', 'email', 'vip'] as const) {
		const value = contact[key];
		if (value !== undefined && value !== null && value !== '') body[key] = value;
	}
	if (Array.isArray(contact.labels))
		body.labels = (contact.labels as IDataObject[]).map(({ name, value }) => ({
			name,
			value: value === undefined || value === null ? '' : String(value),
		}));
	return body;
}

/** The current labels with the changed ones (by name) replaced and new ones added. */
function mergedLabels(current: unknown, changed: IDataObject[]): IDataObject[] {
	const byName = new Map<string, IDataObject>();
	for (const label of Array.isArray(current) ? (current as IDataObject[]) : [])
		byName.set(String(label.name), label);
	for (const label of changed) byName.set(String(label.name), label);
	return [...byName.values()];
}

/**
 * GET /contacts/my/{id}, then PUT /contacts/my/{id} (https://docs.routee.net/reference/update-a-contacts-details) with
 * the contact as Routee holds it and `changes` on top; Routee's answer is the contact as changed. The PUT requires the
 * mobile and the pages do not say whether a field left out is kept or cleared, so every field is sent back; a label is
 * changed by name, the others are kept.
 */
export async function putContactChanges(
	context: IExecuteFunctions,
	id: string,
	changes: IDataObject,
	itemIndex: number,
): Promise<IDataObject> {
	const path = `/contacts/my/${encodeURIComponent(id)}`;
	const current = writableFieldsOf(await routeeRequest(context, 'GET', path, itemIndex));
	const body: IDataObject = { ...current, ...changes };
	if (changes.labels !== undefined)
		body.labels = mergedLabels(current.labels, changes.labels as IDataObject[]);
	return await routeeRequest(context, 'PUT', path, itemIndex, body);
}

/** The value a resource locator (Contact, Group) holds, trimmed and never empty. */
export function locatorValue(
	context: IExecuteFunctions,
	itemIndex: number,
	name: 'contact' | 'group',
	label: string,
): string {
	const value = context.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (text === '')
		throw invalid(context, itemIndex, label, 'must not be empty: pick one or enter it');
	return text;
}

/** The contact a Contact field names: its ID, or its mobile (E.164) to look up. */
export type ContactRef = { id: string } | { mobile: string };

/**
 * The Contact field of item `itemIndex`: an ID (From List, By ID) or a mobile (By Mobile: E.164, or national with
 * the operation's Options → Default Country where it has one).
 */
export function contactRefOf(
	context: IExecuteFunctions,
	itemIndex: number,
	options: IDataObject = {},
): ContactRef {
	const value = locatorValue(context, itemIndex, 'contact', 'Contact');
	const { mode } = context.getNodeParameter('contact', itemIndex, {}) as { mode?: unknown };
	return mode === 'mobile'
		? { mobile: phoneNumberOf(context, itemIndex, 'Contact', value, defaultCountryOf(options)) }
		: { id: value };
}

/**
 * The ID of the contact a Contact field names. Routee has no lookup by mobile: `HEAD /contacts/my/mobile?value=` only
 * says whether a contact has it (https://docs.routee.net/reference/check-if-contact-exists, as other clients restate
 * it), so a mobile that one has is found by reading the account's contacts, 2000 a page, until it comes.
 */
export async function contactIdOf(
	context: IExecuteFunctions,
	ref: ContactRef,
	itemIndex: number,
	/** Routee already said a contact has the mobile (Create or Update's 409): no HEAD to ask again. */
	{ knownToExist = false } = {},
): Promise<string> {
	if ('id' in ref) return ref.id;
	const noContact = () =>
		new NodeOperationError(
			context.getNode(),
			`No contact of the Routee account has the mobile ${ref.mobile} [item ${itemIndex}]`,
			{
				itemIndex,
				description:
					'Create it with Contact → Create, or check the number (it is compared in E.164, as Routee stores it).',
			},
		);
	try {
		if (!knownToExist)
			await routeeRequest(context, 'HEAD', '/contacts/my/mobile', itemIndex, undefined, {
				value: ref.mobile,
			});
	} catch (error) {
		if (statusOf(error) === 404) throw noContact();
		throw asNodeError(context, error as Error, itemIndex);
	}
	let id = await findByMobile(context, ref.mobile, itemIndex);
	if (id === undefined && knownToExist) {
		// the pages this run read may predate the contact (an earlier item of the run created it): read them again once
		pagesRead.delete(context);
		id = await findByMobile(context, ref.mobile, itemIndex);
	}
	if (id === undefined) throw noContact();
	return id;
}

/** What a run has read of the account's contacts for By Mobile: mobile → ID, and the next page to read. */
interface ContactPages {
	ids: Map<string, string>;
	nextPage: number;
	done: boolean;
}

/** Per run of the node: the pages read for one item are not read again for the next (one read of the account). */
const pagesRead = new WeakMap<IExecuteFunctions, ContactPages>();

/** A contact this run created: a later item with its mobile finds it without reading the pages again. */
export function rememberContact(context: IExecuteFunctions, contact: IDataObject): void {
	const read = pagesRead.get(context);
	if (read !== undefined && typeof contact.mobile === 'string' && contact.id !== undefined)
		read.ids.set(contact.mobile, String(contact.id));
}

/** The ID of the contact with `mobile`, reading further pages of GET /contacts/my only until it comes. */
async function findByMobile(
	context: IExecuteFunctions,
	mobile: string,
	itemIndex: number,
): Promise<string | undefined> {
	let read = pagesRead.get(context);
	if (read === undefined)
		pagesRead.set(context, (read = { ids: new Map(), nextPage: 0, done: false }));
	while (!read.ids.has(mobile) && !read.done) {
		const response = await routeeRequest(context, 'GET', '/contacts/my', itemIndex, undefined, {
			page: read.nextPage,
			size: MAX_PAGE_SIZE,
		});
		const content = Array.isArray(response.content) ? (response.content as IDataObject[]) : [];
		for (const contact of content) read.ids.set(String(contact.mobile), String(contact.id));
		read.nextPage++;
		read.done = response.last === true || content.length === 0;
	}
	return read.ids.get(mobile);
}

/** The group of item `itemIndex` for a URL path. */
export function groupPathOf(context: IExecuteFunctions, itemIndex: number): string {
	return encodeURIComponent(groupNameOf(context, itemIndex));
}

/** The group of item `itemIndex`: its name, checked ("Length must be between 2 and 30 characters"). */
export function groupNameOf(context: IExecuteFunctions, itemIndex: number): string {
	const name = locatorValue(context, itemIndex, 'group', 'Group');
	if (name.length < GROUP_NAME_LENGTH.min || name.length > GROUP_NAME_LENGTH.max)
		throw invalid(
			context,
			itemIndex,
			'Group',
			`must be ${GROUP_NAME_LENGTH.min} to ${GROUP_NAME_LENGTH.max} characters (https://docs.routee.net/reference/create-a-new-group), got ${JSON.stringify(name)}`,
		);
	return name;
}

/** The Contact IDs of item `itemIndex`: at least one. */
export function contactIdsOf(context: IExecuteFunctions, itemIndex: number): string[] {
	const ids = listOf(
		context,
		itemIndex,
		'Contact IDs',
		context.getNodeParameter('contactIds', itemIndex, ''),
	);
	if (ids.length === 0)
		throw invalid(context, itemIndex, 'Contact IDs', 'must hold at least one contact ID');
	return ids;
}

/** One request to Routee, planned from one input item. */
export interface RouteeCall {
	method: IHttpRequestMethods;
	path: string;
	body?: IDataObject | unknown[];
	qs?: IDataObject;
	/** Read every page of a paged list (Spring pages), or its first `limit` entries. */
	paged?: { limit: number | undefined; maxPageSize: number };
	/** How many contacts the call adds or removes: counted by Max Recipients per Tool Call in the tool. */
	contacts?: number;
	/** The contact whose ID replaces `{contact}` in the path, looked up first when given by mobile. */
	contact?: ContactRef;
}

/**
 * Runs one call per input item, every call planned (read and checked) before the first is made. The answer is the
 * item's output: an array answer (a list) is one output item per entry; `changes` says the calls change the account
 * (a later failure then lists what was done).
 */
export async function executeCalls(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	plan: (itemIndex: number) => RouteeCall,
	changes: { describe(call: RouteeCall, response: IDataObject | IDataObject[]): string } | false,
): Promise<INodeExecutionData[]> {
	return await executeJobs(context, items, {
		plan: ({ leadItem }) => plan(leadItem),
		run: async (planned, { leadItem }) => {
			const call = planned.contact
				? {
						...planned,
						path: planned.path.replace(
							'{contact}',
							encodeURIComponent(await contactIdOf(context, planned.contact, leadItem)),
						),
					}
				: planned;
			const response = call.paged
				? await routeeGetPaged(
						context,
						call.path,
						leadItem,
						call.paged.limit,
						call.paged.maxPageSize,
					)
				: await routeeRequest(context, call.method, call.path, leadItem, call.body, call.qs);
			return { call, response: response as IDataObject | IDataObject[] };
		},
		output: ({ response }, job) => {
			const entries = Array.isArray(response) ? response : [response];
			const pairedItem = { item: job.leadItem };
			return entries.map((json) => ({ json, pairedItem }));
		},
		sends: changes !== false,
		describe:
			changes === false ? undefined : ({ call, response }) => changes.describe(call, response),
		recipients: (call) => call.contacts ?? 0,
	});
}

/**
 * Group → Add / Remove Contacts and Opt-Out → Add / Remove: the item's Contact IDs, as a JSON array, in one request to
 * what `target` names (its path, and its name for what the run did: 'group "x"', 'the Sms blacklist').
 */
async function editContactIds(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	method: 'POST' | 'DELETE',
	done: 'added to' | 'removed from',
	target: (itemIndex: number) => { path: string; name: string },
): Promise<INodeExecutionData[]> {
	// a tool has no Mode (hidden): one request per item
	const mode = context.getNodeParameter('mode', 0, 'perItem') as Mode;
	return await executeJobs(context, items, {
		mode,
		plan: ({ leadItem, itemIndexes }, leaveOut) => {
			const { path, name } = target(leadItem);
			const ids: string[] = [];
			for (const itemIndex of itemIndexes) {
				// all items: an item without IDs is left out (its error, or with Continue On Fail its error item)
				try {
					ids.push(...contactIdsOf(context, itemIndex));
				} catch (error) {
					if (itemIndexes.length === 1) throw asNodeError(context, error as Error, itemIndex);
					leaveOut(itemIndex, error as Error);
				}
			}
			return { path, name, ids };
		},
		run: async (plan, { leadItem }) => ({
			plan,
			response: await routeeRequest(context, method, plan.path, leadItem, plan.ids),
		}),
		output: ({ response }, { itemIndexes }) => [
			{
				json: response,
				pairedItem:
					itemIndexes.length === 1
						? { item: itemIndexes[0] }
						: itemIndexes.map((item) => ({ item })),
			},
		],
		sends: true,
		describe: ({ plan }) =>
			`${plan.ids.length} contact${plan.ids.length === 1 ? '' : 's'} ${done} ${plan.name}`,
		recipients: ({ ids }) => ids.length,
	});
}

/** Mode of Add/Remove Contacts and the opt-out changes: one request per input item, or one for all of them. */
export const contactIdsModeField: INodeProperties = {
	...modeField,
	options: [
		{
			name: 'One Request for All Input Items',
			value: 'allItems',
			description:
				'Each input item gives its Contact IDs (e.g. the ID field that Contact → Create outputs, one contact per item); the other fields are read from the first item',
		},
		{
			name: 'One Request per Input Item',
			value: 'perItem',
			description: 'Each input item lists its own Contact IDs',
		},
	],
};

/** Group → Add Contacts / Remove Contacts. */
export async function editGroupContacts(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	method: 'POST' | 'DELETE',
	done: 'added to' | 'removed from',
): Promise<INodeExecutionData[]> {
	return await editContactIds(context, items, method, done, (itemIndex) => {
		const group = groupNameOf(context, itemIndex);
		return { path: `/groups/my/${encodeURIComponent(group)}/contacts`, name: `group "${group}"` };
	});
}

/** The service of a blacklist: Routee keeps one per service; this node sends SMS and voice. */
export const serviceField: INodeProperties = {
	displayName: 'Service',
	name: 'service',
	type: 'options',
	options: [
		{ name: 'SMS', value: 'Sms', description: 'SMS and SMS campaigns skip these contacts' },
		{ name: 'Voice', value: 'Voice', description: 'Voice campaigns and calls skip these contacts' },
	],
	default: 'Sms',
};

/**
 * The Service of item `itemIndex`, for a URL path. The field offers SMS and Voice; another service Routee names (e.g.
 * Viber, from an expression) is sent as it is, and Routee's answer decides.
 */
export function serviceOf(context: IExecuteFunctions, itemIndex: number): string {
	const service = context.getNodeParameter('service', itemIndex, 'Sms') as unknown;
	if (typeof service !== 'string' || service.trim() === '')
		throw invalid(
			context,
			itemIndex,
			'Service',
			`must be a Routee service such as ${BLACKLIST_SERVICES.join(' or ')}, got ${JSON.stringify(service)}`,
		);
	return encodeURIComponent(service.trim());
}

/** Opt-Out → Add / Remove. */
export async function editBlacklist(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	method: 'POST' | 'DELETE',
	done: 'added to' | 'removed from',
): Promise<INodeExecutionData[]> {
	return await editContactIds(context, items, method, done, (itemIndex) => {
		const service = serviceOf(context, itemIndex);
		return { path: `/contacts/my/blacklist/${service}`, name: `the ${service} blacklist` };
	});
}
