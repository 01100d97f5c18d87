@owner:platform-team @acceptor:security-lead
Feature: Whether a member's key works
  A member whose AI calls fail wants one answer: does my key work right now, and if not, why,
  and what do I do about it. The answer comes from the key's state and this month's spend.

  Rule: A key works when it is neither revoked nor expired and its monthly quota is not spent

    @id:KEYS-001 @unit @covers:src/domain/key-status.js
    Scenario: A key that is active, unexpired and within its quota works
      Given a key that expires on 2026-06-30 with a monthly quota of $50.00
      And $12.30 spent on it this month
      When its status is checked on 2026-03-15
      Then the key works
      And the member sees "works: $12.30 of $50.00 spent this month"

    @id:KEYS-002 @unit @error @covers:src/domain/key-status.js
    Scenario: An expired key fails and says since when
      Given a key that expired on 2026-03-01
      When its status is checked on 2026-03-15
      Then the key fails with reason "expired"
      And the member sees "expired on 2026-03-01: ask an admin for a new key"

    @id:KEYS-003 @unit @error @covers:src/domain/key-status.js
    Scenario: A revoked key fails and says who revoked it
      Given a key that dana revoked on 2026-03-10
      When its status is checked on 2026-03-15
      Then the key fails with reason "revoked"
      And the member sees "revoked by dana on 2026-03-10"

    @id:KEYS-004 @unit @error @covers:src/domain/key-status.js
    Scenario Outline: A key whose monthly quota is spent fails until the month ends
      Given a key that expires on 2026-06-30 with a monthly quota of <quota>
      And <spent> spent on it this month
      When its status is checked on 2026-03-15
      Then the key's status is "<status>"

      Examples:
        | quota  | spent  | status          |
        | $50.00 | $49.99 | works           |
        | $50.00 | $50.00 | quota-exhausted |
        | $50.00 | $63.10 | quota-exhausted |

    @id:KEYS-005 @unit @edge @covers:src/domain/key-status.js
    Scenario: When several reasons hold, the member sees the one they can least fix
      Given a key that expired on 2026-03-01
      And dana revoked it on 2026-03-10
      And its monthly quota of $5.00 is spent
      When its status is checked on 2026-03-15
      Then the key fails with reason "revoked"

  Rule: The API answers from the team's real store

    @id:KEYS-006 @integration @covers:src/api/** @covers:src/store/**
    Scenario: A member asks whether their keys work
      Given the seeded team
      When ben asks GET /api/members/ben/key-status
      Then the answer lists ben's "laptop" key
      And the key fails with reason "revoked" and says "revoked by dana"

    @id:KEYS-007 @integration @error @covers:src/api/app.js
    Scenario: Asking about an unknown member is a 404 that names the member
      Given the seeded team
      When someone asks GET /api/members/zoe/key-status
      Then the answer is 404 with error "unknown member: zoe"
