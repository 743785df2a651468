// Types of install.mjs for the TypeScript e2e suite (test/e2e).

export declare const ROOT: string;
export declare const CACHE: string;
export declare const N8N_VERSIONS: Record<string, number>;
export declare const DEFAULT_VERSION: string;
export declare function nodeMajorFor(version: string): number;
export declare function installN8n(version?: string): Promise<{
	version: string;
	dir: string;
	n8nBin: string;
	node: string;
	nodeVersion: string;
	nodeMajor: number;
	cached: boolean;
	timings: Record<string, number>;
}>;
