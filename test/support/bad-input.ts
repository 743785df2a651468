import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { Testbed } from './testbed';

/** A run the node must refuse before its first request. */
export interface BadInputCase {
	name: string;
	parameters: INodeParameters;
	input?: INodeExecutionData[];
	/** The whole message the user sees (the red title), or a pattern for it. */
	message: string | RegExp;
	/** The rule and the fix, as n8n shows them under the title. */
	description?: string | RegExp;
	itemIndex: number;
}

/**
 * One test per case: the run stops with a NodeOperationError on the named item, with the expected message;
 * the node outputs nothing and the sandbox received no request at all.
 */
export function describeBadInput(
	title: string,
	testbed: () => Testbed,
	cases: BadInputCase[],
): void {
	describe(title, () => {
		test.each(cases)('$name', async ({ parameters, input, message, description, itemIndex }) => {
			const t = testbed();
			const r = await t.run(parameters, { input });
			expect(r.status).toBe('error');
			expect(r.error?.name).toBe('NodeOperationError');
			if (typeof message === 'string') expect(r.error?.message).toBe(message);
			else expect(r.error?.message).toMatch(message);
			if (typeof description === 'string') expect(r.error?.description).toBe(description);
			else if (description) expect(r.error?.description).toMatch(description);
			expect(r.error?.context?.itemIndex).toBe(itemIndex);
			expect(r.items).toEqual([]);
			expect(t.sandbox.requests).toEqual([]);
		});
	});
}
