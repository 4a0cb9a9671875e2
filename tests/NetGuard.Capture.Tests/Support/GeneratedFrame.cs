using NetGuard.Core.Packets;
using NetGuard.Testing.Frames;

namespace NetGuard.Capture.Tests.Support;

/// <summary>A frame written from <paramref name="Spec"/> and wrapped for <paramref name="Link"/>.</summary>
internal sealed record GeneratedFrame(LinkType Link, bool BigEndianFamily, FrameSpec Spec, byte[] Bytes);
