@owner:core @acceptor:lead
Feature: The Cucumber adapter and Cucumber Messages output
  Teams that run their feature files with cucumber-js get the same evidence and verdicts as Vitest
  and Playwright teams, and tools that read Cucumber Messages see every runner's evidence.

  @id:CUKE-001 @integration
  Scenario: cucumber-js writes a ledger fragment for the scenarios it ran
    Given a project whose scenarios carry @id: tags
    When cucumber-js runs with --format specgate/cucumber
    Then one ledger fragment valid against specs/ledger.schema.json is written to the ledger folder
    And each scenario that ran is one evidence record with the clause hash of the text Cucumber ran

  @id:CUKE-002 @integration @error
  Scenario: undefined, pending and ambiguous steps are never accepted
    Given scenarios with an undefined step, a pending step and an ambiguous step
    When cucumber-js runs with --format specgate/cucumber
    Then the undefined and pending scenarios are pending and the ambiguous one is failed
    And each reason names the step and its Cucumber status

  @id:CUKE-003 @integration @error
  Scenario: a scenario that runs no step is hollow
    Given a scenario with no steps
    When cucumber-js runs with --format specgate/cucumber
    Then its clause is hollow: passed without executing a single step

  @id:CUKE-004 @integration
  Scenario: retries, Outlines and parallel workers
    Given an Outline with two Examples rows and a scenario that passes only on retry
    When cucumber-js runs with --retry 1, serially and with --parallel 2
    Then each Examples row is its own case and the retried scenario is flaky
    And both runs give the same evidence and verdicts

  @id:CUKE-005 @integration @error
  Scenario: a scenario edited after the run is stale
    Given a fragment from a cucumber-js run
    When a scenario's step changes its kind before specgate check
    Then its clause is stale

  @id:CUKE-006 @integration @error
  Scenario: format option mistakes and a failing gate are one line each
    Given a mistyped format option, an invalid specgate config, or a hollow scenario in CI
    When cucumber-js runs with --format specgate/cucumber
    Then the run fails with one line naming the option, the config key or the gate, without a stack trace

  @id:CUKE-007 @integration
  Scenario: specgate check writes Cucumber Messages of a mixed run
    Given fragments from Vitest, Playwright and Cucumber
    When specgate check runs with --format messages
    Then every envelope validates against the JSON Schema of @cucumber/messages
    And each clause case has a test case from the runner that proved it and a step with specgate's verdict

  @id:CUKE-008 @integration
  Scenario: specgate check writes the Cucumber HTML report
    Given fragments from Vitest, Playwright and Cucumber
    When specgate check runs with --format cucumber-html
    Then Chromium opens the page and finds every scenario
