using NetGuard.Core.Packets;

namespace NetGuard.Enforcers.Windows;

/// <summary>
/// A rule from <c>netsh advfirewall firewall show rule</c>: its name, grouping, direction, action and
/// remote addresses (<see cref="Targets"/> parsed; <see cref="HasOtherRemotes"/> when some entry was
/// not a plain address or prefix, such as "Any" or a range).
/// </summary>
internal sealed record NetshRule(string Name, string Grouping, string Direction, string Action, IReadOnlyList<NetPrefix> Targets, bool HasOtherRemotes);
