/**
 * Every lint rule, by the name users configure it with (`lint.rules` in the config). The
 * `satisfies` keeps this registry and LINT_RULES in step: no rule ships without its docs line.
 */
import type { LintRule } from '../config/schema.js'
import type { LintRuleDef } from './rule.js'
import { conflictingLevels, duplicateId, emptyExamples, missingId, missingLevel, noOutcome, noSteps, unknownPlaceholder } from './rules/clause-rules.js'
import { noErrorBranch, parseError } from './rules/feature-rules.js'
import { malformedCovers, malformedId, malformedOwner, malformedRequiresData, unknownRisk, unknownTag } from './rules/tag-rules.js'

export const LINT_REGISTRY = {
  'parse-error': parseError,
  'missing-id': missingId,
  'malformed-id': malformedId,
  'duplicate-id': duplicateId,
  'unknown-tag': unknownTag,
  'missing-level': missingLevel,
  'conflicting-levels': conflictingLevels,
  'no-steps': noSteps,
  'no-outcome': noOutcome,
  'no-error-branch': noErrorBranch,
  'empty-examples': emptyExamples,
  'unknown-placeholder': unknownPlaceholder,
  'malformed-requires-data': malformedRequiresData,
  'malformed-covers': malformedCovers,
  'unknown-risk': unknownRisk,
  'malformed-owner': malformedOwner,
} satisfies Record<LintRule, LintRuleDef>
