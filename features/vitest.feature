@owner:core @acceptor:lead @integration
Feature: Evidence from Vitest
  The Vitest plugin and reporter turn a real Vitest run into ledger evidence for the clauses its
  tests name, and judge the clauses Vitest is responsible for (@unit, @integration).

  Background:
    Given a project whose vitest.config.ts has plugins: [specgate()]

  @id:VIT-001
  Scenario: A passing test that runs its steps and asserts is accepted
    Given a test linked with clause() to the current hash of a @unit clause
    When the test runs every step of the clause and asserts something
    Then the clause is accepted
    And the fragment records the steps, the assertion count and the test's file and line

  @id:VIT-002
  Scenario: The summary is printed next to the user's own reporters
    When the user runs vitest with --reporter=dot
    Then the dot reporter prints its output
    And specgate prints one line per clause with its verdict

  @id:VIT-003 @error
  Scenario: A failing test fails the clause at the first failing step
    Given a test whose When step throws
    When the run ends
    Then the clause is failed at that step with the error message
    And the run exits non-zero whatever the gate mode
    And an Outline with one failing row is failed as a clause, and so are a test.fails that passed and a test that failed on every retry (not flaky)

  @id:VIT-004 @error
  Scenario: A skeleton never passes
    Given a generated test still marked skeleton: true
    When the run ends
    Then its body has not run
    And the clause is pending

  @id:VIT-005 @error
  Scenario: Evidence that proves nothing is hollow
    Given a test that passes without an assertion
    And a test that passes without reaching a step of its clause
    Then both clauses are hollow, with the missing step named

  @id:VIT-006 @error
  Scenario: A test written for an older clause hash is stale
    Given a test linked to a clause hash the SPEC no longer has
    Then the clause is stale, with both hashes named

  @id:VIT-007 @error
  Scenario: Tests naming clauses the SPEC lacks are orphans
    Given a test naming a clause id the SPEC does not have, with tags the SPEC does not declare
    Then the test is still collected and run
    And it is reported as an orphan

  @id:VIT-008 @error
  Scenario: A clause without a test is uncovered
    Given a @unit clause that no test names
    Then it is uncovered
    And @e2e clauses are left to Playwright

  @id:VIT-009 @edge
  Scenario: Retries, todo, skip and fails are told apart
    Given a test that passed only on retry, a todo, a skipped test and a test.fails
    Then their clauses are flaky, pending, skipped and pending with the detail fails

  @id:VIT-010 @error
  Scenario: A timeout and a crashed worker are recorded as failed, not lost
    Given a test that times out inside a step
    And a test that calls process.exit and one whose worker is killed
    Then each is recorded as failed, the timeout at the step that never finished

  @id:VIT-011
  Scenario: Sharded runs merge into the same ledger as one run
    When the suite runs as 3 shards with --reporter=blob and then --merge-reports
    Then the merged ledger and verdicts equal those of one unsharded run, apart from timestamps and durations
    And no shard reports the other shards' clauses as uncovered

  @id:VIT-012 @error
  Scenario: The gate decides the exit code when it enforces
    Given CI is set, or gate: 'enforce' in the config or the plugin options
    When a clause in scope is not accepted
    Then the run exits non-zero and says the gate failed
    And with gate: 'report' the run only prints the summary

  @id:VIT-013 @error
  Scenario: An error inside specgate fails the run with a message
    Given an invalid plugin option, an invalid specgate config or an unwritable ledger folder
    When vitest runs
    Then the run fails with a message naming the problem

  @id:VIT-014
  Scenario: The same fixture projects pass under Vitest 5 on Node 24
    When the fixture projects run with Vitest 5 from compat/vitest5
    Then every behaviour above holds there too

  @id:VIT-015
  Scenario: A project with its own Vitest runner keeps it, and its evidence is still recorded
    Given a vitest.config.ts that sets its own test.runner
    When vitest runs
    Then the project's runner runs the tests
    And each test's steps and assertions are recorded as with specgate's own runner

  @id:VIT-016
  Scenario: Tests in Vitest's browser mode record their evidence too
    Given a vitest.config.ts that runs the tests in Chromium with test.browser
    When vitest runs
    Then the test files import specgate/vitest in the browser without an error
    And each test's steps, assertions and data are recorded as in Node

  @id:VIT-017 @error
  Scenario: Concurrent tests are credited only with evidence of their own
    Given test.concurrent tests in one file: one runs its steps, the first in its beforeEach, and asserts with the test context's expect, one asserts nothing and runs no step, one asserts with the global expect, one linked to no clause runs a step
    When they run at the same time in one worker
    Then the first is accepted with its own steps and assertions, and so is a test of a later concurrent group
    And the other two are hollow, with the reason that they ran concurrently
    And where no per-test context tells them apart (a project's own runner), steps recorded while they overlapped count for none of them

  @id:VIT-018
  Scenario: The SPEC's tags are declared to Vitest, so Vitest's own tag filter selects clauses
    Given tests linked with clause() to @unit and @integration clauses, carrying the clauses' tags
    When vitest runs with --tagsFilter=@integration
    Then only the tests of the @integration clauses run, and only they are in the ledger fragment

  @id:VIT-019 @error
  Scenario: A fault inside specgate itself fails the run and says so in one line
    Given a project whose installed specgate has a module that throws while the run is judged
    When vitest runs
    Then the run fails with one line saying specgate hit an internal error, without a stack trace
    And no ledger fragment is written
    And a test that failed is still reported failed

  @id:VIT-020 @edge
  Scenario: A filtered run records only the tests it selected
    Given a test file with a skipped test beside the tests of other clauses
    When vitest runs with -t or a location (file.test.ts:12) selecting some of them, or through its Node API with a tag filter of the test file's own
    Then the tests the filter left out are not in the ledger fragment
    And a skipped test the filter selected is still recorded as skipped
