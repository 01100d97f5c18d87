/** The files `specgate init` writes: a commented config in the chosen format and a first feature. */
export const INIT_FORMATS = ['ts', 'json', 'yaml'] as const
export type InitFormat = (typeof INIT_FORMATS)[number]

const SCHEMA = './node_modules/specgate/specs/config.schema.json'

export function configFile(format: InitFormat): { path: string; text: string } {
  if (format === 'json') return { path: 'specgate.config.json', text: JSON_CONFIG }
  if (format === 'yaml') return { path: 'specgate.config.yaml', text: YAML_CONFIG }
  return { path: 'specgate.config.ts', text: TS_CONFIG }
}

const TS_CONFIG = `import { defineConfig } from 'specgate'

// Every key is optional: these are the defaults. \`npx specgate lint\` checks the SPEC against them.
export default defineConfig({
  // where the SPEC lives: globs relative to this file
  features: ['features/**/*.feature', 'features/**/*.feature.md'],
  tags: {
    // the team's own tags, allowed next to specgate's: exact names ('@smoke') or prefixes ('@jira:*')
    allowed: [],
    // the categories @risk: may name; risky clauses get stricter gates
    risks: ['security', 'cost', 'permissions', 'config-migration', 'data-loss', 'privacy'],
  },
  ids: {
    // the id prefix per feature path; without one, \`specgate ids --write\` takes the folder or file name
    prefixes: { /* 'features/auth/**': 'AUTH' */ },
    // zero-padded width of new id numbers
    digits: 3,
  },
  lint: {
    // severity per rule: 'error', 'warning' or 'off'
    rules: { /* 'conflicting-levels': 'off' */ },
  },
  // which runner brings the evidence for each level
  runners: { unit: ['vitest'], integration: ['vitest'], e2e: ['playwright'] },
})
`

const JSON_CONFIG = `${JSON.stringify({
  $schema: SCHEMA,
  features: ['features/**/*.feature', 'features/**/*.feature.md'],
  tags: { allowed: [], risks: ['security', 'cost', 'permissions', 'config-migration', 'data-loss', 'privacy'] },
  ids: { prefixes: {}, digits: 3 },
  lint: { rules: {} },
  runners: { unit: ['vitest'], integration: ['vitest'], e2e: ['playwright'] },
}, null, 2)}\n`

const YAML_CONFIG = `# yaml-language-server: $schema=${SCHEMA}
# Every key is optional: these are the defaults. \`npx specgate lint\` checks the SPEC against them.

# where the SPEC lives: globs relative to this file
features: ['features/**/*.feature', 'features/**/*.feature.md']
tags:
  # the team's own tags, allowed next to specgate's: exact names (@smoke) or prefixes (@jira:*)
  allowed: []
  # the categories @risk: may name; risky clauses get stricter gates
  risks: [security, cost, permissions, config-migration, data-loss, privacy]
ids:
  # the id prefix per feature path (features/auth/**: AUTH); default: the folder or file name
  prefixes: {}
  # zero-padded width of new id numbers
  digits: 3
lint:
  # severity per rule: error, warning or off (conflicting-levels: off)
  rules: {}
# which runner brings the evidence for each level
runners:
  unit: [vitest]
  integration: [vitest]
  e2e: [playwright]
`

export const EXAMPLE_FEATURE = {
  path: 'features/example.feature',
  text: `# A first SPEC. Each Scenario is one clause: one acceptance criterion with a stable @id:.
# @unit / @integration / @e2e say which runner must prove it; @error marks a failure branch.
# \`npx specgate lint\` checks it, \`npx specgate ids --write\` gives new clauses their ids.
@owner:dev-team @acceptor:product
Feature: Greeting

  @unit @id:EXAMPLE-001
  Scenario: A named visitor is greeted by name
    Given a visitor named "Ada"
    When the visitor opens the home page
    Then the page says "Hello, Ada"

  @unit @error @id:EXAMPLE-002
  Scenario: A visitor without a name gets the generic greeting
    Given a visitor with no name
    When the visitor opens the home page
    Then the page says "Hello"
`,
}
