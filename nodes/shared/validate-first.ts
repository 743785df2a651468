import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { asNodeError } from './operation';

/** One request to make, built and validated from the input items it is paired with. */
export interface Planned<T> {
	itemIndex: number;
	pairedItems: number[];
	plan: T;
}

/** Input items whose request could not be built: they become error items (Continue On Fail). */
export interface PlanFailure {
	itemIndex: number;
	pairedItems: number[];
	error: Error;
}

export type Plan<T> = Planned<T> | PlanFailure;

export interface RunOptions {
	/** The requests send something (SMS, calls): a failure then says what this run already sent. */
	sends: boolean;
	/** Names what an accepted request created, e.g. its tracking ID, for that summary. */
	describe?: (result: IDataObject | IDataObject[]) => string | undefined;
	/** More to say about a failure, e.g. that it may have been accepted. */
	explain?: (error: Error) => string | undefined;
}

/** Builds the request of each input item; without Continue On Fail the first invalid item stops the node. */
export function planEach<T>(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	plan: (itemIndex: number) => T,
): Array<Plan<T>> {
	return items.map((_, itemIndex) => {
		try {
			return { itemIndex, pairedItems: [itemIndex], plan: plan(itemIndex) };
		} catch (error) {
			if (!context.continueOnFail()) throw asNodeError(context, error as Error, itemIndex);
			return { itemIndex, pairedItems: [itemIndex], error: error as Error };
		}
	});
}

/**
 * Makes the planned requests in order, after all of them were built and validated, and pairs each result
 * with its input items. A failure stops the node unless Continue On Fail is on.
 */
export async function runPlanned<T>(
	context: IExecuteFunctions,
	plans: Array<Plan<T>>,
	run: (plan: T, itemIndex: number) => Promise<IDataObject | IDataObject[]>,
	options: RunOptions,
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	const sent: string[] = [];
	for (const planned of plans) {
		const pairedItem =
			planned.pairedItems.length === 1
				? { item: planned.pairedItems[0] }
				: planned.pairedItems.map((item) => ({ item }));
		if ('error' in planned) {
			output.push({ json: { error: planned.error.message }, pairedItem });
			continue;
		}
		try {
			const result = await run(planned.plan, planned.itemIndex);
			for (const json of Array.isArray(result) ? result : [result]) output.push({ json, pairedItem });
			if (options.sends) {
				const what = options.describe?.(result);
				sent.push(`item ${planned.itemIndex}${what ? ` (${what})` : ''}`);
			}
		} catch (error) {
			const explanation = options.explain?.(error as Error);
			if (!context.continueOnFail()) {
				const nodeError = asNodeError(context, error as Error, planned.itemIndex);
				const notes = [
					explanation,
					options.sends && sent.length > 0
						? `Already sent by this run: ${sent.join(', ')}. Running the node again sends those again; turn on Continue On Fail to get a result per item instead.`
						: undefined,
				].filter(Boolean);
				if (notes.length > 0 && nodeError instanceof NodeApiError) {
					nodeError.description = [nodeError.description, ...notes].filter(Boolean).join('\n');
				}
				throw nodeError;
			}
			const message = [(error as Error).message, explanation].filter(Boolean).join(' ');
			output.push({ json: { error: message }, pairedItem });
		}
	}
	return output;
}

/**
 * One request per input item: `plan` validates the item and returns the call to make; every item is
 * validated before the first call.
 */
export async function executeEachValidated(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	plan: (itemIndex: number) => () => Promise<IDataObject | IDataObject[]>,
	options: RunOptions = { sends: false },
): Promise<INodeExecutionData[]> {
	const plans = planEach(context, items, plan);
	return await runPlanned(context, plans, async (call) => await call(), options);
}
