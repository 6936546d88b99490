namespace CoordBot.Tests;

/// <summary>
/// English replies the black-box checks read, written out here as the contract: the bot takes them from the catalogue
/// (the code keeps no English copy), and these tests hold the catalogue to them character for character.
/// </summary>
internal static class EnglishTexts
{
    public const string NotAMember =
        "This is for members of the council's delegations. If you should be one, ask your head of delegation or an operator for an invitation link.";

    public const string OtherDelegationsGroup =
        "This group belongs to another delegation, so I share nothing of your delegation's business here. Use me in a private chat, or in your own delegation's linked group.";

    public const string UnlinkedGroup =
        "This group is not linked to a delegation, so I share nothing of the council's business here. Use me in a private chat, or ask your head of delegation to send /linkgroup here.";
}
