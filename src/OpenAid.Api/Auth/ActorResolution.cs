using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenAid.Data;
using OpenAid.Domain.Regions;

namespace OpenAid.Api.Auth;

/// <summary>
/// Turns the validated token into the request's <see cref="Actor"/>: the token only says who the caller is; what it
/// may do comes from its active grants, read once per signed-in request. Role, region and organisation claims in a
/// token are ignored, except Entra ID's <c>Admin</c> app role, which counts as a nationwide Admin grant so that a
/// deployment's first administrator can grant everyone else.
/// </summary>
public static class ActorResolution
{
    public static IApplicationBuilder UseOpenAidActors(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (Actor.SubjectOf(context.User) is { } subject)
            {
                var db = context.RequestServices.GetRequiredService<OpenAidDbContext>();
                context.Features.Set(await ResolveAsync(db, subject, context.User, context.RequestAborted));
            }

            await next(context);
        });

    /// <summary>The request's caller, as <see cref="UseOpenAidActors"/> resolved it.</summary>
    public static Actor Of(HttpContext? context) => context?.Features.Get<Actor>() ?? Actor.Anonymous;

    public static async Task<Actor> ResolveAsync(OpenAidDbContext db, string subject, ClaimsPrincipal user, CancellationToken ct)
    {
        var held = await db.Grants.AsNoTracking()
            .Where(g => g.Subject == subject && g.RevokedAt == null)
            .OrderBy(g => g.Id)
            .Select(g => new { g.Role, g.RegionCode, g.PersonName, Organization = db.Organizations.Where(o => o.Id == g.OrganizationId).Select(o => o.Code).FirstOrDefault() })
            .ToListAsync(ct);
        var grants = held.Select(g => new ActorGrant(g.Role.ToString(), g.RegionCode is { } code ? RegionCode.Of(code) : null, g.Organization)).ToList();
        if (IsEntraAdmin(user))
        {
            grants.Add(new ActorGrant(Roles.Admin, null, null));
        }

        var name = user.FindFirst(OpenAidClaims.Name)?.Value ?? held.Select(g => g.PersonName).FirstOrDefault(n => n is not null);
        return new Actor(subject, grants, name);
    }

    /// <summary>Only a token Entra ID validated carries the server's pseudonym claim; a development token's roles count for nothing.</summary>
    private static bool IsEntraAdmin(ClaimsPrincipal user) =>
        user.HasClaim(c => c.Type == OpenAidClaims.Actor)
        && user.Claims.Any(c => c.Type is OpenAidClaims.Roles or ClaimTypes.Role && c.Value == Roles.Admin);
}
