import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/fields';
import { invalid } from '../../../shared/http';
import { conversationBody, assertBody } from '../../transport/contract';
import {
	defaultCountryOption,
	phoneToField,
	optionsOf,
	textOf,
	callHangupDelayOption,
	maxDurationOption,
	voiceSenderField,
	sayGenderField,
	sayLanguageField,
} from '../../helpers/fields';
import { keyPressConversation, sendThenWait } from '../../helpers/wait';
import { timeLimitField, type Operation } from '../../../shared/action/execute';
import { startConversationRequest } from '../../transport';

/**
 * Voice → Call for Approval, operation value `sendAndWait` (n8n's SEND_AND_WAIT_OPERATION), so that n8n also offers
 * this node as a "Human review" gate for an AI agent's tools (n8n 2.40.7 `dist/tool-generation/hitl-tools.js`). The
 * gate hides Resource and Operation, replaces the field named `message` with its own "Message" (what the agent wants
 * to run) and keeps the other fields; the agent runs the gated tool only when the output has `approved: true`
 * (`@n8n/n8n-nodes-langchain` `utils/agent-execution/processHitlResponses.js`).
 *
 * Calls one number, says the message and the approval prompt, collects one key and waits in this execution like Call
 * and Wait (../../helpers/wait.ts, which also says why the resume URL stays the form-waiting one for this value).
 */
const description: INodeProperties[] = [
	voiceSenderField,
	{
		...phoneToField,
		description:
			"The phone number of the person who approves, in E.164 format, + then the country code and number, such as +306948530920 (national formats work with the 'Default Country' option)",
	},
	{
		displayName: 'Message',
		// `message`: the name n8n's Human review gate gives its own Message field, which replaces this one there
		name: 'message',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
		placeholder: 'e.g. Refund of 120 euros to order 4411 is waiting for your approval.',
		description:
			'What the voice says first: what is to be approved. The approval prompt follows it.',
	},
	{
		displayName: 'Approval Prompt',
		name: 'approvalPrompt',
		type: 'string',
		typeOptions: { rows: 2 },
		default: 'Press 1 to approve, or 2 to decline.',
		description:
			'What the voice says after the message, before it listens for one key. Only the key 1 approves; any other key, no key or an unanswered call declines.',
	},
	sayLanguageField,
	sayGenderField,
	timeLimitField,
	optionsCollection([callHangupDelayOption, maxDurationOption, defaultCountryOption]),
];

/** The fields of the panel that the body holds in its dial plan (the panel shows no verbs). */
const CALL_FOR_APPROVAL_FIELDS: Record<string, string> = {
	'dialPlan.verbs.0.message.text': 'message',
	'dialPlan.verbs.0.message.language': 'language',
	'dialPlan.verbs.0.message.gender': 'gender',
};

export const callForApproval: Operation = {
	description,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await sendThenWait(this, items, 'Call for Approval', async (itemIndex, resumeUrl) => {
			const options = optionsOf(this, itemIndex);
			const message = textOf(this, itemIndex, 'message');
			if (typeof message !== 'string' || message === '') {
				throw invalid(
					this,
					itemIndex,
					'Message',
					'is empty: write what the person is asked to approve, in a Human review gate for example with {{ $tool.name }} and {{ $tool.parameters }}',
				);
			}
			const prompt = textOf(this, itemIndex, 'approvalPrompt');
			// one key: the answer is the first key pressed
			const { body, to } = keyPressConversation(
				this,
				itemIndex,
				resumeUrl,
				options,
				typeof prompt === 'string' && prompt !== '' ? `${message}\n${prompt}` : message,
				{ maxDigits: 1, submitOnHash: true },
			);
			assertBody(this, conversationBody, body, itemIndex, CALL_FOR_APPROVAL_FIELDS);
			const started = await startConversationRequest(this, itemIndex, body);
			return {
				approved: false,
				reason: 'timedOut',
				digits: '',
				keyPressed: false,
				answered: false,
				// no final status reached n8n within the Time Limit ("Unknown" is a status Routee reports)
				status: null,
				to,
				trackingId: started.trackingId ?? null,
				startedAt: new Date().toISOString(),
			};
		});
	},
};
