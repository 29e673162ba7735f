#!/usr/bin/env bash
# The whole test suite of two commits, timed one after the other on this
# machine, each on a fresh clone with its own set-up (what `.ci/run` does):
#
#   benchmarks/suite_time.sh OLD_COMMIT NEW_COMMIT
#
# Prints, for each, the wall time, the CPU time (user + system, of every
# process the suite started) and pytest's last line. Run it on a quiet
# machine: both runs then meet the same load. It takes as long as both
# suites (about 25 minutes on two cores in December 2026).
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 OLD_COMMIT NEW_COMMIT" >&2
  exit 2
fi
repo=$(git rev-parse --show-toplevel)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for commit in "$@"; do
  clone="$work/$commit"
  git clone --quiet "$repo" "$clone"
  git -C "$clone" checkout --quiet "$commit"
  log="$work/$commit.log"
  start=$(date +%s)
  # times prints the CPU of this shell's children once the suite has ended.
  ( cd "$clone" && make test >"$log" 2>&1; status=$?; times; exit $status ) >"$work/$commit.times" \
    && status=0 || status=$?
  end=$(date +%s)
  children=$(tail -1 "$work/$commit.times")
  echo "$commit: exit $status, $((end - start)) s wall; CPU of the suite's processes (user, system): $children"
  grep -E "^(=+ )?[0-9]+ (passed|failed)" "$log" | tail -1 || true
done
