// Background work of one sandbox: sleeps, scheduled starts and simulations, all cancelled by stop().

const MAX_TIMER_MS = 2_147_483_647;

export class Runtime {
	private stopped = false;
	private readonly timers = new Set<NodeJS.Timeout>();
	private readonly wakers = new Set<() => void>();
	private readonly tasks = new Set<Promise<unknown>>();
	readonly abort = new AbortController();

	get isStopped(): boolean {
		return this.stopped;
	}

	/** Resolves after `ms`, or at once when the sandbox stops (callers check isStopped). */
	sleep(ms: number): Promise<void> {
		if (this.stopped) return Promise.resolve();
		return new Promise((resolve) => {
			const wake = () => {
				clearTimeout(timer);
				this.timers.delete(timer);
				this.wakers.delete(wake);
				resolve();
			};
			const timer = setTimeout(wake, Math.max(0, Math.min(ms, MAX_TIMER_MS)));
			this.timers.add(timer);
			this.wakers.add(wake);
		});
	}

	/** Runs `fn` in the background; errors are swallowed (logged to stderr) so a bad receiver cannot crash tests. */
	spawn(fn: () => Promise<void>): void {
		if (this.stopped) return;
		const task = fn().catch((error: unknown) => {
			if (!this.stopped)
				process.stderr.write(`[sandbox] background task failed: ${String(error)}\n`);
		});
		this.tasks.add(task);
		void task.finally(() => this.tasks.delete(task));
	}

	/** Runs `fn` at epoch `at` (or now if past); a date further than ~24 days is never reached. */
	at(at: number, fn: () => Promise<void>): void {
		this.spawn(async () => {
			const wait = at - Date.now();
			if (wait > MAX_TIMER_MS) return;
			if (wait > 0) await this.sleep(wait);
			if (!this.stopped) await fn();
		});
	}

	async stop(): Promise<void> {
		this.stopped = true;
		this.abort.abort();
		for (const wake of [...this.wakers]) wake();
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		await Promise.allSettled([...this.tasks]);
	}
}
