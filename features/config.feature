@owner:core @acceptor:lead
Feature: Configuration
  specgate reads specgate.config.{ts,mts,mjs,js,json,yaml,yml} (or none), validated against one
  schema: zod's, from which the JSON Schema under specs/ is generated, and the check a valid config
  passes without loading zod is compiled from that JSON Schema.

  @integration @id:CONFIG-001
  Scenario Outline: Every config format is read
    Given a project with a <file> that allows the tag @smoke
    When the user runs specgate lint on a clause tagged @smoke
    Then there is no finding

    Examples:
      | file                 |
      | specgate.config.ts   |
      | specgate.config.mjs  |
      | specgate.config.json |
      | specgate.config.yaml |

  @integration @id:CONFIG-002
  Scenario: Without a config every default works
    Given a project without a config file
    When the user runs specgate lint
    Then the default feature globs, tags and rules apply

  @integration @id:CONFIG-007
  Scenario: A project whose feature globs match no file is told so
    Given a project whose feature globs match no feature file
    When the user runs specgate lint, status, generate, ids or check
    Then stderr says no feature files were found and where specgate looked
    And each exit code is the one the command gives without the note

  @integration @error @id:CONFIG-003
  Scenario: A wrong key or type is one line naming the key path
    Given a config with an unknown key, a wrong type or invalid YAML
    When the user runs specgate lint
    Then stderr is one line naming the file and the key path with what was expected
    And it exits 2

  @unit @id:CONFIG-004
  Scenario: The published JSON Schema is the zod schema's
    When the schemas are generated from the zod schema
    Then specs/config.schema.json is the same document

  @integration @id:CONFIG-005
  Scenario: specgate init writes a commented config and a starter feature, never overwriting
    Given an empty project
    When the user runs specgate init
    Then specgate.config.ts and features/example.feature exist and lint passes
    And a second run keeps both files as they are

  @unit @id:CONFIG-006 @covers:src/config/check-config.ts
  Scenario: A config is read exactly as its schema says, defaults and key order included
    Given configs changed at random from valid ones
    When specgate reads them
    Then it accepts exactly those the config schema accepts
    And it gives the same values, in the same key order, as the schema's parse
