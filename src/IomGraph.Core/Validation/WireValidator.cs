using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;

namespace IomGraph.Core.Validation;

/// <summary>
/// A validator that names fields as they are on the wire: <c>sourceId</c> in property paths
/// (<c>relations[3].sources[0].sourceId</c>) and in messages (<c>'sourceId' must be …</c>), where FluentValidation would say
/// <c>SourceId</c> and <c>Source Id</c>. It renames its own rules, so no host needs FluentValidation's global name
/// resolvers, and every host reads the same paths and the same words. A name given with <c>WithName</c> or
/// <c>OverridePropertyName</c> is kept.
/// </summary>
public abstract class WireValidator<T> : AbstractValidator<T>
{
    private volatile bool _named;

    public override ValidationResult Validate(ValidationContext<T> context)
    {
        NameRules();
        return base.Validate(context);
    }

    public override Task<ValidationResult> ValidateAsync(ValidationContext<T> context, CancellationToken cancellation = default)
    {
        NameRules();
        return base.ValidateAsync(context, cancellation);
    }

    // The wire name of a C# member name: "SourceId" → "sourceId".
    private static string WireName(string memberName) => JsonNamingPolicy.CamelCase.ConvertName(memberName);

    // Renaming is idempotent, so two threads that both do it write the same names.
    private void NameRules()
    {
        if (_named)
        {
            return;
        }

        foreach (var rule in this)
        {
            if (rule.Member is not { } member || rule.PropertyName != member.Name)
            {
                continue;
            }

            var defaultDisplayName = rule.GetDisplayName(null);
            rule.PropertyName = WireName(member.Name);
            if (defaultDisplayName == SplitPascalCase(member.Name) || defaultDisplayName == member.Name)
            {
                rule.SetDisplayName(rule.PropertyName);
            }
        }

        _named = true;
    }

    // FluentValidation's default display name: "SourceId" → "Source Id".
    private static string SplitPascalCase(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) && !char.IsUpper(name[i - 1]) ? " " + c : c.ToString()));
}
