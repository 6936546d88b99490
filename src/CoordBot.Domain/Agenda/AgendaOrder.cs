namespace CoordBot.Domain.Agenda;

/// <summary>Reordering of agenda items by 1-based position, as the chair says it ("move item 5 to 2").</summary>
public static class AgendaOrder
{
    public static Outcome<IReadOnlyList<T>, Reason> Move<T>(IReadOnlyList<T> items, T item, int newPosition)
    {
        var index = -1;
        for (var i = 0; i < items.Count; i++)
        {
            if (EqualityComparer<T>.Default.Equals(items[i], item))
            {
                index = i;
                break;
            }
        }

        if (index < 0)
        {
            return Outcome<IReadOnlyList<T>, Reason>.Refuse(Reason.Of(ReasonCode.AgendaItemNotOn, item!));
        }

        if (newPosition < 1 || newPosition > items.Count)
        {
            return Outcome<IReadOnlyList<T>, Reason>.Refuse(Reason.Of(ReasonCode.AgendaPositionOutOfRange, newPosition, items.Count));
        }

        var moved = items.ToList();
        moved.RemoveAt(index);
        moved.Insert(newPosition - 1, item);
        return Outcome<IReadOnlyList<T>, Reason>.Accept(moved);
    }
}
