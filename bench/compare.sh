#!/usr/bin/env bash
# Side by side: GlanceBake's ISO writer vs genisoimage -volid cidata -joliet -rock (what cloud-localds runs),
# on the files of one bake. Prints wall time of each and whether both images list the same Rock Ridge names.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v genisoimage >/dev/null || { echo "needs genisoimage (apt-get install genisoimage)"; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dotnet build -c Release src/GlanceBake.Cli >/dev/null
cli=src/GlanceBake.Cli/bin/Release/net10.0/glancebake
t0=$(date +%s%N); "$cli" bake examples/controller.yaml -o "$out/gb" >/dev/null; t1=$(date +%s%N)
genisoimage -quiet -output "$out/geniso.iso" -volid cidata -joliet -rock "$out/gb/cidata"; t2=$(date +%s%N)
echo "glancebake bake (render + out/ + seed.iso): $(((t1 - t0) / 1000000)) ms"
echo "genisoimage (ISO only):                      $(((t2 - t1) / 1000000)) ms"
if command -v isoinfo >/dev/null; then
  diff <(isoinfo -R -f -i "$out/gb/seed.iso" | sort) <(isoinfo -R -f -i "$out/geniso.iso" | sort) \
    && echo "same Rock Ridge file list"
fi
