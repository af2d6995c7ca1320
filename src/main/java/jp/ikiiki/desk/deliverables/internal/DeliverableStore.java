package jp.ikiiki.desk.deliverables.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.ikiiki.desk.deliverables.DeliverableState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored periods, files and downloads. Files are inserted, never updated (the database refuses it). */
@Repository
class DeliverableStore {

	/** A stored period. */
	record Row(long id, String kind, String period, LocalDate due, DeliverableState state, UUID fileId,
			String generatedBy, Instant generatedAt, String checkedBy, Instant checkedAt, String checkNote,
			String deliveredBy, Instant deliveredAt, String downloadedBy, Instant downloadedAt) {
	}

	/** A stored file without its bytes. */
	record FileInfo(UUID id, long deliverable, String fileName, String contentType, long size, String sha256,
			Instant snapshotAt, String generatedBy, Instant generatedAt) {
	}

	private static final String COLUMNS = "id, kind, period, due_on, state, file_id, generated_by, generated_at, "
			+ "checked_by, checked_at, check_note, delivered_by, delivered_at, downloaded_by, downloaded_at";

	private final JdbcClient jdbc;

	DeliverableStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Row> dueBetween(LocalDate from, LocalDate to) {
		return jdbc.sql("select " + COLUMNS + " from deliverable where due_on between :from and :to")
				.param("from", from).param("to", to).query(DeliverableStore::row).list();
	}

	/** Stored periods due before the day and not delivered. */
	List<Row> undeliveredBefore(LocalDate day) {
		return jdbc.sql("select " + COLUMNS + " from deliverable where due_on < :day and state not in "
				+ "('DELIVERED','DOWNLOADED') order by due_on, kind, period").param("day", day)
				.query(DeliverableStore::row).list();
	}

	Optional<Row> find(String kind, String period) {
		return jdbc.sql("select " + COLUMNS + " from deliverable where kind = :kind and period = :period")
				.param("kind", kind).param("period", period).query(DeliverableStore::row).optional();
	}

	/** The period's row, locked for the change; created in DUE if it does not exist yet. */
	Row lock(String kind, String period, LocalDate due) {
		jdbc.sql("insert into deliverable (kind, period, due_on, state) values (:kind, :period, :due, 'DUE') "
				+ "on conflict (kind, period) do nothing").param("kind", kind).param("period", period).param("due", due)
				.update();
		return jdbc.sql("select " + COLUMNS + " from deliverable where kind = :kind and period = :period for update")
				.param("kind", kind).param("period", period).query(DeliverableStore::row).single();
	}

	/** Moves a locked period from one of the given states; false if it was in none of them. */
	boolean generated(long id, UUID fileId, String by, Instant at) {
		return jdbc.sql("update deliverable set state = 'GENERATED', file_id = :file, generated_by = :by, "
				+ "generated_at = :at, checked_by = null, checked_at = null, check_note = null where id = :id")
				.param("file", fileId).param("by", by).param("at", Timestamp.from(at)).param("id", id).update() == 1;
	}

	void checked(long id, DeliverableState state, String by, Instant at, String note) {
		jdbc.sql("update deliverable set state = :state, checked_by = :by, checked_at = :at, check_note = :note "
				+ "where id = :id").param("state", state.name()).param("by", by).param("at", Timestamp.from(at))
				.param("note", note).param("id", id).update();
	}

	void delivered(long id, String by, Instant at) {
		jdbc.sql("update deliverable set state = 'DELIVERED', delivered_by = :by, delivered_at = :at where id = :id")
				.param("by", by).param("at", Timestamp.from(at)).param("id", id).update();
	}

	/** Marks the period downloaded if the file is its current one and it is delivered; true if it changed. */
	boolean downloaded(UUID fileId, String by, Instant at) {
		return jdbc.sql("update deliverable set state = 'DOWNLOADED', downloaded_by = :by, downloaded_at = :at "
				+ "where file_id = :file and state = 'DELIVERED'").param("by", by).param("at", Timestamp.from(at))
				.param("file", fileId).update() == 1;
	}

	void insertFile(UUID id, long deliverable, String fileName, String contentType, byte[] content, String sha256,
			Instant snapshotAt, String by, Instant at) {
		jdbc.sql("insert into deliverable_file (id, deliverable, file_name, content_type, size_bytes, sha256, content, "
				+ "snapshot_at, generated_by, generated_at) values (:id, :d, :name, :type, :size, :sha, :content, "
				+ ":snapshot, :by, :at)").param("id", id).param("d", deliverable).param("name", fileName)
				.param("type", contentType).param("size", (long) content.length).param("sha", sha256)
				.param("content", content).param("snapshot", Timestamp.from(snapshotAt)).param("by", by)
				.param("at", Timestamp.from(at)).update();
	}

	Optional<FileInfo> file(UUID id) {
		return jdbc.sql("select id, deliverable, file_name, content_type, size_bytes, sha256, snapshot_at, "
				+ "generated_by, generated_at from deliverable_file where id = :id").param("id", id)
				.query((rs, n) -> new FileInfo(rs.getObject("id", UUID.class), rs.getLong("deliverable"),
						rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"),
						rs.getString("sha256"), instant(rs, "snapshot_at"), rs.getString("generated_by"),
						instant(rs, "generated_at")))
				.optional();
	}

	byte[] content(UUID id) {
		return jdbc.sql("select content from deliverable_file where id = :id").param("id", id)
				.query((rs, n) -> rs.getBytes(1)).single();
	}

	Optional<Row> byId(long id) {
		return jdbc.sql("select " + COLUMNS + " from deliverable where id = :id").param("id", id)
				.query(DeliverableStore::row).optional();
	}

	void recordDownload(UUID fileId, String by, boolean cityStaff, String channel, Instant at) {
		jdbc.sql("insert into deliverable_download (file_id, downloaded_by, city_staff, channel, downloaded_at) "
				+ "values (:file, :by, :city, :channel, :at)").param("file", fileId).param("by", by)
				.param("city", cityStaff).param("channel", channel.length() > 100 ? channel.substring(0, 100) : channel)
				.param("at", Timestamp.from(at)).update();
	}

	/** The database's start of the current transaction: the moment a REPEATABLE READ snapshot was taken. */
	Instant transactionStart() {
		return jdbc.sql("select now()").query((rs, n) -> rs.getTimestamp(1).toInstant()).single();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), rs.getString("kind"), rs.getString("period"),
				rs.getObject("due_on", LocalDate.class), DeliverableState.valueOf(rs.getString("state")),
				rs.getObject("file_id", UUID.class), rs.getString("generated_by"), instant(rs, "generated_at"),
				rs.getString("checked_by"), instant(rs, "checked_at"), rs.getString("check_note"),
				rs.getString("delivered_by"), instant(rs, "delivered_at"), rs.getString("downloaded_by"),
				instant(rs, "downloaded_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
