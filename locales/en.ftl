# The tool's words in English. Every message here is in es.ftl and
# zh-Hans.ftl too, and every one is used (tests/it/i18n.rs).
# Leading and trailing spaces are written {" "}: Fluent trims bare ones.

## Statuses and kinds

status-announced = announced
status-in-progress = in progress
status-active = active
status-at-risk = at risk
status-stalled = stalled
status-kept = kept
status-partially-kept = partially kept
status-broken = broken
kind-deliverable = deliverable
kind-ongoing = ongoing

## Dates

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
date-short = { $iso }
date-words = { $day } { $month } { $year }
month-year = { $month } { $year }

## Deadlines and days

deadline-month = by the end of { $month-year }
deadline-year = by the end of { $year }
deadline-estimated = { $deadline } (the editors' estimate)
against-estimate = , against the editors' estimate of the deadline
against-month = , counted from the end of the month the source gives
against-year = , counted from the end of the year the source gives
days =
    { $n ->
        [one] { $n } day
       *[other] { $n } days
    }
days-overdue = { $days } overdue
deviation-on-time = on the deadline
deviation-early = { $days } early
deviation-late = { $days } late

## Counts and lists

percent = { $value }%
share = { $part } of { $whole }
share-percent = { $part } of { $whole } ({ $percent })
full-stop = .
clause-comma = {", "}
list-comma = {", "}
list-two = { $first } and { $last }
count-commitments =
    { $n ->
        [one] { $n } commitment
       *[other] { $n } commitments
    }
count-requests =
    { $n ->
        [one] { $n } request
       *[other] { $n } requests
    }
count-umbrellas =
    { $n ->
        [one] { $n } umbrella
       *[other] { $n } umbrellas
    }
count-errors =
    { $n ->
        [one] { $n } error
       *[other] { $n } errors
    }
count-warnings =
    { $n ->
        [one] { $n } warning
       *[other] { $n } warnings
    }
count-ledgers =
    { $n ->
        [one] { $n } ledger
       *[other] { $n } ledgers
    }
count-findings =
    { $n ->
        [one] { $n } finding
       *[other] { $n } findings
    }
count-ongoing =
    { $n ->
        [one] { $n } ongoing commitment
       *[other] { $n } ongoing commitments
    }
headcount-signed = {" "}({ $n } signed at the talks)
headcount-plus = {" "}plus { $list }

## What the groups counted apart mean

meaning-signed-at-talks = Signed at the talks: kept the day they were made, such as documents signed while the leaders watched. They are counted, but not in the deliverables' rates.
meaning-request = Requests: one side's ask of the other. A request is nobody's promise, and is not counted.
meaning-umbrella = Umbrellas: commitments that others belong to. They are not counted; their children are.

## The headline

headline-none = No deliverables.
headline = Deliverables: { $parts }.
headline-kept = { $share } kept
headline-partially-kept = { $count }{ $percent } partially kept
headline-broken = { $count }{ $percent } broken
headline-open = { $count }{ $percent } open
headline-percent = {" "}({ $percent })
left-out = Not in these counts: { $list }.
left-out-signed = { $n } signed at the talks (kept the day they were made)
left-out-ongoing = { $ongoing } (they have no end to reach)

## A commitment's ruling, the sentence that opens its page

ruling-signed = Kept on { $date }: signed at the talks, the day it was made.
ruling-final = { $status } on { $date }
ruling-unchanged = { $status } on { $date }, with no change recorded since
ruling-since = { $status } since { $date }
ruling-overdue = ; due { $due }, and { $days } overdue{ $against }
ruling-due = ; due { $due }
ruling-ongoing = ; an ongoing commitment, with no end to reach
ruling-request = . A request, not a promise: it is not counted
ruling-searched = . Last searched for news on { $date }
ruling-end = .

## Reports

review-notice = This report is { $days } days past the ledger's last review ({ $reviewed }): statuses may be out of date.
as-of = As of { $date }
reviewed-up-to = {" "}· statuses reviewed up to { $date }
note = Note:
translated = Titles and notes in this language are the editors' translation; quotes are in the language of their source.
checker-findings = Checker findings
findings-count = { $errors } and { $warnings } (`commitments check` explains each).
every-finding = Every finding
severity-error = error
severity-warning = warning
column-level = Level
column-rule = Rule
column-line = Line
column-commitment = Commitment
column-finding = Finding
column-commitments = Commitments
column-status = Status
column-party = Party
column-kind = Kind
column-area = Area
column-due = Due
column-days-overdue = Days overdue
column-days-left = Days left
column-date = Date
column-note = Note
column-committed-by = Committed by
column-latest-update = Latest update
area-none = (none)
summary = Summary
overdue = Overdue
nothing-overdue = Nothing is overdue.
due-soon = Due in the next { $days } days
nothing-due = Nothing is due.
recent-changes = Changes in the last { $days } days
no-updates = No updates.
commitments = Commitments
asks = { $by } asks { $asks }
status-since = { $status } since { $date }
dated-note = { $date }: { $note }
umbrella-of = {" "}(umbrella of { $commitments })
under = {" "}(under { $parent })
continues = {" "}(continues { $list })
signed-at-talks = {" "}(signed at the talks)
a-request = {" "}(a request)
target-latest = { $metric }: latest { $figure }
target-none = none
target-baseline = ; baseline { $figure }
target-goal = ; goal { $goal }
approximate-date = , approximate date
no-source-cited = no source cited

## check

check-summary = { $ledger }: { $errors }, { $warnings } in { $headcount } (as of { $date })
check-workspace-summary = { $workspace }: { $errors }, { $warnings } in { $ledgers } (as of { $date })

## What each rule is about (a report in another language shows this for a finding)

rule-syntax = the ledger is not valid TOML (or not UTF-8)
rule-schema = a key is unknown or missing, or a value has the wrong type
rule-source-file = a source's `file` is outside the ledger's folder, missing or unreadable
rule-duplicate-id = two commitments, or two ledgers of a workspace, have the same id
rule-unknown-reference = a party, source, parent or related commitment that is not declared
rule-parent-cycle = a chain of `parent` links that comes back to where it started
rule-quote-not-in-source = a quote is not in the local file of the source it cites
rule-date-order = updates out of order, before `made`, `due` before `made`, or a date after the as-of date
rule-status-mismatch = `status` differs from the latest update's status
rule-status-kind = a status that is not valid for the commitment's kind
rule-missing-evidence = an update or observation without evidence, or an update with an empty note
rule-reopened = an update changes a final status (kept, partially_kept, broken)
rule-overdue = a deliverable's `due` date has passed and its status is not final
rule-kept-late = a deliverable is `kept`, but the update that kept it is after `due`
rule-stale = an open commitment has had no update for longer than `stale_after_days`
rule-target-order = target observations out of order or after the as-of date, or a baseline after them
rule-id-format = a ledger, commitment, party or source id that is not ASCII kebab-case
rule-due-provenance = a `due` date with neither `due_source` nor `due_estimate`
rule-who-committed = `by` is missing where several parties are involved, or `by` and `asks` do not fit `parties`
rule-control-character = a text holds a control character or a bidirectional control
rule-not-searched = an open commitment with no record of a search for news since `reviewed`
rule-missing-translation = a text of the ledger has no translation into a language of `[ledger] languages`

## The HTML report and the site

as-of-date = as of { $date }
as-of-before = As of{" "}
reviewed-before = {" "}· statuses reviewed up to{" "}
dashboard = Dashboard
all-commitments = All commitments
follow-changes = Follow the changes
feed-link-title = Status changes
nav-site = Site
nav-languages = Languages
nav-filters = Filters
maintainers-before = For the ledger's maintainers:{" "}
maintainers-checks = checks
footer = Made by commitments from the ledger as of { $date }. Every status is taken from the dated, cited history in the ledger.
downloads = Downloads:{" "}
download-package = the data package
download-package-note = {" "}(every table, with its schema)
download-calendar = the deadlines for a calendar
download-follow = follow the changes in a feed reader
tile-commitments = commitments
tile-overdue = overdue
tile-due-soon = due in { $days } days
tile-changes = changes in { $days } days
tile-findings = checker findings
tile-errors = { $n } errors
bar-label = share by status
progress-by-party = Progress by party
progress-by-area = Progress by area
party-commitments = ({ $n } commitments)
timeline-heading = Timeline
timeline-explain = Each row runs from the day a commitment was made to the day it became final, or to the as-of date while open; it links to the commitment's page. ◆ marks the deadline, ● the final status; the red line is the as-of date.
timeline-deliverables = Timeline of deliverables
timeline-deliverables-explain = Each row runs from the day a deliverable was made to the day it became final, or to the as-of date while open. ◆ marks the deadline, ● the final status; the red line is the as-of date.
timeline-label = Timeline of commitments
timeline-first = The first { $shown } of { $total } commitments, in ledger order.
timeline-key = ◇ deadline · dashed ◇ the editors' estimate
timeline-due = , due { $due }
timeline-made = {" "}— made
timeline-list-due = , due
no-commitments = No commitments.
item-due = {" "}— due { $due }
days-left = { $days } left
recent-with-evidence = Changes in the last { $days } days, with their evidence
dashboard-first = The first { $shown } of { $total } commitments, in ledger order; the filters above list every one.
filter-committed-by = Committed by:{" "}
filter-area = Area:{" "}
filter-party-area = Committed by, area:{" "}
filter-each = each of the { $parties } and { $areas }
filter-status = Status:{" "}
filter-kind = Kind:{" "}
count-parties =
    { $n ->
        [one] { $n } party
       *[other] { $n } parties
    }
count-areas =
    { $n ->
        [one] { $n } area
       *[other] { $n } areas
    }
entry-by = by { $names }
entry-asks = {" "}· asks { $names }
entry-due = {" "}· due { $due }
entry-signed = {" "}· signed at the talks
entry-request = {" "}· a request
entry-umbrella = {" "}· umbrella
on-this-page = On this page:{" "}
other-lists = Other lists
none-listed = None.
party-title = { $party }: what it committed to
area-title = Area: { $area }
status-title = Status: { $status }
status-heading = Status:{" "}
kind-title = Kind: { $kind }
follow-copy = Copy this address into a feed reader to be told of every new commitment and every change of status:
follow-calendar = The deadlines of the open commitments are a calendar to subscribe to:{" "}
follow-entries = Each entry names the commitment, its new status and the note behind it, and links to the commitment's page with the evidence. The feed holds the newest 1,000 entries; the{" "}
follow-dashboard = dashboard
follow-window = {" "}shows the changes of the last { $days } days.
source-label = Source:{" "}
read-in-full = read it in full
fact-parties = Parties
fact-asks = Asks
fact-made = Made
fact-deadline = Deadline
fact-under = Under
fact-continues = Continues
fact-continued-in = Continued in
fact-includes = Includes
fact-target = Target
fact-searched = Last searched for news
no-search = no search recorded
deadline-basis-estimated = {" "}— no source states a date; the editors' reasons:
deadline-basis-stated = {" "}— stated in the source:
deadline-basis-precision =
    {" "}— the source gives the { $precision ->
        [month] month
       *[year] year
    }, not the day:
deadline-none = none stated
history = History
history-made = {" "}— made
related-at = {" "}— at { $ledger }
cite-heading = Cite or embed
cite-as = Cite as: { $ledger }, “{ $title }”, status as of { $date }, { $url }.
embed-before = Embed:{" "}
embed-card = a card of this commitment
embed-after = {" "}for an iframe (no script, 320 px wide and up).
quoted-above = {" "}(the words quoted above)
figure-latest = latest
figure-baseline = baseline
figure-none = no observation yet
figure-goal = goal
figure-progress = { $percent } of the way from the baseline to the goal
findings-summary = { $errors } errors, { $warnings } warnings
column-dates = Dates
column-latest-evidence = Latest evidence
by-status-heading = Commitments by status
requests-heading = Requests (not counted)
umbrellas-heading = Umbrellas (not counted)
row-umbrella-of = Umbrella of { $n } commitments
row-under = Under{" "}
row-continues = Continues{" "}
row-signed = Signed at the talks
row-asks = {" "}asks{" "}
row-made = made{" "}
row-due = due{" "}
row-since = {" "}since{" "}
row-searched = Searched for news on { $date }: { $what }

## The feed

feed-title = { $ledger }: status changes
feed-editors = The editors of { $ledger }
feed-new = New: { $title }
feed-made = Made on { $date }; status { $status }.
feed-due = {" "}Due { $deadline }.
feed-still = { $title }: still { $status }
feed-change = { $title }: { $from } → { $to }
feed-deviation = {" "}(Due { $deadline }: { $deviation }.)

## The language server's hovers

hover-status-on = Status on { $date }: **{ $status }** ({ $meaning })
hover-latest = Latest update, { $date }: { $status }. { $note }
hover-no-update = Made { $date }; no update yet.
hover-due = Due { $deadline }.
hover-party = Party; made { $commitments } by { $date }.
hover-local-copy = Local copy: { $file }
status-meaning-announced = made, no action seen yet
status-meaning-in-progress = underway
status-meaning-active = acted on and kept up
status-meaning-at-risk = underway, with problems
status-meaning-stalled = no movement, or suspended
status-meaning-kept = done as promised (final)
status-meaning-partially-kept = done in part, or late (final)
status-meaning-broken = not done, and no longer expected (final)

## A workspace's report

workspace-as-of = As of **{ $date }** · { $ledgers }: { $headcount }.
column-ledger = Ledger
column-id = Id
column-deliverables = Deliverables
workspace-meta = {" "}· { $ledgers }: { $headcount }.
workspace-download-totals = {" "}(the totals)
workspace-download-commitments = {" "}(every ledger's commitments)
workspace-download-feed = every status change, as a feed
workspace-ledgers = Ledgers
workspace-ledgers-heading = The ledgers
workspace-together = All the ledgers together
workspace-by-party = By party, in every ledger
