using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Serialization;
using Recur.Core.Serving;

namespace Recur.Serving.Log.Internal;

/// <summary>
/// One record in the local log: <c>[payload length: u32 LE][CRC-32 of the payload: u32 LE][payload: the record as UTF-8 JSON]</c>.
/// A frame with a zero or oversized length, one running past the end, or one whose checksum differs is torn.
/// </summary>
internal static class LogFrame
{
    public const int HeaderBytes = 8;

    /// <summary>No record is this large; a longer length is garbage.</summary>
    public const int MaxPayloadBytes = 16 << 20;

    /// <summary>The records' frames, back to back.</summary>
    public static byte[] Encode(IReadOnlyList<PredictionRecord> records)
    {
        var payloads = new byte[records.Count][];
        var total = 0;
        for (var i = 0; i < payloads.Length; i++)
        {
            payloads[i] = JsonSerializer.SerializeToUtf8Bytes(records[i], LogFrameJson.Default.PredictionRecord);
            total += HeaderBytes + payloads[i].Length;
        }
        var frames = new byte[total];
        var at = 0;
        foreach (var payload in payloads)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(frames.AsSpan(at), (uint)payload.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(frames.AsSpan(at + 4), Crc32.Of(payload));
            payload.CopyTo(frames.AsSpan(at + HeaderBytes));
            at += HeaderBytes + payload.Length;
        }
        return frames;
    }

    /// <summary>The record a frame's payload holds.</summary>
    public static PredictionRecord Decode(ReadOnlySpan<byte> payload) =>
        JsonSerializer.Deserialize(payload, LogFrameJson.Default.PredictionRecord) ?? throw new InvalidDataException("a log frame holds JSON null");
}

/// <summary>The source-generated JSON of a logged record.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PredictionRecord))]
internal sealed partial class LogFrameJson : JsonSerializerContext;
