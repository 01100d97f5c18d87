@owner:core @acceptor:lead
Feature: specgate lint
  `specgate lint` checks the SPEC and reports every finding at its file, line and column, in the
  pretty, json or github format; exit 0 without errors, 1 with errors, 2 for a usage error.

  @integration @id:LINT-001
  Scenario: A clean SPEC passes
    Given a SPEC with Rules, Backgrounds, Outlines, tables, DocStrings, French and Markdown Gherkin
    When the user runs specgate lint
    Then it prints no findings with the counts of files, clauses and cases
    And it exits 0

  @integration @error @id:LINT-002
  Scenario: Each rule reports its finding at the place it concerns
    Given a SPEC with a parse error, a missing id, a malformed id, a duplicate id, an unknown tag, a clause without level, steps or outcome, a feature without error branch, empty Examples, an unfilled placeholder and malformed tag values
    When the user runs specgate lint --format json
    Then each finding names its rule, severity, file, line and column
    And it exits 1

  @integration @error @id:LINT-003
  Scenario: An unknown tag gets a did-you-mean suggestion
    Given a clause tagged @e2ee
    When the user runs specgate lint
    Then the finding says "unknown tag @e2ee; did you mean @e2e?"

  @integration @id:LINT-004
  Scenario: Rule severities follow the config
    Given a config that turns no-error-branch off and other rules to warning
    When the user runs specgate lint
    Then the rule turned off reports nothing
    And warnings alone exit 0

  @integration @id:LINT-005
  Scenario Outline: Findings are rendered in each output format
    When the user runs specgate lint --format <format>
    Then the output is <shape>

    Examples:
      | format | shape                                                 |
      | pretty | grouped by file with a source excerpt under each line |
      | json   | one document with files, clauses, cases and findings  |
      | github | one workflow annotation per finding                   |

  @integration @error @id:LINT-006
  Scenario: A usage error exits 2 with one line
    When the user runs specgate lint with an unknown format, a missing path or an invalid config
    Then stderr names the problem in one line
    And it exits 2

  @integration @error @id:LINT-007
  Scenario: The corpus bad sources are located findings and the other files are still linted
    Given the public Gherkin corpus bad/ sources
    When the user runs specgate lint on them
    Then every file has a parse-error finding at file:line:col
    And nothing crashes
