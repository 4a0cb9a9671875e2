#!/usr/bin/env bash
# Whole-process replay speed: `netguard replay FILE --json` against `tcpdump -r FILE -w /dev/null`
# (and `tshark -r FILE -q` when installed) on a generated capture held in the page cache.
#
# usage: tests/NetGuard.Benchmarks/replay-vs-tcpdump.sh [PACKETS]    (default 5000000, at least 1000000)
# env:   RUNS=5       timed runs per command (after one warm-up run each)
#        SEED=1       generator seed
#        TSHARK=0     leave tshark out even if it is installed
#        KEEP_FILE=1  keep the generated capture (it is ~680 bytes a packet; deleted by default)
#        HYPERFINE=0  time with the date loop even if hyperfine is installed
#        NETGUARD_EXE=PATH  a Native AOT netguard already built (else the script publishes one)
#
# "netguard" is the Native AOT executable, as the .deb ships and starts it; "netguard-jit" is
# `dotnet src/NetGuard/bin/Release/net10.0/netguard.dll` after `dotnet build -c Release src/NetGuard`
# (tiered JIT), what the tests run. Wall times are medians (hyperfine when installed, else a
# date +%s%N loop). ratio = tcpdump / netguard: above 1 means NetGuard is faster.
set -euo pipefail

packets="${1:-5000000}"
runs="${RUNS:-5}"
seed="${SEED:-1}"
if ! [[ "$packets" =~ ^[0-9]+$ ]] || (( packets < 1000000 )); then
    echo "replay-vs-tcpdump: PACKETS must be a number, at least 1000000" >&2
    exit 2
fi

for tool in dotnet tcpdump jq; do
    command -v "$tool" >/dev/null || { echo "replay-vs-tcpdump: $tool is required" >&2; exit 2; }
done

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d /tmp/netguard-replay-XXXXXX)"
file="$work/mix-$packets.pcap"
cleanup() {
    if [[ "${KEEP_FILE:-0}" == 1 && -f "$file" ]]; then
        echo "kept $file"
    else
        rm -rf "$work"
    fi
}
trap cleanup EXIT

echo "== build (Release)"
dotnet build -c Release "$root/src/NetGuard" -nologo -v quiet -clp:ErrorsOnly
dotnet build -c Release "$root/tests/NetGuard.Benchmarks" -nologo -v quiet -clp:ErrorsOnly
netguard_dll="$root/src/NetGuard/bin/Release/net10.0/netguard.dll"
# The binary the .deb ships: Native AOT. NETGUARD_EXE names one already built.
netguard_exe="${NETGUARD_EXE:-}"
if [[ -z "$netguard_exe" ]]; then
    echo "== publish Native AOT (as packaging/build-deb.sh does)"
    dotnet publish "$root/src/NetGuard/NetGuard.csproj" -c Release -r linux-x64 -p:PublishAot=true -p:StripSymbols=true \
        -o "$work/aot" -nologo -v quiet -clp:ErrorsOnly
    netguard_exe="$work/aot/netguard"
fi
bench_dll="$root/tests/NetGuard.Benchmarks/bin/Release/net10.0/NetGuard.Benchmarks.dll"

echo "== generate $packets packets"
dotnet "$bench_dll" generate "$file" --packets "$packets" --seed "$seed"
bytes=$(stat -c %s "$file")

echo "== warm the page cache and check that every tool reads the whole file"
cat "$file" >/dev/null
summary=$("$netguard_exe" replay "$file" --json | tail -n 1)
if ! jq -e --argjson n "$packets" '.packets == $n and .decode_errors == 0' <<<"$summary" >/dev/null; then
    echo "replay-vs-tcpdump: netguard did not replay $packets packets cleanly: $summary" >&2
    exit 1
fi
echo "netguard: $summary"
tcpdump -r "$file" -w /dev/null 2>/dev/null || { echo "replay-vs-tcpdump: tcpdump cannot read $file" >&2; exit 1; }

names=(netguard netguard-jit tcpdump)
cmds=(
    "$netguard_exe replay $file --json"
    "dotnet $netguard_dll replay $file --json"
    "tcpdump -r $file -w /dev/null"
)
if [[ "${TSHARK:-1}" != 0 ]] && command -v tshark >/dev/null; then
    names+=(tshark)
    cmds+=("tshark -r $file -q")
fi

# CPU seconds used system-wide and by this script's children: the difference is other processes
# whose load on a shared 2-core machine would distort the comparison.
busy_seconds() { awk '/^cpu / { printf "%.2f", ($2 + $3 + $4 + $7 + $8 + $9) / 100 }' /proc/stat; }
children_seconds() { awk '{ printf "%.2f", ($16 + $17) / 100 }' "/proc/$$/stat"; }
busy0=$(busy_seconds)
own0=$(children_seconds)
wall0=$(date +%s%N)

declare -A median
if [[ "${HYPERFINE:-1}" != 0 ]] && command -v hyperfine >/dev/null; then
    echo "== time with hyperfine: 1 warm-up + $runs runs each"
    args=()
    for i in "${!names[@]}"; do
        args+=(-n "${names[$i]}" "${cmds[$i]}")
    done
    hyperfine -N --warmup 1 --runs "$runs" --export-json "$work/times.json" "${args[@]}"
    while read -r name seconds; do
        median[$name]=$seconds
    done < <(jq -r '.results[] | "\(.command) \(.median)"' "$work/times.json")
    timer="hyperfine $(hyperfine --version | cut -d' ' -f2)"
else
    echo "== time with a date loop: 1 warm-up + $runs runs each"
    for i in "${!names[@]}"; do
        read -r -a argv <<<"${cmds[$i]}"
        "${argv[@]}" >/dev/null 2>&1
        times=()
        for ((r = 0; r < runs; r++)); do
            start=$(date +%s%N)
            "${argv[@]}" >/dev/null 2>&1
            end=$(date +%s%N)
            times+=("$(( end - start ))")
        done
        median[${names[$i]}]=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END { printf "%.6f", t[int((NR + 1) / 2)] / 1e9 }')
        echo "${names[$i]}: ${times[*]} ns"
    done
    timer="date loop"
fi

echo "== netguard's own pps ($runs runs each; wall from pipeline start to drain, no process start or host setup)"
declare -A pps
for variant in netguard netguard-jit; do
    run=("$netguard_exe")
    [[ "$variant" == netguard-jit ]] && run=(dotnet "$netguard_dll")
    values=()
    for ((r = 0; r < runs; r++)); do
        values+=("$("${run[@]}" replay "$file" --json | tail -n 1 | jq -r .pps)")
    done
    pps[$variant]=$(printf '%s\n' "${values[@]}" | sort -g | awk '{ v[NR] = $1 } END { printf "%.0f", v[int((NR + 1) / 2)] }')
    echo "$variant: ${values[*]}"
done

foreign=$(awk -v b0="$busy0" -v b1="$(busy_seconds)" -v o0="$own0" -v o1="$(children_seconds)" -v w0="$wall0" -v w1="$(date +%s%N)" \
    'BEGIN { f = (b1 - b0) - (o1 - o0); if (f < 0) f = 0; printf "%.1f CPU-s over %.0f s (%.0f%% of one core)", f, (w1 - w0) / 1e9, 100 * f * 1e9 / (w1 - w0) }')

echo
echo "== results: $packets packets, $bytes bytes ($(( bytes / packets - 16 )) B/frame), $runs runs, $timer"
printf '%-14s %10s %10s %12s\n' command "median s" "Mpps" "ns/packet"
for name in "${names[@]}"; do
    awk -v n="$name" -v s="${median[$name]}" -v p="$packets" 'BEGIN { printf "%-14s %10.3f %10.2f %12.1f\n", n, s, p / s / 1e6, s * 1e9 / p }'
done
for variant in netguard netguard-jit; do
    awk -v v="$variant" -v t="${median[tcpdump]}" -v g="${median[$variant]}" -v pps="${pps[$variant]}" \
        'BEGIN { printf "ratio tcpdump/%-14s %5.2f   (replay-reported pps %.2f Mpps)\n", v, t / g, pps / 1e6 }'
done
if [[ -n "${median[tshark]:-}" ]]; then
    awk -v t="${median[tshark]}" -v g="${median[netguard]}" 'BEGIN { printf "ratio tshark/netguard         %5.2f\n", t / g }'
fi
echo "other processes during timing: $foreign (above ~10% the numbers are disturbed; rerun on a quiet machine)"
