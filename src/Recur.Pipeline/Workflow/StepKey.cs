using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Recur.Pipeline.Workflow;

/// <summary>
/// The cache key of a step: the SHA-256 of its named inputs (snapshot ids, the bound recur.yaml sections it reads, the upstream
/// step keys, the seed, the thread count, the code version). Sections are serialised as bound objects, not as raw text, so an edit
/// to a section the step does not read (or a comment) keeps the key.
/// </summary>
public sealed class StepKey
{
    private static readonly JsonSerializerOptions Options = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
    };

    private readonly StringBuilder _text = new();

    /// <summary>A key for the step <paramref name="step"/>; add its inputs with <see cref="With"/>.</summary>
    public StepKey(string step) => With("step", step);

    /// <summary>Adds a named input: a string is taken as it is, anything else as its JSON.</summary>
    public StepKey With(string name, object? value)
    {
        var text = value as string ?? JsonSerializer.Serialize(value, value?.GetType() ?? typeof(object), Options);
        // Length-prefixed, so no two different input lists give the same text.
        _text.Append(name).Append('\u001f').Append(text.Length).Append('\u001f').Append(text).Append('\u001e');
        return this;
    }

    /// <summary>The SHA-256 of the inputs added so far, lowercase hex.</summary>
    public string Value => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(_text.ToString())));

    /// <inheritdoc />
    public override string ToString() => Value;
}
