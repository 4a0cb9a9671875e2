#!/usr/bin/env bash
# Builds netguard-VERSION-win-x64.zip into OUTDIR: a self-contained win-x64 single-file netguard.exe
# (no .NET needed on the target), the default configuration, an empty decisions file, README.md,
# and install.ps1 / uninstall.ps1, which register and remove the Windows Service.
# Needs the .NET SDK and zip. Prints the path of the zip it built on its last line.
set -euo pipefail
[ $# = 1 ] || { echo "usage: $0 OUTDIR" >&2; exit 2; }
here=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$1"
out=$(cd "$1" && pwd)
version=$(tr -d '[:space:]' < "$here/VERSION")
name="netguard-$version-win-x64"

work=$(mktemp -d /tmp/netguard-zip.XXXXXX)
trap 'rm -rf "$work"' EXIT

dotnet publish "$here/src/NetGuard/NetGuard.csproj" -c Release -r win-x64 --self-contained \
  -p:PublishSingleFile=true -p:DebugType=none -o "$work/publish" -nologo -clp:ErrorsOnly >&2

stage="$work/$name"
mkdir -p "$stage"
install -m 0644 "$work/publish/netguard.exe" "$stage/netguard.exe"
install -m 0644 "$here/config/netguard.json" "$stage/netguard.json"
install -m 0644 "$here/packaging/decisions.json" "$stage/decisions.json"
install -m 0644 "$here/README.md" "$stage/README.md"
install -m 0644 "$here/config/README.md" "$stage/configuration.md"
install -m 0644 "$here/packaging/windows/install.ps1" "$here/packaging/windows/uninstall.ps1" "$stage/"

zip="$out/$name.zip"
rm -f "$zip"
(cd "$work" && zip -q -r -X "$zip" "$name")
echo "$zip"
