#!/usr/bin/env bash
# Fuzzes the whole content pipeline (school.yml + policy → parse → resolve → render → check) with
# libFuzzer and AddressSanitizer for the given number of seconds, then prints executions per second.
#   scripts/fuzz.sh [seconds] [short]    (`make fuzz FUZZ_SECONDS=600`; `make test` runs "20 short")
# The target is built into .build-fuzz/ (its own scratch path, so the normal build is untouched).
# Seeds: content/'s policies with their school.yml (whole and by section), Tests/Fixtures/fuzz/seeds,
# the hostile-input fixtures and the saved regressions. A normal run also reads and grows the corpus
# kept in .build-fuzz/corpus/ between runs; a short run starts from the seeds alone, so it always
# gets past them to new inputs. The seconds include reading the corpus.
# A crash, a hang past 10 s, more than 2 GB of memory, or a generator fault (unsafe output, a broken
# link the generator made) stops the run and leaves the input in .build-fuzz/artifacts/.
set -euo pipefail
seconds="${1:-60}"
mode="${2:-}"
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

# The site data the references resolve against, with the legislation cut to five Acts that name
# no other (no replaced_by): every Act is a page rendered for every input, and twenty of them make
# fuzzing six times slower without reaching more code. The fuzz target refuses to start if this
# data does not build cleanly.
data="$scratch/content/data"
rm -rf "$scratch/content"
mkdir -p "$data"
for file in content/data/*; do
  [ -f "$file" ] || continue
  if [ "$(basename "$file")" = legislation.yml ]; then
    awk 'function flush() { if (entry != "" && entry !~ /replaced_by:/ && kept < 5) { printf "%s", entry; kept++ } entry = "" }
         /^  - title:/ { flush(); inside = 1 }
         /^[^ #]/ && inside { flush(); inside = 0 }
         inside { entry = entry $0 "\n"; next }
         { print }
         END { flush() }' "$file" > "$data/legislation.yml"
  else
    cp "$file" "$data/"
  fi
done

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
# The constructs, the hostile inputs and the regressions, each also with its body inside a block
# quote (\001) and a list item (\002) (see InMemoryBuild.split).
for fixture in Tests/Fixtures/fuzz/seeds/*.md Tests/Fixtures/hostile/*.md Tests/Fixtures/fuzz/regressions/*; do
  name=$(basename "$fixture")
  [ -f "$fixture" ] && [ "$name" != README.md ] || continue
  cp "$fixture" "$seeds/$name"
  cut=$(grep -a -b -o $'\036' "$fixture" | head -1 | cut -d: -f1 || true)
  for marker in 001 002; do
    if [ -n "$cut" ]; then
      { head -c $((cut + 1)) "$fixture"; printf "\\$marker"; tail -c +$((cut + 2)) "$fixture"; } > "$seeds/$name.$marker"
    else
      { printf "\\$marker"; cat "$fixture"; } > "$seeds/$name.$marker"
    fi
  done
done

corpus="$scratch/corpus"
if [ "$mode" = short ]; then
  corpus="$scratch/corpus-short"
  rm -rf "$corpus"
  mkdir -p "$corpus"
fi
log="$scratch/fuzz.log"
echo "fuzz: running for ${seconds}s over $(ls "$seeds" | wc -l) seeds and $(ls "$corpus" | wc -l) saved inputs"
# Swift keeps flags in the spare bits of its pointers, so LeakSanitizer cannot see many live
# objects and reports false leaks; memory is bounded by -rss_limit_mb instead. libFuzzer does not
# count the time it takes to read the corpus; `timeout` does, and on its SIGINT libFuzzer prints
# its statistics and exits with 72.
status=0
before=$(ls "$scratch/artifacts" | wc -l)
ASAN_OPTIONS=detect_leaks=0 POLICY_SITE_TEMPLATES=templates POLICY_SITE_CONTENT="$scratch/content" \
  timeout --preserve-status -s INT "$seconds" "$binary" "$corpus" "$seeds" -max_total_time="$seconds" -max_len=8192 -timeout=10 \
  -rss_limit_mb=2048 -detect_leaks=0 -dict=Tests/Fixtures/fuzz/policy.dict \
  -artifact_prefix="$scratch/artifacts/" -print_final_stats=1 > "$log" 2>&1 || status=$?
[ "$status" -eq 72 ] && status=0

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
  echo "      Replay it with: ASAN_OPTIONS=detect_leaks=0 POLICY_SITE_CONTENT=$scratch/content $binary <file>; then add it to Tests/Fixtures/fuzz/regressions/ with a test." >&2
  exit 1
fi
echo "fuzz: ${runs:-0} executions in ${seconds}s, ${rate:-0} executions per second; no crash, hang or fault; corpus $(ls "$corpus" | wc -l) inputs"
