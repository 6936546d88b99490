using System.Text.Json;

namespace CoordBot.BotApi.Internal;

/// <summary>
/// Keeps the emulator's state in a JSON file: loaded once at start, rewritten (whole, through a temporary
/// file and a rename, so a crash leaves the old or the new file, never half of one) after every change.
/// Changes made while a write is running are coalesced into the next write.
/// </summary>
internal sealed class StateFile(string path, EmulatorState state, Action<string>? warn)
{
    private static readonly JsonSerializerOptions Json = new(ApiResult.Json) { WriteIndented = false };
    private long _savedVersion = -1;
    private Task? _loop;

    public void Load()
    {
        if (!File.Exists(path))
        {
            return;
        }

        try
        {
            using var stream = File.OpenRead(path);
            if (JsonSerializer.Deserialize<EmulatorSnapshot>(stream, Json) is { } snapshot)
            {
                state.Restore(snapshot);
            }
        }
        catch (Exception ex) when (ex is JsonException or IOException or InvalidDataException or UnauthorizedAccessException)
        {
            // A damaged file must not stop the sandbox; keep it aside so nothing is overwritten unseen.
            var aside = path + ".unreadable";
            warn?.Invoke($"The emulator state file {path} cannot be read ({ex.Message}); starting empty and keeping it as {aside}.");
            File.Move(path, aside, overwrite: true);
        }

        _savedVersion = state.ChangeVersion;
    }

    public void Start() => _loop = Task.Run(RunAsync);

    /// <summary>Waits for the loop to end (the emulator has shut down) and writes whatever it had not written yet.</summary>
    public async Task FlushAsync()
    {
        if (_loop is not null)
        {
            await _loop;
        }

        if (state.ChangeVersion != _savedVersion)
        {
            await SaveAsync(CancellationToken.None);
        }
    }

    private async Task RunAsync()
    {
        try
        {
            while (true)
            {
                await state.WaitForChangeAsync(_savedVersion, state.ShutdownToken);
                await SaveAsync(state.ShutdownToken);
            }
        }
        catch (OperationCanceledException) when (state.ShutdownToken.IsCancellationRequested)
        {
            // Shutting down: FlushAsync writes the last changes.
        }
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        var snapshot = state.Snapshot();
        var temporary = path + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await using (var stream = File.Create(temporary))
            {
                await JsonSerializer.SerializeAsync(stream, snapshot, Json, cancellationToken);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            warn?.Invoke($"The emulator state file {path} cannot be written ({ex.Message}); the next change tries again.");
        }

        _savedVersion = snapshot.ChangeVersion;
    }
}
