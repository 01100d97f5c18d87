/**
 * The Playwright fixture app, copied into a scratch folder per scenario (each run writes its own
 * ledger), with the clause hashes of its SPEC filled into the tests' `{{hash:ID}}` slots.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { loadSpec } from '../../src/spec/load-spec.js'
import { linkSpecgate, REPO, scratch, type RunResult } from './cli.js'

export const PW_APP = path.join(REPO, 'test/fixtures/pw-app')

export { linkSpecgate } from './cli.js'

export async function copyApp(name: string, from: string = PW_APP): Promise<string> {
  linkSpecgate()
  const dir = scratch(name)
  fs.cpSync(from, dir, { recursive: true })
  const spec = await loadSpec({ root: dir })
  for (const file of fs.readdirSync(path.join(dir, 'e2e'))) {
    const abs = path.join(dir, 'e2e', file)
    const text = fs.readFileSync(abs, 'utf8').replace(/\{\{hash:([A-Z]+-\d+)\}\}/g, (_m, id: string) => spec.byId.get(id)?.hash ?? 'unknown')
    fs.writeFileSync(abs, text)
  }
  return dir
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

const PLAYWRIGHT = path.join(REPO, 'node_modules/@playwright/test/cli.js')

/** Spawns the real Playwright CLI (async, so several runs can overlap). */
export function playwright(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [PLAYWRIGHT, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', CI: '', PW_TEST_HTML_REPORT_OPEN: 'never', ...env },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString() })
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString() })
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }))
  })
}

/** The fragments a run left in the ledger folder. */
export function fragments(root: string, ledgerDir = '.specgate/ledger'): string[] {
  const dir = path.join(root, ledgerDir)
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => path.join(dir, f)) : []
}
