#Requires -RunAsAdministrator
<#
.SYNOPSIS
Installs NetGuard as the Windows Service "NetGuard" from this folder.

.DESCRIPTION
Copies netguard.exe to InstallDir, puts the configuration, the decisions file and the state
directory under DataDir (%ProgramData%\NetGuard, readable only by SYSTEM and Administrators),
and registers the service as LocalSystem (capture through Npcap and Windows Firewall changes need
it) with the command line:
  "InstallDir\netguard.exe" run --config "DataDir\netguard.json"
An existing netguard.json or decisions.json is kept. The service is registered with manual start
and not started, as the .deb does: edit netguard.json first, then run install.ps1 -Start (or
Start-Service NetGuard). Running install.ps1 again upgrades: it stops the service, replaces the
executable, keeps the configuration and starts the service again if it was running. Restart on failure: after 5 s, 5 s, then 60 s.

.PARAMETER Start
Set the service to start automatically at boot and start it now.
#>
[CmdletBinding()]
param(
    [string] $InstallDir = (Join-Path $env:ProgramFiles 'NetGuard'),
    [string] $DataDir = (Join-Path $env:ProgramData 'NetGuard'),
    [switch] $Start
)

$ErrorActionPreference = 'Stop'
$ServiceName = 'NetGuard'
$exe = Join-Path $InstallDir 'netguard.exe'
$config = Join-Path $DataDir 'netguard.json'
$decisions = Join-Path $DataDir 'decisions.json'
$state = Join-Path $DataDir 'state'
$binPath = '"{0}" run --config "{1}"' -f $exe, $config

$existing = Get-Service -Name $ServiceName -ErrorAction SilentlyContinue
$wasRunning = $existing -and $existing.Status -eq 'Running'
if ($existing -and $existing.Status -ne 'Stopped') {
    Write-Host "Stopping $ServiceName"
    Stop-Service -Name $ServiceName -Force
    $existing.WaitForStatus('Stopped', [TimeSpan]::FromSeconds(30))
}

New-Item -ItemType Directory -Force -Path $InstallDir, $DataDir, $state | Out-Null
Copy-Item -Force -Path (Join-Path $PSScriptRoot 'netguard.exe') -Destination $exe
Copy-Item -Force -Path (Join-Path $PSScriptRoot 'README.md'), (Join-Path $PSScriptRoot 'configuration.md') -Destination $InstallDir

# The shipped configuration names the Linux paths; the service's copy names DataDir's.
if (-not (Test-Path $config)) {
    $text = Get-Content -Raw -Path (Join-Path $PSScriptRoot 'netguard.json')
    $text = $text.Replace('"/etc/netguard/decisions.json"', (ConvertTo-Json $decisions))
    $text = $text.Replace('"/var/lib/netguard"', (ConvertTo-Json $state))
    Set-Content -Path $config -Value $text -Encoding UTF8
}
if (-not (Test-Path $decisions)) {
    Copy-Item -Path (Join-Path $PSScriptRoot 'decisions.json') -Destination $decisions
}

# Before anything is registered: a configuration the service could not start with stops here.
& $exe check-config $config
if ($LASTEXITCODE -ne 0) { throw "$config is not a valid configuration (see above)" }

# The decisions file steers the firewall: only SYSTEM (S-1-5-18) and Administrators (S-1-5-32-544).
& icacls.exe $DataDir /inheritance:r /grant:r '*S-1-5-18:(OI)(CI)F' '*S-1-5-32-544:(OI)(CI)F' /Q | Out-Null
if ($LASTEXITCODE -ne 0) { throw "icacls failed on $DataDir (exit $LASTEXITCODE)" }

if ($existing) {
    # Through CIM, not sc.exe: Windows PowerShell mangles the quotes inside a native argument.
    $result = Get-CimInstance -ClassName Win32_Service -Filter "Name='$ServiceName'" |
        Invoke-CimMethod -MethodName Change -Arguments @{ PathName = $binPath }
    if ($result.ReturnValue -ne 0) { throw "Changing the service's command line failed (Win32_Service.Change returned $($result.ReturnValue))" }
} else {
    New-Service -Name $ServiceName -BinaryPathName $binPath -DisplayName 'NetGuard' `
        -Description 'Network anomaly detection with reversible firewall remediation' `
        -StartupType Manual | Out-Null
}

# Like systemd's Restart=on-failure: a crash or a non-zero exit restarts the service.
& sc.exe failure $ServiceName reset= 86400 actions= restart/5000/restart/5000/restart/60000 | Out-Null
if ($LASTEXITCODE -ne 0) { throw "sc.exe failure failed (exit $LASTEXITCODE)" }
& sc.exe failureflag $ServiceName 1 | Out-Null
if ($LASTEXITCODE -ne 0) { throw "sc.exe failureflag failed (exit $LASTEXITCODE)" }

if (-not (Test-Path (Join-Path $env:SystemRoot 'System32\Npcap\wpcap.dll'))) {
    Write-Warning 'Npcap is not installed: NetGuard captures through Npcap (https://npcap.com); install it before starting the service.'
}

if ($Start) {
    Set-Service -Name $ServiceName -StartupType Automatic
    Start-Service -Name $ServiceName
    Write-Host "$ServiceName is running: $binPath"
} elseif ($wasRunning) {
    Start-Service -Name $ServiceName
    Write-Host "$ServiceName is upgraded and running again"
} else {
    Write-Host "$ServiceName is installed, not started: edit $config, then run Start-Service $ServiceName (Set-Service $ServiceName -StartupType Automatic to start it at boot)."
}
