import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A node's operations: resource → operation → its module, as the Resource and Operation options name them. */
type OperationMap = Readonly<Record<string, Readonly<Record<string, Operation>>>>;

/** The node's execute(): runs the chosen operation over all input items. */
export function routerFor(operations: OperationMap) {
	return async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		const selected = operations[resource]?.[operation];
		if (!selected) {
			throw new NodeOperationError(
				this.getNode(),
				`The operation "${operation}" of "${resource}" is not supported`,
			);
		}
		return [await selected.execute.call(this, this.getInputData())];
	};
}

/** One operation of a resource: its fields and how it turns the node's input items into output items. */
export interface Operation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]>;
}

/**
 * The canvas subtitle of an action node: the chosen operation in words, as the Actions list names it ("Call and
 * wait for a key press"), read from each resource's Operation property (`action` of each option).
 */
export function operationSubtitle(properties: readonly INodeProperties[]): string {
	const actions: Record<string, string> = {};
	for (const property of properties) {
		const resources = property.displayOptions?.show?.resource;
		if (property.name !== 'operation' || !Array.isArray(resources)) continue;
		for (const option of property.options ?? []) {
			const { value, action } = option as { value?: unknown; action?: unknown };
			if (typeof action !== 'string') continue;
			for (const resource of resources) actions[`${String(resource)}.${String(value)}`] = action;
		}
	}
	return `={{(${JSON.stringify(actions)})[$parameter["resource"] + "." + $parameter["operation"]] || $parameter["operation"]}}`;
}
