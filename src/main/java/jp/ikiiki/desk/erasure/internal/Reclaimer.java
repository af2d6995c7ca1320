package jp.ikiiki.desk.erasure.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import jp.ikiiki.desk.erasure.ErasureCertificate.TableHash;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The erasure's work on the schema owner's connection (the one Flyway migrates with): the application's role may
 * delete rows but may neither rewrite tables nor touch the server's files. Reclaiming makes deleted rows unreadable
 * on disk: VACUUM FULL rewrites every table and index into new files (the old ones are unlinked), the planner's
 * statistics (which keep sample values of columns) are cleared and rebuilt, and the write-ahead log that still holds
 * the inserted rows is cycled out: with segment recycling switched off, a checkpoint and a WAL switch as many times
 * as there are segments, so that every old segment is removed and none is reused with old contents. The statistics
 * and the WAL steps need a superuser (the embedded server's owner is one); without one they are skipped and the
 * certificate says so.
 */
@Component
class Reclaimer {

	private static final Logger log = LoggerFactory.getLogger(Reclaimer.class);

	/** What reclaiming did. */
	record Outcome(boolean vacuumed, boolean statisticsCleared, int walSegmentsCycled, boolean superuser) {
	}

	private final ObjectProvider<Flyway> flyway;
	private final DataSource application;

	Reclaimer(ObjectProvider<Flyway> flyway, DataSource application) {
		this.flyway = flyway;
		this.application = application;
	}

	/** The schema owner's data source (Flyway's), or the application's when Flyway is not configured separately. */
	DataSource owner() {
		Flyway f = flyway.getIfAvailable();
		return f == null ? application : f.getConfiguration().getDataSource();
	}

	Outcome reclaim() {
		var step = new String[] {"connect"};
		try (Connection c = owner().getConnection(); Statement st = c.createStatement()) {
			c.setAutoCommit(true);
			java.util.function.Consumer<String> s = sql -> {
				step[0] = sql;
				try {
					st.execute(sql);
				} catch (SQLException e) {
					throw new StepFailed(sql, e);
				}
			};
			boolean superuser = bool(st, "select rolsuper from pg_roles where rolname = current_user");
			boolean statistics = false;
			if (superuser) {
				s.accept("delete from pg_statistic where starelid in (select oid from pg_class"
						+ " where relnamespace = 'public'::regnamespace)");
				statistics = true;
			}
			// Every table of the application's schema and the catalogs that hold values of rows (a superuser only).
			for (String table : tables(st)) {
				s.accept("vacuum (full, analyze) public.\"" + table.replace("\"", "\"\"") + "\"");
			}
			if (superuser) {
				s.accept("vacuum full pg_catalog.pg_statistic");
			}
			int cycled = 0;
			if (superuser) {
				s.accept("alter system set wal_recycle = off");
				s.accept("select pg_reload_conf()");
				int segments = count(st, "select count(*) from pg_ls_waldir() where name ~ '^[0-9A-F]{24}$'");
				for (int i = 0; i < segments + 2; i++) {
					s.accept("checkpoint");
					s.accept("select pg_switch_wal()");
					cycled++;
				}
				s.accept("checkpoint");
				s.accept("alter system reset wal_recycle");
				s.accept("select pg_reload_conf()");
			} else {
				log.warn("Erasure: the schema owner is not a superuser; planner statistics and WAL were not cycled");
			}
			return new Outcome(true, statistics, cycled, superuser);
		} catch (StepFailed e) {
			// These statements carry no data values, so the server's message (a file, a setting) is safe to keep.
			throw new IllegalStateException("reclaiming the storage failed at \"" + e.sql + "\" (SQL state "
					+ e.cause.getSQLState() + ": " + e.cause.getMessage() + ")");
		} catch (SQLException e) {
			throw new IllegalStateException("reclaiming the storage failed at \"" + step[0] + "\" (SQL state "
					+ e.getSQLState() + ")");
		}
	}

	private static final class StepFailed extends RuntimeException {
		final String sql;
		final SQLException cause;

		StepFailed(String sql, SQLException cause) {
			super(null, null, false, false);
			this.sql = sql;
			this.cause = cause;
		}
	}

	private static List<String> tables(Statement s) throws SQLException {
		var tables = new ArrayList<String>();
		try (ResultSet rs = s.executeQuery("select tablename from pg_tables where schemaname = 'public' order by tablename")) {
			while (rs.next()) {
				tables.add(rs.getString(1));
			}
		}
		return tables;
	}

	/** SHA-256 of each table of the application's schema (rows as text, sorted, one per line). */
	List<TableHash> hashes() {
		var out = new ArrayList<TableHash>();
		try (Connection c = owner().getConnection()) {
			c.setAutoCommit(false);
			c.setReadOnly(true);
			var tables = new ArrayList<String>();
			try (Statement s = c.createStatement();
					ResultSet rs = s.executeQuery("select tablename from pg_tables where schemaname = 'public' order by tablename")) {
				while (rs.next()) {
					tables.add(rs.getString(1));
				}
			}
			for (String table : tables) {
				MessageDigest sha = sha256();
				long rows = 0;
				try (Statement s = c.createStatement()) {
					s.setFetchSize(1000);
					try (ResultSet rs = s.executeQuery("select t::text from public.\"" + table.replace("\"", "\"\"")
							+ "\" t order by 1")) {
						while (rs.next()) {
							sha.update(rs.getString(1).getBytes(StandardCharsets.UTF_8));
							sha.update((byte) '\n');
							rows++;
						}
					}
				}
				out.add(new TableHash(table, rows, HexFormat.of().formatHex(sha.digest())));
			}
			c.rollback();
		} catch (SQLException e) {
			throw new IllegalStateException("hashing the final state failed (SQL state " + e.getSQLState() + ")");
		}
		return out;
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static boolean bool(Statement s, String sql) throws SQLException {
		try (ResultSet rs = s.executeQuery(sql)) {
			return rs.next() && rs.getBoolean(1);
		}
	}

	private static int count(Statement s, String sql) throws SQLException {
		try (ResultSet rs = s.executeQuery(sql)) {
			return rs.next() ? rs.getInt(1) : 0;
		}
	}
}
