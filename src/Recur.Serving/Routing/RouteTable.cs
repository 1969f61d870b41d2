using Recur.Core.Project;

namespace Recur.Serving.Routing;

/// <summary>The routes in force: a revision number, when it was loaded, and the compiled routes.</summary>
/// <param name="Revision">Counts the route sets loaded by this process (1 for the first).</param>
/// <param name="LoadedAt">When this revision came into force.</param>
/// <param name="Routes">The compiled routes.</param>
public sealed record RouteTable(int Revision, DateTimeOffset LoadedAt, IReadOnlyList<Route> Routes)
{
    /// <summary>The route of a model by name, or null.</summary>
    public Route? Find(string model, string name) =>
        Routes.FirstOrDefault(r => r.Model.Equals(model, StringComparison.Ordinal) && r.Name.Equals(name, StringComparison.Ordinal));

    /// <summary>The names of a model's routes.</summary>
    public IEnumerable<string> NamesOf(string model) => Routes.Where(r => r.Model == model).Select(r => r.Name);

    /// <summary>The route a request without <c>?route=</c> uses, or null when the model has none.</summary>
    public Route? Default(string model) => Find(model, RouteConfig.DefaultName);
}

/// <summary>Where the declared routes come from (recur.yaml), read again when they may have changed.</summary>
public interface IRouteConfigSource
{
    /// <summary>The model of routes that name none.</summary>
    string DefaultModel { get; }

    /// <summary>A cheap value that changes whenever the declaration may have changed (e.g. the file's size and write time).</summary>
    string Stamp();

    /// <summary>Reads the declared routes, validated as recur.yaml loads; throws with the line and key of a problem.</summary>
    IReadOnlyList<RouteConfig> Read();

    /// <summary>The error with the line of the key it names in the declaration, where it can be found.</summary>
    Recur.Core.RecurException Locate(Recur.Core.RecurException error);
}
