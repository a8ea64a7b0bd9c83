#!/usr/bin/env bash
# shellcheck disable=SC2016 # bash -c '...' _ ARGS: the script gets its values as arguments
# Builds the VM test's disk (tests/vm/boot.sh calls it inside its own mount and pid namespaces):
# the e2e stage's Debian 12 controller root, plus a kernel and systemd as init, plus the packages the seed
# checks for, plus locales (cloud-init's locale module needs locale-gen, as on Debian's cloud images)
# (packages.install: present-in-image, so apt never runs under emulation), plus the Keystone
# fixture made here (in a network namespace of its own: nothing binds a host port), written into an ext4
# image with mke2fs -d (no loop mount).
#
# Usage: build-disk.sh ROOT_TAR OUT_DIR SEED_PACKAGES_FILE DEBCONF_FILE FIXTURE_ENV GUEST_DIR
#   writes OUT_DIR/disk.img (raw ext4, 6 GiB sparse), OUT_DIR/vmlinuz, OUT_DIR/initrd.img
set -euo pipefail
root_tar=$1 out=$2 pkgs_file=$3 debconf=$4 fixture_env=$5 guest=$6
t=$out/root
mkdir -p "$t"
mount -t tmpfs -o mode=755,size=10g tmpfs "$t"
echo "unpacking $root_tar"
zstd -dc -T0 "$root_tar" | tar -C "$t" --numeric-owner -xpf -
cp /etc/resolv.conf "$t/etc/resolv.conf"
printf '#!/bin/sh\nexit 101\n' >"$t/usr/sbin/policy-rc.d"; chmod 755 "$t/usr/sbin/policy-rc.d"
mount -t proc proc "$t/proc"; mount -t sysfs sysfs "$t/sys"; mount --rbind /dev "$t/dev"; mount --make-rslave "$t/dev"
mount -t tmpfs -o mode=755 tmpfs "$t/run"; mkdir -p "$t/run/lock"
inr() { chroot "$t" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }

read -r -a seed_pkgs <"$pkgs_file"
inr debconf-set-selections <"$debconf"
echo "apt-get install in the root: kernel, systemd as init, and the seed's packages: ${seed_pkgs[*]}"
inr apt-get update -q
inr apt-get install -y -q --no-install-recommends -o Dpkg::Options::=--force-unsafe-io \
  -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
  linux-image-amd64 systemd-sysv systemd udev initramfs-tools dbus kmod locales "${seed_pkgs[@]}"
inr apt-get clean
# The locale cloud-init's locale module sets by default, made here so the guest need not generate it.
echo 'en_US.UTF-8 UTF-8' >>"$t/etc/locale.gen"
inr locale-gen
inr update-locale LANG=en_US.UTF-8

echo "Keystone fixture (private network namespace)"
set -a   # the fixture's values reach the namespace's shell below through the environment
# shellcheck source=/dev/null
. "$fixture_env"
set +a
unshare --net bash -euo pipefail -c '
  t=$1; shift
  inr() { chroot "$t" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }
  ip link set lo up
  inr service mariadb start
  for i in $(seq 60); do inr mysqladmin ping >/dev/null 2>&1 && break; sleep 1; done
  inr mysql -e "CREATE DATABASE keystone;
    CREATE USER '\''keystone'\''@'\''localhost'\'' IDENTIFIED BY '\''keystone-vm'\'';
    CREATE USER '\''keystone'\''@'\''127.0.0.1'\'' IDENTIFIED BY '\''keystone-vm'\'';
    GRANT ALL PRIVILEGES ON keystone.* TO '\''keystone'\''@'\''localhost'\'';
    GRANT ALL PRIVILEGES ON keystone.* TO '\''keystone'\''@'\''127.0.0.1'\'';"
  mkdir -p "$t/etc/keystone/keystone.conf.d"
  printf "%s\n" "# GlanceBake VM fixture (tests/vm): Keystone on 127.0.0.1:5000 over MariaDB" "[database]" \
    "connection = mysql+pymysql://keystone:keystone-vm@127.0.0.1/keystone" "[token]" "provider = fernet" \
    >"$t/etc/keystone/keystone.conf.d/vm-fixture.conf"
  inr chown -R keystone:keystone /etc/keystone/keystone.conf.d
  ks() { chroot --userspec=keystone:keystone "$t" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/var/lib/keystone LANG=C.UTF-8 "$@"; }
  ks keystone-manage db_sync
  inr keystone-manage fernet_setup --keystone-user keystone --keystone-group keystone
  inr keystone-manage credential_setup --keystone-user keystone --keystone-group keystone
  url=http://127.0.0.1:5000/v3/
  ks keystone-manage bootstrap --bootstrap-password "$ADMIN_PW" --bootstrap-username "$ADMIN_USER" \
    --bootstrap-project-name "$ADMIN_PROJECT" --bootstrap-admin-url "$url" --bootstrap-internal-url "$url" \
    --bootstrap-public-url "$url" --bootstrap-region-id "$REGION"
  chroot --userspec=keystone:keystone "$t" env -i PATH=/usr/bin:/bin HOME=/var/lib/keystone LANG=C.UTF-8 \
    keystone-wsgi-public --host 127.0.0.1 --port 5000 >/dev/null 2>&1 &
  ks_pid=$!
  for i in $(seq 120); do
    inr python3 -c "import urllib.request; urllib.request.urlopen(\"http://127.0.0.1:5000/v3\", timeout=3)" 2>/dev/null && break
    sleep 1
  done
  chroot "$t" env -i PATH=/usr/bin:/bin HOME=/root LANG=C.UTF-8 OS_AUTH_URL=$url OS_IDENTITY_API_VERSION=3 \
    OS_REGION_NAME="$REGION" OS_USERNAME="$ADMIN_USER" OS_PASSWORD="$ADMIN_PW" OS_PROJECT_NAME="$ADMIN_PROJECT" \
    OS_USER_DOMAIN_NAME=Default OS_PROJECT_DOMAIN_NAME=Default \
    openstack project create --domain default --description "Service Project" "$SERVICE_PROJECT" -f value -c id
  kill "$ks_pid"; wait "$ks_pid" 2>/dev/null || true
  inr service mariadb stop
' fixture "$t"

echo "guest units, identity, clean cloud-init state"
cp -a "$guest/." "$t/"
inr systemctl enable glancebake-vm-keystone.service glancebake-vm-report.service
inr systemctl mask keystone.service
echo glancebake-vm >"$t/etc/hostname"
: >"$t/etc/machine-id"; rm -f "$t/var/lib/dbus/machine-id"
rm -f "$t/usr/sbin/policy-rc.d"
: >"$t/etc/resolv.conf"
rm -rf "$t/var/lib/cloud/"* "$t/var/log/cloud-init"*.log
umount -R "$t/dev" "$t/sys" "$t/proc" "$t/run"
# shellcheck disable=SC2012 # the names are Debian's kernel versions
cp "$(ls "$t"/boot/vmlinuz-* | sort -V | tail -n1)" "$out/vmlinuz"
# shellcheck disable=SC2012
cp "$(ls "$t"/boot/initrd.img-* | sort -V | tail -n1)" "$out/initrd.img"
echo "mke2fs -t ext4 -d ROOT disk.img 6G ($(du -sh "$t" | cut -f1) of files)"
mke2fs -q -t ext4 -L gb-vm-root -d "$t" "$out/disk.img" 6G
umount "$t"; rmdir "$t"
