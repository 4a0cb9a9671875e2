#!/usr/bin/env bash
# Runs NetGuard's whole test suite: unit, CLI, and the real-part tests (libpcap on veths between
# network namespaces the tests create, hping3, tcpreplay, headless Chromium for replay's HTML report).
# As root on Debian it first installs what those tests need; elsewhere the tests that need root or a
# missing tool skip and say why.
# Ends with one line: "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."

# The packaging tests build the .deb (dpkg-dev), install it (adduser), read the unit
# (systemd-analyze, from systemd) and build the Windows zip (zip); without lintian its test skips.
# The replay report test renders the page in headless chromium; the end-to-end tests fetch
# pages with curl from a python3 http.server.
packages=(libpcap0.8 tcpdump tshark tcpreplay hping3 nmap iproute2 procps nftables iptables iputils-ping rsyslog
  dpkg-dev adduser systemd zip lintian chromium curl python3 ipset)
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "tests/run.sh: installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

results=$(mktemp -d /tmp/netguard-test-results.XXXXXX)
trap 'rm -rf "$results"' EXIT

dotnet build NetGuard.sln -c Release -nologo -clp:ErrorsOnly

# The .deb ships netguard compiled ahead of time (Native AOT). Publish it once: the packaging tests
# package this build (NETGUARD_AOT_PUBLISH), and the CLI tests run again against it (NETGUARD_EXE).
aot=0
dotnet publish src/NetGuard/NetGuard.csproj -c Release -r linux-x64 -p:PublishAot=true -p:StripSymbols=true \
  -o "$results/aot" -nologo -clp:ErrorsOnly >/dev/null || aot=1
[ "$aot" = 0 ] && echo "tests/run.sh: the Native AOT build succeeded" || echo "tests/run.sh: the Native AOT build FAILED"
[ "$aot" = 0 ] && export NETGUARD_AOT_PUBLISH="$results/aot"

status=0
# The package tests install and purge netguard on this machine (/etc/netguard, /var/lib/netguard,
# the netguard user), which a daemon started by another test would see: they run alone, afterwards.
dotnet test NetGuard.sln -c Release --no-build -nologo --filter "FullyQualifiedName!~NetGuard.Packaging.Tests" \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" || status=$?
dotnet test tests/NetGuard.Packaging.Tests -c Release --no-build -nologo \
  --logger "trx;LogFileName=netguard-packaging.trx" --logger "console;verbosity=normal" --results-directory "$results" || status=$?

if [ "$aot" = 0 ]; then
  NETGUARD_EXE="$results/aot/netguard" dotnet test tests/NetGuard.Tests -c Release --no-build -nologo \
    --logger "trx;LogFileName=netguard-aot-cli.trx" --logger "console;verbosity=minimal" --results-directory "$results" || status=$?
fi

# The Windows target must keep building (Windows Service, Npcap, netsh enforcer); it cannot run here.
windows=0
dotnet publish src/NetGuard/NetGuard.csproj -c Release -r win-x64 --self-contained false \
  -o "$results/win-x64" -nologo -clp:ErrorsOnly >/dev/null || windows=1
[ "$windows" = 0 ] && echo "tests/run.sh: the win-x64 build succeeded" || echo "tests/run.sh: the win-x64 build FAILED"

passed=0 failed=0 skipped=0 files=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  # Skipped tests are in "total" but not in "executed" (the trx notExecuted counter stays 0).
  skipped=$((skipped + $(value total) - $(value executed)))
done

if [ "$files" = 0 ] || { [ "$status" != 0 ] && [ "$failed" = 0 ]; }; then
  # The runner failed without reporting a failed test (a crashed test host, a build error): count it.
  failed=$((failed + 1))
fi

failed=$((failed + windows + aot))
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
