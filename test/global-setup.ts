/**
 * Before the suite: remove the scratch folders earlier runs left under .tmp (each test's folder is
 * kept after a run for inspection, so they pile up), and make the fixture links once.
 */
import fs from 'node:fs'
import path from 'node:path'
import { linkSpecgate, REPO } from './helpers/cli.js'

// scratch() names folders `<name>-<6 random characters>` (fs.mkdtemp)
const SCRATCH = /-[A-Za-z0-9]{6}$/

export default function setup(): void {
  const base = path.join(REPO, '.tmp')
  for (const entry of fs.existsSync(base) ? fs.readdirSync(base) : []) {
    if (SCRATCH.test(entry)) fs.rmSync(path.join(base, entry), { recursive: true, force: true })
  }
  linkSpecgate()
}
