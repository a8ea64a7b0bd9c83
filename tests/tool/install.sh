#!/usr/bin/env bash
# The README's dotnet tool install, for real: dotnet pack, then dotnet tool install --global --add-source, into a
# throwaway DOTNET_CLI_HOME (the tool lands in $DOTNET_CLI_HOME/.dotnet/tools); then the installed glancebake bakes
# the example and its seed.iso is byte-identical to the one `dotnet run` bakes. Exit 0 when all of that holds.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1700000000 DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
dotnet pack src/GlanceBake.Cli -c Release -o "$work/nupkg" >"$work/pack.log" 2>&1 || { cat "$work/pack.log"; exit 1; }
ls "$work/nupkg"
DOTNET_CLI_HOME="$work/home" dotnet tool install --global --add-source "$work/nupkg" glancebake
tool="$work/home/.dotnet/tools/glancebake"
"$tool" --version
"$tool" bake examples/controller.yaml -o "$work/tool-out"
dotnet run --project src/GlanceBake.Cli -- bake examples/controller.yaml -o "$work/run-out" >/dev/null
cmp "$work/tool-out/seed.iso" "$work/run-out/seed.iso"
cmp "$work/tool-out/SHA256SUMS" "$work/run-out/SHA256SUMS"
echo "tool: installed glancebake bakes the same seed.iso as dotnet run"
