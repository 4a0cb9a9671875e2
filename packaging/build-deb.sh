#!/usr/bin/env bash
# Builds netguard_VERSION_amd64.deb into OUTDIR from a Native AOT linux-x64 publish of src/NetGuard:
# one native executable, no .NET needed on the target, no JIT at start (replay of 1M packets used
# about half the CPU time of the JIT build; see README). Needs the .NET SDK, a C toolchain (gcc or
# clang, for the AOT link), dpkg-dev and gzip.
# Prints the path of the package it built on its last line.
set -euo pipefail
[ $# = 1 ] || { echo "usage: $0 OUTDIR" >&2; exit 2; }
here=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$1"
out=$(cd "$1" && pwd)
version=$(tr -d '[:space:]' < "$here/VERSION")

work=$(mktemp -d /tmp/netguard-deb.XXXXXX)
trap 'rm -rf "$work"' EXIT

# Symbols are stripped into netguard.dbg, which is not packaged; the publish's XML docs are not copied.
# NETGUARD_AOT_PUBLISH names a directory holding that publish already (tests/run.sh makes one).
if [ -n "${NETGUARD_AOT_PUBLISH:-}" ] && [ -x "$NETGUARD_AOT_PUBLISH/netguard" ]; then
  mkdir -p "$work/publish"
  cp "$NETGUARD_AOT_PUBLISH/netguard" "$work/publish/netguard"
else
  dotnet publish "$here/src/NetGuard/NetGuard.csproj" -c Release -r linux-x64 \
    -p:PublishAot=true -p:StripSymbols=true -o "$work/publish" -nologo -clp:ErrorsOnly >&2
fi

root="$work/root"
install -D -m 0755 "$work/publish/netguard" "$root/usr/lib/netguard/netguard"
mkdir -p "$root/usr/bin"
ln -s ../lib/netguard/netguard "$root/usr/bin/netguard"
install -D -m 0644 "$here/systemd/netguard.service" "$root/lib/systemd/system/netguard.service"
# Configuration and the (empty) decisions file are conffiles; postinst makes them root:netguard 0640.
install -D -m 0644 "$here/config/netguard.json" "$root/etc/netguard/netguard.json"
install -D -m 0644 "$here/packaging/decisions.json" "$root/etc/netguard/decisions.json"
mkdir -p "$root/usr/share/man/man1"
gzip -9n < "$here/packaging/deb/netguard.1" > "$root/usr/share/man/man1/netguard.1.gz"
install -D -m 0644 "$here/packaging/deb/lintian-overrides" "$root/usr/share/lintian/overrides/netguard"

doc="$root/usr/share/doc/netguard"
install -D -m 0644 "$here/README.md" "$doc/README.md"
install -D -m 0644 "$here/config/README.md" "$doc/configuration.md"
install -D -m 0644 "$here/packaging/deb/copyright" "$doc/copyright"
date=$(git -C "$here" log -1 --format=%cD 2>/dev/null || date -R)
printf 'netguard (%s) unstable; urgency=medium\n\n  * Built from the NetGuard repository (packaging/build-deb.sh).\n\n -- NetGuard maintainers <netguard@example.org>  %s\n' \
  "$version" "$date" | gzip -9n > "$doc/changelog.gz"
chmod 0644 "$doc/changelog.gz"

mkdir -p "$root/DEBIAN"
install -m 0755 "$here/packaging/deb/postinst" "$here/packaging/deb/prerm" "$here/packaging/deb/postrm" "$root/DEBIAN/"
printf '/etc/netguard/netguard.json\n/etc/netguard/decisions.json\n' > "$root/DEBIAN/conffiles"

# The runtime's own library needs (libc6, libgcc-s1, libstdc++6), as dpkg-shlibdeps reads them.
mkdir -p "$work/debian"
printf 'Source: netguard\n\nPackage: netguard\nArchitecture: amd64\n' > "$work/debian/control"
shlibs=$(cd "$work" && dpkg-shlibdeps -O -e root/usr/lib/netguard/netguard 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
[ -n "$shlibs" ] || { echo "build-deb: dpkg-shlibdeps found no dependencies" >&2; exit 1; }

cat > "$root/DEBIAN/control" <<CONTROL
Package: netguard
Version: $version
Architecture: amd64
Maintainer: NetGuard maintainers <netguard@example.org>
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: $shlibs, libpcap0.8, nftables | iptables, adduser
Suggests: ipset
Section: net
Priority: optional
Description: network anomaly detection with reversible firewall remediation
 NetGuard captures traffic with libpcap, keeps per-host, per-second statistics,
 detects floods, scans, sweeps, brute force and distributed floods against each
 host's learned baseline, and proposes or applies reversible, expiring blocks
 through nftables or iptables that an operator approves, rejects or rolls back.
 .
 The service is installed but not enabled: edit /etc/netguard/netguard.json,
 then run "systemctl enable --now netguard". It starts in Monitor mode.
CONTROL

deb="$out/netguard_${version}_amd64.deb"
# xz level 3: half the time of the default level 6 for a package 8% larger (26.7 MB, not 24.8).
dpkg-deb --root-owner-group -Zxz -z3 --build "$root" "$deb" >&2
echo "$deb"
