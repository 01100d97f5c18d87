/** Every tag as written in the files in hand, with the element it stands on, sorted by what it is. */
import type { Spec, TagRef } from '../spec/model.js'
import type { ValueTagKey, Vocabulary } from './vocabulary.js'

export interface TagSite {
  file: string
  tag: TagRef
  on: 'feature' | 'rule' | 'clause' | 'examples'
}

export interface TagIndex {
  /** tags the vocabulary does not know, with its suggestion */
  unknown: (TagSite & { suggestion?: string })[]
  /** the value tags (`@covers:src/**`) by key, with their value */
  values: Record<ValueTagKey, (TagSite & { value: string })[]>
}

export function indexTags(spec: Spec, vocabulary: Vocabulary): TagIndex {
  const index: TagIndex = {
    unknown: [],
    values: { 'id': [], 'owner': [], 'acceptor': [], 'requires-data': [], 'covers': [], 'risk': [] } satisfies Record<ValueTagKey, unknown[]>,
  }
  const add = (file: string, on: TagSite['on'], tags: readonly TagRef[]): void => {
    for (const tag of tags) {
      const c = vocabulary.classify(tag.name)
      if (c.kind === 'unknown') index.unknown.push({ file, tag, on, suggestion: c.suggestion })
      else if (c.kind === 'value') index.values[c.key].push({ file, tag, on, value: c.value })
    }
  }
  for (const f of spec.features) {
    add(f.file, 'feature', f.tags)
    for (const r of f.rules) add(f.file, 'rule', r.tags)
    for (const c of f.clauses) {
      add(f.file, 'clause', c.ownTags)
      for (const e of c.examples) add(f.file, 'examples', e.tags)
    }
  }
  return index
}
