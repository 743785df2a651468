// Child process of the benchmarks: the provider sandbox on its own event loop and heap, so the
// benchmark process measures only the client side (our node in the engine, or the bare fetch
// baseline). Driven over IPC by ./sandbox-process.ts.

import { Sandbox } from '../../test/sandbox';
import { type Link, type LinkOptions, startLink } from './link';

interface Command {
	id: number;
	command: string;
	args?: Record<string, unknown>;
}

async function main(): Promise<void> {
	const sandbox = await Sandbox.start({ deliveryDelayMs: 20 });

	let link: Link | undefined;
	const handlers: Record<string, (args: Record<string, unknown>) => unknown> = {
		/** Puts the sandbox behind a TLS link with latency (./link.ts); answers its https origin. */
		startLink: async (args) => {
			const octopush = new URL(sandbox.octopushBaseUrl);
			link = await startLink({ ...(args as unknown as LinkOptions), target: octopush.origin });
			return link.origin;
		},
		linkStats: () => ({ ...link?.stats }),
		linkReset: () => link?.reset() ?? true,
		urls: () => ({
			routeeBaseUrl: sandbox.routeeBaseUrl,
			routeeTokenUrl: sandbox.routeeTokenUrl,
			octopushBaseUrl: sandbox.octopushBaseUrl,
		}),
		/** Forget requests, faults, Octopush tickets and request ids; plenty of credit. */
		reset: () => {
			sandbox.clearRequests();
			sandbox.clearFaults();
			sandbox.octopush.tickets.clear();
			sandbox.octopush.requestIds.clear();
			sandbox.octopush.balance = 1e9;
			sandbox.routee.balance = 1e9;
			sandbox.connectionsAccepted = 0;
			return true;
		},
		setOptions: (args) => Object.assign(sandbox.options, args),
		/** Method, path, status and arrival time of every request (bodies left out). */
		requests: () =>
			sandbox.requests.map(({ provider, method, path, status, at }) => ({
				provider,
				method,
				path,
				status,
				at,
			})),
		/** Parsed bodies of the requests to one provider path, in arrival order. */
		bodies: (args) =>
			sandbox.requests
				.filter((r) => r.provider === args.provider && r.path === args.path)
				.map((r) => r.body),
		/** Octopush tickets accepted: how many, recipients over all of them, distinct recipients. */
		octopushTickets: () => {
			const numbers = [...sandbox.octopush.tickets.values()].flatMap((t) =>
				t.recipients.map((r) => r.phone_number),
			);
			return {
				tickets: sandbox.octopush.tickets.size,
				recipients: numbers.length,
				distinct: new Set(numbers).size,
			};
		},
		routeeTokensIssued: () => sandbox.routee.tokensIssued,
		connectionsAccepted: () => sandbox.connectionsAccepted,
		rss: () => process.memoryUsage().rss,
	};

	process.on('message', (message: Command) => {
		const { id, command, args = {} } = message;
		try {
			const handler = handlers[command];
			if (!handler) throw new Error(`unknown sandbox command ${command}`);
			Promise.resolve(handler(args)).then(
				(result) => process.send?.({ id, result }),
				(error: unknown) => process.send?.({ id, error: String(error) }),
			);
		} catch (error) {
			process.send?.({ id, error: String(error) });
		}
	});
	process.on('disconnect', () => {
		void Promise.all([link?.stop(), sandbox.stop()]).finally(() => process.exit(0));
	});
	process.send?.({ id: 0, result: 'ready' });
}

void main();
