namespace CoordBot.Domain.Council;

/// <summary>A member state of the council, identified by an ISO 3166 alpha-3 style code.</summary>
public sealed record CouncilMember(string Code, string Name, bool Permanent);
