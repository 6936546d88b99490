using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Delegations;

/// <summary>
/// Sets a language: a person's own in a private chat; in a linked group, the group's, which only the head or
/// deputy of that group's delegation (or an operator) may choose (<see cref="Rules.LanguageHere"/>). Shared by <c>/language xx</c> and its buttons.
/// </summary>
internal static class LanguageChoice
{
    public const string Prefix = "lang";

    /// <summary>One button per official language, each written in itself; data <c>lang:&lt;code&gt;</c>.</summary>
    public static IReadOnlyList<IReadOnlyList<Button>> Buttons() =>
        Languages.All.Chunk(3).Select(row => (IReadOnlyList<Button>)row.Select(code => new Button(Languages.NativeName(code), $"{Prefix}:{code}")).ToList()).ToList();

    /// <summary>The question /language asks here, or a refusal (null buttons) where no language can be chosen.</summary>
    public static (string Text, bool Offer) Question(UpdateContext update)
    {
        if (update.IsPrivate)
        {
            return (update.Text("Language.ChoosePerson", Languages.NativeName(update.Language)), true);
        }

        return update.Actor.ChatDelegationCode is null
            ? (update.Text("Access.UnlinkedGroup"), false)
            : (update.Text("Language.ChooseGroup", Languages.NativeName(update.Language)), true);
    }

    /// <summary>Stores the choice; the answer (HTML-free) is in the language chosen, or a refusal in the current one.</summary>
    public static async Task<string> ApplyAsync(UpdateContext update, string language, Menus.PersonalMenus menus, CancellationToken cancellationToken)
    {
        var actor = update.Actor;
        if (update.IsPrivate)
        {
            var person = await update.Db.People.FindAsync([actor.UserId], cancellationToken);
            if (person is not null)
            {
                person.Language = language;
            }

            update.Audit("language.person", $"{actor.UserId} {language}");
            menus.RefreshPerson(actor.UserId); // the menu is written in the chosen language
            return Catalogue.Format(language, "Language.SetPerson", Languages.NativeName(language));
        }

        if (actor.ChatDelegationCode is not { } code)
        {
            return update.Text("Access.UnlinkedGroup");
        }

        // The button's gate asks the same rule; a typed /language reaches here with any role.
        if (Rules.LanguageHere(actor) is { IsRefused: true, Reason: { } reason })
        {
            return Reasons.Sentence(update.Language, reason);
        }

        var group = await update.Db.DelegationGroups.SingleAsync(g => g.ChatId == update.ChatId, cancellationToken);
        group.Language = language;
        update.Audit("language.group", $"{code} {language} by {actor.UserId}");
        menus.RefreshGroup(update.ChatId);
        return Catalogue.Format(language, "Language.SetGroup", Languages.NativeName(language));
    }
}
