using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoordBot.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class W5Bodies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Issue 25: everything written before bodies belongs to the first body (id 1, the Council:File body); its key
            // and name are written at the next start from its council file.
            migrationBuilder.DropPrimaryKey(
                name: "PK_PresidencyOverrides",
                table: "PresidencyOverrides");

            migrationBuilder.DropIndex(
                name: "IX_Memberships_DelegationCode_EndedAt",
                table: "Memberships");

            migrationBuilder.DropIndex(
                name: "IX_Memberships_UserId",
                table: "Memberships");

            migrationBuilder.DropPrimaryKey(
                name: "PK_DelegationGroups",
                table: "DelegationGroups");

            migrationBuilder.AddColumn<int>(
                name: "BodyId",
                table: "Votes",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "BodyId",
                table: "Sessions",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "BodyId",
                table: "PresidencyOverrides",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "BodyId",
                table: "Memberships",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "BodyId",
                table: "Invitations",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "BodyId",
                table: "Drafts",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "BodyId",
                table: "DelegationGroups",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "BodyId",
                table: "AuditEntries",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "BodyId",
                table: "AgendaItems",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddPrimaryKey(
                name: "PK_PresidencyOverrides",
                table: "PresidencyOverrides",
                columns: new[] { "BodyId", "Year", "Month" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_DelegationGroups",
                table: "DelegationGroups",
                columns: new[] { "BodyId", "DelegationCode" });

            migrationBuilder.CreateTable(
                name: "Bodies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bodies", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "Bodies",
                columns: new[] { "Id", "Key", "Name" },
                values: new object[] { 1, "", "" });

            migrationBuilder.CreateIndex(
                name: "IX_Votes_BodyId",
                table: "Votes",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_BodyId",
                table: "Sessions",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_BodyId_DelegationCode_EndedAt",
                table: "Memberships",
                columns: new[] { "BodyId", "DelegationCode", "EndedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_BodyId_UserId",
                table: "Memberships",
                columns: new[] { "BodyId", "UserId" },
                unique: true,
                filter: "\"EndedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_BodyId",
                table: "Invitations",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_Drafts_BodyId",
                table: "Drafts",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_BodyId",
                table: "AuditEntries",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_BodyId",
                table: "AgendaItems",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_Bodies_Key",
                table: "Bodies",
                column: "Key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Bodies");

            migrationBuilder.DropIndex(
                name: "IX_Votes_BodyId",
                table: "Votes");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_BodyId",
                table: "Sessions");

            migrationBuilder.DropPrimaryKey(
                name: "PK_PresidencyOverrides",
                table: "PresidencyOverrides");

            migrationBuilder.DropIndex(
                name: "IX_Memberships_BodyId_DelegationCode_EndedAt",
                table: "Memberships");

            migrationBuilder.DropIndex(
                name: "IX_Memberships_BodyId_UserId",
                table: "Memberships");

            migrationBuilder.DropIndex(
                name: "IX_Invitations_BodyId",
                table: "Invitations");

            migrationBuilder.DropIndex(
                name: "IX_Drafts_BodyId",
                table: "Drafts");

            migrationBuilder.DropPrimaryKey(
                name: "PK_DelegationGroups",
                table: "DelegationGroups");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_BodyId",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AgendaItems_BodyId",
                table: "AgendaItems");

            migrationBuilder.DropColumn(
                name: "BodyId",
                table: "Votes");

            migrationBuilder.DropColumn(
                name: "BodyId",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "BodyId",
                table: "PresidencyOverrides");

            migrationBuilder.DropColumn(
                name: "BodyId",
                table: "Memberships");

            migrationBuilder.DropColumn(
                name: "BodyId",
                table: "Invitations");

            migrationBuilder.DropColumn(
                name: "BodyId",
                table: "Drafts");

            migrationBuilder.DropColumn(
                name: "BodyId",
                table: "DelegationGroups");

            migrationBuilder.DropColumn(
                name: "BodyId",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "BodyId",
                table: "AgendaItems");

            migrationBuilder.AddPrimaryKey(
                name: "PK_PresidencyOverrides",
                table: "PresidencyOverrides",
                columns: new[] { "Year", "Month" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_DelegationGroups",
                table: "DelegationGroups",
                column: "DelegationCode");

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_DelegationCode_EndedAt",
                table: "Memberships",
                columns: new[] { "DelegationCode", "EndedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_UserId",
                table: "Memberships",
                column: "UserId",
                unique: true,
                filter: "\"EndedAt\" IS NULL");
        }
    }
}
