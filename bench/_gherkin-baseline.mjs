// The reference the lint benchmark compares with: every feature file parsed and compiled to
// pickles with @cucumber/gherkin alone. Usage: node _gherkin-baseline.mjs DIR (prints the case count)
import fs from 'node:fs'
import path from 'node:path'
import { AstBuilder, compile, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin'
import { IdGenerator } from '@cucumber/messages'

const dir = process.argv[2]
const files = fs.readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.feature')).sort()
const newId = IdGenerator.incrementing()
let pickles = 0
for (const f of files) {
  const file = path.join(dir, String(f))
  const source = fs.readFileSync(file, 'utf8')
  const parser = new Parser(new AstBuilder(newId), new GherkinClassicTokenMatcher())
  const doc = parser.parse(source)
  pickles += compile({ ...doc, uri: file }, file, newId).length
}
console.log(JSON.stringify({ files: files.length, cases: pickles }))
