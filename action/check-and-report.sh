#!/usr/bin/env bash
# The work of the reusable GitHub Action (action.yml), kept in a script so
# that it can be run by hand and tested outside GitHub (.ci/test-action.sh).
#
# 1. `commitments check --format github`: findings become annotations on the
#    ledger's lines.
# 2. The Markdown report, and on pull requests the ledger's diff against the
#    base branch, go into the job summary.
# 3. The reports named in REPORTS are written to REPORTS_DIR for upload.
# 4. With SITE, the static site is written into that folder, for GitHub
#    Pages (actions/upload-pages-artifact).
#
# It exits with the check's status: 0 clean, 1 errors (or warnings, with
# FAIL_ON=warnings), 2 the ledger or the inputs cannot be read.
#
# Inputs, as environment variables (the action passes its inputs):
#   LEDGER       the ledger's path                 [commitments.toml]
#   AS_OF        YYYY-MM-DD, or empty for today
#   FAIL_ON      errors | warnings                 [errors]
#   SUMMARY      true | false                      [true]
#   REPORTS      formats, by spaces or commas: markdown json csv html
#   REPORTS_DIR  where to write them               [commitments-reports]
#   SITE         a folder for the static site, or empty for none
#   COMMITMENTS  the binary                        [commitments]
# and GitHub's own: GITHUB_STEP_SUMMARY, GITHUB_EVENT_NAME, GITHUB_BASE_REF.
set -uo pipefail

ledger=${LEDGER:-commitments.toml}
as_of=${AS_OF:-}
fail_on=${FAIL_ON:-errors}
summary=${SUMMARY:-true}
reports=${REPORTS:-}
reports_dir=${REPORTS_DIR:-commitments-reports}
site=${SITE:-}
bin=${COMMITMENTS:-commitments}

fail() {
  echo "::error title=commitments::$1"
  exit 2
}
case "$fail_on" in
  errors | warnings) ;;
  *) fail "the input fail-on is '$fail_on'; use errors or warnings" ;;
esac
case "$summary" in
  true | false) ;;
  *) fail "the input summary is '$summary'; use true or false" ;;
esac
if ! command -v "$bin" >/dev/null 2>&1; then
  fail "the commitments binary ($bin) is not installed"
fi
dated=(--ledger "$ledger")
if [ -n "$as_of" ]; then
  dated+=(--as-of "$as_of")
fi

# 1. Annotations. Warnings stay warnings; FAIL_ON=warnings decides the
#    status from a second, quiet run that denies them.
"$bin" check "${dated[@]}" --format github
status=$?
if [ "$status" -eq 0 ] && [ "$fail_on" = warnings ]; then
  if ! "$bin" check "${dated[@]}" --quiet --deny warnings >/dev/null; then
    echo "::error title=commitments::the ledger has warnings, and fail-on is warnings"
    status=1
  fi
fi
if [ "$status" -ge 2 ]; then
  # 4. The site.
if [ -n "$site" ]; then
  if ! "$bin" site "${dated[@]}" -o "$site"; then
    echo "::error title=commitments::no site: the ledger does not load, or $site holds something else"
    [ "$status" -eq 0 ] && status=1
  fi
fi

exit "$status"
fi

# 2. The job summary.
if [ "$summary" = true ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  if ! "$bin" report "${dated[@]}" >>"$GITHUB_STEP_SUMMARY"; then
    echo "No report: the ledger does not load (see the annotations)." >>"$GITHUB_STEP_SUMMARY"
  fi
  case "${GITHUB_EVENT_NAME:-}" in
    pull_request | pull_request_target)
      base_dir=$(mktemp -d)
      {
        echo
        echo "## Ledger changes in this pull request"
        echo
      } >>"$GITHUB_STEP_SUMMARY"
      if git fetch --quiet --no-tags --depth=1 origin "${GITHUB_BASE_REF:?}" &&
        git show "FETCH_HEAD:./$ledger" >"$base_dir/base.toml" 2>/dev/null; then
        if ! "$bin" diff "$base_dir/base.toml" --ledger "$ledger" >>"$GITHUB_STEP_SUMMARY"; then
          echo "No diff: one of the two versions does not load." >>"$GITHUB_STEP_SUMMARY"
        fi
      else
        echo "The base branch has no \`$ledger\` yet." >>"$GITHUB_STEP_SUMMARY"
      fi
      rm -rf "$base_dir"
      ;;
  esac
fi

# 3. The reports to upload.
if [ -n "${reports//[ ,]/}" ]; then
  mkdir -p "$reports_dir"
  for format in ${reports//,/ }; do
    case "$format" in
      markdown) extension=md ;;
      json | csv | html) extension=$format ;;
      *) fail "unknown report format '$format' in the input reports; use markdown, json, csv or html" ;;
    esac
    if ! "$bin" report "${dated[@]}" --format "$format" -o "$reports_dir/commitments.$extension"; then
      echo "::warning title=commitments::no $format report: the ledger does not load"
    fi
  done
fi

# 4. The site.
if [ -n "$site" ]; then
  if ! "$bin" site "${dated[@]}" -o "$site"; then
    echo "::error title=commitments::no site: the ledger does not load, or $site holds something else"
    [ "$status" -eq 0 ] && status=1
  fi
fi

exit "$status"
