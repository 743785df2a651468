import type {
	IDataObject,
	INodeExecutionData,
	INodePropertyOptions,
	IWebhookDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { callbackKey, claimCallback, type CallbackClaim } from './callback-duplicates';
import {
	DEFAULT_DUPLICATE_WINDOW_MINUTES,
	numberOf,
	passesFilters,
	type NormalizeResult,
} from './callback-event';
import { checkCaller, type CallerAuthSettings } from './webhook-auth';
import {
	answer,
	readPayload,
	readUnparsedBody,
	type WebhookRequest,
	type WebhookResponse,
} from './webhook-request';

interface CallbackSource {
	/** Whether a form-encoded body is a valid callback (Octopush may send one; Routee sends JSON). */
	acceptForm: boolean;
	normalize(payload: IDataObject, receivedAtMs: number, options: IDataObject): NormalizeResult;
	/** The trigger's Events options, to name a kind it received but does not listen to. */
	events: INodePropertyOptions[];
	/** How callers are authenticated (throws what to change when the node's settings cannot be used). */
	callerAuthSettings(context: IWebhookFunctions): Promise<CallerAuthSettings>;
	/** The event as the workflow gets it: whatever the trigger adds to it before the execution starts. */
	complete(context: IWebhookFunctions, item: INodeExecutionData): Promise<INodeExecutionData[]>;
}

/**
 * The log line for a callback of a kind the trigger's Events leave out. Without it such a callback (e.g. SMS
 * statuses sent to a trigger that listens to voice events) would be answered 200 and start nothing, silently.
 */
function notListenedToMessage(
	nodeName: string,
	kind: string,
	events: INodePropertyOptions[],
): string {
	const name = events.find((event) => event.value === kind)?.name ?? kind;
	return `${nodeName} received a callback of a kind its Events setting does not include: "${name}" (${kind}). No execution was started; to start the workflow on these callbacks, add "${name}" to the node's Events.`;
}

/** Said in n8n's log (the caller only gets 403): the likely cause when the secret is one the trigger generated. */
function staleGeneratedSecretMessage(nodeName: string): string {
	return `${nodeName} refused a callback with a wrong token. The URL it registers carries a secret generated from the API key of its credential: if that key changed since the workflow was activated, deactivate and activate the workflow to register the URL with the new secret.`;
}

/**
 * A call that starts nothing: the trigger writes the answer itself and returns `noWebhookResponse` with no
 * `workflowData`, so n8n adds nothing and starts no execution.
 */
function answeredHere(
	response: WebhookResponse,
	status: number,
	message = '',
): IWebhookResponseData {
	answer(response, status, message);
	return { noWebhookResponse: true };
}

/**
 * A call that starts an execution: n8n answers it (200, empty body: the webhook's `responseData: 'noData'`), and
 * n8n 2.40 does so only once it has recorded the execution (webhook-helpers, `shouldDeferOnReceivedResponse`),
 * as for its own Webhook node. A trigger that answered first would acknowledge callbacks n8n has not recorded
 * yet: under a burst they outrun n8n's database, and a crash loses what the provider was told it delivered.
 * The claim on the callback's repeat key is settled with n8n's answer: recorded when n8n answered 2xx.
 */
function startedByN8n(
	response: WebhookResponse,
	claim: Extract<CallbackClaim, { repeat: false }>,
	workflowData: NonNullable<IWebhookResponseData['workflowData']>,
): IWebhookResponseData {
	response.once('finish', () =>
		claim.settle(response.statusCode >= 200 && response.statusCode < 300),
	);
	// closed without a whole answer (the provider gave up, n8n failed): a retry must start an execution
	response.once('close', () => claim.settle(false));
	return { workflowData };
}

/**
 * A trigger's one webhook. n8n answers an accepted callback with 200 and an empty body once it has recorded the
 * execution (`responseData: 'noData'`); the answers that start nothing are written by `receiveCallback`.
 */
export const CALLBACK_WEBHOOKS: IWebhookDescription[] = [
	{
		name: 'default',
		httpMethod: 'POST',
		responseMode: 'onReceived',
		responseData: 'noData',
		path: 'webhook',
	},
];

/**
 * One provider callback: authenticate the caller (401/403), read the body (413, 400), normalize it (400 when it is
 * no callback of this provider: the same rule for both triggers), then start an execution, which n8n answers
 * once it has recorded it, unless the callback is a repeat, of a kind the Events leave out or filtered out
 * (200 at once, nothing started).
 */
export async function receiveCallback(
	context: IWebhookFunctions,
	source: CallbackSource,
): Promise<IWebhookResponseData> {
	const request = context.getRequestObject() as WebhookRequest;
	const response = context.getResponseObject() as WebhookResponse;
	const receivedAt = Date.now();

	// every parameter is read before answering, so a failing expression is an error answer, not a lost callback
	let settings: CallerAuthSettings;
	try {
		settings = await source.callerAuthSettings(context);
	} catch (error) {
		// a workflow saved with the old caller-authentication parameters, or without its secret credential:
		// refuse every caller (no execution) and say what to change; the message carries no secret
		return answeredHere(response, 500, `Internal Server Error: ${(error as Error).message}`);
	}
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const filters = {
		events: context.getNodeParameter('events', []) as string[],
		statuses: (options.statuses as string[] | undefined) ?? [],
		finalOnly: options.finalOnly === true,
	};
	const windowMinutes =
		numberOf(options.duplicateWindowMinutes) ?? DEFAULT_DUPLICATE_WINDOW_MINUTES;

	const caller = checkCaller(settings, request);
	if (!caller.ok) {
		if (caller.status === 403 && settings.method === 'queryToken' && settings.generated === true)
			context.logger.warn(staleGeneratedSecretMessage(context.getNode().name), {
				workflowId: context.getWorkflow().id,
			});
		return answeredHere(response, caller.status, caller.message);
	}

	const read = await readUnparsedBody(request);
	if (!read.ok) return answeredHere(response, read.status, read.reason);
	const body = readPayload(request, source.acceptForm);
	if (!body.ok) return answeredHere(response, 400, `Bad request: ${body.reason}`);
	const normalized = source.normalize(body.payload, receivedAt, options);
	if (!normalized.ok) return answeredHere(response, 400, `Bad request: ${normalized.reason}`);

	const event = normalized.event;
	if (!filters.events.includes(event.kind)) {
		const { id, name } = context.getNode();
		context.logger.warn(notListenedToMessage(name, event.kind, source.events), {
			workflowId: context.getWorkflow().id,
			nodeId: id,
			eventKind: event.kind,
		});
		return answeredHere(response, 200);
	}
	if (!passesFilters(event, filters)) return answeredHere(response, 200);

	const trigger = `${context.getWorkflow().id ?? ''}:${context.getNode().id}`;
	const claim = await claimCallback(trigger, callbackKey(body.payload), windowMinutes * 60_000);
	if (claim.repeat) return answeredHere(response, 200);
	let items: INodeExecutionData[] | undefined;
	try {
		items = await source.complete(context, { json: { ...event } });
	} finally {
		// it failed: n8n answers 500 and records nothing, so a retry must not be dropped as a repeat
		if (items === undefined) claim.settle(false);
	}
	return startedByN8n(response, claim, [items]);
}
