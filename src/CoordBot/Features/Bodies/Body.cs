namespace CoordBot.Features.Bodies;

/// <summary>
/// A body the deployment serves, as stored: its id is what every row of its business carries; its key and names come
/// from its council file at start. The body that existed before bodies (a single <c>Council:File</c>) is id 1.
/// </summary>
public sealed class Body
{
    /// <summary>The first body: the one every row written before bodies belongs to.</summary>
    public const int FirstId = 1;

    public int Id { get; set; }

    /// <summary>Short, lower case and unique (<c>unsc</c>, <c>1718</c>, <c>psc</c>); empty for the first body until a start names it.</summary>
    public required string Key { get; set; }

    public required string Name { get; set; }
}
