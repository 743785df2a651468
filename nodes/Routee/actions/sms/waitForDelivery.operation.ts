import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { optionsCollection } from '../../../shared/fields';
import { singleSmsBody, assertBody } from '../../transport/contract';
import {
	defaultCountryOption,
	flashOption,
	phoneToField,
	transcodeOption,
	ttlOption,
	copyOptions,
	optionsOf,
	textOf,
	toNumberOf,
} from '../../helpers/fields';
import { routeeRequest } from '../../transport';
import { pollDelivery, sendThenWait } from '../../helpers/wait';
import { timeLimitField, type Operation } from '../../../shared/action/execute';
import { checkSmsParts, maxPartsOption, partsHint } from '../../helpers/sms-parts';
import { smsBodyField, smsSenderField } from './fields';

/**
 * Sends one SMS (POST /sms, https://docs.routee.net/reference/send-single-sms) with its callback (strategy
 * OnCompletion: only the final status) pointing at this execution's resume URL, and waits in this execution for the
 * final delivery status; see ../../helpers/wait.ts for how it resumes.
 */
const description: INodeProperties[] = [
	smsSenderField,
	phoneToField,
	{ ...smsBodyField, description: 'The message' },
	timeLimitField,
	optionsCollection([
		flashOption,
		ttlOption,
		transcodeOption,
		maxPartsOption,
		defaultCountryOption,
	]),
];

export const waitForDelivery: Operation = {
	description,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		/** Checks and sends the SMS of `itemIndex`, with its final status to `callbackUrl` if given; what it output at once. */
		const sendSms = async (itemIndex: number, callbackUrl?: string): Promise<IDataObject> => {
			const options = optionsOf(this, itemIndex);
			const to = toNumberOf(this, itemIndex, options);
			const body: IDataObject = {
				from: textOf(this, itemIndex, 'from'),
				to,
				body: textOf(this, itemIndex, 'body', false),
			};
			if (callbackUrl !== undefined) body.callback = { url: callbackUrl, strategy: 'OnCompletion' };
			copyOptions(options, body, { flash: 'flash', ttl: 'ttl', transcode: 'transcode' });
			assertBody(this, singleSmsBody, body, itemIndex);
			const size = checkSmsParts(this, itemIndex, String(body.body), options);
			const hint = partsHint([{ itemIndex, size }]);
			if (hint !== undefined) this.addExecutionHints({ message: hint, location: 'outputPane' });
			const sent = await routeeRequest(this, 'POST', '/sms', itemIndex, body);
			return {
				delivered: false,
				status: sent.status ?? 'Queued',
				isFinal: false,
				reason: null,
				to,
				messageId: sent.trackingId ?? null,
				trackingId: sent.trackingId ?? null,
				sentAt: sent.createdAt ?? new Date().toISOString(),
			};
		};
		return await sendThenWait(
			this,
			items,
			'Send and Wait for Delivery',
			sendSms,
			// called inline (a tool's Execute step): no callback, the tracking is read instead
			async (itemIndex, timeLimitMs) => {
				const sent = await sendSms(itemIndex);
				if (typeof sent.messageId !== 'string') return { ...sent, timedOut: true };
				return await pollDelivery(this, itemIndex, sent.messageId, timeLimitMs, sent);
			},
		);
	},
};
