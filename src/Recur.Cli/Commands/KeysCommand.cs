using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Recur.Core;
using Recur.Core.Security;

namespace Recur.Cli.Commands;

/// <summary><c>recur keys create|list|revoke</c>: the server's API keys, stored hashed in the project's store.</summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var command = new Command("keys", "Create, list and revoke the API keys recur serve accepts (stored hashed; a key is shown once)");
        command.Subcommands.Add(CreateKey());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Revoke());
        return command;
    }

    private static IApiKeyStore Store(CommandContext ctx) => ctx.OpenProject().Services.GetRequiredService<IApiKeyStore>();

    private static Command CreateKey()
    {
        var name = new Argument<string>("name") { Description = "A name for the key, unique among the keys not revoked (e.g. ci, checkout-service)" };
        var scope = new Option<string>("--scope")
        {
            Description = "What the key may do, comma-separated: predict (read and predict), feedback, admin (changes; implies the others)",
            DefaultValueFactory = _ => "predict",
        };
        var create = new Command("create", "Create a key and print it once: only its SHA-256 is stored") { name, scope };
        create.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var keyName = parse.GetValue(name)!.Trim();
            if (keyName.Length is 0 or > 100 || keyName.Any(char.IsControl))
            {
                throw RecurException.Invalid($"name: '{keyName}' must be 1 to 100 characters, without control characters", "name");
            }
            var scopes = ApiScopeNames.Parse(parse.GetValue(scope), "--scope");
            var store = Store(ctx);
            var (text, prefix, hash) = ApiKeyText.Generate();
            var key = await store.CreateAsync(new NewApiKey(keyName, prefix, hash, scopes, ctx.OpenProject().Time.GetUtcNow()), ct);
            if (ctx.Json)
            {
                ctx.WriteJson(new { key = text, id = key.Id, name = key.Name, prefix = key.Prefix, scopes = Names(key.Scopes), created = key.Created });
                return 0;
            }
            ctx.Human.WriteLine($"Created key {key.Id} '{key.Name}' ({ApiScopeNames.Format(key.Scopes)}). It is shown only this once; store it now:");
            Console.Out.WriteLine(text);
            ctx.Human.WriteLine("Send it as Authorization: Bearer <key> (or X-Api-Key: <key>).");
            return 0;
        }));
        return create;
    }

    private static Command List()
    {
        var list = new Command("list", "List the keys (never their secrets): id, name, prefix, scopes, created, revoked, last used");
        list.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var keys = await Store(ctx).ListAsync(ct);
            if (ctx.Json)
            {
                ctx.WriteJson(new
                {
                    keys = keys.Select(k => new
                    {
                        id = k.Id, name = k.Name, prefix = k.Prefix, scopes = Names(k.Scopes), created = k.Created, revoked = k.Revoked, last_used = k.LastUsed, active = k.Active,
                    }),
                });
                return 0;
            }
            var table = Tables.Of("id", "name", "prefix", "scopes", "created", "revoked", "last used");
            foreach (var k in keys)
            {
                table.Row(k.Id, k.Name, $"recur_{k.Prefix}_…", ApiScopeNames.Format(k.Scopes), Time(k.Created), Time(k.Revoked), Time(k.LastUsed));
            }
            ctx.Human.Write(table);
            if (keys.Count == 0) ctx.Human.WriteLine("no keys yet (recur keys create NAME --scope predict makes one)");
            return 0;
        }));
        return list;
    }

    private static Command Revoke()
    {
        var key = new Argument<string>("key") { Description = "The key's id or prefix (recur keys list shows both)" };
        var revoke = new Command("revoke", "Revoke a key: servers refuse it within a second") { key };
        revoke.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var which = parse.GetValue(key)!.Trim();
            // A whole key pasted by mistake still names its key, by its prefix.
            if (ApiKeyText.TryReadPrefix(which, out var prefix)) which = prefix.ToString();
            var revoked = await Store(ctx).RevokeAsync(which, ctx.OpenProject().Time.GetUtcNow(), ct);
            if (ctx.Json)
            {
                ctx.WriteJson(new { id = revoked.Id, name = revoked.Name, prefix = revoked.Prefix, revoked = revoked.Revoked });
                return 0;
            }
            ctx.Human.WriteLine($"Revoked key {revoked.Id} '{revoked.Name}' (recur_{revoked.Prefix}_…) at {Time(revoked.Revoked)}; servers refuse it within a second.");
            return 0;
        }));
        return revoke;
    }

    private static IEnumerable<string> Names(ApiScopes scopes) => ApiScopeNames.Format(scopes).Split(',');

    private static string Time(DateTimeOffset? t) => t?.ToString("u", CultureInfo.InvariantCulture) ?? "";
}
