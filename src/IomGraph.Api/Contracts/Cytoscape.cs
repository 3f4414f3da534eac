using System.Text.Json.Serialization;
using IomGraph.Core.Model;

namespace IomGraph.Api.Contracts;

// What format=cytoscape writes (IomGraph.Formats/CytoscapeFormat.cs streams it by hand), described for the OpenAPI document;
// the response validation test checks real exports against it. Absent values are left out, not written as null.

/// <summary>A Cytoscape.js document: <c>cy.add(json.elements)</c> takes its elements as they are; Cytoscape desktop imports it as .cyjs.</summary>
public sealed record CytoscapeGraph(
    [property: JsonPropertyName("format_version")] string FormatVersion,
    [property: JsonPropertyName("generated_by")] string GeneratedBy,
    [property: JsonPropertyName("target_cytoscapejs_version")] string TargetCytoscapeJsVersion,
    CytoscapeGraphData Data,
    CytoscapeElements Elements);

/// <summary>The network's own attributes.</summary>
public sealed record CytoscapeGraphData(string Name);

/// <summary>The nodes and edges, each wrapped in <c>{ data }</c> as Cytoscape.js expects.</summary>
public sealed record CytoscapeElements(IReadOnlyList<CytoscapeNode> Nodes, IReadOnlyList<CytoscapeEdge> Edges);

/// <summary>A node.</summary>
public sealed record CytoscapeNode(CytoscapeNodeData Data);

/// <summary>
/// An actor as a node's data: <c>label</c> is what to draw (its short name), <c>sentenceLabel</c> how a sentence names it.
/// In a neighbourhood, <c>depth</c> (hops from the centre), <c>degree</c> (relations in the whole graph) and <c>centre</c>.
/// </summary>
public sealed record CytoscapeNodeData(
    string Id,
    string Label,
    string SentenceLabel,
    string Name,
    ActorKind Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Depth,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Degree,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Centre,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Aliases,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PartialDate? Founded,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PartialDate? Dissolved,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Headquarters,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Iso3,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Wikidata,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Description,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? SourceIds,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Citation>? Citations);

/// <summary>An edge.</summary>
public sealed record CytoscapeEdge(CytoscapeEdgeData Data);

/// <summary>
/// A relation as an edge's data; <c>source</c> and <c>target</c> are node ids, <c>label</c> the type's reading ("member
/// of"); <c>dated</c> is false when no date is recorded (a timeline should not show it as always holding); <c>heldOn</c>,
/// only without <c>start</c>, is a date it is known to hold on although its start is unknown; <c>citations</c> are its
/// sources with what each says (<c>quote</c>, the source's own words; <c>summary</c>, IomGraph's rendering; <c>record</c>,
/// a dataset row) and where.
/// </summary>
public sealed record CytoscapeEdgeData(
    string Id,
    string Source,
    string Target,
    RelationType Type,
    string Label,
    string Sentence,
    bool Dated,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PartialDate? Start,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PartialDate? End,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PartialDate? HeldOn,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Role,
    Confidence Confidence,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? SourceIds,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Citation>? Citations,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Note);
