namespace CoordBot.Persistence;

/// <summary>
/// A row that belongs to one body (issue 25): the council, a committee, a regional council. Queries see only the rows
/// of the body in scope (<see cref="CoordBotDb.BodyFilter"/>); a row added without a body takes the body in scope.
/// </summary>
public interface IBodyOwned
{
    int BodyId { get; set; }
}
