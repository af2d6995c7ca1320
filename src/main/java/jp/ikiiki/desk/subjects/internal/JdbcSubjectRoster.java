package jp.ikiiki.desk.subjects.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.subjects.AddressNumber;
import jp.ikiiki.desk.subjects.MailingSubject;
import jp.ikiiki.desk.subjects.SubjectRoster;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads subjects for mailings: the typed columns of {@code subject} and the few 別紙 cells the selection checks
 * need, picked out of the {@code subject_record} arrays by their 別紙 column number.
 */
@Service
class JdbcSubjectRoster implements SubjectRoster {

	private static final String SELECT = """
			select s.address_number, s.management_number, s.name_kanji, s.name_kana, s.postal_code, s.address,
			  s.address_extra, s.mail_postal_code, s.mail_address, s.mail_address_extra, s.ticket_type,
			  (r.index_record is not null and s.index_ended_at is null) as in_index,
			  (r.progress_record is not null and s.progress_ended_at is null) as in_progress,
			  r.progress_record[%d] as death_date, r.progress_record[%d] as points_excluded,
			  r.progress_record[%d] as not_issued, r.progress_record[%d] as stopped, r.progress_record[%d] as emergency_stop,
			  r.progress_record[%d] as booklet_created, coalesce(nullif(r.index_record[%d], ''), r.progress_record[%d]) as moved_in,
			  coalesce(nullif(r.index_record[%d], ''), r.progress_record[%d]) as decision_reason
			from subject s join subject_record r on r.address_number = s.address_number
			""".formatted(p("死亡日"), p("ポイント助成対象外"), p("ポイント手帳不交付"), p("ポイント手帳交付停止"), p("緊急停止"),
			p("手帳作成日"), i("転入区分"), p("転入区分"), i("決定事由"), p("決定事由"));

	private final JdbcTemplate streaming;
	private final NamedParameterJdbcTemplate named;

	JdbcSubjectRoster(DataSource dataSource) {
		this.streaming = new JdbcTemplate(dataSource);
		// PostgreSQL streams with a cursor only inside a transaction and with a fetch size.
		this.streaming.setFetchSize(1000);
		this.named = new NamedParameterJdbcTemplate(dataSource);
	}

	private static int p(String header) {
		return SubjectFileKind.PROGRESS.column(header).number();
	}

	private static int i(String header) {
		return SubjectFileKind.INDEX.column(header).number();
	}

	@Override
	@Transactional(readOnly = true)
	public void forEach(Source source, Consumer<MailingSubject> each) {
		String where = source == Source.INDEX ? "r.index_record is not null" : "r.progress_record is not null";
		streaming.query(SELECT + " where " + where + " order by s.address_number", rs -> {
			each.accept(row(rs));
		});
	}

	@Override
	public long count(Source source) {
		String column = source == Source.INDEX ? "index_record" : "progress_record";
		return streaming.queryForObject("select count(*) from subject_record where " + column + " is not null", Long.class);
	}

	@Override
	@Transactional(readOnly = true)
	public List<MailingSubject> find(Collection<String> addressNumbers) {
		List<String> numbers = addressNumbers.stream().map(AddressNumber::normalize).filter(s -> !s.isEmpty())
				.distinct().toList();
		if (numbers.isEmpty()) {
			return List.of();
		}
		List<MailingSubject> out = new ArrayList<>();
		for (int from = 0; from < numbers.size(); from += 5000) {
			var chunk = numbers.subList(from, Math.min(numbers.size(), from + 5000));
			named.query(SELECT + " where s.address_number in (:numbers) order by s.address_number",
					java.util.Map.of("numbers", chunk), rs -> {
						out.add(row(rs));
					});
		}
		return out;
	}

	private static MailingSubject row(ResultSet rs) throws SQLException {
		boolean inIndex = rs.getBoolean("in_index");
		boolean inProgress = rs.getBoolean("in_progress");
		String mailPostal = blank(rs.getString("mail_postal_code"));
		String mailAddress = blank(rs.getString("mail_address"));
		boolean mailing = mailPostal != null || mailAddress != null;
		String postal = mailing ? mailPostal : blank(rs.getString("postal_code"));
		String address = mailing ? mailAddress : blank(rs.getString("address"));
		String extra = blank(rs.getString(mailing ? "mail_address_extra" : "address_extra"));
		return new MailingSubject(rs.getString("address_number"), blank(rs.getString("management_number")),
				rs.getString("name_kanji"), rs.getString("name_kana"), postal, address, extra, inIndex, inProgress,
				!inIndex && !inProgress, date(rs.getString("death_date")), flag(rs.getString("points_excluded")),
				flag(rs.getString("not_issued")), flag(rs.getString("stopped")) || flag(rs.getString("emergency_stop")),
				date(rs.getString("booklet_created")), blank(rs.getString("moved_in")), blank(rs.getString("ticket_type")),
				blank(rs.getString("decision_reason")));
	}

	private static boolean flag(String s) {
		return "1".equals(s == null ? null : s.strip());
	}

	private static LocalDate date(String s) {
		String v = blank(s);
		if (v == null) {
			return null;
		}
		try {
			return LocalDate.parse(v);
		} catch (DateTimeParseException e) {
			return JapaneseDates.tryParse(v);
		}
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
