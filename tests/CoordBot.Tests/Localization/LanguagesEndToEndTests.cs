using CoordBot.Domain.Membership;
using CoordBot.Features.Delegations;
using CoordBot.Localization;
using CoordBot.Persistence;
using CoordBot.Telegram.Routing;
using CoordBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoordBot.Tests.Localization;

/// <summary>Through the emulator: each reader gets their own language, a group its group's, and English stays as it was.</summary>
public sealed class LanguagesEndToEndTests
{
    private const long French = 4101;
    private const long Arabic = 4102;
    private const long EstoniaHead = 4103;
    private const long EstoniaAdviser = 4104;
    private const long EstoniaGroup = -100_4101;

    [Fact]
    public async Task A_French_and_an_Arabic_reader_get_their_language_a_group_its_own_and_English_readers_English()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.SeedMemberAsync(EstoniaHead, "EST", DelegationRole.Head);
        await bot.SeedMemberAsync(EstoniaAdviser, "EST", DelegationRole.Adviser);
        await bot.LinkGroupAsync("EST", EstoniaGroup);

        // French, typed.
        var chosen = await bot.AskAsync(French, "/language fr");
        Assert.Equal("Langue choisie : Français. Je vous écrirai désormais dans cette langue.", chosen.PlainText);
        var welcome = await bot.AskAsync(French, "/start");
        Assert.StartsWith("Bienvenue sur CoordBot, User4101.", welcome.PlainText, StringComparison.Ordinal);
        Assert.Contains("Vous n'êtes encore membre d'aucune délégation.", welcome.PlainText, StringComparison.Ordinal);
        Assert.Equal("Je ne connais pas /nope. Envoyez /help pour voir les commandes que vous pouvez utiliser ici.", (await bot.AskAsync(French, "/nope")).PlainText);
        var usage = await bot.AskAsync(French, "/language klingon");
        Assert.Equal("Syntaxe : /language [en|fr|es|ru|zh|ar], par exemple /language fr", usage.PlainText);
        var help = await bot.AskAsync(French, "/help delegation");
        Assert.Contains("/language [en|fr|es|ru|zh|ar] — Choisir votre langue", help.PlainText, StringComparison.Ordinal);
        // A member-only command refused in French, with the domain's reason worded in French.
        Assert.StartsWith("Ceci est réservé aux membres des délégations du Conseil.", (await bot.AskAsync(French, "/delegations")).PlainText, StringComparison.Ordinal);

        // Arabic, by the button.
        var question = await bot.AskAsync(Arabic, "/language");
        Assert.Equal(["English", "Français", "Español", "Русский", "中文", "العربية"], question.Buttons.Select(b => b.Text));
        var last = bot.Emulator.MessagesIn(Arabic).Max(m => m.MessageId);
        bot.Emulator.PressButton(Arabic, Arabic, question.MessageId, "lang:ar");
        var set = await bot.ReplyAsync(Arabic, m => m.MessageId > last);
        Assert.Contains("اللغة المختارة", set.PlainText, StringComparison.Ordinal);
        var me = await bot.AskAsync(Arabic, "/me");
        var header = me.PlainText!.Split('\n')[0];
        Assert.StartsWith("\u200F", header, StringComparison.Ordinal);
        Assert.Contains("\u20684102\u2069", header, StringComparison.Ordinal);
        Assert.Contains("الوفد: لا يوجد", me.PlainText, StringComparison.Ordinal);

        // The group's language is set by its head, in the group; the group then reads Spanish, a private chat stays English.
        var groupSet = await bot.AskAsync(EstoniaHead, "/language es", EstoniaGroup);
        Assert.Equal("Idioma del grupo: Español. A partir de ahora escribiré a este grupo en este idioma.", groupSet.PlainText);
        Assert.Equal("Solo el jefe o el adjunto de la delegación puede elegir el idioma de este grupo.", (await bot.AskAsync(EstoniaAdviser, "/language fr", EstoniaGroup)).PlainText);
        var inGroup = await bot.AskAsync(EstoniaAdviser, "/delegation", EstoniaGroup);
        Assert.StartsWith("Estonia (EST), miembro electo", inGroup.PlainText, StringComparison.Ordinal);
        Assert.Contains("jefe de delegación: User4103", inGroup.PlainText, StringComparison.Ordinal);
        var inPrivate = await bot.AskAsync(EstoniaAdviser, "/delegation");
        Assert.StartsWith("Estonia (EST), elected member", inPrivate.PlainText, StringComparison.Ordinal);

        // Role words are accepted in the reader's language; the invitation is worded in it, member names too.
        await bot.AskAsync(BotHarness.OperatorId, "/language ru");
        var invitation = await bot.AskAsync(BotHarness.OperatorId, "/invite RUS глава");
        Assert.StartsWith("Приглашение на роль «глава делегации» в делегации Российская Федерация", invitation.PlainText, StringComparison.Ordinal);

        // English readers read exactly what they always did.
        var english = await bot.AskAsync(5001, "/start");
        Assert.StartsWith("Welcome to CoordBot, User5001.\nI coordinate the delegations of the United Nations Security Council (2020): sessions, agendas, draft texts and votes.", english.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Telegrams_language_code_decides_until_the_person_chooses_and_the_menu_is_published_per_language()
    {
        await using var bot = await BotHarness.StartAsync();
        var resolver = bot.Services.GetRequiredService<IActorResolver>();
        var unitOfWork = bot.Services.GetRequiredService<UnitOfWork>();
        var now = bot.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

        var first = await unitOfWork.RunAsync((db, ct) => resolver.ResolveAsync(new UpdateSender(4200, "Ivan", null, null, "ru-RU"), 4200, db, now, ct), CancellationToken.None);
        Assert.Equal("ru", first.Language);
        var unknown = await unitOfWork.RunAsync((db, ct) => resolver.ResolveAsync(new UpdateSender(4201, "Ana", null, null, "pt-BR"), 4201, db, now, ct), CancellationToken.None);
        Assert.Equal("en", unknown.Language);

        // The menu: English by default, and one list per other official language, from the same declarations.
        await bot.MenusPublishedAsync();
        var english = bot.Emulator.CommandsFor("all_private_chats");
        Assert.Contains(english, c => c.Command == "language" && c.Description == "Choose your language (or, in a group, the group's)");
        foreach (var language in Languages.All.Where(l => l != Languages.English))
        {
            var menu = bot.Emulator.CommandsFor("all_private_chats", languageCode: language);
            Assert.Equal(english.Select(c => c.Command), menu.Select(c => c.Command));
            Assert.Equal(Catalogue.Text(language, "Command.language"), menu.Single(c => c.Command == "language").Description);
        }
    }

    [Fact]
    public async Task Every_command_is_described_in_every_language_and_the_English_description_is_its_declaration()
    {
        await using var bot = await BotHarness.StartAsync();
        var commands = bot.Services.GetRequiredService<UpdateRouter>().Commands.Select(c => c.Info).ToList();

        var missing = commands.Where(i => !Catalogue.Entries(Languages.English).ContainsKey("Command." + i.Name)).Select(i => $"{i.Name}|{i.Description}").ToArray();
        Assert.True(missing.Length == 0, "Not in the catalogue:\n" + string.Join("\n", missing));
        Assert.All(commands, i => Assert.Equal(i.Description, Catalogue.Text(Languages.English, "Command." + i.Name)));
    }

    [Fact]
    public async Task A_message_for_delegations_is_written_in_each_recipients_language()
    {
        const long FranceHead = 4301;
        const long EstoniaHeadHere = 4302;
        const long EstoniaGroupHere = -100_4301;
        await using var bot = await BotHarness.StartAsync();
        await bot.SeedMemberAsync(FranceHead, "FRA", DelegationRole.Head);
        await bot.AskAsync(FranceHead, "/language ru");
        await bot.SeedMemberAsync(EstoniaHeadHere, "EST", DelegationRole.Head);
        await bot.LinkGroupAsync("EST", EstoniaGroupHere);
        await bot.AskAsync(EstoniaHeadHere, "/language ar", EstoniaGroupHere);
        await bot.SeedMemberAsync(4303, "DEU", DelegationRole.Head);

        var messenger = bot.Services.GetRequiredService<DelegationMessenger>();
        var now = bot.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var sent = await bot.Services.GetRequiredService<UnitOfWork>().RunAsync(
            (db, ct) => messenger.SendInLanguagesAsync(db, new CoordBot.Telegram.Delivery.Outbox(db, now), ["FRA", "EST", "DEU"], (code, language) => Catalogue.Text(language, "Delegation.NoGroup") + " " + code, ct),
            CancellationToken.None);

        Assert.Equal(3, sent);
        Assert.Equal("Группа не привязана. FRA", (await bot.ReplyAsync(FranceHead, m => m.PlainText!.EndsWith("FRA", StringComparison.Ordinal))).PlainText);
        Assert.Equal("لا توجد مجموعة مرتبطة. EST", (await bot.ReplyAsync(EstoniaGroupHere, m => m.PlainText!.EndsWith("EST", StringComparison.Ordinal))).PlainText);
        // A member who never chose reads English.
        Assert.Equal("No group linked. DEU", (await bot.ReplyAsync(4303, m => m.PlainText!.EndsWith("DEU", StringComparison.Ordinal))).PlainText);
    }
}
