// Routee delivery simulation and the callback payloads it POSTs: https://docs.routee.net/docs/callbacks,
// https://docs.routee.net/docs/voice-callbacks, https://docs.routee.net/docs/voice-conversation-callbacks,
// https://docs.routee.net/docs/inbound-messages-mo.

import type { CallbackSender } from '../callback-sender';
import type { Json } from '../check';
import { smsParts } from '../gsm';
import { isAnsweringMachine, outcomeOf, pressedKeysOf, type Outcome } from '../numbers';
import type { Runtime } from '../runtime';
import type { SentCallback } from '../types';
import { isDialPlan, type CallbackSpec, type Verb } from './contract';
import {
	SMS_FINAL,
	SMS_PART_PRICE,
	SMS_STATUSES,
	VOICE_FINAL,
	VOICE_STATUSES,
	type Campaign,
	type CampaignState,
	type Conversation,
	type RouteeState,
	type SmsMessage,
	type SmsStatus,
	type VoiceMessage,
	type VoiceStatus,
	uuid,
} from './state';

/** Status steps of an SMS by outcome, and the detailedStatus of its final step. */
const SMS_PATHS: Record<
	Outcome,
	{ steps: SmsStatus[]; detailedStatus: string; description: string }
> = {
	ok: {
		steps: ['Queued', 'Sent', 'Delivered'],
		detailedStatus: 'Delivered',
		description: 'The message was delivered to the handset',
	},
	unreachable: {
		steps: ['Queued', 'Sent', 'Undelivered'],
		detailedStatus: 'Unknown Number',
		description: 'The number does not exist',
	},
	refused: {
		steps: ['Queued', 'Failed'],
		detailedStatus: 'Call Barred',
		description: 'The operator refused the message',
	},
	failed: {
		steps: ['Queued', 'Unsent'],
		detailedStatus: 'Rejected',
		description: 'The message could not be sent',
	},
};

const VOICE_PATHS: Record<Outcome, VoiceStatus[]> = {
	ok: ['Queued', 'Initiated', 'Ringing', 'InProgress', 'Completed'],
	unreachable: ['Queued', 'Initiated', 'Ringing', 'NoAnswer'],
	refused: ['Queued', 'Initiated', 'Busy'],
	failed: ['Queued', 'Failed'],
};

/** Seconds a completed call lasts in the sandbox. */
export const CALL_DURATION_SECONDS = 12;

export function smsPath(to: string): (typeof SMS_PATHS)[Outcome] {
	return SMS_PATHS[outcomeOf(to)];
}

export function countStatuses<S extends string>(
	all: readonly S[],
	current: S[],
): Record<S, number> {
	const counts = Object.fromEntries(all.map((s) => [s, 0])) as Record<S, number>;
	for (const s of current) counts[s]++;
	return counts;
}

// ---------------------------------------------------------------- payloads

/** One SMS part as a callback (`textKey` 'message') or as a tracking entry (`textKey` 'body'). */
export function smsPartPayload(m: SmsMessage, part: number, textKey: 'message' | 'body'): Json {
	const payload: Json = {
		messageId: m.messageId,
		smsId: m.smsIds[part - 1],
	};
	if (m.campaignTrackingId) payload.campaignTrackingId = m.campaignTrackingId;
	Object.assign(payload, {
		part,
		parts: m.parts,
		label: m.label,
		to: m.to,
		from: m.from,
		country: m.country,
		operator: 'Sandbox Mobile',
	});
	if (m.campaignTrackingId)
		Object.assign(payload, { groups: m.groups, campaignName: m.campaignName });
	Object.assign(payload, {
		status: {
			name: m.status,
			...(m.reason ? { reason: m.reason } : {}),
			updatedDate: m.updatedDate,
		},
		[textKey]: m.text,
		applicationName: m.applicationName,
		latency: Math.max(0, Date.parse(m.updatedDate) - Date.parse(m.createdAt)),
		price: SMS_PART_PRICE,
		direction: 'Outbound',
		originatingService: 'Sms',
		createdAt: m.createdAt,
	});
	return payload;
}

export function voiceMessagePayload(m: VoiceMessage): Json {
	if (m.conversationTrackingId) {
		return {
			messageId: m.messageId,
			conversationTrackingId: m.conversationTrackingId,
			to: m.to,
			from: m.from,
			status: { name: m.status, updatedDate: m.updatedDate },
			direction: 'Outbound',
			originatingService: 'Voice',
			respectQuietHours: m.respectQuietHours,
			duration: m.duration,
			price: m.price,
		};
	}
	return {
		messageId: m.messageId,
		campaignTrackingId: m.campaignTrackingId,
		to: m.to,
		groups: m.groups,
		campaignName: m.campaignName,
		from: m.from,
		country: m.country,
		applicationName: m.applicationName,
		price: m.price,
		originatingService: 'Voice',
		status: { name: m.status, updatedDate: m.updatedDate },
		direction: 'Outbound',
		audioMessage: m.audioMessage,
		fileURL: m.fileURL,
		hangupDelay: m.hangupDelay,
		respectQuietHours: m.respectQuietHours,
		duration: m.duration,
		createdAt: m.createdAt,
		chargeInterval: 1,
	};
}

/**
 * A call as GET /voice/tracking/{messageId} answers it: the message, plus the keys pressed during the call as
 * `collectedTones` ("The collected DTMF tones during the call", https://docs.routee.net/reference/voicemessagetracking)
 * when keys were collected.
 */
export function voiceTrackingPayload(m: VoiceMessage): Json {
	const payload = voiceMessagePayload(m);
	if (m.collectedTones !== null) payload.collectedTones = m.collectedTones;
	return payload;
}

export function campaignStatuses(state: RouteeState, campaign: Campaign): Record<string, number> {
	if (campaign.type === 'Sms') {
		return countStatuses(
			SMS_STATUSES,
			campaign.messageIds.map((id) => state.smsMessages.get(id)?.status ?? 'Queued'),
		);
	}
	return countStatuses(
		VOICE_STATUSES,
		campaign.messageIds.map((id) => state.voiceMessages.get(id)?.status ?? 'Queued'),
	);
}

function campaignPayload(state: RouteeState, campaign: Campaign, spec: CallbackSpec): Json {
	return {
		trackingId: campaign.trackingId,
		name: campaign.campaignName,
		totalRecipients: campaign.messageIds.length,
		campaignStatus: campaign.state,
		messageStatuses: campaignStatuses(state, campaign),
		callbackInfo: { url: spec.url, strategy: spec.strategy },
	};
}

// ---------------------------------------------------------------- simulation

export class RouteeDelivery {
	constructor(
		private readonly state: RouteeState,
		private readonly runtime: Runtime,
		private readonly sender: CallbackSender,
		private readonly delayMs: () => number,
	) {}

	/** Starts (now, or at its scheduled date) every message of a campaign. */
	startCampaign(campaign: Campaign): void {
		const version = campaign.version;
		const run = async () => {
			if (campaign.version !== version || campaign.state !== 'Queued') return;
			this.notifyCampaign(campaign);
			const tasks = campaign.messageIds.map((id) =>
				campaign.type === 'Sms'
					? this.runSms(this.state.smsMessages.get(id) as SmsMessage, campaign)
					: this.runVoice(this.state.voiceMessages.get(id) as VoiceMessage, campaign, null),
			);
			await Promise.all(tasks);
		};
		if (campaign.scheduledAt !== null) {
			this.runtime.at(campaign.scheduledAt, async () => {
				if (campaign.version !== version || campaign.state !== 'Scheduled') return;
				campaign.state = 'Queued';
				await run();
			});
		} else {
			this.runtime.spawn(run);
		}
	}

	startSingleSms(message: SmsMessage): void {
		this.runtime.spawn(() => this.runSms(message, null));
	}

	startConversation(conversation: Conversation, message: VoiceMessage): void {
		this.runtime.spawn(() => this.runVoice(message, null, conversation));
	}

	private setCampaignState(campaign: Campaign, next: CampaignState): void {
		if (campaign.state === next || campaign.state === 'Cancelled') return;
		campaign.state = next;
		this.notifyCampaign(campaign);
	}

	private notifyCampaign(campaign: Campaign): void {
		const spec = campaign.campaignCallback;
		if (!spec) return;
		if (spec.strategy === 'OnCompletion' && campaign.state !== 'Finished') return;
		const body = campaignPayload(this.state, campaign, spec);
		campaign.callbackChain = campaign.callbackChain.then(() =>
			this.sender.send({
				provider: 'routee',
				kind: campaign.type === 'Sms' ? 'routee.sms-campaign' : 'routee.voice-campaign',
				url: spec.url,
				body,
			}),
		);
	}

	private afterMessageStep(campaign: Campaign | null): void {
		if (!campaign) return;
		const finals: readonly string[] = campaign.type === 'Sms' ? SMS_FINAL : VOICE_FINAL;
		const statuses = campaign.messageIds.map((id) =>
			campaign.type === 'Sms'
				? this.state.smsMessages.get(id)?.status
				: this.state.voiceMessages.get(id)?.status,
		);
		if (statuses.every((s) => s !== undefined && finals.includes(s)))
			this.setCampaignState(campaign, 'Finished');
		else if (statuses.some((s) => s !== 'Queued')) this.setCampaignState(campaign, 'Running');
	}

	private async runSms(message: SmsMessage, campaign: Campaign | null): Promise<void> {
		const path = smsPath(message.to);
		for (const [i, status] of path.steps.entries()) {
			if (i > 0) await this.runtime.sleep(this.delayMs());
			if (this.runtime.isStopped) return;
			message.status = status;
			message.updatedDate = new Date().toISOString();
			const final = SMS_FINAL.includes(status);
			message.reason = final
				? { detailedStatus: path.detailedStatus, description: path.description }
				: null;
			this.afterMessageStep(campaign);
			const spec = message.callback;
			if (spec && (spec.strategy === 'OnChange' || final)) {
				for (let part = 1; part <= message.parts; part++) {
					await this.sender.send({
						provider: 'routee',
						kind: 'routee.sms',
						url: spec.url,
						body: smsPartPayload(message, part, 'message'),
					});
				}
			}
		}
	}

	private async runVoice(
		message: VoiceMessage,
		campaign: Campaign | null,
		conversation: Conversation | null,
	): Promise<void> {
		const steps = VOICE_PATHS[outcomeOf(message.to)];
		for (const [i, planned] of steps.entries()) {
			if (i > 0) await this.runtime.sleep(this.delayMs());
			if (this.runtime.isStopped || VOICE_FINAL.includes(message.status)) return;
			const status: VoiceStatus = message.hangupRequested ? 'Terminated' : planned;
			const wasInProgress = message.status === 'InProgress';
			message.status = status;
			message.updatedDate = new Date().toISOString();
			if (status === 'Completed' || (status === 'Terminated' && wasInProgress))
				message.duration = CALL_DURATION_SECONDS;
			// a campaign with collectDtmfDigits: the callee presses keys at the end of the message
			if (status === 'Completed' && message.collectDtmfDigits)
				message.collectedTones = pressedKeysOf(message.to);
			await this.notifyVoice(message, campaign);
			if (
				status === 'InProgress' &&
				conversation &&
				isAnsweringMachine(message.to) &&
				conversation.request.machineDetection
			) {
				await this.machineAnswered(message, conversation);
				continue;
			}
			if (status === 'InProgress' && conversation) await this.collect(message, conversation);
			if (VOICE_FINAL.includes(status)) return;
		}
	}

	/** PUT /voice/conversation/{id} {action}: the call ends now as Terminated. */
	hangup(message: VoiceMessage): void {
		const answered = message.status === 'InProgress';
		message.hangupRequested = true;
		message.status = 'Terminated';
		message.updatedDate = new Date().toISOString();
		message.duration = answered ? CALL_DURATION_SECONDS : 0;
		this.runtime.spawn(() => this.notifyVoice(message, null));
	}

	/** Status change of a call: campaign progress, then the message callback per its strategy. */
	async notifyVoice(message: VoiceMessage, campaign: Campaign | null): Promise<void> {
		this.afterMessageStep(campaign);
		const spec = message.callback;
		const final = VOICE_FINAL.includes(message.status);
		if (spec && (spec.strategy === 'OnChange' || final)) {
			const kind = message.conversationTrackingId ? 'routee.conversation' : 'routee.voice';
			await this.sender.send({
				provider: 'routee',
				kind,
				url: spec.url,
				body: voiceMessagePayload(message),
			});
		}
	}

	/**
	 * An answering machine picked up a conversation with machineDetection
	 * (https://docs.routee.net/reference/perform-a-voice-conversation): strategy "Hangup" terminates the call;
	 * "Continue" POSTs to machineDetection.eventUrl and runs the dialplan it answers ("A valid dialplan is expected as
	 * response") instead of the rest of the original one. Not documented, the sandbox's choice: the event's body
	 * (the conversation's identifiers, like the COLLECT event) and the status of a call hung up or left with an
	 * invalid dialplan (Terminated).
	 */
	private async machineAnswered(message: VoiceMessage, conversation: Conversation): Promise<void> {
		const detection = conversation.request.machineDetection as {
			strategy?: string;
			eventUrl?: string;
		};
		let dialPlanOk = false;
		if (detection.strategy === 'Continue' && typeof detection.eventUrl === 'string') {
			const sent = await this.sender.send({
				provider: 'routee',
				kind: 'routee.machine',
				url: detection.eventUrl,
				body: {
					from: message.from,
					to: message.to,
					messageId: message.messageId,
					conversationTrackingId: conversation.trackingId,
				},
			});
			dialPlanOk = sent?.status === 200 && isDialPlan(sent.responseBody);
		}
		if (dialPlanOk) return; // the answered dialplan "plays" and the call completes on the next step
		message.hangupRequested = true;
	}

	/** While the call is in progress: POST the tones "pressed" for each COLLECT verb to its eventUrl. */
	private async collect(message: VoiceMessage, conversation: Conversation): Promise<void> {
		const verbs: Verb[] = conversation.request.dialPlan?.verbs ?? [];
		for (const verb of verbs) {
			if (verb.type !== 'COLLECT' || this.runtime.isStopped || message.hangupRequested) continue;
			const maxDigits = typeof verb.maxDigits === 'number' ? verb.maxDigits : 30;
			const tones = pressedKeysOf(message.to, maxDigits);
			message.collectedTones = (message.collectedTones ?? '') + tones;
			// eventUrl is optional (https://docs.routee.net/reference/collect-verb): the tones then stay in tracking only
			if (typeof verb.eventUrl !== 'string') continue;
			await this.sender.send({
				provider: 'routee',
				kind: 'routee.collect',
				url: verb.eventUrl,
				body: {
					from: message.from,
					to: message.to,
					messageId: message.messageId,
					conversationTrackingId: conversation.trackingId,
					collectedTones: tones,
				},
			});
		}
	}

	/**
	 * An SMS someone sent to `to` (a number rented with `inboundSmsCallbackUrl` = `url`), with the payload of
	 * https://docs.routee.net/docs/inbound-messages-mo; resolves with the last attempt.
	 */
	inboundSms(
		url: string,
		from: string,
		to: string,
		message: string,
	): Promise<SentCallback | undefined> {
		const body = {
			messageId: uuid(),
			from,
			to,
			message,
			parts: smsParts(message),
			originatingService: 'Sms',
			direction: 'Inbound',
			receivedDate: new Date().toISOString(),
		};
		return this.sender.send({ provider: 'routee', kind: 'routee.inbound', url, body });
	}
}
