@owner:core @acceptor:lead
Feature: The SPEC model
  specgate reads every feature file with @cucumber/gherkin into one clause model (ids, hashes,
  cases, inherited tags, levels, owners, locations) that every other part builds on.

  @integration @id:MODEL-001
  Scenario: Every valid source of the Gherkin corpus loads with one case per reference pickle
    Given the public Gherkin corpus good/ sources
    When the SPEC model loads them
    Then each file has no errors
    And each file has as many cases as its .pickles.ndjson has lines

  @integration @error @id:MODEL-002
  Scenario: Every invalid source of the Gherkin corpus is reported at the reference positions
    Given the public Gherkin corpus bad/ sources
    When the SPEC model loads them
    Then each file has parse errors at the lines of its .errors.ndjson

  @unit @id:MODEL-003
  Scenario: Reformatting a clause keeps its hash
    Given a clause
    When its indentation, blank lines, comments, tag order and table alignment change
    Then its clause hash stays the same

  @unit @id:MODEL-004
  Scenario: And, But and translated keywords keep the hash
    Given a clause
    When a step keyword becomes And or But after a step of the same kind, or the feature is translated
    Then its clause hash stays the same

  @unit @edge @id:MODEL-005
  Scenario: Any change to what a clause requires changes its hash
    Given a clause
    When a step text, a DocString, a DataTable cell or an Examples row changes
    Then its clause hash changes

  @integration @id:MODEL-006
  Scenario: Tags are inherited from Feature to Rule to Scenario to Examples
    Given a feature tagged @owner:core with a Rule tagged @integration
    When a Scenario in the Rule is tagged @id:A-1
    Then the clause has owner core, level integration and id A-1

  @unit @id:MODEL-007
  Scenario: The fast path builds the reference parser's model or leaves the file to it
    Given a plain feature file, from the Gherkin corpus or generated with tricky lines
    When the SPEC model reads it through the fast path
    Then its clauses equal those built from the document of @cucumber/gherkin
    And a file the reference parser rejects is left to the reference parser
