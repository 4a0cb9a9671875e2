using NetGuard.Testing.Lab;

namespace NetGuard.Testing.Syslog;

/// <summary>Finding rsyslogd, or installing it (as root, with apt-get) when it is missing.</summary>
public sealed partial class RsyslogProcess
{
    /// <summary>Names the rsyslogd to use instead of looking on PATH, /usr/sbin and /sbin.</summary>
    public const string PathVariable = "NETGUARD_TEST_RSYSLOGD";

    private static (string? Path, string? Reason) Locate()
    {
        if (!OperatingSystem.IsLinux())
        {
            return (null, "rsyslog tests run on Linux only");
        }

        // An explicit choice (a build of rsyslog elsewhere, or a path that does not exist to see the skip) is never second-guessed.
        if (Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } chosen)
        {
            return File.Exists(chosen) ? (chosen, null) : (null, $"rsyslogd not found: {PathVariable}={chosen} does not exist");
        }

        if (Find() is { } path)
        {
            return (path, null);
        }

        if (!Environment.IsPrivilegedProcess || !File.Exists("/usr/bin/apt-get"))
        {
            return (null, "rsyslogd is not installed and cannot be installed here (needs root and apt-get); install the rsyslog package");
        }

        var environment = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };
        string[] install = ["install", "-y", "-qq", "--no-install-recommends", "rsyslog"];
        if (Install(install, environment) is not null && Install(["update", "-qq"], environment) is null)
        {
            Install(install, environment);
        }

        return Find() is { } installed ? (installed, null) : (null, "rsyslogd is not installed and `apt-get install rsyslog` failed");
    }

    private static string? Install(string[] arguments, IReadOnlyDictionary<string, string> environment)
    {
        try
        {
            using var process = ProcessRunner.Start("apt-get", arguments, environment: environment);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                process.Kill();
                return "timed out";
            }

            return process.ExitCode == 0 ? null : $"exit code {process.ExitCode}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return e.Message;
        }
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Append("/usr/sbin").Append("/sbin")
            .Select(directory => Path.Combine(directory, "rsyslogd"))
            .FirstOrDefault(File.Exists);
}
