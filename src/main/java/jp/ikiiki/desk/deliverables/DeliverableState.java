package jp.ikiiki.desk.deliverables;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where one period of a deliverable stands. Every change goes through {@link #canBecome}: DUE → GENERATED (a file
 * made from one snapshot); GENERATED → GENERATED (made again, the earlier file kept), CHECKED (by someone other than
 * who generated it) or REJECTED (the checker's note says why); REJECTED → GENERATED; CHECKED → DELIVERED;
 * DELIVERED → DOWNLOADED (the city's first download). DOWNLOADED is final.
 */
public enum DeliverableState {
	/** Nothing generated yet. */
	DUE("未作成"),
	GENERATED("作成済み（確認待ち）"),
	REJECTED("差戻し"),
	CHECKED("確認済み（納品待ち）"),
	DELIVERED("納品済み（市の取得待ち）"),
	DOWNLOADED("市が取得済み");

	private final String label;

	DeliverableState(String label) {
		this.label = label;
	}

	/** Japanese label for screens and the API. */
	public String label() {
		return label;
	}

	/** Whether a period in this state may move to {@code next}. */
	public boolean canBecome(DeliverableState next) {
		return switch (this) {
			case DUE, REJECTED -> next == GENERATED;
			case GENERATED -> next == GENERATED || next == CHECKED || next == REJECTED;
			case CHECKED -> next == DELIVERED;
			case DELIVERED -> next == DOWNLOADED;
			case DOWNLOADED -> false;
		};
	}

	/** The states from which a period may move to {@code next}. */
	public static Set<DeliverableState> before(DeliverableState next) {
		Set<DeliverableState> from = EnumSet.noneOf(DeliverableState.class);
		for (DeliverableState s : values()) {
			if (s.canBecome(next)) {
				from.add(s);
			}
		}
		return from;
	}

	/** True once the city has been given the file: the period is no longer owed. */
	public boolean delivered() {
		return this == DELIVERED || this == DOWNLOADED;
	}
}
