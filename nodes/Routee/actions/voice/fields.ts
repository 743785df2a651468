import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { MAX_HANGUP_DELAY } from '../../transport/contract';
import { bundleOption, hangupDelayDescription, senderField } from '../../helpers/fields';
import { bundleOf, copyOptions } from '../../helpers/read';

/** Fields the voice operations share. */

// https://docs.routee.net/docs/other-voice-messaging-concept: numeric, at most 16 digits; an alphanumeric one shows as "Unknown"
export const voiceSenderField = senderField(
	'The caller ID the recipients see: a number of at most 16 digits, + allowed (e.g. +306948530920), as Routee documents. A name of at most 11 characters with a letter (latin letters, digits, spaces, . & -) is still sent, but recipients then see "Unknown" as the caller.',
	'+306948530920',
);

/** What a call does when an answering machine picks up: a conversation's option and a DIAL verb's option. */
export const machineDetectionOption: INodeProperties = bundleOption(
	'Machine Detection',
	'machineDetection',
	[
		{
			displayName: 'Strategy',
			name: 'strategy',
			type: 'options',
			options: [
				{
					name: 'Continue',
					value: 'Continue',
					description: 'Run the dial plan that the Event URL answers',
				},
				{ name: 'Hang Up', value: 'Hangup' },
			],
			default: 'Hangup',
			description: 'What to do when an answering machine picks up',
		},
		{
			displayName: 'Event URL',
			name: 'eventUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/dial-plan',
			description:
				'With Continue: Routee POSTs to this URL when a machine answers, and runs the dial plan it answers',
			displayOptions: { show: { strategy: ['Continue'] } },
		},
	],
);

/** `{strategy, eventUrl}` of the Machine Detection bundle, as Routee's body has it; the contract checks them. */
export function machineDetectionOf(options: IDataObject): IDataObject | undefined {
	const bundle = bundleOf(options, 'machineDetection');
	if (bundle === undefined) return undefined;
	const detection: IDataObject = { strategy: bundle.strategy ?? 'Hangup' };
	if (detection.strategy === 'Continue') copyOptions(bundle, detection, { eventUrl: 'eventUrl' });
	return detection;
}

/** Seconds to wait for a conversation's call to be answered: 1–60 (https://docs.routee.net/reference/perform-a-voice-conversation). */
export const callHangupDelayOption: INodeProperties = {
	displayName: 'Hang-Up Delay',
	name: 'hangupDelay',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_HANGUP_DELAY },
	default: 20,
	description: hangupDelayDescription,
};

/** A conversation's longest duration: at least 1 second (https://docs.routee.net/reference/perform-a-voice-conversation). */
export const maxDurationOption: INodeProperties = {
	displayName: 'Max Duration',
	name: 'maxDuration',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 300,
	description: 'Longest the call may last, in seconds',
};

/** A DIAL verb's: "Min value: 1", no maximum (https://docs.routee.net/reference/dial-verb). */
export const dialHangupDelayOption: INodeProperties = {
	...callHangupDelayOption,
	typeOptions: { minValue: 1 },
	description: 'Seconds to wait for the dialed party to answer, at least 1',
};
