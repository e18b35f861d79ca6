#!/usr/bin/env bash
# A ledger-only repository (examples/ledger-repo) with nothing of the tool's
# source in it passes and fails as it should with:
#   1. the binary installed by `cargo install --locked --git` (the README's way);
#   2. the reusable action's script, run as GitHub runs it (clean, broken,
#      fail-on warnings, a pull request with its diff, bad inputs);
#   3. `pre-commit try-repo` of this repository's hook.
# And the README's walk-through, pasted into an empty folder, ends with an
# HTML report. Usage: .ci/test-ledger-repo.sh VENV (with pre-commit in it).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
venv=$(cd "$1" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$root/target}

step() { printf '\n--- %s\n' "$*"; }
die() {
  echo "FAILED: $*" >&2
  exit 1
}
# expect STATUS LOG -- COMMAND...: runs COMMAND, output to LOG, checks its status.
expect() {
  local want=$1 log=$2
  shift 3
  local got=0
  "$@" >"$log" 2>&1 || got=$?
  if [ "$got" -ne "$want" ]; then
    cat "$log" >&2
    die "exit $got, expected $want: $*"
  fi
}
contains() { grep -qF -- "$2" "$1" || { cat "$1" >&2; die "$1 lacks: $2"; }; }

# A ledger repository: the example, in git, as a user would have it.
new_repo() {
  local dir=$1
  mkdir -p "$dir"
  cp -r "$root/examples/ledger-repo/." "$dir/"
  git -C "$dir" init -q -b main
  git -C "$dir" add -A
  git -C "$dir" -c user.name=ci -c user.email=ci@localhost commit -qm "ledger"
}
# The example with the first `status` key misspelled.
break_ledger() {
  sed -i '0,/^status = /s//stauts = /' "$1/commitments.toml"
}

step "1. cargo install --locked --git (a clone of this commit)"
source_repo="$work/source"
git clone -q "$root" "$source_repo"
if [ -n "$(git -C "$root" status --porcelain)" ]; then
  # Uncommitted changes (a developer's run): install what is on disk.
  tar -C "$root" --exclude=./target --exclude=./.git -cf - . | tar -C "$source_repo" -xf -
  git -C "$source_repo" add -A
  git -C "$source_repo" -c user.name=ci -c user.email=ci@localhost commit -qm "work in progress"
fi
cargo install --quiet --locked --git "file://$source_repo" --root "$work/install" commitments
bin="$work/install/bin/commitments"
"$bin" --version

step "the installed binary on the ledger repository"
repo="$work/ledger-repo"
new_repo "$repo"
(cd "$repo" && expect 0 "$work/log" -- "$bin" check --as-of 2025-11-30)
contains "$work/log" "commitments.toml: 0 errors, 1 warning in 2 commitments (as of 2025-11-30)"
(cd "$repo" && expect 0 "$work/log" -- "$bin" report --format html -o report.html --as-of 2025-11-30)
contains "$repo/report.html" 'id="c-fta-upgrade"'
broken="$work/broken"
new_repo "$broken"
break_ledger "$broken"
(cd "$broken" && expect 1 "$work/log" -- "$bin" check --as-of 2025-11-30)
contains "$work/log" "error[C002]: unknown key \`stauts\`"
contains "$work/log" "commitments.toml:"

step "2. the action's script, as GitHub runs it"
action() {
  # action DIR STATUS [VAR=VALUE...]: runs the script in DIR with a fresh job summary.
  local dir=$1 want=$2
  shift 2
  : >"$work/summary.md"
  (cd "$dir" && expect "$want" "$work/log" -- env GITHUB_STEP_SUMMARY="$work/summary.md" \
    COMMITMENTS="$bin" AS_OF=2025-11-30 REPORTS_DIR="$work/reports" "$@" \
    bash "$root/action/check-and-report.sh")
}
rm -rf "$work/reports"
action "$repo" 0 REPORTS="html, json csv markdown"
contains "$work/log" "::warning file=commitments.toml,line="
contains "$work/summary.md" "## Summary"
for extension in html json csv md; do
  [ -s "$work/reports/commitments.$extension" ] || die "no $extension report"
done
action "$repo" 1 FAIL_ON=warnings
contains "$work/log" "the ledger has warnings, and fail-on is warnings"
action "$broken" 1
contains "$work/log" "::error file=commitments.toml,line="
contains "$work/summary.md" "no report, the ledger does not load"
contains "$work/summary.md" "unknown key \`stauts\`"
contains "$work/summary.md" "commitments.toml:"
# The log names the error once (its annotation), not once per output.
[ "$(grep -c 'stauts' "$work/log")" -eq 1 ] || { cat "$work/log" >&2; die "the error is in the log more than once"; }
action "$broken" 1 SITE="$work/no-site"
contains "$work/log" "no site: the ledger does not load"
[ ! -e "$work/no-site" ] || die "a site was written for a ledger that does not load"
action "$repo" 2 LEDGER=missing.toml
contains "$work/log" "::error title=commitments::cannot read ledger"
contains "$work/summary.md" "the ledger cannot be read"
contains "$work/summary.md" "missing.toml"
action "$repo" 2 FAIL_ON=$'x\n::warning::forged'
if grep -q '^::warning::forged' "$work/log"; then die "an input forged a workflow command"; fi
contains "$work/log" "%0A::warning::forged"
action "$repo" 2 "REPORTS=*"
contains "$work/log" "unknown report format '*'"
action "$repo" 2 FAIL_ON=sometimes
contains "$work/log" "use errors or warnings"
action "$repo" 2 REPORTS=pdf
contains "$work/log" "unknown report format 'pdf'"
action "$repo" 0 REPORTS= SITE="$work/public"
[ -s "$work/public/index.html" ] && [ -s "$work/public/feed.xml" ] || die "the action wrote no site"
ls "$work/public/commitments/chancay-harbor/index.html" >/dev/null || die "no page for chancay-harbor"
mkdir -p "$work/not-a-site" && touch "$work/not-a-site/keep"
action "$repo" 1 REPORTS= SITE="$work/not-a-site"
contains "$work/log" "no site: $work/not-a-site holds something other than a site"
[ -e "$work/not-a-site/keep" ] || die "the action touched a folder that is not a site"

step "the action on a workspace: every ledger and the references between them"
# A repository of two ledgers (tests/fixtures/workspace/): one that checks
# clean, one with a misspelt cross-ledger reference.
new_workspace() {
  mkdir -p "$1"
  cp -r "$root/tests/fixtures/workspace/$2/." "$1/"
  git -C "$1" init -q -b main
  git -C "$1" add -A
  git -C "$1" -c user.name=ci -c user.email=ci@localhost commit -qm "ledgers"
}
ws="$work/workspace"
new_workspace "$ws" good
ws_broken="$work/workspace-broken"
new_workspace "$ws_broken" broken-reference
rm -rf "$work/reports"
action "$ws" 0 WORKSPACE=commitments-workspace.toml AS_OF=2025-03-31 REPORTS="markdown json csv" SITE="$work/ws-public"
contains "$work/summary.md" "# The harbour pact"
contains "$work/summary.md" "## The second talks"
contains "$work/log" "no csv report of a workspace"
[ -s "$work/reports/commitments.md" ] && [ -s "$work/reports/commitments.json" ] || die "no workspace reports"
[ -s "$work/ws-public/index.html" ] && [ -s "$work/ws-public/second-talks/commitments/open-harbour/index.html" ] ||
  die "the action wrote no workspace site"
action "$ws_broken" 1 WORKSPACE=commitments-workspace.toml AS_OF=2025-03-31
contains "$work/log" "::error file=ledgers/second-talks.toml,line=21,col=12"
contains "$work/log" "related commitment \`first-talks:build-harbor\`: ledger \`first-talks\` (commitments.toml) has no commitment"
echo "the action: a workspace checks clean, and a broken cross-ledger reference is annotated at its line"

step "a pull request: the job summary gets the ledger's diff"
git clone -q --bare "$repo" "$work/origin.git"
pr="$work/pr"
git clone -q "$work/origin.git" "$pr"
git -C "$pr" checkout -q -b change
sed -i 's/^title = "Upgrade the China–Peru free-trade agreement"/title = "Upgrade the China–Peru FTA"/' "$pr/commitments.toml"
git -C "$pr" -c user.name=ci -c user.email=ci@localhost commit -qam "shorter title"
action "$pr" 0 GITHUB_EVENT_NAME=pull_request GITHUB_BASE_REF=main
contains "$work/summary.md" "## Ledger changes in this pull request"
contains "$work/summary.md" "title: “Upgrade the China–Peru free-trade agreement” → “Upgrade the China–Peru FTA”"

step "3. pre-commit try-repo with this repository's hook"
export PRE_COMMIT_HOME="$work/pre-commit-home"
(cd "$repo" && expect 0 "$work/log" -- "$venv/bin/pre-commit" try-repo "$source_repo" commitments-check --all-files)
contains "$work/log" "commitments check"
contains "$work/log" "Passed"
# A pass shows the warnings too (verbose: true).
contains "$work/log" "warning[C015]"
contains "$work/log" "0 errors, "
(cd "$broken" && expect 1 "$work/log" -- "$venv/bin/pre-commit" try-repo "$source_repo" commitments-check --all-files)
contains "$work/log" "Failed"
line=$(grep -n '^stauts = ' "$broken/commitments.toml" | cut -d: -f1)
contains "$work/log" "commitments.toml:$line:1"
echo "pre-commit: passes the clean ledger, fails the broken one at commitments.toml:$line:1"
# A ledger in a folder named like an option: the hook passes it after `--`,
# so it is checked as a file (it used to be read as `--ledger=x/...`).
odd="$work/odd"
new_repo "$odd"
mkdir -p "$odd/--ledger=x"
cp "$broken/commitments.toml" "$odd/--ledger=x/commitments.toml"
cp -r "$odd/sources" "$odd/--ledger=x/"
git -C "$odd" add -A
(cd "$odd" && expect 1 "$work/log" -- "$venv/bin/pre-commit" try-repo "$source_repo" commitments-check --all-files)
contains "$work/log" "--ledger=x/commitments.toml:$line:1"
echo "pre-commit: a ledger named like an option is checked as a file"

(cd "$ws" && expect 0 "$work/log" -- "$venv/bin/pre-commit" try-repo "$source_repo" commitments-check-workspace --all-files)
contains "$work/log" "commitments-workspace.toml: 0 errors"
(cd "$ws_broken" && expect 1 "$work/log" -- "$venv/bin/pre-commit" try-repo "$source_repo" commitments-check-workspace --all-files)
contains "$work/log" "ledgers/second-talks.toml:21:12"
echo "pre-commit: the workspace hook passes the clean workspace, fails the broken reference at ledgers/second-talks.toml:21:12"

step "the README's walk-through, pasted into an empty folder"
walk="$work/walk-through"
mkdir "$walk"
awk '/^### From a new ledger to a report/{found=1} found && /^```sh$/{inside=1; next} inside && /^```$/{exit} inside' \
  "$root/README.md" >"$work/walk-through.sh"
[ -s "$work/walk-through.sh" ] || die "no walk-through in README.md"
(cd "$walk" && expect 0 "$work/log" -- env PATH="$work/install/bin:$PATH" COMMITMENTS_REPO="$root" \
  bash -eu "$work/walk-through.sh")
contains "$walk/report.html" 'id="c-chancay-harbor"'
echo "the walk-through ends with $(wc -c <"$walk/report.html") bytes of report.html"
