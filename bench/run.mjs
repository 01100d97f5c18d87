#!/usr/bin/env node
// `npm run bench`: runs every benchmark in this folder, one after another (they share 2 cores, so
// never in parallel), and prints each one's table. `npm run bench -- lint check` runs only those.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const wanted = process.argv.slice(2)
const scripts = fs.readdirSync(here)
  .filter((f) => f.endsWith('.mjs') && f !== 'run.mjs' && !f.startsWith('_'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort()
let failed = 0
for (const script of scripts) {
  console.log(`\n== ${script} ==`)
  const r = spawnSync(process.execPath, [path.join(here, script)], { stdio: 'inherit' })
  if (r.status !== 0) {
    failed++
    console.log(`${script} exited ${r.status}`)
  }
}
process.exitCode = failed ? 1 : 0
