using Recur.Core;
using Recur.Core.Project;
using Recur.Serving.Routing;

namespace Recur.Pipeline.Config;

/// <summary>
/// The routes declared in a project's recur.yaml, read again (and the whole file validated again) when its size or
/// write time changes, so a running server picks up an edited <c>serving.routes</c> without a restart.
/// </summary>
public sealed class ProjectRouteSource(ProjectDefinition project) : IRouteConfigSource
{
    private string Path => System.IO.Path.Combine(project.Layout.Root, RecurProject.FileName);

    /// <inheritdoc />
    public string DefaultModel => project.Config.Name;

    /// <inheritdoc />
    public string Stamp()
    {
        var file = new FileInfo(Path);
        return file.Exists ? $"{file.Length}:{file.LastWriteTimeUtc.Ticks}" : "absent";
    }

    /// <inheritdoc />
    public IReadOnlyList<RouteConfig> Read() => ProjectConfigLoader.Load(Path).Config.Serving.Routes;

    /// <inheritdoc />
    public RecurException Locate(RecurException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            return ConfigLocation.AtLine(error, File.ReadAllText(Path));
        }
        catch (IOException)
        {
            return error;
        }
    }
}
