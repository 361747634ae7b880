using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace OpenAid.Data.Regions;

/// <summary>
/// How the bulk writers lay rows into a table: its columns and value conversions read from the context's EF model
/// (each provider's own), so that they follow entity changes.
/// </summary>
internal sealed class TableMaps(OpenAidDbContext db)
{
    private readonly Dictionary<Type, TableMap> _maps = [];

    public TableMap MapOf(Type type)
    {
        if (_maps.TryGetValue(type, out var map))
        {
            return map;
        }

        var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
        var table = entity.GetTableName() ?? throw new InvalidOperationException($"{type.Name} is not mapped to a table.");
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var primaryKey = entity.FindPrimaryKey()?.Properties ?? throw new InvalidOperationException($"{type.Name} has no key.");
        var columns = new List<TableColumn>();
        foreach (var property in entity.GetProperties())
        {
            if (property.GetColumnName(store) is not { } column)
            {
                continue;
            }

            var info = property.PropertyInfo ?? throw new NotSupportedException($"{type.Name}.{property.Name} is a shadow property; the bulk writer needs CLR properties.");
            var getter = CompileGetter(info);
            var converter = property.GetTypeMapping().Converter;
            Func<object, object?> read = converter is null ? getter : row => getter(row) is { } value ? converter.ConvertToProvider(value) : null;
            var providerType = converter?.ProviderClrType ?? property.ClrType;
            columns.Add(new TableColumn(column, read, primaryKey.Contains(property), info, Nullable.GetUnderlyingType(providerType) ?? providerType));
        }

        GeneratedKey? generated = null;
        if (primaryKey is [var keyProperty]
            && keyProperty.ValueGenerated.HasFlag(ValueGenerated.OnAdd)
            && (keyProperty.ClrType == typeof(int) || keyProperty.ClrType == typeof(long)))
        {
            generated = new GeneratedKey(columns.Single(c => c.IsKey));
        }

        map = new TableMap(table, entity.GetSchema(), [.. columns], generated);
        _maps[type] = map;
        return map;
    }

    private static Func<object, object?> CompileGetter(PropertyInfo property)
    {
        var row = Expression.Parameter(typeof(object), "row");
        var body = Expression.Convert(Expression.Property(Expression.Convert(row, property.DeclaringType!), property), typeof(object));
        return Expression.Lambda<Func<object, object?>>(body, row).Compile();
    }
}

/// <param name="ProviderType">The type of the values <see cref="Read"/> gives (after conversion), never Nullable.</param>
internal sealed record TableColumn(string Name, Func<object, object?> Read, bool IsKey, PropertyInfo Property, Type ProviderType);

internal sealed record TableMap(string Table, string? Schema, TableColumn[] Columns, GeneratedKey? GeneratedKey)
{
    /// <summary>The table's name quoted for SQL Server, with its schema when it has one.</summary>
    public string QualifiedTable => (Schema is null ? "" : Bracket(Schema) + ".") + Bracket(Table);

    private static string Bracket(string identifier) => "[" + identifier.Replace("]", "]]", StringComparison.Ordinal) + "]";
}

internal sealed record GeneratedKey(TableColumn Column)
{
    public bool IsUnset(object row) => Convert.ToInt64(Column.Property.GetValue(row), System.Globalization.CultureInfo.InvariantCulture) == 0;

    public void Assign(object row, long value) =>
        Column.Property.SetValue(row, Column.Property.PropertyType == typeof(int) ? (object)checked((int)value) : value);
}
