namespace Recur.Core.Project;

/// <summary>
/// The <c>quote</c> setting of a delimited source. <c>"</c> (the default) quotes fields as RFC 4180 has
/// it; <c>none</c> makes quote characters plain data, for text whose quotes are prose (each physical
/// line is then one record); any other single ASCII punctuation character quotes as <c>"</c> does.
/// </summary>
public static class QuoteSetting
{
    /// <summary>The default: the double quote.</summary>
    public const string Default = "\"";

    /// <summary>The value that turns quoting off.</summary>
    public const string None = "none";

    /// <summary>The quote character, or null for <c>none</c>; an error naming <paramref name="option"/> when the value is not valid.</summary>
    public static char? Parse(string value, string option) =>
        TryParse(value, out var quote) ? quote : throw RecurException.Invalid($"{option}: {Problem(value)}", option);

    /// <summary>Reads the setting; false when it is not valid.</summary>
    public static bool TryParse(string value, out char? quote)
    {
        quote = null;
        if (value.Equals(None, StringComparison.OrdinalIgnoreCase)) return true;
        if (value.Length != 1 || !IsQuoteCharacter(value[0])) return false;
        quote = value[0];
        return true;
    }

    /// <summary>Why a value is not a quote setting, and what is.</summary>
    public static string Problem(string value) =>
        $"'{value}' is not a quote setting (use '\"' (the default), none to read quote characters as plain text, or one other punctuation character)";

    private static bool IsQuoteCharacter(char c) => char.IsAscii(c) && (char.IsPunctuation(c) || char.IsSymbol(c)) && c is not ('\\' or '#');
}
