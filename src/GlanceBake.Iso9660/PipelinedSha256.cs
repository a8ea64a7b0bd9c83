using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace GlanceBake.Iso9660;

/// <summary>
/// SHA-256 (FIPS 180-4) over a byte sequence given in order, computed on a second thread once the data is large, so
/// that hashing a big file overlaps with reading and writing it instead of following each chunk.
/// </summary>
/// <remarks>
/// Small data (<see cref="Append"/> before any <see cref="Rent"/>) is hashed at once on the caller's thread: no
/// thread and no buffers for a seed of a few kilobytes. Large data comes in buffers the caller rents, fills, uses
/// (writes to its file) and hands over with <see cref="Submit"/>: ownership passes to the hashing thread, which gives
/// the buffer back when it has hashed it, so nothing is copied. At most <see cref="BufferCount"/> buffers of
/// <see cref="BufferSize"/> bytes exist (8 MiB), kept for the next instance; the caller waits in <see cref="Rent"/>
/// when all are in flight.
/// Handing over every few hundred kilobytes costs more than it saves (cross-core wake-ups); 2 MiB pieces do not.
/// The digest is the same as <see cref="SHA256.HashData(ReadOnlySpan{byte})"/> of the whole sequence.
/// One producer thread; not for concurrent callers.
/// </remarks>
public sealed class PipelinedSha256 : IDisposable
{
    /// <summary>Bytes in a rented buffer: 2 MiB.</summary>
    public const int BufferSize = 2 << 20;

    /// <summary>Buffers in flight at most: 4 (8 MiB).</summary>
    public const int BufferCount = 4;

    // Buffers of finished instances, for the next (a bake hashes the image, then seed.iso): fresh pages cost a fault
    // each, and on a VM the host's fault too (perf stat: 3,700 more page faults per 1 GiB bake without this).
    private static readonly ConcurrentBag<byte[]> Spare = [];

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly BlockingCollection<byte[]> _free = new(BufferCount);
    private BlockingCollection<(byte[] Buffer, int Count)>? _full;
    private Task? _worker;
    private int _allocated;

    // After the hashing thread started, small appends are gathered here and handed over with the next buffer.
    private byte[]? _pending;
    private int _pendingCount;

    /// <summary>
    /// Adds <paramref name="data"/> as the next bytes (hashed, or copied into a buffer, before this returns: the
    /// caller keeps its span). Not after <see cref="Finish"/>.
    /// </summary>
    /// <exception cref="CryptographicException">Hashing an earlier buffer failed.</exception>
    public void Append(ReadOnlySpan<byte> data)
    {
        if (_full is null)
        {
            _hash.AppendData(data);
            return;
        }

        while (!data.IsEmpty)
        {
            _pending ??= TakeFree();
            var n = Math.Min(data.Length, BufferSize - _pendingCount);
            data[..n].CopyTo(_pending.AsSpan(_pendingCount));
            _pendingCount += n;
            data = data[n..];
            if (_pendingCount == BufferSize)
            {
                SubmitPending();
            }
        }
    }

    /// <summary>
    /// A buffer of <see cref="BufferSize"/> bytes to fill and then give back with <see cref="Submit"/>, the next
    /// bytes of the sequence. Starts the hashing thread the first time. Waits while all buffers are in flight.
    /// </summary>
    /// <exception cref="CryptographicException">Hashing an earlier buffer failed.</exception>
    public byte[] Rent()
    {
        if (_full is null)
        {
            _full = new BlockingCollection<(byte[], int)>(BufferCount);
            _worker = Task.Factory.StartNew(HashAll, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        SubmitPending();
        return TakeFree();
    }

    /// <summary>
    /// Hands over the first <paramref name="count"/> bytes of a buffer from <see cref="Rent"/> as the next bytes of
    /// the sequence. The caller must not touch the buffer afterwards.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or above the buffer's size.</exception>
    public void Submit(byte[] buffer, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, buffer.Length);
        Hand(buffer, count);
    }

    /// <summary>The digest of everything appended and submitted, lower-case hex (64 characters).</summary>
    /// <exception cref="CryptographicException">Hashing failed on the hashing thread.</exception>
    public string Finish()
    {
        if (_full is not null)
        {
            SubmitPending();
            _full.CompleteAdding();
            _worker!.GetAwaiter().GetResult();
        }

        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    /// <summary>Stops the hashing thread (waiting for it) and frees the hash.</summary>
    public void Dispose()
    {
        if (_full is { IsAddingCompleted: false })
        {
            _full.CompleteAdding();
        }

        try
        {
            _worker?.Wait();
        }
        catch (AggregateException)
        {
            // Reported by Finish, or the caller is already failing.
        }

        _full?.Dispose();
        while (Spare.Count < BufferCount && _free.TryTake(out var buffer))
        {
            Spare.Add(buffer);
        }

        _free.Dispose();
        _hash.Dispose();
    }

    private byte[] TakeFree()
    {
        if (_free.TryTake(out var buffer))
        {
            return buffer;
        }

        if (_allocated < BufferCount)
        {
            _allocated++;
            return Spare.TryTake(out var spare) ? spare : GC.AllocateUninitializedArray<byte>(BufferSize);
        }

        while (!_free.TryTake(out buffer, 100))
        {
            if (_worker!.IsCompleted)
            {
                _worker.GetAwaiter().GetResult(); // rethrows the hashing thread's failure
                throw new InvalidOperationException("the hashing thread stopped");
            }
        }

        return buffer;
    }

    private void SubmitPending()
    {
        if (_pending is not null)
        {
            Hand(_pending, _pendingCount);
            _pending = null;
            _pendingCount = 0;
        }
    }

    private void Hand(byte[] buffer, int count)
    {
        if (_full is null)
        {
            throw new InvalidOperationException("Submit needs a buffer from Rent");
        }

        _full.Add((buffer, count));
    }

    private void HashAll()
    {
        foreach (var (buffer, count) in _full!.GetConsumingEnumerable())
        {
            _hash.AppendData(buffer, 0, count);
            _free.Add(buffer);
        }
    }
}
