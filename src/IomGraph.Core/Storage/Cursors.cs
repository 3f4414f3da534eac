using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IomGraph.Core.Storage;

/// <summary>
/// Opaque keyset cursors: base64url of a small JSON object that names its listing ("k") so that a cursor
/// from one listing is refused by another. Clients must treat them as opaque.
/// </summary>
public static class Cursors
{
    public static string Encode<T>(T cursor)
        where T : ICursor => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(cursor, typeof(T), CursorJsonContext.Default));

    public static bool TryDecode<T>([NotNullWhen(true)] string? text, [NotNullWhen(true)] out T? cursor)
        where T : class, ICursor
    {
        cursor = null;
        if (string.IsNullOrEmpty(text) || text.Length > 1024 || !Base64Url.IsValid(text))
        {
            return false;
        }

        try
        {
            var decoded = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(text), typeof(T), CursorJsonContext.Default) as T;
            if (decoded is not null && decoded.IsWellFormed())
            {
                cursor = decoded;
            }
        }
        catch (JsonException)
        {
            // A cursor that is not our JSON is simply malformed: the caller reports it as a 400.
        }

        return cursor is not null;
    }
}

public interface ICursor
{
    bool IsWellFormed();
}

/// <summary>Position in an actor search: after (rank, sortKey, id).</summary>
public sealed record ActorCursor(
    [property: JsonPropertyName("k")] string Listing,
    [property: JsonPropertyName("r")] MatchRank Rank,
    [property: JsonPropertyName("s")] string SortKey,
    [property: JsonPropertyName("i")] string Id) : ICursor
{
    public const string Name = "actors";

    public static ActorCursor After(MatchRank rank, string sortKey, string id) => new(Name, rank, sortKey, id);

    public bool IsWellFormed() => Listing == Name && Enum.IsDefined(Rank) && SortKey is not null && !string.IsNullOrEmpty(Id);
}

/// <summary>Position in a relation listing: after (startKey, id).</summary>
public sealed record RelationCursor(
    [property: JsonPropertyName("k")] string Listing,
    [property: JsonPropertyName("d")] int StartKey,
    [property: JsonPropertyName("i")] string Id) : ICursor
{
    public const string Name = "relations";

    public static RelationCursor After(int startKey, string id) => new(Name, startKey, id);

    public bool IsWellFormed() => Listing == Name && StartKey is >= Validity.Beginning and <= Validity.Forever && !string.IsNullOrEmpty(Id);
}

/// <summary>Position in a listing ordered by id.</summary>
public sealed record IdCursor(
    [property: JsonPropertyName("k")] string Listing,
    [property: JsonPropertyName("i")] string Id) : ICursor
{
    public const string Name = "ids";

    public static IdCursor After(string id) => new(Name, id);

    public bool IsWellFormed() => Listing == Name && !string.IsNullOrEmpty(Id);
}

[JsonSerializable(typeof(ActorCursor))]
[JsonSerializable(typeof(RelationCursor))]
[JsonSerializable(typeof(IdCursor))]
[JsonSerializable(typeof(ChangeCursor))]
internal sealed partial class CursorJsonContext : JsonSerializerContext;

/// <summary>Position in the change log.</summary>
public sealed record ChangeCursor(
    [property: JsonPropertyName("k")] string Listing,
    [property: JsonPropertyName("q")] long Sequence) : ICursor
{
    public const string Name = "changes";

    public static ChangeCursor After(long sequence) => new(Name, sequence);

    public bool IsWellFormed() => Listing == Name && Sequence >= 0;
}
