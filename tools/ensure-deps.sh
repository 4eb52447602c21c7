#!/bin/sh
# ensure-deps.sh - install the host packages a8os needs, if any is missing.
#
# Called by the Makefile before it builds or runs anything.  Uses apt-get
# (Debian, Ubuntu), through sudo when not run as root; without a terminal
# (CI) sudo must not ask for a password.  Prints what it installs.
#
# usage: tools/ensure-deps.sh [extra-package ...]
set -e

missing=""
need() {   # need COMMAND PACKAGE
    command -v "$1" >/dev/null 2>&1 || missing="$missing $2"
}
need arm-none-eabi-gcc     gcc-arm-none-eabi
need arm-none-eabi-ld      binutils-arm-none-eabi
need qemu-system-arm       qemu-system-arm
need gdb-multiarch         gdb-multiarch
need python3               python3
need cc                    gcc
need make                  make
need git                   git
need mdir                  mtools
need /sbin/fsck.fat        dosfstools  # /sbin: not in a user's PATH
for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
done

[ -z "$missing" ] && exit 0

echo "a8os: installing missing packages:$missing"
if ! command -v apt-get >/dev/null 2>&1; then
    echo "a8os: no apt-get here; please install:$missing" >&2
    exit 1
fi
if [ "$(id -u)" = 0 ]; then
    sudo=""
elif [ -t 0 ]; then
    sudo="sudo"
else
    sudo="sudo -n"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
# shellcheck disable=SC2086
$sudo apt-get install -y -q $missing
echo "a8os: packages installed"
