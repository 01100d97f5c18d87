/**
 * The one config schema: the source of the TypeScript type, the published JSON Schema
 * (specs/config.schema.json) and the error messages. Every object is strict: a typo is an error.
 */
import { z } from 'zod'
import { GATE_NAMES } from '../ledger/gates.js'
import { DEFAULT_FEATURE_GLOBS } from '../spec/find-features.js'
import { isRegExp } from './is-regexp.js'
import { LINT_RULES, RUNNERS, type LintRule } from './names.js'

export { LINT_RULES, RUNNERS, VERDICTS, type LintRule, type Runner, type Verdict } from './names.js'

const severity = z.enum(['error', 'warning', 'off'])
const globs = z.array(z.string().min(1))

const lintRules = z.strictObject(Object.fromEntries(LINT_RULES.map((r) => [r, severity.optional()])) as Record<LintRule, z.ZodOptional<typeof severity>>)

const runnerList = z.array(z.enum(RUNNERS)).min(1)

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  /** feature files: globs relative to the project root */
  features: globs.default([...DEFAULT_FEATURE_GLOBS]),
  tags: z.strictObject({
    /** further tags the team uses, allowed by lint: exact names (`@smoke`) or prefixes (`@jira:*`) */
    allowed: z.array(z.string().regex(/^@\S+$/, 'a tag starts with @ and has no spaces')).default([]),
    /** the `@risk:` categories */
    risks: z.array(z.string().min(1)).default(['security', 'cost', 'permissions', 'config-migration', 'data-loss', 'privacy']),
  }).prefault({}),
  ids: z.strictObject({
    /** what a clause id must look like */
    pattern: z.string().refine(isRegExp, 'not a valid regular expression').default('^[A-Z][A-Z0-9]*-[0-9]+$'),
    /** id prefix per feature path glob (`{ "features/auth/**": "AUTH" }`); default: from the folder or file name */
    prefixes: z.record(z.string(), z.string().regex(/^[A-Z][A-Z0-9]*$/, 'upper-case letters and digits, starting with a letter')).default({}),
    /** zero-padded width of new id numbers */
    digits: z.number().int().min(1).max(9).default(3),
  }).prefault({}),
  lint: z.strictObject({
    /** severity per rule: error, warning or off */
    rules: lintRules.default({}),
  }).prefault({}),
  generate: z.strictObject({
    /** where Vitest skeletons for @unit and @integration clauses go */
    vitestDir: z.string().default('test/spec'),
    /** where Playwright skeletons for @e2e clauses go */
    playwrightDir: z.string().default('e2e/spec'),
  }).prefault({}),
  /** test files that may name clauses (status and generate look here) */
  tests: globs.default(['**/*.{test,spec}.{ts,tsx,mts,cts,js,jsx,mjs,cjs}']),
  /** which runner brings the evidence for which level */
  runners: z.strictObject({
    unit: runnerList.default(['vitest']),
    integration: runnerList.default(['vitest']),
    e2e: runnerList.default(['playwright']),
  }).prefault({}),
  /** where runners write ledger fragments and where check reads them */
  ledgerDir: z.string().default('.specgate/ledger'),
  /** where check writes report.md, report.html, junit.xml and ledger.json */
  reportDir: z.string().default('specgate-report'),
  /** enforce: failing gates fail the run; report: only print. Default: enforce when CI is set. */
  gate: z.enum(['enforce', 'report']).optional(),
  /** severity per gate (see `specgate check --help` for the list) */
  gates: z.strictObject(Object.fromEntries(GATE_NAMES.map((g) => [g, severity.optional()])) as Record<string, z.ZodOptional<typeof severity>>).default({}),
  /** the waivers file */
  waivers: z.string().default('specgate.waivers.yaml'),
  e2e: z.strictObject({
    /** URL substrings or regular expressions (`/api\\/.*`/) of the API responses that count as data */
    api: z.array(z.string()).default([]),
    /**
     * Empty-state markers, checked after each Then step: a visible element matching one of the CSS
     * `selectors` (open shadow roots included), or a visible element whose text contains one of the
     * `texts` (case-sensitive; a space matches any run of white space).
     */
    emptyState: z.strictObject({
      selectors: z.array(z.string()).default(['[data-empty-state]', '[data-testid*="empty-state"]']),
      texts: z.array(z.string()).default([]),
    }).prefault({}),
    /** a URL that answers entity counts (`{ "orders": 12 }`), read before each E2E test */
    probe: z.string().optional(),
  }).prefault({}),
})

export type SpecgateConfigInput = z.input<typeof configSchema>
export type SpecgateConfig = z.output<typeof configSchema>

/** For `specgate.config.ts`: typed config with editor completion. */
export function defineConfig(config: SpecgateConfigInput): SpecgateConfigInput {
  return config
}
