using System.Globalization;
using System.Text.RegularExpressions;
using Recur.Core;
using Recur.Core.Data;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Recur.Lake.Validation;

/// <summary>
/// Reads and writes the reviewed schema file (YAML, snake_case keys). Unknown keys and bad values
/// are errors naming the file, line and column, because a typo that silently disabled a check
/// would let bad data through unnoticed.
/// </summary>
public static partial class SchemaFile
{
    private const string Header =
        "# Data schema: what each batch of data is expected to look like.\n" +
        "# Drafted by schema inference; meant to be reviewed, edited and committed with the code.\n" +
        "# Severity: error | warning | ignore per anomaly kind. Environments: columns absent on purpose.\n";

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    // Quoting values such as "null", "true" or "1" keeps them text when the file is read back.
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
        .WithQuotingNecessaryStrings()
        .Build();

    /// <summary>Loads and checks a schema file.</summary>
    /// <exception cref="RecurException">The file is absent, is not valid YAML, has an unknown key or a bad value.</exception>
    public static DataSchema Load(string path)
    {
        if (!File.Exists(path)) throw RecurException.Invalid($"{path}: no schema file here (infer one first)", "schema");
        var text = File.ReadAllText(path);
        DataSchema schema;
        try
        {
            schema = Deserializer.Deserialize<DataSchema>(text) ?? new DataSchema();
        }
        catch (YamlException e)
        {
            var cause = FirstLine(e.InnerException?.Message ?? e.Message);
            cause = UnknownProperty().Replace(cause, "unknown key '$1'");
            throw RecurException.Invalid($"{path}: line {e.Start.Line}, column {e.Start.Column}: {cause}", "schema");
        }
        // An empty key in the file ("key:") reads as null; treat it as absent.
        schema.Key ??= [];
        schema.Severity ??= [];
        schema.Environments ??= [];
        schema.Columns ??= [];
        foreach (var (where, problem) in Problems(schema))
        {
            var mark = Locate(text, where);
            var field = string.Join('.', where.Select(p => p is int i ? $"[{i}]" : p.ToString())).Replace(".[", "[", StringComparison.Ordinal);
            throw RecurException.Invalid($"{path}: line {mark.Line}, column {mark.Column}: {field}: {problem}", field);
        }
        return schema;
    }

    /// <summary>Writes the schema atomically: a reader sees the old file or the new one, never half of either.</summary>
    public static void Save(DataSchema schema, string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, ToYaml(schema));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The file's text: a header comment, then the schema as YAML.</summary>
    public static string ToYaml(DataSchema schema) => Header + Serializer.Serialize(schema);

    // Each problem carries its path in the file (keys and list indexes) so the error can point at the line.
    private static IEnumerable<(object[] Where, string Problem)> Problems(DataSchema schema)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < schema.Columns.Count; i++)
        {
            var c = schema.Columns[i];
            if (c is null || string.IsNullOrWhiteSpace(c.Name)) { yield return (["columns", i], "a column needs a name"); continue; }
            if (!names.Add(c.Name)) yield return (["columns", i, "name"], $"column '{c.Name}' appears twice");
            if (c.Type is null || ColumnTypeNames.Parse(c.Type) is null) yield return (["columns", i, "type"], $"type '{c.Type}' is not integer, real or text");
            if (c.MaxMissingRate is not (>= 0 and <= 1)) yield return (["columns", i, "max_missing_rate"], "must be in [0, 1]");
            if (c.Min > c.Max) yield return (["columns", i, "min"], Invariant($"min {c.Min} is above max {c.Max}"));
            if (c.MinLength < 0) yield return (["columns", i, "min_length"], "must not be negative");
            if (c.MaxLength < 0) yield return (["columns", i, "max_length"], "must not be negative");
            if (c.MinLength > c.MaxLength) yield return (["columns", i, "min_length"], $"min_length {c.MinLength} is above max_length {c.MaxLength}");
            foreach (var (kind, severity) in c.Severity ?? [])
            {
                if (SeverityProblem(kind, severity) is { } problem) yield return (["columns", i, "severity", kind], problem);
            }
        }
        for (var i = 0; i < schema.Key.Count; i++)
        {
            if (!names.Contains(schema.Key[i] ?? "")) yield return (["key", i], $"key column '{schema.Key[i]}' is not among the columns");
        }
        foreach (var (kind, severity) in schema.Severity)
        {
            if (SeverityProblem(kind, severity) is { } problem) yield return (["severity", kind], problem);
        }
        if (schema.MaxAnomalyShare is { } share && share is not (>= 0 and <= 1)) yield return (["max_anomaly_share"], "must be in [0, 1]");
        foreach (var (name, environment) in schema.Environments)
        {
            var exclude = environment?.Exclude ?? [];
            for (var i = 0; i < exclude.Count; i++)
            {
                if (!names.Contains(exclude[i] ?? "")) yield return (["environments", name, "exclude", i], $"column '{exclude[i]}' is not among the columns");
            }
        }
    }

    private static string? SeverityProblem(string kind, string? severity) =>
        !AnomalyKinds.All.Contains(kind) ? $"unknown anomaly kind '{kind}' (one of {string.Join(", ", AnomalyKinds.All)})"
        : !AnomalySeverity.IsKnown(severity) ? $"severity '{severity}' is not error, warning or ignore"
        : null;

    // Walks the YAML tree along the path, as far as it goes, so the error points at the offending value.
    private static Mark Locate(string text, object[] where)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        YamlNode node = stream.Documents[0].RootNode;
        foreach (var step in where)
        {
            YamlNode? next = (node, step) switch
            {
                (YamlMappingNode map, string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null,
                (YamlSequenceNode list, int index) when index < list.Children.Count => list.Children[index],
                _ => null,
            };
            if (next is null) break;
            node = next;
        }
        return node.Start;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    [GeneratedRegex("^Property '(.+)' not found on type '[^']+'\\.?$")]
    private static partial Regex UnknownProperty();
}
