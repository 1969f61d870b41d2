using Npgsql;
using Recur.Core;

namespace Recur.Storage.Postgres;

/// <summary>
/// Turns the location of a <c>postgres:</c> storage URI into Npgsql keywords. Both forms are accepted:
/// a URL (<c>postgres://user:password@host:5432/db?sslmode=require</c>) and Npgsql keywords
/// (<c>postgres:Host=db;Database=recur;Username=recur</c>). The password may also come from
/// <c>PGPASSWORD</c>, as for psql.
/// </summary>
public static class PostgresConnectionString
{
    /// <summary>Npgsql keywords for a location; Invalid naming <paramref name="setting"/> when it cannot be read.</summary>
    public static string FromLocation(string location, string setting)
    {
        if (location.Length == 0) throw RecurException.Invalid($"{setting}: give postgres a server (postgres://user@host:5432/database or postgres:Host=...;Database=...)", setting);
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = location.StartsWith("//", StringComparison.Ordinal) ? FromUrl(location, setting) : new NpgsqlConnectionStringBuilder(location);
        }
        catch (ArgumentException e)
        {
            throw RecurException.Invalid($"{setting}: '{Redacted(location)}' is not a PostgreSQL location: {e.Message}", setting);
        }
        if (string.IsNullOrEmpty(builder.Host)) throw RecurException.Invalid($"{setting}: '{Redacted(location)}' names no host", setting);
        if (string.IsNullOrEmpty(builder.Database)) throw RecurException.Invalid($"{setting}: '{Redacted(location)}' names no database", setting);
        if (string.IsNullOrEmpty(builder.Password) && Environment.GetEnvironmentVariable("PGPASSWORD") is { Length: > 0 } password) builder.Password = password;
        return builder.ConnectionString;
    }

    private static NpgsqlConnectionStringBuilder FromUrl(string location, string setting)
    {
        if (!Uri.TryCreate("postgres:" + location, UriKind.Absolute, out var url) || url.Host.Length == 0)
        {
            throw RecurException.Invalid($"{setting}: 'postgres:{Redacted(location)}' is not a URL (postgres://user:password@host:5432/database)", setting);
        }
        var builder = new NpgsqlConnectionStringBuilder { Host = url.Host, Port = url.IsDefaultPort || url.Port < 0 ? 5432 : url.Port, Database = Uri.UnescapeDataString(url.AbsolutePath.TrimStart('/')) };
        if (url.UserInfo.Length > 0)
        {
            var parts = url.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length > 1) builder.Password = Uri.UnescapeDataString(parts[1]);
        }
        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            builder[Uri.UnescapeDataString(kv[0])] = kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : "";
        }
        return builder;
    }

    /// <summary>The location with any password replaced by ***, for messages.</summary>
    public static string Redacted(string location) =>
        System.Text.RegularExpressions.Regex.Replace(
            System.Text.RegularExpressions.Regex.Replace(location, @"(//[^:/@]+:)[^@]*@", "$1***@"),
            @"(?i)(password\s*=\s*)[^;]*", "$1***");
}
