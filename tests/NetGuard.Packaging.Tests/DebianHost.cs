using NetGuard.Testing.Lab;

namespace NetGuard.Packaging.Tests;

/// <summary>Why the .deb cannot be built or installed here, or null when it can.</summary>
internal static class DebianHost
{
    /// <summary>Building and reading the package: Debian's dpkg tools.</summary>
    public static string? CannotBuild { get; } =
        !OperatingSystem.IsLinux() || !File.Exists("/etc/debian_version") ? "the .deb is built and installed on Debian only (CI is Debian)"
        : !ProcessRunner.Exists("dpkg-deb") || !ProcessRunner.Exists("dpkg-shlibdeps") ? "dpkg-dev is not installed (tests/run.sh installs it)"
        : null;

    /// <summary>Installing and purging it on this machine: also root.</summary>
    public static string? CannotInstall { get; } =
        CannotBuild
        ?? (Environment.UserName != "root" && Environment.GetEnvironmentVariable("USER") != "root"
            ? "installing the .deb needs root (CI runs as root)"
            : null);
}
