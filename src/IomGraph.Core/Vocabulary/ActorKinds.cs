using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Serialization;
using IomGraph.Core.Model;

namespace IomGraph.Core.Vocabulary;

/// <summary>An actor kind as the API documents it.</summary>
/// <param name="Plural">How several of the kind are named in a sentence: "states", "UN entities".</param>
public sealed record ActorKindInfo(ActorKind Kind, string Name, string Label, string Plural, string Description);

/// <summary>The closed vocabulary of actor kinds.</summary>
public static class ActorKinds
{
    public static IReadOnlyList<ActorKindInfo> All { get; } =
    [
        Info(ActorKind.IntergovernmentalOrganisation, "Intergovernmental organisation", "intergovernmental organisations",
            "An organisation whose members are sovereign states and which answers to them, such as the IOM or the World Bank."),
        Info(ActorKind.UnEntity, "UN entity", "UN entities",
            "An agency, office, fund, programme or organ of the United Nations system, such as UNHCR, the ILO, OHCHR or the General Assembly."),
        Info(ActorKind.InterAgencyGroup, "Inter-agency group or network", "inter-agency groups and networks",
            "A standing group of organisations that coordinate their work, such as the Geneva Migration Group, the Global Migration Group or the UN Network on Migration."),
        Info(ActorKind.StateLedProcess, "State-led process or initiative", "state-led processes and initiatives",
            "A consultative process owned by states, such as the Berne Initiative."),
        Info(ActorKind.ForumOrCommission, "Forum or commission", "forums and commissions",
            "A forum, dialogue or commission, such as the Global Commission on International Migration or the Global Forum on Migration and Development."),
        Info(ActorKind.PolicyFramework, "Policy framework", "policy frameworks",
            "A framework, agenda or compact, usually non-binding, such as the International Agenda for Migration Management or the Global Compact for Migration."),
        Info(ActorKind.GoverningBody, "Governing body", "governing bodies",
            "The organ through which member states govern an organisation, such as the IOM Council."),
        Info(ActorKind.State, "State", "states",
            "A sovereign state, identified by its ISO 3166-1 alpha-3 code."),
        Info(ActorKind.Person, "Person", "people",
            "A person who held an office, such as an IOM Director General."),
        Info(ActorKind.Event, "Event", "events",
            "A conference or meeting that matters to the graph, such as the 1951 Brussels conference that founded the IOM."),
        Info(ActorKind.Value, "Value", "values",
            "A norm or interest that actors emphasise or prefer, such as humanitarian protection, workers' rights, national economic and security interests, or migration management."),
    ];

    private static readonly FrozenDictionary<ActorKind, ActorKindInfo> ByKind = All.ToFrozenDictionary(k => k.Kind);
    private static readonly FrozenDictionary<string, ActorKind> ByName = All.ToFrozenDictionary(k => k.Name, k => k.Kind, StringComparer.OrdinalIgnoreCase);

    public static ActorKindInfo Get(ActorKind kind) => ByKind[kind];

    /// <summary>Reads a kind by its wire name ("un-entity"), ignoring case.</summary>
    public static bool TryParse(string? name, out ActorKind kind)
    {
        kind = default;
        return name is not null && ByName.TryGetValue(name, out kind);
    }

    public static string NameOf(ActorKind kind) => ByKind[kind].Name;

    public static IEnumerable<string> Names => All.Select(k => k.Name);

    private static ActorKindInfo Info(ActorKind kind, string label, string plural, string description) =>
        new(kind, WireNames.Of(kind), label, plural, description);
}
