// Writes the published JSON Schemas under specs/ from the zod schemas (the single source).
// `npm run schemas` after changing a schema; a test fails while the committed files lag behind.
import fs from 'node:fs'
import { schemaDocuments } from '../dist/src/schemas.js'
for (const [file, doc] of Object.entries(schemaDocuments())) {
  fs.writeFileSync(new URL(`../specs/${file}`, import.meta.url), `${JSON.stringify(doc, null, 2)}\n`)
  console.log(`wrote specs/${file}`)
}
