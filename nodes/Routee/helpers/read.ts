import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { phoneNumberOf } from '../../shared/action/phone-number';
import { scheduledDateOf } from '../../shared/action/scheduled-date';
import { invalid } from '../../shared/http';
import { defaultCountryOf } from '../../shared/fields';

/** Reading the node's fields into request values, with the checks that need the item and the field's name. */

function isEmpty(value: unknown): boolean {
	return (
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
	);
}

/** Text entries of a list field: an array (from an expression) or text separated by commas or new lines. */
export function listOf(
	context: IExecuteFunctions,
	itemIndex: number,
	label: string,
	value: unknown,
): string[] {
	if (isEmpty(value)) return [];
	const entries = Array.isArray(value)
		? value
		: typeof value === 'string'
			? value.split(/[,;\n]/)
			: [value];
	return entries
		.map((entry, position) => {
			if (typeof entry !== 'string' && typeof entry !== 'number') {
				throw invalid(
					context,
					itemIndex,
					`${label} (entry ${position + 1})`,
					`must be text, got ${JSON.stringify(entry)}`,
				);
			}
			return String(entry).trim();
		})
		.filter((entry) => entry !== '');
}

/** The operation's To field: one phone number, in E.164 (a national number with Options → Default Country). */
export function toNumberOf(
	context: IExecuteFunctions,
	itemIndex: number,
	options: IDataObject,
): string {
	return phoneNumberOf(
		context,
		itemIndex,
		'To',
		textOf(context, itemIndex, 'to'),
		defaultCountryOf(options),
	);
}

/** The numbers of a list field as E.164; an invalid one is named with its position. */
export function phoneListOf(
	context: IExecuteFunctions,
	itemIndex: number,
	label: string,
	value: unknown,
	defaultCountry: string,
): string[] {
	const numbers = listOf(context, itemIndex, label, value);
	return numbers.map((number, position) =>
		phoneNumberOf(
			context,
			itemIndex,
			numbers.length > 1 ? `${label} (entry ${position + 1})` : label,
			number,
			defaultCountry,
		),
	);
}

/** The fields of a bundle option (see `bundleOption` in fields.ts), or undefined when the user did not add it. */
export function bundleOf(options: IDataObject, name: string): IDataObject | undefined {
	const bundle = options[name] as IDataObject | undefined;
	const values = bundle?.values;
	return typeof values === 'object' && values !== null && !Array.isArray(values)
		? (values as IDataObject)
		: undefined;
}

/** `{url, strategy}` of a Callback bundle, as Routee's body has it; the contract checks the URL. */
export function callbackOf(options: IDataObject, name: string): IDataObject | undefined {
	const bundle = bundleOf(options, name);
	if (bundle === undefined) return undefined;
	const url = typeof bundle.url === 'string' ? bundle.url.trim() : bundle.url;
	return { url: url ?? '', strategy: isEmpty(bundle.strategy) ? 'OnChange' : bundle.strategy };
}

/** The Scheduled Date, Callback and Campaign Callback options that SMS and voice campaigns share, as body fields. */
export function scheduleAndCallbacksOf(
	context: IExecuteFunctions,
	itemIndex: number,
	options: IDataObject,
): IDataObject {
	const body: IDataObject = {};
	// a passed date is sent, and Routee's answer shown (see scheduledDateOf)
	const scheduledDate = scheduledDateOf(
		context,
		itemIndex,
		'Scheduled Date',
		options.scheduledDate,
	);
	if (scheduledDate !== undefined) body.scheduledDate = scheduledDate;
	const callback = callbackOf(options, 'callback');
	if (callback) body.callback = callback;
	const campaignCallback = callbackOf(options, 'campaignCallback');
	if (campaignCallback) body.campaignCallback = campaignCallback;
	return body;
}

/** Copies the options that are set (not empty) into the body, under their body name. */
export function copyOptions(
	options: IDataObject,
	body: IDataObject,
	names: Record<string, string>,
): void {
	for (const [option, field] of Object.entries(names)) {
		const value = options[option];
		if (!isEmpty(value)) body[field] = typeof value === 'string' ? value.trim() : value;
	}
}

export function optionsOf(context: IExecuteFunctions, itemIndex: number): IDataObject {
	return context.getNodeParameter('options', itemIndex, {}) as IDataObject;
}

/** A required text field: trimmed, never empty. */
function requiredText(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
): string {
	const value = context.getNodeParameter(name, itemIndex, '') as unknown;
	if (isEmpty(value)) throw invalid(context, itemIndex, label, 'must not be empty');
	if (typeof value !== 'string' && typeof value !== 'number') {
		throw invalid(context, itemIndex, label, `must be text, got ${JSON.stringify(value)}`);
	}
	return String(value).trim();
}

/** A text field as text (a number from an expression becomes text); anything else is left for the contract to refuse. */
export function textOf(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	trim = true,
): IDataObject[string] {
	const value = context.getNodeParameter(name, itemIndex, '') as IDataObject[string];
	if (typeof value === 'number') return String(value);
	return trim && typeof value === 'string' ? value.trim() : value;
}

/** An ID for a URL path. */
export function pathId(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
): string {
	return encodeURIComponent(requiredText(context, itemIndex, name, label));
}
