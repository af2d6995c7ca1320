package jp.ikiiki.desk.groups;

import java.util.Arrays;
import java.util.Optional;

/** Hiroshima City's eight wards by 区コード (101–108), the unit of the public lists (第9章1(6)). */
public enum Ward {
	NAKA(101, "中区"), HIGASHI(102, "東区"), MINAMI(103, "南区"), NISHI(104, "西区"), ASAMINAMI(105, "安佐南区"),
	ASAKITA(106, "安佐北区"), AKI(107, "安芸区"), SAEKI(108, "佐伯区");

	private final int code;
	private final String japaneseName;

	Ward(int code, String japaneseName) {
		this.code = code;
		this.japaneseName = japaneseName;
	}

	public int code() {
		return code;
	}

	public String japaneseName() {
		return japaneseName;
	}

	public static Optional<Ward> ofCode(int code) {
		return Arrays.stream(values()).filter(w -> w.code == code).findFirst();
	}
}
