package jp.ikiiki.desk.shared;

/**
 * Control characters in text that came from a file or a person: C0 (U+0000–U+001F, which includes TAB, line feed
 * and carriage return), DEL (U+007F) and C1 (U+0080–U+009F). None of them belongs in a name, an address or a search
 * term; an ESC or BEL would drive a terminal or printer, and a line break inside a value breaks every line-based
 * output. PostgreSQL cannot store NUL at all.
 */
public final class ControlCharacters {

	private ControlCharacters() {
	}

	/** Whether {@code c} is a C0 or C1 control or DEL. */
	public static boolean isControl(char c) {
		return c < 0x20 || (c >= 0x7F && c <= 0x9F);
	}

	/** The index of the first control character, or -1 if there is none (or the text is null). */
	public static int indexOf(String text) {
		if (text == null) {
			return -1;
		}
		for (int i = 0; i < text.length(); i++) {
			if (isControl(text.charAt(i))) {
				return i;
			}
		}
		return -1;
	}

	/** Whether the text holds a control character. */
	public static boolean contains(String text) {
		return indexOf(text) >= 0;
	}

	/** How a person knows the character: 改行, タブ, ESC, BEL, NUL …, or its code point (U+0085). */
	public static String name(char c) {
		return switch (c) {
			case '\n' -> "改行（LF）";
			case '\r' -> "改行（CR）";
			case '\t' -> "タブ";
			case 0x00 -> "NUL";
			case 0x07 -> "BEL";
			case 0x08 -> "BS";
			case 0x0C -> "FF";
			case 0x1B -> "ESC";
			case 0x7F -> "DEL";
			default -> String.format("U+%04X", (int) c);
		};
	}

	/**
	 * The text with every control character shown by its name in angle brackets (山田 followed by ESC and a colour code becomes {@code 山田<ESC>}…), for a
	 * problem list or an audit entry, where the raw character would be dropped, refused (NUL) or act on a terminal.
	 */
	public static String visible(String text) {
		if (text == null || indexOf(text) < 0) {
			return text;
		}
		var sb = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (isControl(c)) {
				sb.append('<').append(name(c)).append('>');
			} else {
				sb.append(c);
			}
		}
		return sb.toString();
	}
}
