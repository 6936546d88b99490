using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoordBot.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PersonAndGroupLanguages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "DelegationGroups",
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            // Every person had "en" by default and nobody could choose: empty now means "not chosen", and
            // Telegram's language_code of the user decides until they do.
            migrationBuilder.Sql("UPDATE \"People\" SET \"Language\" = '' WHERE \"Language\" = 'en';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Language",
                table: "DelegationGroups");
        }
    }
}
