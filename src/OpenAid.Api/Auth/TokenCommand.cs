using System.Globalization;

namespace OpenAid.Api.Auth;

/// <summary>
/// `token --role Publisher --region 451021 --org ORG-000001`: mints a development token signed by the local
/// key, so that every mutation can be tried from GraphiQL. Only where the local signer runs (Development, on request).
/// </summary>
public static class TokenCommand
{
    public const string Usage = "usage: token --role <Publisher|Reviewer|Donor|Auditor|Admin> [--role …] [--region <code>] [--org <organisation code>] [--name <name>] [--hours <1-24>]";

    public static int Run(string[] args, LocalTokens? tokens, TextWriter output, TextWriter error)
    {
        if (tokens is null)
        {
            error.WriteLine($"Development tokens are off: the local signer runs only in Development with {AuthSetup.LocalSignerSetting}=true and no AzureAd section (never in Production or Staging). ./run.sh sets both.");
            return 2;
        }

        var roles = new List<string>();
        string? region = null, organization = null, name = null;
        var hours = 8;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--role" when value is not null && Roles.All.Contains(value):
                    roles.Add(value);
                    break;
                case "--region" when value is not null && Domain.Regions.RegionCode.TryParse(value, out _):
                    region = value;
                    break;
                case "--org" when value is not null:
                    organization = value;
                    break;
                case "--name" when value is not null:
                    name = value;
                    break;
                case "--hours" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out hours) && hours >= 1 && hours <= LocalTokens.MaxLifetime.TotalHours:
                    break;
                default:
                    error.WriteLine($"'{args[i]} {value}' is not understood.");
                    error.WriteLine(Usage);
                    return 2;
            }

            i++;
        }

        if (roles.Count == 0)
        {
            error.WriteLine(Usage);
            return 2;
        }

        var subject = $"dev-{string.Join('-', roles).ToLowerInvariant()}-{region ?? "all"}-{organization ?? "none"}";
        output.WriteLine(tokens.Mint(subject, roles, region, organization, name, TimeSpan.FromHours(hours)));
        return 0;
    }
}
