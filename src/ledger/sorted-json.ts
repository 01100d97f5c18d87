/**
 * The text of every ledger specgate writes, fragments and merged ledger.json alike: JSON with
 * sorted keys, so equal values give equal text. The top-level arrays hold one item per line, so a
 * ledger diffs well, and the text comes in chunks (one per item), so a 60,000-record ledger is
 * never one string in memory.
 */

/** Code-unit order, independent of locale, so every machine sorts alike. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** An item's text made ahead (`sortedItem`), or undefined to make it now. */
export type ItemTexts = (item: unknown) => string | undefined

export function sortedJson(value: unknown, made?: ItemTexts): string {
  return [...sortedJsonChunks(value, made)].join('')
}

/** One item of a top-level array as it stands on its line, to be made ahead of the whole text. */
export function sortedItem(item: unknown): string {
  return shared.of(item) ?? 'null'
}

export function* sortedJsonChunks(value: unknown, made?: ItemTexts): Generator<string> {
  if (!isObject(value)) {
    yield `${shared.of(value)}\n`
    return
  }
  const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort(compareStrings)
  yield '{'
  for (const [i, k] of keys.entries()) {
    const v = value[k]
    yield `${i ? ',' : ''}\n  ${JSON.stringify(k)}: `
    if (!Array.isArray(v) || v.length === 0) {
      yield shared.of(v)
      continue
    }
    yield '['
    for (const [j, item] of v.entries()) yield `${j ? ',' : ''}\n    ${made?.(item) ?? sortedItem(item)}`
    yield '\n  ]'
  }
  yield '\n}\n'
}

/**
 * Sorting a copy's keys and letting JSON.stringify run natively is several times faster than
 * JSON.stringify's property-list form; the sorted key order is kept per set of keys, since a
 * ledger has only a handful of object shapes.
 */
class SortedText {
  /** sorted key orders by the keys' own order, one trie level per key: no text made per object, and no two lists of keys alike */
  private readonly orders: KeyNode = { next: new Map() }

  of(value: unknown): string {
    // records zod parses come in order already (see ledgerObject in schema.ts), and so do records
    // read from ledger files specgate wrote (see check-ledger.ts)
    if (inOrder(value)) return JSON.stringify(value)
    const copy = this.sorted(value)
    // An object with an array-index key ("2", "10") cannot hold its keys in code-unit order, since
    // JavaScript lists index keys first: such rare values are written key by key.
    return copy === INDEX_KEY ? textKeyByKey(value) ?? 'null' : JSON.stringify(copy)
  }

  private sorted(value: unknown): unknown {
    if (Array.isArray(value)) {
      const out: unknown[] = []
      for (const v of value) {
        const copy = this.sorted(v)
        if (copy === INDEX_KEY) return INDEX_KEY
        out.push(copy)
      }
      return out
    }
    if (!isObject(value) || typeof value.toJSON === 'function') return value
    const order = this.orderOf(Object.keys(value))
    if (order === undefined) return INDEX_KEY
    const out: Record<string, unknown> = {}
    for (const k of order) {
      const copy = this.sorted(value[k])
      if (copy === INDEX_KEY) return INDEX_KEY
      // an own "__proto__" (JSON.parse makes one) set by assignment would set the prototype instead
      if (k === '__proto__') Object.defineProperty(out, k, { value: copy, enumerable: true, writable: true, configurable: true })
      else out[k] = copy
    }
    return out
  }

  /** undefined when a key is an array index */
  private orderOf(keys: string[]): string[] | undefined {
    // (keys joined into one text made {} and {"": 0} one shape, and {"a\u0000": 1, b: 2} and {a: 1, "\u0000b": 2})
    let node = this.orders
    for (const k of keys) {
      let next = node.next.get(k)
      if (next === undefined) node.next.set(k, (next = { next: new Map() }))
      node = next
    }
    if (node.order === undefined) {
      if (keys.some(isIndexKey)) return undefined
      node.order = keys.sort(compareStrings)
    }
    return node.order
  }
}

/**
 * Whether JSON.stringify would already write every key in code-unit order: a walk that allocates
 * nothing, instead of the sorted copy (one-off: the text of 60,000 zod-parsed records, median of 10
 * passes, 486 ms with the copy, 344 ms without).
 */
function inOrder(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true
  if (Array.isArray(value)) {
    for (const v of value) if (!inOrder(v)) return false
    return true
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false
  let last: string | undefined
  for (const k in value) {
    // index keys are listed first whatever their order; the copy path knows what to do with them
    if ((last !== undefined && last >= k) || isDigit(k.charCodeAt(0))) return false
    last = k
    if (!inOrder((value as Record<string, unknown>)[k])) return false
  }
  return true
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

interface KeyNode {
  next: Map<string, KeyNode>
  order?: string[]
}

const INDEX_KEY = Symbol('index key')

/** One for every text made: ledgers have a handful of object shapes, so their key orders are kept across ledgers. */
const shared = new SortedText()

function isIndexKey(k: string): boolean {
  return /^(0|[1-9]\d*)$/.test(k) && Number(k) < 2 ** 32 - 1
}

/**
 * JSON.stringify's text with every object's keys in code-unit order, made key by key (its
 * property-list form cannot do it: a "__proto__" in the list writes every object's prototype).
 * undefined where JSON.stringify gives undefined (a function, a symbol, undefined itself).
 */
function textKeyByKey(value: unknown): string | undefined {
  if (Array.isArray(value)) return `[${value.map((v) => textKeyByKey(v) ?? 'null').join(',')}]`
  if (!isObject(value) || typeof value.toJSON === 'function') return JSON.stringify(value)
  const members: string[] = []
  for (const k of Object.keys(value).sort(compareStrings)) {
    const text = textKeyByKey(value[k])
    if (text !== undefined) members.push(`${JSON.stringify(k)}:${text}`)
  }
  return `{${members.join(',')}}`
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
