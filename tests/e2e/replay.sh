#!/usr/bin/env bash
# GlanceBake end-to-end stage: bake a seed, read it back out of seed.iso, and
# have real cloud-init run it on a fresh Debian controller root (a debootstrap
# chroot inside its own uts/mount/pid namespaces) against real MariaDB,
# Keystone and memcached. Glance itself is installed by the seed.
#
# Usage: bash tests/e2e/replay.sh [--target RELEASE/DISTRO]
#                                 [--expect-failure wrong-admin-password] [--no-broken]
#   --target zed/debian-12       (default) Debian 12 bookworm root, Glance 25 (zed),
#                                params-zed-debian12.yaml
#   --target 2025.1/debian-13    Debian 13 trixie root, Glance 30 (2025.1),
#                                params-2025.1-debian13.yaml
#   Each target has its own suite, root package list, cached root tarball and
#   parameter file; everything else (fixture, asserts, replays, failure cases)
#   is the same.
#   (default)        first boot, replay (cloud-init clean + 4 stages), replay
#                    (runner again), then on the same root: Keystone down (bound),
#                    a missing tool, and the broken input (wrong admin password)
#   --expect-failure wrong-admin-password
#                    only the broken-input check: bakes with a keystone admin
#                    password the fixture does not have and asserts that the
#                    failing step is named in status.json and in the output
#   --expect-failure wrong-service-password
#                    only this: Keystone already has the glance user with
#                    another password than the seed's; first boot must either
#                    converge (the seed resets it: glance then signs in with
#                    the baked password) or fail naming the step
#   --no-broken      skip the broken-input check (local speed-up)
#   --compare-runner REV
#                    also bake the same parameters with the CLI of git
#                    revision REV and, on the same root after the replays,
#                    time the runner's steps (10-95 but 40-packages) of that
#                    seed and of this one; prints both and new/old
# Env:
#   GLANCEBAKE_E2E=0      skip (prints a skip line, exits 0); ignored when CI=true
#   GLANCEBAKE_E2E_KEEP=1 keep the work dir (root, seeds, logs) for inspection
#   GLANCEBAKE_E2E_REPO   repo whose CLI bakes (default: the one holding this script)
#   GLANCEBAKE_E2E_TIMEOUT seconds the controller namespace may run (default 1800)
#   GLANCEBAKE_E2E_CACHE  cache dir for the prepared root (default /var/cache/glancebake-e2e)
#   COMPARE_ROUNDS        timed rounds per seed with --compare-runner (default 2)
#   GLANCEBAKE_E2E_SEED_ISO, GLANCEBAKE_E2E_BROKEN_ISO  harness development only, ignored
#                         when CI=true: replay these ISOs instead of baking
#
# Prints its phases with timings and ends with `e2e: N passed, N failed`.
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=${GLANCEBAKE_E2E_REPO:-$(cd "$HERE/../.." && pwd)}

MODE=full
COMPARE_REV=""
TARGET=zed/debian-12
while [ $# -gt 0 ]; do
  case "$1" in
    --target) TARGET=${2:-}; shift 2 || { echo "replay.sh: --target needs RELEASE/DISTRO" >&2; exit 2; } ;;
    --target=*) TARGET=${1#--target=}; shift ;;
    --expect-failure)
      case "${2:-}" in
        wrong-admin-password) MODE=broken ;;
        wrong-service-password) MODE=broken-service ;;
        *) echo "replay.sh: unknown --expect-failure case '${2:-}' (known: wrong-admin-password, wrong-service-password)" >&2; exit 2 ;;
      esac
      shift 2 ;;
    --no-broken) MODE=nobroken; shift ;;
    --compare-runner) COMPARE_REV=${2:?--compare-runner needs a git revision}; shift 2 ;;
    -h|--help) sed -n '2,43p' "$0"; exit 0 ;;
    *) echo "replay.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done

if [ "${CI:-}" != true ] && [ "${GLANCEBAKE_E2E:-1}" = 0 ]; then
  echo "e2e: skipped (GLANCEBAKE_E2E=0; CI always runs it)"
  exit 0
fi

export E2E_T0; E2E_T0=$(date +%s)
WORK=$(mktemp -d /var/tmp/glancebake-e2e.XXXXXX)
export E2E_RESULTS=$WORK/results E2E_TIMINGS=$WORK/timings
: >"$E2E_RESULTS"; : >"$E2E_TIMINGS"
# shellcheck source=tests/e2e/lib.sh
. "$HERE/lib.sh"

NS_PID=""
cleanup() {
  local rc=$?
  if [ -n "${ROOT_BUILD_PID:-}" ]; then
    [ -s "$WORK/root-build.pid" ] && kill -KILL "$(cat "$WORK/root-build.pid")" 2>/dev/null
    wait "$ROOT_BUILD_PID" 2>/dev/null
    rm -f "${ROOT_TAR:-}.tmp"
  fi
  if [ -n "$NS_PID" ] && kill -0 "$NS_PID" 2>/dev/null; then
    # unshare ignores SIGTERM; SIGKILL makes --kill-child take the whole
    # pid namespace (and everything started in it) down.
    kill -KILL "$NS_PID" 2>/dev/null; wait "$NS_PID" 2>/dev/null
  fi
  if [ "${GLANCEBAKE_E2E_KEEP:-0}" = 1 ]; then
    log "work dir kept: $WORK"
  else
    # The root's /proc, /sys, /dev, /run mounts lived in the namespace only.
    if grep -q " $WORK/" /proc/self/mounts; then
      log "refusing to delete $WORK: something is still mounted under it"
    else
      rm -rf "$WORK"
    fi
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

die() { fail "$*"; summary; exit 1; }

if [ "$(id -u)" != 0 ]; then die "e2e needs root (debootstrap, chroot, namespaces)"; fi

# --- the controller root's definition (its hash keys the cache) --------------
# What the install guide assumes is already on the controller (Glance is not:
# the seed installs it), plus what any Debian cloud image carries.
case "$TARGET" in
  zed/debian-12)
    SUITE=bookworm
    PARAMS=$HERE/params-zed-debian12.yaml
    NETCONF_SCHEMA=0   # cloud-init 22.4.2: no `schema --schema-type network-config` (23.1+)
    GLANCE_API_MODEL=eventlet  # /etc/init.d/glance-api runs /usr/bin/glance-api
    RESERVED_STORES=0  # Glance 25: the seed writes stores/default_store, no enabled_backends
    FORMAT_MATCH=0     # require_image_format_match is 2025.1's
    ROOT_PACKAGES="mariadb-server keystone memcached python3-openstackclient cloud-init
python3-pymysql curl ca-certificates procps iproute2" ;;
  2025.1/debian-13)
    SUITE=trixie
    PARAMS=$HERE/params-2025.1-debian13.yaml
    NETCONF_SCHEMA=1   # cloud-init 25.1.4
    # glance-api 2:30.0.0-3+deb13u5 depends on uwsgi-plugin-python3 and ships
    # glance-api-uwsgi.ini, but its init script keeps UWSGI_PORT/UWSGI_INI_PATH
    # commented out ("Re-disable uwsgi as backups aren't working", 29.0.0~rc1-2):
    # it runs /usr/bin/glance-api (eventlet) on 9292, like bookworm.
    GLANCE_API_MODEL=eventlet
    RESERVED_STORES=1  # enabled_backends: os_glance_staging_store, os_glance_tasks_store
    FORMAT_MATCH=1     # [image_format] require_image_format_match = True by default
    ROOT_PACKAGES="mariadb-server keystone memcached python3-openstackclient cloud-init
python3-pymysql curl ca-certificates procps iproute2" ;;
  *) die "unknown --target '$TARGET' (known: zed/debian-12, 2025.1/debian-13)" ;;
esac
log "target $TARGET: Debian $SUITE root, $(basename "$PARAMS")"
MIRROR=http://deb.debian.org/debian
SECURITY_MIRROR=http://deb.debian.org/debian-security
ROOT_FORMAT=2   # bump when the preparation below changes
CACHE=${GLANCEBAKE_E2E_CACHE:-/var/cache/glancebake-e2e}
# shellcheck disable=SC2086 # the package list is split into words on purpose
ROOT_KEY=$(printf '%s\n' "$ROOT_FORMAT" "$SUITE" "$MIRROR" "$SECURITY_MIRROR" $ROOT_PACKAGES | sha256sum | cut -c1-16)
ROOT_TAR=$CACHE/root-$SUITE-$ROOT_KEY.tar.zst
R=$WORK/root

# ---------------------------------------------------------------------------
phase host-tools
need=""
command -v debootstrap >/dev/null || need="$need debootstrap"
command -v xorriso >/dev/null || need="$need xorriso"
command -v zstd >/dev/null || need="$need zstd"
command -v unshare >/dev/null || need="$need util-linux"
/usr/bin/python3 -c 'import yaml' 2>/dev/null || need="$need python3-yaml"
if [ -n "$need" ]; then
  log "installing on the host:$need"
  # shellcheck disable=SC2086,SC2015
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null \
    || die "host-tools: apt-get install$need failed"
fi
command -v dotnet >/dev/null || die "host-tools: dotnet not found"
pass "host tools present (debootstrap, xorriso, zstd, unshare, python3-yaml, dotnet)"

# ---------------------------------------------------------------------------
# Builds a fresh controller root on a tmpfs in its own mount/pid namespace
# (dpkg and debootstrap run much faster there) and writes it as the tarball $1.
build_root_tarball() {
  local out=$1
  mkdir -p "$R"
  # shellcheck disable=SC2086,SC2016 # the script in single quotes gets its values as arguments
  unshare --uts --mount --pid --fork --kill-child --mount-proc --propagation private bash -c '
    set -eu; t=$1; out=$2; suite=$3; mirror=$4; security=$5; shift 5
    mount -t tmpfs -o mode=755,size=8g tmpfs "$t"
    echo "debootstrap $suite (minbase) from $mirror"
    debootstrap --variant=minbase "$suite" "$t" "$mirror"
    printf "deb %s %s main\ndeb %s %s-updates main\ndeb %s %s-security main\n" \
      "$mirror" "$suite" "$mirror" "$suite" "$security" "$suite" >"$t/etc/apt/sources.list"
    cp /etc/resolv.conf "$t/etc/resolv.conf"
    # No service starts while the root is prepared; removed again below.
    printf "#!/bin/sh\nexit 101\n" >"$t/usr/sbin/policy-rc.d"; chmod 755 "$t/usr/sbin/policy-rc.d"
    mount -t proc proc "$t/proc"; mount -t sysfs sysfs "$t/sys"; mount --rbind /dev "$t/dev"
    echo "apt-get install in the root: $*"
    chroot "$t" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive \
      apt-get update -q
    chroot "$t" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -q --no-install-recommends -o Dpkg::Options::=--force-unsafe-io "$@"
    chroot "$t" apt-get clean
    umount -R "$t/dev" "$t/sys" "$t/proc"
    rm -f "$t/usr/sbin/policy-rc.d"
    # A fresh controller has not run cloud-init yet.
    rm -rf "$t/var/lib/cloud/"* "$t/var/log/cloud-init"*.log
    tar -C "$t" --numeric-owner -cpf - . | zstd -q -T0 -3 -o "$out"
  ' prep "$R" "$out" "$SUITE" "$MIRROR" "$SECURITY_MIRROR" $ROOT_PACKAGES >"$WORK/root-build.log" 2>&1 &
  echo $! >"$WORK/root-build.pid"
  wait $! || { tail -n 40 "$WORK/root-build.log" | sed 's/^/  root | /'; return 1; }
  grep -E '^(debootstrap|apt-get install)' "$WORK/root-build.log" | sed 's/^/  root | /'
}

phase root
mkdir -p "$CACHE"
exec 9>"$CACHE/.lock"; flock 9
ROOT_BUILD_PID=""
if [ -s "$ROOT_TAR" ]; then
  log "cache hit: $ROOT_TAR"
else
  log "cache miss ($ROOT_TAR): building the controller root (in the background, while baking)"
  rm -f "$ROOT_TAR.tmp"
  build_root_tarball "$ROOT_TAR.tmp" &
  ROOT_BUILD_PID=$!
fi
wait_root() {
  [ -n "$ROOT_BUILD_PID" ] || return 0
  phase root-build-wait
  if wait "$ROOT_BUILD_PID"; then mv "$ROOT_TAR.tmp" "$ROOT_TAR"
  else rm -f "$ROOT_TAR.tmp"; die "root: preparing the debootstrap root failed (see above)"; fi
  ROOT_BUILD_PID=""
  # Keep one root per suite: drop this suite's tarballs of older definitions
  # (never another suite's: each target keeps its own cached root).
  find "$CACHE" -maxdepth 1 -name "root-$SUITE-*.tar.zst" ! -name "$(basename "$ROOT_TAR")" -delete
}

check_root() {
check "controller root tarball has the guide's prerequisites and no glance" bash -c "
  zstd -dc -T0 '$ROOT_TAR' | tar -tf - > '$WORK/root.list' &&
  for f in ./usr/bin/keystone-manage ./usr/bin/cloud-init ./usr/bin/openstack ./usr/sbin/mariadbd ./usr/bin/memcached; do
    grep -qxF \"\$f\" '$WORK/root.list' || { echo \"missing \$f\"; exit 1; }
  done; ! grep -qxF ./usr/bin/glance-api '$WORK/root.list'"
}
# The lock is held until the namespace has unpacked the root (inside.sh).

# ---------------------------------------------------------------------------
BROKEN_PARAMS=$WORK/params-broken.yaml
# The broken input: same parameters, but a keystone admin password that the
# fixture does not have.
/usr/bin/python3 - "$PARAMS" "$BROKEN_PARAMS" <<'PY' || die "bake: cannot write the broken parameter file"
import sys, yaml
d = yaml.safe_load(open(sys.argv[1]))
d["keystone"]["admin"]["password"] = "not the fixture's password"
yaml.safe_dump(d, open(sys.argv[2], "w"), sort_keys=False)
PY
NET_PARAMS=$WORK/params-network.yaml
# The network variant: same parameters plus a static controller.network block;
# only its network-config is checked (by the root's own cloud-init), not booted.
/usr/bin/python3 - "$PARAMS" "$NET_PARAMS" <<'PY' || die "bake: cannot write the network parameter file"
import sys, yaml
d = yaml.safe_load(open(sys.argv[1]))
d["controller"]["network"] = {"interface": "ens3", "addresses": ["192.0.2.11/24", "2001:db8::11/64"],
                              "gateway": "192.0.2.1", "nameservers": ["192.0.2.53", "2001:db8::53"]}
yaml.safe_dump(d, open(sys.argv[2], "w"), sort_keys=False)
PY

phase bake
BAKE_NOBUILD=""
bake() {   # $1 what, $2 params, $3 outdir
  local log rc
  log=$WORK/bake-$(basename "$3").log
  dotnet run --project "$REPO/src/GlanceBake.Cli" -c Release $BAKE_NOBUILD -- bake "$2" -o "$3" >"$log" 2>&1
  rc=$?
  sed 's/^/  bake | /' "$log" | tail -n 15
  if [ "$rc" -eq 0 ] && [ -s "$3/seed.iso" ]; then
    BAKE_NOBUILD=--no-build; pass "bake $1: exit 0, seed.iso written"; return 0
  fi
  fail "bake $1: exit $rc$([ -s "$3/seed.iso" ] || echo ', no seed.iso')"; return 1
}
if [ -n "${GLANCEBAKE_E2E_SEED_ISO:-}" ] && [ "${CI:-}" != true ]; then
  # Harness development only (never in CI): replay given ISOs instead of baking.
  log "GLANCEBAKE_E2E_SEED_ISO set: NOT baking, replaying $GLANCEBAKE_E2E_SEED_ISO (${GLANCEBAKE_E2E_BROKEN_ISO:-})"
  mkdir -p "$WORK/bake-main" "$WORK/bake-broken"
  cp "$GLANCEBAKE_E2E_SEED_ISO" "$WORK/bake-main/seed.iso"
  [ -z "${GLANCEBAKE_E2E_BROKEN_ISO:-}" ] || cp "$GLANCEBAKE_E2E_BROKEN_ISO" "$WORK/bake-broken/seed.iso"
else
  if [ "$MODE" != broken ]; then
    bake "$(basename "$PARAMS")" "$PARAMS" "$WORK/bake-main" || die "bake failed"
  fi
  if [ "$MODE" = full ] || [ "$MODE" = broken ]; then
    bake "broken input (wrong keystone admin password)" "$BROKEN_PARAMS" "$WORK/bake-broken" \
      || die "bake of the broken input failed"
  fi
  if [ "$MODE" = full ] || [ "$MODE" = nobroken ]; then
    bake "network variant (static controller.network)" "$NET_PARAMS" "$WORK/bake-network" \
      || die "bake of the network variant failed"
  fi
fi

# --compare-runner: the same parameters baked by the CLI of another revision
# (its tree from git archive, built on its own), for compare_flow in inside.sh.
if [ -n "$COMPARE_REV" ] && [ "$MODE" != broken ] && [ "$MODE" != broken-service ]; then
  phase bake-compare
  mkdir -p "$WORK/compare-src"
  git -C "$REPO" archive "$COMPARE_REV" | tar -x -C "$WORK/compare-src" \
    || die "bake-compare: git archive $COMPARE_REV failed"
  (REPO=$WORK/compare-src BAKE_NOBUILD="" && bake "$(basename "$PARAMS") with the CLI of $COMPARE_REV" "$PARAMS" "$WORK/bake-compare") \
    || die "bake-compare: the CLI of $COMPARE_REV did not bake"
fi

# ---------------------------------------------------------------------------
phase extract
extract() {   # $1 bake dir, $2 target: the whole ISO tree, read by xorriso
  local iso=$1/seed.iso
  rm -rf "$2"; mkdir -p "$2"
  xorriso -osirrox on -indev "$iso" -extract / "$2" >"$2.xorriso.log" 2>&1 \
    || { cat "$2.xorriso.log"; return 1; }
  chmod -R u+rwX "$2"
}
check_seed_tree() {   # $1 bake dir, $2 extracted tree
  local label
  label=$(xorriso -indev "$1/seed.iso" -pvd_info 2>/dev/null | sed -n 's/^Volume Id *: *//p')
  check_eq "seed.iso volume label" CIDATA "$label"
  check "seed.iso holds user-data and meta-data (Rock Ridge/Joliet names)" test -s "$2/user-data" -a -s "$2/meta-data"
  check "user-data starts with #cloud-config" grep -q '^#cloud-config' <(head -n1 "$2/user-data")
  check "meta-data carries instance-id" grep -q '^instance-id:' "$2/meta-data"
  check "seed.iso holds the verification image under glancebake/" \
    bash -c "find '$2/glancebake' -type f -size +0 | grep -q ."
}
if [ "$MODE" != broken ]; then
  extract "$WORK/bake-main" "$WORK/seed-main" || die "extract: xorriso could not read seed.iso"
  check_seed_tree "$WORK/bake-main" "$WORK/seed-main"
  log "seed tree: $(cd "$WORK/seed-main" && find . -type f | sort | tr '\n' ' ')"
fi
if [ -s "$WORK/bake-compare/seed.iso" ]; then
  extract "$WORK/bake-compare" "$WORK/seed-compare" || die "extract: xorriso could not read the compare seed.iso"
fi
if [ "$MODE" = full ] || [ "$MODE" = broken ]; then
  extract "$WORK/bake-broken" "$WORK/seed-broken" || die "extract: xorriso could not read the broken seed.iso"
fi
if [ -s "$WORK/bake-network/seed.iso" ]; then
  extract "$WORK/bake-network" "$WORK/seed-network" || die "extract: xorriso could not read the network variant's seed.iso"
  check "network variant: seed.iso holds network-config" test -s "$WORK/seed-network/network-config"
fi
wait_root
check_root
phase_end

# ---------------------------------------------------------------------------
# Everything from here runs in new uts/mount/pid namespaces: the root's mounts
# and every process started (mariadb, memcached, keystone, glance-api) end
# with them. --kill-child takes the namespace down if this script dies.
log "entering the controller namespaces (mode $MODE)"
export R WORK PARAMS MODE ROOT_TAR SUITE NETCONF_SCHEMA GLANCE_API_MODEL RESERVED_STORES FORMAT_MATCH E2E_RESULTS E2E_TIMINGS E2E_T0 COMPARE_REV
unshare --uts --mount --pid --fork --kill-child --mount-proc --propagation private \
  bash "$HERE/inside.sh" </dev/null &
NS_PID=$!
exec 9>&-   # the namespace holds the cache lock until the root is unpacked
# A bound on the whole namespace part, so that a hang cannot eat CI's time.
NS_LIMIT=${GLANCEBAKE_E2E_TIMEOUT:-1800}
(
  sleep "$NS_LIMIT" & sp=$!
  trap 'kill "$sp" 2>/dev/null; exit 0' TERM
  wait "$sp" || exit 0
  echo "[e2e] TIMEOUT: the controller namespace ran past ${NS_LIMIT}s, killing it"
  kill -KILL "$NS_PID"
) 2>/dev/null &
WATCHDOG=$!
wait "$NS_PID"; ns_rc=$?
NS_PID=""
kill "$WATCHDOG" 2>/dev/null; wait "$WATCHDOG" 2>/dev/null
[ "$ns_rc" -eq 0 ] || fail "controller namespace script exited $ns_rc$([ "$ns_rc" -eq 137 ] && echo ' (killed: timeout?)')"
left=$(for p in /proc/[0-9]*; do
  case "$(readlink "$p/root" 2>/dev/null)" in "$R"|"$R"/*) printf '%s ' "${p#/proc/}";; esac
done)
check "nothing started in the controller root is left running on the host" test -z "$left"
check "no mount of the controller root is visible on the host" bash -c "! grep -q ' $R' /proc/self/mounts"

summary
