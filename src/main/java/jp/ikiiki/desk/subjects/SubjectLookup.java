package jp.ikiiki.desk.subjects;

import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The look-up an agent uses while a caller talks, also behind {@code GET /api/subjects}.
 * Every call is written to the audit trail (第11章) with the channel it came from; nothing personal goes to the
 * application log. The information-security manager has no access to subjects (least privilege).
 */
public interface SubjectLookup {

	/** Results per call unless the caller asks for fewer. */
	int DEFAULT_LIMIT = 50;
	/** The most results one call returns. */
	int MAX_LIMIT = 200;

	/**
	 * Finds the subjects matching every criterion of {@code query}, ordered by kana name then 宛名番号. Subjects
	 * whose records are all ended are included and marked {@link SubjectSummary#ended()}. Audited as SEARCH
	 * with the 宛名番号 of the rows returned and the criteria.
	 *
	 * @param query   the criteria; not null
	 * @param offset  rows to skip (paging), 0 or more
	 * @param limit   rows to return, 1 to {@link #MAX_LIMIT} (larger values are capped)
	 * @param channel the screen or API call, e.g. {@code 画面:対象者検索}; not null
	 * @return the page of results; empty if none
	 * @throws jp.ikiiki.desk.shared.InvalidInputException  if the query has no criterion
	 * @throws jp.ikiiki.desk.shared.StateConflictException if the look-up is too busy to take the search in time
	 */
	@PreAuthorize("hasAnyRole('AGENT', 'FLOOR_MANAGER', 'OPERATOR', 'CITY_STAFF')")
	List<SubjectSummary> search(SubjectQuery query, int offset, int limit, String channel);

	/**
	 * A search as typed: read into a {@link SubjectQuery} and run as {@link #search(SubjectQuery, int, int, String)}.
	 * A search that cannot be read (a control character, a date that does not exist, two different 宛名番号) is
	 * refused and audited as SEARCH with what was typed and why.
	 *
	 * @throws jp.ikiiki.desk.shared.InvalidInputException naming the field, if the search cannot be read or is empty
	 */
	@PreAuthorize("hasAnyRole('AGENT', 'FLOOR_MANAGER', 'OPERATOR', 'CITY_STAFF')")
	List<SubjectSummary> search(SubjectSearch search, int offset, int limit, String channel);

	/** The first {@code limit} results; see {@link #search(SubjectQuery, int, int, String)}. */
	@PreAuthorize("hasAnyRole('AGENT', 'FLOOR_MANAGER', 'OPERATOR', 'CITY_STAFF')")
	default List<SubjectSummary> search(SubjectQuery query, int limit, String channel) {
		return search(query, 0, limit, channel);
	}

	/**
	 * Everything a caller may ask about one subject. Bank details (別紙3 金融機関コード, 金融機関名, 店舗コード,
	 * 口座名義人) are filled only for OPERATOR; for every other role they are null. Audited as VIEW, also when
	 * the subject is unknown.
	 *
	 * @param addressNumber 宛名番号 (spaces and full-width digits tolerated)
	 * @param channel       the screen or API call; not null
	 * @return the subject, or empty if there is none with this 宛名番号
	 */
	@PreAuthorize("hasAnyRole('AGENT', 'FLOOR_MANAGER', 'OPERATOR', 'CITY_STAFF')")
	Optional<SubjectDetail> find(String addressNumber, String channel);
}
