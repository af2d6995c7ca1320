package jp.ikiiki.desk.tally.ui;

import com.vaadin.flow.component.Component;
import jp.ikiiki.desk.tally.StampField;
import jp.ikiiki.desk.tally.TallyProperties;

/** The label of a keyed field: check-up kinds with their configured names. */
final class FieldLabels {

	private FieldLabels() {
	}

	static String of(Component component, StampField f, TallyProperties properties) {
		if (f.isCheckup()) {
			return component.getTranslation("tally.field.checkup", f.checkup(), properties.checkupLabels().get(f.checkup() - 1));
		}
		String key = "tally.field." + f.apiName();
		return component.getTranslation(key);
	}

	/** The element id of a field's input: {@code prefix-stamps4p}, {@code prefix-checkups-0} … */
	static String id(String prefix, StampField f) {
		return prefix + "-" + f.apiName().replace('[', '-').replace("]", "");
	}
}
