@owner:core @acceptor:lead
Feature: Reports
  All reports come from the same merged ledger and report model; each format is a pure function.

  @integration @covers:src/report/render-console.ts @id:REPORT-001
  Scenario: The console shows a compact table per feature and the gates
    Given a merged run
    When the user runs specgate check
    Then stdout has one row per feature with its counts and the gate results

  @integration @covers:src/cli/tty.ts @id:REPORT-010
  Scenario: Colour follows one rule for every command and runner reporter
    Given a merged run, a SPEC with a lint finding and a Cucumber project
    When the user runs specgate check, lint or status, or cucumber-js with specgate's formatter, with FORCE_COLOR set and the output piped
    Then the output is coloured
    And piped without FORCE_COLOR, with FORCE_COLOR=0, or with NO_COLOR set, it is not

  @integration @covers:src/report/render-markdown.ts @id:REPORT-002
  Scenario: report.md holds totals, gates and a table per feature
    Given a merged run
    When the user runs specgate check
    Then report.md lists each clause with level, verdict, reason, owner, acceptor and evidence links
    And when GITHUB_STEP_SUMMARY is set the same Markdown is appended there

  @integration @edge @covers:src/report/render-markdown.ts @id:REPORT-011
  Scenario: A report.md over GitHub's 1 MiB summary limit is cut to fit the job summary
    Given a SPEC whose report.md is larger than what the step's earlier commands left of 1 MiB in the summary file
    When the user runs specgate check with GITHUB_STEP_SUMMARY set
    Then the step's summary stays within 1 MiB: check appends totals, gates, who owes what and the clauses not accepted that fit
    And it says how many it lists and that report.md holds every table
    And when not even that note fits, it appends nothing

  @integration @covers:src/report/render-github.ts @id:REPORT-003
  Scenario: GitHub annotations point at the feature-file lines of failing clauses
    When the user runs specgate check --format github
    Then stdout has an error annotation at the line of each failing clause

  @integration @covers:src/report/render-junit.ts @id:REPORT-004
  Scenario: junit.xml has one testcase per clause case
    When the user runs specgate check
    Then junit.xml has one testcase per case with the verdict and the clause id in properties

  @integration @covers:src/report/render-json.ts @id:REPORT-005
  Scenario: ledger.json is the merged ledger, valid against the published schema
    When the user runs specgate check
    Then ledger.json validates against specs/ledger.schema.json

  @integration @covers:src/report/** @id:REPORT-006
  Scenario: A saved ledger re-rendered equals the live report, but for what was superseded
    Given the reports of a live run
    When the user runs specgate check on the saved ledger.json
    Then every report file is byte for byte the same
    And where newer runs superseded fragments, report.md alone differs: it does not list them, since ledger.json holds only what counts

  @e2e @covers:src/report/html-*.ts @id:REPORT-007
  Scenario: The HTML report shows totals, filters and a clause's detail
    Given report.html of a run opened in Chromium
    When the user filters by verdict and opens a clause
    Then the totals, the filtered clauses and the clause's Gherkin text, steps and failure show

  @integration @covers:src/report/html-*.ts @id:REPORT-012
  Scenario: Every filter of the HTML report, and the data the page rebuilds from its compact form
    Given report.html of runs whose clauses inherit tags, levels and owners, and whose tests have titles and Outline cases of their own
    When the user filters by verdict, owner, acceptor, tag and text, and opens clauses
    Then the clauses shown, and each clause's tags, levels, owner, acceptor, rule, cases and test titles, are those of the SPEC and the ledger

  @e2e @error @risk:security @covers:src/report/escape.ts @id:REPORT-008
  Scenario: Hostile text in the HTML report renders as text
    Given a clause named "<img src=x onerror=alert(1)>" and a failure message with a script tag
    When report.html is opened in Chromium
    Then the name shows as text, no script runs and no request leaves the file

  @integration @error @covers:src/report/write-reports.ts @id:REPORT-009
  Scenario: A report that cannot be written does not cost the others
    Given report.md in the report folder is a folder
    When the user runs specgate check
    Then stderr names report.md in one line and it exits 2
    And ledger.json, junit.xml and report.html are written
