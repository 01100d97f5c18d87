/**
 * The tags a SPEC uses, found by scanning tag lines instead of parsing: Vitest needs them declared
 * before it starts, and a full parse of a large SPEC would delay every run. A superset is harmless
 * (an extra declared tag); the full parse runs meanwhile, for the verdicts at the end.
 * `@id:` tags are left out: one per clause, they would travel to every test worker, and tests never
 * carry them (the id is in the title, and `clause()` links it).
 */
import fs from 'node:fs'
import { findFeatureFiles } from '../../src/spec/find-features.js'

const PLAIN_TAG = /(?:^|\s)(@[^\s#]+)/g
const MARKDOWN_TAG = /`(@[^`\s]+)`/g

export async function scanTags(root: string, patterns: readonly string[]): Promise<string[]> {
  const files = await findFeatureFiles(root, patterns)
  const tags = new Set<string>()
  for (const file of files) {
    const text = readIfThere(file)
    for (const tag of tagsIn(text, file.endsWith('.md'))) {
      if (!tag.startsWith('@id:')) tags.add(tag)
    }
  }
  return [...tags].sort()
}

/** Synchronous: Vitest waits for the tags anyway, and small files read this way cost far less (50 files: 1.6 ms, against 14 ms awaited one by one). */
function readIfThere(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch {
    return '' // gone since the glob: the SPEC load at the end reports it
  }
}

function tagsIn(text: string, markdown: boolean): string[] {
  if (markdown) return [...text.matchAll(MARKDOWN_TAG)].map((m) => m[1]!)
  return text.split('\n').filter((line) => line.trimStart().startsWith('@')).flatMap((line) => [...line.matchAll(PLAIN_TAG)].map((m) => m[1]!))
}
