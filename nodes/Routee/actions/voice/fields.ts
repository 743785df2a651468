import { VOICE_SENDER_RULE } from '../../contract';
import { senderField } from '../../fields';

/** Fields the voice operations share. */

export const voiceSenderField = senderField(
	`The caller ID the recipients see: a phone number (e.g. +306948530920) or, where networks allow it, a name. It ${VOICE_SENDER_RULE}.`,
);
