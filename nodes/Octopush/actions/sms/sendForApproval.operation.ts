import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	asNodeError,
	calledInline,
	cannotWaitInline,
	onlyItem,
	timeLimitField,
	timeLimitMsOf,
	waitForCallback,
	type Operation,
} from '../../../shared/action/execute';
import { invalid } from '../../../shared/http';
import { phoneNumberOf } from '../../../shared/action/phone-number';
import { defaultCountryOf, defaultCountryOption, optionsCollection } from '../../../shared/fields';
import { senderField } from '../../helpers/fields';
import { requestIds } from '../../helpers/frames';
import { assertBody, smsCampaignSendBody } from '../../transport/contract';
import { octopushRequest, ticketOf } from '../../transport';

/**
 * Sends one SMS (POST /sms-campaign/send, https://dev.octopush.com/en/sms-gateway-api-documentation/scheduled-sms-sending)
 * whose text ends with a link to this execution's approval page, and waits until the person approves or declines
 * there, or the Time Limit passes. The page and why its link is signed: ../../helpers/approval.ts.
 */

const OPERATION_NAME = 'Send for Approval';
const LINK_TEXT = 'Approve or decline:';

const description: INodeProperties[] = [
	senderField,
	{
		displayName: 'To',
		name: 'to',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +33612345678',
		description:
			"The approver's mobile number, in international format (E.164, e.g. +33612345678); a national number with Options → Default Country",
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
		placeholder: 'e.g. Refund 120 euros to order 4411?',
		description:
			'What the person is asked to approve. The SMS ends with a link to a page where they approve or decline (the link adds about 130 characters: the SMS is sent in 2 parts or more).',
	},
	timeLimitField,
	optionsCollection([
		defaultCountryOption('06 12 34 56 78 in France'),
		{
			displayName: 'Link Text',
			name: 'linkText',
			type: 'string',
			default: LINK_TEXT,
			description: 'The words before the link, at the end of the SMS',
		},
		{
			displayName: 'Approve Button Label',
			name: 'approveLabel',
			type: 'string',
			default: 'Approve',
		},
		{
			displayName: 'Decline Button Label',
			name: 'declineLabel',
			type: 'string',
			default: 'Decline',
		},
	]),
];

export const sendForApproval: Operation = {
	description,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		onlyItem(this, items, OPERATION_NAME, 'send the requests with SMS → Send Campaign');
		// no page can resume a run that does not wait (a tool's Execute step): refused before anything is sent
		if (calledInline(this)) throw cannotWaitInline(this, OPERATION_NAME, 'Octopush');
		const itemIndex = 0;
		let onTimeout: IDataObject;
		try {
			onTimeout = await sendApprovalSms(this, itemIndex);
		} catch (error) {
			throw asNodeError(this, error as Error, itemIndex);
		}
		return await waitForCallback(this, timeLimitMsOf(this, itemIndex), onTimeout);
	},
};

/** Checks and sends the approval SMS of `itemIndex`; returns what the node outputs at the Time Limit. */
async function sendApprovalSms(
	context: IExecuteFunctions,
	itemIndex: number,
): Promise<IDataObject> {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const to = phoneNumberOf(
		context,
		itemIndex,
		'To',
		context.getNodeParameter('to', itemIndex, ''),
		defaultCountryOf(options),
	);
	const message = String(context.getNodeParameter('message', itemIndex, '') ?? '').trim();
	if (message === '') {
		throw invalid(
			context,
			itemIndex,
			'Message',
			'is empty: write what the person is asked to approve, in a Human review gate for example with {{ $tool.name }} and {{ $tool.parameters }}',
		);
	}
	const linkText =
		typeof options.linkText === 'string' && options.linkText.trim() !== ''
			? options.linkText.trim()
			: LINK_TEXT;
	const sender = String(context.getNodeParameter('sender', itemIndex, '') ?? '').trim();
	const body: IDataObject = {
		text: `${message}\n${linkText} ${context.getSignedResumeUrl()}`,
		recipients: [{ phone_number: to }],
		// premium: the fast route (low cost is "slower, no replies"); an approval is transactional (alert)
		type: 'sms_premium',
		purpose: 'alert',
		...(sender === '' ? {} : { sender }),
		// the same on a retry within this execution, so Octopush drops a repeat (24 h)
		request_id: requestIds(context, '', 'approval', 1)[0],
	};
	assertBody(context, smsCampaignSendBody, body, itemIndex);
	const sent = await octopushRequest(context, 'POST', '/sms-campaign/send', itemIndex, body);
	return {
		approved: false,
		reason: 'timedOut',
		to,
		ticket: ticketOf(sent) ?? null,
		sentAt: new Date().toISOString(),
	};
}
