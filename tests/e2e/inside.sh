#!/usr/bin/env bash
# shellcheck disable=SC2001,SC2016 # sed prefixes multi-line output; bash -c scripts get values as $1
# Runs as PID 1 of the controller's own pid namespace (started by replay.sh
# with unshare --uts --mount --pid --fork --mount-proc). Mounts /proc /sys
# /dev /run into the controller root (visible in this namespace only), starts
# the fixture (MariaDB, memcached, Keystone), puts the seed into the NoCloud
# seed directory and has real cloud-init run it, then asserts.
# Env from replay.sh: R WORK PARAMS MODE E2E_RESULTS E2E_TIMINGS E2E_T0 [COMPARE_REV]
set -uo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=tests/e2e/lib.sh
. "$HERE/lib.sh"

SEED_DIR=/var/lib/cloud/seed/nocloud
LOGS=$WORK/logs; mkdir -p "$LOGS"
PATH_IN=/usr/sbin:/usr/bin:/sbin:/bin
inroot() { chroot "$R" env -i PATH=$PATH_IN HOME=/root LANG=C.UTF-8 TERM=dumb "$@"; }
askeystone() { chroot --userspec=keystone:keystone "$R" env -i PATH=$PATH_IN HOME=/var/lib/keystone LANG=C.UTF-8 "$@"; }

# --- the controller "boots" ---------------------------------------------------
phase controller-up
hostname glancebake-e2e            # this uts namespace only
# The root lives on a tmpfs of this mount namespace: it vanishes with it.
mkdir -p "$R"
mount -t tmpfs -o mode=755,size=8g tmpfs "$R"
zstd -dc -T0 "$ROOT_TAR" | tar -C "$R" --numeric-owner -xpf - || { fail "cannot unpack $ROOT_TAR"; exit 1; }
# The cache lock (taken by replay.sh): unlock, not just close. The unshare
# parent holds the same open file description for the whole run, so closing
# this copy alone would keep other runs waiting until this one ends.
flock -u 9; exec 9>&-
log "root unpacked on tmpfs: $(du -sh "$R" | cut -f1)"
mount -t proc proc "$R/proc"
mount -t sysfs sysfs "$R/sys"
mount --rbind /dev "$R/dev" && mount --make-rslave "$R/dev"
mount -t tmpfs -o mode=755 tmpfs "$R/run"
mkdir -p "$R/run/lock" && chmod 1777 "$R/run/lock"
cp /etc/resolv.conf "$R/etc/resolv.conf"    # apt on first boot reaches the Debian mirror

# Fixture credentials come from the same parameter file the seed was baked from.
cp "$PARAMS" "$R/tmp/e2e-params.yaml"
eval "$(inroot python3 - <<'PY'
import shlex, yaml
d = yaml.safe_load(open("/tmp/e2e-params.yaml"))
k, g, v = d["keystone"], d["glance"], d["verification"]
for name, val in [("ADMIN_USER", k["admin"]["username"]), ("ADMIN_PW", k["admin"]["password"]),
                  ("ADMIN_PROJECT", k["admin"]["project_name"]),
                  ("SERVICE_PROJECT", k["service_project"]), ("SERVICE_ROLE", k["service_role"]),
                  ("REGION", k["region"]), ("GLANCE_USER", g["user"]), ("GLANCE_PW", g["password"]),
                  ("DB_NAME", d["database"]["name"]), ("DB_USER", d["database"]["user"]),
                  ("DB_PW", d["database"]["password"]), ("IMAGE_NAME", v["image_name"]),
                  ("EP_PUBLIC", g["endpoints"]["public"])]:
    print("%s=%s" % (name, shlex.quote(str(val))))
PY
)"
rm -f "$R/tmp/e2e-params.yaml"
[ -n "${ADMIN_PW:-}" ] || { fail "cannot read the parameter file $PARAMS"; exit 1; }
AUTH_URL=http://127.0.0.1:5000/v3/
osenv() {
  chroot "$R" env -i PATH=$PATH_IN HOME=/root LANG=C.UTF-8 \
    OS_AUTH_URL=$AUTH_URL OS_IDENTITY_API_VERSION=3 OS_REGION_NAME="$REGION" \
    OS_USERNAME="$ADMIN_USER" OS_PASSWORD="$ADMIN_PW" OS_PROJECT_NAME="$ADMIN_PROJECT" \
    OS_USER_DOMAIN_NAME=Default OS_PROJECT_DOMAIN_NAME=Default "$@"
}
osc() { osenv openstack "$@"; }

# wait_for WHAT SECONDS CMD...
wait_for() {
  local what=$1 n=$2; shift 2
  local i
  for ((i = 0; i < n; i++)); do "$@" >/dev/null 2>&1 && return 0; sleep 1; done
  fail "$what did not answer within ${n}s"; return 1
}
http_ok() { inroot python3 -c 'import sys,urllib.request; urllib.request.urlopen(sys.argv[1], timeout=3)' "$1"; }

# --- fixture: what the install guide assumes is already running --------------
phase fixture
inroot service mariadb start >"$LOGS/mariadb-start.log" 2>&1
wait_for "MariaDB" 60 inroot mysqladmin ping || { cat "$LOGS/mariadb-start.log"; exit 1; }
inroot service memcached start >"$LOGS/memcached-start.log" 2>&1
wait_for "memcached on 127.0.0.1:11211" 20 inroot python3 -c 'import socket; socket.create_connection(("127.0.0.1", 11211), 2)' || exit 1
pass "fixture: MariaDB and memcached (127.0.0.1:11211) answer"

inroot mysql -e "CREATE DATABASE keystone;
  CREATE USER 'keystone'@'localhost' IDENTIFIED BY 'keystone-e2e';
  CREATE USER 'keystone'@'127.0.0.1' IDENTIFIED BY 'keystone-e2e';
  GRANT ALL PRIVILEGES ON keystone.* TO 'keystone'@'localhost';
  GRANT ALL PRIVILEGES ON keystone.* TO 'keystone'@'127.0.0.1';" || { fail "fixture: keystone database"; exit 1; }
mkdir -p "$R/etc/keystone/keystone.conf.d"
cat >"$R/etc/keystone/keystone.conf.d/e2e-fixture.conf" <<'EOF'
# e2e fixture (tests/e2e): Keystone on 127.0.0.1:5000 over MariaDB
[database]
connection = mysql+pymysql://keystone:keystone-e2e@127.0.0.1/keystone
[token]
provider = fernet
EOF
inroot chown -R keystone:keystone /etc/keystone/keystone.conf.d
ks_ok=1
{
  askeystone keystone-manage db_sync &&
  inroot keystone-manage fernet_setup --keystone-user keystone --keystone-group keystone &&
  inroot keystone-manage credential_setup --keystone-user keystone --keystone-group keystone &&
  askeystone keystone-manage bootstrap --bootstrap-password "$ADMIN_PW" \
    --bootstrap-username "$ADMIN_USER" --bootstrap-project-name "$ADMIN_PROJECT" \
    --bootstrap-admin-url "$AUTH_URL" --bootstrap-internal-url "$AUTH_URL" \
    --bootstrap-public-url "$AUTH_URL" --bootstrap-region-id "$REGION"
} >"$LOGS/keystone-manage.log" 2>&1 || ks_ok=0
if [ "$ks_ok" != 1 ]; then tail -n 30 "$LOGS/keystone-manage.log"; fail "fixture: keystone-manage"; exit 1; fi
start_keystone() {
  # Not through a shell function: $! must be the server itself (chroot execs it).
  chroot --userspec=keystone:keystone "$R" env -i PATH=$PATH_IN HOME=/var/lib/keystone LANG=C.UTF-8 \
    keystone-wsgi-public --host 127.0.0.1 --port 5000 >>"$LOGS/keystone-wsgi.log" 2>&1 &
  KS_PID=$!
  wait_for "Keystone on 127.0.0.1:5000" 60 http_ok http://127.0.0.1:5000/v3 || { tail -n 30 "$LOGS/keystone-wsgi.log"; return 1; }
}
start_keystone || exit 1
osc project create --domain default --description "Service Project" "$SERVICE_PROJECT" -f value -c id \
  >"$LOGS/service-project.log" 2>&1 || { cat "$LOGS/service-project.log"; fail "fixture: create project $SERVICE_PROJECT"; exit 1; }
pass "fixture: Keystone answers on 127.0.0.1:5000 with admin and project $SERVICE_PROJECT"

# --- the seed into the NoCloud seed dir, real cloud-init runs it -------------
install_seed() {   # $1 extracted ISO tree
  rm -rf "$R$SEED_DIR"; mkdir -p "$R$SEED_DIR"
  cp -a "$1/." "$R$SEED_DIR/"
  install -m 0644 "$HERE/cloud.cfg.d/99-glancebake-e2e.cfg" "$R/etc/cloud/cloud.cfg.d/99-glancebake-e2e.cfg"
}
# A clean cloud-init (as if the instance were new): cloud-init clean keeps the seed dir.
clean_cloud_init() {
  inroot cloud-init clean --logs >/dev/null 2>&1
  rm -rf "$R/run/cloud-init" "$R/var/lib/cloud/instance" "$R/var/lib/cloud/instances"
}
STAGE_RC=()
# run_stages TAG: the four stages in boot order; output shown, rc kept.
run_stages() {
  local tag=$1 i rc
  local -a stages=("init --local" "init" "modules --mode=config" "modules --mode=final")
  STAGE_RC=()
  for i in 0 1 2 3; do
    log "cloud-init ${stages[$i]}"
    # shellcheck disable=SC2086
    # Shown live, less apt's per-package lines and ci-info tables (kept in the log).
    inroot cloud-init ${stages[$i]} 2>&1 | tee "$LOGS/$tag-stage$i.log" \
      | grep --line-buffered -vE '^(Get:|Selecting previously|Preparing to unpack|Unpacking|Setting up|Processing triggers|ci-info:|\(Reading database)' \
      | sed -u 's/^/  cloud-init | /'
    rc=${PIPESTATUS[0]}
    STAGE_RC+=("$rc")
    log "cloud-init ${stages[$i]}: exit $rc"
  done
}
stages_ok() {   # TAG
  local i names=("init --local" "init" "modules --mode=config" "modules --mode=final")
  for i in 0 1 2 3; do
    check_eq "$1: cloud-init ${names[$i]} exit code" 0 "${STAGE_RC[$i]}"
  done
}

# status.json as "result" then "name status exit_code" lines
status_lines() {
  inroot python3 -c '
import json
d = json.load(open("/var/lib/glancebake/status.json"))
print(d.get("result"))
for s in d.get("steps", []):
    print(s.get("name"), s.get("status"), s.get("exit_code"))
'
}
assert_status_ok() {   # TAG
  local out
  if ! out=$(status_lines 2>&1); then fail "$1: /var/lib/glancebake/status.json readable"; echo "$out" | sed 's/^/         | /'; return; fi
  echo "$out" | sed 's/^/  status.json | /'
  check_eq "$1: status.json result" ok "$(echo "$out" | head -n1)"
  local bad n
  n=$(echo "$out" | tail -n +2 | grep -c .)
  bad=$(echo "$out" | tail -n +2 | awk '$2 != "ok" {print $1 "=" $2}' | tr '\n' ' ')
  if [ "$n" -gt 0 ] && [ -z "$bad" ]; then pass "$1: all $n steps ok in status.json"
  else fail "$1: steps not ok in status.json: ${bad:-no steps listed}"; fi
}

STATE=""
read_state() { STATE=$(osenv python3 - "$GLANCE_USER" "$SERVICE_PROJECT" "$IMAGE_NAME" <"$HERE/state.py" 2>"$LOGS/state.err"); }
jq_() { inroot python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(eval(sys.argv[2]))' "$STATE" "$1" 2>/dev/null; }

IDS=""
assert_first_boot_result() {   # TAG
  local t=$1
  read_state || { fail "$t: reading Keystone/Glance state"; sed 's/^/         | /' "$LOGS/state.err" | tail -n 10; return; }
  echo "  state | $STATE"
  check_eq "$t: Keystone users named $GLANCE_USER" 1 "$(jq_ 'len(d["users"])')"
  check "$t: $GLANCE_USER has role $SERVICE_ROLE on project $SERVICE_PROJECT" \
    test "$(jq_ "'$SERVICE_ROLE' in d['role_assignments']")" = True
  check_eq "$t: image services in Keystone" 1 "$(jq_ 'len(d["services"])')"
  check_eq "$t: image endpoints (exactly three)" "admin internal public" \
    "$(jq_ '" ".join(e["interface"] for e in d["endpoints"])')"
  check_eq "$t: endpoint URLs and region" "$EP_PUBLIC@$REGION" \
    "$(jq_ '" ".join(sorted(set(e["url"]+"@"+str(e["region"]) for e in d["endpoints"])))')"
  check_eq "$t: images named $IMAGE_NAME through Glance's API" 1 "$(jq_ 'len(d["images"])')"
  check_eq "$t: image status through Glance's API" active "$(jq_ 'd["images"][0]["status"]')"
  local list
  list=$(osc image list -f value -c Name -c Status 2>&1)
  echo "$list" | sed 's/^/  openstack image list | /'
  check "$t: openstack image list shows $IMAGE_NAME active" grep -qxF "$IMAGE_NAME active" <<<"$list"
  check_eq "$t: tables in database $DB_NAME (images, alembic_version)" "alembic_version images" \
    "$(inroot mysql -N -e "SELECT table_name FROM information_schema.tables WHERE table_schema='$DB_NAME' AND table_name IN ('images','alembic_version') ORDER BY table_name" | tr '\n' ' ' | sed 's/ $//')"
  check "$t: $DB_USER logs in to MariaDB on 127.0.0.1 with the baked DB password" \
    chroot "$R" env -i PATH=$PATH_IN MYSQL_PWD="$DB_PW" mysql -h 127.0.0.1 -u "$DB_USER" -N -e 'SELECT 1' "$DB_NAME"
  check "$t: $GLANCE_USER authenticates to Keystone with the baked service password" \
    chroot "$R" env -i PATH=$PATH_IN HOME=/root OS_AUTH_URL=$AUTH_URL OS_IDENTITY_API_VERSION=3 \
      OS_USERNAME="$GLANCE_USER" OS_PASSWORD="$GLANCE_PW" OS_PROJECT_NAME="$SERVICE_PROJECT" \
      OS_USER_DOMAIN_NAME=Default OS_PROJECT_DOMAIN_NAME=Default openstack token issue -f value -c id
  check "$t: /root/admin-openrc works (openstack token issue)" \
    inroot bash -c '. /root/admin-openrc && openstack token issue -f value -c id'
  check "$t: /var/lib/glance/glance.sqlite does not exist" test ! -e "$R/var/lib/glance/glance.sqlite"
  check_eq "$t: /etc/glance/glance-api.conf owner and mode" "root:glance 640" \
    "$(inroot stat -c '%U:%G %a' /etc/glance/glance-api.conf 2>&1)"
  assert_status_ok "$t"
  IDS=$(jq_ '" ".join([u["id"] for u in d["users"]] + [x["id"] for x in d["services"]] + [e["id"] for e in d["endpoints"]] + [i["id"] for i in d["images"]])')
}

# How this distro runs glance-api, asserted rather than assumed. Debian's
# /etc/init.d/glance-api (openstack-pkg-tools) runs uWSGI only when its
# UWSGI_PORT/UWSGI_INI_PATH/UWSGI_INI_APP lines are set; its `show-args` prints
# the command it (and the systemd unit's `ExecStart=/etc/init.d/glance-api
# systemd-start`) runs. GLANCE_API_MODEL (from replay.sh) is what that command
# is on this target: eventlet (/usr/bin/glance-api) or uwsgi.
assert_glance_service() {   # TAG
  local t=$1 args model procs unit
  args=$(inroot /etc/init.d/glance-api show-args 2>&1)
  case "$args" in *uwsgi*) model=uwsgi ;; *) model=eventlet ;; esac
  log "$t: /etc/init.d/glance-api show-args: $args"
  check_eq "$t: glance-api model per its init script (show-args)" "$GLANCE_API_MODEL" "$model"
  procs=$(inroot ps -u glance -o args= 2>&1)
  echo "$procs" | sort -u | sed 's/^/  glance processes | /'
  check "$t: a glance-owned process runs exactly that command" grep -qF -- "$args" <<<"$procs"
  unit=$(for u in /usr/lib/systemd/system/glance-api.service /lib/systemd/system/glance-api.service; do
    [ -f "$R$u" ] && echo "$u" && break; done)
  check "$t: the package's glance-api.service runs the same init script (ExecStart=/etc/init.d/glance-api systemd-start)" \
    grep -qx 'ExecStart=/etc/init.d/glance-api systemd-start' "$R$unit"
  if [ -x "$R/usr/bin/systemd-analyze" ]; then
    check "$t: systemd-analyze verify accepts glance-api.service with the seed's drop-in" \
      inroot systemd-analyze verify --man=no glance-api.service
    check "$t: systemd-delta shows the unit extended by 10-glancebake.conf" \
      bash -c 'chroot "$1" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin systemd-delta --no-pager --type=extended 2>/dev/null |
        grep -q "glance-api.service.d/10-glancebake.conf"' _ "$R"
  else
    log "$t: no systemd-analyze in this root: the drop-in is not verified here"
  fi
  local ss_out
  ss_out=$(inroot ss -ltnpH 'sport = :9292' 2>&1)
  echo "$ss_out" | sed 's/^/  ss -ltnp :9292 | /'
  check "$t: glance-api listens on TCP 9292" grep -q '"glance-api"\|"uwsgi' <<<"$ss_out"
  local logf=/var/log/glance/glance-api.log
  check "$t: glance-api logs to $logf (non-empty, owned by glance)" \
    test "$(inroot stat -c %U "$logf" 2>/dev/null)" = glance -a -s "$R$logf"
  check "$t: no ERROR or CRITICAL line in $logf" bash -c '! grep -E " (ERROR|CRITICAL) " "$1"' _ "$R$logf"
  if [ "${RESERVED_STORES:-0}" = 1 ]; then
    # enabled_backends: Glance registers os_glance_staging_store and
    # os_glance_tasks_store (glance_store defaults /var/lib/glance/<name>) and
    # creates their directories at start; nothing to configure.
    check "$t: reserved stores' directories exist, owned by glance" \
      test "$(inroot stat -c %U /var/lib/glance/os_glance_staging_store /var/lib/glance/os_glance_tasks_store 2>&1 |
        tr '\n' ' ')" = "glance glance "
  fi
}

# Glance 30 (2025.1) inspects uploads: content must match disk_format
# ([image_format] require_image_format_match, default True). The seed's image
# passed that (virtual_size is what the inspector read from its qcow2 header);
# a non-qcow2 upload claiming qcow2 must be refused.
assert_format_match() {
  check_eq "first-boot: virtual_size Glance read from the verification image's header" 1048576 \
    "$(jq_ 'd["images"][0].get("virtual_size")')"
  head -c 65536 /dev/urandom >"$R/tmp/e2e-not-qcow2"
  local out rc
  out=$(osc image create e2e-format-mismatch --disk-format qcow2 --container-format bare \
    --file /tmp/e2e-not-qcow2 -f value -c id 2>&1); rc=$?
  echo "$out" | tail -n 3 | sed 's/^/  mismatch upload | /'
  check "Glance refuses an upload whose content does not match disk_format qcow2" test "$rc" != 0
  check "glance-api.log says why: Image disk_format qcow2 does not match stream data" \
    grep -q 'Image disk_format qcow2 does not match stream data' "$R/var/log/glance/glance-api.log"
  local id
  for id in $(osc image list --name e2e-format-mismatch -f value -c ID 2>/dev/null); do osc image delete "$id" >/dev/null 2>&1; done
  rm -f "$R/tmp/e2e-not-qcow2"
}

ran_user_data() {   # TAG: the output shows cloud-init running the user-data's runcmd (the runner)
  check "$1: cloud-init ran the seed's runcmd (glancebake-firstboot)" \
    inroot grep -q glancebake-firstboot /var/lib/cloud/instance/scripts/runcmd
}

# The network variant's network-config (baked with a static controller.network
# block, read back out of its seed.iso) through this root's own cloud-init.
check_network_config() {
  # replay.sh bakes it and checks it holds network-config (not in the dev-only GLANCEBAKE_E2E_SEED_ISO mode).
  [ -s "$WORK/seed-network/network-config" ] || { log "network variant: not baked in this run, not checked"; return; }
  install -m 0644 "$WORK/seed-network/network-config" "$R/tmp/e2e-network-config"
  local out
  if [ "${NETCONF_SCHEMA:-0}" = 1 ]; then
    # Without netplan in the root, cloud-init checks v2 against its own schema
    # (schema-network-config-v2.json); "Skipping" would mean nothing was checked.
    out=$(inroot cloud-init schema --schema-type network-config -c /tmp/e2e-network-config 2>&1)
    echo "$out" | sed 's/^/  cloud-init schema | /'
    check "network variant: cloud-init schema --schema-type network-config says Valid" \
      bash -c 'grep -q "Valid schema" <<<"$1" && ! grep -qi "skipping" <<<"$1"' _ "$out"
  else
    log "network variant: this root's cloud-init has no 'schema --schema-type network-config' (23.1+); parse and render only"
  fi
  check "network variant: cloud-init's network_state parses it strictly (ens3, 2 addresses, route, DNS)" \
    inroot python3 -c '
import sys, yaml
from cloudinit.net import network_state
ns = network_state.parse_net_config_data(yaml.safe_load(open(sys.argv[1])), skip_broken=False)
ifs = {i["name"]: i for i in ns.iter_interfaces()}
subs = ifs["ens3"]["subnets"]
assert sorted("%s/%s" % (s["address"], s["prefix"]) for s in subs) == ["192.0.2.11/24", "2001:db8::11/64"], subs
assert any(r.get("gateway") == "192.0.2.1" for s in subs for r in s.get("routes", [])), subs
assert set(ns.dns_nameservers) >= {"192.0.2.53", "2001:db8::53"} or \
  any("192.0.2.53" in s.get("dns_nameservers", []) for s in subs), (ns.dns_nameservers, subs)
' /tmp/e2e-network-config
  rm -rf "$R/tmp/e2e-net-out"
  # eni: the networkd renderer chowns to systemd-network, a user this root
  # only gets when first boot pulls systemd in.
  check "network variant: cloud-init devel net-convert renders it (eni: address 192.0.2.11/24, gateway)" \
    bash -c 'chroot "$1" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 cloud-init devel net-convert \
      --network-data /tmp/e2e-network-config --kind yaml --output-kind eni --distro debian \
      --directory /tmp/e2e-net-out >/dev/null &&
      grep -rqE "^ +address 192\.0\.2\.11/24$" "$1/tmp/e2e-net-out" && grep -rq "gw 192\.0\.2\.1" "$1/tmp/e2e-net-out"' _ "$R"
}

# Issue 7: the Glance this root installed judges every section and option name of the configs the seed wrote
# (tests/readers/glance-config-check.py: oslo-config-validator with Glance's namespaces, keystone_authtoken
# against keystonemiddleware and its auth plugin, store sections against glance_store's drivers); a planted
# typo must fail, naming file, section and option.
assert_installed_glance_judges_options() {
  cp "$HERE/../readers/glance-config-check.py" "$R/tmp/glance-config-check.py"
  local confs=() f
  for f in "$R"/etc/glance/glance-api.conf "$R"/etc/glance/glance-registry.conf; do
    [ -f "$f" ] && confs+=("${f#"$R"}")
  done
  check "installed Glance ($(inroot dpkg-query -W -f '${Version}' glance-common 2>/dev/null)) knows every section and option of ${confs[*]}" \
    inroot python3 /tmp/glance-config-check.py "${confs[@]}"
  sed 's/^\[keystone_authtoken\]$/[keystone_authtoken]\npasword = typo/' "$R/etc/glance/glance-api.conf" >"$R/tmp/typo-glance-api.conf"
  local out rc
  out=$(inroot python3 /tmp/glance-config-check.py /tmp/typo-glance-api.conf 2>&1); rc=$?
  check_eq "installed Glance: a planted [keystone_authtoken] pasword typo fails the check (exit 1)" 1 "$rc"
  check "installed Glance: the finding names file, section and option" \
    grep -q '/tmp/typo-glance-api.conf: \[keystone_authtoken\] pasword' <<<"$out"
  rm -f "$R/tmp/typo-glance-api.conf" "$R/tmp/glance-config-check.py"
}

main_flow() {
  phase seed
  install_seed "$WORK/seed-main"
  check "cloud-init schema accepts the baked user-data" inroot cloud-init schema -c "$SEED_DIR/user-data"
  check_network_config
  check "glance is not installed before first boot" test ! -e "$R/usr/bin/glance-api"

  phase first-boot
  run_stages first-boot
  phase assert-first-boot
  stages_ok first-boot
  check "first-boot: NoCloud datasource read the seed dir" grep -q "$SEED_DIR" "$R/run/cloud-init/instance-data.json"
  ran_user_data first-boot
  check "first-boot: glance was installed by the seed" test -x "$R/usr/bin/glance-api"
  assert_first_boot_result first-boot
  assert_glance_service first-boot
  assert_installed_glance_judges_options
  local ids1=$IDS
  log "IDs after first boot: $ids1"

  phase replay-cloud-init
  clean_cloud_init
  run_stages replay
  phase assert-replay-cloud-init
  stages_ok replay
  ran_user_data replay
  assert_first_boot_result replay
  check_eq "replay (cloud-init clean + 4 stages): same user, service, endpoint and image IDs" "$ids1" "$IDS"

  phase replay-runner
  local rc
  inroot /usr/local/sbin/glancebake-firstboot >"$LOGS/runner-again.log" 2>&1; rc=$?
  sed 's/^/  glancebake-firstboot | /' "$LOGS/runner-again.log"
  check_eq "replay (glancebake-firstboot again): exit code" 0 "$rc"
  assert_first_boot_result runner-again
  assert_glance_service runner-again
  check_eq "replay (glancebake-firstboot again): same user, service, endpoint and image IDs" "$ids1" "$IDS"
  # Last: the refused upload may leave Glance log lines behind.
  if [ "${FORMAT_MATCH:-0}" = 1 ]; then assert_format_match; fi
}

# Issue 7: a leftover or foreign image of the verification name must not pass as the seed's. The good image
# is deleted and a foreign one (4 KiB of zeros, raw) planted under its name; the runner again must delete it
# and upload the seed's file: one image, not the planted one, with the seed file's size and sha512.
wrong_image_flow() {
  phase replay-wrong-image
  local seed_img size sha512 planted rc keystone_ids
  seed_img=$(find "$WORK/seed-main/glancebake" -type f -size +0 | head -n 1)
  size=$(stat -c %s "$seed_img"); sha512=$(sha512sum "$seed_img" | cut -d' ' -f1)
  read_state || { fail "wrong image: reading Keystone/Glance state"; return; }
  keystone_ids=$(jq_ '" ".join([u["id"] for u in d["users"]] + [x["id"] for x in d["services"]] + [e["id"] for e in d["endpoints"]])')
  # shellcheck disable=SC2046 # one word per image ID
  osc image delete $(jq_ '" ".join(i["id"] for i in d["images"])') >"$LOGS/wrong-image-plant.log" 2>&1
  head -c 4096 /dev/zero >"$R/tmp/e2e-wrong.img"
  planted=$(osc image create --disk-format raw --container-format bare --file /tmp/e2e-wrong.img -f value -c id \
    "$IMAGE_NAME" 2>>"$LOGS/wrong-image-plant.log")
  rm -f "$R/tmp/e2e-wrong.img"
  check "wrong image: planted a foreign 4 KiB image named $IMAGE_NAME (${planted:-none})" test -n "$planted" \
    || { cat "$LOGS/wrong-image-plant.log"; return; }
  inroot /usr/local/sbin/glancebake-firstboot >"$LOGS/runner-wrong-image.log" 2>&1; rc=$?
  grep -- '95-verify-image' "$LOGS/runner-wrong-image.log" | sed 's/^/  glancebake-firstboot | /'
  check_eq "wrong image: glancebake-firstboot exit code" 0 "$rc"
  check "wrong image: step 95 deleted the planted image ($planted)" \
    grep -q "deleted image .*($planted)" "$LOGS/runner-wrong-image.log"
  read_state || { fail "wrong image: reading Keystone/Glance state"; return; }
  echo "  state | $STATE"
  check_eq "wrong image: images named $IMAGE_NAME" 1 "$(jq_ 'len(d["images"])')"
  check "wrong image: the image is not the planted one" test "$(jq_ 'd["images"][0]["id"]')" != "$planted"
  check_eq "wrong image: image status, size and sha512 are the seed file's" "active $size sha512 $sha512" \
    "$(jq_ '" ".join(str(d["images"][0][k]) for k in ("status", "size", "os_hash_algo", "os_hash_value"))')"
  check_eq "wrong image: same user, service and endpoint IDs" "$keystone_ids" \
    "$(jq_ '" ".join([u["id"] for u in d["users"]] + [x["id"] for x in d["services"]] + [e["id"] for e in d["endpoints"]])')"
}

# --compare-runner REV (replay.sh): the runner's steps 10-95 but 40-packages, timed on this same root, first
# with the seed REV's CLI bakes from the same parameters, then with this one's. cloud-init (clean + the four
# stages) writes each seed's files and runs its runner once; then every step is run as the runner runs it,
# COMPARE_ROUNDS times, timed in milliseconds. Prints both tables and new/old; asserts that all steps
# succeed and that new/old is at most COMPARE_MAX_RATIO (0.33, issue 12's target).
time_steps() {   # TAG: appends "TAG ROUND STEP MS" lines to $LOGS/compare.times
  # shellcheck disable=SC2016,SC2317 # the script in single quotes gets its values as arguments; run through check
  inroot bash -c '
    for r in $(seq "$2"); do
      for f in /usr/local/lib/glancebake/steps/*.sh; do
        s=$(basename "$f" .sh)
        [ "$s" = 40-packages ] && continue
        t0=$(date +%s%N)
        GB_STEP=$s bash "$f" >>"/var/log/glancebake/compare-$1.log" 2>&1 || { echo "FAILED $s"; exit 1; }
        t1=$(date +%s%N)
        echo "$1 $r $s $(((t1 - t0) / 1000000))"
      done
    done' timing "$1" "${COMPARE_ROUNDS:-2}" >>"$LOGS/compare.times"
}
compare_flow() {
  local tag tree
  for tag in old new; do
    tree=$WORK/seed-main; [ "$tag" = old ] && tree=$WORK/seed-compare
    phase "compare-runner-$tag"
    install_seed "$tree"
    clean_cloud_init
    run_stages "compare-$tag" >"$LOGS/compare-$tag.out" 2>&1
    check_eq "compare ($tag seed): cloud-init final stage exit code" 0 "${STAGE_RC[3]}"
    cp "$R/var/lib/glancebake/status.json" "$WORK/compare-status-$tag.json" 2>/dev/null || true
    check "compare ($tag seed): every step succeeds when timed" time_steps "$tag"
  done
  phase_end
  awk -v rev="$COMPARE_REV" '
    { ms[$1 " " $3] += $4; n[$1 " " $3]++; if (!($3 in seen)) { seen[$3] = 1; order[++k] = $3 } }
    END {
      printf "  step times (ms, mean of the rounds): old = seed of %s, new = this tree\n", rev
      printf "  %-18s %8s %8s\n", "step", "old", "new"
      for (i = 1; i <= k; i++) {
        s = order[i]; o = ms["old " s] / n["old " s]; w = ms["new " s] / n["new " s]; to += o; tw += w
        printf "  %-18s %8.0f %8.0f\n", s, o, w
      }
      printf "  %-18s %8.0f %8.0f\n", "total (no 40)", to, tw
      printf "  runner steps 10-95 without 40-packages: old %.1f s, new %.1f s, new/old = %.2f\n", to / 1000, tw / 1000, tw / to
      printf "ratio %.4f\n", tw / to > "/dev/stderr"
    }' "$LOGS/compare.times" 2>"$WORK/compare.ratio" | tee "$WORK/compare.txt"
  # The runner's own record of that cloud-init run (status.json "seconds", whole seconds, 40-packages included).
  python3 - "$WORK/compare-status-old.json" "$WORK/compare-status-new.json" <<'PY' | tee -a "$WORK/compare.txt"
import json, sys
def steps(path):
    try:
        return {s["name"]: s.get("seconds") for s in json.load(open(path)).get("steps", [])}
    except (OSError, ValueError) as e:
        return {"(unreadable: %s)" % e: None}
old, new = steps(sys.argv[1]), steps(sys.argv[2])
print("  status.json step seconds of the cloud-init run (old / new seed):")
for name in list(dict.fromkeys(list(old) + list(new))):
    print("  %-18s %8s %8s" % (name, old.get(name, "-"), new.get(name, "-")))
tot = lambda d: sum(v for k, v in d.items() if isinstance(v, int))
print("  %-18s %8s %8s" % ("total", tot(old), tot(new)))
PY
  local ratio max=${COMPARE_MAX_RATIO:-0.33}
  ratio=$(awk '/^ratio /{print $2}' "$WORK/compare.ratio")
  check "compare: runner new/old ${ratio:-?} <= $max (steps 10-95 without 40-packages)" \
    awk -v r="${ratio:-}" -v m="$max" 'BEGIN { exit !(r != "" && r + 0 <= m + 0) }'
}

broken_flow() {
  phase broken-input
  install_seed "$WORK/seed-broken"
  clean_cloud_init
  rm -f "$R/var/lib/glancebake/status.json"
  run_stages broken
  phase assert-broken-input
  local out res failed_step
  check "broken: cloud-init final stage reports the failure (exit non-zero)" test "${STAGE_RC[3]}" != 0
  if ! out=$(status_lines 2>&1); then fail "broken: status.json written"; echo "$out" | sed 's/^/         | /'; return; fi
  echo "$out" | sed 's/^/  status.json | /'
  res=$(echo "$out" | head -n1)
  check_eq "broken: status.json result" failed "$res"
  failed_step=$(echo "$out" | tail -n +2 | awk '$2 == "failed" {print $1; exit}')
  if [ -z "$failed_step" ]; then fail "broken: status.json marks a step failed"; return; fi
  pass "broken: status.json marks step '$failed_step' failed"
  check_eq "broken: status.json failed_step" "$failed_step" \
    "$(inroot python3 -c 'import json; print(json.load(open("/var/lib/glancebake/status.json")).get("failed_step"))')"
  check "broken: the runner's output (cloud-init final stage) names '$failed_step'" \
    grep -qiE "fail.*$failed_step" "$LOGS/broken-stage3.log"
  check "broken: steps before '$failed_step' are ok" \
    test -z "$(echo "$out" | tail -n +2 | awk -v f="$failed_step" '$1 == f {exit} $2 != "ok" {print}')"
  check "broken: /var/log/glancebake/$failed_step.log says why (401 / authentication)" \
    grep -qiE '401|unauthori[sz]ed|authenticat' "$R/var/log/glancebake/$failed_step.log"
}

# A service that does not answer within the seed's bound: Keystone stopped,
# the runner started by hand with a short bound (GLANCEBAKE_WAIT_SECONDS).
unreachable_flow() {
  phase keystone-down
  kill "$KS_PID" 2>/dev/null; wait "$KS_PID" 2>/dev/null
  if http_ok http://127.0.0.1:5000/v3 2>/dev/null; then fail "keystone down: the fixture's Keystone still answers after kill"; fi
  local rc out
  inroot env GLANCEBAKE_WAIT_SECONDS=6 /usr/local/sbin/glancebake-firstboot >"$LOGS/keystone-down.log" 2>&1; rc=$?
  sed 's/^/  glancebake-firstboot | /' "$LOGS/keystone-down.log"
  check "keystone down: runner exits non-zero" test "$rc" != 0
  out=$(inroot python3 -c 'import json; d=json.load(open("/var/lib/glancebake/status.json")); print(d["result"], d.get("failed_step") or "-")' 2>&1)
  check_eq "keystone down: status.json result" failed "${out% *}"
  local step=${out#* }
  check "keystone down: status.json names the failing step ($step), its log says Keystone did not answer within 6s" \
    grep -q 'Keystone.*did not answer within 6s' "$R/var/log/glancebake/$step.log"
  check "keystone down: the runner's output names $step" grep -qiE "fail.*$step" "$LOGS/keystone-down.log"
  start_keystone || fail "keystone down: fixture Keystone restarted"
}

# A tool the steps need is missing: the runner started by hand without
# `glance-manage` (glance-common) on the PATH (moved aside, then put back).
# (The steps no longer start the openstack CLI: openstack_api.py does their
# Keystone and Glance calls.)
tool_missing_flow() {
  phase tool-missing
  local rc out step tool=glance-manage
  mv "$R/usr/bin/$tool" "$R/usr/bin/$tool.e2e-hidden"
  inroot /usr/local/sbin/glancebake-firstboot >"$LOGS/tool-missing.log" 2>&1; rc=$?
  mv "$R/usr/bin/$tool.e2e-hidden" "$R/usr/bin/$tool"
  grep -vE '^\s*$' "$LOGS/tool-missing.log" | tail -n 6 | sed 's/^/  glancebake-firstboot | /'
  check "$tool missing: runner exits non-zero" test "$rc" != 0
  out=$(inroot python3 -c 'import json; d=json.load(open("/var/lib/glancebake/status.json")); print(d["result"], d.get("failed_step") or "-")' 2>&1)
  check_eq "$tool missing: status.json result" failed "${out% *}"
  step=${out#* }
  check "$tool missing: status.json names the failing step ($step), its log names the missing command" \
    grep -q "needs the command '$tool'" "$R/var/log/glancebake/$step.log"
  check "$tool missing: the runner's output names $step" grep -qiE "fail.*$step" "$LOGS/tool-missing.log"
}

# The service password does not match: Keystone already has the glance user,
# with another password than the seed's (an earlier install, a hand-made user).
# First boot must either fail naming the step, or converge (reset it).
service_password_flow() {
  phase service-password-drift
  osc user create --domain default --password "not the seed's glance password" "$GLANCE_USER" -f value -c id \
    >"$LOGS/drift-user.log" 2>&1 || { fail "drift: pre-create user $GLANCE_USER"; cat "$LOGS/drift-user.log"; return; }
  install_seed "$WORK/seed-main"
  run_stages drift
  phase assert-service-password-drift
  local out res failed_step
  out=$(status_lines 2>&1) || { fail "drift: status.json written"; return; }
  echo "$out" | sed 's/^/  status.json | /'
  res=$(echo "$out" | head -n1)
  if [ "$res" = ok ]; then
    log "the seed converged: it reset the existing user's password"
    check "drift: $GLANCE_USER authenticates with the baked password after first boot" \
      chroot "$R" env -i PATH=$PATH_IN HOME=/root OS_AUTH_URL=$AUTH_URL OS_IDENTITY_API_VERSION=3 \
        OS_USERNAME="$GLANCE_USER" OS_PASSWORD="$GLANCE_PW" OS_PROJECT_NAME="$SERVICE_PROJECT" \
        OS_USER_DOMAIN_NAME=Default OS_PROJECT_DOMAIN_NAME=Default openstack token issue -f value -c id
    return
  fi
  check_eq "drift: status.json result" failed "$res"
  check "drift: cloud-init final stage reports the failure (exit non-zero)" test "${STAGE_RC[3]}" != 0
  failed_step=$(echo "$out" | tail -n +2 | awk '$2 == "failed" {print $1; exit}')
  if [ -z "$failed_step" ]; then fail "drift: status.json marks a step failed"; return; fi
  pass "drift: status.json marks step '$failed_step' failed"
  check "drift: the runner's output (cloud-init final stage) names '$failed_step'" \
    grep -qiE "fail.*$failed_step" "$LOGS/drift-stage3.log"
  log "drift: last lines of /var/log/glancebake/$failed_step.log:"
  tail -n 8 "$R/var/log/glancebake/$failed_step.log" | sed 's/^/  | /'
}

case "$MODE" in
  full) main_flow; wrong_image_flow; [ -z "${COMPARE_REV:-}" ] || compare_flow
    unreachable_flow; tool_missing_flow; broken_flow ;;
  nobroken) main_flow; wrong_image_flow; [ -z "${COMPARE_REV:-}" ] || compare_flow ;;
  broken) phase seed; broken_flow ;;
  broken-service) service_password_flow ;;
esac

phase stop-services
cp -a "$R/var/log/glance" "$LOGS/glance" 2>/dev/null   # kept with GLANCEBAKE_E2E_KEEP=1
inroot service glance-api stop >/dev/null 2>&1
inroot service memcached stop >/dev/null 2>&1
inroot service mariadb stop >/dev/null 2>&1
kill "$KS_PID" 2>/dev/null   # keystone-wsgi-public
phase_end
# Whatever is still running dies with this pid namespace when we exit.
exit 0
