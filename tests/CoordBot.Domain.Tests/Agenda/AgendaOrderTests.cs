using CoordBot.Domain.Agenda;

namespace CoordBot.Domain.Tests.Agenda;

public sealed class AgendaOrderTests
{
    private static readonly int[] Items = [11, 12, 13, 14];

    [Theory]
    [InlineData(13, 1, "13 11 12 14")]
    [InlineData(11, 4, "12 13 14 11")]
    [InlineData(12, 3, "11 13 12 14")]
    [InlineData(12, 2, "11 12 13 14")]
    public void Items_move_to_a_one_based_position(int item, int position, string expected)
    {
        Assert.Equal(expected, string.Join(" ", AgendaOrder.Move(Items, item, position).Value));
    }

    [Theory]
    [InlineData(13, 0, "position 0 is out of range: the agenda has positions 1 to 4")]
    [InlineData(13, 5, "position 5 is out of range: the agenda has positions 1 to 4")]
    [InlineData(99, 1, "item 99 is not on the agenda")]
    public void Moves_out_of_range_are_refused(int item, int position, string expected)
    {
        Assert.Equal(expected, AgendaOrder.Move(Items, item, position).Error);
    }

    [Theory]
    [InlineData(AgendaItemStatus.Proposed, AgendaItemStatus.Adopted, true)]
    [InlineData(AgendaItemStatus.Adopted, AgendaItemStatus.Discussing, true)]
    [InlineData(AgendaItemStatus.Discussing, AgendaItemStatus.Concluded, true)]
    [InlineData(AgendaItemStatus.Discussing, AgendaItemStatus.Deferred, true)]
    [InlineData(AgendaItemStatus.Deferred, AgendaItemStatus.Adopted, true)]
    [InlineData(AgendaItemStatus.Proposed, AgendaItemStatus.Concluded, false)]
    [InlineData(AgendaItemStatus.Concluded, AgendaItemStatus.Discussing, false)]
    public void Agenda_items_move_through_their_life(AgendaItemStatus from, AgendaItemStatus to, bool allowed)
    {
        Assert.Equal(allowed, AgendaTransitions.Check(from, to).IsAllowed);
    }
}
