namespace Recur.Lake.Ingest;

/// <summary>
/// A batch's text column as codes into its column's table of UTF-8 values (see <see cref="Utf8Interner"/>):
/// <see cref="Codes"/> holds one code per row, -1 where missing. The snapshot hash copies each value's
/// bytes from <see cref="Utf8"/> and the Parquet writer turns the codes into a dictionary page, so
/// neither has to encode or hash the strings again. <see cref="Values"/> holds the same values as
/// strings, for a consumer that asks for the column's strings.
/// </summary>
internal sealed record CodedText(int[] Codes, byte[][] Utf8, string[] Values);
