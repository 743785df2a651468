// Public types of the sandbox. Nothing here imports from nodes/ or credentials/.

export type Provider = 'routee' | 'routee-auth' | 'octopush';

export interface SandboxOptions {
	/** Listening port on 127.0.0.1; default 0 (random). */
	port?: number;
	/** How long a voice-campaign-on-list / on-tag stays `under_computation`; default 300 ms. */
	octopushComputationMs?: number;
	/** Delay between simulated delivery status steps; default 20 ms. */
	deliveryDelayMs?: number;
	/** Routee voice conversation rate limit (one request per interval); default 1000 ms. */
	conversationMinIntervalMs?: number;
}

export interface RecordedRequest {
	provider: Provider | 'unknown';
	method: string;
	/** Path without the provider prefix, e.g. '/sms/campaign' or '/voice-campaign/send'. */
	path: string;
	query: Record<string, string>;
	headers: Record<string, string | string[] | undefined>;
	rawBody: string;
	/** Parsed JSON or form body; undefined when empty; the raw string when it could not be parsed. */
	body: unknown;
	/**
	 * Status answered; 0 while pending or when a `reset: 'before'` fault dropped the connection.
	 * With `reset: 'after'` it is the status of the processing the client never received.
	 */
	status: number;
	/** Set when a `reset` fault destroyed the connection. */
	dropped?: 'before' | 'after';
	/** Arrival time, ms epoch. */
	at: number;
}

export interface Fault {
	provider?: Provider;
	method?: string;
	/** Exact path or prefix, without the provider prefix (e.g. '/sms/campaign'). */
	path?: string;
	/** How many matching requests this fault applies to; default 1. */
	times?: number;
	/** Answer this status (with `body` and `headers`) instead of processing the request. */
	status?: number;
	body?: unknown;
	headers?: Record<string, string>;
	/** Answer late (then normally unless `status` is given). */
	delayMs?: number;
	/**
	 * The request reaches the provider this much after it was sent (a slow network, a cold connection, a
	 * loaded client): its arrival (`at`) and processing happen after the wait.
	 */
	arrivalDelayMs?: number;
	/**
	 * 'before': destroy the socket before processing (nothing changes).
	 * 'after': process the request (state changes, campaign created, callbacks scheduled)
	 * but destroy the socket instead of writing the response.
	 */
	reset?: 'before' | 'after';
}

export type CallbackKind =
	| 'routee.sms'
	| 'routee.sms-campaign'
	| 'routee.voice'
	| 'routee.voice-campaign'
	| 'routee.conversation'
	| 'routee.collect'
	| 'routee.machine'
	| 'routee.inbound'
	| 'octopush.delivery'
	| 'octopush.inbound'
	| 'octopush.stop';

export interface SentCallback {
	provider: 'routee' | 'octopush';
	kind: CallbackKind;
	url: string;
	body: unknown;
	/** 1 for the first POST, 2..6 for retries. */
	attempt: number;
	/** HTTP status the receiver answered, or 'error' (connection refused, timeout, …). */
	status: number | 'error';
	/** When the attempt started (the POST was sent), ms epoch. */
	sentAt: number;
	/** When the attempt completed, ms epoch. */
	at: number;
	/** Receiver's response body (text), e.g. a replacement dialplan for COLLECT. */
	responseBody?: string;
	error?: string;
}
