package jp.ikiiki.desk.subjects.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import jp.ikiiki.desk.subjects.SubjectQuery;

/** Test-only window on the look-up's SQL, so the benchmark can print the plans of the very statements it times. */
public final class LookupStatements {

	/** The statement the look-up runs for {@code query}. */
	public static String sql(SubjectQuery query) {
		return JdbcSubjectLookup.Sql.of(query).statement();
	}

	/** Its parameters, with the first page of {@code limit} rows. */
	public static Map<String, Object> params(SubjectQuery query, int limit) {
		var params = new LinkedHashMap<>(JdbcSubjectLookup.Sql.of(query).params());
		params.put("limit", limit);
		params.put("offset", 0);
		return params;
	}

	private LookupStatements() {
	}
}
