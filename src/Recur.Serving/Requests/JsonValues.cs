using System.Text.Json;
using Recur.Core;

namespace Recur.Serving.Requests;

/// <summary>
/// Reads strings, names and numbers out of a parsed request so that every defect is the caller's 400
/// naming the field: text that is not valid UTF-8 or holds an unpaired surrogate escape (<c>"\ud800"</c>),
/// text over its length limit, numbers that are not finite doubles (<c>1e400</c>).
/// </summary>
public static class JsonValues
{
    /// <summary>A non-empty string of at most <paramref name="maxLength"/> characters.</summary>
    public static string RequiredText(JsonElement value, string field, int maxLength)
    {
        if (value.ValueKind != JsonValueKind.String) throw RecurException.Invalid($"{field}: required, a non-empty string", field);
        var text = Text(value, field, maxLength);
        return text.Length > 0 ? text : throw RecurException.Invalid($"{field}: required, a non-empty string", field);
    }

    /// <summary>A string value of at most <paramref name="maxLength"/> characters.</summary>
    public static string Text(JsonElement value, string field, int maxLength)
    {
        string text;
        try
        {
            text = value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw RecurException.Invalid($"{field}: the string is not valid text (invalid UTF-8 or an unpaired surrogate escape)", field);
        }
        if (text.Length > maxLength) throw RecurException.Invalid($"{field}: {text.Length} characters; at most {maxLength} (serving.max_text_length / max_key_length)", field);
        if (!IsWellFormed(text)) throw RecurException.Invalid($"{field}: the string holds an unpaired surrogate", field);
        return text;
    }

    /// <summary>A property's name; <paramref name="parent"/> is the path of the object holding it.</summary>
    public static string Name(JsonProperty property, string parent, int maxLength)
    {
        string name;
        try
        {
            name = property.Name;
        }
        catch (InvalidOperationException)
        {
            throw RecurException.Invalid($"{parent}: a property name is not valid text (invalid UTF-8 or an unpaired surrogate escape)", parent);
        }
        if (name.Length > maxLength || !IsWellFormed(name)) throw RecurException.Invalid($"{parent}: a property name is too long or not valid text", parent);
        return name;
    }

    /// <summary>A finite double.</summary>
    public static bool TryFinite(JsonElement value, out double number)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out number) && double.IsFinite(number)) return true;
        number = double.NaN;
        return false;
    }

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return false;
        }
        return true;
    }
}
