using System.ComponentModel;
using IomGraph.Api.Application;
using IomGraph.Api.Contracts;
using IomGraph.Api.Http;
using IomGraph.Api.Http.OpenApi;
using IomGraph.Core.Model;
using IomGraph.Formats;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace IomGraph.Api.Endpoints;

public static class ImportEndpoints
{
    /// <summary>Bodies up to this size that fail to read are read again as a whole, to list every problem.</summary>

    public static RouteGroupBuilder MapImport(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/import").WithTags(ApiTags.Curation).RequireApiKey();

        group.MapPost("/", Import)
            .WithName(nameof(Import))
            .Accepts<GraphBundle>("application/json", "multipart/form-data", "application/zip")
            .ProducesValidationProblem()
            .DisableAntiforgery()
            .Expensive(timeoutPolicy: RequestTimeouts.ImportPolicy);

        return group;
    }

    [EndpointSummary("Import a bundle or CSV files")]
    [EndpointDescription("Loads many records at once, atomically. Send either a JSON bundle in the seed-data format ({ sources, actors, relations }, Content-Type application/json) or CSV files as multipart/form-data: 'nodes' (nodes.csv), 'edges' (edges.csv) and optionally 'sources' (sources.csv), in the columns the CSV export writes, or the CSV export's zip itself (application/zip). Errors in CSV name the file and row. The whole import is validated first: any invalid record gives a 400 that lists every error, and nothing is written. Otherwise every record is written in one transaction; importing the same data again changes nothing, and the counts say so. dryRun=true validates only. Needs an API key in X-Api-Key.")]
    public static async Task<Results<Ok<ImportResponse>, ValidationProblem>> Import(
        [Description("Validate only: report what is wrong, or that the import is valid, and write nothing."), DefaultValue(false)] bool? dryRun,
        HttpContext http,
        ImportService imports,
        IOptions<ImportOptions> options,
        CancellationToken cancellationToken)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.Value.MaxRequestBytes;
        }

        var (bundle, rows, problem) = await ReadBundleAsync(http.Request, options.Value, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var outcome = await imports.ImportAsync(bundle!, http.User.Curator(), dryRun ?? false, cancellationToken);
        if (!outcome.Valid)
        {
            return ImportProblem(outcome.Errors.Select(e => (rows is null ? e.Record : rows.Locate(e.Record), e.Id, e.Field, e.Message)));
        }

        return TypedResults.Ok(ImportResponse.Of(outcome, bundle!));
    }

    /// <summary>"relations[3].to" → record "relations[3]", field "to"; "body" → record "body", no field.</summary>
    private static (string Record, string? Id, string Field, string Message) SplitField(string path, string message)
    {
        var close = path.IndexOf(']', StringComparison.Ordinal);
        return close < 0 || close + 1 >= path.Length
            ? (path, null, string.Empty, message)
            : (path[..(close + 1)], null, path[(close + 2)..], message);
    }

    private static async Task<(GraphBundle? Bundle, CsvReadResult? Rows, ValidationProblem? Problem)> ReadBundleAsync(HttpRequest request, ImportOptions options, CancellationToken cancellationToken)
    {
        if (request.HasJsonContentType())
        {
            // A valid bundle streams straight into records; only a bad one is read again (BundleReader).
            request.EnableBuffering(bufferThreshold: 1024 * 1024, bufferLimit: options.MaxRequestBytes);
            var (bundle, problems) = await BundleReader.ReadAsync(request.Body, cancellationToken);
            return bundle is not null
                ? (bundle, null, null)
                : (null, null, ImportProblem(problems.Select(p => SplitField(p.Path, p.Message))));
        }

        if (string.Equals(request.ContentType, "application/zip", StringComparison.OrdinalIgnoreCase))
        {
            // ZipArchive needs a seekable stream; the request size limit bounds the copy.
            await using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, cancellationToken);
            buffer.Position = 0;
            return CsvOutcome(await CsvBundleReader.ReadZipAsync(buffer, cancellationToken: cancellationToken));
        }

        if (!request.HasFormContentType)
        {
            return (null, null, Writes.Invalid("body", "Send a JSON bundle (application/json), the zip of a CSV export (application/zip), or CSV files (multipart/form-data with 'nodes' and 'edges')."));
        }

        var form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = options.MaxRequestBytes }, cancellationToken);
        var nodes = form.Files.GetFile("nodes");
        var edges = form.Files.GetFile("edges");
        if (nodes is null || edges is null)
        {
            return (null, null, Writes.Invalid(nodes is null ? "nodes" : "edges", "Multipart imports need a 'nodes' file (nodes.csv) and an 'edges' file (edges.csv); 'sources' (sources.csv) is optional."));
        }

        var sources = form.Files.GetFile("sources");
        await using var nodeStream = nodes.OpenReadStream();
        await using var edgeStream = edges.OpenReadStream();
        await using var sourceStream = sources?.OpenReadStream();
        return CsvOutcome(await CsvBundleReader.ReadAsync(nodeStream, edgeStream, sourceStream, cancellationToken));
    }

    private static (GraphBundle? Bundle, CsvReadResult? Rows, ValidationProblem? Problem) CsvOutcome(CsvReadResult read) =>
        read.Errors.Count > 0
            ? (null, null, ImportProblem(read.Errors.Select(e => ($"{e.File} row {e.Row}", (string?)null, e.Column ?? string.Empty, e.Message))))
            : (read.Bundle, read, null);

    private static ValidationProblem ImportProblem(IEnumerable<(string Record, string? Id, string Field, string Message)> errors)
    {
        var list = errors.ToList();
        var problem = TypedResults.ValidationProblem(
            list.GroupBy(e => string.IsNullOrEmpty(e.Field) ? e.Record : $"{e.Record}.{e.Field}")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Id is null ? e.Message : $"{e.Message} (id '{e.Id}')").ToArray()),
            detail: $"The import has {list.Count} error{(list.Count == 1 ? string.Empty : "s")} and nothing was written. 'records' lists each: record, id, field, message.",
            title: "Invalid import");
        problem.ProblemDetails.Extensions["records"] = list.Select(e => new { record = e.Record, id = e.Id, field = e.Field, message = e.Message }).ToList();
        return problem;
    }
}

/// <summary>Settings under <c>Import</c>.</summary>
public sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>The largest import request accepted, in bytes (default 512 MiB).</summary>
    public long MaxRequestBytes { get; set; } = 512L * 1024 * 1024;
}
