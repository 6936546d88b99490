using CoordBot.Council;
using CoordBot.Domain.Agenda;
using CoordBot.Features.Agenda;
using CoordBot.Localization;
using Microsoft.Extensions.Options;
using Moq;

namespace CoordBot.Tests.Localization;

/// <summary>An agenda line as each language writes it: the user's title untouched, Arabic with its ids isolated.</summary>
public sealed class AgendaLineTests
{
    private static readonly AgendaText Text = new(new CouncilProvider(Options.Create(new CouncilOptions())), Mock.Of<IAgendaDraftLinks>());

    private static AgendaItem Item() =>
        new() { Id = 7, Title = "The situation in <Libya>", Status = AgendaItemStatus.Adopted, Penholders = "FRA,GBR" };

    [Fact]
    public void The_English_line_is_the_one_the_bot_always_wrote() =>
        Assert.Equal(
            "A7 The situation in &lt;Libya&gt; (adopted), penholder France with United Kingdom, drafts: D3 (in blue)",
            Text.Line(Item(), ["D3 (in blue)"]));

    [Fact]
    public void The_Arabic_line_reads_right_to_left_with_its_ids_and_the_users_title_isolated()
    {
        var line = Text.Line(Item(), ["D3 (in blue)"], "ar");

        Assert.Equal(Bidi.RightToLeftMark, line[0]);
        Assert.Single(line, Bidi.RightToLeftMark);
        Assert.Contains("\u2068A7\u2069", line, StringComparison.Ordinal);
        Assert.Contains("\u2068The situation in &lt;Libya&gt;\u2069", line, StringComparison.Ordinal);
        Assert.Contains("\u2068D3 (in blue)\u2069", line, StringComparison.Ordinal);
        Assert.Contains("\u2068فرنسا\u2069", line, StringComparison.Ordinal);
        Assert.Contains("معتمد", line, StringComparison.Ordinal);
    }

    [Fact]
    public void The_French_line_names_the_status_and_members_in_French_and_keeps_the_title()
    {
        Assert.Equal(
            "A7 The situation in &lt;Libya&gt; (adopté), porte-plume : France avec Royaume-Uni, projets : D3 (in blue)",
            Text.Line(Item(), ["D3 (in blue)"], "fr"));
    }
}
