import type { WorkflowJson } from './n8n/start.mjs';

export declare const EXAMPLES_DIR: string;
export declare function readExamples(): Array<{ file: string; workflow: WorkflowJson }>;
