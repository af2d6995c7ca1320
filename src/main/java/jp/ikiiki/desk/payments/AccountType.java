package jp.ikiiki.desk.payments;

import java.util.Optional;

/** 預金種目 as the 全銀 format codes it (1 普通, 2 当座, 4 貯蓄); the only kinds an incentive is paid into. */
public enum AccountType {
	/** 普通預金. */
	ORDINARY(1, "普通"),
	/** 当座預金. */
	CURRENT(2, "当座"),
	/** 貯蓄預金. */
	SAVINGS(4, "貯蓄");

	private final int code;
	private final String label;

	AccountType(int code, String label) {
		this.code = code;
		this.label = label;
	}

	/** The 全銀 code: 1, 2 or 4. */
	public int code() {
		return code;
	}

	/** 普通, 当座 or 貯蓄. */
	public String label() {
		return label;
	}

	/** The type a keyer typed: the code (1, 2, 4) or the label (普通, 普通預金, 当座, 貯蓄); empty otherwise. */
	public static Optional<AccountType> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String t = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC).strip();
		for (AccountType a : values()) {
			if (t.equals(String.valueOf(a.code)) || t.equals(a.label) || t.equals(a.label + "預金") || t.equals(a.name())) {
				return Optional.of(a);
			}
		}
		return Optional.empty();
	}

	/** The type of a 全銀 code; empty for any other code. */
	public static Optional<AccountType> ofCode(int code) {
		for (AccountType a : values()) {
			if (a.code == code) {
				return Optional.of(a);
			}
		}
		return Optional.empty();
	}
}
