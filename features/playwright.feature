@owner:core @acceptor:lead
Feature: Playwright adapter
  `reporter: [['specgate/playwright']]` and tests that import `test`/`expect` from specgate/playwright
  bring E2E evidence into the ledger: clause links as annotations, Gherkin steps as test.step, and
  what real data each test saw, so a run against an empty state is refused.

  Rule: clause links and steps

    @integration @covers:reporters/playwright/clause.ts @id:PW-001
    Scenario: Clause id and hash travel as test annotations and tags
      Given a Playwright test linked with clause('ORD-001', its hash)
      When the test runs with specgate's reporter
      Then the evidence names clause ORD-001 with that hash
      And the test carries the tag @id:ORD-001

    @integration @covers:reporters/playwright/steps.ts @id:PW-002
    Scenario: Gherkin steps map to test.step and are recorded in order
      Given a test that calls Given, When and Then
      When the test runs
      Then the report shows a test.step per Gherkin step
      And the evidence lists the steps with their status

    @integration @covers:reporters/playwright/clause.ts @id:PW-003
    Scenario: A generated skeleton never passes
      Given a test linked with clause(id, hash, { skeleton: true })
      When the test runs
      Then Playwright skips it as fixme
      And the clause is pending

  Rule: data-flow evidence

    @integration @covers:reporters/playwright/page-watch.ts @id:PW-004
    Scenario: API responses are counted as carrying data or empty
      Given a page that fetches a JSON list from its same-origin API
      When a test opens the page
      Then the evidence counts the responses with data and the empty ones

    @integration @covers:reporters/playwright/probe.ts @id:PW-005
    Scenario: The probe is read before each test
      Given config e2e.probe names a URL that answers entity counts
      When a test runs
      Then the evidence holds the probe's counts

    @integration @covers:src/ledger/judge-evidence.ts @id:PW-006
    Scenario: A clause whose requires-data the probe does not show is empty-state
      Given a clause tagged @requires-data:orders>=3
      And a store seeded with 2 orders
      When its test passes
      Then the clause is empty-state with the reason "orders: 2 < 3"

    @integration @covers:reporters/playwright/page-watch.ts @id:PW-007
    Scenario: An empty-state marker visible after a Then step makes the clause empty-state
      Given a page showing a marker matching [data-testid*="empty-state"]
      When a test's Then step ends with the marker visible
      Then the clause is empty-state naming the marker and the step

    @integration @covers:reporters/playwright/page-watch.ts @id:PW-018
    Scenario: A marker counts only when it is visible, found by a configured CSS selector or text
      Given markers configured as CSS selectors and as texts
      When a page shows them hidden, inside a shadow root, or as text spread over elements
      Then only the visible ones count, the first in config order is named, and a selector that does not parse is a config error naming it

    @integration @covers:src/ledger/verdict.ts @id:PW-008
    Scenario: A run that saw no real data at all is rejected
      Given an empty store
      When every E2E test passes
      Then each data clause is empty-state
      And the run is rejected with "E2E ran against an empty state: 0 of 2 E2E cases saw real data"
      And Playwright exits non-zero, in report mode too

    @integration @covers:src/ledger/judge-evidence.ts @id:PW-009
    Scenario: An @empty-state-ok clause on an empty store is accepted
      Given a clause tagged @empty-state-ok
      When its test passes on an empty store
      Then the clause is accepted

  Rule: verdicts, gates and sharding

    @integration @covers:reporters/playwright/to-evidence.ts @id:PW-010
    Scenario Outline: Playwright results become verdicts
      Given a test that <does>
      When the run ends
      Then the clause is <verdict>

      Examples:
        | does                              | verdict  |
        | asserts on real rows              | accepted |
        | runs no expect                    | hollow   |
        | fails at a Then step              | failed   |
        | passes only on retry              | flaky    |
        | names an older clause hash        | stale    |

    @integration @error @covers:reporters/playwright/to-evidence.ts @id:PW-011
    Scenario: A test naming a clause the SPEC does not have is an orphan
      Given a test linked with clause('ORD-099', a hash)
      When the run ends
      Then the summary lists it as an orphan

    @integration @covers:reporters/playwright/reporter.ts @id:PW-012
    Scenario: Two shards merged with merge-reports equal one unsharded run
      Given the suite run as two shards with the blob reporter
      When the user runs playwright merge-reports with specgate's reporter
      Then the ledger fragment and the verdicts equal those of one unsharded run

    @integration @error @covers:reporters/playwright/reporter.ts @id:PW-013
    Scenario: A failing gate fails the process after merge-reports
      Given shards whose merged verdicts fail a gate
      When merge-reports runs in CI
      Then the process exits non-zero

    @integration @edge @covers:reporters/playwright/finish-run.ts @id:PW-014
    Scenario: A shard with no tests says so and passes
      Given a shard that gets no tests
      When it runs in CI
      Then its summary says it ran no clause-linked tests
      And no clause is reported uncovered
      And it exits 0

  Rule: user errors

    @integration @error @covers:reporters/playwright/reporter.ts @id:PW-015
    Scenario: An invalid specgate config fails the run with one line naming the key path
      Given a specgate config with the unknown key e2e.probes
      When Playwright runs with specgate's reporter
      Then it prints "specgate.config.mjs: unknown key "e2e.probes"; did you mean "probe"?"
      And the run fails

    @integration @error @covers:reporters/playwright/probe.ts @id:PW-016
    Scenario: A probe that does not answer fails the test with its URL
      Given config e2e.probe names a URL nothing listens on
      When a test runs
      Then the test fails with "config e2e.probe <url> did not answer"

    @integration @error @covers:reporters/playwright/classify-response.ts @id:PW-017
    Scenario: Invalid e2e.api patterns and empty-state selectors are named
      Given config e2e.api holds "/api\/(/" or e2e.emptyState.selectors holds "..empty-state"
      When a test runs
      Then the test fails naming the pattern or selector
