package jp.ikiiki.desk.subjects;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Lets tests in sub-packages (web, ui) insert the look-up fixtures. */
public final class SubjectLookupFixtures {

	/** (Re)inserts the fixture subjects (宛名番号 99000000xx); see {@code SubjectFixtures}. */
	public static void insert(JdbcClient jdbc) {
		SubjectFixtures.insertAll(jdbc);
	}

	private SubjectLookupFixtures() {
	}
}
