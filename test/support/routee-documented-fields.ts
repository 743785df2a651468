// The response fields Routee documents for the requests the node sends, as the docs list them: the node tests check
// the node passes each on, the sandbox tests that the sandbox answers with exactly these. Written from the docs, on the
// test side: neither the node's schemas nor the sandbox's contract (test/sandbox/routee/contract.ts) are read here, so
// a wrong list in either cannot pass.

/** Every response field of POST /sms/campaign (https://docs.routee.net/reference/send-bulk-messages). */
export const SMS_CAMPAIGN_FIELDS = [
	'trackingId',
	'createdAt',
	'type',
	'scheduledDate',
	'campaignName',
	'from',
	'to',
	'body',
	'state',
	'statuses',
	'smsAnalysis',
	'flash',
	'respectQuietHours',
	'callback',
	'campaignCallback',
	'reminder',
	'contacts',
	'groups',
	'fallbackValues',
	'ttl',
	'cost',
];

/**
 * Every response field of POST /voice/campaign (https://docs.routee.net/reference/send-a-voice-campaign) (errors only
 * comes with invalid numbers).
 */
export const VOICE_CAMPAIGN_FIELDS = [
	'callback',
	'campaignCallback',
	'campaignName',
	'contacts',
	'cost',
	'createdAt',
	'fileURL',
	'from',
	'groups',
	'hangupDelay',
	'message',
	'respectQuietHours',
	'scheduledDate',
	'state',
	'statuses',
	'to',
	'trackingId',
	'type',
	'collectDtmfDigits',
	'collectDtmfAwaitSeconds',
	'voiceAnalysis',
];

/** Every response field of POST /voice/conversation (https://docs.routee.net/reference/perform-a-voice-conversation). */
export const CONVERSATION_FIELDS = [
	'trackingId',
	'direction',
	'from',
	'to',
	'dialPlanUrl',
	'dialPlan',
	'callback',
	'hangupDelay',
	'createdAt',
	'maxDuration',
	'machineDetection',
];
