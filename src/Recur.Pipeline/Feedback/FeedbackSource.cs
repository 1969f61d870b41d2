using System.Security.Cryptography;
using Recur.Core;
using Recur.Core.Monitoring;
using Recur.Serving.Feedback;

namespace Recur.Pipeline.Feedback;

/// <summary>What became of one file of the watched source at a poll.</summary>
/// <param name="Path">The file, relative to the project.</param>
/// <param name="Sha256">Its content hash.</param>
/// <param name="Status"><c>ingested</c>; <c>seen</c> (this content was ingested before, under this or another name: skipped);
/// <c>changed</c> (a file read before under this name now holds other content: the new content is ingested, and labels
/// read before count as duplicates); <c>failed</c> (not readable: nothing stored, retried at the next poll).</param>
/// <param name="Counts">The classification of its labels; null unless ingested or changed.</param>
/// <param name="Refused">Rows whose label does not fit the model (not stored).</param>
/// <param name="Message">Why it failed or what changed; null otherwise.</param>
public sealed record FeedbackFileResult(string Path, string Sha256, string Status, FeedbackCounts? Counts, int Refused, string? Message);

/// <summary>One poll of the watched source: every file seen and the counts over those ingested.</summary>
/// <param name="Source">The configured folder or glob.</param>
/// <param name="Files">Each file, in name order.</param>
/// <param name="Counts">The labels ingested at this poll.</param>
public sealed record FeedbackPoll(string Source, IReadOnlyList<FeedbackFileResult> Files, FeedbackCounts Counts);

/// <summary>
/// The watched feedback source (<c>monitoring.feedback.source</c>): a folder of CSV files or a glob. Each poll ingests
/// every file whose content was not ingested before, exactly once: files are known by the SHA-256 of their content,
/// recorded in the same transaction as their labels, so a rename, a rerun or two pollers never count a file twice.
/// Write a file under another name and rename it into the folder, so a poll never reads half of it.
/// </summary>
public static class FeedbackSource
{
    /// <summary>Ingests the new files of the project's source; an error naming the key when no source is configured.</summary>
    public static async Task<FeedbackPoll> PollAsync(RecurProject project, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        var config = project.Config.Monitoring.Feedback;
        if (string.IsNullOrWhiteSpace(config.Source))
        {
            throw RecurException.Invalid("recur.yaml: monitoring.feedback.source is not set (a folder such as data/feedback/, or a glob such as data/feedback/*.csv)", "monitoring.feedback.source");
        }
        var rules = FeedbackRules.From(config);
        var plan = await LabelClasses.OfAsync(project.Registry, project.Models, project.Config.Name, ct);
        var known = await project.Feedback.ReadFilesAsync(ct);
        var hashes = known.Select(f => f.Sha256).ToHashSet(StringComparer.Ordinal);
        var results = new List<FeedbackFileResult>();
        var total = new FeedbackCounts();
        foreach (var file in Files(project, config.Source))
        {
            ct.ThrowIfCancellationRequested();
            var relative = Path.GetRelativePath(project.Root, file).Replace('\\', '/');
            var hash = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(file, ct)));
            if (hashes.Contains(hash))
            {
                results.Add(new FeedbackFileResult(relative, hash, "seen", null, 0, null));
                continue;
            }
            var changed = known.Any(f => f.Path == relative);
            try
            {
                var now = project.Time.GetUtcNow();
                var content = FeedbackCsv.Read(file, relative, plan, config.KeyColumn, config.LabelColumn, config.TimeColumn, false, now);
                var record = new FeedbackFile(hash, relative, content.Labels.Count, now);
                var counts = await FeedbackIntake.IngestAsync(project.Feedback, project.Log, project.Config.Name, content.Labels, rules, now, "source:" + relative, record, ct);
                if (counts is null)
                {
                    results.Add(new FeedbackFileResult(relative, hash, "seen", null, 0, "ingested by another poll at the same time"));
                    continue;
                }
                hashes.Add(hash);
                total.Add(counts);
                results.Add(new FeedbackFileResult(relative, hash, changed ? "changed" : "ingested", counts, content.Refused.Count,
                    changed ? "the file changed after it was read: its new content was ingested (labels read before count as duplicates)" : null));
            }
            catch (RecurException e) when (e.Kind == FailureKind.InvalidInput)
            {
                results.Add(new FeedbackFileResult(relative, hash, "failed", null, 0, e.Message));
            }
        }
        return new FeedbackPoll(config.Source, results, total);
    }

    /// <summary>The source's files in name order: every <c>*.csv</c> of a folder, or the files a glob's last part matches.</summary>
    public static IReadOnlyList<string> Files(RecurProject project, string source)
    {
        ArgumentNullException.ThrowIfNull(project);
        var full = project.Resolve(source);
        if (Directory.Exists(full)) return Sorted(Directory.EnumerateFiles(full, "*.csv"));
        var folder = Path.GetDirectoryName(full)!;
        var pattern = Path.GetFileName(full);
        if (pattern.Contains('*', StringComparison.Ordinal) || pattern.Contains('?', StringComparison.Ordinal))
        {
            return Directory.Exists(folder) ? Sorted(Directory.EnumerateFiles(folder, pattern)) : [];
        }
        if (File.Exists(full)) return [full];
        throw RecurException.Invalid($"recur.yaml: monitoring.feedback.source '{source}' is neither a folder, a file nor a glob that exists", "monitoring.feedback.source");
    }

    private static List<string> Sorted(IEnumerable<string> files) => files.Order(StringComparer.Ordinal).ToList();
}
