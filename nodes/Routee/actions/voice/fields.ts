import type { INodeProperties } from 'n8n-workflow';

import { MAX_HANGUP_DELAY, VOICE_SENDER_RULE } from '../../contract';
import { hangupDelayDescription, senderField } from '../../fields';

/** Fields the voice operations share. */

export const voiceSenderField = senderField(
	`The caller ID the recipients see: a phone number (e.g. +306948530920) or, where networks allow it, a name. It ${VOICE_SENDER_RULE}.`,
);

/** What a call does when an answering machine picks up: a conversation's options and a DIAL verb's options. */
export const machineDetectionOptions: INodeProperties[] = [
	{
		displayName: 'Machine Detection',
		name: 'machineDetection',
		type: 'options',
		options: [
			{
				name: 'Continue',
				value: 'Continue',
				description: 'Run the dial plan that the Machine Detection Event URL answers',
			},
			{ name: 'Hang Up', value: 'Hangup' },
		],
		default: 'Hangup',
		description: 'What to do when an answering machine picks up',
	},
	{
		displayName: 'Machine Detection Event URL',
		name: 'machineDetectionEventUrl',
		type: 'string',
		default: '',
		description: 'With Continue: Routee POSTs to this URL when a machine answers, and runs the dial plan it answers',
	},
];

/** Seconds to wait for a call to be answered: a conversation's option and a DIAL verb's option. */
export const callHangupDelayOption: INodeProperties = {
	displayName: 'Hang-Up Delay',
	name: 'hangupDelay',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_HANGUP_DELAY },
	default: 20,
	description: hangupDelayDescription,
};
