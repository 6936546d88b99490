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
        Assert.Equal(expected, string.Join(" ", AgendaOrder.Move(Items, item, position).Value!));
    }

    [Theory]
    [InlineData(13, 0, "AgendaPositionOutOfRange:0:4")]
    [InlineData(13, 5, "AgendaPositionOutOfRange:5:4")]
    [InlineData(99, 1, "AgendaItemNotOn:99")]
    public void Moves_out_of_range_are_refused(int item, int position, string expected)
    {
        Assert.Equal(Expected.Reason(expected), AgendaOrder.Move(Items, item, position).Refusal);
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
