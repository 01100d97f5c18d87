@owner:core @acceptor:lead
Feature: Test skeletons generated from the SPEC
  `specgate generate` writes a Vitest or Playwright skeleton for every clause that has no test,
  carrying the clause id and hash, and never touches a test someone wrote.

  @id:GEN-001 @integration
  Scenario: Every clause without a test gets a skeleton at its level
    Given a feature with an @integration clause, an @e2e clause and an @unit Outline with 2 rows
    When the user runs "specgate generate"
    Then the Vitest file test/spec/team/keys.test.ts holds one test per case, Rules as describe blocks
    And the Playwright file e2e/spec/team/keys.spec.ts holds the @e2e clause
    And each test carries clause('<id>', '<hash>', { skeleton: true }) and its steps in order: the Feature's Background, the Rule's, then its own
    And an Outline row's values fill its step texts, DocStrings and DataTables, and its row object holds every column by name

  @id:GEN-002 @integration
  Scenario: A fresh skeleton never passes on the real runners
    Given skeletons generated for a feature
    When Vitest and Playwright run them
    Then Vitest reports every skeleton as todo and Playwright as skipped with fixme
    And none passes

  @id:GEN-003 @integration
  Scenario: A second run with no SPEC change writes nothing
    Given skeletons were generated
    When the user runs "specgate generate" again
    Then it prints "nothing to generate" and no file changes

  @id:GEN-004 @integration
  Scenario: New clauses are appended without changing a byte of the existing file
    Given a test file someone filled in by hand
    And a new clause in its feature
    When the user runs "specgate generate"
    Then the file starts with exactly the bytes it had
    And the new clause's skeleton follows them

  @id:GEN-005 @integration @edge
  Scenario: A clause named by a test anywhere gets nothing new
    Given a test in any file of the test globs that names KEYS-002
    When the user runs "specgate generate"
    Then no skeleton is written for KEYS-002

  @id:GEN-006 @integration @edge
  Scenario: Hostile names stay inside the configured folders
    Given features and scenarios named with "../", slashes, quotes, emoji and 200 characters
    When the user runs "specgate generate"
    Then every file written is inside the configured folders with a safe name
    And the names reach the runner unchanged as test titles

  @id:GEN-007 @integration
  Scenario: Dry run and check write nothing
    When the user runs "specgate generate --dry-run"
    Then it prints the files and text it would write
    When the user runs "specgate generate --check"
    Then it exits 1 naming the clauses without a test
    And neither run writes any file, not even generate's up-to-date cache

  @id:GEN-008 @integration @error
  Scenario: A generate folder outside the project is a config error
    Given the config sets generate.vitestDir to "../elsewhere"
    When the user runs "specgate generate"
    Then it exits 2 with "generate.vitestDir: "../elsewhere" is not a folder inside the project"

  @id:GEN-009 @integration @error
  Scenario: A feature file that does not parse gets no skeleton and fails the run
    Given a feature file with a parse error
    When the user runs "specgate generate"
    Then the error is printed with its file, line and column
    And the command exits 1

  @id:GEN-010 @integration
  Scenario: Skeletons for every file of the Gherkin corpus compile and load
    Given every good file of the Gherkin corpus, with ids and levels
    When the user runs "specgate generate"
    Then the TypeScript compiler accepts the files, strict, with noUnusedLocals and noUnusedParameters
    And Vitest runs them all as todo and Playwright lists them all

  @id:GEN-011 @integration @edge
  Scenario: A run killed half way leaves no torn test file
    Given a SPEC of 2,000 features and no tests yet
    When "specgate generate" is killed while it writes
    Then no runner's test discovery finds a file it wrote: they wait in a staging folder under node_modules
    When the user runs "specgate generate" again
    Then the test files are byte for byte those of a run never killed, in folders with the umask's permissions
    And the staging folders of dead runs are gone wherever they were left, also beside folders that exist by now, while one of a run still going is left alone
    And a folder that appeared while generate ran gets its files without losing one already there, and the next run removes the skeleton kept aside

  @id:GEN-012 @integration @error
  Scenario: A skeleton that cannot be written does not cost the others
    Given the folder a feature's Vitest skeleton goes to is a file
    When the user runs "specgate generate"
    Then stderr names the skeleton in one line and it exits 2
    And the feature's Playwright skeleton is written

  @id:GEN-013 @integration @edge
  Scenario: Skeletons appended under other helper names are still seen as tests
    Given a test file of the feature that already says "clause" and "Given" in a comment
    When the user runs "specgate generate"
    Then the skeletons it appends import the helpers under free names
    And "specgate status" finds every clause covered
    When ".specgate" is deleted and the user runs "specgate generate" again
    Then nothing is appended

  @id:GEN-014 @integration @error
  Scenario: A cache that cannot be saved costs only the fast path
    Given a file named ".specgate" where generate keeps its up-to-date cache
    When the user runs "specgate generate", "specgate generate --check" and "specgate generate --dry-run"
    Then each does its work and exits as it would otherwise
    And only the run that writes skeletons prints one warning line naming .specgate/cache/generate.json

  @id:GEN-015 @integration
  Scenario: Playwright selects skeletons by the clause's tags
    Given skeletons generated for two @e2e clauses, only one of them @error
    When Playwright lists the tests with "--grep @error"
    Then it lists that one and not the other, though no title says "@error"
    And "--grep @e2e" lists both and "--grep @id:<id>" the one named
