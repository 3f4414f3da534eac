using System.Text.Json;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Core.Vocabulary;

namespace IomGraph.Formats;

/// <summary>
/// Cytoscape.js elements JSON, <c>{ "elements": { "nodes": [{ "data": {...} }], "edges": [{ "data": {...} }] } }</c>:
/// <c>cy.add(json.elements)</c> takes it as it is, and Cytoscape desktop imports it as "Cytoscape.js JSON" (.cyjs).
/// Absent values are left out rather than written as null. A node's label is its short name, an edge's the reading of its
/// type ("member of"). For a neighbourhood each node also carries its depth, its degree and whether it is the centre,
/// for a stylesheet such as <c>node[?centre]</c> or <c>node[depth = 2]</c>.
/// </summary>
public sealed class CytoscapeFormat : IGraphFormat
{
    public string Name => "cytoscape";

    public string ContentType => "application/vnd.iomgraph.cytoscape+json";

    public string FileExtension => "cyjs";

    public async Task WriteAsync(IAsyncEnumerable<ExportItem> items, Stream output, ExportContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(context);

        var actors = new ActorDirectory();
        // As in the json format: the writer writes into a spool, drained asynchronously into the output.
        using var spool = new SpoolStream();
        await using var json = new Utf8JsonWriter(spool, new JsonWriterOptions { Encoder = GraphJson.Options.Encoder });
        var sections = new SectionCursor(
            open: section =>
            {
                if (section != ExportSection.Sources)
                {
                    json.WriteStartArray(section == ExportSection.Actors ? "nodes" : "edges");
                }

                return ValueTask.CompletedTask;
            },
            close: section =>
            {
                if (section != ExportSection.Sources)
                {
                    json.WriteEndArray();
                }

                return ValueTask.CompletedTask;
            });

        json.WriteStartObject();
        json.WriteString("format_version", "1.0");
        json.WriteString("generated_by", "IomGraph");
        json.WriteString("target_cytoscapejs_version", "~3");
        json.WriteStartObject("data");
        json.WriteString("name", "IomGraph");
        json.WriteEndObject();
        json.WriteStartObject("elements");
        await ExportLoop.RunAsync(
            items,
            sections,
            item =>
            {
                switch (item)
                {
                    case ActorItem(var actor):
                        actors.Add(actor);
                        WriteNode(json, actor, context.Layout);
                        break;
                    case RelationItem(var relation):
                        WriteEdge(json, actors.Require(relation), actors, context);
                        break;
                }

                json.Flush();
            },
            () =>
            {
                json.WriteEndObject();
                json.WriteEndObject();
                json.Flush();
            },
            spool,
            output,
            cancellationToken);
    }

    private static void WriteNode(Utf8JsonWriter json, Actor actor, NeighbourhoodLayout? layout)
    {
        json.WriteStartObject();
        json.WriteStartObject("data");
        json.WriteString("id", actor.Id);
        json.WriteString("label", actor.DisplayShortName);
        json.WriteString("sentenceLabel", actor.DisplayLabel);
        json.WriteString("name", actor.Name);
        json.WriteString("kind", ActorKinds.NameOf(actor.Kind));
        if (layout is not null && layout.Depths.TryGetValue(actor.Id, out var depth))
        {
            json.WriteNumber("depth", depth);
            json.WriteNumber("degree", layout.Degrees.GetValueOrDefault(actor.Id));
            json.WriteBoolean("centre", actor.Id == layout.Centre);
        }

        WriteList(json, "aliases", actor.Aliases);
        WriteIfPresent(json, "founded", ExportText.Date(actor.Founded));
        WriteIfPresent(json, "dissolved", ExportText.Date(actor.Dissolved));
        WriteIfPresent(json, "headquarters", actor.Headquarters);
        WriteIfPresent(json, "iso3", actor.Iso3);
        WriteIfPresent(json, "wikidata", ExportText.Wikidata(actor));
        WriteIfPresent(json, "description", actor.Description);
        WriteList(json, "sourceIds", [.. ExportText.SourceIds(actor.Sources)]);
        WriteCitations(json, actor.Sources);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteEdge(Utf8JsonWriter json, RelationView view, ActorDirectory actors, ExportContext context)
    {
        var relation = view.Relation;
        json.WriteStartObject();
        json.WriteStartObject("data");

        // Cytoscape.js keeps nodes and edges in one id space; a relation id may be a bare slug equal to an actor's.
        json.WriteString("id", actors.Contains(relation.Id) ? "relation:" + relation.Id : relation.Id);
        json.WriteString("source", relation.From);
        json.WriteString("target", relation.To);
        json.WriteString("type", RelationTypes.NameOf(relation.Type));
        json.WriteString("label", ExportText.TypeLabel(relation.Type));
        json.WriteString("sentence", context.Sentence(view));
        json.WriteBoolean("dated", !relation.IsUndated);
        WriteIfPresent(json, "start", ExportText.Date(relation.Start));
        WriteIfPresent(json, "end", ExportText.Date(relation.End));
        WriteIfPresent(json, "heldOn", ExportText.Date(relation.HeldOn));
        WriteIfPresent(json, "role", relation.Role);
        json.WriteString("confidence", WireNames.Of(relation.Confidence));
        WriteList(json, "sourceIds", [.. ExportText.SourceIds(relation.Sources)]);
        WriteCitations(json, relation.Sources);
        WriteIfPresent(json, "note", relation.Note);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>The citations as objects: source id, quote / summary / record (each for what it is) and locator.</summary>
    private static void WriteCitations(Utf8JsonWriter json, IReadOnlyList<Citation>? citations)
    {
        if (citations is null or { Count: 0 })
        {
            return;
        }

        json.WritePropertyName("citations");
        JsonSerializer.Serialize(json, citations, GraphJson.Options);
    }

    private static void WriteIfPresent(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteList(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}

/// <summary>Where each actor of a neighbourhood sits: its centre, each node's depth from it and degree in the whole graph.</summary>
public sealed record NeighbourhoodLayout(string Centre, IReadOnlyDictionary<string, int> Depths, IReadOnlyDictionary<string, int> Degrees)
{
    public static NeighbourhoodLayout Of(string centre, Core.Storage.Graph graph) => new(
        centre,
        graph.Nodes.ToDictionary(n => n.Actor.Id, n => n.Depth, StringComparer.Ordinal),
        graph.Nodes.ToDictionary(n => n.Actor.Id, n => n.Degree, StringComparer.Ordinal));
}
