using System.Globalization;
using OpenAid.Domain.Needs;

namespace OpenAid.Api.Needs;

/// <summary>
/// The "Needs:Caps" section: per category (by its enum name) "MaxFen" and/or "MaxQuantity", e.g.
/// <c>Needs__Caps__DailyNecessities__MaxFen=3000000</c>. What is not configured keeps its default (<see cref="NeedCaps.Defaults"/>).
/// </summary>
public static class NeedCapsConfiguration
{
    public const string SectionName = "Needs:Caps";

    public static NeedCaps From(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var overrides = new Dictionary<NeedCategory, NeedCap>();
        foreach (var entry in section.GetChildren())
        {
            // A misspelt category would silently keep its default; refuse to start with it instead.
            if (!Enum.TryParse<NeedCategory>(entry.Key, ignoreCase: true, out var category) || !Enum.IsDefined(category))
            {
                throw new InvalidOperationException($"'{entry.Key}' in {SectionName} is not a need category ({string.Join(", ", Enum.GetNames<NeedCategory>())}).");
            }

            var defaults = NeedCaps.Defaults[category];
            overrides[category] = new NeedCap(
                Limit(entry, "MaxFen") ?? defaults.MaxFen,
                Limit(entry, "MaxQuantity") ?? defaults.MaxQuantity);
        }

        return new NeedCaps(overrides);
    }

    private static long? Limit(IConfigurationSection category, string key) =>
        category[key] is not { } text ? null
        : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
        : throw new InvalidOperationException($"{SectionName}:{category.Key}:{key} must be a positive whole number; it is '{text}'.");
}
