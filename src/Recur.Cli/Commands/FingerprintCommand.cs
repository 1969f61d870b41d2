using System.CommandLine;
using Recur.Core.Hashing;
using Recur.Lake.Splitting;
using Recur.Pipeline;

namespace Recur.Cli.Commands;

/// <summary><c>recur fingerprint VALUE...</c>: FarmHash Fingerprint64 as BigQuery's FARM_FINGERPRINT, and the split inside a project.</summary>
internal static class FingerprintCommand
{
    public static Command Create()
    {
        var values = new Argument<string[]>("values") { Description = "Values to hash (their UTF-8 bytes)", Arity = ArgumentArity.OneOrMore };
        var command = new Command("fingerprint", "Print FARM_FINGERPRINT of each value and, inside a project, the split it falls in") { values };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, ctx =>
        {
            var share = File.Exists(Path.Combine(ctx.ProjectDir, RecurProject.FileName)) ? ctx.OpenProject().Config.Split.Validation : (double?)null;
            var rows = parse.GetValue(values)!.Select(v =>
            {
                var fp = Fingerprint64.Hash(v);
                return new
                {
                    value = v,
                    fingerprint64 = fp,
                    bucket = Fingerprint64.Bucket(fp, FingerprintSplitter.Buckets),
                    split = share is { } s ? (FingerprintSplitter.IsValidation(v, s) ? "validation" : "train") : null,
                };
            }).ToList();
            if (ctx.Json)
            {
                ctx.WriteJson(rows.Select(r => r.split is null
                    ? (object)new { r.value, r.fingerprint64 }
                    : new { r.value, r.fingerprint64, r.bucket, r.split }));
                return Task.FromResult(0);
            }
            foreach (var r in rows) Console.Out.WriteLine(r.split is null ? $"{r.value}\t{r.fingerprint64}" : $"{r.value}\t{r.fingerprint64}\t{r.split}");
            return Task.FromResult(0);
        }));
        return command;
    }
}
