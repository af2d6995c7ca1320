package jp.ikiiki.desk.groups.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import jp.ikiiki.desk.groups.GroupCategory;
import jp.ikiiki.desk.groups.GroupDirectory;
import jp.ikiiki.desk.groups.GroupProfile;
import jp.ikiiki.desk.groups.GroupState;
import jp.ikiiki.desk.groups.Representative;
import jp.ikiiki.desk.groups.Ward;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The groups read from {@code activity_group}. */
@Component
class JdbcGroupDirectory implements GroupDirectory {

	private static final String SELECT = """
			select id, category, name, name_kana, ward, activity_codes, meeting_place, representative_name,
			       representative_address, representative_phone, public_contact, state, applied_on, registered_on
			  from activity_group
			""";

	private final JdbcClient jdbc;

	JdbcGroupDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<GroupProfile> active() {
		return jdbc.sql(SELECT + " where state in ('REGISTERED', 'CHANGED') order by id").query(JdbcGroupDirectory::row)
				.list();
	}

	@Override
	@Transactional(readOnly = true)
	public List<GroupProfile> appliedIn(YearMonth month) {
		return jdbc.sql(SELECT + " where state = 'APPLIED' and applied_on between :from and :to order by id")
				.param("from", month.atDay(1)).param("to", month.atEndOfMonth()).query(JdbcGroupDirectory::row).list();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<GroupProfile> find(long id) {
		return lookup(jdbc, id);
	}

	/** The group, in the caller's transaction. */
	static Optional<GroupProfile> lookup(JdbcClient jdbc, long id) {
		return jdbc.sql(SELECT + " where id = :id").param("id", id).query(JdbcGroupDirectory::row).optional();
	}

	static GroupProfile row(ResultSet rs, int n) throws SQLException {
		Array codes = rs.getArray("activity_codes");
		return new GroupProfile(rs.getLong("id"), GroupCategory.valueOf(rs.getString("category")),
				rs.getString("name"), rs.getString("name_kana"),
				Ward.ofCode(rs.getInt("ward")).orElseThrow(() -> new IllegalStateException("ward out of range")),
				codes == null ? List.of() : List.of((String[]) codes.getArray()), rs.getString("meeting_place"),
				new Representative(rs.getString("representative_name"), rs.getString("representative_address"),
						rs.getString("representative_phone")),
				rs.getString("public_contact"), GroupState.valueOf(rs.getString("state")),
				rs.getObject("applied_on", LocalDate.class), rs.getObject("registered_on", LocalDate.class));
	}
}
