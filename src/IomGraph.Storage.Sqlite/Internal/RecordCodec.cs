using System.Text.Json;
using IomGraph.Core.Model;

namespace IomGraph.Storage.Sqlite.Internal;

/// <summary>The columns SQLite keeps beside each record's canonical JSON, to search, order and join it.</summary>
internal static class RecordCodec
{
    /// <summary>'\n' + each folded search name + '\n', for instr() matching.</summary>
    public static string SearchNames(Actor actor) => "\n" + string.Join('\n', TextFolding.SearchNames(actor)) + "\n";

    public static string JsonArray(IEnumerable<string> values) => JsonSerializer.Serialize(values.ToArray(), StringArrayContext.Default.StringArray);
}
