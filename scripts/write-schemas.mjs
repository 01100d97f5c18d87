// Writes the published JSON Schemas under specs/ from the zod schemas (the single source), and the
// fast validators generated from them. `npm run schemas` after changing a schema; a test fails
// while the committed files lag behind.
import fs from 'node:fs'
import { schemaDocuments } from '../dist/src/schemas.js'
import { CONFIG_VALIDATOR_FILE, configValidatorCode, ledgerValidatorCode, VALIDATORS_FILE } from './validator-code.mjs'

const docs = schemaDocuments()
for (const [file, doc] of Object.entries(docs)) {
  fs.writeFileSync(new URL(`../specs/${file}`, import.meta.url), `${JSON.stringify(doc, null, 2)}\n`)
  console.log(`wrote specs/${file}`)
}
for (const [file, code] of [[VALIDATORS_FILE, ledgerValidatorCode(docs['ledger.schema.json'])], [CONFIG_VALIDATOR_FILE, configValidatorCode(docs['config.schema.json'])]]) {
  fs.writeFileSync(new URL(`../${file}`, import.meta.url), code)
  console.log(`wrote ${file}`)
}
