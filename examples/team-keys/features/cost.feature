@owner:platform-team @acceptor:finance
Feature: Usage cost attributed by member, project and model
  Finance pays one bill for the whole team and wants to know who and what it was for. Every
  token is priced by its model, and every cent of the bill is attributed to someone.

  @id:COST-001 @unit @covers:src/domain/cost.js @covers:src/domain/money.js
  Scenario: A usage row is priced by its model from input and output tokens
    Given the model "orion-large" costs $3.00 per million input tokens and $15.00 per million output tokens
    When ana uses 200000 input tokens and 10000 output tokens of it
    Then the row costs $0.75

  @id:COST-002 @unit @risk:cost @covers:src/domain/cost.js @covers:src/domain/money.js
  Scenario: The costs attributed to members add up to the team total, to the cent
    Given the model "tiny" costs $1.00 per million input tokens
    And this month's usage is:
      | member | project | model | input tokens |
      | ana    | web     | tiny  | 333000       |
      | ben    | web     | tiny  | 333000       |
      | chen   | api     | tiny  | 333000       |
    When the cost is attributed by member
    Then the team total is $1.00
    And the members' costs are $0.34, $0.33 and $0.33, which add up to $1.00

  @id:COST-003 @unit @error @covers:src/domain/cost.js
  Scenario: Usage of a model with no price is reported as unpriced, never as free
    Given no price is known for the model "legacy-x"
    And ana used 40000 input tokens and 2000 output tokens of "legacy-x" on project web
    When the cost is attributed by project
    Then the team total leaves that usage out
    And "legacy-x" is reported as unpriced with 1 row and 42000 tokens

  @id:COST-004 @integration @requires-data:usage>=3 @covers:src/api/app.js @covers:src/store/queries.js
  Scenario Outline: The cost API attributes this month's usage by <dimension>
    Given the seeded team
    When finance asks GET /api/cost?by=<dimension>
    Then each <dimension> with usage has a line with its cost
    And the lines add up to the team total

    Examples:
      | dimension |
      | member    |
      | project   |
      | model     |

  @id:COST-005 @integration @error @covers:src/api/app.js
  Scenario: Cost for an unknown project is a 404 that names the project
    Given the seeded team
    When finance asks GET /api/cost?by=model&project=zeta
    Then the answer is 404 with error "unknown project: zeta"
