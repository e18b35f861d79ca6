#!/usr/bin/env bash
# The work of the reusable GitHub Action (action.yml), kept in a script so
# that it can be run by hand and tested outside GitHub (.ci/test-ledger-repo.sh runs it).
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
#   WORKSPACE    a commitments-workspace.toml: check, report and publish
#                every ledger it lists instead of LEDGER  [none]
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
workspace=${WORKSPACE:-}
as_of=${AS_OF:-}
fail_on=${FAIL_ON:-errors}
summary=${SUMMARY:-true}
reports=${REPORTS:-}
reports_dir=${REPORTS_DIR:-commitments-reports}
site=${SITE:-}
bin=${COMMITMENTS:-commitments}

# A value inside a workflow command: %, CR and LF escaped as GitHub
# documents, so that no input or ledger text can start another command.
escape() {
  local value=$1
  value=${value//'%'/'%25'}
  value=${value//$'\r'/'%0D'}
  value=${value//$'\n'/'%0A'}
  printf '%s' "$value"
}
fail() {
  echo "::error title=commitments::$(escape "$1")"
  exit 2
}
# Text for the job summary, inside <pre>: &, < and > escaped.
preformatted() {
  printf '<pre>\n'
  sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' "$1"
  printf '</pre>\n'
}
summary_file=${GITHUB_STEP_SUMMARY:-}
[ "$summary" = true ] || summary_file=
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
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
if [ -n "$workspace" ]; then
  dated=(--workspace "$workspace")
else
  dated=(--ledger "$ledger")
fi
if [ -n "$as_of" ]; then
  dated+=(--as-of "$as_of")
fi

# 1. Annotations. Warnings stay warnings; FAIL_ON=warnings decides the
#    status from a second, quiet run that denies them.
"$bin" check "${dated[@]}" --format github 2>"$scratch/check.err"
status=$?
if [ "$status" -lt 2 ]; then
  cat "$scratch/check.err" >&2
else
  # The ledger cannot be read (or an input is wrong): say so in the log,
  # as an annotation, and in the summary.
  cat "$scratch/check.err" >&2
  message=$(cat "$scratch/check.err")
  echo "::error title=commitments::$(escape "${message#error: }")"
  if [ -n "$summary_file" ]; then
    {
      echo "## commitments: the ledger cannot be read"
      echo
      preformatted "$scratch/check.err"
    } >>"$summary_file"
  fi
  exit "$status"
fi
if [ "$status" -eq 0 ] && [ "$fail_on" = warnings ]; then
  if ! "$bin" check "${dated[@]}" --quiet --deny warnings >/dev/null; then
    echo "::error title=commitments::the ledger has warnings, and fail-on is warnings"
    status=1
  fi
fi

# 2. The job summary: the report, or, when the ledger does not load, the
#    checker's findings (they are annotated above, once, in the log).
loads=true
"$bin" report "${dated[@]}" >"$scratch/report.md" 2>"$scratch/report.err" || loads=false
if [ -n "$summary_file" ]; then
  if [ "$loads" = true ]; then
    cat "$scratch/report.md" >>"$summary_file"
  else
    {
      echo "## commitments: no report, the ledger does not load"
      echo
      echo "Fix these findings, and the report will be here:"
      echo
      preformatted "$scratch/report.err"
    } >>"$summary_file"
  fi
  case "${GITHUB_EVENT_NAME:-}:$workspace" in
    pull_request: | pull_request_target:)
      base_dir=$(mktemp -d)
      {
        echo
        echo "## Ledger changes in this pull request"
        echo
      } >>"$summary_file"
      if git fetch --quiet --no-tags --depth=1 origin "${GITHUB_BASE_REF:?}" &&
        git show "FETCH_HEAD:./$ledger" >"$base_dir/base.toml" 2>/dev/null; then
        if ! "$bin" diff "$base_dir/base.toml" --ledger "$ledger" >>"$summary_file" 2>/dev/null; then
          echo "No diff: one of the two versions does not load." >>"$summary_file"
        fi
      else
        echo "The base branch has no \`$ledger\` yet." >>"$summary_file"
      fi
      rm -rf "$base_dir"
      ;;
  esac
fi

# 3. The reports to upload.
if [ -n "${reports//[ ,]/}" ]; then
  read -r -a formats <<<"${reports//,/ }"
  for format in "${formats[@]}"; do
    case "$format" in
      markdown | json | csv | html) ;;
      *) fail "unknown report format '$format' in the input reports; use markdown, json, csv or html" ;;
    esac
  done
  if [ -n "$workspace" ]; then
    # A workspace's report is Markdown or JSON; the site has every
    # ledger's CSV and pages.
    kept=()
    for format in "${formats[@]}"; do
      case "$format" in
        markdown | json) kept+=("$format") ;;
        *) echo "::warning title=commitments::no $format report of a workspace (Markdown and JSON only; the site has every ledger's CSV and pages)" ;;
      esac
    done
    formats=("${kept[@]}")
  fi
  if [ "$loads" = true ]; then
    mkdir -p "$reports_dir"
    for format in "${formats[@]}"; do
      extension=$format
      [ "$format" = markdown ] && extension=md
      "$bin" report "${dated[@]}" --format "$format" -o "$reports_dir/commitments.$extension" ||
        { echo "::error title=commitments::no $format report"; status=2; }
    done
  else
    echo "::warning title=commitments::no reports: the ledger does not load (its errors are annotated above)"
  fi
fi

# 4. The site.
if [ -n "$site" ]; then
  if [ "$loads" = false ]; then
    echo "::error title=commitments::no site: the ledger does not load (its errors are annotated above)"
    [ "$status" -eq 0 ] && status=1
  elif ! "$bin" site "${dated[@]}" -o "$site"; then
    echo "::error title=commitments::$(escape "no site: $site holds something other than a site")"
    [ "$status" -eq 0 ] && status=1
  fi
fi

exit "$status"
