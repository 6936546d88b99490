using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoordBot.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class W5DocumentsOriginals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DocumentFileId",
                table: "OutboxMessages",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OriginalFileId",
                table: "DraftVersions",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OriginalFileName",
                table: "DraftVersions",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DocumentFileId",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "OriginalFileId",
                table: "DraftVersions");

            migrationBuilder.DropColumn(
                name: "OriginalFileName",
                table: "DraftVersions");
        }
    }
}
