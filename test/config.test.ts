/**
 * Configuration, seen by a user: every config format is read (spawned CLI on fixture projects),
 * every mistake is one line naming the key path, the published JSON Schema is the zod schema's,
 * and `specgate init` writes a config that works.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { clause, type ClauseTestOptions } from 'specgate/vitest'
import { quickConfig } from '../src/config/check-config.js'
import { CONFIG_FILES } from '../src/config/load-config.js'
import { GATE_NAMES } from '../src/ledger/gates.js'
import { configSchema, LINT_RULES, RUNNERS } from '../src/config/schema.js'
import { schemaDocuments } from '../src/schemas.js'
import { CLI, linkSpecgate, REPO, scratch, specgate, writeTree } from './helpers/cli.js'
import { heldToZod } from './helpers/json-changes.js'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
})

// Fixture projects under .tmp import 'specgate' (defineConfig) the way an installed project does.
beforeAll(() => linkSpecgate())

const SMOKE_FEATURE = '@owner:a @acceptor:b\nFeature: Smoke\n\n  @unit @error @smoke @id:SMOKE-001\n  Scenario: s\n    Then ok\n'

function project(files: Record<string, string>): string {
  const dir = scratch('config')
  dirs.push(dir)
  writeTree(dir, { 'features/smoke.feature': SMOKE_FEATURE, ...files })
  return dir
}

describe('config files', () => {
  const allowSmoke: Record<string, string> = {
    'specgate.config.ts': "import { defineConfig } from 'specgate'\nconst tag: string = '@smoke'\nexport default defineConfig({ tags: { allowed: [tag] } })\n",
    'specgate.config.mts': "export default { tags: { allowed: ['@smoke'] } } as const\n",
    'specgate.config.mjs': "export default { tags: { allowed: ['@smoke'] } }\n",
    'specgate.config.js': "export default { tags: { allowed: ['@smoke'] } }\n",
    'specgate.config.json': '{ "tags": { "allowed": ["@smoke"] } }\n',
    'specgate.config.yaml': 'tags:\n  allowed: ["@smoke"]\n',
    'specgate.config.yml': 'tags:\n  allowed: ["@smoke"]\n',
  }
  // CONFIG-001's Examples rows; the other formats are read the same way, tested without a clause row
  const rows: Record<string, ClauseTestOptions> = {
    'specgate.config.ts': clause('CONFIG-001', '8dec87d86d4b', { row: 1 }),
    'specgate.config.mjs': clause('CONFIG-001', '8dec87d86d4b', { row: 2 }),
    'specgate.config.json': clause('CONFIG-001', '8dec87d86d4b', { row: 3 }),
    'specgate.config.yaml': clause('CONFIG-001', '8dec87d86d4b', { row: 4 }),
  }
  for (const [file, text] of Object.entries(allowSmoke)) {
    const row = rows[file]
    it(`${row ? `CONFIG-001[${row.meta.specgate.row}] ` : ''}reads ${file}`, row ?? {}, () => {
      const r = specgate(['lint'], project({ [file]: text, 'package.json': '{ "type": "module" }' }))
      // (the helper sets NO_COLOR and an empty FORCE_COLOR, about which node itself may warn here)
      expect(r.stderr).not.toContain('specgate:')
      expect(r.stdout.trim()).toBe('no findings in 1 file, 1 clause, 1 case')
      expect(r.code).toBe(0)
    })
  }

  it('CONFIG-002 works without a config: the default globs, tags and rules apply', clause('CONFIG-002', '6456aedab410'), () => {
    const r = specgate(['lint'], project({}))
    expect(r.stdout).toContain('unknown tag @smoke; add it to tags.allowed in the config if the team uses it')
    expect(r.code).toBe(1)
  })

  it('CONFIG-007 tells a project whose globs match no feature file so, on stderr, with the usual exit codes', clause('CONFIG-007', 'daba199e0704'), () => {
    const note = (where: string) => `specgate: no feature files found (looked for ${where}; set "features" in the config, or name the files or folders)`
    const defaults = note('features/**/*.feature, features/**/*.feature.md')
    const empty = project({})
    fs.rmSync(path.join(empty, 'features'), { recursive: true })
    const runs: [string[], number, string][] = [
      [['lint'], 0, defaults],
      [['lint', '--format', 'json', 'specs/*.feature'], 0, note('specs/*.feature')],
      [['status'], 0, defaults],
      [['generate'], 0, defaults],
      // the second run takes the no-change fast path, which says it too
      [['generate'], 0, defaults],
      [['ids'], 0, defaults],
      [['check', '--gate', 'report'], 0, `${defaults}\nspecgate: no evidence found in .specgate/ledger: run the tests with the specgate reporters first`],
    ]
    for (const [args, code, stderr] of runs) {
      const r = specgate(args, empty)
      expect({ args, code: r.code, stderr: r.stderr.trim() }).toEqual({ args, code, stderr })
    }
    // with a feature file there is no note
    const withFeature = project({ 'specgate.config.json': '{ "tags": { "allowed": ["@smoke"] } }' })
    for (const args of [['lint'], ['status'], ['ids']]) expect(specgate(args, withFeature).stderr).toBe('')
  })

  it('reads the file named by --config', () => {
    const dir = project({ 'config/sg.yaml': 'tags:\n  allowed: ["@smoke"]\n' })
    expect(specgate(['--config', 'config/sg.yaml', 'lint'], dir).code).toBe(0)
  })
})

describe('config mistakes: one line naming the file and the key path, exit 2', () => {
  const cases: [string, Record<string, string>, string][] = [
    ['an unknown key, with a suggestion', { 'specgate.config.json': '{ "featurs": [] }' }, 'specgate.config.json: unknown key "featurs"; did you mean "features"?'],
    ['an unknown nested key', { 'specgate.config.json': '{ "tags": { "alowed": [] } }' }, 'specgate.config.json: unknown key "tags.alowed"; did you mean "allowed"?'],
    ['a wrong type', { 'specgate.config.json': '{ "features": "features/*.feature" }' }, 'specgate.config.json: features: Invalid input: expected array, received string'],
    ['a bad rule severity', { 'specgate.config.yaml': 'lint:\n  rules:\n    missing-id: fatal\n' }, 'specgate.config.yaml: lint.rules.missing-id: Invalid option: expected one of "error"|"warning"|"off"'],
    ['an unknown lint rule', { 'specgate.config.yaml': 'lint:\n  rules:\n    missing-ids: off\n' }, 'specgate.config.yaml: unknown key "lint.rules.missing-ids"; did you mean "missing-id"?'],
    ['an id pattern that is not a regular expression', { 'specgate.config.json': '{ "ids": { "pattern": "((" } }' }, 'specgate.config.json: ids.pattern: not a valid regular expression'],
    ['a tag without @', { 'specgate.config.json': '{ "tags": { "allowed": ["smoke"] } }' }, 'specgate.config.json: tags.allowed.0: a tag starts with @ and has no spaces'],
    ['invalid YAML, with its line and column', { 'specgate.config.yaml': 'tags:\n  allowed: [@smoke\n' }, 'specgate.config.yaml:2:13: not valid YAML: Plain value cannot start with reserved character @ at line 2, column 13:'],
    ['invalid JSON', { 'specgate.config.json': '{ "features": [ }' }, 'specgate.config.json: not valid JSON:'],
    ['a config module that throws', { 'specgate.config.mjs': "throw new Error('no config today')\n" }, 'specgate.config.mjs: cannot load config: no config today'],
  ]
  for (const [what, files, message] of cases) {
    it(`CONFIG-003 ${what}`, clause('CONFIG-003', '8cc6e89d6596'), () => {
      const r = specgate(['lint'], project(files))
      expect(r.code).toBe(2)
      expect(r.stdout).toBe('')
      expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1)
      expect(r.stderr).toContain(`specgate: ${message}`)
    })
  }

  it('a --config file that does not exist', () => {
    const r = specgate(['--config', 'nope.json', 'lint'], project({}))
    expect({ code: r.code, stderr: r.stderr.trim() }).toEqual({ code: 2, stderr: 'specgate: nope.json: config file not found' })
  })
})

describe('the command line', () => {
  it('prints the package version with --version or -V, exit 0', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }
    for (const flag of ['--version', '-V']) expect(specgate([flag], REPO)).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' })
  })

  it('names in --help every config file name the loader tries, in its order', () => {
    const names = `specgate.config.{${CONFIG_FILES.map((f) => f.replace('specgate.config.', '')).join(',')}}`
    expect(specgate(['--help'], REPO).stdout.replace(/\s+/g, ' ')).toContain(`the first of ${names} in the root`)
  })

  it('stops quietly, with the command\'s exit code, when the reader closes the pipe early', () => {
    // `true` reads nothing and exits at once: every write of the CLI meets a closed pipe
    const piped = (args: string) =>
      spawnSync('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${CLI}" ${args} | true`], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
    for (const [args, code] of [['check --help', 0], ['lint --format json features', 0], ['--config nope.json lint', 2]] as const) {
      const r = piped(args)
      expect({ args, code: r.status, stderr: r.stderr.replace(/^specgate: nope.json: config file not found\n$/, '') }).toEqual({ args, code, stderr: '' })
    }
  })
})

const severity = fc.constantFrom('error', 'warning', 'off')
const glob = fc.constantFrom('features/**/*.feature', 'spec/*.feature')
const runners = fc.array(fc.constantFrom(...RUNNERS), { minLength: 1, maxLength: 2 })

/**
 * Every key of the config, each present or not, with values the schema accepts; the random changes
 * then break some. The one rule zod holds beyond the JSON Schema, a pattern that must compile, and
 * the one key zod drops, "__proto__" in a record, come in here.
 */
const configArb = fc.record({
  $schema: fc.string({ maxLength: 4 }),
  features: fc.array(glob, { maxLength: 2 }),
  tags: fc.record({ allowed: fc.array(fc.constantFrom('@smoke', '@jira:*'), { maxLength: 2 }), risks: fc.array(fc.constantFrom('security', 'cost'), { maxLength: 2 }) }, { requiredKeys: [] }),
  ids: fc.record({
    pattern: fc.oneof({ arbitrary: fc.constantFrom('^[A-Z]+-[0-9]+$', '.*'), weight: 2 }, { arbitrary: fc.constantFrom('(', '[a-'), weight: 1 }),
    prefixes: fc.dictionary(fc.oneof({ arbitrary: fc.constantFrom('features/auth/**', 'x'), weight: 5 }, { arbitrary: fc.constant('__proto__'), weight: 1 }), fc.constantFrom('AUTH', 'A1')),
    digits: fc.integer({ min: 1, max: 9 }),
  }, { requiredKeys: [] }),
  lint: fc.record({ rules: fc.dictionary(fc.constantFrom(...LINT_RULES), severity) }, { requiredKeys: [] }),
  generate: fc.record({ vitestDir: fc.constantFrom('test/spec', 'x'), playwrightDir: fc.constantFrom('e2e/spec', 'y') }, { requiredKeys: [] }),
  tests: fc.array(glob, { maxLength: 2 }),
  runners: fc.record({ unit: runners, integration: runners, e2e: runners }, { requiredKeys: [] }),
  ledgerDir: fc.constantFrom('.specgate/ledger', 'out'),
  reportDir: fc.constantFrom('specgate-report', 'r'),
  gate: fc.constantFrom('enforce', 'report'),
  gates: fc.dictionary(fc.constantFrom(...GATE_NAMES), severity),
  waivers: fc.constantFrom('specgate.waivers.yaml'),
  e2e: fc.record({
    api: fc.array(fc.constantFrom('/api/', ''), { maxLength: 2 }),
    emptyState: fc.record({ selectors: fc.array(fc.constantFrom('[data-empty]'), { maxLength: 1 }), texts: fc.array(fc.constantFrom('No rows'), { maxLength: 1 }) }, { requiredKeys: [] }),
    probe: fc.constantFrom('http://localhost:3000/counts'),
  }, { requiredKeys: [] }),
}, { requiredKeys: [] })

describe('the config check without zod', () => {
  it('CONFIG-006 accepts exactly the configs zod accepts, with the same values in the same key order', clause('CONFIG-006', 'f94026dd1108'), () => {
    const stricter = heldToZod(configArb, configSchema, (text, byZod) => {
      const given = JSON.parse(text) as unknown
      const fast = quickConfig(given)
      expect(JSON.stringify(given)).toBe(text) // defaults go into a copy, never into the caller's config
      if (fast && byZod.success) expect(JSON.stringify(fast)).toBe(JSON.stringify(byZod.data))
      return fast !== undefined
    })
    // the only configs only zod accepts hold a "__proto__" key in a record, which zod leaves out
    for (const t of stricter) expect(t).toContain('"__proto__"')
  })

  it('gives every default for an empty config, as zod does', () => {
    expect(JSON.stringify(quickConfig({}))).toBe(JSON.stringify(configSchema.parse({})))
    expect(JSON.stringify(quickConfig(undefined))).toBe(JSON.stringify(configSchema.parse({})))
  })
})

describe('the published JSON Schema', () => {
  it('CONFIG-004 is the one generated from the zod schema (run `npm run schemas` after changing it)', clause('CONFIG-004', '21f6dab5fc14'), () => {
    const committed = JSON.parse(fs.readFileSync(path.join(REPO, 'specs/config.schema.json'), 'utf8')) as unknown
    expect(committed).toEqual(schemaDocuments()['config.schema.json'])
  })
})

describe('specgate init', () => {
  it('CONFIG-005 writes a commented specgate.config.ts and a starter feature that lint passes, and a second run keeps both', clause('CONFIG-005', 'ffc49ce65b41'), () => {
    const dir = project({})
    fs.rmSync(path.join(dir, 'features'), { recursive: true })
    const r = specgate(['init'], dir)
    expect(r.stdout.trim().split('\n')).toEqual([
      'created specgate.config.ts',
      'created features/example.feature',
      'next: npx specgate lint, then npx specgate generate',
    ])
    expect(fs.readFileSync(path.join(dir, 'specgate.config.ts'), 'utf8')).toMatch(/^import \{ defineConfig \} from 'specgate'\n\n\/\/ /)
    expect(specgate(['lint'], dir).stdout.trim()).toBe('no findings in 1 file, 2 clauses, 2 cases')
    const written = ['specgate.config.ts', 'features/example.feature'].map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    const again = specgate(['init'], dir)
    expect(again.code).toBe(0)
    expect(again.stdout.trim().split('\n').slice(0, 2)).toEqual([
      'kept specgate.config.ts (specgate.config.ts already configures this project)',
      'kept features/example.feature (already exists)',
    ])
    expect(['specgate.config.ts', 'features/example.feature'].map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))).toEqual(written)
  })

  for (const [format, file] of [['json', 'specgate.config.json'], ['yaml', 'specgate.config.yaml']] as const) {
    it(`writes ${file} with --format ${format}, valid against the schema`, () => {
      const dir = project({})
      fs.rmSync(path.join(dir, 'features'), { recursive: true })
      expect(specgate(['init', '--format', format], dir).stdout).toContain(`created ${file}`)
      const r = specgate(['lint'], dir)
      expect({ code: r.code, out: r.stdout.trim() }).toEqual({ code: 0, out: 'no findings in 1 file, 2 clauses, 2 cases' })
    })
  }

  it('never overwrites: an existing config (any format) and feature are kept as they are', () => {
    const dir = project({ 'specgate.config.yaml': 'tags:\n  allowed: ["@smoke"]\n', 'features/example.feature': '# mine\n' })
    const r = specgate(['init'], dir)
    expect(r.stdout.trim().split('\n')).toEqual([
      'kept specgate.config.ts (specgate.config.yaml already configures this project)',
      'kept features/example.feature (already exists)',
      'next: npx specgate lint, then npx specgate generate',
    ])
    expect(r.code).toBe(0)
    expect(fs.existsSync(path.join(dir, 'specgate.config.ts'))).toBe(false)
    expect(fs.readFileSync(path.join(dir, 'features/example.feature'), 'utf8')).toBe('# mine\n')
  })

  it('refuses an unknown format with exit 2', () => {
    const r = specgate(['init', '--format', 'toml'], project({}))
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("argument 'toml' is invalid. Allowed choices are ts, json, yaml.")
  })
})
