using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using OpenAid.Domain.Funds;
using OpenAid.Domain.Needs;
using OpenAid.Domain.Notices;
using OpenAid.Domain.Organizations;
using OpenAid.Domain.Projects;
using OpenAid.Domain.Regions;

namespace OpenAid.Data.Search;

/// <summary>A table's text kept in a SQLite FTS5 index (trigram tokenizer), kept current by triggers on the table.</summary>
/// <param name="Name">The FTS5 table.</param>
public sealed record TextIndex(Type Entity, string Name, string Table, string Key, IReadOnlyList<string> Columns)
{
    /// <summary>The keys of the rows matching parameter {0}, an FTS5 query; the names in it are ours, never the user's.</summary>
    public string KeysMatchingSql { get; } = $"SELECT rowid AS \"Value\" FROM \"{Name}\" WHERE \"{Name}\" MATCH {{0}}";
}

/// <summary>
/// "Contains this text" for the lists' search argument. On SQLite a text of three characters or more is looked up in
/// the table's FTS5 trigram index (Chinese has no word breaks, trigrams need none), so a search does not read every
/// title and body; shorter text, which a trigram index cannot answer, and other providers scan with LIKE.
/// </summary>
public static class TextSearch
{
    /// <summary>The trigram tokenizer matches substrings of at least this many characters.</summary>
    public const int IndexedLength = 3;

    /// <summary>The indexed tables; the migration AddTextSearch creates their FTS5 tables and triggers.</summary>
    public static readonly IReadOnlyList<TextIndex> Indexes =
    [
        new(typeof(Notice), "NoticesText", "Notices", "Id", ["Title", "Body"]),
        new(typeof(Project), "ProjectsText", "Projects", "Id", ["Name"]),
        new(typeof(Need), "NeedsText", "Needs", "Id", ["Title"]),
        new(typeof(Organization), "OrganizationsText", "Organizations", "Id", ["Name"]),
        new(typeof(Fund), "FundsText", "Funds", "Id", ["Name", "DocumentNumber"]),
        new(typeof(Region), "RegionsText", "Regions", "Code", ["Name"]),
    ];

    /// <summary>
    /// Records whose indexed columns contain the text (case-insensitive on the index); <paramref name="scan"/> says the same
    /// with Contains over those columns, for when the index cannot answer.
    /// </summary>
    public static Expression<Func<T, bool>> TextContains<T, TKey>(this OpenAidDbContext db, string text, Expression<Func<T, TKey>> key, Expression<Func<T, bool>> scan)
    {
        if (!db.Database.IsSqlite() || text.EnumerateRunes().Count() < IndexedLength)
        {
            return scan;
        }

        var index = Indexes.Single(i => i.Entity == typeof(T));
        // A quoted FTS5 string is matched as a substring by the trigram tokenizer, whatever operators it contains.
        var phrase = "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var keys = db.Database.SqlQueryRaw<TKey>(index.KeysMatchingSql, phrase);
        Expression<Func<TKey, bool>> inKeys = k => keys.Contains(k);
        return Expression.Lambda<Func<T, bool>>(ReplacingExpressionVisitor.Replace(inKeys.Parameters[0], key.Body, inKeys.Body), key.Parameters);
    }

    /// <summary>Either predicate, as one expression a provider can translate.</summary>
    public static Expression<Func<T, bool>> Or<T>(this Expression<Func<T, bool>> first, Expression<Func<T, bool>> second) =>
        Expression.Lambda<Func<T, bool>>(
            Expression.OrElse(first.Body, ReplacingExpressionVisitor.Replace(second.Parameters[0], first.Parameters[0], second.Body)),
            first.Parameters);
}
