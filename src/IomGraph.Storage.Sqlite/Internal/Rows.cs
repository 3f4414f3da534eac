using IomGraph.Core.Model;
using Microsoft.Data.Sqlite;

namespace IomGraph.Storage.Sqlite.Internal;

/// <summary>Reads the column groups that <see cref="Sql"/> selects.</summary>
internal static class Rows
{
    /// <summary>Reads <see cref="Sql.ViewColumns"/>; also gives the relation's start key for cursors.</summary>
    public static (RelationView View, int StartKey) ReadView(SqliteDataReader reader)
    {
        var relation = GraphJson.Decode<Relation>(reader.GetString(0));
        var from = ReadActorRef(reader, 2);
        var to = ReadActorRef(reader, 2 + ActorRefWidth);
        return (new RelationView(relation, from, to), reader.GetInt32(1));
    }

    /// <summary>The number of columns of <see cref="Sql.ActorRefColumns"/>.</summary>
    public const int ActorRefWidth = 6;

    /// <summary>Reads (id, name, kind, label, short name, plural) starting at <paramref name="offset"/>.</summary>
    public static ActorRef ReadActorRef(SqliteDataReader reader, int offset) =>
        new(
            reader.GetString(offset),
            reader.GetString(offset + 1),
            WireNames.Parse<ActorKind>(reader.GetString(offset + 2)),
            reader.IsDBNull(offset + 3) ? null : reader.GetString(offset + 3),
            reader.IsDBNull(offset + 4) ? null : reader.GetString(offset + 4),
            !reader.IsDBNull(offset + 5) && reader.GetBoolean(offset + 5));

    public static async Task<List<(RelationView View, int StartKey)>> ReadViewsAsync(SqliteDataReader reader, CancellationToken cancellationToken)
    {
        var views = new List<(RelationView, int)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            views.Add(ReadView(reader));
        }

        return views;
    }
}
