import { gql, useQuery } from 'urql';

// Some features arrive in the API later than the pages that use them (objections, needs, pledges). A page asks the
// schema whether a field exists before it renders a form or runs a query that needs it, so the app works against
// any version of the API.

const TypeFields = gql<{ __type: { fields: { name: string }[] | null } | null }, { name: string }>`
  query TypeFields($name: String!) {
    __type(name: $name) {
      fields {
        name
      }
    }
  }
`;

/** Whether the schema's type has the field: undefined while asking, false when the type or field is missing. */
export function useHasField(typeName: string, field: string): boolean | undefined {
  const [result] = useQuery({ query: TypeFields, variables: { name: typeName } });
  if (result.fetching && !result.data) return undefined;
  return result.data?.__type?.fields?.some((f) => f.name === field) ?? false;
}
