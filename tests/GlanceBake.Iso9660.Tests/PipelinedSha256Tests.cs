using System.Security.Cryptography;
using GlanceBake.Iso9660;

namespace GlanceBake.Iso9660.Tests;

/// <summary>
/// <see cref="PipelinedSha256"/> (issue 10: SHA-256 of a large image on a second thread, over the writer's own
/// buffers) gives the digest of the whole sequence in the order it was given, whatever mix of small appends and
/// rented buffers, across the hand-over to the hashing thread and across buffer boundaries.
/// </summary>
public sealed class PipelinedSha256Tests
{
    private static readonly byte[] Data = RandomNumberGenerator.GetBytes(5 * PipelinedSha256.BufferSize);

    private const int B = PipelinedSha256.BufferSize;

    [Theory]
    [InlineData("")]                        // nothing at all
    [InlineData("a100 a5000 a1")]           // small appends only: hashed on the caller's thread
    [InlineData("a100 r2097152 a7")]        // then a full rented buffer, then a small append
    [InlineData("r1000 r5 rB rB rB rB a3")] // more buffers than exist at once
    [InlineData("a10 r0 aBB99 r400")]       // an empty buffer; an append over two buffers and more
    public void Finish_AnyMixOfAppendsAndRentedBuffers_IsTheDigestOfTheWholeSequence(string steps)
    {
        // "aN" appends N bytes, "rN" submits N bytes in a rented buffer; "B" stands for BufferSize.
        using var pipe = new PipelinedSha256();
        var at = 0;
        foreach (var step in steps.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var size = step[1..];
            var n = size.StartsWith("BB", StringComparison.Ordinal) ? 2 * B + int.Parse(size[2..], System.Globalization.CultureInfo.InvariantCulture)
                : size == "B" ? B : int.Parse(size, System.Globalization.CultureInfo.InvariantCulture);
            if (step[0] == 'r')
            {
                var buffer = pipe.Rent();
                Assert.Equal(B, buffer.Length);
                Data.AsSpan(at, n).CopyTo(buffer);
                pipe.Submit(buffer, n);
            }
            else
            {
                pipe.Append(Data.AsSpan(at, n));
            }

            at += n;
        }

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Data.AsSpan(0, at))), pipe.Finish());
    }

    [Fact]
    public void Submit_WithoutRent_IsRefused()
    {
        using var pipe = new PipelinedSha256();
        Assert.Throws<InvalidOperationException>(() => pipe.Submit(new byte[10], 10));
    }

    [Fact]
    public void Submit_CountAboveTheBuffer_IsRefused()
    {
        using var pipe = new PipelinedSha256();
        var buffer = pipe.Rent();
        Assert.Throws<ArgumentOutOfRangeException>(() => pipe.Submit(buffer, buffer.Length + 1));
    }

    [Fact]
    public void Dispose_WithBuffersInFlight_StopsTheHashingThread()
    {
        var pipe = new PipelinedSha256();
        for (var i = 0; i < PipelinedSha256.BufferCount; i++)
        {
            pipe.Submit(pipe.Rent(), PipelinedSha256.BufferSize);
        }

        pipe.Dispose(); // returns: the thread drained the queue and ended
    }
}
