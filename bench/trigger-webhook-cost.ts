// Benchmark 4 (continued): the Routee Trigger's own webhook() per callback, in n8n-core's real
// WebhookContext (test/triggers/host.ts), without n8n's server around it: what the trigger itself adds
// to each callback, next to what the real-n8n rows measure end to end.
//   node --import tsx bench/trigger-webhook-cost.ts [callbacks]

import type { IWebhookFunctions } from 'n8n-workflow';

import { Harness } from '../test/harness';
import { TriggerHost } from '../test/triggers/host';
import { reportToParent } from './lib/child';
import { smsDeliveryReport } from './trigger-throughput';

export interface WebhookCost {
	callbacks: number;
	meanMs: number;
	p99Ms: number;
	executions: number;
}

const WARM_UP = 100;

async function main(): Promise<void> {
	const callbacks = Number(process.argv[2] ?? 300);
	const harness = await Harness.create();
	const host = await TriggerHost.start(harness, 'routeeTrigger', {
		parameters: { events: ['smsStatus'], callerAuthentication: 'none', options: {} },
	});
	const webhook = host.nodeType.webhook!;
	const timings: number[] = [];
	host.nodeType.webhook = async function (this: IWebhookFunctions) {
		const start = performance.now();
		try {
			return await webhook.call(this);
		} finally {
			timings.push(performance.now() - start);
		}
	};
	for (let i = 0; i < WARM_UP + callbacks; i++) {
		await host.post(smsDeliveryReport(`cost-${i}`));
	}
	await host.close();
	const measured = timings.slice(WARM_UP).sort((a, b) => a - b);
	reportToParent({
		callbacks,
		meanMs: measured.reduce((total, t) => total + t, 0) / measured.length,
		p99Ms: measured[Math.floor(measured.length * 0.99)],
		executions: host.executions.length,
	} satisfies WebhookCost);
	process.exit(0);
}

if (require.main === module) {
	main().catch((error: unknown) => {
		process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
		process.exit(1);
	});
}
