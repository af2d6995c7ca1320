package jp.ikiiki.desk.erasure.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.ikiiki.desk.erasure.ErasureCertificate;
import jp.ikiiki.desk.erasure.ErasureCertificate.KindCount;
import jp.ikiiki.desk.erasure.ErasureCertificate.Kept;
import jp.ikiiki.desk.erasure.ErasureCertificate.TableHash;
import jp.ikiiki.desk.erasure.ErasureState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code erasure_run}: requests, runs and the certificates' data (no personal data). */
@Repository
class ErasureRuns {

	private static final String COLUMNS = "id, state, reason, requested_by, requested_at, expires_at, confirmed_by,"
			+ " confirmed_at, started_at, finished_at, attempts, before_counts::text as before_counts,"
			+ " after_counts::text as after_counts, kept::text as kept, final_hashes::text as final_hashes, method";

	private final JdbcClient jdbc;
	private final ObjectMapper json;

	ErasureRuns(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** A stored erasure with its expiry. */
	record Run(ErasureCertificate certificate, Instant expiresAt) {
	}

	long insert(String reason, String requestedBy, Instant at, Instant expiresAt) {
		return jdbc.sql("""
				insert into erasure_run (state, reason, requested_by, requested_at, expires_at)
				values ('REQUESTED', :reason, :by, :at, :expires) returning id""")
				.param("reason", reason).param("by", requestedBy).param("at", Timestamp.from(at))
				.param("expires", Timestamp.from(expiresAt)).query(Long.class).single();
	}

	Optional<Run> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from erasure_run where id = :id").param("id", id).query(this::run).optional();
	}

	Optional<Run> lockForUpdate(long id) {
		return jdbc.sql("select " + COLUMNS + " from erasure_run where id = :id for update").param("id", id)
				.query(this::run).optional();
	}

	List<Run> list() {
		return jdbc.sql("select " + COLUMNS + " from erasure_run order by id desc").query(this::run).list();
	}

	/** Erasures waiting for confirmation (not expired) or running. */
	List<Run> open(Instant now) {
		return jdbc.sql("select " + COLUMNS + " from erasure_run where state = 'RUNNING'"
				+ " or (state = 'REQUESTED' and expires_at > :now) order by id").param("now", Timestamp.from(now))
				.query(this::run).list();
	}

	/** Serialises requests for the length of the caller's transaction. */
	void lockRequests() {
		jdbc.sql("select 1 from (select pg_advisory_xact_lock(:key)) l").param("key", ErasureService.LOCK + 1).query(Integer.class).single();
	}

	void withdraw(long id) {
		jdbc.sql("update erasure_run set state = 'WITHDRAWN' where id = :id and state = 'REQUESTED'").param("id", id).update();
	}

	/** Marks the run started (again): keeps the first start and the counts measured before the first attempt. */
	void start(long id, String confirmedBy, Instant at, List<KindCount> before) {
		jdbc.sql("""
				update erasure_run set state = 'RUNNING', attempts = attempts + 1,
				       confirmed_by = coalesce(confirmed_by, :by), confirmed_at = coalesce(confirmed_at, :at),
				       started_at = coalesce(started_at, :at),
				       before_counts = coalesce(before_counts, cast(:before as jsonb))
				 where id = :id""")
				.param("id", id).param("by", confirmedBy).param("at", Timestamp.from(at)).param("before", write(before))
				.update();
	}

	void finish(long id, Instant at, List<KindCount> after, List<Kept> kept, List<TableHash> hashes, String method) {
		jdbc.sql("""
				update erasure_run set state = 'DONE', finished_at = :at, after_counts = cast(:after as jsonb),
				       kept = cast(:kept as jsonb), final_hashes = cast(:hashes as jsonb), method = :method
				 where id = :id""")
				.param("id", id).param("at", Timestamp.from(at)).param("after", write(after)).param("kept", write(kept))
				.param("hashes", write(hashes)).param("method", method).update();
	}

	private String write(Object value) {
		try {
			return json.writeValueAsString(value);
		} catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	private <T> T read(String text, TypeReference<T> type, T none) {
		if (text == null) {
			return none;
		}
		try {
			return json.readValue(text, type);
		} catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	private Run run(ResultSet rs, int n) throws SQLException {
		List<KindCount> before = read(rs.getString("before_counts"), new TypeReference<List<KindCount>>() {
		}, List.of());
		List<KindCount> after = read(rs.getString("after_counts"), new TypeReference<List<KindCount>>() {
		}, null);
		List<KindCount> kinds = before;
		if (after != null) {
			var byKey = new java.util.HashMap<String, Long>();
			after.forEach(k -> byKey.put(k.key(), k.before()));
			kinds = before.stream().map(k -> new KindCount(k.module(), k.key(), k.label(), k.place(), k.unit(), k.before(),
					byKey.getOrDefault(k.key(), 0L))).toList();
		}
		var certificate = new ErasureCertificate(rs.getLong("id"), false, ErasureState.valueOf(rs.getString("state")),
				rs.getString("reason"), rs.getString("requested_by"), instant(rs, "requested_at"), rs.getString("confirmed_by"),
				instant(rs, "confirmed_at"), instant(rs, "started_at"), instant(rs, "finished_at"), rs.getInt("attempts"),
				kinds, read(rs.getString("kept"), new TypeReference<List<Kept>>() {
				}, List.of()), read(rs.getString("final_hashes"), new TypeReference<List<TableHash>>() {
				}, List.of()), rs.getString("method"));
		return new Run(certificate, instant(rs, "expires_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
