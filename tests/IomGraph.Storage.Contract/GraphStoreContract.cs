using System.Text.Json;
using IomGraph.Core.Graphs;
using IomGraph.Core.Model;
using IomGraph.Core.Vocabulary;
using IomGraph.Core.Storage;
using static IomGraph.Storage.Contract.ContractGraph;

namespace IomGraph.Storage.Contract;

/// <summary>
/// What every <see cref="IGraphReader"/> must do, whatever its database. Subclass it once per store and return a fresh,
/// empty, initialised store from <see cref="EmptyStoreTest.CreateEmptyStoreAsync"/>; each test then writes the data it needs.
/// </summary>
/// <remarks>
/// Choices this contract fixes where the port leaves room:
/// <list type="bullet">
/// <item>A bundle that refers to an actor or source that neither it nor the store holds, or that holds an id twice, is
/// refused (<see cref="WriteStatus.Invalid"/>, naming the record at fault; the caller's validators should have caught it)
/// and nothing of it is written, a seed's fingerprint included.</item>
/// <item>Shortest paths from an actor to itself need no relation (its one chain has no hops); to or from an unknown actor
/// there are none.</item>
/// <item>Listings are keyset-paged: actors by (rank, folded name, id), relations by (start key, id), sources by id, ids
/// compared ordinally. Total counts every match, whatever the page.</item>
/// <item>The relations on shortest paths come in id order (ordinal); neighbourhood nodes by (depth, id).</item>
/// <item>A node's degree counts all its relations in the graph, whatever the neighbourhood's filters; a relation from an
/// actor to itself counts once.</item>
/// <item>A seed's fingerprint depends on the records, not on their order in the bundle.</item>
/// </list>
/// </remarks>
public abstract class GraphStoreContract : EmptyStoreTest
{
    /// <summary>A view as a reader gets it, told on a fixed date so that the answer does not change with time.</summary>
    private static string Say(RelationView view) => RelationSentence.Render(view, SentenceContext.On(new DateOnly(2026, 12, 1)));

    // ---------------------------------------------------------------- writing bundles

    [Fact]
    public async Task Applying_a_bundle_to_an_empty_store_creates_every_record()
    {
        var result = await SeedAsync();

        Assert.Equal(new RecordCounts(AllSources.Count, 0, 0, 0), result.Sources);
        Assert.Equal(new RecordCounts(AllActors.Count, 0, 0, 0), result.Actors);
        Assert.Equal(new RecordCounts(AllRelations.Count, 0, 0, 0), result.Relations);
        Assert.True(result.Changed);
    }

    [Fact]
    public async Task Reapplying_the_same_bundle_changes_nothing()
    {
        await SeedAsync();

        var result = await SeedAsync();

        Assert.Equal(new RecordCounts(0, 0, AllSources.Count, 0), result.Sources);
        Assert.Equal(new RecordCounts(0, 0, AllActors.Count, 0), result.Actors);
        Assert.Equal(new RecordCounts(0, 0, AllRelations.Count, 0), result.Relations);
        Assert.False(result.Changed);
    }

    [Fact]
    public async Task Changing_one_actor_and_one_relation_updates_exactly_those()
    {
        await SeedAsync();
        var actor = Actor(Actors.Gmg) with { Description = "Wound up in 2018 into the UN Network on Migration." };
        var relation = Relation(Relations.UnhcrReportsToExCom) with { Confidence = Confidence.High };

        var result = await SeedAsync(Bundle().With(actor).With(relation));

        Assert.Equal(new RecordCounts(0, 0, AllSources.Count, 0), result.Sources);
        Assert.Equal(new RecordCounts(0, 1, AllActors.Count - 1, 0), result.Actors);
        Assert.Equal(new RecordCounts(0, 1, AllRelations.Count - 1, 0), result.Relations);
        AssertSameJson(actor, (await Store.GetActorAsync(Actors.Gmg, Ct))!.Actor);
        Assert.Equal(Confidence.High, (await Store.GetRelationAsync(Relations.UnhcrReportsToExCom, Ct))!.Relation.Confidence);
    }

    [Fact]
    public async Task Records_read_back_equal_what_was_written()
    {
        await SeedAsync();

        foreach (var actor in AllActors)
        {
            AssertSameJson(actor, (await Store.GetActorAsync(actor.Id, Ct))!.Actor);
        }

        foreach (var relation in AllRelations)
        {
            AssertSameJson(relation, (await Store.GetRelationAsync(relation.Id, Ct))!.Relation);
        }

        foreach (var source in AllSources)
        {
            AssertSameJson(source, (await Store.GetSourceAsync(new SourceQuery(source.Id, 1, null), Ct))!.Source);
        }
    }

    [Fact]
    public async Task Partial_dates_keep_their_precision()
    {
        await SeedAsync();

        var iom = (await Store.GetActorAsync(Actors.Iom, Ct))!.Actor;
        var funding = (await Store.GetRelationAsync(Relations.SwitzerlandFundsGcim, Ct))!.Relation;

        Assert.Equal("1951-12", iom.Founded.ToString());
        Assert.Equal("2003-04", funding.Start.ToString());
        Assert.Equal("2006", funding.End.ToString());
    }

    [Fact]
    public async Task Reapplying_an_actor_with_its_external_ids_in_another_order_changes_nothing()
    {
        await SeedAsync();
        var iom = Actor(Actors.Iom);
        var reordered = iom with { ExternalIds = iom.ExternalIds!.Reverse().ToDictionary(p => p.Key, p => p.Value) };

        var result = await SeedAsync(Bundle().With(reordered));

        Assert.Equal(0, result.Actors.Updated);
    }

    [Fact]
    public async Task Seed_removes_seed_records_missing_from_a_new_seed()
    {
        await SeedAsync();

        var result = await SeedAsync(Bundle().Without(
            actors: [Actors.BerneInitiative], relations: [Relations.SwitzerlandChairsGfmd], sources: [Sources.Uncited]));

        Assert.Equal(new RecordCounts(0, 0, AllSources.Count - 1, 1), result.Sources);
        Assert.Equal(new RecordCounts(0, 0, AllActors.Count - 1, 1), result.Actors);
        Assert.Equal(new RecordCounts(0, 0, AllRelations.Count - 1, 1), result.Relations);
        Assert.Null(await Store.GetActorAsync(Actors.BerneInitiative, Ct));
        Assert.Null(await Store.GetRelationAsync(Relations.SwitzerlandChairsGfmd, Ct));
        Assert.Null(await Store.GetSourceAsync(new SourceQuery(Sources.Uncited, 10, null), Ct));
        var stats = await Store.GetStatsAsync(0, Ct);
        Assert.Equal((AllActors.Count - 1, AllRelations.Count - 1, AllSources.Count - 1), (stats.Actors, stats.Relations, stats.Sources));
    }

    [Fact]
    public async Task Seed_keeps_seed_records_that_imported_records_still_use()
    {
        await SeedAsync();
        var newcomer = new Actor("newcomer", "Newcomer State", ActorKind.State);
        var joins = new Relation("newcomer-member-of-gfmd", newcomer.Id, Actors.Gfmd, RelationType.MemberOf, Confidence.Low, [new Citation(Sources.Uncited, "It joined.")]);
        await Writer.ImportAsync(new GraphBundle { Actors = [newcomer], Relations = [joins] }, Ct);

        var result = await SeedAsync(Bundle().Without(
            actors: [Actors.Gfmd], relations: [Relations.SwitzerlandChairsGfmd, Relations.GcimPrecursorOfGfmd], sources: [Sources.Uncited]));

        Assert.Equal(2, result.Relations.Deleted);
        Assert.Equal(0, result.Actors.Deleted);
        Assert.Equal(0, result.Sources.Deleted);
        Assert.NotNull(await Store.GetActorAsync(Actors.Gfmd, Ct));
        Assert.NotNull(await Store.GetSourceAsync(new SourceQuery(Sources.Uncited, 10, null), Ct));
        Assert.NotNull(await Store.GetRelationAsync(joins.Id, Ct));
        Assert.Null(await Store.GetRelationAsync(Relations.SwitzerlandChairsGfmd, Ct));
    }

    [Fact]
    public async Task Import_never_deletes()
    {
        await SeedAsync();
        var newcomer = new Actor("newcomer", "Newcomer State", ActorKind.State);

        var result = await Writer.ImportAsync(new GraphBundle { Actors = [newcomer] }, Ct);

        Assert.Equal(RecordCounts.Zero, result.Sources);
        Assert.Equal(new RecordCounts(1, 0, 0, 0), result.Actors);
        Assert.Equal(RecordCounts.Zero, result.Relations);
        var stats = await Store.GetStatsAsync(0, Ct);
        Assert.Equal((AllActors.Count + 1, AllRelations.Count, AllSources.Count), (stats.Actors, stats.Relations, stats.Sources));
    }

    [Fact]
    public async Task A_bundle_may_refer_to_records_already_stored()
    {
        await SeedAsync();
        var relation = new Relation("che-supports-un-network", Actors.Switzerland, Actors.UnNetwork, RelationType.Supports, Confidence.Low, [new Citation(Sources.Uncited, "It supports it.")]);

        var result = await Writer.ImportAsync(new GraphBundle { Relations = [relation] }, Ct);

        Assert.Equal(new RecordCounts(1, 0, 0, 0), result.Relations);
        var stored = await Store.GetRelationAsync(relation.Id, Ct);
        Assert.Equal("Switzerland", stored!.From.Name);
    }

    [Fact]
    public async Task A_bundle_with_a_relation_to_a_missing_actor_writes_nothing()
    {
        await SeedAsync();
        var before = await Store.GetStatsAsync(0, Ct);
        var newcomer = new Actor("newcomer", "Newcomer State", ActorKind.State);
        var dangling = new Relation("newcomer-member-of-nobody", newcomer.Id, "nobody", RelationType.MemberOf, Confidence.Low, [new Citation(Sources.Uncited, "...")]);

        var result = await Writer.WriteAsync(CurationWrite.Upsert("import", new GraphBundle { Actors = [newcomer], Relations = [dangling] }), Ct);

        Assert.Equal(WriteStatus.Invalid, result.Status);
        Assert.Equal(RecordRef.RelationOf(dangling.Id), result.Offender);
        Assert.Equal("Relation 'newcomer-member-of-nobody' refers to actor 'nobody', which neither the bundle nor the store holds.", result.Message);

        Assert.Null(await Store.GetActorAsync(newcomer.Id, Ct));
        AssertSameStats(before, await Store.GetStatsAsync(0, Ct));
    }

    [Fact]
    public async Task A_bundle_citing_a_missing_source_writes_nothing()
    {
        var bundle = Bundle().With(Relation(Relations.IomMemberOfGmg) with { Sources = [new Citation("no-such-source", "...")] });

        var result = await Writer.WriteAsync(CurationWrite.Seed(bundle), Ct);

        Assert.Equal(WriteStatus.Invalid, result.Status);
        Assert.Equal(RecordRef.RelationOf(Relations.IomMemberOfGmg), result.Offender);
        Assert.Equal($"Relation '{Relations.IomMemberOfGmg}' refers to source 'no-such-source', which neither the bundle nor the store holds.", result.Message);
        Assert.Null(await Store.GetSeedStateAsync(Ct));
        AssertSameStats(new GraphStats(0, 0, 0, new Dictionary<ActorKind, long>(), new Dictionary<RelationType, long>(), []), await Store.GetStatsAsync(5, Ct));
    }

    [Fact]
    public async Task A_bundle_holding_an_id_twice_writes_nothing()
    {
        var bundle = Bundle() with { Actors = [.. AllActors, Actor(Actors.Iom) with { Name = "Another IOM" }] };

        var result = await Writer.WriteAsync(CurationWrite.Seed(bundle), Ct);

        Assert.Equal(WriteStatus.Invalid, result.Status);
        Assert.Equal(RecordRef.ActorOf(Actors.Iom), result.Offender);
        Assert.Equal($"The bundle holds actor '{Actors.Iom}' more than once.", result.Message);
        Assert.Null(await Store.GetActorAsync(Actors.Iom, Ct));
    }

    [Fact]
    public async Task Updating_a_relation_moves_its_citations()
    {
        await SeedAsync();
        var moved = Relation(Relations.UnhcrReportsToExCom) with { Sources = [new Citation(Sources.Uncited, "It reports.")] };

        await SeedAsync(Bundle().With(moved));

        var statute = await Store.GetSourceAsync(new SourceQuery(Sources.UnhcrStatute, 10, null), Ct);
        var uncited = await Store.GetSourceAsync(new SourceQuery(Sources.Uncited, 10, null), Ct);
        Assert.Equal(0, statute!.CitedBy.Total);
        Assert.Equal([Relations.UnhcrReportsToExCom], Ids(uncited!.CitedBy));
    }

    [Fact]
    public async Task A_refused_seed_leaves_the_store_and_its_seed_state_as_they_were()
    {
        await SeedAsync();
        var before = await Store.GetSeedStateAsync(Ct);
        var broken = Bundle()
            .With(Actor(Actors.Gmg) with { Description = "Changed." })
            .With(Relation(Relations.IomMemberOfGmg) with { To = "nobody" });

        var result = await Writer.WriteAsync(CurationWrite.Seed(broken), Ct);

        Assert.Equal((WriteStatus.Invalid, RecordRef.RelationOf(Relations.IomMemberOfGmg)), (result.Status, result.Offender));
        Assert.Equal($"Relation '{Relations.IomMemberOfGmg}' refers to actor 'nobody', which neither the bundle nor the store holds.", result.Message);
        AssertSameJson(Actor(Actors.Gmg), (await Store.GetActorAsync(Actors.Gmg, Ct))!.Actor);
        Assert.Equal(Actors.Gmg, (await Store.GetRelationAsync(Relations.IomMemberOfGmg, Ct))!.To.Id);
        Assert.Equal(before, await Store.GetSeedStateAsync(Ct));
        Assert.False((await SeedAsync()).Changed);
    }

    [Fact]
    public async Task Initialising_a_store_again_keeps_its_data()
    {
        await SeedAsync();
        var seeded = await Store.GetSeedStateAsync(Ct);

        await Writer.InitialiseAsync(Ct);
        await Writer.InitialiseAsync(Ct);

        var stats = await Store.GetStatsAsync(0, Ct);
        Assert.Equal((AllActors.Count, AllRelations.Count, AllSources.Count), (stats.Actors, stats.Relations, stats.Sources));
        Assert.Equal(seeded, await Store.GetSeedStateAsync(Ct));
        Assert.False((await SeedAsync()).Changed);
    }

    [Fact]
    public async Task Seed_state_is_null_before_the_first_seed()
    {
        Assert.Null(await Store.GetSeedStateAsync(Ct));

        await Writer.ImportAsync(Bundle(), Ct);

        Assert.Null(await Store.GetSeedStateAsync(Ct));
    }

    [Fact]
    public async Task Seeding_records_its_fingerprint_and_time()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);

        await SeedAsync();

        var state = await Store.GetSeedStateAsync(Ct);
        Assert.NotNull(state);
        Assert.Equal(CanonicalJson.Fingerprint(Bundle()), state.Fingerprint);
        Assert.InRange(state.AppliedAt, before, DateTimeOffset.UtcNow.AddSeconds(5));
    }

    [Fact]
    public async Task Seed_fingerprint_depends_on_the_records_not_their_order()
    {
        await SeedAsync();
        var first = (await Store.GetSeedStateAsync(Ct))!.Fingerprint;

        await SeedAsync(new GraphBundle { Sources = [.. AllSources.Reverse()], Actors = [.. AllActors.Reverse()], Relations = [.. AllRelations.Reverse()] });
        var reordered = (await Store.GetSeedStateAsync(Ct))!.Fingerprint;
        await SeedAsync(Bundle().With(Actor(Actors.Gmg) with { Description = "Changed." }));
        var changed = (await Store.GetSeedStateAsync(Ct))!.Fingerprint;

        Assert.Equal(first, reordered);
        Assert.NotEqual(first, changed);
    }

    // ---------------------------------------------------------------- actors

    [Fact]
    public async Task Get_actor_returns_the_actor_with_its_relation_counts_by_type_and_direction()
    {
        await SeedAsync();

        var details = await Store.GetActorAsync(Actors.Iom, Ct);

        Assert.NotNull(details);
        Assert.Equal("International Organization for Migration", details.Actor.Name);
        var counts = details.RelationCounts.OrderBy(c => c.Type).ToList();
        Assert.Equal(
            [new RelationCount(RelationType.MemberOf, 1, 2), new RelationCount(RelationType.Coordinates, 1, 0), new RelationCount(RelationType.SecretariatOf, 1, 0)],
            counts);
    }

    [Fact]
    public async Task An_actor_without_relations_has_no_relation_counts()
    {
        await SeedAsync();

        var details = await Store.GetActorAsync(Actors.BerneInitiative, Ct);

        Assert.Empty(details!.RelationCounts);
    }

    [Fact]
    public async Task Unknown_actor_returns_null()
    {
        await SeedAsync();

        Assert.Null(await Store.GetActorAsync("nobody", Ct));
    }

    [Fact]
    public async Task Actor_refs_are_returned_for_existing_ids_only()
    {
        await SeedAsync();

        var refs = await Store.GetActorRefsAsync([Actors.Iom, Actors.CoteDIvoire, "nobody"], Ct);

        Assert.Equal([Actors.CoteDIvoire, Actors.Iom], refs.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new ActorRef(Actors.Iom, "International Organization for Migration", ActorKind.IntergovernmentalOrganisation, "IOM"), refs[Actors.Iom]);
        Assert.Equal(new ActorRef(Actors.CoteDIvoire, "Côte d’Ivoire", ActorKind.State), refs[Actors.CoteDIvoire]);
        Assert.Empty(await Store.GetActorRefsAsync([], Ct));
    }

    [Fact]
    public async Task Actor_refs_carry_the_curated_short_name_wherever_the_actor_is_shown()
    {
        await SeedAsync();
        var network = new ActorRef(
            Actors.UnNetwork, "United Nations Network on Migration", ActorKind.InterAgencyGroup, "the UN Network on Migration", "UN Network on Migration");

        var refs = await Store.GetActorRefsAsync([Actors.UnNetwork, Actors.Gmg], Ct);
        var relation = await Store.GetRelationAsync(Relations.IomCoordinatesUnNetwork, Ct);
        var relations = await Store.GetActorRelationsAsync(RelationsOf(Actors.UnNetwork, Direction.In), Ct);
        var graph = await Store.GetNeighbourhoodAsync(new NeighbourhoodQuery(Actors.Iom, 1, [], null, 100), Ct);
        var stats = await Store.GetStatsAsync(4, Ct);

        Assert.Equal(network, refs[Actors.UnNetwork]);
        Assert.Null(refs[Actors.Gmg].ShortName);
        Assert.Equal("Global Migration Group", refs[Actors.Gmg].DisplayShortName);
        Assert.Equal(network, relation!.To);
        Assert.All(relations!.Items, v => Assert.Equal(network, v.To));
        Assert.Equal(network, graph!.Nodes.Single(n => n.Actor.Id == Actors.UnNetwork).Actor);
        Assert.Equal(network, stats.MostConnected.Single(c => c.Actor.Id == Actors.UnNetwork).Actor);
    }

    [Fact]
    public async Task A_short_name_taken_away_is_gone_from_the_actors_refs()
    {
        await SeedAsync();

        await SeedAsync(Bundle().With(Actor(Actors.UnNetwork) with { ShortName = null }));

        Assert.Null((await Store.GetActorRefsAsync([Actors.UnNetwork], Ct))[Actors.UnNetwork].ShortName);
        Assert.Null((await Store.GetRelationAsync(Relations.IomCoordinatesUnNetwork, Ct))!.To.ShortName);
        Assert.Equal("UN Network on Migration", (await Store.GetRelationAsync(Relations.IomCoordinatesUnNetwork, Ct))!.To.DisplayShortName);
    }

    [Fact]
    public async Task A_plural_actor_says_so_wherever_it_is_shown()
    {
        await SeedAsync(Bundle().With(RegionalCommissions).With(RegionalCommissionsMemberOfGmg));
        var commissions = new ActorRef(RegionalCommissions.Id, RegionalCommissions.Name, ActorKind.UnEntity, RegionalCommissions.Label, Plural: true);

        var refs = await Store.GetActorRefsAsync([RegionalCommissions.Id, Actors.Gmg], Ct);
        var relation = await Store.GetRelationAsync(RegionalCommissionsMemberOfGmg.Id, Ct);
        var relations = await Store.GetActorRelationsAsync(RelationsOf(Actors.Gmg, Direction.In), Ct);
        var found = await Store.FindRelationsAsync(Filter(to: Actors.Gmg), Ct);
        var cited = await Store.GetSourceAsync(new SourceQuery(Sources.GmgTermsOfReference, 10, null), Ct);
        var graph = await Store.GetNeighbourhoodAsync(new NeighbourhoodQuery(Actors.Gmg, 1, [], null, 100), Ct);
        var paths = await Store.FindShortestPathsAsync(Path(RegionalCommissions.Id, Actors.Iom), Ct);
        var search = await Store.SearchActorsAsync(Search("regional commissions"), Ct);
        var stats = await Store.GetStatsAsync(20, Ct);

        Assert.Equal(commissions, refs[RegionalCommissions.Id]);
        Assert.False(refs[Actors.Gmg].Plural);
        Assert.Equal(commissions, relation!.From);
        Assert.False(relation.To.Plural);
        foreach (var views in new[] { relations!.Items, found.Items, cited!.CitedBy.Items, graph!.Edges, paths.Relations })
        {
            Assert.Equal(commissions, Assert.Single(views, v => v.From.Id == RegionalCommissions.Id).From);
            Assert.All(views.Where(v => v.From.Id != RegionalCommissions.Id), v => Assert.False(v.From.Plural || v.To.Plural, $"{v.Relation.Id} has a plural end."));
        }

        Assert.Equal(commissions, graph.Nodes.Single(n => n.Actor.Id == RegionalCommissions.Id).Actor);
        Assert.All(graph.Nodes.Where(n => n.Actor.Id != RegionalCommissions.Id), n => Assert.False(n.Actor.Plural));
        Assert.True(search.Items[0].Actor.Plural);
        Assert.Equal(commissions, stats.MostConnected.Single(c => c.Actor.Id == RegionalCommissions.Id).Actor);
    }

    [Fact]
    public async Task An_actor_no_longer_plural_is_singular_in_its_refs()
    {
        await SeedAsync(Bundle().With(RegionalCommissions).With(RegionalCommissionsMemberOfGmg));

        await SeedAsync(Bundle().With(RegionalCommissions with { Plural = false }).With(RegionalCommissionsMemberOfGmg));

        Assert.False((await Store.GetActorRefsAsync([RegionalCommissions.Id], Ct))[RegionalCommissions.Id].Plural);
        Assert.False((await Store.GetRelationAsync(RegionalCommissionsMemberOfGmg.Id, Ct))!.From.Plural);
        Assert.False((await Store.GetActorAsync(RegionalCommissions.Id, Ct))!.Actor.Plural);
    }

    [Theory]
    [InlineData("cote d'ivoire")]
    [InlineData("CÔTE D’IVOIRE")]
    [InlineData("  Cote   d'Ivoire ")]
    public async Task Search_ignores_case_and_accents(string query)
    {
        await SeedAsync();

        var page = await Store.SearchActorsAsync(Search(query), Ct);

        var hit = Assert.Single(page.Items);
        Assert.Equal((Actors.CoteDIvoire, MatchRank.Exact), (hit.Actor.Id, hit.Rank));
    }

    [Theory]
    [InlineData("ivory coast", Actors.CoteDIvoire)]
    [InlineData("ICEM", Actors.Iom)]
    [InlineData("oim", Actors.Iom)]
    [InlineData("schweiz", Actors.Switzerland)]
    [InlineData("gcim", Actors.Gcim)]
    public async Task Search_finds_actors_by_alias_and_acronym(string query, string expected)
    {
        await SeedAsync();

        var page = await Store.SearchActorsAsync(Search(query), Ct);

        Assert.Equal(expected, page.Items[0].Actor.Id);
        Assert.Equal(MatchRank.Exact, page.Items[0].Rank);
    }

    [Theory]
    [InlineData("ivory", MatchRank.Prefix)]
    [InlineData("coast", MatchRank.Contains)]
    [InlineData("côte d’ivoire", MatchRank.Exact)]
    public async Task Search_ranks_exact_then_prefix_then_contains(string query, MatchRank rank)
    {
        await SeedAsync();

        var page = await Store.SearchActorsAsync(Search(query), Ct);

        var hit = Assert.Single(page.Items);
        Assert.Equal((Actors.CoteDIvoire, rank), (hit.Actor.Id, hit.Rank));
    }

    [Fact]
    public async Task Search_puts_the_exact_acronym_first()
    {
        await SeedAsync();

        // "Executive Committee of the UNHCR Programme" sorts before "Office of the UN High Commissioner for Refugees".
        var page = await Store.SearchActorsAsync(Search("unhcr"), Ct);

        Assert.Equal([(Actors.Unhcr, MatchRank.Exact), (Actors.ExCom, MatchRank.Contains)], page.Items.Select(h => (h.Actor.Id, h.Rank)));
        Assert.Equal(2, page.Total);
    }

    [Fact]
    public async Task Search_orders_hits_of_one_rank_by_name()
    {
        await SeedAsync();

        var page = await Store.SearchActorsAsync(Search("migration"), Ct);

        Assert.Equal([Actors.Gcim, Actors.Gfmd, Actors.Gmg, Actors.Iom, Actors.UnNetwork], page.Items.Select(h => h.Actor.Id));
        Assert.All(page.Items, h => Assert.Equal(MatchRank.Contains, h.Rank));
    }

    [Fact]
    public async Task Search_without_a_query_lists_every_actor_by_name()
    {
        await SeedAsync();

        var page = await Store.SearchActorsAsync(Search(null), Ct);

        Assert.Equal(ActorsByName, page.Items.Select(h => h.Actor.Id));
        Assert.All(page.Items, h => Assert.Equal(MatchRank.Unranked, h.Rank));
        Assert.Equal(AllActors.Count, page.Total);
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task Search_filters_by_kind()
    {
        await SeedAsync();

        var states = await Store.SearchActorsAsync(Search(null, kinds: [ActorKind.State]), Ct);
        var groups = await Store.SearchActorsAsync(Search("migration", kinds: [ActorKind.InterAgencyGroup, ActorKind.ForumOrCommission]), Ct);

        Assert.Equal([Actors.CoteDIvoire, Actors.Switzerland], states.Items.Select(h => h.Actor.Id));
        Assert.Equal(2, states.Total);
        Assert.Equal([Actors.Gcim, Actors.Gfmd, Actors.Gmg, Actors.UnNetwork], groups.Items.Select(h => h.Actor.Id));
    }

    [Fact]
    public async Task Search_respects_the_limit()
    {
        await SeedAsync();

        var page = await Store.SearchActorsAsync(Search(null, limit: 4), Ct);

        Assert.Equal(ActorsByName.Take(4), page.Items.Select(h => h.Actor.Id));
        Assert.Equal(AllActors.Count, page.Total);
        Assert.NotNull(page.NextCursor);
    }

    [Fact]
    public async Task Search_pages_cover_every_actor_exactly_once()
    {
        await SeedAsync();

        var pages = await AllPagesAsync<ActorHit, ActorCursor>(after => Store.SearchActorsAsync(Search(null, limit: 3, after: after), Ct));

        Assert.Equal([3, 3, 3, 1], pages.Select(p => p.Items.Count));
        Assert.All(pages, p => Assert.Equal(AllActors.Count, p.Total));
        Assert.Equal(ActorsByName, pages.SelectMany(p => p.Items).Select(h => h.Actor.Id));
    }

    [Fact]
    public async Task Search_pages_with_a_query_cover_every_match_exactly_once()
    {
        await SeedAsync();
        var all = await Store.SearchActorsAsync(Search("i", limit: 100), Ct);

        var pages = await AllPagesAsync<ActorHit, ActorCursor>(after => Store.SearchActorsAsync(Search("i", limit: 2, after: after), Ct));

        Assert.True(all.Items.Select(h => h.Rank).Distinct().Count() > 1, "The query should match with several ranks.");
        Assert.Equal(all.Items.Select(h => (h.Actor.Id, h.Rank)), pages.SelectMany(p => p.Items).Select(h => (h.Actor.Id, h.Rank)));
        Assert.All(pages, p => Assert.Equal(all.Total, p.Total));
        Assert.Equal(all.Items.Count, all.Total);
    }

    /// <summary>
    /// An actor with as many names as the validators allow, each as long as they allow, is found by the last of them and
    /// ranked and paged with the others. (On Neo4j its names are too long for the search's index and go another way.)
    /// </summary>
    [Fact]
    public async Task Search_finds_an_actor_by_the_last_of_its_longest_names_and_pages_it_with_the_others()
    {
        var aliases = Enumerable.Range(1, IomGraph.Core.Validation.Limits.MaxAliases - 1)
            .Select(i => $"Former name {i:000} ".PadRight(IomGraph.Core.Validation.Limits.MaxName, 'é'))
            .Append("Zebra Migration Office")
            .ToList();
        var longNamed = new Actor("long-named", "Long Named Body", ActorKind.IntergovernmentalOrganisation) { Aliases = aliases };
        await SeedAsync(Bundle().With(longNamed));

        var exact = await Store.SearchActorsAsync(Search("zebra migration office"), Ct);
        var all = await Store.SearchActorsAsync(Search("migration", limit: 100), Ct);
        var pages = await AllPagesAsync<ActorHit, ActorCursor>(after => Store.SearchActorsAsync(Search("migration", limit: 2, after: after), Ct));

        Assert.Equal([("long-named", MatchRank.Exact)], exact.Items.Select(h => (h.Actor.Id, h.Rank)));
        Assert.Equal(
            [Actors.Gcim, Actors.Gfmd, Actors.Gmg, Actors.Iom, "long-named", Actors.UnNetwork],
            all.Items.Select(h => h.Actor.Id));
        Assert.Equal(6, all.Total);
        Assert.Equal(all.Items.Select(h => h.Actor.Id), pages.SelectMany(p => p.Items).Select(h => h.Actor.Id));
        Assert.All(pages, p => Assert.Equal(6, p.Total));
    }

    [Fact]
    public async Task Search_that_matches_nothing_returns_an_empty_page()
    {
        await SeedAsync();

        var page = await Store.SearchActorsAsync(Search("zzzz"), Ct);

        Assert.Empty(page.Items);
        Assert.Equal(0, page.Total);
        Assert.Null(page.NextCursor);
    }

    // ---------------------------------------------------------------- actor relations

    [Fact]
    public async Task Actor_relations_follow_the_direction()
    {
        await SeedAsync();

        var outgoing = await Store.GetActorRelationsAsync(RelationsOf(Actors.Iom, Direction.Out), Ct);
        var incoming = await Store.GetActorRelationsAsync(RelationsOf(Actors.Iom, Direction.In), Ct);
        var both = await Store.GetActorRelationsAsync(RelationsOf(Actors.Iom, Direction.Both), Ct);

        Assert.Equal([Relations.IomMemberOfGmg, Relations.IomCoordinatesUnNetwork, Relations.IomSecretariatOfUnNetwork], Ids(outgoing!));
        Assert.Equal([Relations.CoteDIvoireMemberOfIom, Relations.SwitzerlandMemberOfIom], Ids(incoming!));
        Assert.Equal(
            [Relations.CoteDIvoireMemberOfIom, Relations.SwitzerlandMemberOfIom, Relations.IomMemberOfGmg, Relations.IomCoordinatesUnNetwork, Relations.IomSecretariatOfUnNetwork],
            Ids(both!));
        Assert.Equal((3, 2, 5), (outgoing!.Total, incoming!.Total, both!.Total));
    }

    [Fact]
    public async Task Actor_relations_carry_both_ends()
    {
        await SeedAsync();

        var page = await Store.GetActorRelationsAsync(RelationsOf(Actors.Gmg, Direction.In), Ct);

        var view = page!.Items[0];
        Assert.Equal(Relations.IomMemberOfGmg, view.Relation.Id);
        Assert.Equal(new ActorRef(Actors.Iom, "International Organization for Migration", ActorKind.IntergovernmentalOrganisation, "IOM"), view.From);
        Assert.Equal(new ActorRef(Actors.Gmg, "Global Migration Group", ActorKind.InterAgencyGroup, "the Global Migration Group"), view.To);
        Assert.Equal("IOM was a member of the Global Migration Group from 2006 to 2018.", Say(view));
    }

    [Fact]
    public async Task Actor_relations_filter_by_type()
    {
        await SeedAsync();

        var page = await Store.GetActorRelationsAsync(RelationsOf(Actors.Iom, Direction.Both, [RelationType.MemberOf, RelationType.Coordinates]), Ct);

        Assert.Equal([Relations.CoteDIvoireMemberOfIom, Relations.SwitzerlandMemberOfIom, Relations.IomMemberOfGmg, Relations.IomCoordinatesUnNetwork], Ids(page!));
        Assert.Equal(4, page!.Total);
    }

    [Theory]
    [InlineData("2010", 2)]
    [InlineData("2018-06", 2)]
    [InlineData("2006", 2)]
    [InlineData("2018-12-31", 2)]
    [InlineData("2020", 0)]
    [InlineData("2005", 0)]
    [InlineData("2005-12-31", 0)]
    public async Task Actor_relations_as_of_a_date_keep_the_relations_valid_then(string asOf, int expected)
    {
        await SeedAsync();

        // Both of the Global Migration Group's memberships run 2006–2018.
        var page = await Store.GetActorRelationsAsync(RelationsOf(Actors.Gmg, Direction.Both, asOf: asOf), Ct);

        Assert.Equal(expected, page!.Items.Count);
        Assert.Equal(expected, page.Total);
    }

    [Theory]
    [InlineData("2003", true)]
    [InlineData("2003-04", true)]
    [InlineData("2003-03", false)]
    [InlineData("2006", true)]
    [InlineData("2006-12-31", true)]
    [InlineData("2007", false)]
    public async Task A_date_overlapping_a_period_of_another_precision_holds(string asOf, bool holds)
    {
        await SeedAsync();

        // Switzerland funded the GCIM from 2003-04 to 2006.
        var page = await Store.GetActorRelationsAsync(RelationsOf(Actors.Switzerland, Direction.Out, [RelationType.Funds], asOf), Ct);

        Assert.Equal(holds ? [Relations.SwitzerlandFundsGcim] : [], Ids(page!));
    }

    [Fact]
    public async Task A_relation_with_only_a_start_or_only_an_end_is_dated_and_open_on_the_other_side()
    {
        // Switzerland has been a member of the IOM since 1951; here the UNHCR reports to its ExCom until 1990.
        await SeedAsync(Bundle().With(Relation(Relations.UnhcrReportsToExCom) with { End = PartialDate.OfYear(1990) }));

        Assert.Equal([Relations.SwitzerlandMemberOfIom], Ids((await Store.GetActorRelationsAsync(RelationsOf(Actors.Switzerland, Direction.Out, [RelationType.MemberOf], "2024"), Ct))!));
        Assert.Empty(Ids((await Store.GetActorRelationsAsync(RelationsOf(Actors.Switzerland, Direction.Out, [RelationType.MemberOf], "1950"), Ct))!));
        Assert.Equal([Relations.UnhcrReportsToExCom], Ids((await Store.GetActorRelationsAsync(RelationsOf(Actors.ExCom, Direction.In, asOf: "1900"), Ct))!));
        Assert.Empty(Ids((await Store.GetActorRelationsAsync(RelationsOf(Actors.ExCom, Direction.In, asOf: "1991"), Ct))!));
    }

    [Fact]
    public async Task Actor_relations_page_in_start_date_order()
    {
        await SeedAsync();

        var pages = await AllPagesAsync<RelationView, RelationCursor>(after => Store.GetActorRelationsAsync(RelationsOf(Actors.Iom, Direction.Both, limit: 2, after: after), Ct)!);

        Assert.Equal([2, 2, 1], pages.Select(p => p.Items.Count));
        Assert.All(pages, p => Assert.Equal(5, p.Total));
        Assert.Equal(
            [Relations.CoteDIvoireMemberOfIom, Relations.SwitzerlandMemberOfIom, Relations.IomMemberOfGmg, Relations.IomCoordinatesUnNetwork, Relations.IomSecretariatOfUnNetwork],
            pages.SelectMany(Ids));
    }

    [Fact]
    public async Task Relations_of_an_unknown_actor_are_null()
    {
        await SeedAsync();

        Assert.Null(await Store.GetActorRelationsAsync(RelationsOf("nobody", Direction.Both), Ct));
    }

    [Fact]
    public async Task An_actor_without_relations_has_an_empty_page_of_them()
    {
        await SeedAsync();

        var page = await Store.GetActorRelationsAsync(RelationsOf(Actors.BerneInitiative, Direction.Both), Ct);

        Assert.NotNull(page);
        Assert.Empty(page.Items);
        Assert.Equal(0, page.Total);
        Assert.Null(page.NextCursor);
    }

    // ---------------------------------------------------------------- relations

    [Fact]
    public async Task Relations_filter_by_type()
    {
        await SeedAsync();

        var page = await Store.FindRelationsAsync(Filter(types: [RelationType.MemberOf]), Ct);

        Assert.Equal(
            [Relations.CoteDIvoireMemberOfIom, Relations.SwitzerlandMemberOfIom, Relations.IomMemberOfGmg, Relations.UnhcrMemberOfGmg, Relations.UnhcrMemberOfUnNetwork],
            Ids(page));
        Assert.Equal(5, page.Total);
    }

    [Fact]
    public async Task Relations_filter_by_from_and_to()
    {
        await SeedAsync();

        var fromIom = await Store.FindRelationsAsync(Filter(from: Actors.Iom), Ct);
        var toGmg = await Store.FindRelationsAsync(Filter(to: Actors.Gmg), Ct);
        var iomToNetwork = await Store.FindRelationsAsync(Filter(from: Actors.Iom, to: Actors.UnNetwork), Ct);
        var switzerlandMemberships = await Store.FindRelationsAsync(Filter(from: Actors.Switzerland, types: [RelationType.MemberOf]), Ct);

        Assert.Equal([Relations.IomMemberOfGmg, Relations.IomCoordinatesUnNetwork, Relations.IomSecretariatOfUnNetwork], Ids(fromIom));
        Assert.Equal([Relations.IomMemberOfGmg, Relations.UnhcrMemberOfGmg], Ids(toGmg));
        Assert.Equal([Relations.IomCoordinatesUnNetwork, Relations.IomSecretariatOfUnNetwork], Ids(iomToNetwork));
        Assert.Equal([Relations.SwitzerlandMemberOfIom], Ids(switzerlandMemberships));
    }

    [Theory]
    [InlineData(Confidence.Low)]
    [InlineData(Confidence.Medium)]
    [InlineData(Confidence.High)]
    public async Task Relations_filter_by_minimum_confidence(Confidence minimum)
    {
        await SeedAsync();

        var page = await Store.FindRelationsAsync(Filter(minConfidence: minimum), Ct);

        var expected = AllRelations.Where(r => r.Confidence >= minimum).Select(r => r.Id).Order(StringComparer.Ordinal);
        Assert.Equal(expected, Ids(page).Order(StringComparer.Ordinal));
        Assert.Equal(expected.Count(), page.Total);
    }

    [Theory]
    [InlineData("1900", false)]
    [InlineData("2003", false)]
    [InlineData("2010", false)]
    [InlineData("2018-12", false)]
    [InlineData("1900", true)]
    [InlineData("2010", true)]
    public async Task Relations_filter_by_date(string asOf, bool includeUndated)
    {
        await SeedAsync();

        var page = await Store.FindRelationsAsync(Filter(asOf: asOf, includeUndated: includeUndated), Ct);

        var date = PartialDate.Parse(asOf);
        var expected = AllRelations.Where(r => Validity.Holds(r, date, includeUndated)).Select(r => r.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, Ids(page).Order(StringComparer.Ordinal));
        Assert.Equal(expected.Count, page.Total);
    }

    [Fact]
    public async Task Relation_pages_cover_every_relation_exactly_once_in_start_date_order()
    {
        await SeedAsync();

        var pages = await AllPagesAsync<RelationView, RelationCursor>(after => Store.FindRelationsAsync(Filter(limit: 4, after: after), Ct));

        Assert.Equal([4, 4, 3], pages.Select(p => p.Items.Count));
        Assert.All(pages, p => Assert.Equal(AllRelations.Count, p.Total));
        var expected = AllRelations.OrderBy(r => Validity.StartKey(r)).ThenBy(r => r.Id, StringComparer.Ordinal).Select(r => r.Id);
        Assert.Equal(expected, pages.SelectMany(Ids));
    }

    [Fact]
    public async Task Get_relation_returns_it_with_both_ends()
    {
        await SeedAsync();

        var view = await Store.GetRelationAsync(Relations.SwitzerlandMemberOfIom, Ct);

        Assert.NotNull(view);
        AssertSameJson(Relation(Relations.SwitzerlandMemberOfIom), view.Relation);
        Assert.Equal(Actors.Switzerland, view.From.Id);
        Assert.Equal(Actors.Iom, view.To.Id);
        Assert.Equal("Switzerland has been a founding member of IOM since 1951.", Say(view));
    }

    [Fact]
    public async Task Unknown_relation_returns_null()
    {
        await SeedAsync();

        Assert.Null(await Store.GetRelationAsync("nothing", Ct));
    }

    // ---------------------------------------------------------------- neighbourhood

    [Fact]
    public async Task Neighbourhood_of_depth_1_holds_the_direct_neighbours()
    {
        await SeedAsync();

        var graph = await Store.GetNeighbourhoodAsync(new NeighbourhoodQuery(Actors.Gmg, 1, [], null, 100), Ct);

        Assert.NotNull(graph);
        Assert.Equal([(Actors.Gmg, 0), (Actors.Iom, 1), (Actors.Unhcr, 1)], Nodes(graph));
        Assert.Equal([Relations.IomMemberOfGmg, Relations.UnhcrMemberOfGmg], EdgeIds(graph));
        Assert.False(graph.Truncated);
    }

    [Fact]
    public async Task Neighbourhood_of_depth_2_reaches_the_neighbours_of_neighbours()
    {
        await SeedAsync();

        var graph = await Store.GetNeighbourhoodAsync(new NeighbourhoodQuery(Actors.Gmg, 2, [], null, 100), Ct);

        Assert.Equal(
            [(Actors.Gmg, 0), (Actors.Iom, 1), (Actors.Unhcr, 1), (Actors.Switzerland, 2), (Actors.CoteDIvoire, 2), (Actors.ExCom, 2), (Actors.UnNetwork, 2)],
            Nodes(graph!));
        Assert.Equal(
            new[]
            {
                Relations.CoteDIvoireMemberOfIom, Relations.IomCoordinatesUnNetwork, Relations.IomMemberOfGmg, Relations.IomSecretariatOfUnNetwork,
                Relations.SwitzerlandMemberOfIom, Relations.UnhcrMemberOfGmg, Relations.UnhcrMemberOfUnNetwork, Relations.UnhcrReportsToExCom,
            }.Order(StringComparer.Ordinal),
            EdgeIds(graph!));
    }

    [Fact]
    public async Task Neighbourhood_filters_by_type()
    {
        await SeedAsync();

        var graph = await Store.GetNeighbourhoodAsync(new NeighbourhoodQuery(Actors.Gmg, 2, [RelationType.MemberOf], null, 100), Ct);

        Assert.Equal(
            [(Actors.Gmg, 0), (Actors.Iom, 1), (Actors.Unhcr, 1), (Actors.Switzerland, 2), (Actors.CoteDIvoire, 2), (Actors.UnNetwork, 2)],
            Nodes(graph!));
        Assert.All(graph!.Edges, e => Assert.Equal(RelationType.MemberOf, e.Relation.Type));
        Assert.Equal(5, graph.Edges.Count);
    }

    [Fact]
    public async Task Neighbourhood_filters_by_date()
    {
        await SeedAsync();

        var in2010 = await Store.GetNeighbourhoodAsync(new NeighbourhoodQuery(Actors.Iom, 2, [], PartialDate.OfYear(2010), 100), Ct);
        var in2020 = await Store.GetNeighbourhoodAsync(new NeighbourhoodQuery(Actors.Gmg, 2, [], PartialDate.OfYear(2020), 100), Ct);
        var in2010WithUndated = await Store.GetNeighbourhoodAsync(new NeighbourhoodQuery(Actors.Iom, 2, [], PartialDate.OfYear(2010), 100) { IncludeUndated = true }, Ct);

        // Côte d'Ivoire's membership of the IOM is undated: it might not hold in 2010.
        Assert.Equal([(Actors.Iom, 0), (Actors.Switzerland, 1), (Actors.Gmg, 1), (Actors.Unhcr, 2)], Nodes(in2010!));
        Assert.Equal([(Actors.Iom, 0), (Actors.Switzerland, 1), (Actors.CoteDIvoire, 1), (Actors.Gmg, 1), (Actors.Unhcr, 2)], Nodes(in2010WithUndated!));
        Assert.Equal([(Actors.Gmg, 0)], Nodes(in2020!));
        Assert.Empty(in2020!.Edges);
    }

    [Fact]
    public async Task Neighbourhood_edges_join_only_its_nodes()
    {
        await SeedAsync();

        var graph = await Store.GetNeighbourhoodAsync(new NeighbourhoodQuery(Actors.Unhcr, 1, [], null, 100), Ct);

        var nodes = graph!.Nodes.Select(n => n.Actor.Id).ToHashSet();
        Assert.All(graph.Edges, e => Assert.True(nodes.Contains(e.From.Id) && nodes.Contains(e.To.Id), $"{e.Relation.Id} leaves the neighbourhood."));
        Assert.Equal([Relations.UnhcrMemberOfGmg, Relations.UnhcrMemberOfUnNetwork, Relations.UnhcrReportsToExCom], EdgeIds(graph));
    }

    [Fact]
    public async Task Neighbourhood_capped_at_max_nodes_keeps_the_nearest_and_says_it_is_truncated()
    {
        await SeedAsync();

        var graph = await Store.GetNeighbourhoodAsync(new NeighbourhoodQuery(Actors.Gmg, 2, [], null, 4), Ct);

        Assert.Equal([(Actors.Gmg, 0), (Actors.Iom, 1), (Actors.Unhcr, 1), (Actors.Switzerland, 2)], Nodes(graph!));
        Assert.Equal([Relations.SwitzerlandMemberOfIom, Relations.IomMemberOfGmg, Relations.UnhcrMemberOfGmg], EdgeIds(graph!));
        Assert.True(graph!.Truncated);
    }

    [Fact]
    public async Task Neighbourhood_filled_by_one_level_is_truncated_when_the_next_level_has_more()
    {
        await SeedAsync();

        var capped = await Store.GetNeighbourhoodAsync(new NeighbourhoodQuery(Actors.Gmg, 2, [], null, 3), Ct);
        var exact = await Store.GetNeighbourhoodAsync(new NeighbourhoodQuery(Actors.Gmg, 2, [], null, 7), Ct);

        Assert.Equal(3, capped!.Nodes.Count);
        Assert.True(capped.Truncated);
        Assert.Equal(7, exact!.Nodes.Count);
        Assert.False(exact.Truncated);
    }

    [Fact]
    public async Task Neighbourhood_nodes_carry_their_degree_in_the_whole_graph_whatever_the_filters()
    {
        await SeedAsync();

        var graph = await Store.GetNeighbourhoodAsync(new NeighbourhoodQuery(Actors.Gmg, 2, [RelationType.MemberOf], PartialDate.OfYear(2010), 100), Ct);
        var alone = await Store.GetNeighbourhoodAsync(new NeighbourhoodQuery(Actors.BerneInitiative, 1, [], null, 100), Ct);

        Assert.Equal(
            [(Actors.Gmg, 0, 2), (Actors.Iom, 1, 5), (Actors.Unhcr, 1, 3), (Actors.Switzerland, 2, 3)],
            graph!.Nodes.Select(n => (n.Actor.Id, n.Depth, n.Degree)));
        Assert.Equal(0, Assert.Single(alone!.Nodes).Degree);
    }

    [Fact]
    public async Task Neighbourhood_degrees_count_relations_not_citations()
    {
        await SeedAsync();

        // The IOM cites a source of its own besides its five relations.
        var iom = await Store.GetNeighbourhoodAsync(new NeighbourhoodQuery(Actors.Iom, 0, [], null, 100), Ct);

        var node = Assert.Single(iom!.Nodes);
        Assert.Equal((Actors.Iom, 5), (node.Actor.Id, node.Degree));
    }

    [Fact]
    public async Task Neighbourhood_walks_only_to_actors_of_the_kinds_asked_for()
    {
        await SeedAsync();

        var groups = await Store.GetNeighbourhoodAsync(
            new NeighbourhoodQuery(Actors.Iom, 2, [], null, 100) { Kinds = [ActorKind.InterAgencyGroup, ActorKind.UnEntity] }, Ct);

        Assert.Equal([(Actors.Iom, 0), (Actors.Gmg, 1), (Actors.UnNetwork, 1), (Actors.Unhcr, 2)], Nodes(groups!));
        Assert.Equal(
            new[] { Relations.IomCoordinatesUnNetwork, Relations.IomMemberOfGmg, Relations.IomSecretariatOfUnNetwork, Relations.UnhcrMemberOfGmg, Relations.UnhcrMemberOfUnNetwork }
                .Order(StringComparer.Ordinal),
            EdgeIds(groups!));
    }

    [Fact]
    public async Task Neighbourhood_kinds_keep_the_walk_from_passing_through_other_actors()
    {
        await SeedAsync();

        // The forums are two hops from the IOM, through Switzerland, a state.
        var forums = await Store.GetNeighbourhoodAsync(
            new NeighbourhoodQuery(Actors.Iom, 3, [], null, 100) { Kinds = [ActorKind.ForumOrCommission, ActorKind.InterAgencyGroup] }, Ct);

        Assert.Equal([(Actors.Iom, 0), (Actors.Gmg, 1), (Actors.UnNetwork, 1)], Nodes(forums!));
        Assert.Equal([Relations.IomCoordinatesUnNetwork, Relations.IomMemberOfGmg, Relations.IomSecretariatOfUnNetwork], EdgeIds(forums!));
    }

    [Fact]
    public async Task Neighbourhood_centre_is_kept_whatever_its_kind()
    {
        await SeedAsync();

        var fromState = await Store.GetNeighbourhoodAsync(
            new NeighbourhoodQuery(Actors.Switzerland, 2, [], null, 100) { Kinds = [ActorKind.ForumOrCommission] }, Ct);
        var excludedCentre = await Store.GetNeighbourhoodAsync(
            new NeighbourhoodQuery(Actors.Iom, 1, [], null, 100) { ExcludeKinds = [ActorKind.IntergovernmentalOrganisation] }, Ct);

        Assert.Equal([(Actors.Switzerland, 0), (Actors.Gcim, 1), (Actors.Gfmd, 1)], Nodes(fromState!));
        Assert.Equal([Relations.SwitzerlandChairsGfmd, Relations.SwitzerlandFundsGcim, Relations.GcimPrecursorOfGfmd], EdgeIds(fromState!));
        Assert.Equal([(Actors.Iom, 0), (Actors.Switzerland, 1), (Actors.CoteDIvoire, 1), (Actors.Gmg, 1), (Actors.UnNetwork, 1)], Nodes(excludedCentre!));
    }

    [Fact]
    public async Task Neighbourhood_never_walks_to_or_through_excluded_kinds()
    {
        await SeedAsync();

        // Without the IOM, the states that are its members are out of reach of the Global Migration Group.
        var graph = await Store.GetNeighbourhoodAsync(
            new NeighbourhoodQuery(Actors.Gmg, 2, [], null, 100) { ExcludeKinds = [ActorKind.IntergovernmentalOrganisation] }, Ct);
        var both = await Store.GetNeighbourhoodAsync(
            new NeighbourhoodQuery(Actors.Iom, 1, [], null, 100) { Kinds = [ActorKind.State, ActorKind.InterAgencyGroup], ExcludeKinds = [ActorKind.State] }, Ct);

        Assert.Equal([(Actors.Gmg, 0), (Actors.Unhcr, 1), (Actors.ExCom, 2), (Actors.UnNetwork, 2)], Nodes(graph!));
        Assert.Equal([Relations.UnhcrMemberOfGmg, Relations.UnhcrMemberOfUnNetwork, Relations.UnhcrReportsToExCom], EdgeIds(graph!));
        Assert.Equal([(Actors.Iom, 0), (Actors.Gmg, 1), (Actors.UnNetwork, 1)], Nodes(both!));
    }

    [Fact]
    public async Task Neighbourhood_with_kind_filters_is_truncated_only_when_more_of_those_kinds_are_in_reach()
    {
        await SeedAsync();
        var query = new NeighbourhoodQuery(Actors.Gmg, 2, [], null, 3) { ExcludeKinds = [ActorKind.IntergovernmentalOrganisation] };

        var capped = await Store.GetNeighbourhoodAsync(query, Ct);
        var exact = await Store.GetNeighbourhoodAsync(query with { MaxNodes = 4 }, Ct);

        Assert.Equal([(Actors.Gmg, 0), (Actors.Unhcr, 1), (Actors.ExCom, 2)], Nodes(capped!));
        Assert.True(capped!.Truncated);
        Assert.Equal(4, exact!.Nodes.Count);
        Assert.False(exact.Truncated);
    }

    [Fact]
    public async Task Neighbourhood_of_an_actor_without_relations_is_the_actor_alone()
    {
        await SeedAsync();

        var graph = await Store.GetNeighbourhoodAsync(new NeighbourhoodQuery(Actors.BerneInitiative, 3, [], null, 100), Ct);

        Assert.Equal([(Actors.BerneInitiative, 0)], Nodes(graph!));
        Assert.Empty(graph!.Edges);
    }

    [Fact]
    public async Task Neighbourhood_of_an_unknown_actor_is_null()
    {
        await SeedAsync();

        Assert.Null(await Store.GetNeighbourhoodAsync(new NeighbourhoodQuery("nobody", 2, [], null, 100), Ct));
    }

    // ---------------------------------------------------------------- shortest paths

    [Fact]
    public async Task Shortest_paths_to_a_direct_neighbour_are_its_relations_with_both_ends()
    {
        await SeedAsync();

        var graph = await Store.FindShortestPathsAsync(Path(Actors.Iom, Actors.Gmg), Ct);

        var view = Assert.Single(graph.Relations);
        Assert.Equal(Relations.IomMemberOfGmg, view.Relation.Id);
        Assert.Equal((Actors.Iom, Actors.Gmg), (view.From.Id, view.To.Id));
        Assert.Equal("IOM was a member of the Global Migration Group from 2006 to 2018.", Say(view));
    }

    [Fact]
    public async Task Shortest_paths_follow_relations_against_their_direction()
    {
        await SeedAsync();

        var backwards = await Store.FindShortestPathsAsync(Path(Actors.Gmg, Actors.Iom), Ct);
        var throughGmg = await Store.FindShortestPathsAsync(Path(Actors.Iom, Actors.Unhcr, types: [RelationType.MemberOf]), Ct);

        Assert.Equal([Relations.IomMemberOfGmg], RelationIds(backwards));
        Assert.Equal([Relations.IomMemberOfGmg, Relations.UnhcrMemberOfGmg], RelationIds(throughGmg));
    }

    [Fact]
    public async Task Shortest_paths_hold_every_relation_on_a_path_of_the_shortest_length_in_id_order()
    {
        await SeedAsync();

        var graph = await Store.FindShortestPathsAsync(Path(Actors.Iom, Actors.Unhcr), Ct);

        Assert.Equal(
            [
                Relations.IomCoordinatesUnNetwork, Relations.IomMemberOfGmg, Relations.IomSecretariatOfUnNetwork,
                Relations.UnhcrMemberOfGmg, Relations.UnhcrMemberOfUnNetwork,
            ],
            graph.Relations.Select(v => v.Relation.Id));
        Assert.Equal("UN Network on Migration", graph.Relations[0].To.ShortName);
    }

    [Fact]
    public async Task Shortest_paths_make_one_chain_per_sequence_of_actors_whatever_the_parallel_relations()
    {
        await SeedAsync();

        var chains = PathChains.Build(Actors.Iom, Actors.Unhcr, await Store.FindShortestPathsAsync(Path(Actors.Iom, Actors.Unhcr), Ct), 25);

        // The IOM both coordinates the UN Network and runs its secretariat: one hop, two relations. The chain through the
        // Global Migration Group is high all along and comes first; the network's member UNHCR is medium.
        Assert.Equal(2, chains.Length);
        Assert.Equal([[Actors.Iom, Actors.Gmg, Actors.Unhcr], [Actors.Iom, Actors.UnNetwork, Actors.Unhcr]], chains.Chains.Select(c => c.Actors.Select(a => a.Id)));
        Assert.Equal(
            [[Relations.IomCoordinatesUnNetwork, Relations.IomSecretariatOfUnNetwork], [Relations.UnhcrMemberOfUnNetwork]],
            chains.Chains[1].Hops.Select(h => h.Relations.Select(r => r.Relation.Relation.Id)));
        Assert.Equal([true, false], chains.Chains[1].Hops.Select(h => h.Relations[0].Forward));
        Assert.False(chains.Truncated);
    }

    [Fact]
    public async Task Shortest_paths_are_empty_when_the_actors_are_not_connected()
    {
        await SeedAsync();

        Assert.Empty((await Store.FindShortestPathsAsync(Path(Actors.Iom, Actors.BerneInitiative), Ct)).Relations);
    }

    [Fact]
    public async Task Shortest_paths_are_bounded_by_max_depth()
    {
        await SeedAsync();

        var tooShort = await Store.FindShortestPathsAsync(Path(Actors.CoteDIvoire, Actors.Unhcr, maxDepth: 2), Ct);
        var longEnough = await Store.FindShortestPathsAsync(Path(Actors.CoteDIvoire, Actors.Unhcr, maxDepth: 3), Ct);
        var none = await Store.FindShortestPathsAsync(Path(Actors.Iom, Actors.Gmg, maxDepth: 0), Ct);

        Assert.Empty(tooShort.Relations);
        Assert.Equal(
            [
                Relations.CoteDIvoireMemberOfIom, Relations.IomCoordinatesUnNetwork, Relations.IomMemberOfGmg, Relations.IomSecretariatOfUnNetwork,
                Relations.UnhcrMemberOfGmg, Relations.UnhcrMemberOfUnNetwork,
            ],
            RelationIds(longEnough));
        Assert.Empty(none.Relations);
    }

    [Fact]
    public async Task Shortest_paths_filter_by_date()
    {
        await SeedAsync();

        var in2010 = await Store.FindShortestPathsAsync(Path(Actors.Iom, Actors.Unhcr, asOf: PartialDate.OfYear(2010)), Ct);
        var in2020 = await Store.FindShortestPathsAsync(Path(Actors.Iom, Actors.Unhcr, asOf: PartialDate.OfYear(2020)), Ct);

        Assert.Equal([Relations.IomMemberOfGmg, Relations.UnhcrMemberOfGmg], RelationIds(in2010));
        Assert.Equal([Relations.IomCoordinatesUnNetwork, Relations.IomSecretariatOfUnNetwork, Relations.UnhcrMemberOfUnNetwork], RelationIds(in2020));
    }

    [Fact]
    public async Task Shortest_paths_take_the_shortest_of_several_lengths()
    {
        await SeedAsync();

        // Switzerland reaches the GFMD directly (chairs) and through the GCIM (funds, precursor of).
        var direct = await Store.FindShortestPathsAsync(Path(Actors.Switzerland, Actors.Gfmd), Ct);
        var withoutChairs = await Store.FindShortestPathsAsync(Path(Actors.Switzerland, Actors.Gfmd, types: [RelationType.Funds, RelationType.PrecursorOf]), Ct);

        Assert.Equal([Relations.SwitzerlandChairsGfmd], RelationIds(direct));
        Assert.Equal([Relations.SwitzerlandFundsGcim, Relations.GcimPrecursorOfGfmd], RelationIds(withoutChairs));
    }

    [Fact]
    public async Task A_shorter_path_that_the_date_rules_out_does_not_hide_a_longer_one()
    {
        await SeedAsync();

        // Switzerland chaired the GFMD in 2011 only; in 2005 it funded the GCIM, which paved the way for the GFMD.
        var in2005 = await Store.FindShortestPathsAsync(Path(Actors.Switzerland, Actors.Gfmd, asOf: PartialDate.OfYear(2005)), Ct);

        Assert.Equal([Relations.SwitzerlandFundsGcim, Relations.GcimPrecursorOfGfmd], RelationIds(in2005));
    }

    [Fact]
    public async Task Shortest_paths_from_an_actor_to_itself_need_no_relation()
    {
        await SeedAsync();

        var graph = await Store.FindShortestPathsAsync(Path(Actors.Iom, Actors.Iom), Ct);

        Assert.Empty(graph.Relations);
        Assert.Empty(Assert.Single(PathChains.Build(Actors.Iom, Actors.Iom, graph, 25).Chains).Hops);
    }

    [Fact]
    public async Task Shortest_paths_to_or_from_an_unknown_actor_are_empty()
    {
        await SeedAsync();

        Assert.Empty((await Store.FindShortestPathsAsync(Path(Actors.Iom, "nobody"), Ct)).Relations);
        Assert.Empty((await Store.FindShortestPathsAsync(Path("nobody", Actors.Iom), Ct)).Relations);
        Assert.Empty((await Store.FindShortestPathsAsync(Path("nobody", "nobody"), Ct)).Relations);
    }

    // ---------------------------------------------------------------- undated relations

    [Theory]
    [InlineData("1900")]
    [InlineData("2010")]
    [InlineData("9999-12-31")]
    public async Task An_undated_relation_is_left_out_on_any_date(string asOf)
    {
        await SeedAsync();
        var date = PartialDate.Parse(asOf);

        // The UNHCR reports to its ExCom, with no dates recorded: its only relation.
        var relations = await Store.GetActorRelationsAsync(RelationsOf(Actors.ExCom, Direction.In, asOf: asOf), Ct);
        var listed = await Store.FindRelationsAsync(Filter(types: [RelationType.ReportsTo], asOf: asOf), Ct);
        var graph = await Store.GetNeighbourhoodAsync(new NeighbourhoodQuery(Actors.ExCom, 1, [], date, 100), Ct);
        var paths = await Store.FindShortestPathsAsync(Path(Actors.ExCom, Actors.Unhcr, asOf: date), Ct);

        Assert.Equal((0, 0L), (relations!.Items.Count, relations.Total));
        Assert.Equal((0, 0L), (listed.Items.Count, listed.Total));
        Assert.Equal([(Actors.ExCom, 0)], Nodes(graph!));
        Assert.Empty(graph!.Edges);
        Assert.Empty(paths.Relations);
    }

    [Theory]
    [InlineData("1900")]
    [InlineData("2010")]
    [InlineData("9999-12-31")]
    public async Task An_undated_relation_is_kept_on_any_date_when_undated_relations_are_asked_for(string asOf)
    {
        await SeedAsync();
        var date = PartialDate.Parse(asOf);

        var relations = await Store.GetActorRelationsAsync(RelationsOf(Actors.ExCom, Direction.In, asOf: asOf, includeUndated: true), Ct);
        var listed = await Store.FindRelationsAsync(Filter(types: [RelationType.ReportsTo], asOf: asOf, includeUndated: true), Ct);
        var graph = await Store.GetNeighbourhoodAsync(new NeighbourhoodQuery(Actors.ExCom, 1, [], date, 100) { IncludeUndated = true }, Ct);
        var paths = await Store.FindShortestPathsAsync(Path(Actors.ExCom, Actors.Unhcr, asOf: date, includeUndated: true), Ct);

        Assert.Equal([Relations.UnhcrReportsToExCom], Ids(relations!));
        Assert.Equal(1, relations!.Total);
        Assert.Equal([Relations.UnhcrReportsToExCom], Ids(listed));
        Assert.Equal(1, listed.Total);
        Assert.Equal([(Actors.ExCom, 0), (Actors.Unhcr, 1)], Nodes(graph!));
        Assert.Equal([Relations.UnhcrReportsToExCom], EdgeIds(graph!));
        Assert.Equal([Relations.UnhcrReportsToExCom], RelationIds(paths));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Without_a_date_an_undated_relation_is_returned_like_any_other(bool includeUndated)
    {
        await SeedAsync();

        var relations = await Store.GetActorRelationsAsync(RelationsOf(Actors.ExCom, Direction.In, includeUndated: includeUndated), Ct);
        var listed = await Store.FindRelationsAsync(Filter(types: [RelationType.ReportsTo], includeUndated: includeUndated), Ct);
        var graph = await Store.GetNeighbourhoodAsync(new NeighbourhoodQuery(Actors.ExCom, 1, [], null, 100) { IncludeUndated = includeUndated }, Ct);
        var paths = await Store.FindShortestPathsAsync(Path(Actors.ExCom, Actors.Unhcr, includeUndated: includeUndated), Ct);

        Assert.Equal([Relations.UnhcrReportsToExCom], Ids(relations!));
        Assert.Equal([Relations.UnhcrReportsToExCom], Ids(listed));
        Assert.Equal([Relations.UnhcrReportsToExCom], EdgeIds(graph!));
        Assert.Equal([Relations.UnhcrReportsToExCom], RelationIds(paths));
    }

    [Fact]
    public async Task Undated_relations_asked_for_page_first_among_the_dated_ones_that_hold()
    {
        await SeedAsync();

        // The IOM's members in 2010: Switzerland since 1951, and Côte d'Ivoire with no dates recorded.
        var pages = await AllPagesAsync<RelationView, RelationCursor>(
            after => Store.GetActorRelationsAsync(RelationsOf(Actors.Iom, Direction.In, asOf: "2010", limit: 1, after: after, includeUndated: true), Ct)!);
        var dated = await Store.GetActorRelationsAsync(RelationsOf(Actors.Iom, Direction.In, asOf: "2010"), Ct);

        Assert.Equal([Relations.CoteDIvoireMemberOfIom, Relations.SwitzerlandMemberOfIom], pages.SelectMany(Ids));
        Assert.All(pages, p => Assert.Equal(2, p.Total));
        Assert.Equal([Relations.SwitzerlandMemberOfIom], Ids(dated!));
        Assert.Equal(1, dated!.Total);
    }

    [Fact]
    public async Task A_path_through_an_undated_relation_is_found_on_a_date_only_when_undated_relations_are_asked_for()
    {
        await SeedAsync();

        // Côte d'Ivoire reaches the Global Migration Group only through its undated membership of the IOM.
        var dated = await Store.FindShortestPathsAsync(Path(Actors.CoteDIvoire, Actors.Gmg, asOf: PartialDate.OfYear(2010)), Ct);
        var asked = await Store.FindShortestPathsAsync(Path(Actors.CoteDIvoire, Actors.Gmg, asOf: PartialDate.OfYear(2010), includeUndated: true), Ct);
        var later = await Store.FindShortestPathsAsync(Path(Actors.CoteDIvoire, Actors.Gmg, asOf: PartialDate.OfYear(2020), includeUndated: true), Ct);

        Assert.Empty(dated.Relations);
        Assert.Equal([Relations.CoteDIvoireMemberOfIom, Relations.IomMemberOfGmg], RelationIds(asked));
        Assert.Empty(later.Relations);
    }

    // ---------------------------------------------------------------- sources

    [Fact]
    public async Task Sources_are_listed_by_id_with_their_cited_by_counts()
    {
        await SeedAsync();

        var page = await Store.ListSourcesAsync(new SourceListQuery(100, null), Ct);

        Assert.Equal(
            [
                (Sources.GcimReport, 2), (Sources.GfmdChairs, 2), (Sources.GmgTermsOfReference, 2), (Sources.IomMemberStates, 2),
                (Sources.UnNetworkTermsOfReference, 3), (Sources.Uncited, 0), (Sources.UnhcrStatute, 1),
            ],
            page.Items.Select(s => (s.Source.Id, s.CitedBy)));
        Assert.Equal(AllSources.Count, page.Total);
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task Source_pages_cover_every_source_exactly_once()
    {
        await SeedAsync();

        var pages = await AllPagesAsync<SourceSummary, IdCursor>(after => Store.ListSourcesAsync(new SourceListQuery(3, after), Ct));

        Assert.Equal([3, 3, 1], pages.Select(p => p.Items.Count));
        Assert.All(pages, p => Assert.Equal(AllSources.Count, p.Total));
        Assert.Equal(AllSources.Select(s => s.Id).Order(StringComparer.Ordinal), pages.SelectMany(p => p.Items).Select(s => s.Source.Id));
    }

    [Fact]
    public async Task Source_details_list_the_citing_relations_in_start_date_order()
    {
        await SeedAsync();

        var pages = new List<Page<RelationView>>();
        RelationCursor? after = null;
        SourceDetails? details;
        do
        {
            details = await Store.GetSourceAsync(new SourceQuery(Sources.UnNetworkTermsOfReference, 2, after), Ct);
            pages.Add(details!.CitedBy);
        }
        while (Cursors.TryDecode(details.CitedBy.NextCursor, out after));

        Assert.Equal(Sources.UnNetworkTermsOfReference, details.Source.Id);
        Assert.Equal([2, 1], pages.Select(p => p.Items.Count));
        Assert.All(pages, p => Assert.Equal(3, p.Total));
        Assert.Equal([Relations.UnhcrMemberOfUnNetwork, Relations.IomCoordinatesUnNetwork, Relations.IomSecretariatOfUnNetwork], pages.SelectMany(Ids));
        Assert.Equal(Actors.UnNetwork, pages[0].Items[0].To.Id);
    }

    [Fact]
    public async Task A_source_that_nothing_cites_has_an_empty_page()
    {
        await SeedAsync();

        var details = await Store.GetSourceAsync(new SourceQuery(Sources.Uncited, 10, null), Ct);

        Assert.Empty(details!.CitedBy.Items);
        Assert.Equal(0, details.CitedBy.Total);
    }

    [Fact]
    public async Task Unknown_source_returns_null()
    {
        await SeedAsync();

        Assert.Null(await Store.GetSourceAsync(new SourceQuery("nothing", 10, null), Ct));
    }

    // ---------------------------------------------------------------- stats

    [Fact]
    public async Task Stats_count_actors_relations_and_sources_by_kind_and_type()
    {
        await SeedAsync();

        var stats = await Store.GetStatsAsync(0, Ct);

        Assert.Equal((AllActors.Count, AllRelations.Count, AllSources.Count), (stats.Actors, stats.Relations, stats.Sources));
        foreach (var kind in Enum.GetValues<ActorKind>())
        {
            Assert.Equal(AllActors.Count(a => a.Kind == kind), stats.ActorsByKind.GetValueOrDefault(kind));
        }

        foreach (var type in Enum.GetValues<RelationType>())
        {
            Assert.Equal(AllRelations.Count(r => r.Type == type), stats.RelationsByType.GetValueOrDefault(type));
        }

        Assert.Empty(stats.MostConnected);
    }

    [Fact]
    public async Task Stats_rank_the_most_connected_actors_by_degree_then_id()
    {
        await SeedAsync();

        var stats = await Store.GetStatsAsync(4, Ct);

        Assert.Equal(
            [(Actors.Iom, 5), (Actors.Switzerland, 3), (Actors.UnNetwork, 3), (Actors.Unhcr, 3)],
            stats.MostConnected.Select(c => (c.Actor.Id, c.Degree)));
        Assert.Equal("IOM", stats.MostConnected[0].Actor.Label);
    }

    [Fact]
    public async Task Stats_of_an_empty_store_are_zero()
    {
        var stats = await Store.GetStatsAsync(10, Ct);

        Assert.Equal((0, 0, 0), (stats.Actors, stats.Relations, stats.Sources));
        Assert.All(stats.ActorsByKind.Values, v => Assert.Equal(0, v));
        Assert.All(stats.RelationsByType.Values, v => Assert.Equal(0, v));
        Assert.Empty(stats.MostConnected);
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>Actor ids in search order without a query: by folded name.</summary>
    private static readonly string[] ActorsByName =
    [
        Actors.BerneInitiative, Actors.CoteDIvoire, Actors.ExCom, Actors.Gcim, Actors.Gfmd, Actors.Gmg, Actors.Iom, Actors.Unhcr, Actors.Switzerland, Actors.UnNetwork,
    ];

    /// <summary>An actor whose name takes a plural verb, for the tests that add it to the graph.</summary>
    private static readonly Actor RegionalCommissions =
        new("un-regional-commissions", "United Nations Regional Commissions", ActorKind.UnEntity, "the UN Regional Commissions") { Plural = true };

    private static readonly Relation RegionalCommissionsMemberOfGmg = new(
        "un-regional-commissions-member-of-gmg", RegionalCommissions.Id, Actors.Gmg, RelationType.MemberOf, Confidence.High,
        [new Citation(Sources.GmgTermsOfReference, "the regional commissions")], PartialDate.OfYear(2006), PartialDate.OfYear(2018));

    protected Task<BundleResult> SeedAsync(GraphBundle? bundle = null) => Writer.SeedAsync(bundle ?? Bundle(), Ct);

    private static ActorSearch Search(string? query, IReadOnlyList<ActorKind>? kinds = null, int limit = 50, ActorCursor? after = null) =>
        new(query, kinds ?? [], limit, after);

    private static ActorRelationsQuery RelationsOf(
        string id, Direction direction, IReadOnlyList<RelationType>? types = null, string? asOf = null, int limit = 50, RelationCursor? after = null, bool includeUndated = false) =>
        new(id, types ?? [], direction, asOf is null ? null : PartialDate.Parse(asOf), limit, after) { IncludeUndated = includeUndated };

    private static RelationFilter Filter(
        IReadOnlyList<RelationType>? types = null, string? from = null, string? to = null, string? asOf = null, Confidence? minConfidence = null, int limit = 100,
        RelationCursor? after = null, bool includeUndated = false) =>
        new(types ?? [], from, to, asOf is null ? null : PartialDate.Parse(asOf), minConfidence, limit, after) { IncludeUndated = includeUndated };

    private static PathQuery Path(
        string from, string to, int maxDepth = 4, IReadOnlyList<RelationType>? types = null, PartialDate? asOf = null, bool includeUndated = false) =>
        new(from, to, maxDepth, types ?? [], asOf) { IncludeUndated = includeUndated };

    private static List<string> Ids(Page<RelationView> page) => [.. page.Items.Select(v => v.Relation.Id)];

    private static List<(string, int)> Nodes(Graph graph) => [.. graph.Nodes.Select(n => (n.Actor.Id, n.Depth))];

    private static List<string> EdgeIds(Graph graph) => [.. graph.Edges.Select(e => e.Relation.Id).Order(StringComparer.Ordinal)];

    /// <summary>The graph's relation ids, which the port returns in ordinal order.</summary>
    private static List<string> RelationIds(ShortestPathGraph graph) => [.. graph.Relations.Select(v => v.Relation.Id)];

    /// <summary>Follows NextCursor from the first page to the last.</summary>
    private static async Task<List<Page<T>>> AllPagesAsync<T, TCursor>(Func<TCursor?, Task<Page<T>>> fetch)
        where TCursor : class, ICursor
    {
        var pages = new List<Page<T>>();
        TCursor? after = null;
        while (true)
        {
            var page = await fetch(after);
            pages.Add(page);
            if (page.NextCursor is null)
            {
                return pages;
            }

            Assert.True(Cursors.TryDecode(page.NextCursor, out after), $"'{page.NextCursor}' is not a well-formed cursor.");
            Assert.True(pages.Count <= 100, "Paging does not end.");
        }
    }

    /// <summary>Records hold lists, which compare by reference: compare their JSON, external ids in key order.</summary>
    private static void AssertSameJson<T>(T expected, T actual) =>
        Assert.Equal(Json(expected), Json(actual));

    private static string Json<T>(T record) => record switch
    {
        Actor { ExternalIds: not null } actor => JsonSerializer.Serialize(
            actor with { ExternalIds = new SortedDictionary<string, string>(actor.ExternalIds.ToDictionary(), StringComparer.Ordinal) }, GraphJson.Options),
        _ => JsonSerializer.Serialize(record, GraphJson.Options),
    };

    private static void AssertSameStats(GraphStats expected, GraphStats actual)
    {
        Assert.Equal((expected.Actors, expected.Relations, expected.Sources), (actual.Actors, actual.Relations, actual.Sources));
        Assert.Equal(expected.MostConnected, actual.MostConnected);
    }
}
