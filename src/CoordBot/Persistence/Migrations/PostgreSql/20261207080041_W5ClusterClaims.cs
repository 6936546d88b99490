using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoordBot.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class W5ClusterClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "Sessions",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<long>(
                name: "LoadedTerm",
                table: "OutboxMessages",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "Drafts",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "AgendaItems",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.CreateIndex(
                name: "IX_InboxUpdates_ChatId_UpdateId",
                table: "InboxUpdates",
                columns: new[] { "ChatId", "UpdateId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InboxUpdates_ChatId_UpdateId",
                table: "InboxUpdates");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "LoadedTerm",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "Drafts");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "AgendaItems");
        }
    }
}
