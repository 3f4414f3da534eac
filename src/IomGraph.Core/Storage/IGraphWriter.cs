namespace IomGraph.Core.Storage;

/// <summary>
/// The write port of a graph store: one write path for seeds, imports and curators (<see cref="CurationWrite"/>), each
/// write one transaction, all of it or none of it, logged in the change log under its author. An unreachable database
/// is <see cref="StoreUnavailableException"/>; every refusal is a <see cref="WriteResult"/>, never an exception.
/// </summary>
/// <remarks>
/// Seeds and curators share the graph by one rule. A seed (<see cref="CurationWrite.Seed"/>) removes only records whose
/// last write was a seed's; every other write marks what it writes as its own, so a seed never removes a record that a
/// curator or an import created or changed since. A seed that still holds a record writes its version of it: the seed
/// files are the source of truth for what they hold. That replacement is never silent: the change log keeps it under
/// the author "seed" with the curator's version as before, and <see cref="WriteResult.Overwritten"/> counts it. To keep
/// a curator's change, put it in the seed files (an export gives the records in their format).
/// </remarks>
public interface IGraphWriter
{
    /// <summary>Creates or migrates the schema, constraints and indexes. Safe to call on every start.</summary>
    Task InitialiseAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies a write atomically: every precondition holds and every upsert and delete is applied, recorded in the
    /// change log under <see cref="CurationWrite.Author"/>, or nothing changes. Records equal to what is stored are not
    /// rewritten and leave no change entry. Validation of the records themselves is the caller's (see
    /// <see cref="Validation.BundleValidator"/>); referential integrity is checked here again, inside the transaction,
    /// by the rules of <see cref="Writing.CurationChecks"/>. A seed also removes the seed-owned records it no longer
    /// holds (relations first; an actor or source that a record which stays still uses is kept) and records the
    /// bundle's fingerprint (<see cref="IGraphReader.GetSeedStateAsync"/>).
    /// </summary>
    Task<WriteResult> WriteAsync(CurationWrite write, CancellationToken cancellationToken = default);
}
