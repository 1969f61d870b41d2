using Recur.Core.Data;
using Recur.Core.Lake;

namespace Recur.Lake.Ingest;

/// <summary>What a parse produced: the good rows as a typed table, and the rows set aside with their reasons.</summary>
public sealed record ParsedTable(DataTable Table, IReadOnlyList<QuarantinedRow> Quarantined);
