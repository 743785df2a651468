import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Operation } from './operation';

/** A node's operations: resource → operation → its module, as the Resource and Operation options name them. */
type OperationMap = Readonly<Record<string, Readonly<Record<string, Operation>>>>;

/** Every "resource.operation" pair of a map, e.g. 'sms.send', for typing what a node offers. */
export type OperationName<M extends OperationMap> = {
	[R in keyof M & string]: `${R}.${keyof M[R] & string}`;
}[keyof M & string];

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
