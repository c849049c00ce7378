using Microsoft.Data.Sqlite;

namespace LagLab.Pipeline.Buffering;

/// <summary>
/// The local durable buffer (<c>--buffer durable</c>): a SQLite database in WAL mode with <c>synchronous=FULL</c>, so an
/// appended event survives a process crash (and a power loss) the moment <see cref="Append"/> returns; from then on its
/// Kafka offset may be committed. Rows are read back per account in insertion order (a global autoincrement key), which is
/// the order the account's events were consumed. Event ids are unique: appending the same event twice keeps the first.
/// One connection, serialised by a lock: the spool sees a few hundred operations per second at most (the bank's budget).
/// </summary>
internal sealed class DurableSpool : IDisposable
{
    public const string FileName = "spool.db";

    private readonly Lock _lock = new();
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, int> _perAccount = new(StringComparer.Ordinal);
    private readonly SortedDictionary<long, DateTimeOffset> _producedAtBySeq = [];

    private DurableSpool(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens (creating when missing) the spool in <paramref name="directory"/> and loads its index.</summary>
    public static DurableSpool Open(string directory)
    {
        Directory.CreateDirectory(directory);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, FileName),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        connection.Open();
        var spool = new DurableSpool(connection);
        try
        {
            spool.Execute("""
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = FULL;
                CREATE TABLE IF NOT EXISTS spool (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    event_id TEXT NOT NULL UNIQUE,
                    account TEXT NOT NULL,
                    topic TEXT NOT NULL,
                    partition INTEGER NOT NULL,
                    offset INTEGER NOT NULL,
                    produced_at_ms INTEGER NOT NULL,
                    spooled_at_ms INTEGER NOT NULL,
                    body BLOB NOT NULL);
                CREATE INDEX IF NOT EXISTS spool_account ON spool (account, seq);
                CREATE INDEX IF NOT EXISTS spool_partition ON spool (topic, partition);
                """);
            spool.LoadIndex();
        }
        catch
        {
            spool.Dispose();
            throw;
        }
        return spool;
    }

    /// <summary>Events held.</summary>
    public int Depth
    {
        get
        {
            lock (_lock)
            {
                return _producedAtBySeq.Count;
            }
        }
    }

    /// <summary>When the oldest held event was produced; null when the spool is empty.</summary>
    public DateTimeOffset? OldestProducedAt
    {
        get
        {
            lock (_lock)
            {
                return _producedAtBySeq.Count == 0 ? null : _producedAtBySeq.Values.Min();
            }
        }
    }

    /// <summary>Accounts with events held, in no particular order.</summary>
    public IReadOnlyList<string> Accounts
    {
        get
        {
            lock (_lock)
            {
                return [.. _perAccount.Keys];
            }
        }
    }

    public bool HasAccount(string account)
    {
        lock (_lock)
        {
            return _perAccount.ContainsKey(account);
        }
    }

    /// <summary>Appends durably; false when the event id is already held (the earlier copy keeps its place).</summary>
    public bool Append(string eventId, string account, string topic, int partition, long offset, DateTimeOffset producedAt, DateTimeOffset spooledAt, byte[] body)
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = """
                INSERT OR IGNORE INTO spool (event_id, account, topic, partition, offset, produced_at_ms, spooled_at_ms, body)
                VALUES ($id, $account, $topic, $partition, $offset, $produced, $spooled, $body)
                RETURNING seq;
                """;
            command.Parameters.AddWithValue("$id", eventId);
            command.Parameters.AddWithValue("$account", account);
            command.Parameters.AddWithValue("$topic", topic);
            command.Parameters.AddWithValue("$partition", partition);
            command.Parameters.AddWithValue("$offset", offset);
            command.Parameters.AddWithValue("$produced", producedAt.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$spooled", spooledAt.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$body", body);
            if (command.ExecuteScalar() is not long seq)
            {
                return false;
            }
            _perAccount[account] = _perAccount.GetValueOrDefault(account) + 1;
            _producedAtBySeq[seq] = DateTimeOffset.FromUnixTimeMilliseconds(producedAt.ToUnixTimeMilliseconds());
            return true;
        }
    }

    /// <summary>The account's oldest held events, oldest first.</summary>
    public IReadOnlyList<SpoolEntry> Peek(string account, int max)
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT * FROM spool WHERE account = $account ORDER BY seq LIMIT $max;";
            command.Parameters.AddWithValue("$account", account);
            command.Parameters.AddWithValue("$max", max);
            return ReadEntries(command);
        }
    }

    /// <summary>Deletes one applied (or dead-lettered) event.</summary>
    public void Remove(SpoolEntry entry)
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "DELETE FROM spool WHERE seq = $seq;";
            command.Parameters.AddWithValue("$seq", entry.Seq);
            if (command.ExecuteNonQuery() > 0)
            {
                Forget(entry.Seq, entry.Account);
            }
        }
    }

    /// <summary>
    /// Takes every event of one partition out of the spool (oldest first), for handing the partition back to Kafka on
    /// revoke: the caller commits the lowest returned offset so the next owner reads them again, in order.
    /// </summary>
    public IReadOnlyList<SpoolEntry> RemovePartition(string topic, int partition)
    {
        lock (_lock)
        {
            using var select = _connection.CreateCommand();
            select.CommandText = "SELECT * FROM spool WHERE topic = $topic AND partition = $partition ORDER BY seq;";
            select.Parameters.AddWithValue("$topic", topic);
            select.Parameters.AddWithValue("$partition", partition);
            var entries = ReadEntries(select);
            if (entries.Count == 0)
            {
                return entries;
            }
            using var delete = _connection.CreateCommand();
            delete.CommandText = "DELETE FROM spool WHERE topic = $topic AND partition = $partition;";
            delete.Parameters.AddWithValue("$topic", topic);
            delete.Parameters.AddWithValue("$partition", partition);
            delete.ExecuteNonQuery();
            foreach (var entry in entries)
            {
                Forget(entry.Seq, entry.Account);
            }
            return entries;
        }
    }

    public void Dispose()
    {
        _connection.Dispose();
    }

    private void Forget(long seq, string account)
    {
        _producedAtBySeq.Remove(seq);
        var left = _perAccount.GetValueOrDefault(account) - 1;
        if (left > 0)
        {
            _perAccount[account] = left;
        }
        else
        {
            _perAccount.Remove(account);
        }
    }

    private void LoadIndex()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT seq, account, produced_at_ms FROM spool;";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var account = reader.GetString(1);
            _perAccount[account] = _perAccount.GetValueOrDefault(account) + 1;
            _producedAtBySeq[reader.GetInt64(0)] = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2));
        }
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<SpoolEntry> ReadEntries(SqliteCommand command)
    {
        var entries = new List<SpoolEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            entries.Add(new SpoolEntry(
                Seq: reader.GetInt64(reader.GetOrdinal("seq")),
                EventId: reader.GetString(reader.GetOrdinal("event_id")),
                Account: reader.GetString(reader.GetOrdinal("account")),
                Topic: reader.GetString(reader.GetOrdinal("topic")),
                Partition: reader.GetInt32(reader.GetOrdinal("partition")),
                Offset: reader.GetInt64(reader.GetOrdinal("offset")),
                ProducedAt: DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(reader.GetOrdinal("produced_at_ms"))),
                SpooledAt: DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(reader.GetOrdinal("spooled_at_ms"))),
                Body: (byte[])reader["body"]));
        }
        return entries;
    }
}
