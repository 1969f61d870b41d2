using Recur.Core.Data;
using Recur.Core.Lake;

namespace Recur.Lake.Ingest;

/// <summary>
/// What a parse produced: the good rows as a typed table, the rows set aside with their reasons, where
/// every physical line went (null unless the source is delimited text), and warnings naming a file and line.
/// </summary>
public sealed record ParsedTable(DataTable Table, IReadOnlyList<QuarantinedRow> Quarantined, LineAccount? Lines = null, IReadOnlyList<string>? Warnings = null);
