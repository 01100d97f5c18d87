/**
 * `status --accept-hash <id>`: a reviewer says the stale tests of a clause still hold for its new
 * text. Only the characters of the hash literal change; the rest of each file stays byte for byte.
 */
import { InputError } from '../diagnostics.js'
import { nearIdHint } from '../spec/near-id.js'
import type { Spec } from '../spec/model.js'
import type { Claim, TestFileScan } from './scan-source.js'

export interface HashEdit {
  claim: Claim
  to: string
}

/** The edits that bring every test of the ids to the current clause hash; errors for unknown ids. */
export function planAcceptHash(spec: Spec, files: readonly TestFileScan[], ids: readonly string[]): HashEdit[] {
  const claims = files.flatMap((f) => f.claims)
  return ids.flatMap((id) => {
    const clause = spec.byId.get(id)
    if (!clause) throw new InputError(`--accept-hash ${id}: the SPEC has no clause ${id}${nearIdHint(id, spec)}`)
    const mine = claims.filter((c) => c.id === id)
    if (mine.length === 0) throw new InputError(`--accept-hash ${id}: no test names ${id} (nothing to accept; \`specgate generate\` writes one)`)
    return mine.filter((c) => c.hash !== clause.hash).map((claim) => ({ claim, to: clause.hash }))
  })
}

/** Pure: the file's text with the hash literals replaced, back to front so offsets hold. */
export function applyHashEdits(text: string, edits: readonly HashEdit[]): string {
  let out = text
  for (const e of [...edits].sort((a, b) => b.claim.hashStart - a.claim.hashStart)) {
    if (out.slice(e.claim.hashStart, e.claim.hashEnd) !== e.claim.hash) {
      throw new InputError('the file changed while specgate was reading it; run the command again', { file: e.claim.file, line: e.claim.line })
    }
    out = out.slice(0, e.claim.hashStart) + e.to + out.slice(e.claim.hashEnd)
  }
  return out
}
