using Recur.Core;
using Recur.Core.Project;
using Recur.Pipeline.Transfer;

namespace Recur.Pipeline.Config;

/// <summary>
/// Load-time checks of <c>training.transfer</c>: the source reference's form, the reuse mode and the source project's
/// folder. Whether the source exists and fits this project's data is checked when training starts
/// (<see cref="TransferCheck"/>), before any fitting. Errors name the key and its line.
/// </summary>
internal static class TransferValidation
{
    public static void Validate(ProjectConfig config, string text, string root)
    {
        var t = config.Training.Transfer;
        if (!t.IsOn)
        {
            if (t.Project.Length > 0 || YamlBinder.Locate(text, "training", "transfer", "reuse") is not null)
            {
                throw Error(text, "training.transfer.from", "training.transfer.from: name the source model (NAME@ALIAS or NAME:VERSION)");
            }
            return;
        }
        if (!SourceReference.TryParse(t.From, out _)) throw Error(text, "training.transfer.from", $"training.transfer.from: '{t.From}' is not NAME@ALIAS or NAME:VERSION (e.g. sentiment-source@champion or sentiment-source:3)");
        if (!TransferConfig.ReuseNames.Contains(t.Reuse))
        {
            throw Error(text, "training.transfer.reuse", $"training.transfer.reuse: '{t.Reuse}' is not one of: {string.Join(", ", TransferConfig.ReuseNames)}");
        }
        if (t.Project.Length > 0 && !File.Exists(Path.Combine(root, t.Project, RecurProject.FileName)))
        {
            throw Error(text, "training.transfer.project", $"training.transfer.project: no project folder '{t.Project}' (no {RecurProject.FileName} there)");
        }
        if (config.Framing.Overfit.Enabled) throw Error(text, "training.transfer", "training.transfer: a transfer trains a head on a small sample; it cannot be combined with framing.overfit");
    }

    private static RecurException Error(string text, string key, string message) => ConfigLocation.AtLine(RecurException.Invalid("recur.yaml: " + message, key), text);
}
