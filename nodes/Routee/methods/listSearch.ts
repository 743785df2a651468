import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { routeeRequest } from '../transport';

/*
 * The pick lists of the Contact and Group fields (n8n resource locators): one page of the account's contacts or
 * groups per call, filtered by what the user typed; n8n asks for the next page (paginationToken) as the list scrolls.
 * Routee's list endpoints take no search term, so the filter applies to the page read.
 */

/** Entries read per page: enough to fill the list, small enough to answer at once. */
const PAGE_SIZE = 100;

async function searchPage(
	context: ILoadOptionsFunctions,
	path: string,
	paginationToken: string | undefined,
	toItem: (entry: IDataObject) => INodeListSearchItems,
	filter: string | undefined,
): Promise<INodeListSearchResult> {
	const page = paginationToken === undefined ? 0 : Number(paginationToken);
	const response = await routeeRequest(context, 'GET', path, 0, undefined, {
		page,
		size: PAGE_SIZE,
	});
	const content = Array.isArray(response.content) ? (response.content as IDataObject[]) : [];
	const wanted = filter?.trim().toLowerCase() ?? '';
	const results = content
		.map(toItem)
		.filter((item) => wanted === '' || item.name.toLowerCase().includes(wanted));
	const more = response.last !== true && content.length > 0;
	return { results, paginationToken: more ? String(page + 1) : undefined };
}

/**
 * A group as the pick lists show it: "name (n contacts)", its name as the value. The paged groups page names the
 * count `size`; an older copy of it `numberOfContacts`.
 */
export function groupOption(group: IDataObject): INodeListSearchItems {
	const size = group.size ?? group.numberOfContacts;
	const name = String(group.name);
	return {
		name: typeof size === 'number' ? `${name} (${size} contact${size === 1 ? '' : 's'})` : name,
		value: name,
	};
}

/** GET /contacts/my: "First Last (+30…)", the contact's ID as the value. */
export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPage(
		this,
		'/contacts/my',
		paginationToken,
		(contact) => {
			const name = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
			const mobile = String(contact.mobile ?? '');
			return { name: name ? `${name} (${mobile})` : mobile, value: String(contact.id) };
		},
		filter,
	);
}

/** GET /groups/my/page: "name (n contacts)", the group's name as the value (Routee names groups by name). */
export async function searchGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPage(this, '/groups/my/page', paginationToken, groupOption, filter);
}
