using Microsoft.Data.Sqlite;

namespace IomGraph.Storage.Sqlite.Internal;

internal static class TransactionCommands
{
    /// <summary>A command on the transaction's connection, enlisted in the transaction.</summary>
    public static SqliteCommand Command(this SqliteTransaction transaction, string sql)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
