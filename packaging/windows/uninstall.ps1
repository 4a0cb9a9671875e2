#Requires -RunAsAdministrator
<#
.SYNOPSIS
Stops and removes the Windows Service "NetGuard" and the files install.ps1 copied.

.DESCRIPTION
Stops the service, deletes it, and removes NetGuard's own Windows Firewall rules (inbound block
rules named "NetGuard <decision id>" with the description "NetGuard block for decision ..."; no
other rule is touched), since no daemon is left to expire them. The configuration, decisions
file and journal under DataDir stay unless -RemoveData is given (as dpkg --purge does on Linux).
#>
[CmdletBinding()]
param(
    [string] $InstallDir = (Join-Path $env:ProgramFiles 'NetGuard'),
    [string] $DataDir = (Join-Path $env:ProgramData 'NetGuard'),
    [switch] $RemoveData
)

$ErrorActionPreference = 'Stop'
$ServiceName = 'NetGuard'

$service = Get-Service -Name $ServiceName -ErrorAction SilentlyContinue
if ($service) {
    if ($service.Status -ne 'Stopped') {
        Write-Host "Stopping $ServiceName"
        Stop-Service -Name $ServiceName -Force
        $service.WaitForStatus('Stopped', [TimeSpan]::FromSeconds(30))
    }
    & sc.exe delete $ServiceName | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "sc.exe delete failed (exit $LASTEXITCODE)" }
    Write-Host "Removed the service $ServiceName"
}

$rules = @(Get-NetFirewallRule -Direction Inbound -Action Block -ErrorAction SilentlyContinue |
    Where-Object { $_.DisplayName -like 'NetGuard *' -and $_.Description -like 'NetGuard block for decision *' })
if ($rules.Count -gt 0) {
    $rules | Remove-NetFirewallRule
    Write-Host "Removed $($rules.Count) NetGuard firewall rule(s)"
}

if (Test-Path $InstallDir) {
    Remove-Item -Recurse -Force -Path $InstallDir
}

if ($RemoveData) {
    if (Test-Path $DataDir) { Remove-Item -Recurse -Force -Path $DataDir }
    Write-Host "Removed $DataDir"
} else {
    Write-Host "Kept $DataDir (configuration, decisions, journal); -RemoveData removes it."
}
