// @ts-check
/** The pages: plain files from src/pages, no build step. Only the listed files are served. */
import fs from 'node:fs'

const PAGES = new Map([
  ['/', ['keys.html', 'text/html']],
  ['/cost', ['cost.html', 'text/html']],
  ['/keys.js', ['keys.js', 'text/javascript']],
  ['/cost.js', ['cost.js', 'text/javascript']],
  ['/money.js', ['../domain/money.js', 'text/javascript']],
  ['/style.css', ['style.css', 'text/css']],
])

/** @param {string} pathname @param {import('node:http').ServerResponse} res */
export function servePage(pathname, res) {
  const page = PAGES.get(pathname)
  if (!page) {
    res.writeHead(404, { 'content-type': 'text/plain' })
    res.end(`not found: ${pathname}`)
    return
  }
  const [file, type] = page
  res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' })
  res.end(fs.readFileSync(new URL(`../pages/${file}`, import.meta.url)))
}
