using System.Text;
using Recur.Core;

namespace Recur.Lake.Ingest;

/// <summary>
/// Opens a byte stream as text in the declared encoding, refusing binary data up front: a NUL byte in
/// the first block means the file is not delimited text, whatever its name says. UTF-8 decoding is
/// strict, so Latin-1 data is reported rather than silently mangled.
/// </summary>
public static class SourceText
{
    private const int ProbeBytes = 8192;

    /// <summary>The encoding for a name in recur.yaml or on the command line.</summary>
    public static Encoding EncodingFor(string name, string sourceName) => name.Trim().ToLowerInvariant() switch
    {
        "" or "utf-8" or "utf8" => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true),
        "latin1" or "latin-1" or "iso-8859-1" => Encoding.Latin1,
        _ => throw RecurException.Invalid($"{sourceName}: unknown encoding '{name}' (use utf-8 or latin1)", "encoding"),
    };

    /// <summary>Opens the stream as text after checking it is not binary.</summary>
    public static TextReader Open(Stream stream, string encoding, string sourceName) =>
        new StreamReader(Probed(stream, sourceName, out _, out _), EncodingFor(encoding, sourceName), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);

    /// <summary>
    /// The stream's text as UTF-8 bytes after checking it is not binary: a UTF-8 byte order mark is
    /// dropped, Latin-1 is transcoded. UTF-8 is not validated here; the reader checks it as it goes.
    /// </summary>
    public static Stream OpenUtf8(Stream stream, string encoding, string sourceName)
    {
        var text = EncodingFor(encoding, sourceName);
        var probed = Probed(stream, sourceName, out var head, out var read);
        if (text.CodePage == Encoding.Latin1.CodePage) return Encoding.CreateTranscodingStream(probed, Encoding.Latin1, Encoding.UTF8);
        if (read >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF) probed.ReadExactly(new byte[3]);
        return probed;
    }

    private static Stream Probed(Stream stream, string sourceName, out byte[] probe, out int read)
    {
        var buffered = new BufferedStream(stream, 1 << 16);
        probe = new byte[ProbeBytes];
        read = 0;
        while (read < probe.Length && buffered.Read(probe, read, probe.Length - read) is var n and > 0) read += n;
        var nul = Array.IndexOf(probe, (byte)0, 0, read);
        if (nul >= 0)
        {
            throw RecurException.Invalid($"{sourceName}: this is not a text file (a NUL byte at offset {nul}); expected delimited text", "source");
        }
        return new ConcatStream(probe.AsMemory(0, read), buffered);
    }

    /// <summary>The probed bytes followed by the rest of the stream.</summary>
    private sealed class ConcatStream(ReadOnlyMemory<byte> head, Stream tail) : Stream
    {
        private ReadOnlyMemory<byte> _head = head;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_head.IsEmpty) return tail.Read(buffer);
            var n = Math.Min(buffer.Length, _head.Length);
            _head.Span[..n].CopyTo(buffer);
            _head = _head[n..];
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) tail.Dispose();
            base.Dispose(disposing);
        }
    }
}
