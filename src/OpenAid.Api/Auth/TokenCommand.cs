using System.Globalization;
using OpenAid.Api.Access;
using OpenAid.Data;
using OpenAid.Domain.Access;
using OpenAid.Domain.Common;

namespace OpenAid.Api.Auth;

/// <summary>
/// `token --user dev-county-publisher`, or `token --role Publisher --region 451021 --org ORG-000001`: mints a
/// development token signed by the local key, so that every mutation can be tried from GraphiQL and scripts. A token
/// only says who the person is; with --role the command first makes sure a local user holding those grants exists.
/// Only where the local signer runs (Development, on request).
/// </summary>
public static class TokenCommand
{
    public const string Usage = "usage: token --user <subject> | --role <Publisher|Reviewer|Donor|Auditor|Admin> [--role …] [--region <code>] [--org <organisation code>] [--name <name>]; [--hours <1-24>]";

    public static async Task<int> RunAsync(string[] args, LocalTokens? tokens, OpenAidDbContext db, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (tokens is null)
        {
            error.WriteLine($"Development tokens are off: the local signer runs only in Development with {AuthSetup.LocalSignerSetting}=true and no AzureAd section (never in Production or Staging). ./run.sh sets both.");
            return 2;
        }

        var roles = new List<Role>();
        string? user = null, region = null, organization = null, name = null;
        var hours = 8;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--user" when !string.IsNullOrWhiteSpace(value):
                    user = value;
                    break;
                case "--role" when Enum.TryParse<Role>(value, ignoreCase: false, out var role) && Roles.All.Contains(value):
                    roles.Add(role);
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

        if ((user is null) == (roles.Count == 0))
        {
            error.WriteLine(Usage);
            return 2;
        }

        var subject = user ?? $"dev-{string.Join('-', roles).ToLowerInvariant()}-{region ?? "all"}-{organization ?? "none"}";
        if (roles.Count > 0)
        {
            try
            {
                await LocalUsers.EnsureAsync(db, subject, name, roles.Select(r => new LocalGrant(r, region, organization)), ct);
            }
            catch (DomainException e)
            {
                error.WriteLine($"{e.Code}: {e.Message}");
                return 2;
            }
        }

        var person = (await LocalUsers.ListAsync(db, ct, subject)).SingleOrDefault();
        if (person is null)
        {
            error.WriteLine($"No local user '{subject}' holds an active grant; GET /dev/users lists them.");
            return 2;
        }

        output.WriteLine(tokens.Mint(person.Subject, name ?? person.Name, TimeSpan.FromHours(hours)));
        return 0;
    }
}
