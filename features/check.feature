@owner:core @acceptor:lead
Feature: specgate check
  The single acceptance gate after the test runs: merge the ledger fragments, decide every clause's
  verdict over the whole SPEC, apply waivers, evaluate the gates, write the reports, set the exit code.

  Rule: merging and verdicts

    @integration @covers:src/check/** @id:CHECK-001
    Scenario: Fragments of several runners merge into one verdict per clause
      Given a Vitest fragment and a Playwright fragment for the same SPEC
      When the user runs specgate check
      Then every clause of the SPEC has one verdict
      And a clause no runner brought evidence for is uncovered

    @integration @covers:src/check/** @id:CHECK-002
    Scenario: The latest attempt of a shard wins
      Given two fragments of the same shard, the older one failing
      When the user runs specgate check
      Then only the newer fragment counts

    @integration @covers:src/ledger/merge.ts @id:CHECK-019
    Scenario: A filtered re-run replaces only the tests it ran
      Given a complete Vitest run with a failing test
      And a later run of only that test's file, now passing
      When the user runs specgate check
      Then every clause is accepted, the complete run's other tests still counting
      And the console and report.md name the test result the re-run superseded

    @integration @covers:src/ledger/supersede.ts @id:CHECK-020
    Scenario: A later complete run supersedes older shards
      Given two Vitest shard fragments, one with a failing test
      And a later complete run of the same project where every test passes
      When the user runs specgate check
      Then every clause is accepted
      And the console and report.md name both shard fragments as superseded

    @integration @covers:src/check/mixed-runs.ts @id:CHECK-003
    Scenario: Fragments from another commit or SPEC revision are flagged
      Given a fragment from another commit and one from another SPEC revision
      When the user runs specgate check
      Then the fragments-consistent gate names both fragments

    @integration @covers:src/util/run-commit.ts @id:CHECK-018
    Scenario: Every runner's fragment carries the commit it ran on
      Given a project in a git repository whose tests Vitest ran on one commit
      When a new commit is made and the user runs specgate check
      Then the fragments-consistent gate names the Vitest fragment, its commit and the checkout's
      And Cucumber and Playwright fragments carry the commit their CI variable names

  Rule: waivers

    @integration @covers:src/check/*waivers*.ts @id:CHECK-004
    Scenario: A valid waiver makes a clause waived, never accepted
      Given a waiver for an uncovered clause that expires next month
      When the user runs specgate check
      Then the clause is waived and the underlying verdict is kept

    @integration @error @covers:src/check/apply-waivers.ts @id:CHECK-005
    Scenario: An expired waiver stops counting
      Given a waiver that expired yesterday
      When the user runs specgate check
      Then the clause keeps its verdict and the waivers-valid gate names the waiver's line

    @integration @error @risk:security @covers:src/check/apply-waivers.ts @id:CHECK-006
    Scenario: A waiver of a risk clause needs an acceptor
      Given a waiver without an acceptor for a @risk:security clause
      When the user runs specgate check
      Then the waiver does not count

    @integration @error @covers:src/check/waivers-file.ts @id:CHECK-007
    Scenario Outline: An invalid waivers file is one line naming the line
      Given a waivers file with <problem>
      When the user runs specgate check
      Then stderr is one line naming the file and the line
      And it exits 2

      Examples:
        | problem                    |
        | invalid YAML               |
        | an unknown clause          |
        | a missing reason           |
        | two waivers for one clause |

  Rule: gates and exit codes

    @integration @covers:src/ledger/gates.ts @id:CHECK-008
    Scenario: Failing gates exit 1 and say who owes what
      Given a run with a failing, a hollow and an uncovered clause
      When the user runs specgate check
      Then it exits 1
      And the failing gates are listed with their clauses grouped by owner and acceptor

    @integration @covers:src/cli/check.ts @id:CHECK-009
    Scenario: Report mode prints the gates but exits 0
      Given a run with failing gates
      When the user runs specgate check --gate report
      Then it exits 0

    @integration @covers:src/check/baseline.ts @id:CHECK-010
    Scenario: A baseline lists regressions first, then newly accepted clauses
      Given a baseline ledger where one clause was accepted and one failed
      And the opposite in the current run
      When the user runs specgate check --baseline baseline.json
      Then the first is listed as a regression and the second as newly accepted

  Rule: bad inputs

    @integration @error @covers:src/check/read-fragments.ts @id:CHECK-011
    Scenario: A truncated fragment does not hide the others
      Given a truncated fragment next to good ones
      When the user runs specgate check
      Then stderr names the broken file in one line
      And the good fragments are merged
      And the fragments-readable gate fails

    @integration @error @covers:src/check/read-fragments.ts @id:CHECK-012
    Scenario: A fragment of a newer schema version is refused
      Given a fragment with schemaVersion 99
      When the user runs specgate check
      Then stderr says the fragment is newer than this specgate understands

    @integration @error @covers:src/ledger/check-ledger.ts @id:CHECK-017
    Scenario: A fragment that breaks the ledger schema is refused with its first problem
      Given fragments changed at random from valid ones
      When specgate reads them
      Then it accepts exactly those the ledger schema accepts, with the same records
      And a refused fragment is one line naming the file and the key path of the problem

    @integration @error @covers:src/check/run-check.ts @id:CHECK-013
    Scenario: An empty report folder is no evidence
      Given an empty ledger folder
      When the user runs specgate check
      Then stderr says "no evidence found"
      And it exits 1

    @integration @error @covers:src/cli/check.ts @id:CHECK-021
    Scenario: An input error removes the previous run's reports
      Given the reports of an earlier run in the report folder
      And a waivers file that is not valid YAML
      When the user runs specgate check
      Then it exits 2 with one line naming the file and the reports it removed
      And no report of the earlier run is left to pass for this run's, while other files stay

  Rule: explain and affected

    @integration @covers:src/check/explain-clause.ts @id:CHECK-014
    Scenario: Explain says what would make a clause accepted
      Given a clause whose Outline has a stale case and an uncovered case
      When the agent runs specgate explain with --json
      Then each case says what is missing

    @integration @error @covers:src/cli/explain.ts @id:CHECK-015
    Scenario: Explain an unknown clause id
      When the user runs specgate explain with a clause id the SPEC does not have
      Then stderr suggests the closest id, only when it is a few edits away
      And it exits 2

    @integration @covers:src/check/affected-clauses.ts @id:CHECK-016
    Scenario: Affected lists the clauses a diff touched
      Given a change to a file a clause covers
      When the user runs specgate affected --since base
      Then the clause is listed with its latest verdict
