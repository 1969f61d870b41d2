using System.Globalization;
using System.Text;
using Parquet;
using Parquet.Schema;
using Recur.Core;

namespace Recur.Lake.Ingest;

/// <summary>
/// One Parquet column's values in the row group being read, written out one at a time as the UTF-8
/// text typing expects: numbers in invariant culture (reals round-trip), booleans "true"/"false",
/// times in ISO 8601. Values are formatted only as batches take them, so a row group is held in
/// Parquet's own types, not as strings.
/// </summary>
internal abstract class ParquetValues
{
    /// <summary>The values for a field, or a precise error for a type Recur does not read.</summary>
    public static ParquetValues For(DataField field)
    {
        var type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>)) return new Texts(field);
        if (type == typeof(long)) return new Formatted<long>(field, null);
        if (type == typeof(int)) return new Formatted<int>(field, null);
        if (type == typeof(short)) return new Formatted<short>(field, null);
        if (type == typeof(double)) return new Formatted<double>(field, "R");
        if (type == typeof(float)) return new Formatted<float>(field, "R");
        if (type == typeof(decimal)) return new Formatted<decimal>(field, null);
        if (type == typeof(DateTime)) return new Formatted<DateTime>(field, "O");
        if (type == typeof(bool)) return new Booleans(field);
        throw RecurException.Invalid($"column '{field.Name}' has Parquet type {type.Name}, which Recur does not ingest yet", field.Name);
    }

    /// <summary>Reads the column's values in a row group, dropping the previous group's.</summary>
    public abstract Task LoadAsync(ParquetRowGroupReader group, int rows, CancellationToken ct);

    /// <summary>Appends a row's value as UTF-8 text; returns its length, or -1 when it is null.</summary>
    public abstract int Write(int row, ByteArena bytes);

    private sealed class Texts(DataField field) : ParquetValues
    {
        private string?[] _values = [];

        public override async Task LoadAsync(ParquetRowGroupReader group, int rows, CancellationToken ct)
        {
            _values = [];
            var values = new string[rows];
            await group.ReadAsync(field, values, cancellationToken: ct);
            _values = values;
        }

        public override int Write(int row, ByteArena bytes)
        {
            if (_values[row] is not { } value) return -1;
            var written = Encoding.UTF8.GetBytes(value, bytes.Room(Encoding.UTF8.GetMaxByteCount(value.Length)));
            bytes.Length += written;
            return written;
        }
    }

    private sealed class Booleans(DataField field) : ParquetValues
    {
        private readonly Loaded<bool> _values = new(field);

        public override Task LoadAsync(ParquetRowGroupReader group, int rows, CancellationToken ct) => _values.LoadAsync(group, rows, ct);

        public override int Write(int row, ByteArena bytes)
        {
            if (_values.Get(row) is not { } value) return -1;
            var text = value ? "true"u8 : "false"u8;
            bytes.Append(text);
            return text.Length;
        }
    }

    private sealed class Formatted<T>(DataField field, string? format) : ParquetValues where T : struct, IUtf8SpanFormattable
    {
        private readonly Loaded<T> _values = new(field);

        public override Task LoadAsync(ParquetRowGroupReader group, int rows, CancellationToken ct) => _values.LoadAsync(group, rows, ct);

        public override int Write(int row, ByteArena bytes)
        {
            if (_values.Get(row) is not { } value) return -1;
            int written;
            for (var room = 64; !value.TryFormat(bytes.Room(room), out written, format, CultureInfo.InvariantCulture); room *= 2) { }
            bytes.Length += written;
            return written;
        }
    }

    // A required field is read as required values: read as nullable ones, Parquet.Net 6 now and then
    // hands some back as null or shifted by a row.
    private sealed class Loaded<T>(DataField field) where T : struct
    {
        private T[] _required = [];
        private T?[] _optional = [];

        public async Task LoadAsync(ParquetRowGroupReader group, int rows, CancellationToken ct)
        {
            _required = [];
            _optional = [];
            if (field.IsNullable)
            {
                var optional = new T?[rows];
                await group.ReadAsync<T>(field, optional, cancellationToken: ct);
                _optional = optional;
            }
            else
            {
                var required = new T[rows];
                await group.ReadAsync<T>(field, required, cancellationToken: ct);
                _required = required;
            }
        }

        public T? Get(int row) => field.IsNullable ? _optional[row] : _required[row];
    }
}
