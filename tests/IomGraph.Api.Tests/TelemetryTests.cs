using System.Diagnostics;
using System.Net;
using System.Text;
using IomGraph.Api.Hosting;
using IomGraph.Api.Telemetry;
using IomGraph.Core.Storage;
using IomGraph.Storage.Neo4j;
using IomGraph.Storage.Sqlite;
using IomGraph.Testing;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Metrics;

namespace IomGraph.Api.Tests;

/// <summary>
/// Runs its classes while no other test class runs: an ActivitySource's and a Meter's listeners are the process's, so
/// an in-memory exporter also receives what another test's API does at the same time (its seed at start, above all),
/// which a test that no request's trace id can pick out (the seed's span) would count as its own.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryTestGroup
{
    public const string Name = "Telemetry, alone";
}

/// <summary>What the API traces and measures, seen through OpenTelemetry's in-memory exporter, on SQLite.</summary>
[Collection(TelemetryTestGroup.Name)]
public sealed class TelemetryTests : IAsyncDisposable
{
    private const string CuratorKey = "telemetry-curator-key-0123456789abcdef";

    private readonly TracedApi _api = new(new Dictionary<string, string?>
    {
        ["Auth:ApiKeys:curator"] = CuratorKey,
        ["Caching:Enabled"] = "true",
    });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task A_read_is_a_request_span_with_a_child_span_of_the_store_call_and_is_measured()
    {
        var client = _api.Client();
        var (trace, traceparent) = TracedApi.NewTrace();

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/actors/iom", UriKind.Relative));
        request.Headers.Add("traceparent", traceparent);
        using var response = await client.SendAsync(request, Ct);
        using var again = await client.GetAsync(new Uri("/api/v1/actors/iom", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var spans = await _api.TraceAsync(trace, s => s.Any(IsServer) && s.Any(x => x.DisplayName == "GetActor"));
        var server = Assert.Single(spans, IsServer);
        var call = Assert.Single(spans, s => s.Source.Name == SqliteTelemetry.Name && s.DisplayName == "GetActor");
        Assert.Equal(server.SpanId, call.ParentSpanId);
        Assert.Equal(ActivityKind.Client, call.Kind);
        Assert.Equal("sqlite", call.GetTagItem("db.system.name"));
        Assert.Equal("GetActor", call.GetTagItem("db.operation.name"));
        Assert.Equal("/api/v1/actors/{id}", server.GetTagItem("http.route"));

        Assert.Contains(_api.Points(StoreInstruments.CallDuration), p => Has(p, "db.system.name", "sqlite") && Has(p, "db.operation.name", "GetActor") && p.GetHistogramCount() > 0);
        Assert.Contains(_api.Points("http.server.request.duration"), p => Has(p, "http.route", "/api/v1/actors/{id}") && p.GetHistogramCount() > 0);
        Assert.Contains(_api.Points("iomgraph.read_cache.requests"), p => Has(p, "iomgraph.read_cache.result", "miss") && p.GetSumLong() > 0);
        Assert.Contains(_api.Points("iomgraph.read_cache.requests"), p => Has(p, "iomgraph.read_cache.result", "hit") && p.GetSumLong() > 0);
    }

    [Fact]
    public async Task An_import_is_a_write_span_with_its_record_counts_around_the_store_write_and_is_counted()
    {
        var client = _api.Client();
        client.DefaultRequestHeaders.Add("X-Api-Key", CuratorKey);
        var (trace, traceparent) = TracedApi.NewTrace();

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/import", UriKind.Relative)) { Content = Json(ImportBundle) };
        request.Headers.Add("traceparent", traceparent);
        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var spans = await _api.TraceAsync(trace, s => s.Any(IsServer) && s.Any(x => x.DisplayName == "iomgraph.import"));
        var import = Assert.Single(spans, s => s.Source.Name == ApiTelemetry.Name && s.DisplayName == "iomgraph.import");
        Assert.Equal(("import", "Applied", 3, 0), (import.GetTagItem("iomgraph.write.kind"), import.GetTagItem("iomgraph.write.status"), import.GetTagItem("iomgraph.records.created"), import.GetTagItem("iomgraph.records.deleted")));
        Assert.Equal("applied", import.GetTagItem("iomgraph.import.outcome"));
        var write = Assert.Single(spans, s => s.Source.Name == SqliteTelemetry.Name && s.DisplayName == "Write");
        Assert.Equal(import.SpanId, write.ParentSpanId);
        Assert.Equal(3, write.GetTagItem("iomgraph.records.created"));

        Assert.Contains(_api.Points("iomgraph.writes"), p => Has(p, "iomgraph.write.kind", "import") && Has(p, "iomgraph.write.status", "Applied") && p.GetSumLong() > 0);
        Assert.Contains(_api.Points("iomgraph.records.written"), p => Has(p, "iomgraph.write.kind", "import") && Has(p, "iomgraph.record.kind", "relation") && Has(p, "iomgraph.record.change", "created") && p.GetSumLong() > 0);
        Assert.Contains(_api.Points("iomgraph.import.duration"), p => Has(p, "iomgraph.import.outcome", "applied") && p.GetHistogramCount() > 0);
    }

    [Fact]
    public async Task The_seed_at_start_is_a_write_span_with_its_counts_and_a_measured_duration()
    {
        _ = _api.Client();

        var seed = Assert.Single(_api.Spans.Snapshot(), s => s.Source.Name == ApiTelemetry.Name && s.DisplayName == "iomgraph.seed");

        Assert.Equal(("seed", "applied", "Applied"), (seed.GetTagItem("iomgraph.write.kind"), seed.GetTagItem("iomgraph.seed.outcome"), seed.GetTagItem("iomgraph.write.status")));
        Assert.True((int)seed.GetTagItem("iomgraph.records.created")! > 100, "the seed created its records");
        Assert.Contains(_api.Spans.Snapshot(), s => s.ParentSpanId == seed.SpanId && s.DisplayName == "Initialise");
        Assert.Contains(_api.Points("iomgraph.seed.duration"), p => Has(p, "iomgraph.seed.outcome", "applied") && p.GetHistogramCount() > 0);
        Assert.Contains(_api.Points("iomgraph.records.written"), p => Has(p, "iomgraph.write.kind", "seed") && Has(p, "iomgraph.record.kind", "actor") && p.GetSumLong() > 0);
    }

    [Fact]
    public async Task A_curators_write_logs_and_traces_nothing_of_the_api_key()
    {
        var client = _api.Client();
        client.DefaultRequestHeaders.Add("X-Api-Key", CuratorKey);
        var (trace, traceparent) = TracedApi.NewTrace();

        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri("/api/v1/actors/telemetry-test-org", UriKind.Relative))
        {
            Content = new StringContent("""{ "id": "telemetry-test-org", "name": "Telemetry Test Organisation", "kind": "intergovernmental-organisation" }""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("traceparent", traceparent);
        using var response = await client.SendAsync(request, Ct);
        using var wrongKey = new HttpRequestMessage(HttpMethod.Delete, new Uri("/api/v1/actors/telemetry-test-org", UriKind.Relative));
        wrongKey.Headers.Add("X-Api-Key", CuratorKey + "-wrong");
        using var refused = await _api.CreateClient().SendAsync(wrongKey, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var spans = await _api.TraceAsync(trace, s => s.Any(IsServer) && s.Any(x => x.DisplayName == "iomgraph.curation"));
        var curation = Assert.Single(spans, s => s.DisplayName == "iomgraph.curation");
        Assert.Equal(1, curation.GetTagItem("iomgraph.records.created"));
        Assert.NotEmpty(_api.Logs.Texts);
        AssertNowhere(CuratorKey, _api.Logs.Texts, _api.Spans.Snapshot());
    }

    [Fact]
    public void A_bad_otlp_endpoint_is_a_sentence_naming_the_setting()
    {
        foreach (var key in new[] { TelemetryComposition.EndpointKey, TelemetryComposition.StandardEndpointKey })
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = "localhost:4317" }).Build();

            var error = Assert.Throws<ConfigurationErrorException>(() => new Microsoft.Extensions.DependencyInjection.ServiceCollection().AddGraphTelemetry(configuration));

            Assert.Equal($"{key} is 'localhost:4317', which is not an absolute http or https URL: give the OpenTelemetry collector's address, e.g. http://localhost:4317 (gRPC) or http://localhost:4318 (HTTP), or leave it empty to export nothing.", error.Message);
        }
    }

    [Fact]
    public void Without_an_endpoint_nothing_is_collected_and_with_one_the_pipeline_is_registered()
    {
        var off = new Microsoft.Extensions.DependencyInjection.ServiceCollection().AddGraphTelemetry(new ConfigurationBuilder().Build());
        var on = new Microsoft.Extensions.DependencyInjection.ServiceCollection().AddGraphTelemetry(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [TelemetryComposition.EndpointKey] = "http://collector:4318", [TelemetryComposition.ProtocolKey] = "HttpProtobuf" }).Build());

        Assert.Empty(off);
        Assert.Contains(on, d => d.ServiceType.FullName?.StartsWith("OpenTelemetry.", StringComparison.Ordinal) == true);
    }

    internal static bool IsServer(Activity span) => span.Kind == ActivityKind.Server && span.Source.Name == "Microsoft.AspNetCore";

    internal static bool Has(MetricPoint point, string key, object value)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key && Equals(tag.Value, value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>No log text, span name, tag, event or status says <paramref name="secret"/>.</summary>
    internal static void AssertNowhere(string secret, IReadOnlyList<string> logs, IReadOnlyList<Activity> spans)
    {
        Assert.DoesNotContain(logs, t => t.Contains(secret, StringComparison.Ordinal));
        var traced = spans.SelectMany(s => new[] { s.DisplayName, s.OperationName, s.StatusDescription ?? string.Empty }
            .Concat(s.TagObjects.Select(t => Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty))
            .Concat(s.Events.SelectMany(e => e.Tags.Select(t => Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty).Append(e.Name)))
            .Concat(s.Baggage.Select(b => b.Value ?? string.Empty)));
        Assert.DoesNotContain(traced, t => t.Contains(secret, StringComparison.Ordinal));
        Assert.NotEmpty(spans);
    }

    private const string ImportBundle = """
        {
          "sources": [ { "id": "telemetry-test-source", "title": "A traced source", "kind": "secondary" } ],
          "actors": [ { "id": "telemetry-test-forum", "name": "Traced Forum", "kind": "forum-or-commission", "founded": "2019-03" } ],
          "relations": [
            { "id": "che.participates-in.telemetry-test-forum", "from": "che", "to": "telemetry-test-forum", "type": "PARTICIPATES_IN",
              "confidence": "low", "start": "2019", "sources": [ { "sourceId": "telemetry-test-source", "quote": "Switzerland took part." } ] }
          ]
        }
        """;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}

/// <summary>On Neo4j: a span per HTTP round trip under the store call's span, and no password in logs or spans.</summary>
[Collection(Neo4jApiTestGroup.Name)]
public sealed class Neo4jTelemetryTests(Neo4jApi neo4j)
{
    private const string Password = "telemetry-neo4j-password-5f1c0e";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_read_on_neo4j_is_one_client_span_per_http_request_named_after_the_statement_and_measured()
    {
        _ = neo4j.Client();
        await using var api = new TracedApi(Neo4jApi.Neo4jSettings());
        var client = api.Client();
        var (trace, traceparent) = TracedApi.NewTrace();

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/actors/iom", UriKind.Relative));
        request.Headers.Add("traceparent", traceparent);
        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var spans = await api.TraceAsync(trace, s => s.Any(TelemetryTests.IsServer) && s.Any(x => x.DisplayName == "GetActor" && x.Kind == ActivityKind.Internal));
        var call = Assert.Single(spans, s => s.Source.Name == Neo4jTelemetry.Name && s.Kind == ActivityKind.Internal && s.DisplayName == "GetActor");
        Assert.Equal("neo4j", call.GetTagItem("db.system.name"));
        var calls = spans.Where(s => s.Source.Name == Neo4jTelemetry.Name && s.Kind == ActivityKind.Internal).ToList();
        var roundTrips = spans.Where(s => s.Source.Name == Neo4jTelemetry.Name && s.Kind == ActivityKind.Client).ToList();
        var httpCalls = spans.Where(s => s.Source.Name == "System.Net.Http").ToList();
        Assert.Contains(roundTrips, r => r.ParentSpanId == call.SpanId);
        Assert.All(roundTrips, r => Assert.Contains(calls, c => c.SpanId == r.ParentSpanId));

        // Every HTTP request to Neo4j is under a round-trip span, and every round trip is exactly one request.
        Assert.All(httpCalls, h => Assert.Contains(roundTrips, r => r.SpanId == h.ParentSpanId));
        Assert.All(roundTrips, r => Assert.Single(httpCalls, h => h.ParentSpanId == r.SpanId));
        foreach (var roundTrip in roundTrips)
        {
            var count = Assert.IsType<int>(roundTrip.GetTagItem("iomgraph.neo4j.statement_count"));
            Assert.True(count > 0, $"round trip {roundTrip.DisplayName} carries statements");
            Assert.Equal(roundTrip.DisplayName, roundTrip.GetTagItem("db.operation.name"));
            Assert.Equal("neo4j", roundTrip.GetTagItem("db.system.name"));
            Assert.Equal(200, roundTrip.GetTagItem("http.response.status_code"));
        }

        Assert.Contains(api.Points(Neo4jTelemetry.RoundTripDuration), p => TelemetryTests.Has(p, "db.system.name", "neo4j") && p.GetHistogramCount() > 0);
        Assert.Contains(api.Points(StoreInstruments.CallDuration), p => TelemetryTests.Has(p, "db.system.name", "neo4j") && TelemetryTests.Has(p, "db.operation.name", "GetActor") && p.GetHistogramCount() > 0);
    }

    [Fact]
    public async Task A_neo4j_connection_with_a_password_logs_and_traces_neither_the_password_nor_the_credentials_header()
    {
        _ = neo4j.Client();
        await using var borrowed = neo4j.Borrow();
        var settings = new Dictionary<string, string?>
        {
            ["Neo4j:User"] = "neo4j",
            ["Neo4j:Password"] = Password,
            ["Auth:ApiKeys:curator"] = "telemetry-neo4j-curator-key-0123456789",
        };
        await using var api = await borrowed.StartApiAsync(settings, all => new TracedApi(all));
        var client = api.Client();
        client.DefaultRequestHeaders.Add("X-Api-Key", "telemetry-neo4j-curator-key-0123456789");

        using var read = await client.GetAsync(new Uri("/api/v1/actors/iom/neighbourhood?depth=1", UriKind.Relative), Ct);
        using var write = await client.PutAsync(
            new Uri("/api/v1/actors/telemetry-test-org", UriKind.Relative),
            new StringContent("""{ "id": "telemetry-test-org", "name": "Telemetry Test Organisation", "kind": "intergovernmental-organisation" }""", Encoding.UTF8, "application/json"),
            Ct);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Created, write.StatusCode);
        Assert.Contains(api.Spans.Snapshot(), s => s.Source.Name == Neo4jTelemetry.Name && s.Kind == ActivityKind.Client);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"neo4j:{Password}"));
        foreach (var secret in new[] { Password, basic, "telemetry-neo4j-curator-key-0123456789" })
        {
            TelemetryTests.AssertNowhere(secret, api.Logs.Texts, api.Spans.Snapshot());
        }
    }
}
