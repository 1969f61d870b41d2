namespace Recur.Storage.Postgres;

/// <summary>
/// One step of a module's schema: applied once, in version order, inside a transaction, and recorded in
/// <c>recur_schema</c>. Modules (catalog, registry, log, keys, ...) version independently, so adding a table
/// to one never renumbers another's steps. A step, once released, is never edited: a change is a new step.
/// </summary>
/// <param name="Module">The module's name (lower case), e.g. <c>registry</c>.</param>
/// <param name="Version">1, 2, 3, ... within the module.</param>
/// <param name="Sql">The DDL; it may hold several statements.</param>
public sealed record PostgresMigration(string Module, int Version, string Sql);
