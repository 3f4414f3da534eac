using System.Globalization;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Core.Vocabulary;

namespace IomGraph.Storage.Neo4j.Internal;

/// <summary>
/// Applies a bundle in one explicit transaction that spans a handful of requests, so that it is all or nothing:
/// <list type="number">
/// <item>Before any request: reject ids held twice, encode every record (canonical JSON, SHA-256) in parallel.</item>
/// <item>First request: the stored hash of every id in the bundle, references the bundle needs but does not hold that the
/// store lacks, and (seed) the ids the last seed owns. A missing reference rolls back with nothing written.</item>
/// <item>Then: created and updated records only, <c>UNWIND $rows</c> in chunks of <see cref="Neo4jOptions.BatchSize"/>,
/// grouped into as few requests as their size allows; a seed also claims its unchanged records and removes the ones it no
/// longer holds. Counts returned by the statements are checked before the commit; a shortfall means a reference vanished
/// and rolls back.</item>
/// <item>Commit.</item>
/// </list>
/// A failure before the commit rolls back and, when transient, reruns the whole transaction (up to
/// <see cref="Neo4jOptions.MaxRetries"/> times); a failed commit is never repeated, since it may have succeeded.
/// </summary>
internal sealed class BundleWriter(ICypherTransport transport, Neo4jOptions options, TimeProvider time)
{
    private const int Unchanged = 0;
    private const int Created = 1;
    private const int Updated = 2;

    private static readonly string[] AllTypes = [.. RelationTypes.Names];

    /// <summary>The change-log time format: fixed-width UTC with every tick, as the SQLite store writes it.</summary>
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public async Task<BundleResult> ApplyAsync(GraphBundle bundle, BundleMode mode, CancellationToken cancellationToken)
    {
        var prepared = Prepare(bundle);
        var author = mode == BundleMode.Seed ? "seed" : "import";
        var result = await RetryAsync(() => WriteAsync(prepared, mode, author, null, cancellationToken), cancellationToken);
        return result.Counts;
    }

    /// <summary>
    /// Applies a curation write: the bundle path in import mode, with the write's checks first and its deletes after the
    /// upserts, in the same transaction. Refusals are results; the transaction is rolled back.
    /// </summary>
    public async Task<WriteResult> WriteAsync(CurationWrite write, CancellationToken cancellationToken)
    {
        try
        {
            var prepared = Prepare(write.Upserts);
            return await RetryAsync(() => WriteAsync(prepared, BundleMode.Import, write.Author, new CurationPlan(write), cancellationToken), cancellationToken);
        }
        catch (InvalidBundleException e)
        {
            return WriteResult.Failed(WriteStatus.Invalid, e.Message, e.Offender);
        }
    }

    private async Task<WriteResult> RetryAsync(Func<Task<WriteResult>> write, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await write();
            }
            catch (Exception e) when (attempt < options.MaxRetries && IsRetryable(e))
            {
                var delay = options.RetryDelay * Math.Pow(2, attempt);
                await Task.Delay(delay, time, cancellationToken);
            }
        }
    }

    private static bool IsRetryable(Exception e) => e switch
    {
        Neo4jUnavailableException unavailable => !unavailable.CommitOutcomeUnknown,
        // A concurrent writer created an id this bundle found missing: run again, and it will be found.
        CypherException cypher => cypher.IsTransient || cypher.IsConstraintViolation,
        _ => false,
    };

    private sealed record Encoded<T>(T Record, string Id, string Json, byte[] Hash)
    {
        public string HexHash { get; } = Convert.ToHexStringLower(Hash);
    }

    private sealed record Prepared(List<Encoded<Source>> Sources, List<Encoded<Actor>> Actors, List<Encoded<Relation>> Relations, string Fingerprint);

    private static Prepared Prepare(GraphBundle bundle)
    {
        RejectDuplicates(bundle.Sources.Select(s => s.Id), "source");
        RejectDuplicates(bundle.Actors.Select(a => a.Id), "actor");
        RejectDuplicates(bundle.Relations.Select(r => r.Id), "relation");
        var sources = Encode(bundle.Sources, s => s.Id, CanonicalJson.Encode);
        var actors = Encode(bundle.Actors, a => a.Id, CanonicalJson.Encode);
        var relations = Encode(bundle.Relations, r => r.Id, CanonicalJson.Encode);
        var fingerprint = CanonicalJson.Fingerprint(
            sources.Select(s => (s.Id, s.Hash)), actors.Select(a => (a.Id, a.Hash)), relations.Select(r => (r.Id, r.Hash)));
        return new Prepared(sources, actors, relations, fingerprint);
    }

    private static void RejectDuplicates(IEnumerable<string> ids, string what)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (!seen.Add(id))
            {
                throw new InvalidBundleException($"The bundle holds {what} '{id}' more than once.", CurationPlan.Ref(what, id));
            }
        }
    }

    /// <summary>Serialising and hashing is most of the client's work on a large bundle and needs no server: use every core.</summary>
    private static List<Encoded<T>> Encode<T>(IReadOnlyList<T> records, Func<T, string> id, Func<T, EncodedRecord> encode)
    {
        var encoded = new Encoded<T>[records.Count];
        Parallel.For(0, records.Count, new ParallelOptions { MaxDegreeOfParallelism = records.Count < 256 ? 1 : -1 }, i =>
        {
            var record = encode(records[i]);
            encoded[i] = new Encoded<T>(records[i], id(records[i]), record.Json, record.Hash);
        });
        return [.. encoded];
    }

    private async Task<WriteResult> WriteAsync(Prepared bundle, BundleMode mode, string author, CurationPlan? curation, CancellationToken cancellationToken)
    {
        var seed = mode == BundleMode.Seed;
        var origin = seed ? "seed" : "import";
        await using var transaction = await transport.BeginAsync(cancellationToken);

        // ---- the change log's lock first, so that writers serialise before they read; then what the store holds
        var lookups = new List<CypherStatement>();
        var counter = Add(lookups, CypherCatalogue.LockChanges.With(("key", CypherCatalogue.ChangesKey), ("holder", Guid.NewGuid().ToString("N"))));
        var check = curation is { Refs.Count: > 0 } ? Add(lookups, CypherCatalogue.CurationCheck.With(("refs", curation.RefRows()), ("types", AllTypes))) : -1;
        var sourceHashes = Chunked(lookups, CypherCatalogue.StoredSourceHashes, bundle.Sources.Select(s => s.Id));
        var actorHashes = Chunked(lookups, CypherCatalogue.StoredActorHashes, bundle.Actors.Select(a => a.Id));
        var relationHashes = Chunked(lookups, CypherCatalogue.StoredRelationHashes, bundle.Relations.Select(r => r.Id));
        var (actorRefs, sourceRefs) = ExternalReferences(bundle);
        var missingActors = actorRefs.Count == 0 ? -1 : Add(lookups, CypherCatalogue.MissingActors.With(("ids", actorRefs), ("take", 6)));
        var missingSources = sourceRefs.Count == 0 ? -1 : Add(lookups, CypherCatalogue.MissingSources.With(("ids", sourceRefs), ("take", 6)));
        var owned = seed
            ? new[] { CypherCatalogue.SeedOwnedSources, CypherCatalogue.SeedOwnedActors, CypherCatalogue.SeedOwnedRelations }
                .Select(q => Add(lookups, q.With(("origin", origin)))).ToArray()
            : [];
        var found = await transaction.ExecuteAsync(lookups, cancellationToken);

        if (curation?.CheckStored(check < 0 ? null : found[check]) is { } refusal)
        {
            await transaction.RollbackAsync(cancellationToken);
            return refusal;
        }

        var missing = new List<(string Message, RecordRef Offender)>();
        if (missingActors >= 0)
        {
            missing.AddRange(Problems(bundle, found[missingActors], "actor"));
        }

        if (missingSources >= 0)
        {
            missing.AddRange(Problems(bundle, found[missingSources], "source"));
        }

        if (missing.Count > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            throw new InvalidBundleException(
                string.Join(' ', missing.Take(5).Select(m => m.Message)) + (missing.Count > 5 ? " (and more)" : string.Empty), missing[0].Offender);
        }

        var deletes = CurationPlan.Deletes.None;
        if (curation is not null)
        {
            var (planned, refused) = curation.PlanDeletes(bundle.Actors.Select(a => a.Record), bundle.Relations.Select(r => r.Record));
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
        var atTicks = Math.Max(time.GetUtcNow().UtcTicks, Rows.Long(counterRow[found[counter].Column("lastTicks")]));
        var log = new (string, object?)[]
        {
            ("author", author), ("at", new DateTime(atTicks, DateTimeKind.Utc).ToString(TimeFormat, CultureInfo.InvariantCulture)), ("atTicks", atTicks),
        };
        List<string> relationDeletes = seed ? [.. Dropped(found[owned[2]], bundle.Relations)] : deletes.Relations;
        List<string> actorDeletes = seed ? [.. Dropped(found[owned[1]], bundle.Actors)] : deletes.Actors;
        List<string> sourceDeletes = seed ? [.. Dropped(found[owned[0]], bundle.Sources)] : deletes.Sources;
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

        foreach (var chunk in Ids(bundle.Actors, actorStates, Updated).Chunk(options.BatchSize))
        {
            Write(CypherCatalogue.ClearActorCitations.With(("ids", chunk)));
        }

        foreach (var chunk in Changed(bundle.Actors, actorStates).Select(a => Citations(a.Id, a.Record.Sources)).Where(c => c.Count > 0).Chunk(options.BatchSize))
        {
            Write(CypherCatalogue.CreateActorCitations.With(("rows", chunk.Select(c => c.Row).ToList())), "written", chunk.Sum(c => c.Count));
        }

        foreach (var chunk in Ids(bundle.Relations, relationStates, Updated).Chunk(options.BatchSize))
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
                throw new InvalidBundleException(
                    $"The bundle's references changed while it was written: {statement.Query.Name} wrote {count} of {expected}. Nothing was written.");
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
        var versions = new Dictionary<RecordRef, string>();
        foreach (var source in bundle.Sources)
        {
            versions[RecordRef.SourceOf(source.Id)] = source.HexHash;
        }

        foreach (var actor in bundle.Actors)
        {
            versions[RecordRef.ActorOf(actor.Id)] = actor.HexHash;
        }

        foreach (var relation in bundle.Relations)
        {
            versions[RecordRef.RelationOf(relation.Id)] = relation.HexHash;
        }

        return new WriteResult(WriteStatus.Applied, counts, versions);

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
            CypherQuery create, CypherQuery update, List<Encoded<T>> records, int[] states, Dictionary<string, long> seqs, Func<Encoded<T>, Dictionary<string, object?>> row)
        {
            foreach (var (query, state) in new[] { (create, Created), (update, Updated) })
            {
                foreach (var chunk in records.Where((_, i) => states[i] == state).Chunk(options.BatchSize))
                {
                    var rows = chunk.Select(r => WithSequence(row(r), seqs[r.Id])).ToList();
                    Write(query.With([("rows", rows), ("origin", origin), .. log]), "written", chunk.Length);
                }
            }
        }

        void ClaimUnchanged<T>(CypherQuery claim, List<Encoded<T>> records, int[] states)
        {
            foreach (var chunk in Ids(records, states, Unchanged).Chunk(options.BatchSize))
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
    private static int[] States<T>(List<Encoded<T>> records, IReadOnlyList<CypherResult> results, List<int> positions)
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

        return [.. records.Select(r => stored.TryGetValue(r.Id, out var hash) ? hash == r.HexHash ? Unchanged : Updated : Created)];
    }

    private static IEnumerable<Encoded<T>> Changed<T>(List<Encoded<T>> records, int[] states) =>
        records.Where((_, i) => states[i] != Unchanged);

    private static IEnumerable<string> Ids<T>(List<Encoded<T>> records, int[] states, int state) =>
        records.Where((_, i) => states[i] == state).Select(r => r.Id);

    private static RecordCounts Counts(int[] states, int deleted) =>
        new(states.Count(s => s == Created), states.Count(s => s == Updated), states.Count(s => s == Unchanged), deleted);

    /// <summary>The ids a seed owned that the new seed no longer holds.</summary>
    private static IEnumerable<string> Dropped<T>(CypherResult owned, List<Encoded<T>> records)
    {
        var kept = records.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var id = owned.Column("id");
        return owned.Rows.Select(row => Rows.RequiredText(row[id])).Where(i => !kept.Contains(i)).Order(StringComparer.Ordinal);
    }

    /// <summary>The actors and sources the bundle refers to but does not hold: the store must hold them.</summary>
    private static (List<string> Actors, List<string> Sources) ExternalReferences(Prepared bundle)
    {
        var actors = bundle.Actors.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var sources = bundle.Sources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var actorRefs = bundle.Relations.SelectMany(r => new[] { r.Record.From, r.Record.To }).Where(id => !actors.Contains(id)).Distinct(StringComparer.Ordinal).ToList();
        var sourceRefs = bundle.Actors.SelectMany(a => a.Record.Sources ?? []).Concat(bundle.Relations.SelectMany(r => r.Record.Sources))
            .Select(c => c.SourceId).Where(id => !sources.Contains(id)).Distinct(StringComparer.Ordinal).ToList();
        return (actorRefs, sourceRefs);
    }

    /// <summary>
    /// "Relation 'x' refers to actor 'y', which neither the bundle nor the store holds." for each missing id, with the
    /// record that refers to it.
    /// </summary>
    private static IEnumerable<(string Message, RecordRef Offender)> Problems(Prepared bundle, CypherResult missing, string what)
    {
        foreach (var id in missing.Rows.Select(row => Rows.RequiredText(row[missing.Column("id")])))
        {
            var holder = what == "actor"
                ? bundle.Relations.Where(r => r.Record.From == id || r.Record.To == id).Select(r => RecordRef.RelationOf(r.Id)).First()
                : bundle.Relations.Where(r => r.Record.Sources.Any(c => c.SourceId == id)).Select(r => RecordRef.RelationOf(r.Id))
                    .Concat(bundle.Actors.Where(a => a.Record.Sources?.Any(c => c.SourceId == id) == true).Select(a => RecordRef.ActorOf(a.Id)))
                    .First();
            var name = holder.Kind == RecordKind.Actor ? "Actor" : "Relation";
            yield return ($"{name} '{holder.Id}' refers to {what} '{id}', which neither the bundle nor the store holds.", holder);
        }
    }

    private static (Dictionary<string, object?> Row, int Count) Citations(string id, IReadOnlyList<Citation>? citations)
    {
        var sourceIds = (citations ?? []).Select(c => c.SourceId).Distinct(StringComparer.Ordinal).ToList();
        return (new Dictionary<string, object?> { ["id"] = id, ["sourceIds"] = sourceIds }, sourceIds.Count);
    }

    private static Dictionary<string, object?> SourceRow(Encoded<Source> source) => new()
    {
        ["id"] = source.Id,
        ["doc"] = source.Json,
        ["hash"] = source.HexHash,
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
        ["hash"] = actor.HexHash,
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
        ["hash"] = relation.HexHash,
    };
}

/// <summary>A bundle the store refuses; <see cref="Neo4jGraphStore.ApplyBundleAsync"/> reports it as an <see cref="ArgumentException"/>.</summary>
internal sealed class InvalidBundleException(string message, RecordRef? offender = null, Exception? innerException = null) : Exception(message, innerException)
{
    /// <summary>The record at fault, when one is.</summary>
    public RecordRef? Offender { get; } = offender;
}
