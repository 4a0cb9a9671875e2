using System.Buffers.Binary;
using System.Diagnostics;
using NetGuard.Capture.Decoding;
using NetGuard.Capture.Files;
using NetGuard.Capture.Tests.Support;

namespace NetGuard.Capture.Tests.Files;

/// <summary>
/// Mutated small captures: reading must end cleanly or with a <see cref="CaptureFileException"/>, never any
/// other exception, never more frames than the bytes can hold, and never hang.
/// </summary>
public class FileReaderFuzzTests
{
    private const int Mutations = 1500;
    private static readonly TimeSpan ReadBound = TimeSpan.FromSeconds(10);
    private static readonly uint[] InterestingWords =
    [
        0, 1, 12, 16, 28, 32, 0xFFFF, 0xFFFF_FFFF, 0x7FFF_FFFF, 0x8000_0000, 0x0010_0000, 0x0010_0001,
        0x0A0D_0D0A, 0x1A2B_3C4D, 0x4D3C_2B1A, 0xA1B2_C3D4, 0xD4C3_B2A1, 0xA1B2_3C4D, 6, 3, 2, 1_000_000, 0x0000_0914,
    ];

    [Fact]
    public async Task Read_MutatedCaptures_SucceedOrThrowCaptureFileException()
    {
        var corpus = FuzzCorpus.Files();
        using var dir = new TempDirectory();
        var path = dir.PathOf("fuzz.bin");
        var iteration = 0;
        var started = Stopwatch.GetTimestamp();
        var outcomes = new int[2];

        var worker = Task.Run(
            () =>
            {
                var random = new Random(99);
                for (; iteration < Mutations; iteration++)
                {
                    var bytes = Mutate(random, corpus[iteration % corpus.Count]);
                    File.WriteAllBytes(path, bytes);
                    Volatile.Write(ref started, Stopwatch.GetTimestamp());
                    outcomes[ReadOnce(path, bytes, iteration) ? 0 : 1]++;
                }
            },
            TestContext.Current.CancellationToken);

        while (await Task.WhenAny(worker, Task.Delay(50, TestContext.Current.CancellationToken)) != worker)
        {
            if (Stopwatch.GetElapsedTime(Volatile.Read(ref started)) > ReadBound)
            {
                Assert.Fail($"reading mutation {Volatile.Read(ref iteration)} has not returned after {ReadBound.TotalSeconds} s");
            }
        }

        await worker;

        // Both outcomes must be common, or the mutations are too gentle or too destructive to prove much.
        Assert.True(outcomes[0] > Mutations / 10 && outcomes[1] > Mutations / 10, $"clean reads {outcomes[0]}, faults {outcomes[1]}");
    }

    /// <summary>Returns true for a clean end of file, false for a CaptureFileException; anything else fails the test.</summary>
    private static bool ReadOnce(string path, byte[] bytes, int iteration)
    {
        try
        {
            // Every other mutation is read through a memory map, the way large captures are.
            var frames = CaptureRead.Until(path, out var error, maxFrames: bytes.Length / 16, mapped: iteration % 2 == 1);
            foreach (var f in frames)
            {
                Assert.True(f.Data.Length <= f.OriginalLength || f.OriginalLength == int.MaxValue, $"mutation {iteration}: {f.Data.Length} captured bytes but original length {f.OriginalLength}");
                PacketDecoder.Decode(f.LinkType, f.Data, f.TimestampMicros, out _);
            }

            if (error is not null)
            {
                Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
                Assert.DoesNotContain('\n', error.Message);
            }

            return error is null;
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            Assert.Fail($"mutation {iteration} threw {e.GetType().Name}: {e.Message}\nfile: {Convert.ToHexString(bytes)}\n{e.StackTrace}");
            throw;
        }
    }

    private static byte[] Mutate(Random random, byte[] original)
    {
        var bytes = new List<byte>(original);
        var count = random.Next(1, 4);
        Span<byte> four = stackalloc byte[4];
        for (var m = 0; m < count && bytes.Count > 0; m++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 2:
                    var word = InterestingWords[random.Next(InterestingWords.Length)];
                    var offset = Math.Min(at & ~3, Math.Max(0, bytes.Count - 4));
                    if (random.Next(2) == 0)
                    {
                        BinaryPrimitives.WriteUInt32LittleEndian(four, word);
                    }
                    else
                    {
                        BinaryPrimitives.WriteUInt32BigEndian(four, word);
                    }

                    for (var i = 0; i < 4 && offset + i < bytes.Count; i++)
                    {
                        bytes[offset + i] = four[i];
                    }

                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 4:
                    var extra = new byte[random.Next(1, 40)];
                    random.NextBytes(extra);
                    bytes.InsertRange(random.Next(2) == 0 ? bytes.Count : at, extra);
                    break;
                default:
                    var length = Math.Min(random.Next(1, 64), bytes.Count - at);
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
            }
        }

        return [.. bytes];
    }
}
