using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoordBot.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class W5ClusterClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LoadedTerm",
                table: "OutboxMessages",
                type: "INTEGER",
                nullable: true);

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
                name: "LoadedTerm",
                table: "OutboxMessages");
        }
    }
}
