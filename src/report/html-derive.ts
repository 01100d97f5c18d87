/**
 * What the HTML report's page rebuilds from the compact data instead of reading it per clause. The
 * same functions run on both sides: html-data.ts calls them to check each clause (and writes the
 * value out where the page's rebuild would differ from the model), and render-html.ts serialises
 * them into the page. So each one is self-contained: no imports, no module constants.
 */

/**
 * A clause's inherited tags as the model makes them (build-feature.ts `withNames`): the Feature's
 * and Rule's tags, then its own (`ownTags`, the tags line the page shows) not among them, each once.
 */
export function inheritedTags(scope: readonly string[], ownTags: string | undefined): string[] {
  const tags = scope.slice()
  if (ownTags) for (const t of ownTags.split(' ')) if (!tags.includes(t)) tags.push(t)
  return tags
}

/** The part of the acceptance tags (acceptance-tags.ts `readAcceptanceTags`) the page filters on. */
export function acceptanceOf(tags: readonly string[]): { levels: string[]; owner?: string; acceptor?: string } {
  const out: { levels: string[]; owner?: string; acceptor?: string } = { levels: [] }
  for (const name of tags) {
    const bare = name.startsWith('@') ? name.slice(1) : name
    const colon = bare.indexOf(':')
    if (colon < 0) {
      if ((bare === 'unit' || bare === 'integration' || bare === 'e2e') && !out.levels.includes(bare)) out.levels.push(bare)
    } else {
      const key = bare.slice(0, colon)
      if (key === 'owner') out.owner = bare.slice(colon + 1)
      else if (key === 'acceptor') out.acceptor = bare.slice(colon + 1)
    }
  }
  return out
}

/** The title a generated skeleton gives a scenario's test (render-skeleton.ts `testTitle`): case key, then clause name. */
export function evidenceTitle(caseKey: string, clauseName: string): string {
  return `${caseKey} ${clauseName}`
}

/** An Outline's case key by its place among the clause's cases (model.ts `caseKey`). */
export function outlineCaseKey(id: string, index: number): string {
  return `${id}[${index + 1}]`
}

/**
 * The steps in a clause's Gherkin lines (html-data.ts `gherkin`, not an Outline's), as a test's
 * steps list them (` keyword text`): a step line is indented two spaces, its DocString and
 * DataTable lines four; a Background step's mark is taken off.
 */
export function ranSteps(lines: readonly string[]): string[] {
  const mark = '   # Background'
  const steps: string[] = []
  for (const line of lines) {
    if (line.length < 3 || line[2] === ' ') continue
    steps.push((line.endsWith(mark) ? line.slice(0, -mark.length) : line).slice(1))
  }
  return steps
}

export const PAGE_DERIVE = { inheritedTags, acceptanceOf, evidenceTitle, outlineCaseKey, ranSteps }
export type PageDerive = typeof PAGE_DERIVE

/** PAGE_DERIVE as a script expression, for the page to call with. */
export function pageDeriveScript(): string {
  return `{${Object.entries(PAGE_DERIVE).map(([name, f]) => `${name}: ${f.toString()}`).join(', ')}}`
}
