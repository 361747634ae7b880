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
/// Its columns are the fields of the connection's node type declared <see cref="ExportMetadata.Exported{TSource,TReturn}"/>.
/// An <see cref="Optional"/> list is left out while the schema has no such field (a feature still to come).
/// </summary>
public sealed record ExportList(string Name, string Field, string Description, bool Optional = false);

/// <summary>
/// Every list that can be exported. To export a new list, add an entry here and mark the node type's fields
/// exported: its filters follow from the GraphQL field, its columns and their descriptions from the schema.
/// </summary>
public static class ExportCatalog
{
    public static readonly ExportList Notices = new(
        "notices",
        "notices",
        "Public notices (公告公示), newest first, with their funds, projects, notice period and compliance.");

    public static readonly ExportList Funds = new(
        "funds",
        "funds",
        "Poverty-alleviation funds by source, level and fiscal year, with what is allocated.");

    public static readonly ExportList Projects = new(
        "projects",
        "projects",
        "Poverty-alleviation projects from the county project library to acceptance.");

    public static readonly ExportList Transactions = new(
        "transactions",
        "transactions",
        "Money promised or moved (pledge, commitment, disbursement, expenditure, incoming funds). Never add different kinds together.");

    public static readonly ExportList Organizations = new(
        "organizations",
        "organizations",
        "Government units, enterprises, social organisations and donors.");

    public static readonly ExportList Regions = new(
        "regions",
        "regions",
        "Administrative units with their poverty flags and exit years. Without filters the GraphQL field lists the provinces; filter by level or region for more.");

    public static readonly ExportList Programs = new(
        "programs",
        "programs",
        "Campaigns that organisations join, such as 万企帮万村 or 粤桂扶贫协作.");

    public static readonly ExportList Pairings = new(
        "pairings",
        "pairings",
        "Helpers (organisations or regions) paired with helped regions under a program (结对帮扶).");

    public static readonly ExportList Needs = new(
        "needs",
        "needs",
        "Village needs (需求对接) approved by a named reviewer, with what is pledged and received.",
        Optional: true);

    public static readonly ExportList Pledges = new(
        "pledges",
        "pledges",
        "Pledges of organisations and donors against needs, projects or villages, with what was delivered and what the village confirmed it received.",
        Optional: true);

    public static readonly ExportList Deliveries = new(
        "deliveries",
        "pledgeDeliveries",
        "Deliveries of pledges with their evidence and the village's confirmation of receipt: what turns a promise into aid received.");

    public static readonly ExportList Objections = new(
        "objections",
        "objections",
        "Objections to notices and misuse reports with their public answers and response times. Who filed them is never public, nor is a description a reviewer hid.");

    public static readonly ExportList Assets = new(
        "assets",
        "assets",
        "Income-bearing assets projects left to village collectives (资产收益), with the poor households' shares as a count.");

    public static readonly ExportList Entitlements = new(
        "entitlements",
        "entitlements",
        "Policy standards (雨露计划, 危房改造 by grade, 低保 …) per region and year, with their documents and recipients as counts.");

    public static readonly ExportList Microcredit = new(
        "microcredit",
        "microcreditRecords",
        "Counties' poverty-alleviation microcredit (扶贫小额信贷) figures by year: aggregates only, no borrower. Pass includeSuperseded=true for the versions corrections superseded.");

    public static readonly ExportList Changes = new(
        "changes",
        ChangeQueries.FieldName,
        "Everything public that changed, oldest first, from the audit trail. Pass the last 'sequence' you saw as 'after' to continue.");

    public static IReadOnlyList<ExportList> All { get; } =
        [Notices, Funds, Projects, Transactions, Organizations, Regions, Programs, Pairings, Needs, Pledges, Deliveries, Objections, Assets, Entitlements, Microcredit, Changes];
}
