using System.Globalization;
using IomGraph.Core.Storage;
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
    /// <summary>Fixed-width UTC with every tick: text order is time order, and a time reads back exactly.</summary>
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public const string Columns = "at, author, kind, record_id, operation, before, after";

    public static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static string KindName(RecordKind kind) => kind switch
    {
        RecordKind.Source => "source",
        RecordKind.Actor => "actor",
        RecordKind.Relation => "relation",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a record kind."),
    };

    public static RecordKind ParseKind(string name) => name switch
    {
        "source" => RecordKind.Source,
        "actor" => RecordKind.Actor,
        "relation" => RecordKind.Relation,
        _ => throw new InvalidDataException($"'{name}' is not a record kind."),
    };

    public static ChangeOperation ParseOperation(string name) => name switch
    {
        "create" => ChangeOperation.Create,
        "update" => ChangeOperation.Update,
        "delete" => ChangeOperation.Delete,
        _ => throw new InvalidDataException($"'{name}' is not a change operation."),
    };

    /// <summary>The table that holds records of a kind. Only these three names are ever put into SQL.</summary>
    public static string TableOf(RecordKind kind) => kind switch
    {
        RecordKind.Source => "sources",
        RecordKind.Actor => "actors",
        RecordKind.Relation => "relations",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a record kind."),
    };

    /// <summary>
    /// The stamp of a write, taken inside its transaction. Its time never falls behind the last entry's (a clock
    /// stepped back takes the last entry's time), so that the log is ordered by time as well as by sequence.
    /// </summary>
    public static async Task<ChangeStamp> StampAsync(
        SqliteConnection connection, SqliteTransaction transaction, string author, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT max(at) FROM changes;";
        var at = FormatTime(now);
        return await command.ExecuteScalarAsync(cancellationToken) is string last && string.CompareOrdinal(last, at) > 0
            ? new ChangeStamp(author, last)
            : new ChangeStamp(author, at);
    }

    /// <summary>Logs the created (state 1) and updated (state 2) rows of a stage table, by id, before they are merged.</summary>
    public static string LogStaged(string kind, string table) => $"""
        INSERT INTO changes ({Columns})
        SELECT $at, $author, '{kind}', s.id, CASE s.state WHEN 1 THEN 'create' ELSE 'update' END, t.doc, s.doc
        FROM stage_{table} s LEFT JOIN {table} t ON t.id = s.id WHERE s.state <> 0 ORDER BY s.id;
        """;

    /// <summary>Logs the records of one kind in <c>stage_deletes</c>, by id, before they are deleted.</summary>
    public static string LogDeletes(string kind, string table) => $"""
        INSERT INTO changes ({Columns})
        SELECT $at, $author, '{kind}', t.id, 'delete', t.doc, NULL
        FROM stage_deletes d JOIN {table} t ON t.id = d.id WHERE d.kind = '{kind}' ORDER BY d.id;
        """;
}
