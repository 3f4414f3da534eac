using System.Globalization;
using System.Text;
using IomGraph.Core.Model;
using IomGraph.Core.Vocabulary;

namespace IomGraph.Benchmarks;

/// <summary>
/// A deterministic synthetic graph shaped like the curated one, at any size: mostly states and organisations with
/// acronyms, former and other-language names (with accents), relations of every type between kinds the type allows,
/// partial dates, 1–2 citations each, and a skewed degree distribution so that a few actors are hubs (the first is an
/// IOM-like organisation) while most have a handful of relations. The same scale always gives the same bundle.
/// </summary>
public static class SyntheticGraph
{
    /// <summary>Bump whenever the output changes: cached benchmark databases are keyed by it.</summary>
    public const int Version = 1;

    public const int RandomSeed = 20261130;

    public static GraphBundle Generate(Scale scale)
    {
        ArgumentNullException.ThrowIfNull(scale);
        return new Generator(scale).Build();
    }

    private sealed class Generator(Scale scale)
    {
        // How strongly picks favour prominent actors: index = count * u^exponent. The "to" side is skewed harder
        // (members join a few big organisations), so hubs collect thousands of relations while the tail keeps few.
        private const double FromSkew = 1.6;
        private const double ToSkew = 2.5;
        private const double ValueSkew = 1.2;

        private static readonly string[] Syllables =
        [
            "ba", "bo", "ca", "cé", "da", "dé", "fa", "ga", "go", "ha", "ja", "ka", "ko", "la", "lé", "lu", "ma", "mo", "na",
            "nø", "pa", "pé", "ra", "ri", "ro", "sa", "sé", "so", "ta", "tó", "va", "vi", "za", "zu", "an", "el", "or", "ur",
            "ën", "üs", "ñe", "ça", "dra", "kro", "stra", "bel", "mar", "ton", "vik", "grad", "lân", "ås", "kiö", "ndé",
        ];

        private static readonly string[] Topics =
        [
            "Migration", "Refugees", "Labour Migration", "Migration Management", "Human Rights", "Development", "Asylum",
            "Border Management", "Diaspora Engagement", "Remittances", "Return and Reintegration", "Trafficking in Persons",
            "Climate Mobility", "Statelessness", "Integration", "Resettlement", "Health and Migration", "Migrant Workers",
            "Protection at Sea", "Displacement", "Humanitarian Action", "Family Reunification", "Seasonal Work",
            "Consular Cooperation", "Population", "Trade and Mobility",
        ];

        private static readonly string[] Regions =
        [
            "International", "Regional", "Global", "Intergovernmental", "European", "African", "Inter-American", "Pan-Pacific",
            "Nordic", "Andean", "Caribbean", "Arab", "Asian", "Mediterranean", "Sahelian", "Baltic", "Central American",
        ];

        private static readonly string[] OrganisationBodies = ["Organisation", "Agency", "Bank", "Union", "Centre", "Institute", "Fund", "Office", "Bureau"];

        private static readonly string[] Cities =
        [
            "Genève", "Geneva", "New York", "Vienna", "Bruxelles", "São Paulo", "Bogotá", "Zürich", "Montréal", "Kraków",
            "Reykjavík", "Brasília", "Yaoundé", "Nouméa", "Addis Ababa", "Nairobi", "Bangkok", "Dakar", "Lomé", "Asunción",
        ];

        private static readonly string[] FirstNames =
        [
            "José", "Zoë", "Ahmed", "Søren", "Amélie", "Björn", "Chiamaka", "Dương", "Élodie", "François", "Grażyna", "Hồng",
            "Iñaki", "Jürgen", "Kwame", "Laleh", "Magnús", "Nuño", "Oluwaseun", "Priyanka", "Raúl", "Siobhán", "Tomás", "Ülkü",
        ];

        private static readonly string[] ValueQualifiers =
        [
            "humanitarian", "national", "economic", "orderly", "regular", "safe", "rights-based", "development-led",
            "security-led", "temporary", "circular", "voluntary", "community-based", "market-led",
        ];

        private static readonly string[] ValueNouns =
        [
            "protection", "migration management", "workers' rights", "border control", "labour mobility", "return",
            "integration", "burden sharing", "sovereignty", "development", "family unity", "non-refoulement",
        ];

        private static readonly (RelationType Type, double Weight)[] TypeWeights =
        [
            (RelationType.MemberOf, 35), (RelationType.ParticipatesIn, 10), (RelationType.Funds, 8), (RelationType.Emphasises, 6),
            (RelationType.ObserverOf, 5), (RelationType.Supports, 5), (RelationType.Prefers, 3), (RelationType.Chairs, 3),
            (RelationType.PartOf, 3), (RelationType.Leads, 2), (RelationType.Coordinates, 2), (RelationType.AccountableTo, 2),
            (RelationType.ReportsTo, 2), (RelationType.Established, 1.5), (RelationType.Hosted, 1.5), (RelationType.SecretariatOf, 1),
            (RelationType.RelatedOrganisationOf, 1), (RelationType.NotMemberOf, 1), (RelationType.Launched, 1), (RelationType.Convened, 1),
            (RelationType.Produced, 1), (RelationType.Nominated, 1), (RelationType.Mandates, 0.5), (RelationType.SucceededBy, 0.5),
            (RelationType.PrecursorOf, 0.5), (RelationType.WithdrewFrom, 0.5), (RelationType.VotedAgainst, 0.5),
        ];

        private readonly Random _random = new(RandomSeed);
        private readonly List<Source> _sources = [];
        private readonly List<Actor> _actors = [];

        public GraphBundle Build()
        {
            BuildSources();
            BuildActors();
            var relations = BuildRelations();
            return new GraphBundle { Sources = _sources, Actors = _actors, Relations = relations };
        }

        private void BuildSources()
        {
            for (var i = 0; i < scale.Sources; i++)
            {
                var topic = Pick(Topics);
                var kind = Roll() switch
                {
                    < 0.5 => SourceKind.PrimaryDocument,
                    < 0.8 => SourceKind.Secondary,
                    < 0.95 => SourceKind.News,
                    _ => SourceKind.Perspective,
                };
                var id = Slug($"source {i:D2} {topic}");
                _sources.Add(new Source(
                    id,
                    $"{Pick(Regions)} report on {topic} ({i + 1})",
                    kind,
                    Author: Roll() < 0.8 ? $"{Pick(FirstNames)} {PlaceName()}" : null,
                    Year: Roll() < 0.9 ? 1990 + _random.Next(36) : null,
                    Url: Roll() < 0.85 ? $"https://example.org/iomgraph/sources/{id}" : null,
                    Note: Roll() < 0.2 ? "A synthetic source for benchmarks." : null));
            }
        }

        private void BuildActors()
        {
            var n = scale.Actors;
            var values = Math.Clamp(n / 500, 10, 200);
            var states = Math.Min(n * 18 / 100, (26 * 26 * 26) - 1); // three-letter codes, less "iom"
            var counts = new (ActorKind Kind, int Count)[]
            {
                (ActorKind.State, states),
                (ActorKind.Person, n * 10 / 100),
                (ActorKind.UnEntity, n * 8 / 100),
                (ActorKind.Event, n * 6 / 100),
                (ActorKind.PolicyFramework, n * 5 / 100),
                (ActorKind.ForumOrCommission, n * 5 / 100),
                (ActorKind.GoverningBody, n * 5 / 100),
                (ActorKind.StateLedProcess, n * 4 / 100),
                (ActorKind.InterAgencyGroup, n * 4 / 100),
                (ActorKind.Value, values),
            };
            var intergovernmental = n - counts.Sum(c => c.Count);

            // The hub comes first: the IOM, as the curated seed names it.
            _actors.Add(new Actor(
                "iom",
                "International Organization for Migration",
                ActorKind.IntergovernmentalOrganisation,
                Label: "IOM",
                Founded: PartialDate.OfDay(1951, 12, 5),
                Headquarters: "Genève",
                ExternalIds: new Dictionary<string, string> { ["wikidata"] = "Q206855" },
                Description: "A synthetic stand-in for the IOM, the most connected actor of the benchmark graph.",
                Sources: [Cite()])
            {
                Aliases = ["IOM", "Organisation internationale pour les migrations", "OIM", "Organización Internacional para las Migraciones", "ICEM"],
            });

            var codes = StateCodes();
            var made = new List<Actor>();
            foreach (var (kind, count) in counts.Prepend((ActorKind.IntergovernmentalOrganisation, intergovernmental - 1)))
            {
                for (var i = 0; i < count; i++)
                {
                    made.Add(kind == ActorKind.State ? MakeState(codes[i]) : MakeActor(kind, _actors.Count + made.Count));
                }
            }

            // Shuffled, so that prominence (list position, which picks favour) is spread over the kinds.
            Shuffle(made);
            _actors.AddRange(made);
        }

        private List<string> StateCodes()
        {
            var codes = new List<string>(26 * 26 * 26);
            for (var a = 'a'; a <= 'z'; a++)
            {
                for (var b = 'a'; b <= 'z'; b++)
                {
                    for (var c = 'a'; c <= 'z'; c++)
                    {
                        codes.Add(string.Concat(a, b, c));
                    }
                }
            }

            codes.Remove("iom");
            Shuffle(codes);
            return codes;
        }

        private Actor MakeState(string code)
        {
            var place = PlaceName();
            var formal = Pick(["Republic of", "Kingdom of", "Federal Republic of", "United Republic of", "State of", "Principality of"]);
            List<string> aliases = [$"{formal} {place}"];
            if (Roll() < 0.3)
            {
                aliases.Add(PlaceName());
            }

            return new Actor(
                code,
                place,
                ActorKind.State,
                Label: place,
                Iso3: code.ToUpperInvariant(),
                ExternalIds: Roll() < 0.5 ? Wikidata() : null)
            {
                Aliases = aliases,
            };
        }

        private Actor MakeActor(ActorKind kind, int index)
        {
            var topic = Pick(Topics);
            var place = PlaceName();
            string name;
            string? label = null;
            List<string> aliases = [];
            switch (kind)
            {
                case ActorKind.IntergovernmentalOrganisation:
                    name = Roll() < 0.6 ? $"{Pick(Regions)} {Pick(OrganisationBodies)} for {topic}" : $"{place} {Pick(OrganisationBodies)} on {topic}";
                    aliases.Add(Acronym(name));
                    label = Roll() < 0.5 ? aliases[0] : null;
                    break;
                case ActorKind.UnEntity:
                    name = Pick([$"United Nations Office for {topic}", $"Office of the High Commissioner for {topic}", $"United Nations {topic} Programme", $"UN Fund for {topic}"]);
                    aliases.Add(Acronym(name));
                    label = aliases[0];
                    break;
                case ActorKind.InterAgencyGroup:
                    name = Pick([$"{Pick(Regions)} Group on {topic}", $"Network on {topic}", $"Inter-Agency Working Group on {topic}"]);
                    aliases.Add(Acronym(name));
                    label = $"the {name}";
                    break;
                case ActorKind.GoverningBody:
                    name = Pick([$"{place} Council on {topic}", $"Executive Committee on {topic}", $"Governing Board for {topic}"]);
                    label = $"the {name}";
                    break;
                case ActorKind.StateLedProcess:
                    name = Pick([$"{place} Process on {topic}", $"{place} Initiative", $"Regional Consultative Process on {topic}"]);
                    label = $"the {name}";
                    break;
                case ActorKind.ForumOrCommission:
                    name = Pick([$"Global Forum on {topic}", $"Commission on {topic}", $"{place} Dialogue on {topic}"]);
                    aliases.Add(Acronym(name));
                    label = $"the {name}";
                    break;
                case ActorKind.PolicyFramework:
                    name = Pick([$"Global Compact for {topic}", $"{place} Agenda for {topic}", $"Framework on {topic}", $"Declaration of {place}"]);
                    label = $"the {name}";
                    break;
                case ActorKind.Event:
                    name = $"{place} Conference on {topic} ({1951 + _random.Next(75)})";
                    label = $"the {name}";
                    break;
                case ActorKind.Person:
                    name = $"{Pick(FirstNames)} {PlaceName()}";
                    break;
                default:
                    name = $"{Pick(ValueQualifiers)} {Pick(ValueNouns)}";
                    break;
            }

            if (kind is not (ActorKind.Person or ActorKind.Value) && Roll() < 0.3)
            {
                // A name in another language, or a former name.
                aliases.Add(Roll() < 0.5 ? $"Organisation {Pick(["internationale", "régionale", "européenne"])} pour {place}" : $"{place} {topic} Committee");
            }

            var founded = kind is ActorKind.Person or ActorKind.Value || Roll() >= 0.7 ? (PartialDate?)null : RandomDate(1900, 2024);
            var dissolved = founded is { } f && Roll() < 0.1 ? PartialDate.OfYear(Math.Min(f.Year + 1 + _random.Next(40), 2025)) : (PartialDate?)null;
            var organisation = kind is ActorKind.IntergovernmentalOrganisation or ActorKind.UnEntity or ActorKind.InterAgencyGroup or ActorKind.GoverningBody;
            return new Actor(
                Slug(name, index),
                name,
                kind,
                Label: label,
                Founded: founded,
                Dissolved: dissolved,
                Headquarters: organisation && Roll() < 0.6 ? Pick(Cities) : null,
                ExternalIds: Roll() < 0.3 ? Wikidata() : null,
                Description: Roll() < 0.25 ? $"{name} works on {topic.ToLowerInvariant()} with its members; a synthetic actor for benchmarks." : null,
                Sources: Roll() < 0.3 ? [Cite()] : null)
            {
                Aliases = aliases.Distinct(StringComparer.Ordinal).ToList(),
            };
        }

        private List<Relation> BuildRelations()
        {
            // Each type's candidate ends, in prominence order.
            var pools = RelationTypes.All.ToDictionary(
                t => t.Type,
                t => (From: _actors.Where(a => t.FromKinds.Contains(a.Kind)).ToArray(), To: _actors.Where(a => t.ToKinds.Contains(a.Kind)).ToArray()));
            var cumulative = new double[TypeWeights.Length];
            var total = 0.0;
            for (var i = 0; i < TypeWeights.Length; i++)
            {
                total += TypeWeights[i].Weight;
                cumulative[i] = total;
            }

            var relations = new List<Relation>(scale.Relations);
            for (var i = 0; i < scale.Relations; i++)
            {
                var draw = Roll() * total;
                var k = 0;
                while (k < cumulative.Length - 1 && draw >= cumulative[k])
                {
                    k++;
                }

                var type = TypeWeights[k].Type;
                var (fromPool, toPool) = pools[type];
                var from = Skewed(fromPool, FromSkew);
                // Values are few: skewed as hard as organisations, one value would outrank every hub.
                var to = Skewed(toPool, type is RelationType.Emphasises or RelationType.Prefers ? ValueSkew : ToSkew);
                while (to.Id == from.Id)
                {
                    to = Skewed(toPool, 1.0);
                }

                relations.Add(MakeRelation(i, type, from, to));
            }

            return relations;
        }

        private Relation MakeRelation(int index, RelationType type, Actor from, Actor to)
        {
            var info = RelationTypes.Get(type);
            PartialDate? start = Roll() < (info.IsEvent ? 0.9 : 0.85) ? RandomDate(1951, 2024) : null;
            PartialDate? end = null;
            if (!info.IsEvent && Roll() < (start is null ? 0.1 : 0.35))
            {
                var year = start is { } s ? Math.Min(s.Year + 1 + _random.Next(20), 2025) : 1960 + _random.Next(66);
                end = start is { } s2 && year == s2.Year ? PartialDate.OfYear(year) : RandomDate(year, year);
            }

            var citations = new List<Citation> { Cite(from, info, to, start) };
            if (Roll() < 0.3)
            {
                var second = Cite(from, info, to, start);
                if (second.SourceId != citations[0].SourceId)
                {
                    citations.Add(second);
                }
            }

            var roll = Roll();
            var confidence = roll < 0.6 ? Confidence.High : roll < 0.9 ? Confidence.Medium : Confidence.Low;
            return new Relation(
                $"{from.Id}.{info.Name.ToLowerInvariant().Replace('_', '-')}.{to.Id}.{index.ToString(CultureInfo.InvariantCulture)}",
                from.Id,
                to.Id,
                type,
                confidence,
                citations,
                start,
                end,
                Role: Roll() < 0.15 ? RoleFor(type) : null,
                Note: Roll() < 0.05 ? "The dates come from the secondary literature; the primary record gives only the year." : null);
        }

        private static string? RoleFor(RelationType type) => type switch
        {
            RelationType.MemberOf => "founding member",
            RelationType.Chairs => "co-chair",
            RelationType.ObserverOf => "permanent observer",
            RelationType.Funds => "core donor",
            RelationType.Leads => "lead agency",
            RelationType.ParticipatesIn => "Executive Committee member",
            _ => null,
        };

        private Citation Cite() => new(_sources[Skewed(_sources.Count, 1.5)].Id, "The organisation was founded to serve migrants and states; a synthetic quote.", Roll() < 0.5 ? $"p. {1 + _random.Next(400)}" : null);

        private Citation Cite(Actor from, RelationTypeInfo info, Actor to, PartialDate? start) => new(
            _sources[Skewed(_sources.Count, 1.5)].Id,
            $"{from.Name} {info.Label} {to.Name}{(start is null ? string.Empty : $", since {start}")}.",
            Roll() < 0.5 ? Pick(["p. ", "art. ", "§ ", "para. "]) + (1 + _random.Next(400)).ToString(CultureInfo.InvariantCulture) : null);

        private PartialDate RandomDate(int firstYear, int lastYear)
        {
            // Recent years are likelier, as in the curated graph.
            var year = firstYear + (int)((lastYear - firstYear + 1) * Math.Pow(Roll(), 0.6));
            year = Math.Min(year, lastYear);
            var roll = Roll();
            var month = 1 + _random.Next(12);
            return roll < 0.6 ? PartialDate.OfYear(year)
                : roll < 0.85 ? PartialDate.OfMonth(year, month)
                : PartialDate.OfDay(year, month, 1 + _random.Next(DateTime.DaysInMonth(year, month)));
        }

        private Dictionary<string, string> Wikidata() =>
            new() { ["wikidata"] = "Q" + (1 + _random.Next(99_999_999)).ToString(CultureInfo.InvariantCulture) };

        private string PlaceName()
        {
            var builder = new StringBuilder();
            var count = 2 + _random.Next(2);
            for (var i = 0; i < count; i++)
            {
                builder.Append(Pick(Syllables));
            }

            builder[0] = char.ToUpperInvariant(builder[0]);
            return builder.ToString();
        }

        private static string Acronym(string name) =>
            string.Concat(name.Split(' ', '-')
                .Where(w => w.Length > 0 && char.IsUpper(w[0]))
                .Select(w => TextFolding.Fold(w[..1]).ToUpperInvariant()));

        private static string Slug(string text, int? index = null)
        {
            var builder = new StringBuilder();
            foreach (var c in TextFolding.Fold(text))
            {
                if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
                {
                    builder.Append(c);
                }
                else if (builder.Length > 0 && builder[^1] != '-')
                {
                    builder.Append('-');
                }
            }

            var slug = builder.ToString().Trim('-');
            if (slug.Length > 40)
            {
                slug = slug[..40];
                var cut = slug.LastIndexOf('-');
                slug = (cut > 0 ? slug[..cut] : slug).Trim('-');
            }

            return index is { } i ? $"{slug}-{ToBase36(i)}" : slug;
        }

        private static string ToBase36(int value)
        {
            const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";
            var builder = new StringBuilder();
            do
            {
                builder.Insert(0, Digits[value % 36]);
                value /= 36;
            }
            while (value > 0);
            return builder.ToString();
        }

        private double Roll() => _random.NextDouble();

        private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

        private T Skewed<T>(T[] items, double exponent) => items[Skewed(items.Length, exponent)];

        private int Skewed(int count, double exponent) => Math.Min((int)(count * Math.Pow(Roll(), exponent)), count - 1);

        private void Shuffle<T>(IList<T> items)
        {
            for (var i = items.Count - 1; i > 0; i--)
            {
                var j = _random.Next(i + 1);
                (items[i], items[j]) = (items[j], items[i]);
            }
        }
    }
}
