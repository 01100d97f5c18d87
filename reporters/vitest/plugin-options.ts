/** The plugin's options; each overrides the same setting of specgate.config.*. */
import type { SpecgateConfigInput } from '../../src/config/schema.js'

export type GateMode = 'enforce' | 'report'

export interface SpecgatePluginOptions {
  /** enforce: a failing gate fails the run; report: only print. Default: config `gate`, else enforce when CI is set */
  gate?: GateMode
  /** severity per gate, over the config's `gates` */
  gates?: SpecgateConfigInput['gates']
  /** the specgate config file, relative to the Vitest root (default: specgate.config.* found there) */
  config?: string
  /** the folder fragments go to, relative to the Vitest root (default: config `ledgerDir`) */
  ledgerDir?: string
  /** names this fragment among several Vitest runs of one CI build (e.g. `unit`, `integration`) */
  label?: string
  /** turn on Vitest's includeTaskLocation (exact test line and column, at a stack trace per test); default false: lines come from a static scan of clause() calls */
  taskLocation?: boolean
  /** print the clause summary at the end of the run; default true */
  summary?: boolean
}
