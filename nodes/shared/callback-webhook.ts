import type {
	IDataObject,
	INodePropertyOptions,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { callbackKey, isRepeat } from './callback-duplicates';
import {
	DEFAULT_DUPLICATE_WINDOW_MINUTES,
	numberOf,
	passesFilters,
	type NormalizeResult,
} from './callback-event';
import { checkCaller, readCallerAuthSettings, type CallerAuthSettings } from './webhook-auth';
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

// The trigger writes its own answer and returns `noWebhookResponse`, so n8n adds nothing to it, and a
// rejected call returns no `workflowData`, so n8n starts no execution.
const answered = (workflowData?: IWebhookResponseData['workflowData']): IWebhookResponseData =>
	workflowData === undefined
		? { noWebhookResponse: true }
		: { noWebhookResponse: true, workflowData };

/**
 * One provider callback: authenticate the caller (401/403), read the body (400), normalize it (400 when it is
 * no callback of this provider, or 200 and nothing more when `normalize` marks it ignored), answer 200 at once,
 * then start an execution unless the callback is a repeat or the filters drop it.
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
		settings = await readCallerAuthSettings(context);
	} catch (error) {
		// a workflow saved with the old caller-authentication parameters, or without its secret credential:
		// refuse every caller (no execution) and say what to change; the message carries no secret
		answer(response, 500, `Internal Server Error: ${(error as Error).message}`);
		return answered();
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
		answer(response, caller.status, caller.message);
		return answered();
	}

	await readUnparsedBody(request);
	const body = readPayload(request, source.acceptForm);
	if (!body.ok) {
		answer(response, 400, `Bad request: ${body.reason}`);
		return answered();
	}
	const normalized = source.normalize(body.payload, receivedAt, options);
	if (!normalized.ok && normalized.ignored === true) {
		context.logger.debug(`${context.getNode().name} ignored a callback: ${normalized.reason}`);
		answer(response, 200);
		return answered();
	}
	if (!normalized.ok) {
		answer(response, 400, `Bad request: ${normalized.reason}`);
		return answered();
	}

	const trigger = `${context.getWorkflow().id ?? ''}:${context.getNode().id}`;
	const repeated = isRepeat(trigger, callbackKey(body.payload), windowMinutes * 60_000, receivedAt);
	answer(response, 200);

	const event = normalized.event;
	if (repeated) return answered();
	if (!filters.events.includes(event.kind)) {
		const { id, name } = context.getNode();
		context.logger.warn(notListenedToMessage(name, event.kind, source.events), {
			workflowId: context.getWorkflow().id,
			nodeId: id,
			eventKind: event.kind,
		});
		return answered();
	}
	if (!passesFilters(event, filters)) return answered();
	return answered([context.helpers.returnJsonArray([{ ...event }])]);
}
