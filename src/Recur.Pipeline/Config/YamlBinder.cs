using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Recur.Pipeline.Config;

/// <summary>A YAML document that does not fit the type it is read into, at a line and column.</summary>
public sealed class YamlBindException(Mark start, string message) : Exception(message)
{
    /// <summary>Where the offending node starts.</summary>
    public Mark Start { get; } = start;
}

/// <summary>
/// Reads a YAML document into a settings object: classes with settable properties (keys in
/// snake_case), strings, integers, reals, booleans, lists and string-keyed dictionaries. An unknown key
/// or a value of the wrong kind is an error naming its line and column. It parses into YamlDotNet's
/// node tree and sets properties itself: YamlDotNet's object deserializer is general but costs about
/// 75 ms to build and first run, which every command paid at start-up.
/// </summary>
public static class YamlBinder
{
    /// <summary>The document's top mapping as a <typeparamref name="T"/>; an empty document gives a new one.</summary>
    public static T Bind<T>(string text) where T : new()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        if (stream.Documents.Count == 0 || IsNull(stream.Documents[0].RootNode)) return new T();
        return (T)Read(stream.Documents[0].RootNode, typeof(T))!;
    }

    /// <summary>
    /// Where the value at a path of keys starts (for errors found after binding), or null when the document has no
    /// such key. A list item's key is its index, e.g. ("training", "candidates", "1", "params").
    /// </summary>
    public static Mark? Locate(string text, params string[] keys)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        if (stream.Documents.Count == 0) return null;
        var node = stream.Documents[0].RootNode;
        foreach (var key in keys)
        {
            // A list item is named by its index.
            if (node is YamlSequenceNode sequence && int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                if (index >= sequence.Children.Count) return null;
                node = sequence.Children[index];
                continue;
            }
            if (node is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out var child)) return null;
            node = child;
        }
        return node.Start;
    }

    private static object? Read(YamlNode node, Type type)
    {
        var nullable = Nullable.GetUnderlyingType(type);
        if (IsNull(node) && (nullable is not null || !type.IsValueType)) return null;
        type = nullable ?? type;
        if (type == typeof(string) || type.IsPrimitive) return Scalar(node, type);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>)) return List(node, type);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>)) return Dictionary(node, type);
        if (type.IsClass && type.GetConstructor(Type.EmptyTypes) is not null) return Object(node, type);
        throw new YamlBindException(node.Start, $"cannot read a value of type {type.Name}");
    }

    private static object Object(YamlNode node, Type type)
    {
        var mapping = node as YamlMappingNode ?? throw new YamlBindException(node.Start, "expected a mapping of keys to values");
        var target = Activator.CreateInstance(type)!;
        var properties = Properties(type);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            if (!properties.TryGetValue(key, out var property))
            {
                throw new YamlBindException(keyNode.Start, $"unknown key '{key}' (expected one of: {string.Join(", ", properties.Keys)})");
            }
            var value = Read(valueNode, property.PropertyType);
            // A key written without a value keeps the setting's default rather than clearing it.
            if (value is not null || IsNullable(property)) property.SetValue(target, value);
        }
        return target;
    }

    private static IList List(YamlNode node, Type type)
    {
        var sequence = node as YamlSequenceNode ?? throw new YamlBindException(node.Start, "expected a list ([a, b] or '- a' lines)");
        var list = (IList)Activator.CreateInstance(type)!;
        var item = type.GetGenericArguments()[0];
        foreach (var child in sequence.Children) list.Add(Read(child, item));
        return list;
    }

    private static IDictionary Dictionary(YamlNode node, Type type)
    {
        var mapping = node as YamlMappingNode ?? throw new YamlBindException(node.Start, "expected a mapping of keys to values");
        var arguments = type.GetGenericArguments();
        if (arguments[0] != typeof(string)) throw new YamlBindException(node.Start, "only string keys are supported");
        var dictionary = (IDictionary)Activator.CreateInstance(type)!;
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? throw new YamlBindException(keyNode.Start, "expected a plain key");
            dictionary[key] = Read(valueNode, arguments[1]);
        }
        return dictionary;
    }

    private static object Scalar(YamlNode node, Type type)
    {
        var text = (node as YamlScalarNode)?.Value ?? throw new YamlBindException(node.Start, $"expected {Kind(type)}, not a list or mapping");
        if (type == typeof(string)) return text;
        var invariant = CultureInfo.InvariantCulture;
        object? value = type switch
        {
            _ when type == typeof(int) => int.TryParse(text, NumberStyles.Integer, invariant, out var i) ? i : null,
            _ when type == typeof(long) => long.TryParse(text, NumberStyles.Integer, invariant, out var l) ? l : null,
            _ when type == typeof(double) => double.TryParse(text, NumberStyles.Float, invariant, out var d) ? d : null,
            _ when type == typeof(bool) => text.ToLowerInvariant() switch
            {
                "true" or "yes" or "on" => true,
                "false" or "no" or "off" => false,
                _ => null,
            },
            _ => throw new YamlBindException(node.Start, $"cannot read a value of type {type.Name}"),
        };
        return value ?? throw new YamlBindException(node.Start, $"'{text}' is not {Kind(type)}");
    }

    private static string Kind(Type type) =>
        type == typeof(int) || type == typeof(long) ? "an integer"
        : type == typeof(double) ? "a number"
        : type == typeof(bool) ? "true or false"
        : "a single value";

    // A plain ~, null or empty value (a quoted one is text).
    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: not (ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted) } scalar
        && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    private static bool IsNullable(PropertyInfo property) =>
        new NullabilityInfoContext().Create(property).WriteState == NullabilityState.Nullable;

    private static readonly Dictionary<Type, Dictionary<string, PropertyInfo>> Cache = [];

    private static Dictionary<string, PropertyInfo> Properties(Type type)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(type, out var properties))
            {
                properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.SetMethod is { IsPublic: true })
                    .ToDictionary(p => SnakeCase(p.Name), StringComparer.Ordinal);
                Cache[type] = properties;
            }
            return properties;
        }
    }

    /// <summary>A property name in snake_case: MinGainOverBaseline → min_gain_over_baseline, PValue → p_value.</summary>
    public static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0
                && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                text.Append('_');
            }
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }
}
