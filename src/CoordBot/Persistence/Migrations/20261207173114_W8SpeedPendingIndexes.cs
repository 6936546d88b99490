using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoordBot.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class W8SpeedPendingIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InboxUpdates_ChatId_UpdateId",
                table: "InboxUpdates");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_NeverLoaded",
                table: "OutboxMessages",
                column: "Id",
                filter: "\"Status\" = 0 AND \"LoadedTerm\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_InboxUpdates_ChatId_UpdateId",
                table: "InboxUpdates",
                columns: new[] { "ChatId", "UpdateId" },
                filter: "\"ProcessedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_InboxUpdates_Pending",
                table: "InboxUpdates",
                column: "UpdateId",
                filter: "\"ProcessedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_NeverLoaded",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_InboxUpdates_ChatId_UpdateId",
                table: "InboxUpdates");

            migrationBuilder.DropIndex(
                name: "IX_InboxUpdates_Pending",
                table: "InboxUpdates");

            migrationBuilder.CreateIndex(
                name: "IX_InboxUpdates_ChatId_UpdateId",
                table: "InboxUpdates",
                columns: new[] { "ChatId", "UpdateId" });
        }
    }
}
