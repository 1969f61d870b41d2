using Recur.Core;
using Recur.Core.Security;

namespace Recur.Tests.Core.Security;

public sealed class ApiScopeNamesTests
{
    [Fact]
    public void Parse_CommaSeparatedNames_AreTheScopes() =>
        Assert.Equal(ApiScopes.Predict | ApiScopes.Feedback, ApiScopeNames.Parse(" predict, Feedback ", "--scope"));

    [Fact]
    public void Parse_UnknownScope_NamesItAndTheScopesThereAre()
    {
        var e = Assert.Throws<RecurException>(() => ApiScopeNames.Parse("predict,write", "--scope"));

        Assert.Equal("--scope: 'write' is not a scope (scopes: predict, feedback, admin)", e.Message);
    }

    [Fact]
    public void Parse_Nothing_IsInvalid() => Assert.Throws<RecurException>(() => ApiScopeNames.Parse(" , ", "--scope"));

    [Fact]
    public void Format_Scopes_AreNamesInCatalogueOrder() =>
        Assert.Equal("predict,admin", ApiScopeNames.Format(ApiScopes.Admin | ApiScopes.Predict));

    [Theory]
    [InlineData(ApiScopes.Predict, ApiScopes.Predict, true)]
    [InlineData(ApiScopes.Predict, ApiScopes.Feedback, false)]
    [InlineData(ApiScopes.Feedback, ApiScopes.Predict, false)]
    [InlineData(ApiScopes.Predict | ApiScopes.Feedback, ApiScopes.Feedback, true)]
    [InlineData(ApiScopes.Predict | ApiScopes.Feedback, ApiScopes.Admin, false)]
    [InlineData(ApiScopes.Admin, ApiScopes.Predict, true)]
    [InlineData(ApiScopes.Admin, ApiScopes.Feedback, true)]
    [InlineData(ApiScopes.Admin, ApiScopes.Admin, true)]
    public void Grants_HeldAndRequired_AdminImpliesTheOthers(ApiScopes held, ApiScopes required, bool granted) =>
        Assert.Equal(granted, ApiScopeNames.Grants(held, required));
}
