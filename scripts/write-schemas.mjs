// Writes the published JSON Schemas under specs/ from the zod schemas (the single source), and the
// ledger's fast validators from the ledger schema. `npm run schemas` after changing a schema; a
// test fails while the committed files lag behind.
import fs from 'node:fs'
import { schemaDocuments } from '../dist/src/schemas.js'
import { ledgerValidatorCode, VALIDATORS_FILE } from './ledger-validator-code.mjs'

const docs = schemaDocuments()
for (const [file, doc] of Object.entries(docs)) {
  fs.writeFileSync(new URL(`../specs/${file}`, import.meta.url), `${JSON.stringify(doc, null, 2)}\n`)
  console.log(`wrote specs/${file}`)
}
fs.writeFileSync(new URL(`../${VALIDATORS_FILE}`, import.meta.url), ledgerValidatorCode(docs['ledger.schema.json']))
console.log(`wrote ${VALIDATORS_FILE}`)
