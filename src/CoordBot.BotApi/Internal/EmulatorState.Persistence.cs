using System.Text.Json.Nodes;

namespace CoordBot.BotApi.Internal;

/// <summary>Saving and restoring the whole state, and waiting for it to change (the state file and the page's live updates).</summary>
internal sealed partial class EmulatorState
{
    /// <summary>Counts every change; the page and the state file writer compare it with what they last saw.</summary>
    public long ChangeVersion
    {
        get
        {
            lock (gate)
            {
                return changeVersion;
            }
        }
    }

    /// <summary>Ends when the emulator shuts down, so long-lived page connections let the server stop.</summary>
    public CancellationToken ShutdownToken => shutdown.Token;

    /// <summary>Completes when the state has moved past <paramref name="seenVersion"/>; returns the new version.</summary>
    public async Task<long> WaitForChangeAsync(long seenVersion, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (gate)
            {
                if (changeVersion != seenVersion)
                {
                    return changeVersion;
                }

                changed = stateChanged.Task;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }

    public EmulatorSnapshot Snapshot()
    {
        lock (gate)
        {
            return new EmulatorSnapshot
            {
                NextUpdateId = nextUpdateId,
                NextFileNumber = nextFileNumber,
                NextCallbackNumber = nextCallbackNumber,
                ChangeVersion = changeVersion,
                Users = [.. users.Values.Select(u => new EmulatorSnapshot.UserRecord(u.Id, u.FirstName, u.Username, u.LastName))],
                Files = [.. filesById.Values.Select(f => new EmulatorSnapshot.FileRecord(f.FileId, f.FileUniqueId, f.FileName, f.MimeType, f.Content, f.FilePath))],
                PendingUpdates = [.. pendingUpdates.Select(u => (JsonObject)u.DeepClone())],
                Commands = commands.ToDictionary(c => c.Key, c => c.Value.ToList()),
                CallbackQueries = callbackQueries.ToDictionary(q => q.Key, q => new[] { q.Value.ChatId, q.Value.MessageId }),
                Chats = [.. chats.Values.Select(c => new EmulatorSnapshot.ChatRecord
                {
                    Id = c.Id,
                    Title = c.Title,
                    NextMessageId = c.NextMessageId,
                    Version = c.Version,
                    MemberStatus = new Dictionary<long, string>(c.MemberStatus),
                    Log = [.. c.Log],
                    Messages = [.. c.BotMessages.Select(m => new EmulatorSnapshot.MessageRecord
                    {
                        MessageId = m.MessageId,
                        Seq = m.Seq,
                        Date = m.Date,
                        EditDate = m.EditDate,
                        Text = m.Text,
                        PlainText = m.PlainText,
                        ParseMode = m.ParseMode,
                        Entities = (JsonArray?)m.Entities?.DeepClone(),
                        ReplyMarkup = (JsonObject?)m.ReplyMarkup?.DeepClone(),
                        DocumentFileId = m.Document?.FileId,
                        Caption = m.Caption,
                        PlainCaption = m.PlainCaption,
                        CaptionEntities = (JsonArray?)m.CaptionEntities?.DeepClone(),
                        Deleted = m.Deleted,
                        EditCount = m.EditCount,
                        ReplyToMessageId = m.ReplyToMessageId,
                    })],
                    Events = [.. c.UserEvents.Select(e => new EmulatorSnapshot.EventRecord(e.Seq, e.Kind, e.FromUserId, e.Date, e.MessageId, e.Text, e.Document?.FileId, e.ReplyToMessageId))],
                })],
            };
        }
    }

    /// <summary>Replaces the state with a saved one (at start, before the bot connects).</summary>
    public void Restore(EmulatorSnapshot snapshot)
    {
        if (snapshot.Format != EmulatorSnapshot.CurrentFormat)
        {
            throw new InvalidDataException($"The emulator state file has format {snapshot.Format}; this emulator reads format {EmulatorSnapshot.CurrentFormat}.");
        }

        lock (gate)
        {
            users.Clear();
            chats.Clear();
            filesById.Clear();
            filesByPath.Clear();
            pendingUpdates.Clear();
            commands.Clear();
            callbackQueries.Clear();
            foreach (var u in snapshot.Users)
            {
                users[u.Id] = new StoredUser(u.Id, u.FirstName, u.Username, u.LastName);
            }

            foreach (var f in snapshot.Files)
            {
                var file = new StoredFile(f.FileId, f.FileUniqueId, f.FileName, f.MimeType, f.Content, f.FilePath);
                filesById[file.FileId] = file;
                filesByPath[file.FilePath] = file;
            }

            foreach (var c in snapshot.Chats)
            {
                var chat = new StoredChat(c.Id, c.Title) { NextMessageId = c.NextMessageId, Version = c.Version };
                foreach (var (user, status) in c.MemberStatus)
                {
                    chat.MemberStatus[user] = status;
                }

                chat.Log.AddRange(c.Log);
                chat.BotMessages.AddRange(c.Messages.Select(m => new StoredMessage(c.Id, m.MessageId, m.Date)
                {
                    Seq = m.Seq,
                    EditDate = m.EditDate,
                    Text = m.Text,
                    PlainText = m.PlainText,
                    ParseMode = m.ParseMode,
                    Entities = m.Entities,
                    ReplyMarkup = m.ReplyMarkup,
                    Document = m.DocumentFileId is null ? null : filesById.GetValueOrDefault(m.DocumentFileId),
                    Caption = m.Caption,
                    PlainCaption = m.PlainCaption,
                    CaptionEntities = m.CaptionEntities,
                    Deleted = m.Deleted,
                    EditCount = m.EditCount,
                    ReplyToMessageId = m.ReplyToMessageId,
                }));
                chat.UserEvents.AddRange(c.Events.Select(e => new StoredUserEvent(
                    e.Seq, e.Kind, e.FromUserId, e.Date, e.MessageId, e.Text, e.DocumentFileId is null ? null : filesById.GetValueOrDefault(e.DocumentFileId), e.ReplyToMessageId)));
                chats[chat.Id] = chat;
            }

            pendingUpdates.AddRange(snapshot.PendingUpdates);
            foreach (var (key, list) in snapshot.Commands)
            {
                commands[key] = list;
            }

            foreach (var (id, origin) in snapshot.CallbackQueries)
            {
                callbackQueries[id] = (origin[0], origin[1]);
            }

            // Never hand out an update id again: the bot remembers the ones it handled and would skip a repeat.
            nextUpdateId = Math.Max(nextUpdateId, snapshot.NextUpdateId);
            nextFileNumber = Math.Max(nextFileNumber, snapshot.NextFileNumber);
            nextCallbackNumber = Math.Max(nextCallbackNumber, snapshot.NextCallbackNumber);
            changeVersion = Math.Max(changeVersion, snapshot.ChangeVersion);
            Signal(ref stateChanged);
            MessagesChanged();
        }
    }
}
