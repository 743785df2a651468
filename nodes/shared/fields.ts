import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { COUNTRY_OPTIONS } from './phone';

/** Fields both action nodes show the same way. */

/** Hidden when the node is an AI agent's tool (n8n names the tool variant `<node>Tool`, see `@tool` in n8n-workflow's displayParameter). */
export const notForTools = { hide: { '@tool': [true] } };

/** Whether the input items make one campaign (each item a recipient) or one campaign each. */
export const modeField: INodeProperties = {
	displayName: 'Mode',
	name: 'mode',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'One Campaign for All Input Items',
			value: 'allItems',
			description:
				'Each input item is one recipient of a single campaign (e.g. the rows of a contact export); the other fields are read from the first item',
		},
		{
			name: 'One Campaign per Input Item',
			value: 'perItem',
			description: 'Each input item is a campaign with its own recipients',
		},
	],
	default: 'perItem',
	// an AI agent sends one campaign per call: the bulk and tuning fields mean nothing to it
	displayOptions: notForTools,
};

/** The Default Country option; `example` is a national-format number of the provider's home country. */
export function defaultCountryOption(example: string): INodeProperties {
	return {
		displayName: 'Default Country',
		name: 'defaultCountry',
		type: 'options',
		options: [{ name: 'None (Phone Numbers Must Be E.164)', value: '' }, ...COUNTRY_OPTIONS],
		default: '',
		description: `Country used to read phone numbers written in national format (e.g. ${example})`,
	};
}

/** The Default Country the user chose in an operation's Options ('' for none). */
export function defaultCountryOf(options: IDataObject): string {
	return typeof options.defaultCountry === 'string' ? options.defaultCountry : '';
}

/** The Options collection of an operation, sorted for the UI. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}
