import type { IDataObject, IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

import { routeeRequest } from './index';

/**
 * The keys the callee pressed, from voice tracking's `collectedTones` ("The collected DTMF tones during the
 * call", https://docs.routee.net/reference/voicemessagetracking): '' when nothing was pressed, null when the
 * tracking has no tones. The voice campaign callback carries none (https://docs.routee.net/docs/voice-callbacks).
 */
function digitsOf(tracking: IDataObject): string | null {
	const tones = tracking.collectedTones;
	if (typeof tones === 'number' && Number.isFinite(tones)) return String(tones);
	return typeof tones === 'string' ? tones : null;
}

/** GET /voice/tracking/{messageId} (https://docs.routee.net/reference/voicemessagetracking), with its `digits`. */
export async function voiceTracking(
	context: IExecuteFunctions | IWebhookFunctions,
	messageId: string,
	itemIndex: number,
): Promise<IDataObject> {
	const tracking = await routeeRequest(context, 'GET', `/voice/tracking/${messageId}`, itemIndex);
	return { ...tracking, digits: digitsOf(tracking) };
}
