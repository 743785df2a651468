import type { N8n, WorkflowJson } from './n8n/start.mjs';
import type { Sandbox } from '../test/sandbox/index';

export declare const EXAMPLES_DIR: string;
export declare const EXAMPLES_N8N_URL: string;
export declare const CRM_STAND_IN: string;
export declare function readExamples(options?: {
	n8nBaseUrl?: string;
}): Array<{ file: string; workflow: WorkflowJson }>;
export declare function startsByItself(workflow: WorkflowJson): boolean;
export declare function importDemoContent(
	n8n: N8n,
	sandbox: Sandbox,
	options?: { reimport?: boolean; log?: (line: string) => void },
): Promise<Array<{ file: string; workflow: WorkflowJson }>>;
export declare const SANDBOX_CALLBACK_SECRET: string;
