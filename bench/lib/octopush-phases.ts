// Where the wall time of one Octopush framed send goes, measured by wrapping the functions that mark
// its phases: the built node's executeFramedSend (node start/end) and octopushRequest (the first request: planning
// done; the last answer: frames sent), n8n-core's httpRequestWithAuthentication and its outbound HTTP client. The wrappers only read
// the clock; the harness loads the same dist/ modules, so it calls the wrapped exports.

import { OutboundHttp } from '@n8n/backend-network';

export interface OctopushPhases {
	/** From the run's start to the node's execute: the engine's work before the node (e.g. paired-item lineage). */
	engineBeforeNodeMs: number;
	/** Reading, normalizing and checking every contact, request IDs and bodies: the node's own. */
	planMs: number;
	/** Sending every frame, from the first request to the last answer. */
	sendMs: number;
	/** Of sendMs: inside n8n's httpRequestWithAuthentication (credential hooks, authenticate, client). */
	requestHelperMs: number;
	/** Of requestHelperMs: inside n8n-core's outbound HTTP client. */
	clientMs: number;
	requests: number;
	/** From the last answer to the end of the node's execute: its output items. */
	outputMs: number;
	/** From the end of the node's execute to the run's end: the engine's work after the node (run data, hooks). */
	engineAfterNodeMs: number;
}

type AsyncFunction = (...args: unknown[]) => Promise<unknown>;

const noMarks = () => ({
	nodeStart: 0,
	plannedAt: 0,
	sentAt: 0,
	nodeEnd: 0,
	helper: 0,
	client: 0,
	requests: 0,
});
const marks = noMarks();
let installed = false;

/** Wraps an async export of a CommonJS module: `before` runs before each call, `after` with its wall time. */
function wrapExport(
	module: Record<string, unknown>,
	name: string,
	before: () => void,
	after: (ms: number) => void,
): void {
	const original = module[name] as AsyncFunction;
	module[name] = async function (this: unknown, ...args: unknown[]) {
		const start = performance.now();
		before();
		try {
			return await original.apply(this, args);
		} finally {
			after(performance.now() - start);
		}
	};
}

export function trackOctopushPhases(): void {
	if (installed) return;
	installed = true;
	/* eslint-disable @typescript-eslint/no-require-imports */
	const frames = require('../../dist/nodes/Octopush/helpers/frames.js') as Record<string, unknown>;
	const transport = require('../../dist/nodes/Octopush/transport/index.js') as Record<
		string,
		unknown
	>;
	const authentication =
		require('n8n-core/dist/execution-engine/node-execution-context/utils/request-helpers/authentication.js') as Record<
			string,
			unknown
		>;
	/* eslint-enable @typescript-eslint/no-require-imports */
	const now = () => performance.now();
	const nothing = () => {};
	wrapExport(
		frames,
		'executeFramedSend',
		() => (marks.nodeStart = now()),
		() => (marks.nodeEnd = now()),
	);
	// every frame's request goes through the transport's export (helpers/frames.ts calls it through its module)
	wrapExport(
		transport,
		'octopushRequest',
		() => (marks.plannedAt ||= now()),
		() => (marks.sentAt = now()),
	);
	wrapExport(
		authentication,
		'httpRequestWithAuthentication',
		nothing,
		(ms) => (marks.helper += ms),
	);

	const requests = OutboundHttp.prototype.requests;
	OutboundHttp.prototype.requests = function (
		this: OutboundHttp,
		...args: Parameters<OutboundHttp['requests']>
	) {
		const client = requests.apply(this, args);
		const request = client.request;
		return {
			...client,
			request: (async (options: Parameters<typeof request>[0]) => {
				const start = performance.now();
				try {
					return await request(options);
				} finally {
					marks.client += performance.now() - start;
					marks.requests++;
				}
			}) as typeof request,
		};
	};
}

/** Runs `work` (one node run through the harness) and says where its wall time went. */
export async function octopushPhases<T>(
	work: () => Promise<T>,
): Promise<{ value: T; phases: OctopushPhases }> {
	Object.assign(marks, noMarks());
	const start = performance.now();
	const value = await work();
	const end = performance.now();
	return {
		value,
		phases: {
			engineBeforeNodeMs: marks.nodeStart - start,
			planMs: marks.plannedAt - marks.nodeStart,
			sendMs: marks.sentAt - marks.plannedAt,
			requestHelperMs: marks.helper,
			clientMs: marks.client,
			requests: marks.requests,
			outputMs: marks.nodeEnd - marks.sentAt,
			engineAfterNodeMs: end - marks.nodeEnd,
		},
	};
}
