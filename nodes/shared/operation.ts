import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** One operation of a resource: its fields and how it turns the node's input items into output items. */
export interface Operation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]>;
}

/** An item describing a failed input item, as n8n shows it when "Continue On Fail" is on. */
export function errorItem(error: Error, itemIndex: number): INodeExecutionData {
	return { json: { error: error.message }, pairedItem: { item: itemIndex } };
}

/** Errors our code raises are already node errors; anything else is wrapped with its item index. */
export function asNodeError(
	context: IExecuteFunctions,
	error: Error,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError) return error;
	return new NodeOperationError(context.getNode(), error, { itemIndex });
}

/**
 * Runs `run` once per input item ("one request per input item"), pairing each result with its item.
 * A failure stops the node unless Continue On Fail is on, in which case it becomes an error item.
 */
export async function executePerItem(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	run: (itemIndex: number) => Promise<IDataObject | IDataObject[]>,
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await run(itemIndex);
			for (const json of Array.isArray(result) ? result : [result]) {
				output.push({ json, pairedItem: { item: itemIndex } });
			}
		} catch (error) {
			if (!context.continueOnFail()) throw asNodeError(context, error as Error, itemIndex);
			output.push(errorItem(error as Error, itemIndex));
		}
	}
	return output;
}

/** Builds the Operation selector of a resource from its operation modules. */
export function operationSelector(
	resource: string,
	options: Array<{ name: string; value: string; description: string; action: string }>,
	defaultOperation: string,
): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultOperation,
	};
}

/** Adds `displayOptions.show` for one resource/operation to each field of an operation. */
export function showFor(resource: string, operation: string, fields: INodeProperties[]): INodeProperties[] {
	return fields.map((field) => ({
		...field,
		displayOptions: {
			...field.displayOptions,
			show: { resource: [resource], operation: [operation], ...field.displayOptions?.show },
		},
	}));
}
