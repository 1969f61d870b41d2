using System.Globalization;
using System.Text;

namespace Recur.Cli.Init;

/// <summary>
/// Writes a string as a YAML scalar that reads back as the same string: plain when that is safe,
/// double-quoted otherwise. Without this, <c>--label '#Label'</c> became a YAML comment and an empty label.
/// </summary>
internal static class YamlScalar
{
    // Plain scalars YAML would read as null, booleans or numbers rather than text.
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "null", "~", "true", "false", "yes", "no", "on", "off", "y", "n",
    };

    /// <summary>The text as a YAML scalar.</summary>
    public static string Of(string text) => IsSafePlain(text) ? text : Quoted(text);

    private static bool IsSafePlain(string text) =>
        text.Length > 0
        && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/')
        && char.IsAsciiLetter(text[0])
        && !Reserved.Contains(text);

    private static string Quoted(string text)
    {
        var quoted = new StringBuilder("\"", text.Length + 2);
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }
        return quoted.Append('"').ToString();
    }
}
