using System.Globalization;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Core.Storage.Writing;
using IomGraph.Core.Vocabulary;

namespace IomGraph.Storage.Neo4j.Internal;

/// <summary>A write statement with the count column it returns and the count it must reach (-1: any; no column: none).</summary>
internal sealed record CountedStatement(CypherStatement Statement, string? Column = null, long Expected = -1);

/// <summary>
/// The statements that carry out a <see cref="WritePlan"/>, in the order they must run: created and updated records only,
/// <c>UNWIND $rows</c> in chunks of <see cref="Neo4jOptions.BatchSize"/>, with their citations and links; a seed's claim on
/// its unchanged records; the deletes, relations first; the recount of the citation counts of the sources whose citations
/// changed; a seed's state; the change log's counter.
/// </summary>
internal sealed class WriteStatements
{
    private static readonly string[] AllTypes = [.. RelationTypes.Names];

    private readonly List<CountedStatement> _writes = [];
    private readonly string _origin;
    private readonly (string, object?)[] _log;
    private readonly int _batchSize;

    private WriteStatements(string origin, (string, object?)[] log, int batchSize)
    {
        _origin = origin;
        _log = log;
        _batchSize = batchSize;
    }

    /// <param name="citedBefore">The sources that the relations the plan updates or deletes cited before the write.</param>
    public static IReadOnlyList<CountedStatement> For(
        PreparedBundle bundle, CurationWrite write, WritePlan plan, IEnumerable<string> citedBefore, int batchSize, TimeProvider time)
    {
        var seed = write.IsSeed;
        var statements = new WriteStatements(
            BundleWriter.OriginOf(write), [("author", write.Author), ("at", ChangeTimes.ToText(plan.At)), ("atTicks", plan.At.UtcTicks)], batchSize);
        var (sources, actors, relations) = (plan.Sources, plan.Actors, plan.Relations);

        statements.Records(CypherCatalogue.CreateSources, CypherCatalogue.UpdateSources, sources, SourceRow);
        statements.Records(CypherCatalogue.CreateActors, CypherCatalogue.UpdateActors, actors, ActorRow);
        foreach (var chunk in actors.IdsIn(RecordState.Updated).Chunk(batchSize))
        {
            statements.Add(CypherCatalogue.ClearActorCitations.With(("ids", chunk)));
        }

        statements.Citations(CypherCatalogue.CreateActorCitations, actors.Changed.Select(a => Citations(a.Id, a.Record.Sources)));
        foreach (var chunk in relations.IdsIn(RecordState.Updated).Chunk(batchSize))
        {
            statements.Add(CypherCatalogue.UnlinkRelations.With(("ids", chunk)));
            statements.Add(CypherCatalogue.ClearRelationCitations.With(("ids", chunk)));
        }

        statements.Records(CypherCatalogue.CreateRelations, CypherCatalogue.UpdateRelations, relations, RelationRow);
        foreach (var byType in relations.Changed.GroupBy(r => r.Record.Type).OrderBy(g => g.Key))
        {
            foreach (var chunk in byType.Chunk(batchSize))
            {
                statements.Add(CypherCatalogue.LinkRelations(byType.Key).With(("rows", chunk.Select(LinkRow).ToList())), "written", chunk.Length);
            }
        }

        statements.Citations(CypherCatalogue.CreateRelationCitations, relations.Changed.Select(r => Citations(r.Id, r.Record.Sources)));
        if (seed)
        {
            statements.ClaimUnchanged(CypherCatalogue.ClaimSources, sources);
            statements.ClaimUnchanged(CypherCatalogue.ClaimActors, actors);
            statements.ClaimUnchanged(CypherCatalogue.ClaimRelations, relations);
        }

        // Relations first: an actor or source goes only once nothing that stays refers to it. A seed's drops are
        // best-effort (an actor a curator's relation still uses stays); a curation write's were checked, so all must go.
        statements.Deletes(CypherCatalogue.DeleteRelations, relations, [], checkedDeletes: !seed);
        statements.Deletes(CypherCatalogue.DeleteUnusedActors, actors, [("types", AllTypes)], checkedDeletes: !seed);
        statements.Deletes(CypherCatalogue.DeleteUnusedSources, sources, [], checkedDeletes: !seed);

        // Once every citation is in place: the sources the written relations cite now and those the updated or deleted
        // ones cited before, counted again (a source deleted above is skipped).
        var recount = relations.Changed
            .SelectMany(r => r.Record.Sources ?? [])
            .Select(c => c.SourceId)
            .Concat(citedBefore)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        foreach (var chunk in recount.Chunk(batchSize))
        {
            statements.Add(CypherCatalogue.RecountCitations.With(("ids", chunk)));
        }

        if (seed)
        {
            statements.Add(CypherCatalogue.SaveSeedState.With(
                ("key", CypherCatalogue.SeedKey),
                ("fingerprint", bundle.Fingerprint),
                ("appliedAt", time.GetUtcNow().ToUniversalTime().ToString("O", CultureInfo.InvariantCulture))));
        }

        if (plan.NextSequence > plan.FirstSequence)
        {
            statements.Add(CypherCatalogue.AdvanceChanges.With(
                ("key", CypherCatalogue.ChangesKey), ("count", plan.NextSequence - plan.FirstSequence), ("atTicks", plan.At.UtcTicks)));
        }

        return statements._writes;
    }

    private void Add(CypherStatement statement, string? column = null, long expected = -1) => _writes.Add(new(statement, column, expected));

    /// <summary>The created records, then the updated ones, each row with its change's sequence number.</summary>
    private void Records<T>(CypherQuery create, CypherQuery update, PlannedRecords<T> records, Func<Encoded<T>, Dictionary<string, object?>> row)
    {
        foreach (var (query, state) in new[] { (create, RecordState.Created), (update, RecordState.Updated) })
        {
            foreach (var chunk in records.In(state).Chunk(_batchSize))
            {
                var rows = chunk.Select(r => WithSequence(row(r), records.Sequences[r.Id])).ToList();
                Add(query.With([("rows", rows), ("origin", _origin), .. _log]), "written", chunk.Length);
            }
        }
    }

    private void Citations(CypherQuery create, IEnumerable<(Dictionary<string, object?> Row, int Count)> citations)
    {
        foreach (var chunk in citations.Where(c => c.Count > 0).Chunk(_batchSize))
        {
            Add(create.With(("rows", chunk.Select(c => c.Row).ToList())), "written", chunk.Sum(c => c.Count));
        }
    }

    private void ClaimUnchanged<T>(CypherQuery claim, PlannedRecords<T> records)
    {
        foreach (var chunk in records.IdsIn(RecordState.Unchanged).Chunk(_batchSize))
        {
            Add(claim.With(("ids", chunk), ("origin", _origin)));
        }
    }

    private void Deletes<T>(CypherQuery delete, PlannedRecords<T> records, (string, object?)[] parameters, bool checkedDeletes)
    {
        foreach (var chunk in records.Deletes.Chunk(_batchSize))
        {
            Add(delete.With([("rows", DeleteRows(chunk, records.DeleteSequences)), .. parameters, .. _log]), "deleted", checkedDeletes ? chunk.Length : -1);
        }
    }

    private static Dictionary<string, object?> WithSequence(Dictionary<string, object?> row, long seq)
    {
        row["seq"] = seq;
        return row;
    }

    private static List<Dictionary<string, object?>> DeleteRows(IEnumerable<string> ids, IReadOnlyDictionary<string, long> seqs) =>
        [.. ids.Select(id => new Dictionary<string, object?> { ["id"] = id, ["seq"] = seqs[id] })];

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

    private static Dictionary<string, object?> ActorRow(Encoded<Actor> actor)
    {
        var searchNames = TextFolding.SearchNames(actor.Record);
        var (searchText, searchLong) = SearchText.For(searchNames);
        return new()
        {
            ["id"] = actor.Id,
            ["name"] = actor.Record.Name,
            ["label"] = actor.Record.Label,
            ["shortName"] = actor.Record.ShortName,
            ["plural"] = actor.Record.Plural,
            ["kind"] = ActorKinds.NameOf(actor.Record.Kind),
            ["sortKey"] = TextFolding.SortKey(actor.Record),
            ["searchNames"] = searchNames,
            ["searchText"] = searchText,
            ["searchLong"] = searchLong,
            ["doc"] = actor.Json,
            ["hash"] = actor.Version,
        };
    }

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
