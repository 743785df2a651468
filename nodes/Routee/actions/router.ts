import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Operation } from '../../shared/operation';
import { accountOperations } from './account';
import { smsOperations } from './sms';
import { voiceOperations } from './voice';

const operations: Record<string, Record<string, Operation>> = {
	sms: smsOperations,
	voice: voiceOperations,
	account: accountOperations,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const selected = operations[resource]?.[operation];
	if (!selected) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	return [await selected.execute.call(this, items)];
}
