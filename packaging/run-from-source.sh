#!/usr/bin/env bash
# Runs NetGuard from this checkout: installs libpcap when it is missing (Debian, as root), builds
# in Release, then runs "netguard ARGS" (default: "run", the service, on the embedded default
# configuration: the first up non-loopback interface, monitor mode). Ctrl+C stops it.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)

if ! ldconfig -p 2>/dev/null | grep -q 'libpcap\.so'; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "run-from-source: installing libpcap0.8" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libpcap0.8 >/dev/null
  else
    echo "run-from-source: libpcap is missing; run as root to install it (apt-get install libpcap0.8)" >&2
    exit 3
  fi
fi

dotnet build "$here/src/NetGuard/NetGuard.csproj" -c Release -nologo -clp:ErrorsOnly >&2
[ $# -gt 0 ] || set -- run
exec dotnet "$here/src/NetGuard/bin/Release/net10.0/netguard.dll" "$@"
