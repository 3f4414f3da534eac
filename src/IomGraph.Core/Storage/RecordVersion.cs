using IomGraph.Core.Model;

namespace IomGraph.Core.Storage;

/// <summary>
/// A version tag: the hex SHA-256 of the record's canonical JSON (<see cref="CanonicalJson"/>). Equal content, equal tag,
/// on every store; the API sends it as the ETag.
/// </summary>
public static class RecordVersion
{
    public static string Of(EncodedRecord encoded) => Convert.ToHexStringLower(encoded.Hash);

    public static string Of(Actor actor) => Of(CanonicalJson.Encode(actor));

    public static string Of(Relation relation) => Of(CanonicalJson.Encode(relation));

    public static string Of(Source source) => Of(CanonicalJson.Encode(source));
}
