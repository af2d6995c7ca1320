package jp.ikiiki.desk.printing;

import java.util.Map;

/**
 * One printed item (one page or one form set) for one person.
 *
 * @param subjectId the person's 宛名番号: decisions on unprintable characters are kept per person; null for items
 *                  not addressed to a subject (a group)
 * @param fields    the form's field values by the field names the form's layout uses (e.g. {@code name},
 *                  {@code postcode}, {@code address}, {@code applicationNumber})
 */
public record PrintItem(String subjectId, Map<String, String> fields) {

	public PrintItem {
		fields = Map.copyOf(fields);
	}
}
