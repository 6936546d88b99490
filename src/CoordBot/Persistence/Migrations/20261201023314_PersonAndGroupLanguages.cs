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
            migrationBuilder.AlterColumn<string>(
                name: "Language",
                table: "People",
                type: "TEXT",
                maxLength: 8,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT");

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "DelegationGroups",
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            // Until now every person had "en" by default and nobody could choose: from here, null means "not
            // chosen", and Telegram's language_code of the user decides until they do.
            migrationBuilder.Sql("UPDATE \"People\" SET \"Language\" = NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Language",
                table: "DelegationGroups");

            migrationBuilder.AlterColumn<string>(
                name: "Language",
                table: "People",
                type: "TEXT",
                nullable: false,
                defaultValue: "en",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 8,
                oldNullable: true);
        }
    }
}
