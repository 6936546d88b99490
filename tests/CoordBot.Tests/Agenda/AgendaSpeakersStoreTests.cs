using CoordBot.Domain.Agenda;
using CoordBot.Features.Agenda;
using CoordBot.Tests.Support;

namespace CoordBot.Tests.Agenda;

/// <summary>The speakers list as rows: the domain list's changes map onto inserts, updates and deletes in order.</summary>
public sealed class AgendaSpeakersStoreTests
{
    [Fact]
    public void Inscribing_appends_after_the_highest_sequence_and_keeps_existing_rows()
    {
        using var db = TestContexts.Db();
        var rows = new List<AgendaSpeaker>
        {
            new() { AgendaItemId = 1, DelegationCode = "EST", Sequence = 4, State = SpeakerState.Spoken },
            new() { AgendaItemId = 1, DelegationCode = "FRA", Sequence = 7, State = SpeakerState.Speaking },
        };
        var list = AgendaAccess.ListOf(rows, c => c).Inscribe("BEL").Value!.CallNext().Value!;

        AgendaAccess.Save(db, 1, rows, list, TestContexts.Now);

        Assert.Equal(SpeakerState.Spoken, rows[1].State);
        var added = Assert.Single(db.ChangeTracker.Entries<AgendaSpeaker>().Select(e => e.Entity));
        Assert.Equal(("BEL", 8, SpeakerState.Speaking), (added.DelegationCode, added.Sequence, added.State));
    }

    [Fact]
    public void The_list_is_read_in_order_of_inscription_whatever_the_row_order()
    {
        var rows = new List<AgendaSpeaker>
        {
            new() { DelegationCode = "FRA", Sequence = 2, State = SpeakerState.Waiting },
            new() { DelegationCode = "EST", Sequence = 1, State = SpeakerState.Waiting },
        };

        Assert.Equal(["EST", "FRA"], AgendaAccess.ListOf(rows, c => c).Waiting);
    }
}
