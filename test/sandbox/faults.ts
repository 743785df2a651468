// Injected faults: the first matching fault applies to a request, `times` counts down.

import type { Fault, Provider } from './types';

interface ArmedFault {
	fault: Fault;
	remaining: number;
}

export class FaultBook {
	private armed: ArmedFault[] = [];

	add(fault: Fault): void {
		const times = fault.times ?? 1;
		if (!Number.isInteger(times) || times < 1)
			throw new Error(`fault.times must be a positive integer, got ${String(fault.times)}`);
		if (fault.reset && fault.reset !== 'before' && fault.reset !== 'after')
			throw new Error(`fault.reset must be 'before' or 'after'`);
		this.armed.push({ fault: { ...fault }, remaining: times });
	}

	clear(): void {
		this.armed = [];
	}

	get pending(): number {
		return this.armed.reduce((sum, a) => sum + a.remaining, 0);
	}

	/** Finds the first fault matching this request and consumes one use of it. */
	take(provider: Provider | 'unknown', method: string, path: string): Fault | undefined {
		const index = this.armed.findIndex(({ fault }) => {
			if (fault.provider && fault.provider !== provider) return false;
			if (fault.method && fault.method.toUpperCase() !== method) return false;
			if (fault.path && !(path === fault.path || path.startsWith(fault.path))) return false;
			return true;
		});
		if (index < 0) return undefined;
		const armed = this.armed[index];
		armed.remaining--;
		if (armed.remaining <= 0) this.armed.splice(index, 1);
		return armed.fault;
	}
}
