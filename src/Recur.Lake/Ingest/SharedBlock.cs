namespace Recur.Lake.Ingest;

/// <summary>
/// A block of source bytes held by the reader and by the batches whose fields point into it. When the
/// last holder lets go, a block of the usual size goes back to a small pool for the next block to
/// reuse, so a long file does not allocate (and page in) a fresh 8 MB array per block.
/// </summary>
internal sealed class SharedBlock
{
    private const int PoolLimit = 6;
    private static readonly Stack<byte[]> Pool = new();

    private readonly bool _pooled;
    private int _holders = 1;

    private SharedBlock(byte[] bytes, bool pooled)
    {
        Bytes = bytes;
        _pooled = pooled;
    }

    /// <summary>The bytes.</summary>
    public byte[] Bytes { get; }

    /// <summary>
    /// A block of <paramref name="size"/> bytes, held once by the caller. Blocks of the default size
    /// come from (and go back to) the pool; others (a long record's, a test's) are plain arrays.
    /// </summary>
    public static SharedBlock Rent(int size)
    {
        if (size != DelimitedBatchReader.DefaultBlockSize) return new SharedBlock(GC.AllocateUninitializedArray<byte>(size), pooled: false);
        lock (Pool)
        {
            if (Pool.TryPop(out var pooled)) return new SharedBlock(pooled, pooled: true);
        }
        return new SharedBlock(GC.AllocateUninitializedArray<byte>(size), pooled: true);
    }

    /// <summary>One more holder (a batch pointing into the block).</summary>
    public void Hold() => Interlocked.Increment(ref _holders);

    /// <summary>A holder lets go; the last one returns the bytes to the pool.</summary>
    public void Release()
    {
        if (Interlocked.Decrement(ref _holders) != 0 || !_pooled) return;
        lock (Pool)
        {
            if (Pool.Count < PoolLimit) Pool.Push(Bytes);
        }
    }
}
