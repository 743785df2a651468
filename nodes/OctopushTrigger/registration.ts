import type { IDataObject, IHookFunctions, IHttpRequestMethods } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isObject } from '../shared/callback-event';
import { callbackUrlFor, readCallerAuthSettings } from '../shared/webhook-auth';
import { CALLBACK_KEY_BY_EVENT } from './normalize';

const CREDENTIAL = 'octopushApi';
const DEFAULT_BASE_URL = 'https://api.octopush.com/v1/public';
const PARAMETERS_PATH = '/user/campaign-parameters';
const EDIT_PATH = '/user/campaign-parameters/edit';

const KEY_LABELS: Record<string, string> = {
	callback_url_for_deliveries: 'delivery reports',
	callback_url_for_inbounds: 'inbound SMS',
	callback_url_for_blacklisted_numbers: 'STOP / blacklisted numbers',
};

/** What `create` changed in the account, kept in the node's static data so `delete` can put it back. */
interface Registration extends IDataObject {
	url: string;
	keys: string[];
	previous: IDataObject;
}

type Callbacks = Record<string, unknown>;

function isAutomatic(context: IHookFunctions): boolean {
	return context.getNodeParameter('registration', 'automatic') === 'automatic';
}

/** The account settings this trigger needs: one per chosen event kind (both delivery kinds share one). */
function keysFor(context: IHookFunctions): string[] {
	const events = context.getNodeParameter('events', []) as string[];
	return [...new Set(events.map((event) => CALLBACK_KEY_BY_EVENT[event]).filter(Boolean))].sort();
}

/** The URL Octopush must call: the production (or test) webhook URL with the caller's secret in it. */
function ourUrl(context: IHookFunctions): string {
	const webhookUrl = context.getNodeWebhookUrl('default') as string;
	return callbackUrlFor(webhookUrl, readCallerAuthSettings((name, fallback) => context.getNodeParameter(name, fallback)));
}

function manualSteps(url: string, keys: string[]): string {
	const kinds = Object.keys(KEY_LABELS)
		.filter((key) => keys.includes(key))
		.map((key) => KEY_LABELS[key])
		.join(', ');
	return `To register it by hand, set Registration to 'Manual' and, in your Octopush account, open the Callbacks page and paste ${url} as the URL for ${kinds}.`;
}

function reasonOf(error: unknown): string {
	const e = error as { message?: string; description?: string | null; httpCode?: string | null };
	const status = e.httpCode ? `HTTP ${e.httpCode}: ` : '';
	const description = e.description && e.description !== e.message ? ` (${e.description})` : '';
	return `${status}${e.message ?? String(error)}${description}`;
}

async function octopush(context: IHookFunctions, method: IHttpRequestMethods, path: string, body?: IDataObject): Promise<IDataObject> {
	const credentials = await context.getCredentials(CREDENTIAL);
	const baseUrl = ((credentials.baseUrl as string) || DEFAULT_BASE_URL).replace(/\/+$/, '');
	const response = (await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL, {
		method,
		url: `${baseUrl}${path}`,
		body,
		json: true,
	})) as unknown;
	return isObject(response) ? response : {};
}

/** The account's callback URLs; the answer nests them under `callbacks` like the edit request (a flat answer is read too). */
async function currentCallbacks(context: IHookFunctions): Promise<Callbacks> {
	const response = await octopush(context, 'GET', PARAMETERS_PATH);
	return isObject(response.callbacks) ? response.callbacks : response;
}

async function setCallbacks(context: IHookFunctions, callbacks: IDataObject): Promise<void> {
	await octopush(context, 'PATCH', EDIT_PATH, { callbacks });
}

function failActivation(context: IHookFunctions, failure: string, error: unknown, url: string, keys: string[]): NodeOperationError {
	return new NodeOperationError(context.getNode(), `${failure} (${reasonOf(error)}). ${manualSteps(url, keys)}`);
}

/** True when the account already sends every chosen event to this trigger (always true for Manual registration). */
export async function checkRegistration(context: IHookFunctions): Promise<boolean> {
	if (!isAutomatic(context)) return true;
	const url = ourUrl(context);
	const keys = keysFor(context);
	let current: Callbacks;
	try {
		current = await currentCallbacks(context);
	} catch (error) {
		throw failActivation(context, "Octopush did not let the trigger read the account's callback URLs", error, url, keys);
	}
	return keys.every((key) => current[key] === url);
}

/** Saves the account's current URLs for the chosen events, then points them at this trigger. */
export async function register(context: IHookFunctions): Promise<boolean> {
	if (!isAutomatic(context)) return true;
	const url = ourUrl(context);
	const keys = keysFor(context);
	const staticData = context.getWorkflowStaticData('node');
	const stored = staticData.registration as Registration | undefined;
	try {
		const current = await currentCallbacks(context);
		const previous: IDataObject = {};
		for (const key of keys) {
			const value = current[key] === undefined ? null : current[key];
			// already pointing at us (an earlier activation): what was there before is what we saved then
			const ours = value === url || (stored !== undefined && value === stored.url);
			previous[key] = (ours ? stored?.previous[key] : value) ?? null;
		}
		// settings an earlier activation took but the chosen events no longer need go back now
		const dropped = (stored?.keys ?? []).filter((key) => !keys.includes(key) && current[key] === stored?.url);
		staticData.registration = { url, keys, previous } satisfies Registration;
		await setCallbacks(context, {
			...Object.fromEntries(dropped.map((key) => [key, stored?.previous[key] ?? null])),
			...Object.fromEntries(keys.map((key) => [key, url])),
		});
	} catch (error) {
		throw failActivation(context, 'Octopush did not accept the callback URL', error, url, keys);
	}
	return true;
}

/** Puts back the URLs `register` replaced, for each setting that still points at this trigger. */
export async function unregister(context: IHookFunctions): Promise<boolean> {
	const staticData = context.getWorkflowStaticData('node');
	const stored = staticData.registration as Registration | undefined;
	if (stored === undefined) return true;
	try {
		const current = await currentCallbacks(context);
		const restore = Object.fromEntries(
			stored.keys.filter((key) => current[key] === stored.url).map((key) => [key, stored.previous[key] ?? null]),
		);
		if (Object.keys(restore).length > 0) await setCallbacks(context, restore);
	} catch (error) {
		const previous = stored.keys.map((key) => `${KEY_LABELS[key] ?? key}: ${String(stored.previous[key] ?? '(none)')}`).join('; ');
		throw new NodeOperationError(
			context.getNode(),
			`Octopush did not let the trigger restore the previous callback URLs (${reasonOf(error)}). Restore them on the Callbacks page of your Octopush account: ${previous}.`,
		);
	}
	delete staticData.registration;
	return true;
}
