// Types of demo-data.mjs for the TypeScript callers (test/sandbox/cli.ts, the e2e suite).

export declare const DEMO_DATA_ROOT: string;
export declare const RUNNING_FILE: string;
export interface RunningDemo {
	pid: number;
	dataDir: string;
	sandbox?: { url: string; routeeBaseUrl: string; routeeTokenUrl: string; octopushBaseUrl: string };
	n8nBaseUrl?: string;
}
export declare function demoDataDir(version: string, env?: NodeJS.ProcessEnv): string;
export declare function runningDemo(dataDir: string): RunningDemo | undefined;
export declare function runningDemos(env?: NodeJS.ProcessEnv): RunningDemo[];
