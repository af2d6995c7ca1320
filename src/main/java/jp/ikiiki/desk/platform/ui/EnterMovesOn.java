package jp.ikiiki.desk.platform.ui;

import com.vaadin.flow.component.Component;
import java.util.List;

/**
 * Enter moves the focus to the next field in the browser itself, at once, without a round trip: keyers type ahead,
 * and a key typed before the server answered must never land in the wrong field (第7章1(4): entry and verify at
 * speed). The server still hears the value through the field's own listeners.
 */
public final class EnterMovesOn {

	private EnterMovesOn() {
	}

	/** Enter in {@code field} moves the focus to the element with id {@code next}. */
	public static void to(Component field, String next) {
		to(field, next, null);
	}

	/**
	 * Enter in {@code field} moves the focus to the element with id {@code next}, or to {@code ifBlank} instead when the
	 * field is empty (null: always {@code next}).
	 */
	public static void to(Component field, String next, String ifBlank) {
		field.getElement().executeJs("""
				this.addEventListener('keydown', e => {
				  if (e.key === 'Enter') {
				    e.preventDefault();
				    const target = ($1 && (this.value || '').trim() === '') ? $1 : $0;
				    const n = document.getElementById(target); if (n) { n.focus(); }
				  }
				});""", next, ifBlank);
	}

	/** Enter moves through the fields in this order (each needs an id), from the last one to {@code last}. */
	public static void chain(List<? extends Component> fields, String last) {
		for (int i = 0; i < fields.size(); i++) {
			to(fields.get(i), i + 1 < fields.size() ? fields.get(i + 1).getId().orElseThrow() : last);
		}
	}
}
