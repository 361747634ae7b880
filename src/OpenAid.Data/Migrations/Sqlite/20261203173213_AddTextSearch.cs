using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAid.Data.Migrations.Sqlite
{
    /// <summary>
    /// FTS5 trigram indexes for the lists' text search (TextSearch), as external-content tables: the text stays in its
    /// table, the index holds only trigrams, and triggers keep it current on every insert, update and delete. The list is
    /// written out here, not read from TextSearch.Indexes, so that this migration stays what it was when applied. FTS5's
    /// secure-delete (SQLite 3.44 and later) removes deleted text from the index itself.
    /// </summary>
    public partial class AddTextSearch : Migration
    {
        private static readonly (string Name, string Table, string Key, string[] Columns)[] Indexes =
        [
            ("NoticesText", "Notices", "Id", ["Title", "Body"]),
            ("ProjectsText", "Projects", "Id", ["Name"]),
            ("NeedsText", "Needs", "Id", ["Title"]),
            ("OrganizationsText", "Organizations", "Id", ["Name"]),
            ("FundsText", "Funds", "Id", ["Name", "DocumentNumber"]),
            ("RegionsText", "Regions", "Code", ["Name"]),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var (name, table, key, columns) in Indexes)
            {
                var list = string.Join(", ", columns.Select(c => $"\"{c}\""));
                string Values(string row) => string.Join(", ", columns.Select(c => $"{row}.\"{c}\""));
                migrationBuilder.Sql($"CREATE VIRTUAL TABLE \"{name}\" USING fts5({list}, content='{table}', content_rowid='{key}', tokenize='trigram');");
                // A deletion (an update's old text, an audit redaction's erased value) leaves the index at once instead
                // of lingering in older segments until a merge, so no trigram of erased text stays in the file.
                migrationBuilder.Sql($"INSERT INTO \"{name}\"(\"{name}\", rank) VALUES ('secure-delete', 1);");
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{name}_insert" AFTER INSERT ON "{table}" BEGIN
                      INSERT INTO "{name}"(rowid, {list}) VALUES (new."{key}", {Values("new")});
                    END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{name}_delete" AFTER DELETE ON "{table}" BEGIN
                      INSERT INTO "{name}"("{name}", rowid, {list}) VALUES ('delete', old."{key}", {Values("old")});
                    END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{name}_update" AFTER UPDATE OF {list} ON "{table}" BEGIN
                      INSERT INTO "{name}"("{name}", rowid, {list}) VALUES ('delete', old."{key}", {Values("old")});
                      INSERT INTO "{name}"(rowid, {list}) VALUES (new."{key}", {Values("new")});
                    END;
                    """);
                migrationBuilder.Sql($"INSERT INTO \"{name}\"(\"{name}\") VALUES ('rebuild');");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (name, _, _, _) in Indexes)
            {
                migrationBuilder.Sql($"DROP TRIGGER \"{name}_insert\";");
                migrationBuilder.Sql($"DROP TRIGGER \"{name}_delete\";");
                migrationBuilder.Sql($"DROP TRIGGER \"{name}_update\";");
                migrationBuilder.Sql($"DROP TABLE \"{name}\";");
            }
        }
    }
}
