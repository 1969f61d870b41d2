using Recur.Core;
using Recur.Pipeline.Config;

namespace Recur.Tests.Pipeline.Config;

public sealed class RegistryValidationTests
{
    [Fact]
    public void Load_Webhooks_ReadsThem()
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml",
            "name: m\nlabel: y\nregistry:\n  webhooks:\n    - url: https://hooks.example.com/recur\n      events: [registered, alias_moved]\n      secret_env: RECUR_WEBHOOK_SECRET\n");

        var (config, _) = ProjectConfigLoader.Load(path);

        var hook = Assert.Single(config.Registry.Webhooks);
        Assert.Equal(("https://hooks.example.com/recur", "RECUR_WEBHOOK_SECRET", 3), (hook.Url, hook.SecretEnv, hook.Attempts));
        Assert.True(hook.Wants("promoted"));
        Assert.False(hook.Wants("tag_set"));
    }

    [Fact]
    public void Load_UnknownEvent_FailsNamingTheKeyAndLine()
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", "name: m\nlabel: y\nregistry:\n  webhooks:\n    - url: http://localhost:9/x\n      events:\n        - registered\n        - deleted\n");

        var e = Assert.Throws<RecurException>(() => ProjectConfigLoader.Load(path));

        Assert.Equal("registry.webhooks[0].events[1]", e.Field);
        Assert.Contains("line 8", e.Message, StringComparison.Ordinal);
        Assert.Contains("'deleted' is not an event", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RelativeUrl_FailsNamingTheUrl()
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", "name: m\nlabel: y\nregistry:\n  webhooks:\n    - url: hooks/recur\n");

        var e = Assert.Throws<RecurException>(() => ProjectConfigLoader.Load(path));

        Assert.Equal("registry.webhooks[0].url", e.Field);
        Assert.Contains("line 5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SecretInsteadOfVariableName_FailsNamingSecretEnv()
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", "name: m\nlabel: y\nregistry:\n  webhooks:\n    - url: http://localhost:9/x\n      secret_env: s3cr3t-value!\n");

        Assert.Equal("registry.webhooks[0].secret_env", Assert.Throws<RecurException>(() => ProjectConfigLoader.Load(path)).Field);
    }
}
