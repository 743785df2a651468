import { createHash } from 'crypto';
import {
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
	type IWebhookFunctions,
	type NodeApiError,
} from 'n8n-workflow';

import { octopushRequest } from '../Octopush/transport';
import { reasonOf as octopushReasonOf, statusOf } from '../shared/http';

import { isObject } from '../shared/trigger/callback-event';
import {
	callbackUrlFor,
	readCallerAuthSettings,
	type CallerAuthSettings,
	type GeneratedSecret,
} from '../shared/trigger/webhook-auth';
import { CALLBACK_KEY_BY_EVENT, invalidTimeZoneMessage } from './normalize';

/** The secret of 'Generated Secret in URL': derived from the API key of the credential that registers the URL. */
const GENERATED_FROM: GeneratedSecret = { credentialType: 'octopushApi', field: 'apiKey' };

/**
 * How the Octopush Trigger authenticates callers, read for activation, registration and every callback. A secret
 * is generated only for a URL the trigger registers itself (Automatic registration).
 */
export async function octopushCallerAuth(
	context: IHookFunctions | IWebhookFunctions,
): Promise<CallerAuthSettings> {
	const registersItself = context.getNodeParameter('registration', 'automatic') === 'automatic';
	return await readCallerAuthSettings(context, registersItself ? GENERATED_FROM : undefined);
}

/**
 * The account settings ("campaign parameters") are documented under two GET paths; the first is tried, the
 * second when the first answers 404.
 * https://dev.octopush.com/en/sms-gateway-api-documentation/api-default-parameters/retrieve-configuration/
 * https://octopush-api.readme.io/reference/get_public_apiuserget_campaign_parameters
 */
const READ_PATHS = ['/user/campaign-parameters', '/campaign/parameters'];
/** https://dev.octopush.com/en/sms-gateway-api-documentation/api-default-parameters/modify-configuration/ */
const EDIT_PATH = '/user/campaign-parameters/edit';

const KEY_LABELS: Record<string, string> = {
	callback_url_for_deliveries: 'delivery reports',
	callback_url_for_inbounds: 'inbound SMS',
	callback_url_for_blacklisted_numbers: 'STOP / blacklisted numbers',
};

/**
 * What `create` changed in the account, kept in the node's static data so `delete` can put it back.
 * `previous` holds each key as it was read before, and only the keys the account had.
 */
interface Registration extends IDataObject {
	/** SHA-256 of the URL set, to recognise it: the URL itself carries the caller's secret, and static data is part of every workflow export. */
	urlDigest?: string;
	/** The URL itself, in records written before `urlDigest` (still read, never written). */
	url?: string;
	keys: string[];
	previous: IDataObject;
}

const digestOf = (url: string) => createHash('sha256').update(url).digest('hex');

function recordOf(url: string, keys: string[], previous: IDataObject): Registration {
	return { urlDigest: digestOf(url), keys, previous };
}

/** True when an account setting still holds the URL `record` set. */
function pointsAt(record: Registration | undefined, value: unknown): boolean {
	if (record === undefined || typeof value !== 'string') return false;
	return record.urlDigest !== undefined
		? digestOf(value) === record.urlDigest
		: value === record.url;
}

/** A test listen's record: the keys it set (they were empty) and what each held, kept apart from `registration`. */
const TEST_RECORD = 'testRegistration';

/** The whole account settings as read (alerts, campaign parameters, callbacks and anything else it holds). */
type Settings = IDataObject;

function isAutomatic(context: IHookFunctions): boolean {
	return context.getNodeParameter('registration', 'automatic') === 'automatic';
}

/** The account settings this trigger needs: one per chosen event kind (both delivery kinds share one). */
function keysFor(context: IHookFunctions): string[] {
	const events = context.getNodeParameter('events', []) as string[];
	return [...new Set(events.map((event) => CALLBACK_KEY_BY_EVENT[event]).filter(Boolean))].sort();
}

/** The URL Octopush must call: the production (or test) webhook URL with the caller's secret in it. */
async function ourUrl(context: IHookFunctions): Promise<string> {
	const webhookUrl = context.getNodeWebhookUrl('default') as string;
	return callbackUrlFor(webhookUrl, await octopushCallerAuth(context));
}

/**
 * A URL as it may appear in a message: userinfo and query values replaced by placeholders (they carry the
 * caller's secret, or another system's), fragment dropped. Text that is no URL is not shown at all.
 */
function redactUrl(value: unknown, placeholder = 'YOUR_SECRET'): string {
	let url: URL;
	try {
		url = new URL(String(value));
	} catch {
		return '(not shown)';
	}
	if (url.username !== '' || url.password !== '') {
		url.username = 'USER';
		url.password = 'PASSWORD';
	}
	for (const name of [...new Set(url.searchParams.keys())]) url.searchParams.set(name, placeholder);
	url.hash = '';
	return url.toString();
}

/** Every URL in a text (e.g. an answer of Octopush that echoes the URL it refused) redacted. */
function redactUrlsIn(text: string): string {
	return text.replace(/[a-z][a-z0-9+.-]*:\/\/[^\s"'<>()]+/gi, (url) => redactUrl(url, 'HIDDEN'));
}

/** True during "Test this trigger" / "Listen for test event": n8n runs create and checkExists in manual mode. */
function isTestListen(context: IHookFunctions): boolean {
	return context.getMode() === 'manual' || context.getActivationMode() === 'manual';
}

/** True for a URL of this very node's webhook (production or test, any secret): same webhook id and path. */
function isThisNodesUrl(context: IHookFunctions, value: unknown): boolean {
	const tail = (text: string) =>
		new URL(text).pathname.split('/').filter(Boolean).slice(-2).join('/');
	try {
		return (
			typeof value === 'string' &&
			value !== '' &&
			tail(value) === tail(context.getNodeWebhookUrl('default') as string)
		);
	} catch {
		return false;
	}
}

function manualSteps(url: string, keys: string[]): string {
	const kinds = Object.keys(KEY_LABELS)
		.filter((key) => keys.includes(key))
		.map((key) => KEY_LABELS[key])
		.join(', ');
	const shown = redactUrl(url);
	return `To register it by hand, set Registration to 'Manual' and, in your Octopush account, open the Callbacks page and paste ${shown} as the URL for ${kinds}${shown === url ? '' : ' (with your secret in place of the placeholders)'}.`;
}

/** "HTTP 500: <Octopush's own reason> (<hint>)", with every URL in it redacted. */
function reasonOf(error: unknown): string {
	const e = error as { description?: string | null; httpCode?: string | null };
	const status = e.httpCode ? `HTTP ${e.httpCode}: ` : '';
	const reason = error instanceof Error ? octopushReasonOf(error) : String(error);
	const description = e.description && e.description !== reason ? ` (${e.description})` : '';
	return redactUrlsIn(`${status}${reason}${description}`);
}

/** The account settings, from the first documented GET path that exists (404 → the next one). */
async function readSettings(context: IHookFunctions): Promise<Settings> {
	const [first, fallback] = READ_PATHS;
	// the transport's error is already the NodeApiError n8n shows; only a 404 moves on to the second path
	const answer = await octopushRequest(context, 'GET', first, 0).then(
		(settings) => ({ settings }),
		(error: NodeApiError) => ({ error }),
	);
	if ('settings' in answer) return answer.settings;
	if (statusOf(answer.error) !== 404) throw answer.error;
	return await octopushRequest(context, 'GET', fallback, 0);
}

function callbacksOf(settings: Settings): IDataObject {
	return isObject(settings.callbacks) ? settings.callbacks : {};
}

/**
 * Writes the settings back whole, as read, with only `changes` applied to `callbacks`. The documented example
 * sends every section (sms_campaign_alert_parameters, campaign_parameters, callbacks) and no page says whether
 * PATCH merges or replaces a section, so a partial write could erase the account's other callback URLs,
 * `email_for_inbounds` or keys this package does not know (`api_version`, `use_metadata_node_for_inbound`…):
 * https://dev.octopush.com/en/sms-gateway-api-documentation/api-default-parameters/modify-configuration/
 */
async function writeCallbacks(
	context: IHookFunctions,
	settings: Settings,
	changes: IDataObject,
): Promise<void> {
	await octopushRequest(context, 'PATCH', EDIT_PATH, 0, {
		...settings,
		callbacks: { ...callbacksOf(settings), ...changes },
	});
}

/**
 * The value that puts a setting back as it was read before activation. When the account had no URL for it
 * (no key, or `null`), the empty string: the docs type every callback URL as a string and never say that
 * `null` clears one, and "if a parameter could not be recognized or 'fixed', we will ignore it", which would
 * leave this trigger's URL in place.
 * https://dev.octopush.com/en/sms-gateway-api-documentation/api-default-parameters/modify-configuration/
 * https://octopush-api.readme.io/reference/get_public_apiuserget_campaign_parameters ("How Our API Deals With Incorrect Data")
 */
function restoredValue(previous: IDataObject, key: string): IDataObject[string] {
	const value = previous[key];
	return value === undefined || value === null ? '' : value;
}

function failActivation(
	context: IHookFunctions,
	failure: string,
	error: unknown,
	url: string,
	keys: string[],
): NodeOperationError {
	return new NodeOperationError(
		context.getNode(),
		`${failure} (${reasonOf(error)}). ${manualSteps(url, keys)}`,
	);
}

/** True when the account already sends every chosen event to this trigger (always true for Manual registration). */
export async function checkRegistration(context: IHookFunctions): Promise<boolean> {
	const zoneProblem = invalidTimeZoneMessage(
		(context.getNodeParameter('options', {}) as IDataObject).callbackTimeZone,
	);
	if (zoneProblem !== null) throw new NodeOperationError(context.getNode(), zoneProblem);
	if (!isAutomatic(context)) return true;
	// a test listen decides in `create` what it may touch
	if (isTestListen(context)) return false;
	const url = await ourUrl(context);
	const keys = keysFor(context);
	let current: IDataObject;
	try {
		current = callbacksOf(await readSettings(context));
	} catch (error) {
		throw failActivation(
			context,
			"Octopush did not let the trigger read the account's callback URLs",
			error,
			url,
			keys,
		);
	}
	return keys.every((key) => current[key] === url);
}

/** Saves the account's current URLs for the chosen events, then points them at this trigger. */
export async function register(context: IHookFunctions): Promise<boolean> {
	if (!isAutomatic(context)) return true;
	if (isTestListen(context)) return await registerTest(context);
	const url = await ourUrl(context);
	const keys = keysFor(context);
	const staticData = context.getWorkflowStaticData('node');
	const stored = staticData.registration as Registration | undefined;
	try {
		const settings = await readSettings(context);
		const current = callbacksOf(settings);
		const previous: IDataObject = {};
		for (const key of keys) {
			// already pointing at us (an earlier activation): what was there before is what we saved then
			const ours = current[key] === url || pointsAt(stored, current[key]);
			// this node's test URL (a test listen still open): dead once the test ends, so nothing to put back
			if (!ours && isThisNodesUrl(context, current[key])) continue;
			const source = ours ? (stored?.previous ?? {}) : current;
			if (key in source) previous[key] = source[key];
		}
		// settings an earlier activation took but the chosen events no longer need go back now
		const dropped = (stored?.keys ?? []).filter(
			(key) => !keys.includes(key) && pointsAt(stored, current[key]),
		);
		staticData.registration = recordOf(url, keys, previous);
		await writeCallbacks(context, settings, {
			...Object.fromEntries(
				dropped.map((key) => [key, restoredValue(stored?.previous ?? {}, key)]),
			),
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
	// n8n deletes a test webhook like a production one ('internal' mode), with the static data the test's create
	// left: a test record there means this is the end of a test listen, which must never restore production's record
	if (staticData[TEST_RECORD] !== undefined) return await restore(context, TEST_RECORD);
	if (staticData.registration === undefined) return true;
	return await restore(context, 'registration');
}

/**
 * "Test this trigger": points at the test URL only the chosen settings that hold no URL, so the account's live
 * callbacks (an active production workflow, another system) never move. Its own record, so `delete` restores
 * just those, and the production record stays as it was.
 */
async function registerTest(context: IHookFunctions): Promise<boolean> {
	const url = await ourUrl(context);
	const keys = keysFor(context);
	const staticData = context.getWorkflowStaticData('node');
	// recorded first, even when the test changes nothing or fails: the test's delete must find it
	const record = recordOf(url, [], {});
	staticData[TEST_RECORD] = record;
	try {
		const settings = await readSettings(context);
		const current = callbacksOf(settings);
		record.keys = keys.filter(
			(key) => current[key] === undefined || current[key] === null || current[key] === '',
		);
		if (record.keys.length === 0) return true;
		for (const key of record.keys) if (key in current) record.previous[key] = current[key];
		staticData[TEST_RECORD] = { ...record };
		await writeCallbacks(
			context,
			settings,
			Object.fromEntries(record.keys.map((key) => [key, url])),
		);
	} catch (error) {
		throw failActivation(context, 'Octopush did not accept the test URL', error, url, keys);
	}
	return true;
}

/** Puts back what the record in `recordKey` says, for each setting that still points at its URL. */
async function restore(context: IHookFunctions, recordKey: string): Promise<boolean> {
	const staticData = context.getWorkflowStaticData('node');
	const stored = staticData[recordKey] as Registration;
	if (stored.keys.length === 0) {
		delete staticData[recordKey];
		return true;
	}
	try {
		const settings = await readSettings(context);
		const current = callbacksOf(settings);
		const restore = Object.fromEntries(
			stored.keys
				.filter((key) => pointsAt(stored, current[key]))
				.map((key) => [key, restoredValue(stored.previous, key)]),
		);
		if (Object.keys(restore).length > 0) await writeCallbacks(context, settings, restore);
	} catch (error) {
		const previous = stored.keys
			.map(
				(key) =>
					`${KEY_LABELS[key] ?? key}: ${stored.previous[key] ? redactUrl(stored.previous[key], 'HIDDEN') : '(none)'}`,
			)
			.join('; ');
		throw new NodeOperationError(
			context.getNode(),
			`Octopush did not let the trigger restore the previous callback URLs (${reasonOf(error)}). Restore them on the Callbacks page of your Octopush account${previous.includes('HIDDEN') ? ' (HIDDEN stands for the secret each URL had)' : ''}: ${previous}.`,
		);
	}
	delete staticData[recordKey];
	return true;
}
