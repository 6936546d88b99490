using CoordBot.Localization;
using CoordBot.Telegram.Rendering;

namespace CoordBot.Tests.Interaction;

public sealed class ListPageTests
{
    private static readonly int[] Seventy = [.. Enumerable.Range(1, 70)];

    [Theory]
    [InlineData(15)]
    [InlineData(30)]
    public void A_list_a_phone_shows_in_one_message_is_not_paged(int entries)
    {
        var page = ListPage.Of([.. Enumerable.Range(1, entries)], 1);

        Assert.True(page.IsOnlyPage);
        Assert.Equal(entries, page.Entries.Count);
        Assert.Empty(page.Navigation("delegations", Languages.English));
    }

    [Fact]
    public void A_list_longer_than_a_phone_screen_is_paged()
    {
        var page = ListPage.Of([.. Enumerable.Range(1, 31)], 1);

        Assert.Equal((1, 2, 30), (page.Number, page.Count, page.Entries.Count));
        Assert.Equal(["r:drafts 2"], page.Navigation("drafts", Languages.English).Select(b => b.Data));
    }

    [Fact]
    public void A_middle_page_holds_its_entries_and_buttons_to_both_neighbours()
    {
        var page = ListPage.Of(Seventy, 2);

        Assert.Equal(Enumerable.Range(31, 30), page.Entries);
        Assert.Equal((2, 3, 30), (page.Number, page.Count, page.FirstIndex));
        Assert.Equal("Page 2 of 3", page.Heading(Languages.English));
        Assert.Equal(
            [("‹ 1", "r:drafts 1"), ("3 ›", "r:drafts 3")],
            page.Navigation("drafts", Languages.English).Select(b => (b.Text, b.Data)));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-5, 1)]
    [InlineData(9, 3)]
    public void A_page_number_out_of_range_shows_the_nearest_page(int requested, int shown)
    {
        Assert.Equal(shown, ListPage.Of(Seventy, requested).Number);
    }

    [Fact]
    public void A_list_that_fits_one_page_has_no_heading_and_no_buttons()
    {
        var page = ListPage.Of(Seventy[..3], 1);

        Assert.True(page.IsOnlyPage);
        Assert.Empty(page.Navigation("agenda S1", Languages.English));
        Assert.Equal(string.Empty, page.Heading("fr"));
    }

    [Fact]
    public void An_empty_list_is_one_empty_page()
    {
        var page = ListPage.Of(Array.Empty<int>(), 4);

        Assert.Empty(page.Entries);
        Assert.Equal((1, 1), (page.Number, page.Count));
    }

    [Fact]
    public void The_last_page_has_only_a_button_back_and_keeps_fixed_arguments()
    {
        var page = ListPage.Of(Seventy, 3);

        Assert.Equal(Enumerable.Range(61, 10), page.Entries);
        Assert.Equal(["r:agenda S4 2"], page.Navigation("agenda S4", "ru").Select(b => b.Data));
        Assert.Equal("Страница 3 из 3", page.Heading("ru"));
    }
}
