@owner:core @acceptor:lead
Feature: Drift between the SPEC and the tests
  `specgate status` compares the SPEC with the tests on disk, without running them.

  @id:STATUS-001 @integration
  Scenario: Uncovered clauses are listed per level
    Given a SPEC with clauses at @unit, @integration and @e2e and no tests
    When the user runs "specgate status"
    Then it lists each clause without a test with its level
    And it exits 1

  @id:STATUS-002 @integration
  Scenario: A test written for an older clause is stale, with the step that changed
    Given a generated test for KEYS-005
    And the SPEC changes a step of KEYS-005
    When the user runs "specgate status"
    Then the test is stale, showing the old step text and the new one

  @id:STATUS-003 @integration
  Scenario: A test naming a deleted clause is an orphan
    Given a test for KEYS-002
    And KEYS-002 is deleted from the SPEC
    When the user runs "specgate status"
    Then the test is an orphan with the closest existing id as a hint

  @id:STATUS-004 @integration @edge
  Scenario: An @e2e clause claimed only by a Vitest test is a level mismatch
    Given a Vitest test file that names the @e2e clause KEYS-002
    When the user runs "specgate status"
    Then it reports that only vitest tests claim KEYS-002, which playwright must prove

  @id:STATUS-005 @integration
  Scenario: Accepting a reviewed hash changes only the hash literal
    Given a stale test for KEYS-005
    When the user runs "specgate status --accept-hash KEYS-005"
    Then only the characters of the hash in the test file change
    And status no longer reports it stale

  @id:STATUS-006 @integration
  Scenario: Findings come as pretty text, JSON or GitHub annotations
    When the user runs "specgate status --format github"
    Then each finding is an annotation on the test or feature line

  @id:STATUS-007 @integration @error
  Scenario: Accepting the hash of an unknown clause is an input error
    When the user runs "specgate status --accept-hash KEYS-099"
    Then it exits 2 with "the SPEC has no clause KEYS-099; did you mean KEYS-001?"

  @id:STATUS-008 @integration @error
  Scenario: A SPEC parse error is reported, not hidden behind orphaned tests
    Given a feature file with a parse error
    When the user runs "specgate status"
    Then the parse error is among the findings and the command exits 1

  @id:STATUS-009 @integration @edge
  Scenario: A test that imports the helpers under other names is found
    Given a test that imports clause and the steps from "specgate/vitest" under names of its own
    When the user runs "specgate status" and "specgate generate"
    Then status counts the clause as covered and generate writes it no skeleton
    When the SPEC changes a step of that clause
    Then status shows the test stale with exactly that step changed

  @id:STATUS-010 @integration @edge
  Scenario: A changed DocString or DataTable is shown on its step
    Given generated tests, whose step calls pass each DocString and DataTable as a literal
    And the SPEC changes only the DocString of one step and the DataTable of another
    When the user runs "specgate status"
    Then the test is stale, naming those two steps and what changed in each
    And a test whose step calls pass no literal data gets every step of the clause listed instead
