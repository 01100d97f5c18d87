/** specgate's library API: the same functions the CLI and the runner adapters use. */
export { loadSpec, buildSpec, findFeatureFiles, DEFAULT_FEATURE_GLOBS } from './spec/load-spec.js'
export type { LoadSpecOptions } from './spec/load-spec.js'
export type * from './spec/model.js'
export type { Diagnostic, Severity } from './diagnostics.js'
export { InputError } from './diagnostics.js'
