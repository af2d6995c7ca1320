package jp.ikiiki.desk.groups.publiclists;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The items of the public group lists (第9章1(6) ア PDF per ward, イ Excel per category): which public fields, under
 * which heading, in which order, and how wide in the PDF. The city decides them
 * ({@code ikiiki.groups.public-list.columns[n].field/heading/width}); without configuration, {@link #DEFAULT_COLUMNS}.
 *
 * <p>Refused at start-up, with the reason: a field that is not a {@link PublicField} (a typing error); a
 * private field (REPRESENTATIVE_NAME, REPRESENTATIVE_ADDRESS, REPRESENTATIVE_PHONE, or any name holding
 * REPRESENTATIVE); the same field twice; a blank or over-long heading.
 *
 * @param columns the items, in order
 */
@ConfigurationProperties("ikiiki.groups.public-list")
public record PublicListProperties(List<Column> columns) {

	/**
	 * The items when none are configured: 区, 団体名, フリガナ, 活動の種類, 活動場所, 連絡先 (the 区 column is left out of the
	 * PDF, which is per ward).
	 */
	public static final List<Column> DEFAULT_COLUMNS = List.of(new Column("WARD", "区", 1),
			new Column("NAME", "団体名", 4), new Column("NAME_KANA", "フリガナ", 3),
			new Column("ACTIVITY_CODES", "活動の種類", 1), new Column("MEETING_PLACE", "活動場所", 4),
			new Column("PUBLIC_CONTACT", "連絡先", 3));

	/**
	 * One item.
	 *
	 * @param field   a {@link PublicField} name (e.g. NAME, MEETING_PLACE)
	 * @param heading the heading in Japanese, 1–20 characters
	 * @param width   the column's relative width in the PDF (1–10; 0 or absent: 3)
	 */
	public record Column(String field, String heading, int width) {
	}

	public PublicListProperties {
		if (columns == null || columns.isEmpty()) {
			columns = DEFAULT_COLUMNS;
		}
		Set<String> seen = new HashSet<>();
		List<Column> checked = new ArrayList<>();
		for (Column c : columns) {
			String f = c.field() == null ? "" : c.field().strip().toUpperCase(Locale.ROOT).replace('-', '_');
			if (f.contains("REPRESENTATIVE") || Arrays.stream(PublicField.Private.values()).anyMatch(p -> p.name().equals(f))) {
				throw new IllegalStateException("ikiiki.groups.public-list.columns: " + f + " is a private field (the "
						+ "representative's name, address and phone are never published, 第9章1(6)); remove it");
			}
			if (Arrays.stream(PublicField.values()).noneMatch(p -> p.name().equals(f))) {
				throw new IllegalStateException("ikiiki.groups.public-list.columns: unknown field '" + c.field()
						+ "'; the public fields are " + Arrays.toString(PublicField.values()));
			}
			if (!seen.add(f)) {
				throw new IllegalStateException("ikiiki.groups.public-list.columns: " + f + " is configured twice");
			}
			if (c.heading() == null || c.heading().isBlank() || c.heading().strip().length() > 20) {
				throw new IllegalStateException("ikiiki.groups.public-list.columns: the heading of " + f
						+ " must have 1 to 20 characters");
			}
			if (c.width() < 0 || c.width() > 10) {
				throw new IllegalStateException("ikiiki.groups.public-list.columns: the width of " + f
						+ " must be between 1 and 10");
			}
			checked.add(new Column(f, c.heading().strip(), c.width() == 0 ? 3 : c.width()));
		}
		columns = List.copyOf(checked);
	}

	/** The configured fields in order. */
	public List<PublicField> fields() {
		return columns.stream().map(c -> PublicField.valueOf(c.field())).toList();
	}
}
