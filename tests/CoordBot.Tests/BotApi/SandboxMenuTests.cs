using System.Text.Json.Nodes;

namespace CoordBot.Tests.BotApi;

/// <summary>The page's "/" menu: the list Telegram would show that person in that chat, from the scopes the bot set (issue 28).</summary>
public sealed class SandboxMenuTests
{
    [Fact]
    public async Task The_menu_follows_telegrams_scope_order_most_specific_first_and_the_persons_language_before_none()
    {
        await using var kit = await EmulatorKit.StartAsync();
        foreach (var user in new long[] { 42, 43, 44 })
        {
            kit.Emulator.RegisterUser(user, $"User{user}");
        }

        kit.Emulator.RegisterGroup(-1001, "Delegation");
        kit.Emulator.RegisterGroup(-1002, "Other");
        kit.Emulator.SetChatMemberStatus(-1001, 44, "administrator");
        kit.Emulator.SetChatMemberStatus(-1002, 44, "creator");

        await SetAsync(kit, "everyone", new { type = "default" });
        await SetAsync(kit, "tous", new { type = "default" }, "fr");
        await SetAsync(kit, "private", new { type = "all_private_chats" });
        await SetAsync(kit, "groups", new { type = "all_group_chats" });
        await SetAsync(kit, "admins", new { type = "all_chat_administrators" });
        await SetAsync(kit, "head", new { type = "chat", chat_id = 42 });
        await SetAsync(kit, "chef", new { type = "chat", chat_id = 42 }, "fr");
        await SetAsync(kit, "delegation", new { type = "chat", chat_id = -1001 });
        await SetAsync(kit, "delegationadmins", new { type = "chat_administrators", chat_id = -1001 });
        await SetAsync(kit, "mine", new { type = "chat_member", chat_id = -1001, user_id = 42 });

        Assert.Equal(("chat", "head"), await MenuAsync(kit, 42, 42));
        Assert.Equal(("chat", "chef"), await MenuAsync(kit, 42, 42, "fr"));
        Assert.Equal(("all_private_chats", "private"), await MenuAsync(kit, 43, 43, "fr"));
        Assert.Equal(("chat_member", "mine"), await MenuAsync(kit, -1001, 42));
        Assert.Equal(("chat", "delegation"), await MenuAsync(kit, -1001, 43));
        Assert.Equal(("chat_administrators", "delegationadmins"), await MenuAsync(kit, -1001, 44));
        Assert.Equal(("all_chat_administrators", "admins"), await MenuAsync(kit, -1002, 44));
        Assert.Equal(("all_group_chats", "groups"), await MenuAsync(kit, -1002, 43));

        // A list emptied (or deleted) no longer counts: the next scope in the order applies.
        await SetAsync(kit, null, new { type = "chat", chat_id = 42 });
        var (status, _) = await kit.CallAsync("deleteMyCommands", new { scope = new { type = "all_private_chats" } });
        Assert.Equal(200, status);
        Assert.Equal(("chat", "chef"), await MenuAsync(kit, 42, 42, "fr"));
        Assert.Equal(("default", "everyone"), await MenuAsync(kit, 42, 42));
        Assert.Equal(("default", "tous"), await MenuAsync(kit, 43, 43, "fr"));
    }

    private static async Task SetAsync(EmulatorKit kit, string? command, object scope, string? language = null)
    {
        object[] commands = command is null ? [] : [new { command, description = $"the {command} command" }];
        var (status, body) = language is null
            ? await kit.CallAsync("setMyCommands", new { commands, scope })
            : await kit.CallAsync("setMyCommands", new { commands, scope, language_code = language });
        Assert.True(status == 200, body.ToJsonString());
    }

    private static async Task<(string? Scope, string Command)> MenuAsync(EmulatorKit kit, long chatId, long userId, string? language = null)
    {
        var query = language is null ? "" : $"&language_code={language}";
        var menu = JsonNode.Parse(await kit.Http.GetStringAsync($"_emulator/chats/{chatId}/commands?user_id={userId}{query}"))!;
        return (menu["scope"]?.GetValue<string>(), string.Join(",", menu["commands"]!.AsArray().Select(c => c!["command"]!.GetValue<string>())));
    }
}
