import { Credentials } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	Workflow,
} from 'n8n-workflow';
import { ICredentialsHelper, isExpression, UnexpectedError } from 'n8n-workflow';

import type { PackageTypes } from './package-types';

export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

/**
 * An in-memory credential store that applies `preAuthentication` and `authenticate` the way
 * n8n's own CredentialsHelper does (packages/cli/src/credentials-helper.ts): the hidden expirable
 * field is filled when empty, refreshed when a request answered 401, and written back to the store.
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	private readonly store = new Map<string, StoredCredential>();

	readonly preAuthenticationCalls: Array<{ type: string; expired: boolean }> = [];

	constructor(private readonly types: PackageTypes) {
		super();
	}

	set(credential: StoredCredential): void {
		this.store.set(credential.id, {
			...credential,
			data: this.withDefaults(credential.type, credential.data),
		});
	}

	get(id: string): StoredCredential | undefined {
		return this.store.get(id);
	}

	private withDefaults(
		type: string,
		data: ICredentialDataDecryptedObject,
	): ICredentialDataDecryptedObject {
		const result: ICredentialDataDecryptedObject = {};
		for (const property of this.types.credentialType(type).properties) {
			result[property.name] = property.default as ICredentialDataDecryptedObject[string];
		}
		return { ...result, ...data };
	}

	private find(details: INodeCredentialsDetails, type: string): StoredCredential {
		const credential = details.id ? this.store.get(details.id) : undefined;
		if (!credential || credential.type !== type) {
			throw new UnexpectedError(`No credential of type ${type} with id ${details.id}`);
		}
		return credential;
	}

	getParentTypes(name: string): string[] {
		return this.types.credentialType(name).extends ?? [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	getCredentialsProperties(type: string) {
		return this.types.credentialType(type).properties;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.types.credentialType(typeName);
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		if (authenticate?.type === 'generic') {
			if (!workflow || !node)
				throw new UnexpectedError('generic authentication needs the workflow and node');
			const target = requestOptions as unknown as Record<string, Record<string, unknown>>;
			for (const [outerKey, entries] of Object.entries(authenticate.properties)) {
				target[outerKey] ??= {};
				for (const [key, value] of Object.entries(entries as Record<string, string>)) {
					const resolve = (v: string) =>
						isExpression(v)
							? String(
									workflow.expression.getSimpleParameterValue(
										node,
										v,
										'internal',
										{ $credentials: credentials },
										undefined,
										'',
									) ?? '',
								)
							: v;
					target[outerKey][resolve(key)] = resolve(value);
				}
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.types.credentialType(typeName);
		const expirable = type.properties.find(
			(p) => p.type === 'hidden' && p.typeOptions?.expirable === true,
		);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		const isCredentialTest = node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';
		if (credentials[expirable.name] !== '' && !credentialsExpired && !isCredentialTest)
			return undefined;

		this.preAuthenticationCalls.push({ type: typeName, expired: credentialsExpired });
		const output = (await type.preAuthentication.call(
			helpers,
			credentials,
		)) as ICredentialDataDecryptedObject;
		if (output[expirable.name] === undefined) return undefined;
		const details = node.credentials?.[typeName];
		if (details) {
			const stored = this.find(details, typeName);
			this.set({ ...stored, data: { ...stored.data, ...output } });
		}
		return Object.assign(credentials, output) as ICredentialDataDecryptedObject;
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.types.credentialType(typeName);
		if (typeof type.preAuthentication !== 'function') return undefined;
		return (await type.preAuthentication.call(
			helpers,
			credentials,
		)) as ICredentialDataDecryptedObject;
	}

	async getCredentials(details: INodeCredentialsDetails, type: string): Promise<Credentials> {
		const stored = this.find(details, type);
		const credentials = new Credentials({ id: stored.id, name: stored.name }, type);
		await credentials.setData(stored.data);
		return credentials;
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		details: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		return { ...this.find(details, type).data };
	}

	async updateCredentials(
		details: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const stored = this.find(details, type);
		this.set({ ...stored, data });
	}

	async updateCredentialsOauthTokenData(
		details: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		await this.updateCredentials(details, type, data);
	}
}
