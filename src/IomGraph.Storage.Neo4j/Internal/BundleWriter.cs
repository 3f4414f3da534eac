using System.Globalization;
using System.Text.Json;
using Polly;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Core.Storage.Writing;
using IomGraph.Core.Vocabulary;

namespace IomGraph.Storage.Neo4j.Internal;

/// <summary>
/// Applies one <see cref="CurationWrite"/> (a seed, an import or a curator's) in one explicit transaction that spans a
/// handful of requests, so that it is all or nothing. The rules are Core's (<see cref="PreparedBundle"/>,
/// <see cref="CurationChecks"/>, <see cref="BundleReferences"/>, <see cref="ChangeTimes"/>); this class does the I/O:
/// <list type="number">
/// <item>First request: the change log's lock, the stored state of what the checks need, the stored hash of every id in
/// the bundle, which of the references the bundle needs but does not hold the store lacks, and (seed) the ids the last
/// seed owns.</item>
/// <item>Then: created and updated records only, <c>UNWIND $rows</c> in chunks of <see cref="Neo4jOptions.BatchSize"/>,
/// grouped into as few requests as their size allows; the deletes; a seed also claims its unchanged records and removes
/// the ones it no longer holds. Counts returned by the statements are checked before the commit; a shortfall means a
/// reference vanished and rolls back.</item>
/// <item>Commit.</item>
/// </list>
/// A failure before the commit rolls back and, when <see cref="CypherRetry.IsRetryableWrite"/>, reruns the whole
/// transaction through the store's write pipeline (<see cref="CypherRetry"/>: up to <see cref="Neo4jOptions.MaxRetries"/>
/// times); a failed commit is never repeated, since it may have succeeded.
/// </summary>
internal sealed class BundleWriter(ICypherTransport transport, Neo4jOptions options, TimeProvider time, ResiliencePipeline retry)
{
    private static readonly string[] AllTypes = [.. RelationTypes.Names];

    /// <summary>Applies a write. Refusals are results; the transaction is rolled back.</summary>
    public async Task<WriteResult> WriteAsync(CurationWrite write, CancellationToken cancellationToken)
    {
        try
        {
            var prepared = PreparedBundle.Prepare(write.Upserts);
            return await retry.ExecuteAsync(
                static async (state, token) => await state.Writer.WriteAsync(state.Prepared, state.Write, token),
                (Writer: this, Prepared: prepared, Write: write),
                cancellationToken);
        }
        catch (InvalidBundleException e)
        {
            return e.ToResult();
        }
    }

    private async Task<WriteResult> WriteAsync(PreparedBundle bundle, CurationWrite write, CancellationToken cancellationToken)
    {
        var seed = write.IsSeed;
        var origin = seed ? "seed" : "import";
        var author = write.Author;
        var curation = seed ? null : new CurationChecks(write);
        await using var transaction = await transport.BeginAsync(cancellationToken);

        // ---- the change log's lock first, so that writers serialise before they read; then what the store holds
        var lookups = new List<CypherStatement>();
        var counter = Add(lookups, CypherCatalogue.LockChanges.With(("key", CypherCatalogue.ChangesKey), ("holder", Guid.NewGuid().ToString("N"))));
        var check = curation is { Refs.Count: > 0 } ? Add(lookups, CypherCatalogue.CurationCheck.With(("refs", RefRows(curation.Refs)), ("types", AllTypes))) : -1;
        var sourceHashes = Chunked(lookups, CypherCatalogue.StoredSourceHashes, bundle.Sources.Select(s => s.Id));
        var actorHashes = Chunked(lookups, CypherCatalogue.StoredActorHashes, bundle.Actors.Select(a => a.Id));
        var relationHashes = Chunked(lookups, CypherCatalogue.StoredRelationHashes, bundle.Relations.Select(r => r.Id));
        var (actorRefs, sourceRefs) = BundleReferences.Of(bundle.Bundle);
        var missingActors = actorRefs.Count == 0 ? -1 : Add(lookups, CypherCatalogue.MissingActors.With(("ids", actorRefs), ("take", WriteMessages.MissingListed + 1)));
        var missingSources = sourceRefs.Count == 0 ? -1 : Add(lookups, CypherCatalogue.MissingSources.With(("ids", sourceRefs), ("take", WriteMessages.MissingListed + 1)));
        var owned = seed
            ? new[] { CypherCatalogue.SeedOwnedSources, CypherCatalogue.SeedOwnedActors, CypherCatalogue.SeedOwnedRelations }
                .Select(q => Add(lookups, q.With(("origin", origin)))).ToArray()
            : [];
        var found = await transaction.ExecuteAsync(lookups, cancellationToken);

        if (curation?.CheckStored(StoredState(check < 0 ? null : found[check])) is { } refusal)
        {
            await transaction.RollbackAsync(cancellationToken);
            return refusal;
        }

        if (BundleReferences.Refusal(bundle.Bundle, Ids(missingActors < 0 ? null : found[missingActors]), Ids(missingSources < 0 ? null : found[missingSources])) is { } invalid)
        {
            await transaction.RollbackAsync(cancellationToken);
            throw invalid;
        }

        var deletes = PlannedDeletes.None;
        if (curation is not null)
        {
            var (planned, refused) = curation.PlanDeletes();
            if (refused is not null)
            {
                await transaction.RollbackAsync(cancellationToken);
                return refused;
            }

            deletes = planned;
        }

        var sourceStates = States(bundle.Sources, found, sourceHashes);
        var actorStates = States(bundle.Actors, found, actorHashes);
        var relationStates = States(bundle.Relations, found, relationHashes);

        // ---- the change log: one time for the write, never before the last entry's; sequence numbers in replay order
        var counterRow = found[counter].Rows[0];
        var first = Rows.Long(counterRow[found[counter].Column("next")]);
        var at = ChangeTimes.Stamp(time.GetUtcNow(), new DateTimeOffset(Rows.Long(counterRow[found[counter].Column("lastTicks")]), TimeSpan.Zero));
        var atTicks = at.UtcTicks;
        var log = new (string, object?)[] { ("author", author), ("at", ChangeTimes.ToText(at)), ("atTicks", atTicks) };
        List<string> relationDeletes = seed ? [.. Dropped(found[owned[2]], bundle.Relations)] : [.. deletes.Relations];
        List<string> actorDeletes = seed ? [.. Dropped(found[owned[1]], bundle.Actors)] : [.. deletes.Actors];
        List<string> sourceDeletes = seed ? [.. Dropped(found[owned[0]], bundle.Sources)] : [.. deletes.Sources];
        var sequence = first;
        var sourceSeqs = Sequence(Changed(bundle.Sources, sourceStates).Select(s => s.Id));
        var actorSeqs = Sequence(Changed(bundle.Actors, actorStates).Select(a => a.Id));
        var relationSeqs = Sequence(Changed(bundle.Relations, relationStates).Select(r => r.Id));
        var relationDeleteSeqs = Sequence(relationDeletes);
        var actorDeleteSeqs = Sequence(actorDeletes);
        var sourceDeleteSeqs = Sequence(sourceDeletes);

        // ---- the changes
        var writes = new List<(CypherStatement Statement, string? Column, long Expected)>();
        void Write(CypherStatement statement, string? column = null, long expected = -1) => writes.Add((statement, column, expected));

        WriteRecords(CypherCatalogue.CreateSources, CypherCatalogue.UpdateSources, bundle.Sources, sourceStates, sourceSeqs, SourceRow);
        WriteRecords(CypherCatalogue.CreateActors, CypherCatalogue.UpdateActors, bundle.Actors, actorStates, actorSeqs, ActorRow);

        foreach (var chunk in Ids(bundle.Actors, actorStates, RecordState.Updated).Chunk(options.BatchSize))
        {
            Write(CypherCatalogue.ClearActorCitations.With(("ids", chunk)));
        }

        foreach (var chunk in Changed(bundle.Actors, actorStates).Select(a => Citations(a.Id, a.Record.Sources)).Where(c => c.Count > 0).Chunk(options.BatchSize))
        {
            Write(CypherCatalogue.CreateActorCitations.With(("rows", chunk.Select(c => c.Row).ToList())), "written", chunk.Sum(c => c.Count));
        }

        foreach (var chunk in Ids(bundle.Relations, relationStates, RecordState.Updated).Chunk(options.BatchSize))
        {
            Write(CypherCatalogue.UnlinkRelations.With(("ids", chunk)));
            Write(CypherCatalogue.ClearRelationCitations.With(("ids", chunk)));
        }

        WriteRecords(CypherCatalogue.CreateRelations, CypherCatalogue.UpdateRelations, bundle.Relations, relationStates, relationSeqs, RelationRow);
        foreach (var byType in Changed(bundle.Relations, relationStates).GroupBy(r => r.Record.Type).OrderBy(g => g.Key))
        {
            foreach (var chunk in byType.Chunk(options.BatchSize))
            {
                Write(CypherCatalogue.LinkRelations(byType.Key).With(("rows", chunk.Select(LinkRow).ToList())), "written", chunk.Length);
            }
        }

        foreach (var chunk in Changed(bundle.Relations, relationStates).Select(r => Citations(r.Id, r.Record.Sources)).Where(c => c.Count > 0).Chunk(options.BatchSize))
        {
            Write(CypherCatalogue.CreateRelationCitations.With(("rows", chunk.Select(c => c.Row).ToList())), "written", chunk.Sum(c => c.Count));
        }

        if (seed)
        {
            ClaimUnchanged(CypherCatalogue.ClaimSources, bundle.Sources, sourceStates);
            ClaimUnchanged(CypherCatalogue.ClaimActors, bundle.Actors, actorStates);
            ClaimUnchanged(CypherCatalogue.ClaimRelations, bundle.Relations, relationStates);
        }

        // Relations first: an actor or source goes only once nothing that stays refers to it. A seed's drops are
        // best-effort (an actor a curator's relation still uses stays); a curation write's were checked, so all must go.
        foreach (var chunk in relationDeletes.Chunk(options.BatchSize))
        {
            Write(CypherCatalogue.DeleteRelations.With([("rows", DeleteRows(chunk, relationDeleteSeqs)), .. log]), "deleted", seed ? -1 : chunk.Length);
        }

        foreach (var chunk in actorDeletes.Chunk(options.BatchSize))
        {
            Write(CypherCatalogue.DeleteUnusedActors.With([("rows", DeleteRows(chunk, actorDeleteSeqs)), ("types", AllTypes), .. log]), "deleted", seed ? -1 : chunk.Length);
        }

        foreach (var chunk in sourceDeletes.Chunk(options.BatchSize))
        {
            Write(CypherCatalogue.DeleteUnusedSources.With([("rows", DeleteRows(chunk, sourceDeleteSeqs)), .. log]), "deleted", seed ? -1 : chunk.Length);
        }

        if (seed)
        {
            Write(CypherCatalogue.SaveSeedState.With(
                ("key", CypherCatalogue.SeedKey),
                ("fingerprint", bundle.Fingerprint),
                ("appliedAt", time.GetUtcNow().ToUniversalTime().ToString("O", CultureInfo.InvariantCulture))));
        }

        if (sequence > first)
        {
            Write(CypherCatalogue.AdvanceChanges.With(("key", CypherCatalogue.ChangesKey), ("count", sequence - first), ("atTicks", atTicks)));
        }

        var results = writes.Count == 0 ? [] : await transaction.ExecuteAsync([.. writes.Select(w => w.Statement)], cancellationToken);
        var deleted = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < writes.Count; i++)
        {
            var (statement, column, expected) = writes[i];
            if (column is null)
            {
                continue;
            }

            var result = results[i];
            var count = result.Rows.Count == 0 ? 0 : Rows.Long(result.Rows[0][result.Column(column)]);
            if (expected >= 0 && count != expected)
            {
                // A reference found at the start is gone (a concurrent writer deleted it): refuse the whole bundle.
                await transaction.RollbackAsync(cancellationToken);
                throw new InvalidBundleException(WriteMessages.ReferencesChanged(statement.Query.Name, count, expected));
            }

            if (column == "deleted")
            {
                deleted[statement.Query.Name] = deleted.GetValueOrDefault(statement.Query.Name) + (int)count;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        var counts = new BundleResult(
            Counts(sourceStates, deleted.GetValueOrDefault(CypherCatalogue.DeleteUnusedSources.Name)),
            Counts(actorStates, deleted.GetValueOrDefault(CypherCatalogue.DeleteUnusedActors.Name)),
            Counts(relationStates, deleted.GetValueOrDefault(CypherCatalogue.DeleteRelations.Name)));
        return new WriteResult(WriteStatus.Applied, counts, bundle.Versions());

        Dictionary<string, long> Sequence(IEnumerable<string> ids)
        {
            var numbers = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var id in ids.Order(StringComparer.Ordinal))
            {
                numbers[id] = sequence++;
            }

            return numbers;
        }

        void WriteRecords<T>(
            CypherQuery create, CypherQuery update, IReadOnlyList<Encoded<T>> records, RecordState[] states, Dictionary<string, long> seqs, Func<Encoded<T>, Dictionary<string, object?>> row)
        {
            foreach (var (query, state) in new[] { (create, RecordState.Created), (update, RecordState.Updated) })
            {
                foreach (var chunk in records.Where((_, i) => states[i] == state).Chunk(options.BatchSize))
                {
                    var rows = chunk.Select(r => WithSequence(row(r), seqs[r.Id])).ToList();
                    Write(query.With([("rows", rows), ("origin", origin), .. log]), "written", chunk.Length);
                }
            }
        }

        void ClaimUnchanged<T>(CypherQuery claim, IReadOnlyList<Encoded<T>> records, RecordState[] states)
        {
            foreach (var chunk in Ids(records, states, RecordState.Unchanged).Chunk(options.BatchSize))
            {
                Write(claim.With(("ids", chunk), ("origin", origin)));
            }
        }
    }

    private static Dictionary<string, object?> WithSequence(Dictionary<string, object?> row, long seq)
    {
        row["seq"] = seq;
        return row;
    }

    private static List<Dictionary<string, object?>> DeleteRows(IEnumerable<string> ids, Dictionary<string, long> seqs) =>
        [.. ids.Select(id => new Dictionary<string, object?> { ["id"] = id, ["seq"] = seqs[id] })];

    private static int Add(List<CypherStatement> statements, CypherStatement statement)
    {
        statements.Add(statement);
        return statements.Count - 1;
    }

    /// <summary>Adds one lookup per chunk of ids and returns the positions of their results.</summary>
    private List<int> Chunked(List<CypherStatement> statements, CypherQuery query, IEnumerable<string> ids) =>
        [.. ids.Chunk(options.BatchSize).Select(chunk => Add(statements, query.With(("ids", chunk))))];

    /// <summary>Created, updated or unchanged, by the hash stored under each record's id.</summary>
    private static RecordState[] States<T>(IReadOnlyList<Encoded<T>> records, IReadOnlyList<CypherResult> results, List<int> positions)
    {
        var stored = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var result in positions.Select(p => results[p]))
        {
            var id = result.Column("id");
            var hash = result.Column("hash");
            foreach (var row in result.Rows)
            {
                stored[Rows.RequiredText(row[id])] = Rows.Text(row[hash]);
            }
        }

        return [.. records.Select(r => RecordStates.Of(stored.GetValueOrDefault(r.Id), r.Version))];
    }

    private static IEnumerable<Encoded<T>> Changed<T>(IReadOnlyList<Encoded<T>> records, RecordState[] states) =>
        records.Where((_, i) => states[i] != RecordState.Unchanged);

    private static IEnumerable<string> Ids<T>(IReadOnlyList<Encoded<T>> records, RecordState[] states, RecordState state) =>
        records.Where((_, i) => states[i] == state).Select(r => r.Id);

    private static RecordCounts Counts(RecordState[] states, int deleted) => RecordStates.Count(states, deleted);

    /// <summary>The ids a seed owned that the new seed no longer holds.</summary>
    private static IEnumerable<string> Dropped<T>(CypherResult owned, IReadOnlyList<Encoded<T>> records)
    {
        var kept = records.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var id = owned.Column("id");
        return owned.Rows.Select(row => Rows.RequiredText(row[id])).Where(i => !kept.Contains(i)).Order(StringComparer.Ordinal);
    }

    /// <summary>The ids a lookup of missing references found.</summary>
    private static IEnumerable<string> Ids(CypherResult? missing) =>
        missing is null ? [] : missing.Rows.Select(row => Rows.RequiredText(row[missing.Column("id")]));

    private static List<Dictionary<string, object?>> RefRows(IEnumerable<RecordRef> refs) =>
        [.. refs.Select(r => new Dictionary<string, object?> { ["kind"] = WireNames.Of(r.Kind), ["id"] = r.Id })];

    /// <summary>What <see cref="CypherCatalogue.CurationCheck"/> read: each stored record's hash, the relations that use it and what cites it.</summary>
    private static Dictionary<RecordRef, StoredRecord> StoredState(CypherResult? check)
    {
        var stored = new Dictionary<RecordRef, StoredRecord>();
        if (check is null)
        {
            return stored;
        }

        var (kind, id, hash, relations, citers) =
            (check.Column("kind"), check.Column("id"), check.Column("hash"), check.Column("relations"), check.Column("citers"));
        foreach (var row in check.Rows)
        {
            if (Rows.Text(row[hash]) is { } version)
            {
                stored[new RecordRef(WireNames.Parse<RecordKind>(Rows.RequiredText(row[kind])), Rows.RequiredText(row[id]))] =
                    new StoredRecord(version, [.. Rows.Strings(row[relations])], [.. Citers(row[citers])]);
            }
        }

        return stored;
    }

    private static IEnumerable<RecordRef> Citers(JsonElement list) =>
        list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(c => new RecordRef(WireNames.Parse<RecordKind>(Rows.RequiredText(c.GetProperty("kind"))), Rows.RequiredText(c.GetProperty("id"))))
            : [];

    private static (Dictionary<string, object?> Row, int Count) Citations(string id, IReadOnlyList<Citation>? citations)
    {
        var sourceIds = (citations ?? []).Select(c => c.SourceId).Distinct(StringComparer.Ordinal).ToList();
        return (new Dictionary<string, object?> { ["id"] = id, ["sourceIds"] = sourceIds }, sourceIds.Count);
    }

    private static Dictionary<string, object?> SourceRow(Encoded<Source> source) => new()
    {
        ["id"] = source.Id,
        ["doc"] = source.Json,
        ["hash"] = source.Version,
    };

    private static Dictionary<string, object?> ActorRow(Encoded<Actor> actor) => new()
    {
        ["id"] = actor.Id,
        ["name"] = actor.Record.Name,
        ["label"] = actor.Record.Label,
        ["shortName"] = actor.Record.ShortName,
        ["plural"] = actor.Record.Plural,
        ["kind"] = ActorKinds.NameOf(actor.Record.Kind),
        ["sortKey"] = TextFolding.Fold(actor.Record.Name),
        ["searchNames"] = TextFolding.SearchNames(actor.Record),
        ["doc"] = actor.Json,
        ["hash"] = actor.Version,
    };

    private static Dictionary<string, object?> LinkRow(Encoded<Relation> relation) => new()
    {
        ["id"] = relation.Id,
        ["from"] = relation.Record.From,
        ["to"] = relation.Record.To,
        ["startKey"] = Validity.StartKey(relation.Record),
        ["endKey"] = Validity.EndKey(relation.Record.End),
        ["confidence"] = (int)relation.Record.Confidence,
    };

    private static Dictionary<string, object?> RelationRow(Encoded<Relation> relation) => new()
    {
        ["id"] = relation.Id,
        ["type"] = RelationTypes.NameOf(relation.Record.Type),
        ["from"] = relation.Record.From,
        ["to"] = relation.Record.To,
        ["startKey"] = Validity.StartKey(relation.Record),
        ["endKey"] = Validity.EndKey(relation.Record.End),
        ["confidence"] = (int)relation.Record.Confidence,
        ["doc"] = relation.Json,
        ["hash"] = relation.Version,
    };
}
