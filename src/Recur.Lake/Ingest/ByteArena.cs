namespace Recur.Lake.Ingest;

/// <summary>
/// A growable run of bytes that fields point into by offset: unescaped quoted fields, partition
/// values, values of sources that are not delimited text. <see cref="Length"/> can be set back to
/// drop what was appended after a mark.
/// </summary>
internal sealed class ByteArena(int capacity = 1024)
{
    private byte[] _bytes = new byte[Math.Max(16, capacity)];

    /// <summary>Bytes used.</summary>
    public int Length { get; set; }

    /// <summary>The bytes in use.</summary>
    public ReadOnlySpan<byte> Span(int start, int length) => _bytes.AsSpan(start, length);

    /// <summary>Appends one byte.</summary>
    public void Append(byte b)
    {
        Ensure(1);
        _bytes[Length++] = b;
    }

    /// <summary>Appends bytes; returns where they start.</summary>
    public int Append(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_bytes.AsSpan(Length));
        var start = Length;
        Length += bytes.Length;
        return start;
    }

    /// <summary>Room for at least <paramref name="length"/> more bytes at <see cref="Length"/>; add what is written to <see cref="Length"/>.</summary>
    public Span<byte> Room(int length)
    {
        Ensure(length);
        return _bytes.AsSpan(Length);
    }

    /// <summary>Appends quoted text, turning CRLF line breaks into LF; returns the line breaks it held.</summary>
    public int AppendQuoted(ReadOnlySpan<byte> text)
    {
        if (text.IndexOf((byte)'\r') < 0)
        {
            Append(text);
            return text.Count((byte)'\n');
        }
        Ensure(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') continue;
            _bytes[Length++] = text[i];
        }
        return text.Count((byte)'\n');
    }

    /// <summary>Hands the bytes over (to a batch) and starts afresh.</summary>
    public byte[] Detach()
    {
        var bytes = _bytes;
        _bytes = new byte[1024];
        Length = 0;
        return bytes;
    }

    private void Ensure(int more)
    {
        if (Length + more > _bytes.Length) Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + more));
    }
}
