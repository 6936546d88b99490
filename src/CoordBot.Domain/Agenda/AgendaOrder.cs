namespace CoordBot.Domain.Agenda;

/// <summary>Reordering of agenda items by 1-based position, as the chair says it ("move item 5 to 2").</summary>
public static class AgendaOrder
{
    public static Result<IReadOnlyList<T>> Move<T>(IReadOnlyList<T> items, T item, int newPosition)
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
            return Result.Fail<IReadOnlyList<T>>($"item {item} is not on the agenda");
        }

        if (newPosition < 1 || newPosition > items.Count)
        {
            return Result.Fail<IReadOnlyList<T>>($"position {newPosition} is out of range: the agenda has positions 1 to {items.Count}");
        }

        var moved = items.ToList();
        moved.RemoveAt(index);
        moved.Insert(newPosition - 1, item);
        return Result.Ok<IReadOnlyList<T>>(moved);
    }
}
