import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { RunResult } from '../harness';
import type { Sandbox } from '../sandbox';

/** A run the node must refuse before its first request: one row of a provider's bad-input table. */
export type BadInputCase = {
	name: string;
	parameters: INodeParameters;
	input?: INodeExecutionData[];
	/** The item the error names (its `itemIndex`, and the "[item N]" that ends the title). */
	itemIndex: number;
	/** The rule and the fix, as n8n shows them under the title. */
	description?: string | RegExp;
} & (
	| {
			/** The whole message the user sees (the red title), or a pattern for it. */
			message: string | RegExp;
			/** A field label the title or the description must name. */
			field?: string;
	  }
	| { message?: undefined; field: string }
);

/** What a bad-input table runs on: a node's testbed (`useTestbed`), or one node of a leak-checked testbed. */
export interface BadInputTarget {
	sandbox: Sandbox;
	run(
		parameters: INodeParameters,
		options?: { input?: INodeExecutionData[] },
	): Promise<Pick<RunResult, 'status' | 'error'> & { items: INodeExecutionData[] }>;
}

/**
 * One test per case: the run stops with a NodeOperationError on the named item, whose title ends with
 * "[item N]", with the expected message, description and field; the node outputs nothing and the sandbox received
 * no request at all (not even a token request): validation happens before the first call.
 */
export function describeBadInput(
	title: string,
	target: () => BadInputTarget,
	cases: BadInputCase[],
): void {
	describe(title, () => {
		test.each(cases)(
			'$name',
			async ({ parameters, input, itemIndex, message, description, field }) => {
				const t = target();
				const r = await t.run(parameters, { input });
				expect(r.status).toBe('error');
				const error = r.error;
				expect(error?.name).toBe('NodeOperationError');
				const title = error?.message ?? '';
				expect(error?.context?.itemIndex).toBe(itemIndex);
				// n8n's shape: the title ends with "[item N]", the description under it holds the rule
				expect(title).toMatch(new RegExp(`\\[item ${itemIndex}\\]$`));
				if (typeof message === 'string') expect(title).toBe(message);
				else if (message) expect(title).toMatch(message);
				if (typeof description === 'string') expect(error?.description).toBe(description);
				else if (description) expect(error?.description).toMatch(description);
				if (field !== undefined) expect(`${title}\n${error?.description ?? ''}`).toContain(field);
				expect(r.items).toEqual([]);
				expect(t.sandbox.requests.map((q) => `${q.method} ${q.provider}${q.path}`)).toEqual([]);
			},
		);
	});
}
