// Public entry of the test sandbox (no imports from nodes/ or credentials/).

export { Sandbox, DEFAULT_OPTIONS } from './server';
export type {
	CallbackKind,
	Fault,
	Provider,
	RecordedRequest,
	SandboxOptions,
	SentCallback,
} from './types';
export { startReceiver, type Receiver, type ReceivedCall } from './receiver';
export { CALLBACK_MAX_RETRIES, CALLBACK_BACKOFF_MS } from './callback-sender';
export { ROUTEE_CODES } from './routee/contract';
export { OCTOPUSH_CODES } from './octopush/contract';
export {
	outcomeOf,
	pressedKeysOf,
	CALL_OUTCOMES,
	outcomeLines,
	outcomeTableRows,
	type CallOutcome,
} from './numbers';
