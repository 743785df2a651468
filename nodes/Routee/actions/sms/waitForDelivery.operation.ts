import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { defaultCountryOf, optionsCollection } from '../../../shared/fields';
import { asNodeError } from '../../../shared/action/execute';
import type { Operation } from '../../../shared/action/router';
import { singleSmsBody } from '../../transport/contract';
import {
	defaultCountryOption,
	flashOption,
	phoneToField,
	transcodeOption,
	ttlOption,
} from '../../helpers/fields';
import { copyOptions, optionsOf, phoneNumberOf, textOf } from '../../helpers/read';
import { routeeRequest } from '../../transport';
import { assertBody } from '../../helpers/validate';
import { onlyItem, resumeUrlOf, timeLimitField, waitForCallback } from '../../helpers/wait';
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
	optionsCollection([flashOption, ttlOption, transcodeOption, defaultCountryOption]),
];

export const waitForDelivery: Operation = {
	description,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		onlyItem(this, items, 'Send and Wait for Delivery');
		const itemIndex = 0;
		const options = optionsOf(this, itemIndex);
		const to = phoneNumberOf(
			this,
			itemIndex,
			'To',
			textOf(this, itemIndex, 'to'),
			defaultCountryOf(options),
		);
		const body: IDataObject = {
			from: textOf(this, itemIndex, 'from'),
			to,
			body: textOf(this, itemIndex, 'body', false),
			callback: { url: resumeUrlOf(this), strategy: 'OnCompletion' },
		};
		copyOptions(options, body, { flash: 'flash', ttl: 'ttl', transcode: 'transcode' });
		assertBody(this, singleSmsBody, body, itemIndex);
		let sent: IDataObject;
		try {
			sent = await routeeRequest(this, 'POST', '/sms', itemIndex, body);
		} catch (error) {
			throw asNodeError(this, error as Error, itemIndex);
		}
		return await waitForCallback(
			this,
			this.getNodeParameter('timeLimitMinutes', itemIndex, 10) as number,
			{
				delivered: false,
				status: sent.status ?? 'Queued',
				isFinal: false,
				reason: null,
				to,
				messageId: sent.trackingId ?? null,
				trackingId: sent.trackingId ?? null,
				sentAt: sent.createdAt ?? new Date().toISOString(),
			},
		);
	},
};
