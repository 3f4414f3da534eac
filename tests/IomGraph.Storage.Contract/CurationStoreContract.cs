using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using static IomGraph.Storage.Contract.ContractGraph;

namespace IomGraph.Storage.Contract;

/// <summary>
/// What every <see cref="IGraphWriter"/> must do, whatever its database. Subclass it once per store and return a fresh,
/// empty, initialised store from <see cref="CreateEmptyStoreAsync"/>, stamping its change log with the clock given;
/// each test then writes the data it needs.
/// </summary>
/// <remarks>
/// Choices this contract fixes where the port leaves room:
/// <list type="bullet">
/// <item>A write is checked in this order, and the first failure decides: preconditions; deletes of records that do not
/// exist (<see cref="WriteStatus.NotFound"/>); a record both upserted and deleted, an upsert that refers to a record
/// that neither the write nor the store holds, or to one the same write deletes (<see cref="WriteStatus.Invalid"/>);
/// an actor still used by relations without <see cref="CurationWrite.Cascade"/>, a source still cited
/// (<see cref="WriteStatus.Conflict"/>). Every failure names the record at fault in <see cref="WriteResult.Offender"/>
/// (for Invalid: the record that refers), writes nothing and logs nothing.</item>
/// <item>Deletes are judged against the graph after the write's upserts: a write may move a relation off an actor, or
/// stop citing a source, and delete it. An actor deleted together with all its relations needs no cascade. The
/// Conflict message for an actor says how many relations still use it ("3 relations", "1 relation").</item>
/// <item>A precondition's version compares without regard to case; null means the record must not exist.</item>
/// <item><see cref="WriteResult.Versions"/> holds every upserted record, changed or not, and nothing else.</item>
/// <item>Every write, including seeds (author "seed") and imports, which go through <see cref="IGraphWriter.WriteAsync"/> like every write
/// (author "import"), logs one entry per created, updated or deleted record, all with the write's author and one time,
/// taken from the store's clock. Within a write, entries come in an order that replays: upserts of sources, of actors,
/// of relations, then deletes of relations (cascaded ones included), of actors, of sources; by ordinal id within each group.</item>
/// <item>The log is ordered by time as well as by sequence: a write whose clock reads earlier than the last entry
/// takes the last entry's time. "Since" is inclusive.</item>
/// <item>A change page's Total counts the entries that Since and Record select, whatever the cursor, as every listing's
/// Total counts every match whatever the page.</item>
/// <item>Seeds and curators: a seed removes only records whose last write was a seed's, so it never removes what a
/// curator created or changed since. A seed that holds a record writes its version of it, the log keeps the
/// curator's version as that entry's Before, and <see cref="WriteResult.Overwritten"/> counts such records.</item>
/// <item>Writers race safely, from one store or from two on the same data (<see cref="CreateStoreOnSameDataAsync"/>):
/// a precondition is checked with no other write between the check and the apply, and no two entries of the log share
/// a sequence number, nor are the entries of two writes interleaved.</item>
/// <item>A write names its author: one without (empty or white space) is an <see cref="ArgumentException"/>, and changes nothing.</item>
/// <item>A write or an export whose cancellation token is cancelled throws <see cref="OperationCanceledException"/>; the write changes nothing.</item>
/// <item>Exports select exactly as <see cref="ExportFilter"/> says. A list that is set but empty selects nothing. An
/// export holds only cited sources, so a source that nothing cites is in no export.</item>
/// </list>
/// </remarks>
public abstract class CurationStoreContract : IAsyncLifetime
{
    /// <summary>When every test's clock starts.</summary>
    protected static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private const string Alice = "alice";
    private const string Bob = "bob";

    private readonly List<(IGraphReader Reads, IGraphWriter Writes)> _stores = [];

    /// <summary>The clock of the store under test.</summary>
    protected ManualClock Clock { get; } = new(Start);

    /// <summary>The store under test, read through its <see cref="IGraphReader"/> side.</summary>
    protected IGraphReader Reads => Stores.Reads;

    /// <summary>The store under test, written through its <see cref="IGraphWriter"/> side.</summary>
    protected IGraphWriter Writes => Stores.Writes;

    private (IGraphReader Reads, IGraphWriter Writes) Stores =>
        _stores.Count > 0 ? _stores[0] : throw new InvalidOperationException("The store is created in InitializeAsync.");

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// A new store with no data on which <see cref="IGraphWriter.InitialiseAsync"/> has run, whose change log takes its
    /// times from <paramref name="clock"/>. Both sides may be one object. Called more than once by some tests.
    /// </summary>
    protected abstract Task<(IGraphReader Reads, IGraphWriter Writes)> CreateEmptyStoreAsync(TimeProvider clock);

    /// <summary>
    /// Another store on the data of the store under test (<see cref="Reads"/>, <see cref="Writes"/>), as a second process
    /// would open it: a second connection to the same file, a second client of the same server; its change log on
    /// <paramref name="clock"/>. The racing tests write through both. A store whose data cannot be opened twice (an
    /// in-memory SQLite database) returns the store under test itself, and its writers race within the one store.
    /// </summary>
    protected abstract Task<(IGraphReader Reads, IGraphWriter Writes)> CreateStoreOnSameDataAsync(TimeProvider clock);

    /// <summary>Releases a store made by <see cref="CreateEmptyStoreAsync"/> or <see cref="CreateStoreOnSameDataAsync"/>.</summary>
    protected virtual ValueTask DisposeStoreAsync(IGraphReader reads, IGraphWriter writes) => StorePorts.DisposeAsync(reads, writes);

    public virtual async ValueTask InitializeAsync() => _stores.Add(await CreateEmptyStoreAsync(Clock));

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var (reads, writes) in _stores)
        {
            await DisposeStoreAsync(reads, writes);
        }

        _stores.Clear();
    }

    // ---------------------------------------------------------------- records the tests add

    private static readonly Source Charter = new("forum-charter", "Charter of the Migration Forum", SourceKind.PrimaryDocument, Year: 2024);

    private static readonly Actor Forum = new("migration-forum", "Migration Forum", ActorKind.ForumOrCommission, "the Forum",
        Founded: PartialDate.OfYear(2024), Sources: [new Citation(Charter.Id, "The Forum is hereby established.")]);

    private static readonly Relation SwitzerlandInForum = new("che-member-of-migration-forum", Actors.Switzerland, Forum.Id, RelationType.MemberOf,
        Confidence.Medium, [new Citation(Charter.Id, "Switzerland is a member.", "art. 2")], PartialDate.OfYear(2024));

    private static GraphBundle Upserts(Source[]? sources = null, Actor[]? actors = null, Relation[]? relations = null) =>
        new() { Sources = sources ?? [], Actors = actors ?? [], Relations = relations ?? [] };

    // ---------------------------------------------------------------- writing records

    [Fact]
    public async Task A_write_creates_new_records_and_returns_their_versions()
    {
        await SeedAsync();

        var result = await WriteAsync(new CurationWrite(Alice, Upserts([Charter], [Forum], [SwitzerlandInForum]), []));

        AssertApplied(result);
        Assert.Equal(new RecordCounts(1, 0, 0, 0), result.Counts.Sources);
        Assert.Equal(new RecordCounts(1, 0, 0, 0), result.Counts.Actors);
        Assert.Equal(new RecordCounts(1, 0, 0, 0), result.Counts.Relations);
        Assert.Equal(
            new Dictionary<RecordRef, string>
            {
                [RecordRef.SourceOf(Charter.Id)] = RecordVersion.Of(Charter),
                [RecordRef.ActorOf(Forum.Id)] = RecordVersion.Of(Forum),
                [RecordRef.RelationOf(SwitzerlandInForum.Id)] = RecordVersion.Of(SwitzerlandInForum),
            },
            result.Versions);
        var relation = await Reads.GetRelationAsync(SwitzerlandInForum.Id, Ct);
        Assert.Equal(("Switzerland", "Migration Forum"), (relation!.From.Name, relation.To.Name));
        await AssertStoredAsync(Forum);
        await AssertStoredAsync(SwitzerlandInForum);
        await AssertStoredAsync(Charter);
    }

    [Fact]
    public async Task A_write_counts_created_updated_unchanged_and_deleted_records_by_kind()
    {
        await SeedAsync();
        var gmg = Actor(Actors.Gmg) with { Description = "Wound up in 2018." };

        var result = await WriteAsync(new CurationWrite(
            Alice,
            Upserts([Charter], [gmg, Actor(Actors.Iom), Forum], [SwitzerlandInForum, Relation(Relations.IomMemberOfGmg)]),
            [RecordRef.RelationOf(Relations.SwitzerlandChairsGfmd)]));

        AssertApplied(result);
        Assert.Equal(new RecordCounts(1, 0, 0, 0), result.Counts.Sources);
        Assert.Equal(new RecordCounts(1, 1, 1, 0), result.Counts.Actors);
        Assert.Equal(new RecordCounts(1, 0, 1, 1), result.Counts.Relations);
        Assert.Equal(6, result.Versions.Count);
        Assert.Equal(RecordVersion.Of(Actor(Actors.Iom)), result.Versions[RecordRef.ActorOf(Actors.Iom)]);
    }

    /// <summary>An import asks for no versions: the same write, the same counts and log, and an empty list.</summary>
    [Fact]
    public async Task A_write_that_reports_no_versions_writes_the_same_and_lists_none()
    {
        await SeedAsync();
        var gmg = Actor(Actors.Gmg) with { Description = "Wound up in 2018." };
        var before = await LogAsync();

        var result = await WriteAsync(CurationWrite.Import(Alice, Upserts([Charter], [gmg, Forum], [SwitzerlandInForum])));

        AssertApplied(result);
        Assert.Empty(result.Versions);
        Assert.Equal(new RecordCounts(1, 0, 0, 0), result.Counts.Sources);
        Assert.Equal(new RecordCounts(1, 1, 0, 0), result.Counts.Actors);
        Assert.Equal(new RecordCounts(1, 0, 0, 0), result.Counts.Relations);
        Assert.Equal(before.Count + 4, (await LogAsync()).Count);
        await AssertStoredAsync(gmg);
        await AssertStoredAsync(Forum);
        await AssertStoredAsync(SwitzerlandInForum);
        await AssertStoredAsync(Charter);
    }

    [Fact]
    public async Task Rewriting_records_as_they_are_changes_nothing_and_logs_nothing()
    {
        await SeedAsync();
        var before = await LogAsync();

        var result = await WriteAsync(CurationWrite.Upsert(Alice, Upserts([Source(Sources.Uncited)], [Actor(Actors.Iom)], [Relation(Relations.IomMemberOfGmg)])));

        AssertApplied(result);
        Assert.Equal(new RecordCounts(0, 0, 1, 0), result.Counts.Sources);
        Assert.Equal(new RecordCounts(0, 0, 1, 0), result.Counts.Actors);
        Assert.Equal(new RecordCounts(0, 0, 1, 0), result.Counts.Relations);
        Assert.False(result.Counts.Changed);
        Assert.Equal(RecordVersion.Of(Actor(Actors.Iom)), result.Versions[RecordRef.ActorOf(Actors.Iom)]);
        Assert.Equal(before.Count, (await LogAsync()).Count);
    }

    [Fact]
    public async Task The_last_change_sequence_is_0_on_an_empty_log_and_moves_on_with_every_write_that_changes_a_record()
    {
        Assert.Equal(0, await Reads.GetLastChangeSequenceAsync(Ct));

        await SeedAsync();
        var seeded = await Reads.GetLastChangeSequenceAsync(Ct);
        Assert.Equal((await LogAsync())[^1].Sequence, seeded);

        AssertApplied(await WriteAsync(CurationWrite.Upsert(Alice, Upserts([Charter], [Forum]))));
        var written = await Reads.GetLastChangeSequenceAsync(Ct);
        Assert.True(written > seeded, $"A write moves the sequence on from {seeded}; it reads {written}.");
        Assert.Equal((await LogAsync())[^1].Sequence, written);

        AssertApplied(await WriteAsync(CurationWrite.Upsert(Bob, Upserts([Charter], [Forum]))));
        Assert.Equal(written, await Reads.GetLastChangeSequenceAsync(Ct));

        AssertApplied(await WriteAsync(new CurationWrite(Bob, GraphBundle.Empty, [RecordRef.ActorOf(Forum.Id)])));
        var deleted = await Reads.GetLastChangeSequenceAsync(Ct);
        Assert.True(deleted > written, "A delete moves the sequence on.");
        Assert.Equal((await LogAsync())[^1].Sequence, deleted);
    }

    [Fact]
    public async Task Replacing_a_record_updates_it_and_changes_its_version()
    {
        await SeedAsync();
        var original = await Reads.GetRecordAsync(RecordRef.ActorOf(Actors.Gmg), Ct);
        var changed = Actor(Actors.Gmg) with { Description = "Wound up in 2018 into the UN Network on Migration." };

        var result = await WriteAsync(CurationWrite.Upsert(Alice, Upserts(actors: [changed])));

        AssertApplied(result);
        Assert.Equal(new RecordCounts(0, 1, 0, 0), result.Counts.Actors);
        Assert.Equal(RecordVersion.Of(changed), result.Versions[RecordRef.ActorOf(Actors.Gmg)]);
        Assert.NotEqual(original!.Version, result.Versions[RecordRef.ActorOf(Actors.Gmg)]);
        await AssertStoredAsync(changed);
        Assert.Equal(changed.Description, (await Reads.GetActorAsync(Actors.Gmg, Ct))!.Actor.Description);
    }

    [Fact]
    public async Task Stored_records_read_back_as_their_canonical_json_and_version()
    {
        await SeedAsync();

        foreach (var source in AllSources)
        {
            await AssertStoredAsync(source);
        }

        foreach (var actor in AllActors)
        {
            await AssertStoredAsync(actor);
        }

        foreach (var relation in AllRelations)
        {
            await AssertStoredAsync(relation);
        }
    }

    [Fact]
    public async Task A_version_depends_on_content_not_on_the_order_of_external_ids()
    {
        await SeedAsync();
        var iom = Actor(Actors.Iom);
        var reordered = iom with { ExternalIds = iom.ExternalIds!.Reverse().ToDictionary(p => p.Key, p => p.Value) };

        var result = await WriteAsync(CurationWrite.Upsert(Alice, Upserts(actors: [reordered])));

        Assert.Equal(RecordVersion.Of(iom), RecordVersion.Of(reordered));
        Assert.Equal(new RecordCounts(0, 0, 1, 0), result.Counts.Actors);
        Assert.Equal(RecordVersion.Of(iom), (await Reads.GetRecordAsync(RecordRef.ActorOf(Actors.Iom), Ct))!.Version);
    }

    [Fact]
    public async Task A_missing_record_reads_as_null()
    {
        await SeedAsync();

        Assert.Null(await Reads.GetRecordAsync(RecordRef.ActorOf("nobody"), Ct));
        Assert.Null(await Reads.GetRecordAsync(RecordRef.RelationOf("no.such.relation"), Ct));
        Assert.Null(await Reads.GetRecordAsync(RecordRef.SourceOf("nothing"), Ct));
        Assert.Null(await Reads.GetRecordAsync(RecordRef.SourceOf(Actors.Iom), Ct));
    }

    // ---------------------------------------------------------------- preconditions

    [Fact]
    public async Task A_write_whose_preconditions_hold_is_applied()
    {
        await SeedAsync();
        var changed = Actor(Actors.Gmg) with { Description = "Changed." };

        var result = await WriteAsync(new CurationWrite(Alice, Upserts(actors: [changed, Forum], sources: [Charter]), [], Preconditions: new Dictionary<RecordRef, string?>
        {
            [RecordRef.ActorOf(Actors.Gmg)] = RecordVersion.Of(Actor(Actors.Gmg)).ToUpperInvariant(),
            [RecordRef.ActorOf(Forum.Id)] = null,
        }));

        AssertApplied(result);
        await AssertStoredAsync(changed);
        await AssertStoredAsync(Forum);
    }

    [Fact]
    public async Task A_stale_precondition_fails_and_writes_nothing()
    {
        await SeedAsync();
        var logged = (await LogAsync()).Count;
        var changed = Actor(Actors.Gmg) with { Description = "Changed." };

        var result = await WriteAsync(new CurationWrite(
            Alice,
            Upserts([Charter], [changed, Forum]),
            [RecordRef.RelationOf(Relations.SwitzerlandChairsGfmd)],
            Preconditions: new Dictionary<RecordRef, string?> { [RecordRef.ActorOf(Actors.Gmg)] = RecordVersion.Of(changed) }));

        AssertRefused(result, WriteStatus.PreconditionFailed, RecordRef.ActorOf(Actors.Gmg));
        await AssertStoredAsync(Actor(Actors.Gmg));
        Assert.Null(await Reads.GetRecordAsync(RecordRef.ActorOf(Forum.Id), Ct));
        Assert.Null(await Reads.GetRecordAsync(RecordRef.SourceOf(Charter.Id), Ct));
        Assert.NotNull(await Reads.GetRelationAsync(Relations.SwitzerlandChairsGfmd, Ct));
        Assert.Equal(logged, (await LogAsync()).Count);
    }

    [Fact]
    public async Task Expecting_a_record_to_be_absent_fails_when_it_exists()
    {
        await SeedAsync();

        var result = await WriteAsync(new CurationWrite(
            Alice,
            Upserts(actors: [Actor(Actors.Iom) with { Name = "Another IOM" }]),
            [],
            Preconditions: new Dictionary<RecordRef, string?> { [RecordRef.ActorOf(Actors.Iom)] = null }));

        AssertRefused(result, WriteStatus.PreconditionFailed, RecordRef.ActorOf(Actors.Iom));
        await AssertStoredAsync(Actor(Actors.Iom));
    }

    [Fact]
    public async Task Expecting_a_version_of_a_record_that_does_not_exist_fails()
    {
        await SeedAsync();

        var result = await WriteAsync(new CurationWrite(
            Alice,
            Upserts([Charter], [Forum]),
            [],
            Preconditions: new Dictionary<RecordRef, string?> { [RecordRef.ActorOf(Forum.Id)] = RecordVersion.Of(Forum) }));

        AssertRefused(result, WriteStatus.PreconditionFailed, RecordRef.ActorOf(Forum.Id));
        Assert.Null(await Reads.GetRecordAsync(RecordRef.ActorOf(Forum.Id), Ct));
    }

    [Fact]
    public async Task A_delete_with_a_stale_precondition_deletes_nothing()
    {
        await SeedAsync();

        var result = await WriteAsync(new CurationWrite(
            Alice,
            GraphBundle.Empty,
            [RecordRef.RelationOf(Relations.IomMemberOfGmg)],
            Preconditions: new Dictionary<RecordRef, string?> { [RecordRef.RelationOf(Relations.IomMemberOfGmg)] = RecordVersion.Of(Relation(Relations.UnhcrMemberOfGmg)) }));

        AssertRefused(result, WriteStatus.PreconditionFailed, RecordRef.RelationOf(Relations.IomMemberOfGmg));
        Assert.NotNull(await Reads.GetRelationAsync(Relations.IomMemberOfGmg, Ct));
    }

    // ---------------------------------------------------------------- deleting records

    [Fact]
    public async Task Deleting_a_relation_removes_it_and_its_citations()
    {
        await SeedAsync();

        var result = await WriteAsync(new CurationWrite(Alice, GraphBundle.Empty, [RecordRef.RelationOf(Relations.IomMemberOfGmg)]));

        AssertApplied(result);
        Assert.Equal(new RecordCounts(0, 0, 0, 1), result.Counts.Relations);
        Assert.Empty(result.Versions);
        Assert.Null(await Reads.GetRelationAsync(Relations.IomMemberOfGmg, Ct));
        Assert.Null(await Reads.GetRecordAsync(RecordRef.RelationOf(Relations.IomMemberOfGmg), Ct));
        Assert.Equal(1, (await Reads.GetSourceAsync(new SourceQuery(Sources.GmgTermsOfReference, 10, null), Ct))!.CitedBy.Total);
    }

    [Fact]
    public async Task Deleting_an_actor_that_relations_use_is_a_conflict_that_says_how_many()
    {
        await SeedAsync();
        var before = await Reads.GetStatsAsync(0, Ct);

        var result = await WriteAsync(new CurationWrite(Alice, GraphBundle.Empty, [RecordRef.ActorOf(Actors.Iom)]));

        AssertRefused(result, WriteStatus.Conflict, RecordRef.ActorOf(Actors.Iom));
        Assert.Contains("5 relations", result.Message, StringComparison.Ordinal);
        Assert.NotNull(await Reads.GetActorAsync(Actors.Iom, Ct));
        Assert.Equal(before.Relations, (await Reads.GetStatsAsync(0, Ct)).Relations);
    }

    [Fact]
    public async Task Deleting_an_actor_with_cascade_deletes_its_relations_and_logs_each()
    {
        await SeedAsync();
        var iomRelations = AllRelations.Where(r => r.From == Actors.Iom || r.To == Actors.Iom).Select(r => r.Id).Order(StringComparer.Ordinal).ToList();
        var after = (await LogAsync())[^1].Sequence;
        Clock.Advance(TimeSpan.FromMinutes(1));

        var result = await WriteAsync(new CurationWrite(Alice, GraphBundle.Empty, [RecordRef.ActorOf(Actors.Iom)], Cascade: true));

        AssertApplied(result);
        Assert.Equal(new RecordCounts(0, 0, 0, 1), result.Counts.Actors);
        Assert.Equal(new RecordCounts(0, 0, 0, iomRelations.Count), result.Counts.Relations);
        Assert.Null(await Reads.GetActorAsync(Actors.Iom, Ct));
        foreach (var id in iomRelations)
        {
            Assert.Null(await Reads.GetRelationAsync(id, Ct));
        }

        Assert.Equal(AllRelations.Count - iomRelations.Count, (await Reads.GetStatsAsync(0, Ct)).Relations);
        var entries = await LogAsync(new ChangeQuery(null, null, 100, ChangeCursor.After(after)));
        Assert.Equal([.. iomRelations.Select(RecordRef.RelationOf), RecordRef.ActorOf(Actors.Iom)], entries.Select(e => e.Record));
        Assert.All(entries, e => Assert.Equal((ChangeOperation.Delete, Alice, Start.AddMinutes(1)), (e.Operation, e.Author, e.At)));
        Assert.Equal(Json(Relation(Relations.IomMemberOfGmg)), entries.Single(e => e.Record.Id == Relations.IomMemberOfGmg).Before);
    }

    [Fact]
    public async Task Deleting_an_actor_with_all_its_relations_in_one_write_needs_no_cascade()
    {
        await SeedAsync();

        var result = await WriteAsync(new CurationWrite(Alice, GraphBundle.Empty, [
            RecordRef.ActorOf(Actors.Gcim), RecordRef.RelationOf(Relations.SwitzerlandFundsGcim), RecordRef.RelationOf(Relations.GcimPrecursorOfGfmd)]));

        AssertApplied(result);
        Assert.Equal(new RecordCounts(0, 0, 0, 2), result.Counts.Relations);
        Assert.Null(await Reads.GetActorAsync(Actors.Gcim, Ct));
    }

    [Fact]
    public async Task Deleting_an_actor_without_relations_needs_no_cascade()
    {
        await SeedAsync();

        var result = await WriteAsync(new CurationWrite(Alice, GraphBundle.Empty, [RecordRef.ActorOf(Actors.BerneInitiative)]));

        AssertApplied(result);
        Assert.Equal(new RecordCounts(0, 0, 0, 1), result.Counts.Actors);
        Assert.Equal(RecordCounts.Zero, result.Counts.Relations);
        Assert.Null(await Reads.GetActorAsync(Actors.BerneInitiative, Ct));
    }

    [Fact]
    public async Task Moving_a_relation_off_an_actor_lets_the_same_write_delete_it()
    {
        await SeedAsync();
        var moved = Relation(Relations.UnhcrReportsToExCom) with { To = Actors.Gmg };

        var result = await WriteAsync(new CurationWrite(Alice, Upserts(relations: [moved]), [RecordRef.ActorOf(Actors.ExCom)]));

        AssertApplied(result);
        Assert.Null(await Reads.GetActorAsync(Actors.ExCom, Ct));
        Assert.Equal(Actors.Gmg, (await Reads.GetRelationAsync(Relations.UnhcrReportsToExCom, Ct))!.To.Id);
    }

    [Fact]
    public async Task Deleting_a_record_that_does_not_exist_is_not_found_and_deletes_nothing_else()
    {
        await SeedAsync();

        var result = await WriteAsync(new CurationWrite(Alice, GraphBundle.Empty, [RecordRef.RelationOf(Relations.IomMemberOfGmg), RecordRef.ActorOf("nobody")]));

        AssertRefused(result, WriteStatus.NotFound, RecordRef.ActorOf("nobody"));
        Assert.NotNull(await Reads.GetRelationAsync(Relations.IomMemberOfGmg, Ct));
    }

    [Fact]
    public async Task Deleting_a_source_that_records_cite_is_a_conflict()
    {
        await SeedAsync();

        var result = await WriteAsync(new CurationWrite(Alice, GraphBundle.Empty, [RecordRef.SourceOf(Sources.IomMemberStates)]));

        AssertRefused(result, WriteStatus.Conflict, RecordRef.SourceOf(Sources.IomMemberStates));
        Assert.NotNull(await Reads.GetRecordAsync(RecordRef.SourceOf(Sources.IomMemberStates), Ct));
    }

    [Fact]
    public async Task Deleting_a_source_that_only_an_actor_cites_is_a_conflict()
    {
        await SeedAsync(Bundle().Without(relations: [Relations.CoteDIvoireMemberOfIom, Relations.SwitzerlandMemberOfIom]));

        var result = await WriteAsync(new CurationWrite(Alice, GraphBundle.Empty, [RecordRef.SourceOf(Sources.IomMemberStates)]));

        AssertRefused(result, WriteStatus.Conflict, RecordRef.SourceOf(Sources.IomMemberStates));
    }

    [Fact]
    public async Task Deleting_a_source_that_nothing_cites_succeeds()
    {
        await SeedAsync();

        var result = await WriteAsync(new CurationWrite(Alice, GraphBundle.Empty, [RecordRef.SourceOf(Sources.Uncited)]));

        AssertApplied(result);
        Assert.Equal(new RecordCounts(0, 0, 0, 1), result.Counts.Sources);
        Assert.Null(await Reads.GetSourceAsync(new SourceQuery(Sources.Uncited, 10, null), Ct));
    }

    [Fact]
    public async Task A_source_may_go_with_every_record_that_cites_it()
    {
        await SeedAsync();

        var explicitly = await WriteAsync(new CurationWrite(Alice, GraphBundle.Empty, [
            RecordRef.SourceOf(Sources.GfmdChairs), RecordRef.RelationOf(Relations.SwitzerlandChairsGfmd), RecordRef.RelationOf(Relations.GcimPrecursorOfGfmd)]));
        var byCascade = await WriteAsync(new CurationWrite(Alice, GraphBundle.Empty, [RecordRef.ActorOf(Actors.ExCom), RecordRef.SourceOf(Sources.UnhcrStatute)], Cascade: true));

        AssertApplied(explicitly);
        AssertApplied(byCascade);
        Assert.Equal(new RecordCounts(0, 0, 0, 1), byCascade.Counts.Relations);
        Assert.Null(await Reads.GetRecordAsync(RecordRef.SourceOf(Sources.GfmdChairs), Ct));
        Assert.Null(await Reads.GetRecordAsync(RecordRef.SourceOf(Sources.UnhcrStatute), Ct));
        Assert.Null(await Reads.GetRelationAsync(Relations.UnhcrReportsToExCom, Ct));
    }

    [Fact]
    public async Task An_update_that_stops_citing_a_source_lets_the_same_write_delete_it()
    {
        await SeedAsync();
        var recited = Relation(Relations.UnhcrReportsToExCom) with { Sources = [new Citation(Sources.Uncited, "It reports.")] };

        var result = await WriteAsync(new CurationWrite(Alice, Upserts(relations: [recited]), [RecordRef.SourceOf(Sources.UnhcrStatute)]));

        AssertApplied(result);
        Assert.Null(await Reads.GetRecordAsync(RecordRef.SourceOf(Sources.UnhcrStatute), Ct));
    }

    // ---------------------------------------------------------------- invalid writes

    [Fact]
    public async Task A_relation_to_a_missing_actor_is_invalid_and_nothing_is_written()
    {
        await SeedAsync();
        var before = await Reads.GetStatsAsync(0, Ct);
        var logged = (await LogAsync()).Count;
        var dangling = SwitzerlandInForum with { Id = "forum-member-of-nobody", From = Forum.Id, To = "nobody" };

        var result = await WriteAsync(CurationWrite.Upsert(Alice, Upserts([Charter], [Forum], [dangling])));

        AssertRefused(result, WriteStatus.Invalid, RecordRef.RelationOf(dangling.Id));
        Assert.Contains("'forum-member-of-nobody'", result.Message, StringComparison.Ordinal);
        Assert.Contains("'nobody'", result.Message, StringComparison.Ordinal);
        Assert.Null(await Reads.GetRecordAsync(RecordRef.ActorOf(Forum.Id), Ct));
        Assert.Null(await Reads.GetRecordAsync(RecordRef.SourceOf(Charter.Id), Ct));
        var after = await Reads.GetStatsAsync(0, Ct);
        Assert.Equal((before.Actors, before.Relations, before.Sources), (after.Actors, after.Relations, after.Sources));
        Assert.Equal(logged, (await LogAsync()).Count);
    }

    [Fact]
    public async Task A_record_citing_a_missing_source_is_invalid()
    {
        await SeedAsync();
        var citing = Actor(Actors.Gmg) with { Sources = [new Citation("no-such-source", "...")] };

        var result = await WriteAsync(CurationWrite.Upsert(Alice, Upserts(actors: [citing])));

        AssertRefused(result, WriteStatus.Invalid, RecordRef.ActorOf(Actors.Gmg));
        Assert.Contains("'no-such-source'", result.Message, StringComparison.Ordinal);
        await AssertStoredAsync(Actor(Actors.Gmg));
    }

    [Fact]
    public async Task One_bad_record_keeps_every_good_record_of_its_write_out()
    {
        await SeedAsync();
        var logged = (await LogAsync()).Count;
        var changed = Actor(Actors.Gmg) with { Description = "Changed." };
        var bad = Relation(Relations.IomMemberOfGmg) with { To = "nobody" };

        var result = await WriteAsync(new CurationWrite(
            Alice, Upserts([Charter], [changed, Forum], [SwitzerlandInForum, bad]), [RecordRef.ActorOf(Actors.BerneInitiative)]));

        AssertRefused(result, WriteStatus.Invalid, RecordRef.RelationOf(Relations.IomMemberOfGmg));
        await AssertStoredAsync(Actor(Actors.Gmg));
        await AssertStoredAsync(Relation(Relations.IomMemberOfGmg));
        Assert.Null(await Reads.GetRecordAsync(RecordRef.SourceOf(Charter.Id), Ct));
        Assert.Null(await Reads.GetRecordAsync(RecordRef.ActorOf(Forum.Id), Ct));
        Assert.Null(await Reads.GetRecordAsync(RecordRef.RelationOf(SwitzerlandInForum.Id), Ct));
        Assert.NotNull(await Reads.GetRecordAsync(RecordRef.ActorOf(Actors.BerneInitiative), Ct));
        Assert.Equal(logged, (await LogAsync()).Count);
    }

    [Fact]
    public async Task A_refused_delete_keeps_the_upserts_of_its_write_out()
    {
        await SeedAsync();
        var changed = Actor(Actors.Gmg) with { Description = "Changed." };

        var result = await WriteAsync(new CurationWrite(Alice, Upserts([Charter], [changed]), [RecordRef.ActorOf(Actors.Iom)]));

        AssertRefused(result, WriteStatus.Conflict, RecordRef.ActorOf(Actors.Iom));
        await AssertStoredAsync(Actor(Actors.Gmg));
        Assert.Null(await Reads.GetRecordAsync(RecordRef.SourceOf(Charter.Id), Ct));
    }

    [Fact]
    public async Task Writing_and_deleting_one_record_in_one_write_is_invalid()
    {
        await SeedAsync();

        var result = await WriteAsync(new CurationWrite(Alice, Upserts(actors: [Actor(Actors.BerneInitiative)]), [RecordRef.ActorOf(Actors.BerneInitiative)]));

        AssertRefused(result, WriteStatus.Invalid, RecordRef.ActorOf(Actors.BerneInitiative));
        Assert.NotNull(await Reads.GetActorAsync(Actors.BerneInitiative, Ct));
    }

    [Fact]
    public async Task Writing_a_relation_to_an_actor_the_same_write_deletes_is_invalid_even_with_cascade()
    {
        await SeedAsync();
        var joins = SwitzerlandInForum with { Id = "che-member-of-berne-initiative", To = Actors.BerneInitiative, Sources = [new Citation(Sources.Uncited, "...")] };

        var result = await WriteAsync(new CurationWrite(Alice, Upserts(relations: [joins]), [RecordRef.ActorOf(Actors.BerneInitiative)], Cascade: true));

        AssertRefused(result, WriteStatus.Invalid, RecordRef.RelationOf(joins.Id));
        Assert.NotNull(await Reads.GetActorAsync(Actors.BerneInitiative, Ct));
        Assert.Null(await Reads.GetRelationAsync(joins.Id, Ct));
    }

    // ---------------------------------------------------------------- the change log

    [Fact]
    public async Task A_write_logs_each_changed_record_once_with_its_author_time_and_json()
    {
        await SeedAsync();
        var after = (await LogAsync())[^1].Sequence;
        Clock.Advance(TimeSpan.FromMinutes(5));
        var changed = Actor(Actors.Gmg) with { Description = "Changed." };

        await WriteAsync(new CurationWrite(Alice, Upserts([Charter], [changed, Forum, Actor(Actors.Iom)]), [RecordRef.RelationOf(Relations.SwitzerlandChairsGfmd)]));

        var entries = await LogAsync(new ChangeQuery(null, null, 100, ChangeCursor.After(after)));
        Assert.Equal(
            [
                (RecordRef.SourceOf(Charter.Id), ChangeOperation.Create, null, Json(Charter)),
                (RecordRef.ActorOf(Actors.Gmg), ChangeOperation.Update, Json(Actor(Actors.Gmg)), Json(changed)),
                (RecordRef.ActorOf(Forum.Id), ChangeOperation.Create, null, Json(Forum)),
                (RecordRef.RelationOf(Relations.SwitzerlandChairsGfmd), ChangeOperation.Delete, Json(Relation(Relations.SwitzerlandChairsGfmd)), (string?)null),
            ],
            entries.Select(e => (e.Record, e.Operation, e.Before, e.After)));
        Assert.All(entries, e => Assert.Equal((Alice, Start.AddMinutes(5)), (e.Author, e.At)));
    }

    [Fact]
    public async Task The_entries_of_one_write_come_in_an_order_that_replays()
    {
        await SeedAsync();
        var after = (await LogAsync())[^1].Sequence;
        var zeta = new Source("zeta-report", "Zeta report", SourceKind.Secondary);
        var forum = Forum with { Sources = [new Citation(zeta.Id, "...")] };

        await WriteAsync(new CurationWrite(
            Alice,
            Upserts([zeta, Charter], [forum, Actor(Actors.Gmg) with { Description = "Changed." }], [SwitzerlandInForum]),
            [RecordRef.SourceOf(Sources.Uncited), RecordRef.ActorOf(Actors.BerneInitiative), RecordRef.RelationOf(Relations.UnhcrReportsToExCom), RecordRef.ActorOf(Actors.ExCom)]));

        var entries = await LogAsync(new ChangeQuery(null, null, 100, ChangeCursor.After(after)));
        Assert.Equal(
            [
                RecordRef.SourceOf(Charter.Id), RecordRef.SourceOf(zeta.Id),
                RecordRef.ActorOf(Actors.Gmg), RecordRef.ActorOf(Forum.Id),
                RecordRef.RelationOf(SwitzerlandInForum.Id),
                RecordRef.RelationOf(Relations.UnhcrReportsToExCom),
                RecordRef.ActorOf(Actors.BerneInitiative), RecordRef.ActorOf(Actors.ExCom),
                RecordRef.SourceOf(Sources.Uncited),
            ],
            entries.Select(e => e.Record));
        Assert.Equal(entries.OrderBy(e => e.Sequence).Select(e => e.Sequence), entries.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Sequences_increase_across_writes_and_each_write_has_one_time()
    {
        await SeedAsync();
        Clock.Advance(TimeSpan.FromMinutes(1));
        await WriteAsync(CurationWrite.Upsert(Alice, Upserts([Charter], [Forum], [SwitzerlandInForum])));
        Clock.Advance(TimeSpan.FromMinutes(1));
        await WriteAsync(new CurationWrite(Bob, GraphBundle.Empty, [RecordRef.ActorOf(Forum.Id)], Cascade: true));

        var entries = await LogAsync();

        Assert.Equal(AllSources.Count + AllActors.Count + AllRelations.Count + 3 + 2, entries.Count);
        Assert.True(entries.Zip(entries.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence), "Sequences must increase.");
        Assert.Equal(
            [("seed", Start), (Alice, Start.AddMinutes(1)), (Bob, Start.AddMinutes(2))],
            entries.Select(e => (e.Author, e.At)).Distinct());
    }

    [Fact]
    public async Task The_log_never_goes_back_in_time()
    {
        Clock.Advance(TimeSpan.FromMinutes(10));
        await WriteAsync(CurationWrite.Upsert(Alice, Upserts([Charter])));
        Clock.Advance(TimeSpan.FromMinutes(-5));

        await WriteAsync(CurationWrite.Upsert(Bob, Upserts([Source(Sources.Uncited)])));

        var entries = await LogAsync();
        Assert.Equal([Start.AddMinutes(10), Start.AddMinutes(10)], entries.Select(e => e.At));
        Assert.Equal(2, (await ChangesAsync(new ChangeQuery(Start.AddMinutes(10), null, 10, null))).Total);
    }

    [Fact]
    public async Task Change_pages_cover_every_entry_exactly_once()
    {
        await SeedAsync();
        await WriteAsync(new CurationWrite(Alice, Upserts([Charter], [Forum], [SwitzerlandInForum]), [RecordRef.ActorOf(Actors.BerneInitiative)]));
        var all = await ChangesAsync(new ChangeQuery(null, null, 1000, null));

        var pages = await AllPagesAsync(new ChangeQuery(null, null, 5, null));

        Assert.Null(all.NextCursor);
        Assert.Equal(AllSources.Count + AllActors.Count + AllRelations.Count + 4, all.Items.Count);
        Assert.All(pages, p => Assert.Equal(all.Items.Count, p.Total));
        Assert.All(pages[..^1], p => Assert.Equal(5, p.Items.Count));
        Assert.Equal(all.Items, pages.SelectMany(p => p.Items));
    }

    [Fact]
    public async Task Since_selects_the_entries_at_or_after_a_time()
    {
        await SeedAsync();
        Clock.Advance(TimeSpan.FromHours(1));
        await WriteAsync(CurationWrite.Upsert(Alice, Upserts([Charter])));
        Clock.Advance(TimeSpan.FromHours(1));
        await WriteAsync(CurationWrite.Upsert(Bob, Upserts(actors: [Forum with { Sources = null }])));

        var fromFirstWrite = await AllPagesAsync(new ChangeQuery(Start.AddHours(1), null, 1, null));
        var justAfter = await ChangesAsync(new ChangeQuery(Start.AddHours(1).AddTicks(1), null, 10, null));
        var inAnotherOffset = await ChangesAsync(new ChangeQuery(Start.AddHours(2).ToOffset(TimeSpan.FromHours(-5)), null, 10, null));
        var later = await ChangesAsync(new ChangeQuery(Start.AddHours(3), null, 10, null));
        var everything = await ChangesAsync(new ChangeQuery(Start.AddYears(-1), null, 1000, null));

        Assert.Equal([Alice, Bob], fromFirstWrite.SelectMany(p => p.Items).Select(e => e.Author));
        Assert.All(fromFirstWrite, p => Assert.Equal(2, p.Total));
        Assert.Equal([Bob], justAfter.Items.Select(e => e.Author));
        Assert.Equal([Bob], inAnotherOffset.Items.Select(e => e.Author));
        Assert.Empty(later.Items);
        Assert.Equal(0, later.Total);
        Assert.Null(later.NextCursor);
        Assert.Equal(AllSources.Count + AllActors.Count + AllRelations.Count + 2, everything.Total);
    }

    [Fact]
    public async Task A_record_filter_gives_that_records_history_oldest_first()
    {
        await SeedAsync();
        var berne = RecordRef.ActorOf(Actors.BerneInitiative);
        var changed = Actor(Actors.BerneInitiative) with { Description = "A state-led consultative process." };
        Clock.Advance(TimeSpan.FromMinutes(1));
        await WriteAsync(CurationWrite.Upsert(Alice, Upserts(actors: [changed, Forum with { Sources = null }])));
        Clock.Advance(TimeSpan.FromMinutes(1));
        await WriteAsync(new CurationWrite(Bob, GraphBundle.Empty, [berne]));
        Clock.Advance(TimeSpan.FromMinutes(1));
        await WriteAsync(CurationWrite.Upsert(Alice, Upserts(actors: [Actor(Actors.BerneInitiative)])));

        var pages = await AllPagesAsync(new ChangeQuery(null, berne, 1, null));
        var recent = await ChangesAsync(new ChangeQuery(Start.AddMinutes(2), berne, 10, null));

        var history = pages.SelectMany(p => p.Items).ToList();
        Assert.Equal(
            [("seed", ChangeOperation.Create), (Alice, ChangeOperation.Update), (Bob, ChangeOperation.Delete), (Alice, ChangeOperation.Create)],
            history.Select(e => (e.Author, e.Operation)));
        Assert.All(history, e => Assert.Equal(berne, e.Record));
        Assert.All(pages, p => Assert.Equal(4, p.Total));
        Assert.Equal([null, Json(Actor(Actors.BerneInitiative)), Json(changed), null], history.Select(e => e.Before));
        Assert.Equal([Json(Actor(Actors.BerneInitiative)), Json(changed), null, Json(Actor(Actors.BerneInitiative))], history.Select(e => e.After));
        Assert.Equal([ChangeOperation.Delete, ChangeOperation.Create], recent.Items.Select(e => e.Operation));
        Assert.Equal(2, recent.Total);
    }

    [Fact]
    public async Task A_cursor_after_the_last_entry_reads_only_later_changes()
    {
        await SeedAsync();
        var all = await LogAsync();
        var resume = ChangeCursor.After(all[^1].Sequence);

        var nothingYet = await ChangesAsync(new ChangeQuery(null, null, 10, resume));
        await WriteAsync(CurationWrite.Upsert(Alice, Upserts([Charter])));
        var news = await ChangesAsync(new ChangeQuery(null, null, 10, resume));

        Assert.Empty(nothingYet.Items);
        Assert.Null(nothingYet.NextCursor);
        Assert.Equal(all.Count, nothingYet.Total);
        Assert.Equal([RecordRef.SourceOf(Charter.Id)], news.Items.Select(e => e.Record));
        Assert.Equal(all.Count + 1, news.Total);
    }

    [Fact]
    public async Task An_empty_store_has_an_empty_log()
    {
        var page = await ChangesAsync(new ChangeQuery(null, null, 10, null));

        Assert.Empty(page.Items);
        Assert.Equal(0, page.Total);
        Assert.Null(page.NextCursor);
    }

    // ---------------------------------------------------------------- seeds and imports in the log

    [Fact]
    public async Task A_seed_logs_every_record_it_creates_under_the_author_seed()
    {
        await SeedAsync();

        var entries = await LogAsync();

        Assert.Equal(
            [
                .. AllSources.Select(s => s.Id).Order(StringComparer.Ordinal).Select(RecordRef.SourceOf),
                .. AllActors.Select(a => a.Id).Order(StringComparer.Ordinal).Select(RecordRef.ActorOf),
                .. AllRelations.Select(r => r.Id).Order(StringComparer.Ordinal).Select(RecordRef.RelationOf),
            ],
            entries.Select(e => e.Record));
        Assert.All(entries, e => Assert.Equal(("seed", ChangeOperation.Create, (string?)null, Start), (e.Author, e.Operation, e.Before, e.At)));
        Assert.Equal(Json(Actor(Actors.Iom)), entries.Single(e => e.Record == RecordRef.ActorOf(Actors.Iom)).After);
    }

    [Fact]
    public async Task Reapplying_an_identical_seed_logs_nothing()
    {
        await SeedAsync();
        var logged = (await LogAsync()).Count;

        await SeedAsync(new GraphBundle { Sources = [.. AllSources.Reverse()], Actors = [.. AllActors.Reverse()], Relations = [.. AllRelations.Reverse()] });

        Assert.Equal(logged, (await LogAsync()).Count);
    }

    [Fact]
    public async Task A_seed_logs_its_updates_and_deletions()
    {
        await SeedAsync();
        var after = (await LogAsync())[^1].Sequence;
        var changed = Actor(Actors.Gmg) with { Description = "Changed by the seed." };
        Clock.Advance(TimeSpan.FromDays(1));

        await SeedAsync(Bundle().With(changed).Without(actors: [Actors.BerneInitiative], relations: [Relations.SwitzerlandChairsGfmd], sources: [Sources.Uncited]));

        var entries = await LogAsync(new ChangeQuery(null, null, 100, ChangeCursor.After(after)));
        Assert.Equal(
            [
                (RecordRef.ActorOf(Actors.Gmg), ChangeOperation.Update, Json(Actor(Actors.Gmg)), Json(changed)),
                (RecordRef.RelationOf(Relations.SwitzerlandChairsGfmd), ChangeOperation.Delete, Json(Relation(Relations.SwitzerlandChairsGfmd)), null),
                (RecordRef.ActorOf(Actors.BerneInitiative), ChangeOperation.Delete, Json(Actor(Actors.BerneInitiative)), null),
                (RecordRef.SourceOf(Sources.Uncited), ChangeOperation.Delete, Json(Source(Sources.Uncited)), (string?)null),
            ],
            entries.Select(e => (e.Record, e.Operation, e.Before, e.After)));
        Assert.All(entries, e => Assert.Equal(("seed", Start.AddDays(1)), (e.Author, e.At)));
    }

    [Fact]
    public async Task An_import_logs_under_the_author_import()
    {
        await SeedAsync();
        var after = (await LogAsync())[^1].Sequence;

        await Writes.ImportAsync(Upserts([Charter], [Forum]), Ct);

        var entries = await LogAsync(new ChangeQuery(null, null, 100, ChangeCursor.After(after)));
        Assert.Equal([("import", RecordRef.SourceOf(Charter.Id)), ("import", RecordRef.ActorOf(Forum.Id))], entries.Select(e => (e.Author, e.Record)));
    }

    // ---------------------------------------------------------------- seeds and curators

    [Fact]
    public async Task A_seed_never_deletes_what_a_curator_created()
    {
        await SeedAsync();
        await WriteAsync(CurationWrite.Upsert(Alice, Upserts([Charter], [Forum], [SwitzerlandInForum])));

        var result = await SeedAsync(Bundle().With(Actor(Actors.Gmg) with { Description = "A new seed." }));

        Assert.Equal(0, result.Sources.Deleted + result.Actors.Deleted + result.Relations.Deleted);
        await AssertStoredAsync(Charter);
        await AssertStoredAsync(Forum);
        await AssertStoredAsync(SwitzerlandInForum);
    }

    [Fact]
    public async Task A_seed_that_drops_a_record_a_curator_changed_keeps_the_curators_version()
    {
        await SeedAsync();
        var changed = Actor(Actors.BerneInitiative) with { Description = "Kept by the curators." };
        await WriteAsync(CurationWrite.Upsert(Alice, Upserts(actors: [changed])));

        var result = await SeedAsync(Bundle().Without(actors: [Actors.BerneInitiative]));

        Assert.Equal(0, result.Actors.Deleted);
        await AssertStoredAsync(changed);
    }

    [Fact]
    public async Task A_seed_that_holds_a_record_a_curator_changed_writes_its_version_and_the_log_keeps_the_curators()
    {
        await SeedAsync();
        var curated = Actor(Actors.Gmg) with { Description = "Curated." };
        await WriteAsync(CurationWrite.Upsert(Alice, Upserts(actors: [curated])));
        Clock.Advance(TimeSpan.FromDays(1));

        var result = await SeedAsync();

        Assert.Equal(new RecordCounts(0, 1, AllActors.Count - 1, 0), result.Actors);
        await AssertStoredAsync(Actor(Actors.Gmg));
        var last = (await LogAsync())[^1];
        Assert.Equal(("seed", ChangeOperation.Update, Json(curated), Json(Actor(Actors.Gmg))), (last.Author, last.Operation, last.Before, last.After));

        // The seed's version is the seed's again: a later seed without it removes it.
        var dropped = await SeedAsync(Bundle().Without(actors: [Actors.Gmg], relations: [Relations.IomMemberOfGmg, Relations.UnhcrMemberOfGmg]));
        Assert.Equal(1, dropped.Actors.Deleted);
    }

    // ---------------------------------------------------------------- writers racing

    [Fact]
    public async Task Racing_writes_with_the_same_precondition_apply_exactly_once()
    {
        await SeedAsync();
        var other = await OpenStoreOnSameDataAsync();
        var gmg = Actor(Actors.Gmg);
        var version = RecordVersion.Of(gmg);
        var versions = Enumerable.Range(0, 8).Select(i => gmg with { Description = $"Version {i}" }).ToList();

        var results = await Task.WhenAll(versions.Select((changed, i) => (i % 2 == 0 ? Writes : other.Writes).WriteAsync(
            new CurationWrite(
                $"curator-{i}",
                Upserts(actors: [changed]),
                [],
                Preconditions: new Dictionary<RecordRef, string?> { [RecordRef.ActorOf(gmg.Id)] = version }),
            Ct)));

        var winner = Array.FindIndex(results, r => r.Applied);
        Assert.Single(results, r => r.Applied);
        Assert.Equal(7, results.Count(r => r.Status == WriteStatus.PreconditionFailed));
        var history = await ChangesAsync(new ChangeQuery(null, RecordRef.ActorOf(gmg.Id), 10, null));
        Assert.Equal([("seed", ChangeOperation.Create), ($"curator-{winner}", ChangeOperation.Update)], history.Items.Select(e => (e.Author, e.Operation)));
        await AssertStoredAsync(versions[winner]);
        Assert.Equal(await Reads.GetRecordAsync(RecordRef.ActorOf(gmg.Id), Ct), await other.Reads.GetRecordAsync(RecordRef.ActorOf(gmg.Id), Ct));
    }

    [Fact]
    public async Task Concurrent_writers_never_share_a_sequence_number()
    {
        var other = await OpenStoreOnSameDataAsync();

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? Writes : other.Writes).WriteAsync(
            CurationWrite.Upsert($"curator-{i}", Upserts([new Source($"source-{i}", $"Source {i}", SourceKind.News), new Source($"other-{i}", $"Other {i}", SourceKind.News)])),
            Ct)));

        var log = await LogAsync();
        Assert.Equal(20, log.Count);
        Assert.Equal(20, log.Select(e => e.Sequence).Distinct().Count());
        Assert.True(log.Zip(log.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence && p.First.At <= p.Second.At), "The log is ordered by sequence and by time.");

        // Each write's two entries follow each other, in replay order: no write's entries are interleaved with another's.
        Assert.All(log.Chunk(2), pair =>
        {
            var writer = pair[0].Author["curator-".Length..];
            Assert.Equal([($"curator-{writer}", $"other-{writer}"), ($"curator-{writer}", $"source-{writer}")], pair.Select(e => (e.Author, e.Record.Id)));
        });
        Assert.Equal(log[^1].Sequence, await other.Reads.GetLastChangeSequenceAsync(Ct));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t")]
    public async Task A_write_by_an_unnamed_author_is_refused(string author)
    {
        await SeedAsync();
        var logged = (await LogAsync()).Count;

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Writes.WriteAsync(CurationWrite.Upsert(author, Upserts([Charter])), Ct));

        Assert.Null(await Reads.GetRecordAsync(RecordRef.SourceOf(Charter.Id), Ct));
        Assert.Equal(logged, (await LogAsync()).Count);
    }

    [Fact]
    public async Task A_seed_counts_the_records_it_replaced_that_another_author_wrote_last()
    {
        await SeedAsync();
        AssertApplied(await WriteAsync(CurationWrite.Upsert(Alice, Upserts(actors: [Actor(Actors.Gmg) with { Description = "Curated." }, Actor(Actors.Iom) with { Description = "Curated." }]))));
        await Writes.ImportAsync(Upserts([Source(Sources.Uncited) with { Note = "Imported." }]), Ct);

        // The seed replaces the two curated actors and the imported source, and changes an actor of its own.
        var replacing = await WriteAsync(CurationWrite.Seed(Bundle().With(Actor(Actors.Gcim) with { Description = "A new seed." })));
        var again = await WriteAsync(CurationWrite.Seed(Bundle()));

        AssertApplied(replacing);
        Assert.Equal((3, 1), (replacing.Counts.Actors.Updated, replacing.Counts.Sources.Updated));
        Assert.Equal(3, replacing.Overwritten);
        Assert.Equal((1, 0), (again.Counts.Actors.Updated, again.Overwritten));
    }

    // ---------------------------------------------------------------- existing records

    [Fact]
    public async Task Existing_records_are_the_actors_with_their_kinds_and_the_sources_that_exist()
    {
        await SeedAsync();

        var existing = await Reads.GetExistingAsync([Actors.Iom, Actors.CoteDIvoire, "nobody", Sources.Uncited], [Sources.Uncited, "nothing", Actors.Iom], Ct);
        var none = await Reads.GetExistingAsync([], [], Ct);

        Assert.Equal(
            [(Actors.CoteDIvoire, ActorKind.State), (Actors.Iom, ActorKind.IntergovernmentalOrganisation)],
            existing.Actors.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)));
        Assert.Equal([Sources.Uncited], existing.Sources);
        Assert.Empty(none.Actors);
        Assert.Empty(none.Sources);
    }

    // ---------------------------------------------------------------- exports

    [Fact]
    public async Task An_unfiltered_export_streams_actors_then_relations_then_cited_sources_each_by_id()
    {
        await SeedAsync();

        var items = await ExportAsync(new ExportFilter([], [], null));

        Assert.Equal(
            Expected(
                AllActors.Select(a => a.Id),
                AllRelations.Select(r => r.Id),
                AllSources.Select(s => s.Id).Where(id => id != Sources.Uncited)),
            Describe(items));
        Assert.All(items.OfType<ActorItem>(), i => Assert.Equal(Json(Actor(i.Id)), Json(i.Actor)));
        Assert.All(items.OfType<RelationItem>(), i => Assert.Equal(Json(Relation(i.Id)), Json(i.Relation)));
        Assert.All(items.OfType<SourceItem>(), i => Assert.Equal(Json(Source(i.Id)), Json(i.Source)));
    }

    [Fact]
    public async Task An_unfiltered_export_holds_the_sources_that_only_actors_cite()
    {
        await SeedAsync(Bundle().Without(relations: [Relations.CoteDIvoireMemberOfIom, Relations.SwitzerlandMemberOfIom]));

        var items = await ExportAsync(new ExportFilter([], [], null));

        Assert.Contains($"source:{Sources.IomMemberStates}", Describe(items));
    }

    [Fact]
    public async Task An_export_by_kind_keeps_the_relations_among_those_actors()
    {
        await SeedAsync();

        var items = await ExportAsync(new ExportFilter([ActorKind.State, ActorKind.IntergovernmentalOrganisation], [], null));

        Assert.Equal(
            Expected([Actors.Switzerland, Actors.CoteDIvoire, Actors.Iom], [Relations.SwitzerlandMemberOfIom, Relations.CoteDIvoireMemberOfIom], [Sources.IomMemberStates]),
            Describe(items));
    }

    [Fact]
    public async Task An_export_by_actor_ids_keeps_the_relations_among_those_actors_and_the_sources_any_of_them_cites()
    {
        await SeedAsync();

        var items = await ExportAsync(new ExportFilter([], [], null, ActorIds: [Actors.Iom, Actors.Gmg, Actors.Unhcr, "nobody"]));

        Assert.Equal(
            Expected([Actors.Gmg, Actors.Iom, Actors.Unhcr], [Relations.IomMemberOfGmg, Relations.UnhcrMemberOfGmg], [Sources.GmgTermsOfReference, Sources.IomMemberStates]),
            Describe(items));
    }

    [Fact]
    public async Task An_export_by_kind_and_actor_ids_takes_the_actors_that_match_both()
    {
        await SeedAsync();

        var items = await ExportAsync(new ExportFilter([ActorKind.InterAgencyGroup], [], null, ActorIds: [Actors.Gmg, Actors.Iom]));

        Assert.Equal(Expected([Actors.Gmg], [], []), Describe(items));
    }

    [Fact]
    public async Task An_export_by_relation_type_takes_the_ends_of_those_relations()
    {
        await SeedAsync();

        var items = await ExportAsync(new ExportFilter([], [RelationType.MemberOf], null));

        Assert.Equal(
            Expected(
                [Actors.Switzerland, Actors.CoteDIvoire, Actors.Gmg, Actors.Iom, Actors.UnNetwork, Actors.Unhcr],
                [Relations.SwitzerlandMemberOfIom, Relations.CoteDIvoireMemberOfIom, Relations.IomMemberOfGmg, Relations.UnhcrMemberOfGmg, Relations.UnhcrMemberOfUnNetwork],
                [Sources.GmgTermsOfReference, Sources.IomMemberStates, Sources.UnNetworkTermsOfReference]),
            Describe(items));
    }

    [Fact]
    public async Task An_export_as_of_a_date_takes_the_relations_valid_then_and_their_ends()
    {
        await SeedAsync();

        // The UNHCR's reports to its ExCom and Côte d'Ivoire's membership of the IOM are undated: they might not hold then.
        var items = await ExportAsync(new ExportFilter([], [], PartialDate.OfYear(2010)));

        Assert.Equal(
            Expected(
                [Actors.Iom, Actors.Gmg, Actors.Unhcr, Actors.Switzerland, Actors.Gcim, Actors.Gfmd],
                [Relations.IomMemberOfGmg, Relations.UnhcrMemberOfGmg, Relations.SwitzerlandMemberOfIom, Relations.GcimPrecursorOfGfmd],
                [Sources.GmgTermsOfReference, Sources.IomMemberStates, Sources.GcimReport, Sources.GfmdChairs]),
            Describe(items));
    }

    [Fact]
    public async Task An_export_as_of_a_date_that_includes_undated_relations_takes_them_and_their_ends_too()
    {
        await SeedAsync();

        var items = await ExportAsync(new ExportFilter([], [], PartialDate.OfYear(2010)) { IncludeUndated = true });

        Assert.Equal(
            Expected(
                [Actors.Iom, Actors.Gmg, Actors.Unhcr, Actors.ExCom, Actors.CoteDIvoire, Actors.Switzerland, Actors.Gcim, Actors.Gfmd],
                [Relations.IomMemberOfGmg, Relations.UnhcrMemberOfGmg, Relations.UnhcrReportsToExCom, Relations.CoteDIvoireMemberOfIom, Relations.SwitzerlandMemberOfIom, Relations.GcimPrecursorOfGfmd],
                [Sources.GmgTermsOfReference, Sources.UnhcrStatute, Sources.IomMemberStates, Sources.GcimReport, Sources.GfmdChairs]),
            Describe(items));
    }

    [Fact]
    public async Task An_export_without_a_date_takes_undated_relations_whether_or_not_they_are_asked_for()
    {
        await SeedAsync();

        var plain = await ExportAsync(new ExportFilter([], [RelationType.ReportsTo], null));
        var asked = await ExportAsync(new ExportFilter([], [RelationType.ReportsTo], null) { IncludeUndated = true });

        var expected = Expected([Actors.Unhcr, Actors.ExCom], [Relations.UnhcrReportsToExCom], [Sources.UnhcrStatute]);
        Assert.Equal(expected, Describe(plain));
        Assert.Equal(expected, Describe(asked));
    }

    [Fact]
    public async Task An_export_by_relation_ids_takes_those_relations_and_their_ends()
    {
        await SeedAsync();

        var items = await ExportAsync(new ExportFilter([], [], null, RelationIds: [Relations.SwitzerlandChairsGfmd, "no.such.relation"]));

        Assert.Equal(Expected([Actors.Switzerland, Actors.Gfmd], [Relations.SwitzerlandChairsGfmd], [Sources.GfmdChairs]), Describe(items));
    }

    [Fact]
    public async Task An_export_by_type_and_date_among_restricted_actors_applies_every_filter()
    {
        await SeedAsync();

        var byTypeAndKind = await ExportAsync(new ExportFilter([ActorKind.State, ActorKind.IntergovernmentalOrganisation], [RelationType.MemberOf, RelationType.Funds], null));
        var byTypeAndDate = await ExportAsync(new ExportFilter([], [RelationType.MemberOf], PartialDate.OfYear(2020)));

        Assert.Equal(
            Expected([Actors.Switzerland, Actors.CoteDIvoire, Actors.Iom], [Relations.SwitzerlandMemberOfIom, Relations.CoteDIvoireMemberOfIom], [Sources.IomMemberStates]),
            Describe(byTypeAndKind));
        Assert.Equal(
            Expected(
                [Actors.Switzerland, Actors.Iom, Actors.UnNetwork, Actors.Unhcr],
                [Relations.SwitzerlandMemberOfIom, Relations.UnhcrMemberOfUnNetwork],
                [Sources.IomMemberStates, Sources.UnNetworkTermsOfReference]),
            Describe(byTypeAndDate));
    }

    [Fact]
    public async Task An_export_by_an_empty_id_list_selects_nothing()
    {
        await SeedAsync();

        Assert.Empty(await ExportAsync(new ExportFilter([], [], null, ActorIds: [])));
        Assert.Empty(await ExportAsync(new ExportFilter([], [], null, RelationIds: [])));
    }

    [Fact]
    public async Task An_export_of_an_empty_store_is_empty()
    {
        Assert.Empty(await ExportAsync(new ExportFilter([], [], null)));
    }

    [Fact]
    public async Task An_unfiltered_export_round_trips_through_a_bundle_into_an_empty_store()
    {
        await SeedAsync();
        await WriteAsync(new CurationWrite(Alice, Upserts([Charter], [Forum], [SwitzerlandInForum]), [RecordRef.RelationOf(Relations.SwitzerlandChairsGfmd)]));
        var exported = await ExportAsync(new ExportFilter([], [], null));
        var bundle = new GraphBundle
        {
            Sources = [.. exported.OfType<SourceItem>().Select(i => i.Source)],
            Actors = [.. exported.OfType<ActorItem>().Select(i => i.Actor)],
            Relations = [.. exported.OfType<RelationItem>().Select(i => i.Relation)],
        };
        var (copyReads, copyWrites) = await CreateAnotherEmptyStoreAsync();

        var result = await copyWrites.ImportAsync(bundle, Ct);
        var reexported = await ExportAsync(new ExportFilter([], [], null), copyReads);

        Assert.Equal((bundle.Sources.Count, bundle.Actors.Count, bundle.Relations.Count), (result.Sources.Created, result.Actors.Created, result.Relations.Created));
        Assert.Equal(AllActors.Count + 1, bundle.Actors.Count);
        Assert.Equal(AllRelations.Count, bundle.Relations.Count);
        Assert.Equal(exported.Select(JsonOf), reexported.Select(JsonOf));
        foreach (var record in Describe(exported).Select(Parse))
        {
            Assert.Equal(await Reads.GetRecordAsync(record, Ct), await copyReads.GetRecordAsync(record, Ct));
        }
    }

    // ---------------------------------------------------------------- cancellation

    [Fact]
    public async Task A_cancelled_export_throws_operation_cancelled()
    {
        await SeedAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in Reads.ExportAsync(new ExportFilter([], [], null), cancelled.Token))
            {
            }
        });
    }

    [Fact]
    public async Task A_cancelled_write_writes_nothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Writes.WriteAsync(CurationWrite.Seed(Bundle()), cancelled.Token));

        Assert.Null(await Reads.GetSeedStateAsync(Ct));
        Assert.Equal(0, (await Reads.GetStatsAsync(0, Ct)).Actors);
        Assert.Empty((await ChangesAsync(new ChangeQuery(null, null, 10, null))).Items);
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>A second empty store, on its own clock, disposed with the test's.</summary>
    protected async Task<(IGraphReader Reads, IGraphWriter Writes)> CreateAnotherEmptyStoreAsync()
    {
        var stores = await CreateEmptyStoreAsync(new ManualClock(Start));
        _stores.Add(stores);
        return stores;
    }

    /// <summary>Another store on the data of the store under test (<see cref="CreateStoreOnSameDataAsync"/>), disposed with the test's.</summary>
    protected async Task<(IGraphReader Reads, IGraphWriter Writes)> OpenStoreOnSameDataAsync()
    {
        var stores = await CreateStoreOnSameDataAsync(Clock);
        if (!_stores.Any(s => ReferenceEquals(s.Reads, stores.Reads) || ReferenceEquals(s.Writes, stores.Writes)))
        {
            _stores.Add(stores);
        }

        return stores;
    }

    protected Task<BundleResult> SeedAsync(GraphBundle? bundle = null) => Writes.SeedAsync(bundle ?? Bundle(), Ct);

    private Task<WriteResult> WriteAsync(CurationWrite write) => Writes.WriteAsync(write, Ct);

    private Task<Page<ChangeEntry>> ChangesAsync(ChangeQuery query) => Reads.GetChangesAsync(query, Ct);

    /// <summary>Follows NextCursor from the query's page to the last, checking that each cursor is well formed.</summary>
    private async Task<List<Page<ChangeEntry>>> AllPagesAsync(ChangeQuery query)
    {
        var pages = new List<Page<ChangeEntry>>();
        while (true)
        {
            var page = await ChangesAsync(query);
            pages.Add(page);
            if (page.NextCursor is null)
            {
                return pages;
            }

            Assert.True(Cursors.TryDecode<ChangeCursor>(page.NextCursor, out var next), $"'{page.NextCursor}' is not a well-formed change cursor.");
            Assert.Equal(page.Items[^1].Sequence, next.Sequence);
            Assert.True(pages.Count <= 1000, "Paging does not end.");
            query = query with { After = next };
        }
    }

    /// <summary>Every entry a query selects, across pages.</summary>
    private async Task<List<ChangeEntry>> LogAsync(ChangeQuery? query = null) =>
        [.. (await AllPagesAsync(query ?? new ChangeQuery(null, null, 100, null))).SelectMany(p => p.Items)];

    private Task<List<ExportItem>> ExportAsync(ExportFilter filter) => ExportAsync(filter, Reads);

    private static async Task<List<ExportItem>> ExportAsync(ExportFilter filter, IGraphReader store)
    {
        var items = new List<ExportItem>();
        await foreach (var item in store.ExportAsync(filter, Ct))
        {
            items.Add(item);
        }

        return items;
    }

    /// <summary>"actor:iom", "relation:...", "source:..." in the order given.</summary>
    private static List<string> Describe(IEnumerable<ExportItem> items) =>
        [.. items.Select(i => i switch
        {
            ActorItem => $"actor:{i.Id}",
            RelationItem => $"relation:{i.Id}",
            _ => $"source:{i.Id}",
        })];

    /// <summary>What an export of these records must stream: actors, relations, sources, each in ordinal id order.</summary>
    private static List<string> Expected(IEnumerable<string> actors, IEnumerable<string> relations, IEnumerable<string> sources) =>
    [
        .. actors.Order(StringComparer.Ordinal).Select(id => $"actor:{id}"),
        .. relations.Order(StringComparer.Ordinal).Select(id => $"relation:{id}"),
        .. sources.Order(StringComparer.Ordinal).Select(id => $"source:{id}"),
    ];

    private static RecordRef Parse(string described) => described.Split(':') switch
    {
        ["actor", var id] => RecordRef.ActorOf(id),
        ["relation", var id] => RecordRef.RelationOf(id),
        [_, var id] => RecordRef.SourceOf(id),
        _ => throw new ArgumentException(described, nameof(described)),
    };

    private static string JsonOf(ExportItem item) => item switch
    {
        ActorItem(var actor) => Json(actor),
        RelationItem(var relation) => Json(relation),
        SourceItem(var source) => Json(source),
        _ => throw new ArgumentOutOfRangeException(nameof(item), item, "Not an export item."),
    };

    private static string Json(Actor actor) => CanonicalJson.Encode(actor).Json;

    private static string Json(Relation relation) => CanonicalJson.Encode(relation).Json;

    private static string Json(Source source) => CanonicalJson.Encode(source).Json;

    private async Task AssertStoredAsync(Actor actor) =>
        Assert.Equal(new VersionedRecord(RecordRef.ActorOf(actor.Id), Json(actor), RecordVersion.Of(actor)), await Reads.GetRecordAsync(RecordRef.ActorOf(actor.Id), Ct));

    private async Task AssertStoredAsync(Relation relation) =>
        Assert.Equal(new VersionedRecord(RecordRef.RelationOf(relation.Id), Json(relation), RecordVersion.Of(relation)), await Reads.GetRecordAsync(RecordRef.RelationOf(relation.Id), Ct));

    private async Task AssertStoredAsync(Source source) =>
        Assert.Equal(new VersionedRecord(RecordRef.SourceOf(source.Id), Json(source), RecordVersion.Of(source)), await Reads.GetRecordAsync(RecordRef.SourceOf(source.Id), Ct));

    private static void AssertApplied(WriteResult result) =>
        Assert.True(result.Status == WriteStatus.Applied, $"Expected the write to apply, but it was {result.Status}: {result.Message}");

    private static void AssertRefused(WriteResult result, WriteStatus status, RecordRef offender)
    {
        Assert.Equal((status, offender), (result.Status, result.Offender));
        Assert.False(string.IsNullOrWhiteSpace(result.Message), "A refusal says why.");
        Assert.Equal(0, result.Counts.Sources.Created + result.Counts.Actors.Created + result.Counts.Relations.Created);
        Assert.False(result.Counts.Changed);
        Assert.Empty(result.Versions);
    }
}

/// <summary>A clock that tests set by hand, so that change-log times are exact.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
