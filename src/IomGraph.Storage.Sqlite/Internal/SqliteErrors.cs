using Microsoft.Data.Sqlite;

namespace IomGraph.Storage.Sqlite.Internal;

/// <summary>Tells a database that cannot serve (I/O, locks, corruption, permissions) from a bug in what we asked of it.</summary>
internal static class SqliteErrors
{
    // Primary result codes, https://sqlite.org/rescode.html
    public const int Constraint = 19;
    public const int Interrupt = 9;

    private static readonly HashSet<int> Unavailable =
    [
        3, // SQLITE_PERM
        5, // SQLITE_BUSY
        6, // SQLITE_LOCKED
        7, // SQLITE_NOMEM
        8, // SQLITE_READONLY
        10, // SQLITE_IOERR
        11, // SQLITE_CORRUPT
        13, // SQLITE_FULL
        14, // SQLITE_CANTOPEN
        15, // SQLITE_PROTOCOL
        23, // SQLITE_AUTH
        26, // SQLITE_NOTADB
    ];

    public static bool IsUnavailable(SqliteException exception) => Unavailable.Contains(exception.SqliteErrorCode);
}
