#!/usr/bin/env bash
# Runs the fuzz targets (libFuzzer through cargo-fuzz) for SECONDS each
# (default 600). Needs `cargo install cargo-fuzz`; RUSTC_BOOTSTRAP lets the
# stable toolchain accept the flags cargo-fuzz passes. No sanitizer: the code
# under test is safe Rust, so panics and failed assertions are what we look for.
set -euo pipefail
cd "$(dirname "$0")"
SECONDS_EACH="${1:-600}"
shift || true
TARGETS=("${@:-import_json import_csv link_decode}")
mkdir -p corpus
for t in ${TARGETS[@]}; do
  mkdir -p "corpus/$t" "seeds/$t"
  echo "== fuzzing $t for ${SECONDS_EACH}s"
  RUSTC_BOOTSTRAP=1 cargo fuzz run -s none "$t" "corpus/$t" "seeds/$t" -- \
    -max_total_time="$SECONDS_EACH" -max_len=65536 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1
done
