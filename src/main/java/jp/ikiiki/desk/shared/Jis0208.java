package jp.ikiiki.desk.shared;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.BitSet;

/**
 * What can be printed as it is (第3章1). Mailings are printed with JIS X 0208 fonts; anything else, and the
 * placeholders the city's system writes for characters it could not hold (・ ■ 〓), must go to the city for a
 * decision: an external-character (外字) mapping or the kana form.
 */
public final class Jis0208 {

	/** Placeholders the city's system writes for characters it cannot hold (contract 第3章1). */
	public static final String PLACEHOLDERS = "・･■〓";

	private static final BitSet PRINTABLE = new BitSet(0x10000);

	static {
		CharsetEncoder jis = Charset.forName("x-JIS0208").newEncoder();
		for (char c = 0x80; c < 0xFFFF; c++) {
			if (!Character.isSurrogate(c) && jis.canEncode(c)) {
				PRINTABLE.set(c);
			}
		}
		PRINTABLE.set(0x20, 0x7F); // ASCII (JIS X 0201 roman)
		PRINTABLE.set(0xFF61, 0xFFA0); // half-width katakana (JIS X 0201 kana)
		for (char c : PLACEHOLDERS.toCharArray()) {
			PRINTABLE.clear(c);
		}
	}

	/**
	 * Maps the characters Windows (CP932) uses in place of their JIS X 0208 counterparts back to them, so that
	 * text typed on Windows is not falsely flagged: ～→〜, －→−, ∥→‖, ￠→¢, ￡→£, ￢→¬. Null gives "".
	 */
	public static String mapWindowsVariants(String s) {
		if (s == null) {
			return "";
		}
		var sb = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			sb.append(switch (c) {
				case '\uFF5E' -> '\u301C';
				case '\uFF0D' -> '\u2212';
				case '\u2225' -> '\u2016';
				case '\uFFE0' -> '\u00A2';
				case '\uFFE1' -> '\u00A3';
				case '\uFFE2' -> '\u00AC';
				default -> c;
			});
		}
		return sb.toString();
	}

	/**
	 * The characters of {@code s} that need 外字 review, each once, in order of first appearance: characters
	 * outside JIS X 0208, ASCII and half-width katakana (after {@link #mapWindowsVariants}), control
	 * characters, and the placeholders ・ ■ 〓. "" if there are none or {@code s} is null.
	 */
	public static String flagged(String s) {
		if (s == null || s.isEmpty()) {
			return "";
		}
		String m = mapWindowsVariants(s);
		var out = new StringBuilder();
		m.codePoints().forEach(cp -> {
			boolean ok = cp < 0x10000 && PRINTABLE.get(cp);
			if (!ok && out.indexOf(new String(Character.toChars(cp))) < 0) {
				out.appendCodePoint(cp);
			}
		});
		return out.toString();
	}

	/** True if {@link #flagged} finds nothing. */
	public static boolean printable(String s) {
		return flagged(s).isEmpty();
	}

	private Jis0208() {
	}
}
