#!/usr/bin/env bash
# Builds OutlookDunning's container base image, without a Docker engine, as an OCI image layout in <out-dir>
# (tag "bookworm"): Debian 12 minbase + LibreOffice Writer (headless, with its Python bridge) + fonts + the ASP.NET Core
# runtime copied from this machine's .NET install, with the non-root user `app` (uid/gid 1654) as in Microsoft's images.
# The .NET SDK then adds the application on top (dotnet publish /t:PublishContainer); it cannot install packages, which
# is why LibreOffice must already be here.
#
#   sudo bash build-base-image.sh <out-dir>
#
# Needs: root, debootstrap, GNU tar, gzip, sha256sum, and the .NET runtime to ship (DOTNET_ROOT, default: the `dotnet`
# on PATH). DEBIAN_MIRROR / DEBIAN_SECURITY_MIRROR choose the Debian archive; SOURCE_DATE_EPOCH pins file times;
# KEEP_WORK=1 keeps the work folder (root file system, logs) to look into.
set -euo pipefail

out="${1:?usage: build-base-image.sh <out-dir>}"
here="$(cd "$(dirname "$0")" && pwd)"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
security="${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}"
suite=bookworm
app_uid=1654
packages=(
  # LibreOffice Writer without a display, and the Python UNO bridge the host drives it through.
  libreoffice-writer-nogui python3-uno
  # Liberation stands in, metric for metric, for Times New Roman, Arial and Courier New (the letter templates' fonts).
  fonts-liberation2 fonts-dejavu-core
  # What ASP.NET Core needs on Linux (as Microsoft's runtime-deps images): TLS, ICU, time zones.
  ca-certificates libc6 libgcc-s1 libicu72 libssl3 libstdc++6 tzdata zlib1g
)

fail() { echo "build-base-image: $*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || fail "run as root (debootstrap and chroot need it)."
command -v debootstrap >/dev/null || fail "debootstrap is missing: apt-get install debootstrap."
if [ -z "${DOTNET_ROOT:-}" ]; then
  command -v dotnet >/dev/null || fail "no .NET found: set DOTNET_ROOT."
  DOTNET_ROOT="$(dirname "$(readlink -f "$(command -v dotnet)")")"
fi
dotnet_root="$DOTNET_ROOT"
aspnet="$(ls -d "$dotnet_root"/shared/Microsoft.AspNetCore.App/10.* 2>/dev/null | sort -V | tail -n1)"
[ -n "$aspnet" ] || fail "no ASP.NET Core 10 runtime in $dotnet_root/shared."
version="$(basename "$aspnet")"
[ -d "$dotnet_root/shared/Microsoft.NETCore.App/$version" ] \
  || fail "Microsoft.NETCore.App $version is missing in $dotnet_root."

work="$(mktemp -d "${TMPDIR:-/tmp}/od-base.XXXXXX")"
trap '[ -n "${KEEP_WORK:-}" ] || rm -rf --one-file-system "$work"' EXIT
root="$work/rootfs"

echo "Debian $suite (minbase) from $mirror"
debootstrap --variant=minbase "$suite" "$root" "$mirror" >"$work/debootstrap.log" 2>&1 \
  || { tail -n 30 "$work/debootstrap.log" >&2; fail "debootstrap failed."; }

cat >"$root/etc/apt/sources.list" <<SOURCES
deb $mirror $suite main
deb $mirror $suite-updates main
deb $security $suite-security main
SOURCES
cp /etc/resolv.conf "$root/etc/resolv.conf"
# The archive is reached as this machine reaches it (proxy, date checks), for the build only:
# the image keeps none of it.
apt-config dump 2>/dev/null | grep -E '^Acquire::((http|https)::Proxy|Check-Valid-Until|Check-Date|Retries)' \
  >"$root/etc/apt/apt.conf.d/99build-host" || true
# No service may start inside the image being built.
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d" && chmod 755 "$root/usr/sbin/policy-rc.d"
# Inside a private mount namespace, /proc is mounted for the packages' scripts and vanishes with it; of this machine's
# environment only its proxy goes in (not TMPDIR and the like).
proxy=()
for name in http_proxy https_proxy no_proxy; do [ -z "${!name:-}" ] || proxy+=("$name=${!name}"); done
in_root() {
  unshare --mount --fork -- sh -c 'mount -t proc proc "$0/proc" && exec chroot "$@"' "$root" "$root" \
    env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root DEBIAN_FRONTEND=noninteractive "${proxy[@]}" "$@"
}
echo "Packages: ${packages[*]}"
in_root sh -ec "
  apt-get update -qq
  apt-get upgrade -y -qq
  apt-get install -y -qq --no-install-recommends ${packages[*]}
  groupadd --gid $app_uid app
  useradd --no-log-init --uid $app_uid --gid $app_uid --create-home --shell /usr/sbin/nologin app
" >"$work/apt.log" 2>&1 || { tail -n 30 "$work/apt.log" >&2; fail "package installation failed."; }

# File times are pinned to the archive's own date, so the same archive gives the same layer.
epoch="${SOURCE_DATE_EPOCH:-$(sed -n 's/^Date: //p' "$root"/var/lib/apt/lists/*InRelease \
  | xargs -I{} date -d {} +%s | sort -n | tail -n1)}"
in_root apt-get clean
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/debconf/*-old "$root"/var/log/*.log "$root"/var/log/apt/* \
  "$root"/var/cache/ldconfig/aux-cache "$root"/usr/sbin/policy-rc.d "$root"/etc/apt/apt.conf.d/99build-host \
  "$root"/tmp/* "$root"/usr/share/man/* "$root"/usr/share/info/*
: >"$root/etc/resolv.conf"
# Container engines mount their own; this one serves those that do not.
printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' >"$root/etc/hosts"

echo "ASP.NET Core runtime $version from $dotnet_root"
target="$root/usr/share/dotnet"
mkdir -p "$target/shared" "$target/host"
cp -a "$dotnet_root/dotnet" "$dotnet_root/LICENSE.txt" "$dotnet_root/ThirdPartyNotices.txt" "$target/"
cp -a "$dotnet_root/host/fxr" "$target/host/"
for framework in Microsoft.NETCore.App Microsoft.AspNetCore.App; do
  mkdir -p "$target/shared/$framework" && cp -a "$dotnet_root/shared/$framework/$version" "$target/shared/$framework/"
done
chown -R 0:0 "$target" && chmod -R go-w "$target"
ln -sf /usr/share/dotnet/dotnet "$root/usr/bin/dotnet"

echo "OCI layout in $out"
SOURCE_DATE_EPOCH="$epoch" OCI_CREATED_BY="build-base-image.sh: Debian $suite, ${packages[*]}, ASP.NET Core $version" \
  bash "$here/pack-oci-layout.sh" "$root" "$out" "$suite" \
  "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
  "APP_UID=$app_uid" "ASPNETCORE_HTTP_PORTS=8080" "DOTNET_RUNNING_IN_CONTAINER=true" \
  "DOTNET_VERSION=$version" "ASPNETCORE_VERSION=$version"
