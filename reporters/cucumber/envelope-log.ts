/**
 * What Cucumber said during a run, indexed for translation into evidence: the envelope stream
 * (sources, pickles, test cases, attempts, step results, attachments), nothing else.
 */
import type * as messages from '@cucumber/messages'

export interface Attempt {
  started: messages.TestCaseStarted
  finished?: messages.TestCaseFinished
  results: Map<string, messages.TestStepResult>
  attachments: messages.Attachment[]
}

export class EnvelopeLog {
  readonly sources: messages.Source[] = []
  readonly documents = new Map<string, messages.GherkinDocument>()
  readonly pickles = new Map<string, messages.Pickle>()
  readonly testCases = new Map<string, messages.TestCase>()
  readonly hooks = new Map<string, messages.Hook>()
  readonly attempts = new Map<string, Attempt>()
  /** BeforeAll/AfterAll hooks that did not pass, and a run-level exception */
  readonly runProblems: string[] = []
  finished?: messages.TestRunFinished

  add(e: messages.Envelope): void {
    if (e.source) this.sources.push(e.source)
    else if (e.gherkinDocument?.uri) this.documents.set(e.gherkinDocument.uri, e.gherkinDocument)
    else if (e.pickle) this.pickles.set(e.pickle.id, e.pickle)
    else if (e.hook) this.hooks.set(e.hook.id, e.hook)
    else if (e.testCase) this.testCases.set(e.testCase.id, e.testCase)
    else if (e.testCaseStarted) this.attempts.set(e.testCaseStarted.id, { started: e.testCaseStarted, results: new Map(), attachments: [] })
    else if (e.testStepFinished) this.attempts.get(e.testStepFinished.testCaseStartedId)?.results.set(e.testStepFinished.testStepId, e.testStepFinished.testStepResult)
    else if (e.attachment) this.addAttachment(e.attachment)
    else if (e.testCaseFinished) this.finishAttempt(e.testCaseFinished)
    else if (e.testRunHookFinished) this.addRunHook(e.testRunHookFinished)
    else if (e.testRunFinished) this.finishRun(e.testRunFinished)
  }

  /** The last attempt of each test case Cucumber started (the one that counts after retries). */
  finalAttempts(): Attempt[] {
    const last = new Map<string, Attempt>()
    for (const a of this.attempts.values()) {
      const held = last.get(a.started.testCaseId)
      if (!held || a.started.attempt > held.started.attempt) last.set(a.started.testCaseId, a)
    }
    return [...last.values()]
  }

  /** Pickles Cucumber compiled but did not run (tag or name filters, a shard, `--fail-fast`). */
  unrunPickles(): messages.Pickle[] {
    const run = new Set([...this.testCases.values()].map((t) => t.pickleId))
    return [...this.pickles.values()].filter((p) => !run.has(p.id))
  }

  private addAttachment(a: messages.Attachment): void {
    if (a.testCaseStartedId) this.attempts.get(a.testCaseStartedId)?.attachments.push(a)
  }

  private finishAttempt(f: messages.TestCaseFinished): void {
    const attempt = this.attempts.get(f.testCaseStartedId)
    if (attempt) attempt.finished = f
  }

  private addRunHook(f: messages.TestRunHookFinished): void {
    const status = f.result.status
    if (status !== 'PASSED' && status !== 'SKIPPED') this.runProblems.push(`a BeforeAll/AfterAll hook ended ${status.toLowerCase()}: ${f.result.message ?? ''}`.trim())
  }

  private finishRun(f: messages.TestRunFinished): void {
    this.finished = f
    if (f.exception) this.runProblems.push(`the Cucumber run ended with ${f.exception.type}: ${f.exception.message ?? ''}`.trim())
  }
}
