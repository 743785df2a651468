// Time spent in n8n-core resolving node parameters (getNodeParameter → expression evaluation),
// so a benchmark can say how much of a node's wall time is the engine's and how much the node's own.

import { ExecuteContext } from 'n8n-core';

interface Resolver {
	_getNodeParameter(this: unknown, ...args: unknown[]): unknown;
}

let totalMs = 0;
let calls = 0;
let installed = false;

export function trackParameterResolution(): void {
	if (installed) return;
	installed = true;
	const proto = Object.getPrototypeOf(ExecuteContext.prototype) as Resolver;
	const original = proto._getNodeParameter;
	proto._getNodeParameter = function (this: unknown, ...args: unknown[]) {
		const start = performance.now();
		try {
			return original.apply(this, args);
		} finally {
			totalMs += performance.now() - start;
			calls++;
		}
	};
}

/** Milliseconds and calls spent resolving parameters while `work` ran. */
export async function parameterResolution<T>(
	work: () => Promise<T>,
): Promise<{ value: T; ms: number; calls: number }> {
	const [startMs, startCalls] = [totalMs, calls];
	const value = await work();
	return { value, ms: totalMs - startMs, calls: calls - startCalls };
}
