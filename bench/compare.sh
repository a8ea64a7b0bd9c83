#!/usr/bin/env bash
# Issue 10's benchmark: whole processes, side by side, alternating, medians of RUNS runs (default 7, at least 5; the
# short example bake runs 3x RUNS times).
#  1. the Native AOT bake of examples/controller.yaml  vs  cloud-localds seed.iso user-data meta-data (same files)
#  2. the AOT bake with a 1 GiB raw verification.image_file (random bytes, not sparse)
#                                                      vs  genisoimage -volid cidata -joliet -rock on the same cidata/
# Wall time (date +%s%N around the process), CPU time (user + sys) and peak RSS from /usr/bin/time -v.
# Targets: 1.0x cloud-localds wall; 1.25x genisoimage wall and 2x its CPU; peak RSS under 64 MiB.
# Usage: bench/compare.sh [RUNS]   (GLANCEBAKE_AOT=path/to/glancebake skips the publish)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
[ "$runs" -ge 5 ] || { echo "at least 5 runs"; exit 2; }
for t in cloud-localds genisoimage /usr/bin/time; do
  command -v "$t" >/dev/null || { echo "needs $t (apt-get install cloud-image-utils genisoimage time)"; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1700000000

aot=${GLANCEBAKE_AOT:-}
if [ -z "$aot" ]; then
  echo "publishing the Native AOT binary (dotnet publish -r linux-x64 -p:PublishAot=true) ..."
  dotnet publish src/GlanceBake.Cli -r linux-x64 -p:PublishAot=true -o "$work/aot" >"$work/publish.log" 2>&1 \
    || { cat "$work/publish.log"; exit 1; }
  aot="$work/aot/glancebake"
fi

# measure NAME CMD...: one run; appends "wall_s cpu_s rss_kib" to $work/NAME.
measure() {
  local name=$1; shift
  local t0 t1
  t0=$(date +%s%N)
  /usr/bin/time -v -o "$work/time.txt" "$@" >/dev/null 2>"$work/last.err" || { cat "$work/last.err"; exit 1; }
  t1=$(date +%s%N)
  awk -v wall="$(( (t1 - t0) / 1000 ))" '
    /User time \(seconds\)/ { u = $NF } /System time \(seconds\)/ { s = $NF }
    /Maximum resident set size/ { m = $NF }
    END { printf "%.4f %.2f %d\n", wall / 1e6, u + s, m }' "$work/time.txt" >>"$work/$name"
}

median() { # median of column $2 of file $1
  sort -g -k"$2,$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# 1. The example.
"$aot" bake examples/controller.yaml -o "$work/ref" >/dev/null 2>&1
cp "$work/ref/cidata/user-data" "$work/ref/cidata/meta-data" "$work/"
# Each run writes into a folder of its own, deleted only after the last run, as a CI job bakes into a fresh checkout.
# Deleting the previous run's output first would time the file system's memory of it: on ext4 without a journal (this
# machine's root, dmesg "mounted filesystem ... without journal"), an inode freed in the last 60 s (300 s while its
# inode table block is unwritten) is not reused, and every file created scans past those (fs/ext4/ialloc.c,
# recently_deleted); that cost grows with the benchmark's own churn and falls on the side that creates more files
# (a bake writes 46 files and folders, cloud-localds one ISO). A run is short: 3x RUNS of them.
for i in $(seq $((runs * 3))); do
  mkdir "$work/ex$i"
  measure bake_example "$aot" bake examples/controller.yaml -o "$work/ex$i/out"
  measure localds cloud-localds "$work/ex$i/localds.iso" "$work/user-data" "$work/meta-data"
done
rm -rf "$work"/ex*

# 2. A 1 GiB image of random bytes (a real image is not all holes).
head -c $((1 << 30)) /dev/urandom >"$work/disk.raw"
sed '/^verification:/,$d' examples/controller.yaml >"$work/big.yaml"
printf 'verification:\n  disk_format: raw\n  image_file: %s\n' "$work/disk.raw" >>"$work/big.yaml"
"$aot" bake "$work/big.yaml" -o "$work/bigref" >/dev/null 2>&1
for i in $(seq "$runs"); do
  # Each side starts alike: sync first (no dirty pages of the other's to write back during its run), then delete its
  # own previous output, so the memory that output held is free just before it runs. On this VM, page-cache pages
  # that stay free for a few seconds go back to the host (virtio-balloon free page reporting), and writing into pages
  # the host must fault in again costs several times more (dd of 1 GiB: 0.26 s into just-freed pages, 2.6 s into
  # returned ones): a sync between deleting and running, or deleting both outputs at the start of a round, gave one
  # side returned pages only.
  sync
  rm -rf "$work/o2"
  measure bake_big "$aot" bake "$work/big.yaml" -o "$work/o2"
  sync
  rm -f "$work/geniso.iso"
  measure geniso genisoimage -quiet -output "$work/geniso.iso" -volid cidata -joliet -rock "$work/bigref/cidata"
done

row() { # label ours anchor
  local bw bc br aw ac ar
  bw=$(median "$work/$2" 1); bc=$(median "$work/$2" 2); br=$(median "$work/$2" 3)
  aw=$(median "$work/$3" 1); ac=$(median "$work/$3" 2); ar=$(median "$work/$3" 3)
  awk -v l="$1" -v bw="$bw" -v bc="$bc" -v br="$br" -v aw="$aw" -v ac="$ac" -v ar="$ar" 'BEGIN {
    printf "| %s | %.3f s wall, %.2f s CPU, %.1f MiB | %.3f s wall, %.2f s CPU, %.1f MiB | %.2fx wall, %s CPU |\n",
      l, bw, bc, br / 1024, aw, ac, ar / 1024, bw / aw, (ac > 0 ? sprintf("%.2fx", bc / ac) : "n/a") }'
}

echo
echo "medians of $((runs * 3)) (example) and $runs (1 GiB) alternating runs, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| what | GlanceBake (AOT) | anchor | ratio |"
echo "|---|---|---|---|"
row "bake examples/controller.yaml vs cloud-localds seed.iso user-data meta-data" bake_example localds
row "bake with a 1 GiB raw image_file vs genisoimage -volid cidata -joliet -rock" bake_big geniso
echo
echo "targets: example <= 1.00x wall; 1 GiB <= 1.25x wall and <= 2x CPU; peak RSS < 64 MiB"
