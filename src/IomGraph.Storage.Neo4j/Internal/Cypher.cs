using System.Collections.Frozen;
using System.Text.Json;

namespace IomGraph.Storage.Neo4j.Internal;

/// <summary>Which servers a catalogue statement is for.</summary>
internal enum CypherDialect
{
    /// <summary>Runs on Neo4j 3.1 and on current servers, and passes the current linter.</summary>
    Portable,

    /// <summary>Schema statements for 3.x to 4.3 (<c>CREATE CONSTRAINT ON … ASSERT</c>). The current linter rejects them; they are not linted.</summary>
    LegacyDdl,

    /// <summary>Schema statements for 4.4 and later (<c>IF NOT EXISTS</c>, <c>FOR … REQUIRE</c>).</summary>
    ModernDdl,

    /// <summary>Schema statements for 5.x and later only (full-text indexes in Cypher).</summary>
    FullTextDdl,

    /// <summary>
    /// Reads for 3.x and 4.x only, with degrees as <c>size()</c> of a pattern (<see cref="DegreeSyntax.SizeOfPattern"/>).
    /// Cypher 5 removed that form, so the current linter rejects them and they are not linted; the 3.1 contract suite runs them.
    /// </summary>
    Cypher3,

    /// <summary>Reads for 5.x and later only (<c>COUNT { }</c>, full-text queries): linted, never run here (only 3.1 runs here).</summary>
    Cypher5,
}

/// <summary>One read in each <see cref="DegreeSyntax"/>; the store sends the one its server understands.</summary>
internal sealed record DegreeVariants(CypherQuery SizeOfPattern, CypherQuery CountSubquery, CypherQuery Comprehension) : IEnumerable<CypherQuery>
{
    public CypherQuery For(DegreeSyntax syntax) => syntax switch
    {
        DegreeSyntax.SizeOfPattern => SizeOfPattern,
        DegreeSyntax.CountSubquery => CountSubquery,
        _ => Comprehension,
    };

    public IEnumerator<CypherQuery> GetEnumerator() => ((IEnumerable<CypherQuery>)[SizeOfPattern, CountSubquery, Comprehension]).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A named Cypher statement from <see cref="CypherCatalogue"/> and the parameters it takes.</summary>
internal sealed record CypherQuery(string Name, string Text, IReadOnlyList<string> Parameters, CypherDialect Dialect = CypherDialect.Portable)
{
    private readonly FrozenSet<string> _parameters = Parameters.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Binds values to every declared parameter; a missing or unknown name is a bug in the caller.</summary>
    public CypherStatement With(params (string Name, object? Value)[] values)
    {
        var bound = new Dictionary<string, object?>(values.Length, StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            if (!_parameters.Contains(name))
            {
                throw new ArgumentException($"Cypher statement {Name} has no parameter ${name}.", nameof(values));
            }

            bound[name] = value;
        }

        var missing = Parameters.FirstOrDefault(p => !bound.ContainsKey(p));
        return missing is null ? new CypherStatement(this, bound) : throw new ArgumentException($"Cypher statement {Name} needs parameter ${missing}.", nameof(values));
    }

    public override string ToString() => Name;
}

/// <summary>
/// A statement ready to run. Parameter values are null, <see cref="string"/>, <see cref="bool"/>, <see cref="int"/>,
/// <see cref="long"/>, <see cref="double"/>, lists (<see cref="System.Collections.IEnumerable"/>) or maps
/// (<see cref="IReadOnlyDictionary{TKey, TValue}"/> of string to value): what both JSON dialects can carry.
/// </summary>
internal sealed record CypherStatement(CypherQuery Query, IReadOnlyDictionary<string, object?> Parameters);

/// <summary>The rows one statement returned, each value already plain JSON (typed Query API values are unwrapped).</summary>
internal sealed record CypherResult(IReadOnlyList<string> Columns, IReadOnlyList<JsonElement[]> Rows)
{
    public static CypherResult Empty { get; } = new([], []);

    public int Column(string name)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i] == name)
            {
                return i;
            }
        }

        throw new InvalidDataException($"Neo4j returned no column '{name}' (columns: {string.Join(", ", Columns)}).");
    }
}

/// <summary>
/// One of Neo4j's HTTP APIs. The store and the catalogue do not know which: they hand over statements and get rows.
/// </summary>
internal interface ICypherTransport
{
    /// <summary>What the transport is, for logs: "Query API on Neo4j 5.26.0".</summary>
    string Description { get; }

    /// <summary>
    /// Runs statements atomically, in one implicit transaction, and returns one result per statement. A batch of one
    /// statement is one request on every transport; an <paramref name="idempotent"/> batch (reads, schema) may be sent again after a transient failure.
    /// </summary>
    Task<IReadOnlyList<CypherResult>> ExecuteAsync(IReadOnlyList<CypherStatement> statements, bool idempotent, CancellationToken cancellationToken);

    /// <summary>Opens an explicit transaction that spans several requests: for writes whose later statements depend on earlier results.</summary>
    Task<ICypherTransaction> BeginAsync(CancellationToken cancellationToken);
}

/// <summary>An open transaction. Disposing it without a commit rolls it back.</summary>
internal interface ICypherTransaction : IAsyncDisposable
{
    Task<IReadOnlyList<CypherResult>> ExecuteAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken);

    /// <summary>Commits. A failure here leaves the outcome unknown (<see cref="Neo4jUnavailableException.CommitOutcomeUnknown"/>).</summary>
    Task CommitAsync(CancellationToken cancellationToken);

    Task RollbackAsync(CancellationToken cancellationToken);
}
