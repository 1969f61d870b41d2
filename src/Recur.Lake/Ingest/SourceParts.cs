using System.Text;
using Recur.Core;
using Recur.Core.Lake;
using Recur.Core.Project;

namespace Recur.Lake.Ingest;

/// <summary>
/// A source as parts: one file, the files of a partitioned folder (<c>date=2024-01-01/part-0.csv</c>,
/// in ordinal path order so the result never depends on the disk), or stdin, spooled to a temporary
/// file so that it can be read twice. The source's columns are the union of the parts' columns in order
/// of first appearance; partition folders add a column holding the folder's value.
/// </summary>
internal sealed class SourceParts : IDisposable
{
    private readonly List<Part> _parts;
    private readonly string? _spool;
    private readonly List<string> _names;

    private SourceParts(List<Part> parts, string? spool, PartCache? cache = null)
    {
        _parts = parts;
        _spool = spool;
        var names = new List<string>();
        foreach (var part in parts)
        {
            foreach (var name in part.Names.Concat(part.Partitions.Select(p => p.Key)))
            {
                if (!names.Contains(name)) names.Add(name);
            }
        }
        _names = names;
        if (cache is null) return;
        foreach (var part in parts)
        {
            if (part.FileKey is { } key) part.Cached = cache.Find(key, names);
        }
    }

    /// <summary>The parts that are files, by name, with their cache keys (null when not cached).</summary>
    public IEnumerable<(string Name, string? FileKey)> Files => _parts.Select(p => (p.Name, p.FileKey));

    /// <summary>How many parts the cache knows (they are not read unless the cache is set aside).</summary>
    public int CachedCount => _parts.Count(p => p.Cached is not null);

    /// <summary>How many files the source has.</summary>
    public int PartCount => _parts.Count;

    /// <summary>The source's column names.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>Opens a file, a partitioned folder, or "-" for <paramref name="stdin"/>, and reads each part's column names.</summary>
    public static async Task<SourceParts> OpenAsync(string path, DatasetConfig config, string sourceName, Stream? stdin, CancellationToken ct, PartCache? cache = null)
    {
        if (path == "-")
        {
            var spool = Path.Combine(Path.GetTempPath(), $"recur-stdin-{Guid.NewGuid():N}.tmp");
            try
            {
                await using (var file = File.Create(spool)) await (stdin ?? Console.OpenStandardInput()).CopyToAsync(file, ct);
                var part = await Part.OpenAsync(spool, Format(config, "stdin"), "stdin", [], config, ct);
                return new SourceParts([part], spool);
            }
            catch
            {
                File.Delete(spool);
                throw;
            }
        }
        if (Directory.Exists(path))
        {
            var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetFileName(f).StartsWith('.') && !Path.GetFileName(f).StartsWith('_'))
                .Order(StringComparer.Ordinal).ToList();
            if (files.Count == 0) throw RecurException.Invalid($"{sourceName}: the folder holds no files", "source");
            var parts = new List<Part>();
            try
            {
                foreach (var file in files)
                {
                    var relative = Path.GetRelativePath(path, file).Replace('\\', '/');
                    var part = await Part.OpenAsync(file, Format(config, file), $"{sourceName}/{relative}", Partitions(relative), config, ct, cache: cache);
                    parts.Add(part);
                    // Keep one file open at a time: a folder may hold thousands.
                    if (files.Count > 1) part.Close();
                }
                return new SourceParts(parts, null, cache);
            }
            catch
            {
                foreach (var part in parts) part.Close();
                throw;
            }
        }
        if (File.Exists(path)) return new SourceParts([await Part.OpenAsync(path, Format(config, path), sourceName, [], config, ct, cache: cache)], null, cache);
        throw RecurException.Invalid($"{sourceName}: no such file or folder", "source");
    }

    /// <summary>Opens a text held in memory (already decoded) as a one-part source.</summary>
    public static async Task<SourceParts> OpenTextAsync(string text, DatasetConfig config, string sourceName, CancellationToken ct)
    {
        var utf8 = config.Clone();
        utf8.Encoding = "utf-8";
        var bytes = Encoding.UTF8.GetBytes(text);
        return new SourceParts([await Part.OpenAsync(null, Format(config, sourceName), sourceName, [], utf8, ct, bytes)], null);
    }

    /// <summary>
    /// The batches of every part in order, reading each part afresh (a second pass re-reads the files).
    /// A part the cache knows is one empty batch carrying what its last ingest gave, unless
    /// <paramref name="useCache"/> is false.
    /// </summary>
    public IEnumerable<FieldBatch> Batches(CancellationToken ct, bool useCache = true)
    {
        var capacity = PartLayout.CapacityFor(Names.Count);
        foreach (var part in _parts)
        {
            if (useCache && part.Cached is { } cached)
            {
                ct.ThrowIfCancellationRequested();
                part.Lines = cached.Lines;
                yield return new FieldBatch(part.Name, Names.Count, 0) { Cached = cached };
                continue;
            }
            using var reader = part.Take();
            var own = reader.Names;
            var map = own.Select(n => _names.IndexOf(n)).ToArray();
            var constants = part.Partitions.Where(p => !own.Contains(p.Key)).Select(p => (_names.IndexOf(p.Key), p.Value)).ToList();
            var absent = Enumerable.Range(0, Names.Count).Where(c => !map.Contains(c) && !constants.Any(k => k.Item1 == c)).ToArray();
            reader.Layout(new PartLayout(Names.Count, capacity, map, absent, constants));
            while (reader.Next() is { } batch)
            {
                ct.ThrowIfCancellationRequested();
                yield return batch;
            }
            part.Lines = reader.Lines;
        }
    }

    /// <summary>Where the last pass's part put its lines (null for a part that is not line-based text).</summary>
    public PartLines? LinesOf(string part) => _parts.FirstOrDefault(p => p.Name == part)?.Lines;

    /// <summary>
    /// After a pass: where every physical line of the source went, given the rows stored and quarantined
    /// (null unless every part is line-based text), and the parts' warnings in part order.
    /// </summary>
    public (LineAccount? Lines, IReadOnlyList<string> Warnings) Account(long rows, long quarantined)
    {
        var warnings = _parts.SelectMany(p => p.Lines?.Warnings ?? []).ToList();
        if (_parts.Any(p => p.Lines is null)) return (null, warnings);
        var lines = _parts.Select(p => p.Lines!).ToList();
        return (new LineAccount(lines.Sum(l => l.Physical), lines.Sum(l => l.Skipped), lines.Sum(l => l.Header),
            lines.Sum(l => l.Blank), rows, quarantined, lines.Sum(l => l.Merged)), warnings);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var part in _parts) part.Close();
        if (_spool is not null) File.Delete(_spool);
    }

    private static string Format(DatasetConfig config, string path)
    {
        if (config.Format.Length > 0)
        {
            var declared = config.Format.ToLowerInvariant();
            return declared is "csv" or "tsv" or "jsonl" or "parquet" ? declared
                : throw RecurException.Invalid($"format '{config.Format}' is not one of csv, tsv, jsonl, parquet", "format");
        }
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".tsv" or ".tab" => "tsv",
            ".jsonl" or ".ndjson" => "jsonl",
            ".parquet" => "parquet",
            _ => "csv",
        };
    }

    // Hive-style partition folders (key=value) above a file.
    private static List<(string Key, string Value)> Partitions(string relativePath)
    {
        var partitions = new List<(string, string)>();
        foreach (var segment in relativePath.Split('/')[..^1])
        {
            var eq = segment.IndexOf('=');
            if (eq > 0) partitions.Add((segment[..eq], Uri.UnescapeDataString(segment[(eq + 1)..])));
        }
        return partitions;
    }

    /// <summary>One file (or in-memory text) of the source.</summary>
    private sealed class Part
    {
        private readonly string? _file;
        private readonly byte[]? _bytes;
        private readonly string _format;
        private readonly string _name;
        private readonly DatasetConfig _config;
        private IPartReader? _open;

        private Part(string? file, byte[]? bytes, string format, string name, List<(string, string)> partitions, DatasetConfig config)
        {
            _file = file;
            _bytes = bytes;
            _format = format;
            _name = name;
            _config = format == "tsv" && config.Delimiter.Length == 0 ? WithTsv(config) : config;
            Partitions = partitions;
        }

        public IReadOnlyList<string> Names { get; private set; } = [];

        public List<(string Key, string Value)> Partitions { get; }

        public string Name => _name;

        /// <summary>The file's key in the part cache; null when there is no cache or no file.</summary>
        public string? FileKey { get; private set; }

        /// <summary>What the last ingest of this file gave under the source's columns, if the cache knows.</summary>
        public CachedPart? Cached { get; set; }

        /// <summary>Where the part's lines went in the last pass (set once it is read, or taken from the cache).</summary>
        public PartLines? Lines { get; set; }

        public static async Task<Part> OpenAsync(string? file, string format, string name, List<(string, string)> partitions, DatasetConfig config, CancellationToken ct, byte[]? bytes = null, PartCache? cache = null)
        {
            var part = new Part(file, bytes, format, name, partitions, config);
            if (cache is not null && file is not null)
            {
                part.FileKey = PartCache.FileKey(file, config);
                // A file the cache knows is not opened at all unless its rows are needed.
                if (cache.Names(part.FileKey) is { } known)
                {
                    part.Names = known;
                    return part;
                }
            }
            // JSON Lines columns are the keys of every line, so they take a pass over the file of their own.
            if (format == "jsonl") part.Names = JsonLinesBatchReader.ScanNames(part.Utf8(), part._config, name, ct: ct);
            part._open = format == "parquet" ? await part.OpenParquetAsync(ct) : part.Open();
            part.Names = part._open.Names;
            if (part.FileKey is { } key) cache!.SaveNames(key, part.Names);
            return part;
        }

        /// <summary>The reader opened first, or a fresh one.</summary>
        public IPartReader Take()
        {
            var reader = _open ?? Open();
            _open = null;
            return reader;
        }

        public void Close()
        {
            _open?.Dispose();
            _open = null;
        }

        private IPartReader Open() => _format switch
        {
            "parquet" => OpenParquetAsync(CancellationToken.None).GetAwaiter().GetResult(),
            "jsonl" => JsonLinesBatchReader.Open(Utf8(), Names, _config, _name),
            _ => DelimitedBatchReader.Open(Utf8(), _config, _name),
        };

        private async Task<IPartReader> OpenParquetAsync(CancellationToken ct)
        {
            var raw = Raw(sequential: false);
            try
            {
                return await ParquetBatchReader.OpenAsync(raw, _name, ct);
            }
            catch
            {
                await raw.DisposeAsync();
                throw;
            }
        }

        // The part's text as UTF-8 (see SourceText.OpenUtf8).
        private Stream Utf8()
        {
            var raw = Raw(sequential: true);
            try
            {
                return SourceText.OpenUtf8(raw, _config.Encoding, _name);
            }
            catch
            {
                raw.Dispose();
                throw;
            }
        }

        // Text is read through a buffer of its own (SourceText); Parquet seeks to each column chunk.
        private Stream Raw(bool sequential) => _bytes is not null ? new MemoryStream(_bytes, writable: false)
            : sequential ? new FileStream(_file!, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan)
            : new FileStream(_file!, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.RandomAccess);

        private static DatasetConfig WithTsv(DatasetConfig config)
        {
            var tsv = config.Clone();
            tsv.Format = "tsv";
            return tsv;
        }
    }
}
