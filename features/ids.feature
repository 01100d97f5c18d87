@owner:core @acceptor:lead
Feature: specgate ids
  `specgate ids --write` gives every clause without an @id: a new unique id by editing its tag
  line in place; without --write it lists what it would do.

  @integration @id:IDS-001
  Scenario: Missing ids are listed without --write and nothing changes
    Given a SPEC with clauses without ids
    When the user runs specgate ids
    Then each clause is listed with the id it would get
    And no file changes

  @integration @id:IDS-002
  Scenario: --write edits only tag lines and keeps every other byte
    Given a CRLF feature file with comments, aligned tables and clauses with and without tags
    When the user runs specgate ids --write
    Then an id is appended to the last tag of a tagged clause
    And an untagged clause gets a new tag line with its indentation
    And every other byte of the file stays as it was

  @unit @id:IDS-003
  Scenario: Writing ids is idempotent and re-parses to the same clauses
    Given any generated feature file
    When ids are written twice
    Then the second run changes nothing
    And the file parses to the same clauses with their new ids

  @integration @id:IDS-004
  Scenario: Numbers continue after the highest ever used within a prefix
    Given a prefix whose clauses use numbers 1 and 7, and a test that names number 9
    When the user runs specgate ids --write
    Then the new clauses get numbers 10 and 11
    And a test counts wherever status finds it, a skeleton in a generate folder outside the test globs too

  @integration @id:IDS-005
  Scenario: The prefix comes from the config, the file's ids, the folder or the file name
    Given feature files in features/auth/, features/billing.feature and a configured glob
    When the user runs specgate ids --write
    Then each file's new ids use the prefix chosen for it

  @integration @error @id:IDS-006
  Scenario: A file that does not parse is left alone and reported
    Given a feature file with a parse error
    When the user runs specgate ids --write
    Then the file is unchanged
    And the output names it at file:line:col
    And it exits 1
