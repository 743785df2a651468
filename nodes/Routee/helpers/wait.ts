import {
	NodeApiError,
	NodeOperationError,
	sleep,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type IWebhookDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import {
	asNodeError,
	calledInline,
	cannotWaitInline,
	onlyItem,
	timeLimitMsOf,
	waitForCallback,
} from '../../shared/action/execute';
import { copyOptions, textOf, toNumberOf } from './fields';
import { routeeRequest, voiceTracking } from '../transport';

/**
 * "Call and Wait" / "Wait for Delivery" / "Call for Approval": the node sends with Routee's callbacks pointed at this execution's resume
 * URL, puts the execution to wait, and `webhook()` below decides per callback whether the execution resumes. Why
 * these operation values and why the form-waiting address: docs/design-notes.md, "Waiting for a Routee callback".
 */

/**
 * The node's one webhook: n8n's waiting webhook (`restartWebhook`), served under /webhook-waiting/<execution id> only
 * while an execution of this node waits; nothing is registered with Routee or activated with the workflow. Declared
 * as a constant like n8n's own "Send and Wait" nodes declare theirs (nodes-base utils/sendAndWait/descriptions.ts).
 */
export const waitWebhooks: IWebhookDescription[] = [
	{
		name: 'default',
		httpMethod: 'POST',
		responseMode: 'onReceived',
		path: '',
		restartWebhook: true,
		// served under /form-waiting/<execution id> (see above: a late repeat gets 200, not 409)
		nodeType: 'form',
	},
];

/** The resume URL of this execution; the token it carries is never logged nor output. */
export function resumeUrlOf(context: IExecuteFunctions): string {
	const url = context.evaluateExpression('{{ $execution.resumeFormUrl }}', 0);
	if (typeof url !== 'string' || !/^https?:\/\//.test(url)) {
		throw new NodeOperationError(
			context.getNode(),
			'This execution has no resume URL to give Routee',
			{
				description:
					'Waiting for a callback needs an n8n execution that can wait (a saved workflow run in n8n). Set WEBHOOK_URL to the public address of n8n so that Routee can reach it.',
			},
		);
	}
	return url;
}

/**
 * The machineDetection eventUrl of a "Call and Wait": the resume URL marked as the machine event, carrying the SAY
 * message to answer it with (evaluated here, where the input item is known; the webhook has no input item).
 */
export function machineEventUrl(resumeUrl: string, voicemail: IDataObject): string {
	const url = new URL(resumeUrl);
	url.searchParams.set(MACHINE_EVENT, Buffer.from(JSON.stringify(voicemail)).toString('base64url'));
	return url.toString();
}

/** The query parameter that marks the machine event and carries the voicemail's SAY message. */
const MACHINE_EVENT = 'machine';

/**
 * The conversation of Call and Wait and Call for Approval: call the To number, SAY `text` in the chosen voice, COLLECT
 * keys (https://docs.routee.net/reference/collect-verb) to this execution's resume URL, which also gets the call's
 * final status (OnCompletion); Hang-up Delay and Max Duration from the Options.
 */
export function keyPressConversation(
	context: IExecuteFunctions,
	itemIndex: number,
	resumeUrl: string,
	options: IDataObject,
	text: unknown,
	collect: { maxDigits: unknown; submitOnHash: unknown },
): { body: IDataObject; to: string; say: IDataObject } {
	const gender = context.getNodeParameter('gender', itemIndex, '') as string;
	const say: IDataObject = {
		type: 'SAY',
		message: {
			text,
			language: context.getNodeParameter('language', itemIndex),
			// Routee's Default: no gender (optional, https://docs.routee.net/reference/say-verb)
			...(gender === '' ? {} : { gender }),
		},
		repeat: 0,
		bargeIn: true,
	};
	const to = toNumberOf(context, itemIndex, options);
	const body: IDataObject = {
		to: { phone: to },
		from: textOf(context, itemIndex, 'from'),
		dialPlan: { verbs: [say, { type: 'COLLECT', eventUrl: resumeUrl, ...collect }] },
		callback: { url: resumeUrl, strategy: 'OnCompletion' },
	};
	copyOptions(options, body, { hangupDelay: 'hangupDelay', maxDuration: 'maxDuration' });
	return { body, to, say };
}

/**
 * The skeleton of Call and Wait, Send and Wait for Delivery and Call for Approval (as n8n's utils/sendAndWait
 * serves its nodes): one input item; `send` builds, checks and sends the request for item 0 with the provider's
 * callbacks pointed at `resumeUrl` (a failure is the node's error for that item) and returns what the output says
 * if no callback arrives within the Time Limit; then the execution waits.
 *
 * Called inline (see `calledInline`), the run cannot wait for a callback: `sendInline` sends without callbacks and
 * finds out the outcome itself within the Time Limit; an operation without it is refused before anything is sent,
 * rather than outputting an outcome nobody observed.
 */
export async function sendThenWait(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	operationName: string,
	send: (itemIndex: number, resumeUrl: string) => Promise<IDataObject>,
	sendInline?: (itemIndex: number, timeLimitMs: number) => Promise<IDataObject>,
): Promise<INodeExecutionData[]> {
	onlyItem(
		context,
		items,
		operationName,
		'use the operation without "and Wait" together with a Routee Trigger',
	);
	const itemIndex = 0;
	const timeLimitMs = timeLimitMsOf(context, itemIndex);
	if (calledInline(context)) {
		if (sendInline === undefined) throw cannotWaitInline(context, operationName, 'Routee');
		try {
			return [{ json: await sendInline(itemIndex, timeLimitMs), pairedItem: { item: 0 } }];
		} catch (error) {
			throw asNodeError(context, error as Error, itemIndex);
		}
	}
	let onTimeout: IDataObject;
	try {
		onTimeout = await send(itemIndex, resumeUrlOf(context));
	} catch (error) {
		throw asNodeError(context, error as Error, itemIndex);
	}
	return await waitForCallback(context, timeLimitMs, onTimeout);
}

/**
 * The statuses that end a waiting Call and Wait. "Unknown" is among them though the docs disagree whether it is final
 * ("Unknown (Intermediate)" at https://docs.routee.net/docs/voice-messaging-statuses, "Unknown (Final)" in the http copy
 * of the same page): the node sets the call's callback strategy to OnCompletion, the final status only
 * (https://docs.routee.net/reference/perform-a-voice-conversation), so what arrives here is the end of the call; a call
 * that ends "Unknown" would otherwise keep the execution waiting until its time limit.
 */
const VOICE_FINAL = ['Completed', 'Busy', 'NoAnswer', 'Failed', 'Unsent', 'Terminated', 'Unknown'];
const SMS_FINAL = ['Delivered', 'Undelivered', 'Failed', 'Unsent'];

function statusNameOf(body: IDataObject): string | undefined {
	const status = body.status;
	if (typeof status === 'string') return status;
	if (
		typeof status === 'object' &&
		status !== null &&
		typeof (status as IDataObject).name === 'string'
	) {
		return (status as IDataObject).name as string;
	}
	return undefined;
}

/** Answered 200, the execution keeps waiting. */
const KEEP_WAITING: IWebhookResponseData = { webhookResponse: '' };

function resume(json: IDataObject): IWebhookResponseData {
	return { workflowData: [[{ json, pairedItem: { item: 0 } }]] };
}

/**
 * A callback of a waiting "Call and Wait for Key Press". The COLLECT event (keys) comes while the call goes on and is
 * answered at once; the execution resumes on the conversation's final status (callback strategy OnCompletion), with
 * the keys read from the call's tracking, so that no callback arrives after the execution finished (n8n answers those
 * 409, which Routee would retry).
 */
export async function voiceWaitWebhook(context: IWebhookFunctions): Promise<IWebhookResponseData> {
	const body = (context.getBodyData() ?? {}) as IDataObject;
	const voicemail = (context.getQueryData() as IDataObject)[MACHINE_EVENT];
	if (typeof voicemail === 'string') return machineAnswered(context, body, voicemail);
	const status = statusNameOf(body);
	if (status === undefined || !VOICE_FINAL.includes(status)) return KEEP_WAITING;
	const messageId = typeof body.messageId === 'string' ? body.messageId : undefined;
	const answered =
		status === 'Completed' || (status === 'Terminated' && Number(body.duration ?? 0) > 0);
	let digits = '';
	if (messageId !== undefined && answered) {
		const tracking = await voiceTracking(context, messageId, 0);
		digits = typeof tracking.digits === 'string' ? tracking.digits : '';
	}
	const statusObject = (
		typeof body.status === 'object' && body.status !== null ? body.status : {}
	) as IDataObject;
	return resume({
		digits,
		keyPressed: digits !== '',
		answered,
		machineDetected: false,
		status,
		timedOut: false,
		to: body.to ?? null,
		from: body.from ?? null,
		messageId: messageId ?? null,
		trackingId: body.conversationTrackingId ?? null,
		duration: body.duration ?? null,
		price: body.price ?? null,
		endedAt: statusObject.updatedDate ?? null,
	});
}

/**
 * An answering machine picked up (machineDetection strategy Continue): answer the dialplan Routee runs instead of the
 * rest of the call (the voicemail, https://docs.routee.net/reference/perform-a-voice-conversation: "A valid dialplan is
 * expected as response") and resume at once. The call's final status arrives after the execution finished; n8n
 * answers it 200 (see above).
 */
function machineAnswered(
	context: IWebhookFunctions,
	body: IDataObject,
	voicemail: string,
): IWebhookResponseData {
	let message: IDataObject;
	try {
		message = JSON.parse(Buffer.from(voicemail, 'base64url').toString('utf8')) as IDataObject;
	} catch {
		return KEEP_WAITING;
	}
	// answered here: when a waiting webhook resumes the execution, n8n's onReceived answer is not the node's
	// webhookResponse (n8n 2.35.7/2.40.7 send their responseData default, the text "firstEntryJson")
	const response = context.getResponseObject();
	response.writeHead(200, { 'content-type': 'application/json' });
	response.end(JSON.stringify({ verbs: [{ type: 'SAY', message, repeat: 0, bargeIn: false }] }));
	return {
		noWebhookResponse: true,
		workflowData: [
			[
				{
					json: {
						digits: '',
						keyPressed: false,
						answered: false,
						machineDetected: true,
						status: 'MachineDetected',
						timedOut: false,
						to: body.to ?? null,
						from: body.from ?? null,
						messageId: body.messageId ?? null,
						trackingId: body.conversationTrackingId ?? null,
					},
					pairedItem: { item: 0 },
				},
			],
		],
	};
}

/**
 * A callback of a waiting "Call for Approval" (operation value `sendAndWait`): Call and Wait's webhook above, whose
 * outcome becomes the answer: `approved` only when the first key pressed is 1. n8n's Human review gate reads
 * `approved` (a boolean) and runs the gated tool only when it is true.
 *
 * The value `sendAndWait` changes nothing for these callbacks: n8n 2.35.7 and 2.40.7 (`webhooks/waiting-webhooks.js`
 * `isSendAndWaitRequest`) serve a signed, per-node URL and HTML pages only for a resume URL whose path ends in the
 * node's ID (n8n's own Send and Wait links); this node gives Routee `$execution.resumeFormUrl`, which has no such
 * suffix, so /form-waiting checks the execution's resume token and answers a late repeat 200 as for Call and Wait.
 */
export async function approvalWaitWebhook(
	context: IWebhookFunctions,
): Promise<IWebhookResponseData> {
	const answer = await voiceWaitWebhook(context);
	const item = answer.workflowData?.[0]?.[0];
	if (item === undefined) return answer;
	const { machineDetected, ...outcome } = item.json;
	return {
		...answer,
		workflowData: [
			[{ ...item, json: { ...approvalOf(outcome, machineDetected === true), ...outcome } }],
		],
	};
}

/** The key that approves; any other key, or none, declines. */
export const APPROVE_KEY = '1';

/** The answer of a finished call: approved, and why not otherwise. */
function approvalOf(
	outcome: IDataObject,
	machineDetected: boolean,
): { approved: boolean; reason: string } {
	if (machineDetected) return { approved: false, reason: 'machineDetected' };
	if (outcome.answered !== true) return { approved: false, reason: 'notAnswered' };
	const first = typeof outcome.digits === 'string' ? outcome.digits.charAt(0) : '';
	if (first === APPROVE_KEY) return { approved: true, reason: 'approved' };
	return { approved: false, reason: first === '' ? 'noKeyPressed' : 'declined' };
}

/** A callback of a waiting "Send and Wait for Delivery": resumes on the message's final status. */
export function smsWaitWebhook(context: IWebhookFunctions): IWebhookResponseData {
	const body = (context.getBodyData() ?? {}) as IDataObject;
	const status = statusNameOf(body);
	if (status === undefined || !SMS_FINAL.includes(status)) return KEEP_WAITING;
	// a long SMS has one callback per part (`part` of `parts`): the last part resumes, so that no part's callback
	// arrives after the execution finished (parts arriving out of order still can: n8n answers those 409)
	if (typeof body.part === 'number' && typeof body.parts === 'number' && body.part < body.parts)
		return KEEP_WAITING;
	return resume(deliveryOutcome(body, status));
}

/** What Send and Wait for Delivery outputs for a part's final status (its callback, or its tracking entry). */
function deliveryOutcome(part: IDataObject, status: string): IDataObject {
	const statusObject = (
		typeof part.status === 'object' && part.status !== null ? part.status : {}
	) as IDataObject;
	return {
		delivered: status === 'Delivered',
		status,
		isFinal: true,
		reason: statusObject.reason ?? part.reason ?? null,
		timedOut: false,
		to: part.to ?? null,
		from: part.from ?? null,
		messageId: part.messageId ?? null,
		trackingId: part.trackingId ?? part.messageId ?? null,
		parts: part.parts ?? null,
		price: part.price ?? null,
		deliveredAt: statusObject.date ?? statusObject.updatedDate ?? null,
	};
}

/** The first wait between two reads of an SMS's tracking; each next wait doubles, up to `POLL_MAX_MS`. */
const POLL_FIRST_MS = 1000;
const POLL_MAX_MS = 10_000;

/**
 * Send and Wait for Delivery called inline (a tool's Execute step): there is no execution to resume, so the node
 * reads the message's tracking (GET /sms/tracking/single/{messageId}, https://docs.routee.net/reference/smstrackingsingle,
 * one entry per part) until every part has a final status, or the Time Limit passes. Outputs what the callback would
 * have resumed with: the first part that was not delivered decides (else the last part); at the time limit, the
 * last status read, with `timedOut: true`.
 */
export async function pollDelivery(
	context: IExecuteFunctions,
	itemIndex: number,
	messageId: string,
	timeLimitMs: number,
	onTimeout: IDataObject,
): Promise<IDataObject> {
	const deadline = Date.now() + timeLimitMs;
	const cancelled = context.getExecutionCancelSignal?.();
	let lastStatus: unknown = onTimeout.status;
	for (let wait = POLL_FIRST_MS; ; wait = Math.min(wait * 2, POLL_MAX_MS)) {
		const left = deadline - Date.now();
		if (left <= 0 || cancelled?.aborted === true) break;
		await sleep(Math.min(wait, left));
		let answer: IDataObject;
		try {
			answer = await routeeRequest(context, 'GET', `/sms/tracking/single/${messageId}`, itemIndex);
		} catch (error) {
			// a message Routee has not tracked yet may be unknown to tracking for a moment: read again
			if (error instanceof NodeApiError && error.httpCode === '404') continue;
			throw sentButUnread(error as Error, messageId);
		}
		const parts = (Array.isArray(answer) ? answer : []) as IDataObject[];
		const statuses = parts.map(statusNameOf);
		if (parts.length > 0) lastStatus = statuses[statuses.length - 1];
		if (parts.length === 0 || !statuses.every((s) => s !== undefined && SMS_FINAL.includes(s)))
			continue;
		const notDelivered = statuses.findIndex((s) => s !== 'Delivered');
		const deciding = notDelivered === -1 ? parts.length - 1 : notDelivered;
		return deliveryOutcome(parts[deciding], statuses[deciding] as string);
	}
	return {
		...onTimeout,
		status: lastStatus ?? null,
		timedOut: true,
		waitedUntil: new Date(deadline).toISOString(),
	};
}

/** A failed read of the tracking after the SMS was accepted: the error says so, so that nobody sends it again. */
function sentButUnread(error: Error, messageId: string): Error {
	const sent = `The SMS was sent (message ID ${messageId}); only reading its delivery status failed, so its outcome is unknown. Check it with SMS → Get Message Tracking rather than sending it again.`;
	const withDescription = error as Error & { description?: string | null };
	withDescription.description = [sent, withDescription.description].filter(Boolean).join(' ');
	return error;
}
