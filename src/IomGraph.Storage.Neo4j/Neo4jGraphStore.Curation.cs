using System.Runtime.CompilerServices;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Core.Storage.Writing;
using IomGraph.Core.Validation;
using IomGraph.Core.Vocabulary;
using IomGraph.Storage.Neo4j.Internal;

namespace IomGraph.Storage.Neo4j;

// Writes, the change log and exports, as the port (IGraphWriter, IGraphReader) and the contract suite specify them.
// Every write, whether a seed, an import or a curator's, logs each record it creates, updates or deletes as a (:Change)
// node, in the same transaction, from the statement that changes the record. Sequence numbers come from one counter
// node, (:Meta {key: 'changes'}), whose write lock every write takes first: writers serialise there, across processes,
// so that preconditions are checked with no other write between check and apply. A seed's records carry origin 'seed',
// every other write's 'import': that is what a seed's removals go by.
public sealed partial class Neo4jGraphStore : IGraphWriter
{
    /// <summary>Records per export request: each page is one indexed read, so that no export holds the graph in memory.</summary>
    internal const int ExportPageSize = 2000;

    public async Task<WriteResult> WriteAsync(CurationWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentException.ThrowIfNullOrWhiteSpace(write.Author, nameof(write));
        ArgumentNullException.ThrowIfNull(write.Upserts, nameof(write));
        ArgumentNullException.ThrowIfNull(write.Deletes, nameof(write));
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var result = await RunAsync(
                async connection =>
                {
                    try
                    {
                        return await new BundleWriter(connection.Transport, _options, _time, _writeRetry).WriteAsync(write, cancellationToken);
                    }
                    catch (CypherException e) when (e.IsConstraintViolation)
                    {
                        // The checks name every refusal they foresee; a constraint that still fails is reported the same way.
                        return WriteResult.Failed(WriteStatus.Invalid, WriteMessages.Integrity(e.ServerMessage));
                    }
                },
                cancellationToken);
            if (result.Overwritten > 0)
            {
                LogSeedReplaced(result.Overwritten);
            }

            return result;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task<ExistingRecords> GetExistingAsync(
        IReadOnlyCollection<string> actorIds, IReadOnlyCollection<string> sourceIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actorIds);
        ArgumentNullException.ThrowIfNull(sourceIds);
        if (actorIds.Count == 0 && sourceIds.Count == 0)
        {
            return ExistingRecords.None;
        }

        return await ReadAsync(
            CypherCatalogue.Existing.With(
                ("actorIds", actorIds.Distinct(StringComparer.Ordinal).ToList()), ("sourceIds", sourceIds.Distinct(StringComparer.Ordinal).ToList())),
            result =>
            {
                var (what, id, kind) = (result.Column("what"), result.Column("id"), result.Column("kind"));
                var actors = new Dictionary<string, ActorKind>(StringComparer.Ordinal);
                var sources = new HashSet<string>(StringComparer.Ordinal);
                foreach (var row in result.Rows)
                {
                    if (Rows.RequiredText(row[what]) == "actor")
                    {
                        actors[Rows.RequiredText(row[id])] = Rows.Kind(Rows.RequiredText(row[kind]));
                    }
                    else
                    {
                        sources.Add(Rows.RequiredText(row[id]));
                    }
                }

                return new ExistingRecords(actors, sources);
            },
            cancellationToken);
    }

    public Task<VersionedRecord?> GetRecordAsync(RecordRef record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var statement = record.Kind switch
        {
            RecordKind.Actor => CypherCatalogue.StoredActor,
            RecordKind.Relation => CypherCatalogue.StoredRelation,
            RecordKind.Source => CypherCatalogue.StoredSource,
            _ => throw new ArgumentOutOfRangeException(nameof(record), record.Kind, "Not a record kind."),
        };
        return ReadAsync(
            statement.With(("id", record.Id)),
            result => result.Rows.Count == 0
                ? null
                : new VersionedRecord(record, Rows.RequiredText(result.Rows[0][result.Column("doc")]), Rows.RequiredText(result.Rows[0][result.Column("hash")])),
            cancellationToken);
    }

    public Task<long> GetLastChangeSequenceAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(
            CypherCatalogue.LastChangeSequence.With(("key", CypherCatalogue.ChangesKey)),
            result => result.Rows.Count == 0 || Rows.IsNull(result.Rows[0][result.Column("last")]) ? 0L : Rows.Long(result.Rows[0][result.Column("last")]),
            cancellationToken);

    public Task<Page<ChangeEntry>> GetChangesAsync(ChangeQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query));
        var parameters = new List<(string, object?)> { ("after", query.After?.Sequence ?? 0L), ("take", query.Limit + 1) };
        if (query.Since is { } since)
        {
            parameters.Add(("since", since.UtcTicks));
        }

        if (query.Record is { } record)
        {
            parameters.Add(("recordId", record.Id));
            parameters.Add(("kind", WireNames.Of(record.Kind)));
        }

        return ReadAsync(
            CypherCatalogue.Changes(query.Since is not null, query.Record is not null).With([.. parameters]),
            result =>
            {
                var columns = (
                    Seq: result.Column("seq"), AtTicks: result.Column("atTicks"), Author: result.Column("author"), Kind: result.Column("kind"),
                    RecordId: result.Column("recordId"), Operation: result.Column("operation"), Before: result.Column("before"), After: result.Column("after"));
                var entries = new List<ChangeEntry>();
                foreach (var row in result.Rows)
                {
                    if (Rows.IsNull(row[columns.Seq]))
                    {
                        continue;
                    }

                    entries.Add(new ChangeEntry(
                        Rows.Long(row[columns.Seq]),
                        new DateTimeOffset(Rows.Long(row[columns.AtTicks]), TimeSpan.Zero),
                        Rows.RequiredText(row[columns.Author]),
                        new RecordRef(WireNames.Parse<RecordKind>(Rows.RequiredText(row[columns.Kind])), Rows.RequiredText(row[columns.RecordId])),
                        WireNames.Parse<ChangeOperation>(Rows.RequiredText(row[columns.Operation])),
                        Rows.Text(row[columns.Before]),
                        Rows.Text(row[columns.After])));
                }

                return Pages.Of(entries, query.Limit, Total(result), e => e, e => Cursors.Encode(ChangeCursor.After(e.Sequence)));
            },
            cancellationToken);
    }

    /// <summary>
    /// Streams the selection a page at a time (<see cref="ExportPageSize"/> records per request, by id): actors, then
    /// relations, then sources. Pages are separate reads, so a write that lands during a long export may show in the
    /// pages after it. When the selection is not the whole graph, the cited sources are the ones the streamed actors and
    /// relations cite: their ids are gathered on the way, and the sources read by id at the end.
    /// </summary>
    public IAsyncEnumerable<ExportItem> ExportAsync(ExportFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return ExportSelectionAsync(filter, cancellationToken);
    }

    private async IAsyncEnumerable<ExportItem> ExportSelectionAsync(ExportFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var actorsRestricted = filter.Kinds.Count > 0 || filter.ActorIds is not null;
        var relationsFiltered = filter.Types.Count > 0 || filter.AsOf is not null || filter.RelationIds is not null;
        var kinds = filter.Kinds.Distinct().Select(ActorKinds.NameOf).ToList();
        var actorIds = filter.ActorIds?.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var relationIds = filter.RelationIds?.Distinct(StringComparer.Ordinal).ToList();
        var relationTerms = new (string, object?)[]
        {
            ("types", Types(filter.Types)), ("asOfUpper", AsOfUpper(filter.AsOf)), ("asOfLower", AsOfLower(filter.AsOf)), ("undated", Undated(filter.AsOf, filter.IncludeUndated)),
        };
        var restriction = new List<(string, object?)>();
        if (actorIds is not null)
        {
            restriction.Add(("actorIds", actorIds));
        }

        if (kinds.Count > 0)
        {
            restriction.Add(("kinds", kinds));
        }

        var byRelationIds = relationIds is null ? [] : new (string, object?)[] { ("relationIds", relationIds) };

        // Everything selected: the sources are those anything cites, a page at a time. Otherwise, those the selection cites.
        var cited = actorsRestricted || relationsFiltered ? new HashSet<string>(StringComparer.Ordinal) : null;

        var actors = actorsRestricted
            ? Page(CypherCatalogue.ExportActors(actorIds is not null, kinds.Count > 0), [.. restriction])
            : relationsFiltered
                ? Page(CypherCatalogue.ExportRelationEnds(relationIds is not null), [.. byRelationIds, .. relationTerms])
                : Page(CypherCatalogue.ExportActors(byIds: false, byKinds: false), []);
        await foreach (var doc in actors.WithCancellation(cancellationToken))
        {
            var actor = GraphJson.Decode<Actor>(doc);
            cited?.UnionWith((actor.Sources ?? []).Select(c => c.SourceId));
            yield return new ActorItem(actor);
        }

        var relations = Page(
            CypherCatalogue.ExportRelations(relationIds is not null, actorIds is not null, kinds.Count > 0), [.. byRelationIds, .. restriction, .. relationTerms]);
        await foreach (var doc in relations.WithCancellation(cancellationToken))
        {
            var relation = GraphJson.Decode<Relation>(doc);
            cited?.UnionWith(relation.Sources.Select(c => c.SourceId));
            yield return new RelationItem(relation);
        }

        if (cited is null)
        {
            await foreach (var doc in Page(CypherCatalogue.ExportCitedSources, []).WithCancellation(cancellationToken))
            {
                yield return new SourceItem(GraphJson.Decode<Source>(doc));
            }

            yield break;
        }

        foreach (var chunk in cited.Order(StringComparer.Ordinal).Chunk(ExportPageSize))
        {
            var sources = await ReadAsync(CypherCatalogue.ExportSources.With(("ids", chunk)), Docs, cancellationToken);
            foreach (var (_, doc) in sources)
            {
                yield return new SourceItem(GraphJson.Decode<Source>(doc));
            }
        }

        // Keyset pages by id: each request asks for the records after the last id of the one before.
        async IAsyncEnumerable<string> Page(CypherQuery query, (string, object?)[] parameters)
        {
            var after = string.Empty;
            while (true)
            {
                var page = await ReadAsync(query.With([.. parameters, ("afterId", after), ("take", ExportPageSize)]), Docs, cancellationToken);
                foreach (var (_, doc) in page)
                {
                    yield return doc;
                }

                if (page.Count < ExportPageSize)
                {
                    yield break;
                }

                after = page[^1].Id;
            }
        }
    }

    private static List<(string Id, string Doc)> Docs(CypherResult result)
    {
        var (id, doc) = (result.Column("id"), result.Column("doc"));
        return [.. result.Rows.Select(row => (Rows.RequiredText(row[id]), Rows.RequiredText(row[doc])))];
    }
}
