package jp.ikiiki.desk.keying;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A {@link KeyingStore} over tables: the part that is the same for every document kind — the pass holders on the
 * document's row, the keyed values and the decisions — is written here once; a kind's store extends it with its
 * fields, its document, its stages and what verifying writes. Every kind keeps them in tables of one shape, named after the kind:
 * <ul>
 * <li>the document table has {@code entry_by}, {@code entry_touched_at}, {@code verify_by}, {@code verify_touched_at};
 * <li>the key table has {@code (<document column>, pass, field, value, first_value, status, keyed_by, keyed_at)} with
 * {@code (<document column>, pass, field)} unique;
 * <li>the decision table has {@code (<document column>, field, entry_value, verify_value, decided_value, decided_by,
 * decided_at, note)}.
 * </ul>
 * A field is stored as its enum ordinal (the keying order), a value as the column type of {@code V} (text or integer).
 * The table names are constants of the subclass (checked to be plain names). Every method runs in the caller's
 * transaction.
 *
 * @param <D> the document as its module describes it
 * @param <F> the kind's field enum
 * @param <V> a value: {@link String} or {@link Integer}
 */
public abstract class TableKeyingStore<D, F extends Enum<F>, V> implements KeyingStore<D, F, V> {

	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

	private final JdbcClient jdbc;
	private final String documents;
	private final String keys;
	private final String decisions;
	private final String document;
	private final Class<F> fieldType;
	private final Class<V> valueType;
	private final F[] fields;

	/**
	 * @param documents      the document table (e.g. {@code booklet})
	 * @param keys           its key table (e.g. {@code booklet_key})
	 * @param decisions      its decision table (e.g. {@code booklet_decision})
	 * @param documentColumn the column of the key and decision tables naming the document (e.g. {@code booklet_id})
	 */
	protected TableKeyingStore(JdbcClient jdbc, String documents, String keys, String decisions, String documentColumn,
			Class<F> fieldType, Class<V> valueType) {
		for (String name : List.of(documents, keys, decisions, documentColumn)) {
			if (!NAME.matcher(name).matches()) {
				throw new IllegalArgumentException("not a plain table or column name: " + name);
			}
		}
		if (valueType != String.class && valueType != Integer.class) {
			throw new IllegalArgumentException("values are text or integers, not " + valueType.getName());
		}
		this.jdbc = jdbc;
		this.documents = documents;
		this.keys = keys;
		this.decisions = decisions;
		this.document = documentColumn;
		this.fieldType = fieldType;
		this.valueType = valueType;
		this.fields = fieldType.getEnumConstants();
	}

	@Override
	public final void hold(long id, Pass pass, String user, Instant at) {
		String column = pass == Pass.ENTRY ? "entry" : "verify";
		jdbc.sql("update " + documents + " set " + column + "_by = :me, " + column + "_touched_at = :now where id = :id")
				.param("me", user).param("now", at(at)).param("id", id).update();
	}

	@Override
	public final boolean keyedBy(long id, Pass pass, String user) {
		return jdbc.sql("select exists (select 1 from " + keys + " where " + document + " = :id and keyed_by = :u"
				+ (pass == null ? "" : " and pass = :pass") + ")")
				.param("id", id).param("u", user).param("pass", pass == null ? "" : pass.name())
				.query(Boolean.class).single();
	}

	@Override
	public final Map<F, Keyed<V>> keyed(long id, Pass pass) {
		var keyed = new EnumMap<F, Keyed<V>>(fieldType);
		jdbc.sql("select field, value, first_value, status, keyed_by, keyed_at from " + keys + " where " + document
				+ " = :id and pass = :pass")
				.param("id", id).param("pass", pass.name())
				.query((RowCallbackHandler) rs -> keyed.put(fields[rs.getInt("field")], keyedOf(rs)));
		return keyed;
	}

	@Override
	public final FieldPair<V> pair(long id, F field) {
		return jdbc.sql("select e.value as entry, v.value, v.first_value, v.status, v.keyed_by, v.keyed_at from " + keys
				+ " e left join " + keys + " v on v." + document + " = e." + document
				+ " and v.field = e.field and v.pass = 'VERIFY' where e." + document
				+ " = :id and e.pass = 'ENTRY' and e.field = :f")
				.param("id", id).param("f", field.ordinal())
				.query((rs, n) -> new FieldPair<>(rs.getObject("entry", valueType),
						rs.getString("status") == null ? null : keyedOf(rs)))
				.optional().orElse(new FieldPair<>(null, null));
	}

	@Override
	public final void save(long id, Pass pass, F field, Keyed<V> keyed) {
		jdbc.sql("insert into " + keys + " (" + document + ", pass, field, value, first_value, status, keyed_by, keyed_at)"
				+ " values (:id, :pass, :field, :value, :first, :status, :by, :at)"
				+ " on conflict (" + document + ", pass, field) do update set value = excluded.value,"
				+ " first_value = excluded.first_value, status = excluded.status, keyed_by = excluded.keyed_by,"
				+ " keyed_at = excluded.keyed_at")
				.param("id", id).param("pass", pass.name()).param("field", field.ordinal()).param("value", keyed.value())
				.param("first", keyed.firstValue()).param("status", keyed.status().name()).param("by", keyed.by())
				.param("at", at(keyed.at())).update();
	}

	@Override
	public final void decided(long id, List<Decision<F, V>> decided, String by, Instant at, String note) {
		for (Decision<F, V> d : decided) {
			jdbc.sql("insert into " + decisions + " (" + document + ", field, entry_value, verify_value, decided_value,"
					+ " decided_by, decided_at, note) values (:id, :f, :e, :v, :d, :by, :at, :note)")
					.param("id", id).param("f", d.field().ordinal()).param("e", d.entryValue())
					.param("v", d.verifyValue()).param("d", d.decidedValue()).param("by", by).param("at", at(at))
					.param("note", note).update();
		}
	}

	@Override
	public final List<String> keyers(long id, Pass pass) {
		return jdbc.sql("select distinct keyed_by from " + keys + " where " + document
				+ " = :id and pass = :p order by keyed_by").param("id", id).param("p", pass.name())
				.query(String.class).list();
	}

	private Keyed<V> keyedOf(ResultSet rs) throws SQLException {
		return new Keyed<>(rs.getObject("value", valueType), rs.getObject("first_value", valueType),
				Outcome.valueOf(rs.getString("status")), rs.getString("keyed_by"), instant(rs, "keyed_at"));
	}

	/** An instant as a {@code timestamptz} parameter. */
	private static OffsetDateTime at(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}
}
