using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Core.Storage.Writing;
using Microsoft.Data.Sqlite;

namespace IomGraph.Storage.Sqlite.Internal;

/// <summary>Who writes and when: one stamp for every change entry of one write.</summary>
internal sealed record ChangeStamp(string Author, string At)
{
    public void Bind(SqliteCommand command)
    {
        command.Parameters.AddWithValue("$author", Author);
        command.Parameters.AddWithValue("$at", At);
    }
}

/// <summary>
/// The change log's stored forms and the SQL that fills it. Entries are written set-wise, from the stage tables of a
/// write, before the write touches the records, so that <c>before</c> is still the stored JSON.
/// </summary>
internal static class ChangeLog
{
    public const string Columns = "at, author, kind, record_id, operation, before, after";

    /// <summary>The table that holds records of a kind. Only these three names are ever put into SQL.</summary>
    public static string TableOf(RecordKind kind) => kind switch
    {
        RecordKind.Source => "sources",
        RecordKind.Actor => "actors",
        RecordKind.Relation => "relations",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a record kind."),
    };

    /// <summary>The stamp of a write, taken inside its transaction, by the rule of <see cref="ChangeTimes.Stamp"/>.</summary>
    public static async Task<ChangeStamp> StampAsync(SqliteTransaction transaction, string author, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = transaction.Command("SELECT max(at) FROM changes;");
        var last = await command.ExecuteScalarAsync(cancellationToken) is string text ? ChangeTimes.Parse(text) : (DateTimeOffset?)null;
        return new ChangeStamp(author, ChangeTimes.ToText(ChangeTimes.Stamp(now, last)));
    }

    /// <summary>Logs the created and updated rows of a stage table (<see cref="RecordState"/>), by id, before they are merged.</summary>
    public static string LogStaged(string kind, string table) => $"""
        INSERT INTO changes ({Columns})
        SELECT $at, $author, '{kind}', s.id, CASE s.state WHEN {(int)RecordState.Created} THEN 'create' ELSE 'update' END, t.doc, s.doc
        FROM stage_{table} s LEFT JOIN {table} t ON t.id = s.id WHERE s.state <> {(int)RecordState.Unchanged} ORDER BY s.id;
        """;

    /// <summary>Logs the records of one kind in <c>stage_deletes</c>, by id, before they are deleted.</summary>
    public static string LogDeletes(string kind, string table) => $"""
        INSERT INTO changes ({Columns})
        SELECT $at, $author, '{kind}', t.id, 'delete', t.doc, NULL
        FROM stage_deletes d JOIN {table} t ON t.id = d.id WHERE d.kind = '{kind}' ORDER BY d.id;
        """;
}
