namespace OpenAid.Domain.Common;

/// <summary>A stable, machine-readable reason to look again at something that was written all the same.</summary>
public sealed record WarningCode(string Code, string Meaning, string Field);

/// <summary>What a rule found worth saying about a write it let through; the message says it for the case at hand.</summary>
public sealed record DomainWarning(WarningCode Warning, string Message, string? Field)
{
    public string Code => Warning.Code;
}

/// <summary>
/// Every code a write may come back with as a warning, each documented once: the README's table of mutation warnings
/// is tested against this list.
/// </summary>
public static class Warnings
{
    public static readonly WarningCode OverBudget = new("OVER_BUDGET", "The allocations to a project now add up to more than its budget; the allocation was made.", "amountFen");
}
