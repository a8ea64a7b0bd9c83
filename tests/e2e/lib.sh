# shellcheck shell=bash
# Helpers shared by tests/e2e/replay.sh (host side) and tests/e2e/inside.sh
# (inside the controller's namespaces). Sourced, not run.
#
# Needs: E2E_RESULTS (file of PASS/FAIL lines), E2E_TIMINGS (file of phase
# timings), E2E_T0 (epoch seconds of the run's start).

log() { printf '[e2e %4ss] %s\n' "$(($(date +%s) - E2E_T0))" "$*"; }

# --- assertions -------------------------------------------------------------
pass() { printf 'PASS %s\n' "$*" >>"$E2E_RESULTS"; printf '  ok     %s\n' "$*"; }
fail() { printf 'FAIL %s\n' "$*" >>"$E2E_RESULTS"; printf '  FAILED %s\n' "$*"; }

# check NAME CMD...: passes when CMD exits 0.
check() {
  local name=$1; shift
  local out rc
  out=$("$@" 2>&1); rc=$?
  if [ "$rc" -eq 0 ]; then pass "$name"; else
    fail "$name (exit $rc)"
    [ -n "$out" ] && printf '%s\n' "$out" | tail -n 20 | sed 's/^/         | /'
  fi
  return "$rc"
}

# check_eq NAME EXPECTED ACTUAL
check_eq() {
  if [ "$2" = "$3" ]; then pass "$1 (= $3)"; return 0; fi
  fail "$1: expected [$2], got [$3]"; return 1
}

# --- phases -----------------------------------------------------------------
_PHASE=""; _PHASE_T=0
phase() {
  phase_end
  _PHASE=$1; _PHASE_T=$(date +%s)
  log "=== phase $_PHASE"
}
phase_end() {
  [ -n "$_PHASE" ] || return 0
  local d=$(($(date +%s) - _PHASE_T))
  printf '%s %s\n' "$_PHASE" "$d" >>"$E2E_TIMINGS"
  log "=== phase $_PHASE took ${d}s"
  _PHASE=""
}

summary() {
  local p f
  p=$(grep -c '^PASS ' "$E2E_RESULTS" 2>/dev/null); p=${p:-0}
  f=$(grep -c '^FAIL ' "$E2E_RESULTS" 2>/dev/null); f=${f:-0}
  echo
  echo "e2e timings (seconds):"
  [ -s "$E2E_TIMINGS" ] && awk '{printf "  %-28s %5d\n", $1, $2}' "$E2E_TIMINGS"
  printf '  %-28s %5d\n' total "$(($(date +%s) - E2E_T0))"
  if [ "$f" -gt 0 ]; then
    echo "failed assertions:"
    grep '^FAIL ' "$E2E_RESULTS" | sed 's/^FAIL /  - /'
  fi
  echo "e2e: $p passed, $f failed"
  [ "$f" -eq 0 ] && [ "$p" -gt 0 ]
}
