using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoordBot.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class W4SessionsStarterChatsMeetingLink : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "OpenedInChatId",
                table: "Votes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MeetingUrl",
                table: "Sessions",
                type: "TEXT",
                maxLength: 512,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SilenceStartedInChatId",
                table: "Drafts",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OpenedInChatId",
                table: "Votes");

            migrationBuilder.DropColumn(
                name: "MeetingUrl",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "SilenceStartedInChatId",
                table: "Drafts");
        }
    }
}
