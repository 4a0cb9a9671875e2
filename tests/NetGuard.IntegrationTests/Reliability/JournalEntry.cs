using NetGuard.Core.Packets;

namespace NetGuard.IntegrationTests.Reliability;

/// <summary>One decision as the journal on disk has it.</summary>
internal sealed record JournalEntry(string Id, NetPrefix Target, string State, DateTimeOffset? ExpiresAt);
