using System.Collections.Concurrent;
using Recur.Core.Data;

namespace Recur.Lake.Ingest;

/// <summary>
/// Column arrays of typed batches (numbers, strings, codes), reused from batch to batch: the typer
/// takes them here and the snapshot sink gives them back once a batch is hashed and written. Each is
/// a large-object allocation otherwise (a 65,536-row batch of 20 columns is about 12 MB of them). An
/// array never given back is simply collected. Only arrays of one batch's full length are kept.
/// </summary>
internal static class BatchArrays
{
    private const int MinLength = 4096;
    private const int Kept = 64;
    private static readonly ConcurrentDictionary<int, ConcurrentBag<double[]>> Doubles = new();
    private static readonly ConcurrentDictionary<int, ConcurrentBag<string?[]>> Strings = new();
    private static readonly ConcurrentDictionary<int, ConcurrentBag<int[]>> Ints = new();

    /// <summary>A numbers array of the length (contents undefined: the typer sets every slot).</summary>
    public static double[] Numbers(int length) => Take(Doubles, length) ?? new double[length];

    /// <summary>A strings array of the length, all null.</summary>
    public static string?[] Texts(int length)
    {
        if (Take(Strings, length) is not { } texts) return new string?[length];
        Array.Clear(texts);
        return texts;
    }

    /// <summary>A codes array of the length (contents undefined: the typer sets every slot).</summary>
    public static int[] Codes(int length) => Take(Ints, length) ?? new int[length];

    /// <summary>Gives back the arrays of a batch nothing uses any more.</summary>
    public static void Return(DataTable batch, CodedText?[]? coded)
    {
        foreach (var column in batch.Columns)
        {
            if (column is NumericColumn numbers) Give(Doubles, numbers.Values);
            else if (column is TextColumn texts) Give(Strings, texts.Values);
        }
        foreach (var codes in coded ?? [])
        {
            if (codes is not null) Give(Ints, codes.Codes);
        }
    }

    private static T[]? Take<T>(ConcurrentDictionary<int, ConcurrentBag<T[]>> pool, int length) =>
        length >= MinLength && pool.TryGetValue(length, out var bag) && bag.TryTake(out var array) ? array : null;

    private static void Give<T>(ConcurrentDictionary<int, ConcurrentBag<T[]>> pool, T[] array)
    {
        if (array.Length < MinLength) return;
        var bag = pool.GetOrAdd(array.Length, _ => []);
        if (bag.Count < Kept) bag.Add(array);
    }
}
