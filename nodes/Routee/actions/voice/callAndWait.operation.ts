import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { optionsCollection } from '../../../shared/fields';
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
import { keyPressConversation, machineEventUrl, sendThenWait } from '../../helpers/wait';
import { timeLimitField, type Operation } from '../../../shared/action/execute';
import { startConversationRequest } from '../../transport';

/**
 * Calls one number, says the prompt, collects keys (COLLECT, https://docs.routee.net/reference/collect-verb) and waits
 * in this execution for the outcome: POST /voice/conversation with the COLLECT event URL and the conversation's
 * callback (OnCompletion) pointing at the execution's resume URL; see ../../helpers/wait.ts for how it resumes.
 */
const description: INodeProperties[] = [
	voiceSenderField,
	{
		...phoneToField,
		description:
			"The phone number to call, in E.164 format, + then the country code and number, such as +306948530920 (national formats work with the 'Default Country' option)",
	},
	{
		displayName: 'Prompt',
		name: 'prompt',
		type: 'string',
		typeOptions: { rows: 2 },
		required: true,
		default: 'Press 1 to confirm, 2 to cancel.',
		description: 'What the voice says before it listens for keys',
	},
	sayLanguageField,
	sayGenderField,
	{
		displayName: 'Max Digits',
		name: 'maxDigits',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1,
		description: 'Most keys to collect',
	},
	{
		displayName: 'Submit on Hash',
		name: 'submitOnHash',
		type: 'boolean',
		default: true,
		description: 'Whether # ends the input at once',
	},
	timeLimitField,
	optionsCollection([
		callHangupDelayOption,
		maxDurationOption,
		defaultCountryOption,
		{
			displayName: 'Voicemail Message',
			name: 'voicemailMessage',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '',
			placeholder: 'e.g. We called about your order. Please call us back.',
			description:
				"Detect answering machines: when one picks up, the voice says this message (in the prompt's language) instead of the prompt, and the execution continues at once with status MachineDetected",
		},
	]),
];

/** The fields of the panel that the body holds in its dial plan (the panel shows no verbs). */
const CALL_AND_WAIT_FIELDS: Record<string, string> = {
	'dialPlan.verbs.0.message.text': 'prompt',
	'dialPlan.verbs.0.message.language': 'language',
	'dialPlan.verbs.0.message.gender': 'gender',
	'dialPlan.verbs.1.maxDigits': 'maxDigits',
	'dialPlan.verbs.1.submitOnHash': 'submitOnHash',
};

export const callAndWait: Operation = {
	description,
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await sendThenWait(
			this,
			items,
			'Call and Wait for Key Press',
			async (itemIndex, resumeUrl) => {
				const options = optionsOf(this, itemIndex);
				const { body, to, say } = keyPressConversation(
					this,
					itemIndex,
					resumeUrl,
					options,
					textOf(this, itemIndex, 'prompt'),
					{
						maxDigits: this.getNodeParameter('maxDigits', itemIndex, 1),
						submitOnHash: this.getNodeParameter('submitOnHash', itemIndex, true),
					},
				);
				const voicemail =
					typeof options.voicemailMessage === 'string' ? options.voicemailMessage.trim() : '';
				if (voicemail !== '') {
					// strategy Continue: Routee POSTs to eventUrl when a machine answers and runs the dialplan it gets back
					// (https://docs.routee.net/reference/perform-a-voice-conversation)
					body.machineDetection = {
						strategy: 'Continue',
						eventUrl: machineEventUrl(resumeUrl, {
							...(say.message as IDataObject),
							text: voicemail,
						}),
					};
				}
				assertBody(this, conversationBody, body, itemIndex, CALL_AND_WAIT_FIELDS);
				const started = await startConversationRequest(this, itemIndex, body);
				return {
					digits: '',
					keyPressed: false,
					answered: false,
					machineDetected: false,
					// at the Time Limit no final status has reached n8n: version 2 says none; version 1 said "Unknown",
					// which is also a final status Routee reports (https://docs.routee.net/docs/voice-messaging-statuses)
					status: this.getNode().typeVersion >= 2 ? null : 'Unknown',
					to,
					trackingId: started.trackingId ?? null,
					startedAt: new Date().toISOString(),
				};
			},
		);
	},
};
