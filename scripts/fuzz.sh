#!/usr/bin/env bash
# Fuzzes the whole content pipeline (school.yml + policy → parse → resolve → render → check) with
# libFuzzer and AddressSanitizer for the given number of seconds, then prints executions per second.
#   scripts/fuzz.sh [seconds]    (default 60; `make fuzz FUZZ_SECONDS=600`)
# The target is built into .build-fuzz/ (its own scratch path, so the normal build is untouched).
# Seeds: every policy in content/ with its school.yml, the hostile-input fixtures and the saved
# regression inputs; the corpus libFuzzer grows is kept in .build-fuzz/corpus between runs.
# A crash, a hang past 10 s, more than 2 GB of memory, or a generator fault (unsafe output, a broken
# link the generator made) stops the run and leaves the input in .build-fuzz/artifacts/.
set -euo pipefail
seconds="${1:-60}"
cd "$(dirname "$0")/.."
scratch=.build-fuzz
binary="$scratch/release/policy-site-fuzz"
mkdir -p "$scratch"

echo "fuzz: building the fuzz target (libFuzzer + AddressSanitizer) into $scratch/"
if ! swift build -c release --scratch-path "$scratch" --product policy-site-fuzz \
     -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING > "$scratch/build.log" 2>&1; then
  grep -v "Cannot export local symbol" "$scratch/build.log" >&2
  exit 1
fi

seeds="$scratch/seeds"
rm -rf "$seeds"
mkdir -p "$seeds" "$scratch/corpus" "$scratch/artifacts"
# Each policy whole, and each of its sections (at '## ' headings) after its front matter: small
# seeds make fast executions, and mutations land in every kind of structure.
for school in content/schools/*/; do
  name=$(basename "$school")
  for policy in "$school"*.md; do
    [ -f "$policy" ] || continue
    seed="$seeds/$name-$(basename "$policy" .md)"
    { cat "$school/school.yml"; printf '\036'; cat "$policy"; } > "$seed"
    awk -v out="$seed-" -v school="$school/school.yml" '
      NR == 1 || (fence < 2 && /^---/) { front = front $0 "\n"; if (/^---/) fence++; next }
      fence < 2 { front = front $0 "\n"; next }
      /^## / { part++ }
      { body[part] = body[part] $0 "\n" }
      END {
        while ((getline line < school) > 0) yml = yml line "\n"
        for (p in body) { file = out p; printf "%s\036%s%s", yml, front, body[p] > file; close(file) }
      }' "$policy"
  done
done
for fixture in Tests/Fixtures/fuzz/seeds/*.md Tests/Fixtures/hostile/*.md Tests/Fixtures/fuzz/regressions/*; do
  [ -f "$fixture" ] && [ "$(basename "$fixture")" != README.md ] && cp "$fixture" "$seeds/$(basename "$fixture")"
done
# Every seed again with its body inside a block quote (\001) and a list item (\002): see
# InMemoryBuild.split.
for seed in "$seeds"/*; do
  cut=$(grep -a -b -o $'\036' "$seed" | head -1 | cut -d: -f1 || true)
  for marker in 001 002; do
    if [ -n "$cut" ]; then
      { head -c $((cut + 1)) "$seed"; printf "\\$marker"; tail -c +$((cut + 2)) "$seed"; } > "$seed.$marker"
    else
      { printf "\\$marker"; cat "$seed"; } > "$seed.$marker"
    fi
  done
done

log="$scratch/fuzz.log"
echo "fuzz: running for ${seconds}s over $(ls "$seeds" | wc -l) seeds and $(ls "$scratch/corpus" | wc -l) saved inputs"
# Swift keeps flags in the spare bits of its pointers, so LeakSanitizer cannot see many live
# objects and reports false leaks; memory is bounded by -rss_limit_mb instead.
status=0
before=$(ls "$scratch/artifacts" | wc -l)
ASAN_OPTIONS=detect_leaks=0 POLICY_SITE_TEMPLATES=templates POLICY_SITE_CONTENT=content \
  "$binary" "$scratch/corpus" "$seeds" -max_total_time="$seconds" -max_len=8192 -timeout=10 \
  -rss_limit_mb=2048 -detect_leaks=0 -dict=Tests/Fixtures/fuzz/policy.dict \
  -artifact_prefix="$scratch/artifacts/" -print_final_stats=1 > "$log" 2>&1 || status=$?

runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
if [ "$status" -ne 0 ] && [ "$(ls "$scratch/artifacts" | wc -l)" -eq "$before" ]; then
  tail -20 "$log" >&2
  echo "fuzz: the fuzz target could not run (exit status $status; full log: $log)." >&2
  exit 1
fi
if [ "$status" -ne 0 ]; then
  grep -v -E '^#[0-9]+ +(NEW|REDUCE|pulse)' "$log" | tail -60 >&2
  echo "fuzz: FAILED after ${runs:-?} executions; the input is in $scratch/artifacts/ (full log: $log)." >&2
  echo "      Replay it with: $binary <file>; then add it to Tests/Fixtures/fuzz/regressions/ with a test." >&2
  exit 1
fi
echo "fuzz: ${runs:-0} executions in ${seconds}s, ${rate:-0} executions per second; no crash, hang or fault; corpus $(ls "$scratch/corpus" | wc -l) inputs"
