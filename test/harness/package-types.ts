import './environment';

import { PackageDirectoryLoader } from 'n8n-core';
import type { ICredentialType, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';
import { NodeHelpers, UnexpectedError } from 'n8n-workflow';
import path from 'node:path';

export const PACKAGE_DIR = path.resolve(__dirname, '../..');

/** Node types from elsewhere (e.g. n8n's own HTTP Request node for a benchmark), by full type name. */
export type ExtraNodeTypes = Record<string, INodeType | IVersionedNodeType>;

/** Our built package (dist/), loaded the way n8n loads an installed community package. */
export class PackageTypes implements INodeTypes {
	private constructor(
		private readonly loader: PackageDirectoryLoader,
		private readonly extra: ExtraNodeTypes,
	) {}

	static async load(packageDir = PACKAGE_DIR, extra: ExtraNodeTypes = {}): Promise<PackageTypes> {
		const loader = new PackageDirectoryLoader(packageDir);
		await loader.loadAll();
		return new PackageTypes(loader, extra);
	}

	get packageName(): string {
		return this.loader.packageName;
	}

	/** Full node type as a workflow names it, e.g. `n8n-nodes-routee-octopush.routee`. */
	nodeType(name: string): string {
		return `${this.packageName}.${name}`;
	}

	private shortName(type: string): string {
		const prefix = `${this.packageName}.`;
		if (!type.startsWith(prefix)) throw new UnexpectedError(`Unknown node type: ${type}`);
		return type.slice(prefix.length);
	}

	getByName(type: string): INodeType | IVersionedNodeType {
		if (Object.hasOwn(this.extra, type)) return this.extra[type];
		const name = this.shortName(type);
		const data = this.loader.nodeTypes[name];
		if (data) return data.type;
		const tool = name.endsWith('Tool')
			? this.toolVariant(name.slice(0, -'Tool'.length))
			: undefined;
		if (!tool) throw new UnexpectedError(`Unknown node type: ${type}`);
		return tool;
	}

	private readonly tools = new Map<string, INodeType>();

	/**
	 * n8n's "<Node> Tool" variant of a usableAsTool node, as its createAiTools names it (`<name>Tool`, which is what
	 * `@tool` display conditions and a node's `type` read), with the node's own methods. Unlike n8n's, it keeps the
	 * main input and output, so the harness can run it on items and collect what it outputs.
	 */
	private toolVariant(name: string): INodeType | undefined {
		const data = this.loader.nodeTypes[name];
		const base = data?.type as INodeType | undefined;
		if (!base?.description?.usableAsTool) return undefined;
		let tool = this.tools.get(name);
		if (!tool) {
			tool = Object.create(base) as INodeType;
			tool.description = {
				...base.description,
				name: `${base.description.name}Tool`,
				displayName: `${base.description.displayName} Tool`,
			};
			this.tools.set(name, tool);
		}
		return tool;
	}

	getByNameAndVersion(type: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
	}

	getKnownTypes() {
		return this.loader.known.nodes;
	}

	credentialType(name: string): ICredentialType {
		const data = this.loader.credentialTypes[name];
		if (!data) throw new UnexpectedError(`Unknown credential type: ${name}`);
		return data.type;
	}

	get credentialTypeNames(): string[] {
		return Object.keys(this.loader.credentialTypes);
	}

	get nodeTypeNames(): string[] {
		return Object.keys(this.loader.nodeTypes).map((name) => this.nodeType(name));
	}
}
