using System.Globalization;
using Microsoft.Extensions.Options;

namespace IomGraph.Storage.Neo4j;

/// <summary>Which Neo4j HTTP API the store talks to.</summary>
public enum Neo4jTransport
{
    /// <summary>The Query API when the server's discovery document offers it (5.19+), else the transactional endpoint.</summary>
    Auto,

    /// <summary>The Query API, <c>/db/{db}/query/v2</c> (Neo4j 5.19 and later, 2025.x).</summary>
    QueryApi,

    /// <summary>The transactional Cypher endpoint: <c>/db/{db}/tx</c> on 4.x and 5.x, <c>/db/data/transaction</c> on 3.x.</summary>
    Transactional,
}

/// <summary>Where and how to reach Neo4j. Bound from the <c>Neo4j</c> configuration section and validated on start.</summary>
public sealed class Neo4jOptions
{
    public const string SectionName = "Neo4j";

    /// <summary>The server's HTTP(S) root, such as <c>http://localhost:7474</c>. Required. Environment variable: <c>Neo4j__Url</c>.</summary>
    public string? Url { get; set; }

    /// <summary>The database on 4.x and later; 3.x has one database and ignores it.</summary>
    public string Database { get; set; } = "neo4j";

    /// <summary>The user for Basic authentication; leave unset for a server without authentication.</summary>
    public string? User { get; set; }

    /// <summary>The password for Basic authentication. Never logged.</summary>
    public string? Password { get; set; }

    public Neo4jTransport Transport { get; set; } = Neo4jTransport.Auto;

    /// <summary>How long one HTTP request may take before it counts as failed.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long opening a connection may take.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often a failed request that is safe to repeat (discovery, a read, opening a transaction) is tried again,
    /// and how often a write transaction that failed before its commit is run again from the start.
    /// </summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first pause before a retry; later pauses grow exponentially, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How many records one write statement carries (<c>UNWIND $rows</c>).</summary>
    public int BatchSize { get; set; } = 5000;

    internal Uri BaseUri => new(Url!.EndsWith('/') ? Url : Url + "/", UriKind.Absolute);

    /// <summary>Describes the connection without the password, for logs and error messages.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Neo4j at {Url ?? "(no Url)"}, database '{Database}', {(string.IsNullOrEmpty(User) ? "no authentication" : $"user '{User}'")}, transport {Transport}");
}

/// <summary>Reports every problem with <see cref="Neo4jOptions"/> at once, naming the setting, never echoing the password.</summary>
internal sealed class Neo4jOptionsValidator : IValidateOptions<Neo4jOptions>
{
    public ValidateOptionsResult Validate(string? name, Neo4jOptions options)
    {
        var failures = new List<string>();
        var section = Neo4jOptions.SectionName;
        if (string.IsNullOrWhiteSpace(options.Url))
        {
            failures.Add($"{section}:Url is required: the Neo4j server's HTTP root, such as http://localhost:7474.");
        }
        else if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{section}:Url must be an absolute http or https URL, such as http://localhost:7474.");
        }
        else if (!string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            failures.Add($"{section}:Url must not carry credentials, a query or a fragment; put the user and password in {section}:User and {section}:Password.");
        }

        if (string.IsNullOrWhiteSpace(options.Database) || options.Database.Length > 63 || !options.Database.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            failures.Add($"{section}:Database must be a Neo4j database name (letters, digits, '.', '-', '_').");
        }

        if (string.IsNullOrEmpty(options.User) && !string.IsNullOrEmpty(options.Password))
        {
            failures.Add($"{section}:Password is set but {section}:User is not.");
        }

        if (!Enum.IsDefined(options.Transport))
        {
            failures.Add($"{section}:Transport must be Auto, QueryApi or Transactional.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero || options.RequestTimeout > TimeSpan.FromHours(1))
        {
            failures.Add($"{section}:RequestTimeout must be positive and at most an hour.");
        }

        if (options.ConnectTimeout <= TimeSpan.Zero || options.ConnectTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{section}:ConnectTimeout must be positive and at most five minutes.");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add($"{section}:MaxRetries must be between 0 and 10.");
        }

        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{section}:RetryDelay must be between zero and a minute.");
        }

        if (options.BatchSize is < 1 or > 100_000)
        {
            failures.Add($"{section}:BatchSize must be between 1 and 100000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
