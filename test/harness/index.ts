export { Harness, type RunResult, type WorkflowJson } from './harness';
export { PackageTypes, PACKAGE_DIR } from './package-types';
