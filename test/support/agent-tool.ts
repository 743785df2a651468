// A usableAsTool node the way an agent calls it inline: n8n-core's getInputConnectionData turns a node whose outputs
// include ai_tool into a LangChain tool (createNodeAsTool) and runs its `execute` in a SupplyDataContext when the tool
// is invoked; n8n's hidden Tool Executor does exactly that for a tool node's *Execute step* in the editor
// (@n8n/n8n-nodes-langchain ToolExecutor → executeTool → tool.invoke). `toolVariant` builds the node type n8n
// generates from a usableAsTool node (convertNodeToAiTool: no main input, one ai_tool output, name + "Tool");
// `toolCaller` is the consumer: it invokes the first tool connected to it with its Arguments and outputs the answer.

import type { IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

export const TOOL_CALLER = 'test.toolCaller';

export function toolVariant(node: INodeType): INodeType {
	return {
		description: {
			...node.description,
			name: `${node.description.name}Tool`,
			inputs: [],
			outputs: [NodeConnectionTypes.AiTool],
		},
		execute: node.execute,
		webhook: node.webhook,
	};
}

interface InvocableTool {
	name: string;
	invoke(args: unknown): Promise<unknown>;
}

export const toolCaller: INodeType = {
	description: {
		displayName: 'Tool Caller',
		name: 'toolCaller',
		group: ['transform'],
		version: 1,
		description: 'Invokes the connected tool inline, as an agent or the Tool Executor does',
		defaults: { name: 'Tool Caller' },
		inputs: [NodeConnectionTypes.Main, NodeConnectionTypes.AiTool],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Arguments', name: 'args', type: 'json', default: '{}' }],
	},
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const connected = await this.getInputConnectionData(NodeConnectionTypes.AiTool, 0);
		const [tool] = (Array.isArray(connected) ? connected : [connected]) as InvocableTool[];
		const raw = this.getNodeParameter('args', 0);
		const args: unknown = typeof raw === 'string' ? JSON.parse(raw) : raw;
		try {
			const answer = await tool.invoke(args);
			return [[{ json: { answer: typeof answer === 'string' ? JSON.parse(answer) : answer } }]];
		} catch (error) {
			return [[{ json: { error: (error as Error).message } }]];
		}
	},
};
