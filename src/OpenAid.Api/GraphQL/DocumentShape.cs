using GraphQLParser.AST;

namespace OpenAid.Api.GraphQL;

/// <summary>The size of one operation with its fragments expanded, as validation and execution will see it.</summary>
/// <param name="Fields">Every field selected, at every level. Doubles, since spreads can multiply it past any integer.</param>
/// <param name="Aliases">The aliased ones among them.</param>
/// <param name="RootFields">The fields at the operation's root.</param>
public readonly record struct OperationShape(double Fields, double Aliases, double RootFields);

/// <summary>The sizes of a document: every operation's, and the fields of all its definitions together.</summary>
/// <param name="Fields">The fields of every operation and every fragment definition, expanded: what validation walks.</param>
public sealed record DocumentSize(double Fields, IReadOnlyList<OperationShape> Operations);

/// <summary>The limits of <see cref="GraphQLLimits"/> on a document's size; the endpoint gives each its code.</summary>
public enum DocumentLimit
{
    Fields,
    Aliases,
    RootFields,
}

/// <summary>A limit of <see cref="GraphQLLimits"/> that a document is over, with the message to refuse it with.</summary>
public sealed class DocumentLimitException(DocumentLimit limit, string message) : Exception(message)
{
    public DocumentLimit Limit { get; } = limit;
}

/// <summary>
/// Measures a parsed document before anything validates it. A fragment that spreads the one below it twice doubles
/// the document's expanded size per level: 25 levels fit in a GET URL and expand to 33 million fields, which every
/// validation rule that follows fragments would walk. Here each fragment is measured once (memoised over the fragment
/// graph), so the cost is linear in the document's text, and a document over the limits never reaches validation.
/// </summary>
public static class DocumentShape
{
    /// <summary>The size of every operation of the document; validation checks them all, whichever one runs.</summary>
    public static DocumentSize Measure(GraphQLDocument document)
    {
        var fragments = new Dictionary<string, Local>(StringComparer.Ordinal);
        var operations = new List<Local>();
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLFragmentDefinition fragment:
                    // A fragment defined twice is refused by validation (UniqueFragmentNames); the first is measured.
                    fragments.TryAdd(fragment.FragmentName.Name.StringValue, Local.Of(fragment.SelectionSet));
                    break;
                case GraphQLOperationDefinition operation:
                    operations.Add(Local.Of(operation.SelectionSet));
                    break;
            }
        }

        var expanded = new Dictionary<string, OperationShape>(StringComparer.Ordinal);
        var shapes = operations.Select(o => Expand(o, fragments, expanded)).ToList();
        // Validation also walks each fragment definition on its own, used or not.
        var definitions = fragments.Keys.Select(name => Expand(new Local(default, [name], [name]), fragments, expanded));
        return new DocumentSize(shapes.Sum(o => o.Fields) + definitions.Sum(f => f.Fields), shapes);
    }

    /// <summary>Throws <see cref="DocumentLimitException"/> when an operation is over a limit.</summary>
    public static void Check(DocumentSize size, GraphQLLimits limits)
    {
        if (size.Fields > limits.MaxFields)
        {
            throw new DocumentLimitException(DocumentLimit.Fields,
                $"The document selects {Count(size.Fields)} fields once its fragments are expanded (each operation and each fragment counted); at most {limits.MaxFields} are allowed. Select fewer fields, or spread each fragment once.");
        }

        foreach (var operation in size.Operations)
        {
            if (operation.Aliases > limits.MaxAliases)
            {
                throw new DocumentLimitException(DocumentLimit.Aliases,
                    $"The operation has {Count(operation.Aliases)} aliased fields; at most {limits.MaxAliases} are allowed. Send a list argument (e.g. nodes(ids:)) or several requests.");
            }

            if (operation.RootFields > limits.MaxRootFields)
            {
                throw new DocumentLimitException(DocumentLimit.RootFields,
                    $"The operation has {Count(operation.RootFields)} root fields; at most {limits.MaxRootFields} are allowed. Split it into several requests.");
            }
        }
    }

    private static string Count(double value) => value >= 1e15 ? "more than 10^15" : value.ToString("0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A definition's size from its own text: the fields it selects itself, and the fragments it spreads (at its root,
    /// or anywhere), each once per spread.
    /// </summary>
    private sealed record Local(OperationShape Own, List<string> RootSpreads, List<string> Spreads)
    {
        public static Local Of(GraphQLSelectionSet set)
        {
            var (fields, aliases, roots) = (0d, 0d, 0d);
            var rootSpreads = new List<string>();
            var spreads = new List<string>();
            // The parser's nesting limit bounds the depth of this walk.
            void Walk(GraphQLSelectionSet selections, bool atRoot)
            {
                foreach (var selection in selections.Selections)
                {
                    switch (selection)
                    {
                        case GraphQLField field:
                            fields++;
                            aliases += field.Alias is null ? 0 : 1;
                            roots += atRoot ? 1 : 0;
                            if (field.SelectionSet is not null)
                            {
                                Walk(field.SelectionSet, atRoot: false);
                            }

                            break;
                        case GraphQLInlineFragment inline:
                            Walk(inline.SelectionSet, atRoot);
                            break;
                        case GraphQLFragmentSpread spread:
                            spreads.Add(spread.FragmentName.Name.StringValue);
                            if (atRoot)
                            {
                                rootSpreads.Add(spread.FragmentName.Name.StringValue);
                            }

                            break;
                    }
                }
            }

            Walk(set, atRoot: true);
            return new Local(new OperationShape(fields, aliases, roots), rootSpreads, spreads);
        }
    }

    /// <summary>
    /// A definition's expanded size: its own plus that of each fragment it spreads, every fragment computed once.
    /// Iterative (a chain of thousands of fragments must not exhaust the stack); a spread that closes a cycle or names
    /// no fragment counts nothing, as validation refuses it (NoFragmentCycles, KnownFragmentNames).
    /// </summary>
    private static OperationShape Expand(Local operation, Dictionary<string, Local> fragments, Dictionary<string, OperationShape> expanded)
    {
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<(string Name, bool Ready)>();
        foreach (var name in operation.Spreads)
        {
            pending.Push((name, false));
        }

        while (pending.TryPop(out var item))
        {
            if (expanded.ContainsKey(item.Name) || !fragments.TryGetValue(item.Name, out var fragment))
            {
                continue;
            }

            if (item.Ready)
            {
                visiting.Remove(item.Name);
                expanded[item.Name] = Sum(fragment, expanded);
                continue;
            }

            if (!visiting.Add(item.Name))
            {
                continue;
            }

            pending.Push((item.Name, true));
            foreach (var name in fragment.Spreads.Where(n => !expanded.ContainsKey(n) && !visiting.Contains(n)))
            {
                pending.Push((name, false));
            }
        }

        return Sum(operation, expanded);
    }

    private static OperationShape Sum(Local local, Dictionary<string, OperationShape> expanded)
    {
        var (fields, aliases, roots) = (local.Own.Fields, local.Own.Aliases, local.Own.RootFields);
        foreach (var name in local.Spreads)
        {
            if (expanded.TryGetValue(name, out var spread))
            {
                fields += spread.Fields;
                aliases += spread.Aliases;
            }
        }

        foreach (var name in local.RootSpreads)
        {
            if (expanded.TryGetValue(name, out var spread))
            {
                roots += spread.RootFields;
            }
        }

        return new OperationShape(fields, aliases, roots);
    }
}
