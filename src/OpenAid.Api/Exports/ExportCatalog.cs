namespace OpenAid.Api.Exports;

/// <summary>
/// One column of an export: a path through the list's node type (e.g. "region.code"), named in snake_case
/// ("region_code") unless a name is given. A path through a list field (e.g. "funds.code") yields every value,
/// joined with "; " in CSV and as a JSON array in NDJSON. The description comes from the schema unless given.
/// </summary>
public sealed record ExportColumn(string Path, string? Name = null, string? Description = null)
{
    public string ColumnName => Name ?? string.Join('_', Path.Split('.').Select(SnakeCase));

    public string[] Segments => Path.Split('.');

    private static string SnakeCase(string camel) =>
        string.Concat(camel.Select((c, i) => char.IsUpper(c) ? (i == 0 ? "" : "_") + char.ToLowerInvariant(c) : c.ToString()));
}

/// <summary>
/// A list the API offers, exported with the same arguments as its GraphQL field: <see cref="Field"/> is a root
/// Query field returning a connection, and its arguments (other than first and after) are the export's filters.
/// An <see cref="Optional"/> list is left out while the schema has no such field (a feature still to come).
/// </summary>
public sealed record ExportList(string Name, string Field, string Description, IReadOnlyList<ExportColumn> Columns, bool Optional = false);

/// <summary>
/// Every list that can be exported, with its columns. To export a new list, add an entry here: its filters follow
/// from the GraphQL field, its column descriptions from the schema.
/// </summary>
public static class ExportCatalog
{
    /// <summary>An amount as two columns: yuan with two decimals ("1234.50") and the exact integer fen.</summary>
    private static ExportColumn[] Money(string path) => [new($"{path}.yuan"), new($"{path}.fen")];

    private static ExportColumn[] CodeAndName(string path) => [new($"{path}.code"), new($"{path}.name")];

    /// <summary>
    /// A marketplace amount (money or goods): the quantity (fen for money) and its unit, plus yuan when it is money.
    /// </summary>
    private static ExportColumn[] Amount(string path, string? name = null) =>
        [
            new($"{path}.quantity", $"{name ?? path}_quantity"),
            new($"{path}.unit", $"{name ?? path}_unit"),
            new($"{path}.money.yuan", $"{name ?? path}_yuan", $"The same amount in yuan with two decimals when it is money (then {name ?? path}_quantity is in fen); empty otherwise."),
        ];

    public static readonly ExportList Notices = new(
        "notices",
        "notices",
        "Public notices (公告公示), newest first, with their funds, projects, notice period and compliance.",
        [
            new("code"), new("title"), new("kind"), new("status"),
            .. CodeAndName("region"), .. CodeAndName("publisher"),
            new("decidedOn"), new("publishedOn"), new("noticePeriodDays"), new("noticePeriodEndsOn"),
            new("isLate"), new("workingDaysLate"),
            new("supersedes.code", "supersedes_code"), new("supersededBy.code", "superseded_by_code"),
            new("correctionReason"), new("withdrawalReason"),
            new("supervisionPhone"), new("localSupervisionPhone"),
            new("funds.code", "fund_codes", "The codes of the funds the notice is about."),
            new("projects.code", "project_codes", "The codes of the projects the notice is about."),
            new("body"), new("isDemo"), new("id"),
        ]);

    public static readonly ExportList Funds = new(
        "funds",
        "funds",
        "Poverty-alleviation funds by source, level and fiscal year, with what is allocated.",
        [
            new("code"), new("name"), new("documentNumber"), new("sourceType"), new("level"), new("fiscalYear"),
            .. Money("amount"), .. Money("allocated"), .. Money("unallocated"),
            .. CodeAndName("region"), .. CodeAndName("issuer"),
            new("purpose"), new("decidedOn"), new("isDemo"), new("id"),
        ]);

    public static readonly ExportList Projects = new(
        "projects",
        "projects",
        "Poverty-alleviation projects from the county project library to acceptance.",
        [
            new("code"), new("name"), new("category"), new("status"),
            .. CodeAndName("region"), .. CodeAndName("implementingOrganization"),
            new("responsibleRole"), new("fiscalYear"),
            new("plannedStart"), new("plannedEnd"), new("actualStart"), new("actualEnd"),
            .. Money("budget"), new("beneficiaryHouseholds"), new("beneficiaryPeople"),
            new("cancellationReason"), new("description"), new("isDemo"), new("id"),
        ]);

    public static readonly ExportList Transactions = new(
        "transactions",
        "transactions",
        "Money promised or moved (pledge, commitment, disbursement, expenditure, incoming funds). Never add different kinds together.",
        [
            new("code"), new("kind"), .. Money("amount"), new("date"), new("fiscalYear"), new("sourceType"),
            new("fund.code"), new("project.code"),
            new("providerOrganization.code"), new("providerRegion.code"),
            new("receiverOrganization.code"), .. CodeAndName("receiverRegion"),
            new("description"), new("id"),
        ]);

    public static readonly ExportList Organizations = new(
        "organizations",
        "organizations",
        "Government units, enterprises, social organisations and donors.",
        [
            new("code"), new("name"), new("kind"), new("creditCode"), .. CodeAndName("region"),
            new("programs.code", "program_codes", "The codes of the programs the organisation has joined."),
            new("description"), new("isDemo"), new("id"),
        ]);

    public static readonly ExportList Regions = new(
        "regions",
        "regions",
        "Administrative units with their poverty flags and exit years. Without filters the GraphQL field lists the provinces; filter by level or region for more.",
        [
            new("code"), new("shortCode"), new("name"), new("level"), new("parent.code"),
            new("isNationalKeyCounty"), new("isProvincialKeyCounty"), new("isContiguousDestituteArea"), new("isDeepPoverty"),
            new("povertyStatus"), new("plannedExitYear"), new("actualExitYear"), new("id"),
        ]);

    public static readonly ExportList Programs = new(
        "programs",
        "programs",
        "Campaigns that organisations join, such as 万企帮万村 or 粤桂扶贫协作.",
        [new("code"), new("name"), new("description"), new("startYear"), new("region.code"), new("id")]);

    public static readonly ExportList Pairings = new(
        "pairings",
        "pairings",
        "Helpers (organisations or regions) paired with helped regions under a program (结对帮扶).",
        [
            new("code"), new("program.code"), .. CodeAndName("helperOrganization"), .. CodeAndName("helperRegion"),
            .. CodeAndName("helpedRegion"), new("startYear"), new("endYear"), new("yearlyPlan"), .. Money("yearlyBudget"), new("id"),
        ]);

    public static readonly ExportList Needs = new(
        "needs",
        "needs",
        "Village needs (需求对接) approved by a named reviewer, with what is pledged and received.",
        [
            new("code"), new("title"), new("category"), new("status"), new("priority"),
            .. CodeAndName("region"), .. CodeAndName("registeredBy"),
            .. Amount("requested"), .. Amount("pledged"), .. Amount("received"), .. Amount("remaining"), new("unmetSharePercent"),
            new("deadline"), new("createdAt"), new("reviewedAt"), new("reviewerName"), new("isOverCap"), new("capOverrideReason"),
            new("project.code"), new("pairing.code"), new("description"), new("isDemo"), new("id"),
        ],
        Optional: true);

    public static readonly ExportList Pledges = new(
        "pledges",
        "pledges",
        "Pledges of organisations and donors against needs, projects or villages, with what was delivered and what the village confirmed it received.",
        [
            new("code"), new("kind"), new("status"), .. CodeAndName("organization"),
            new("need.code"), new("project.code"), new("program.code"), .. CodeAndName("region"),
            .. Amount("quantity", "promised"), .. Amount("delivered"), .. Amount("received"),
            new("pledgedAt"), new("confirmBy"), new("confirmedAt"), new("cancellationReason"), new("isDemo"), new("id"),
        ],
        Optional: true);

    public static readonly ExportList Changes = new(
        "changes",
        ChangeQueries.FieldName,
        "Everything public that changed, oldest first, from the audit trail. Pass the last 'sequence' you saw as 'after' to continue.",
        [new("sequence"), new("at"), new("entityType"), new("key"), new("id"), new("operation")]);

    public static IReadOnlyList<ExportList> All { get; } =
        [Notices, Funds, Projects, Transactions, Organizations, Regions, Programs, Pairings, Needs, Pledges, Changes];
}
