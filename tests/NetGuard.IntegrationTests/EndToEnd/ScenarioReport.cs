using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetGuard.IntegrationTests.EndToEnd;

/// <summary>Figures of one end-to-end run, written as JSON beside the test binaries and printed to the test output.</summary>
internal sealed class ScenarioReport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public required string Scenario { get; init; }

    public required string Enforcer { get; init; }

    public required string Mode { get; init; }

    public DateTimeOffset Started { get; init; } = TimeProvider.System.GetUtcNow();

    public int Cores { get; init; } = Environment.ProcessorCount;

    public string Kernel { get; init; } = File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : "";

    public List<AttackFigures> Attacks { get; } = [];

    /// <summary>Every alert rsyslog received, as "kind subject (role)", in order: what an operator would have read.</summary>
    public List<string> SyslogAlerts { get; } = [];

    public int BenignOk { get; set; }

    public int BenignTotal { get; set; }

    public int BenignOkDuringAttacks { get; set; }

    public int BenignTotalDuringAttacks { get; set; }

    public double? SpoofedAlertSeconds { get; set; }

    public int? SpoofedSourcesSent { get; set; }

    public int? ActiveBlocksAfterSpoofedFlood { get; set; }

    public long? DownloadBytes { get; set; }

    public double? DownloadSeconds { get; set; }

    public int? DownloadStatus { get; set; }

    public double? RollbackCommandSeconds { get; set; }

    public double? RollbackAppliedSeconds { get; set; }

    public double? RollbackTrafficSeconds { get; set; }

    public double? ApproveCommandSeconds { get; set; }

    public double? ApproveToBlockSeconds { get; set; }

    public long? DeliveredWhileProposed { get; set; }

    public double WallSeconds { get; set; }

    public double BenignSuccessRate => BenignTotal == 0 ? 0 : Math.Round(100.0 * BenignOk / BenignTotal, 1);

    /// <summary>Writes e2e-results/NAME.json under the test binaries' directory; returns the path.</summary>
    public string Write()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "e2e-results");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{Scenario}-{Started:yyyyMMdd-HHmmss}.json");
        File.WriteAllText(path, ToJson());
        return path;
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
