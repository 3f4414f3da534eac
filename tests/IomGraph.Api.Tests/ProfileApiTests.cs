using System.Net;
using System.Net.Http.Headers;

namespace IomGraph.Api.Tests;

/// <summary>An actor's profile as a journalist reads it, as JSON and as Markdown, on both stores.</summary>
public abstract class ProfileApiTests<TApi>(TApi api)
    where TApi : ApiFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client => api.Client();

    [Fact]
    public async Task The_iom_profile_says_what_it_is_who_leads_it_and_counts_its_member_states()
    {
        var profile = await Client.GetJsonAsync("/api/v1/actors/iom/profile");

        var sections = profile.GetProperty("sections").EnumerateArray().ToDictionary(s => s.GetProperty("heading").GetString()!, s => s.GetProperty("sentences"));
        Assert.Equal("What it is", profile.GetProperty("sections")[0].GetProperty("heading").GetString());
        Assert.StartsWith("IOM (International Organization for Migration) is an intergovernmental organisation, founded on 5 December 1951", sections["What it is"][0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains(sections["Led by"].EnumerateArray(), s => s.GetProperty("text").GetString() == "Amy E. Pope has led IOM as its Director General since 1 October 2023.");
        Assert.Matches(@"^IomGraph records \d+ states as members of IOM; for \d+ of them this still holds today\.$", sections["Members and parts"][0].GetProperty("text").GetString());

        var footnotes = profile.GetProperty("footnotes").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, footnotes.Count), footnotes.Select(f => f.GetProperty("number").GetInt32()));
        Assert.All(footnotes, f => Assert.Equal($"/api/v1/sources/{f.GetProperty("sourceId").GetString()}", f.GetProperty("href").GetString()));
        var cited = sections.Values.SelectMany(s => s.EnumerateArray()).SelectMany(s => s.GetProperty("footnotes").EnumerateArray().Select(n => n.GetInt32())).ToHashSet();
        Assert.Equal(footnotes.Count, cited.Count);
    }

    [Theory]
    [InlineData("1990", "james-n-purcell.leads.iom")]
    [InlineData("2024", "amy-pope.leads.iom")]
    public async Task As_of_a_year_the_iom_had_one_director_general(string asOf, string leader)
    {
        var profile = await Client.GetJsonAsync($"/api/v1/actors/iom/profile?asOf={asOf}");

        var ledBy = profile.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("heading").GetString() == "Led by");
        Assert.Equal([leader], ledBy.GetProperty("sentences").EnumerateArray().SelectMany(s => s.GetProperty("relationIds").EnumerateArray().Select(i => i.GetString())));
        Assert.Equal(asOf, profile.GetProperty("asOf").GetString());
    }

    [Fact]
    public async Task The_profile_is_markdown_when_asked_by_name_or_by_accept()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/actors/global-migration-group/profile?asOf=2010", UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/markdown"));
        using var byAccept = await Client.SendAsync(request, Ct);
        var byName = await Client.GetStringAsync(new Uri("/api/v1/actors/global-migration-group/profile?asOf=2010&format=markdown", UriKind.Relative), Ct);

        var text = await byAccept.Content.ReadAsStringAsync(Ct);
        Assert.Equal("text/markdown", byAccept.Content.Headers.ContentType?.MediaType);
        Assert.Equal(byName, text);
        Assert.StartsWith("# Global Migration Group\n\nAs of 2010: only what held then.\n", text, StringComparison.Ordinal);
        Assert.Contains("- UNDP chaired the Global Migration Group from January to June 2010.[^", text, StringComparison.Ordinal);
        Assert.Contains("\n## Sources\n\n[^1]: ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_actor_is_a_404_and_an_unknown_format_a_400()
    {
        await Client.GetJsonAsync("/api/v1/actors/nobody/profile", HttpStatusCode.NotFound);
        await Client.GetValidationProblemAsync("/api/v1/actors/iom/profile?format=pdf", "format");
    }
}

public sealed class ProfileApiTestsOnSqlite(SqliteApi api) : ProfileApiTests<SqliteApi>(api), IClassFixture<SqliteApi>;

[Collection(Neo4jApiTestGroup.Name)]
public sealed class ProfileApiTestsOnNeo4j(Neo4jApi api) : ProfileApiTests<Neo4jApi>(api);
