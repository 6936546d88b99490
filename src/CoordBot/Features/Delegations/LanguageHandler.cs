using CoordBot.Localization;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Delegations;

/// <summary><c>/language [xx]</c>: a person's language in a private chat, a linked group's in the group (its head or deputy).</summary>
internal sealed class LanguageHandler(Menus.PersonalMenus menus) : Command<string?>
{
    public override CommandInfo Info { get; } = new("language", "/language [en|fr|es|ru|zh|ar]", "Choose your language (or, in a group, the group's)")
    {
        // Anyone may choose their own; in a group the head-or-deputy check needs the group's delegation (LanguageChoice).
        Rule = Rules.Anyone,
        // A group has a language only once linked, and only its own delegation sets it.
        Where = ChatScope.CouncilChat,
        Example = "/language fr",
    };

    protected override string? Parse(ArgReader args)
    {
        if (args.OptionalText() is not { } word)
        {
            return null;
        }

        var language = Languages.Parse(word);
        if (language is null)
        {
            args.Fail();
        }

        return language;
    }

    protected override async Task ExecuteAsync(CommandContext context, string? language, CancellationToken cancellationToken)
    {
        if (language is null)
        {
            var (text, offer) = LanguageChoice.Question(context.Update);
            context.Update.Reply(text, offer ? LanguageChoice.Buttons() : null);
            return;
        }

        context.Reply(await LanguageChoice.ApplyAsync(context.Update, language, menus, cancellationToken));
    }
}
