// Takes the README's picture of the HTML report: `node scripts/screenshot-report.mjs [report.html] [out.png]`
// (after `npm run demo`), in Debian's Chromium.
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium } from '@playwright/test'

const report = path.resolve(process.argv[2] ?? 'examples/team-keys/specgate-report/report.html')
const out = path.resolve(process.argv[3] ?? 'docs/report.png')
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] })
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
await page.goto(pathToFileURL(report).href)
await page.screenshot({ path: out })
await browser.close()
console.log(`wrote ${path.relative(process.cwd(), out)}`)
