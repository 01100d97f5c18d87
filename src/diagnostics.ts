/** Problems are data: every finding carries where it is and which rule found it. */
export type Severity = 'error' | 'warning'

export interface Diagnostic {
  rule: string
  severity: Severity
  /** root-relative POSIX path */
  file: string
  line?: number
  column?: number
  message: string
}

/** A user-facing error (bad flag, unreadable file, invalid config): exit code 2, one line. */
export class InputError extends Error {
  readonly file?: string
  readonly line?: number
  readonly column?: number
  constructor(message: string, where: { file?: string; line?: number; column?: number } = {}) {
    super(message)
    this.name = 'InputError'
    this.file = where.file
    this.line = where.line
    this.column = where.column
  }

  /** `file:line:col: message`, the one line the CLI prints. */
  oneLine(): string {
    const at = [this.file, this.line, this.column].filter((p) => p !== undefined).join(':')
    return at ? `${at}: ${this.message}` : this.message
  }
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.file.localeCompare(b.file) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    a.rule.localeCompare(b.rule) ||
    a.message.localeCompare(b.message)
  )
}
